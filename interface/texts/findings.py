"""The sentences that say what the analytics found: why two organisations
could work together, what is missing, why a question cannot be answered.
key -> (français, English); the values come from the findings (names are
looked up from their ids)."""

FINDINGS = {
    # lists of names
    "list.more": ("{names} et {count} autre(s)", "{names} and {count} more"),
    "list.and": (" et ", " and "),
    "list.nor": (" ni ", " nor "),

    # what a suggested pair rests on (graph.analytics.partners.evidence)
    "reason.partners": ("travaillent tous deux avec : {names}", "both work with: {names}"),
    "reason.co_member": ("membres tous deux de : {names}", "both members of: {names}"),
    "reason.co_event": ("présents tous deux à : {names}", "both attended: {names}"),
    "reason.three_steps": ("proches dans le réseau : une relation de l'une est liée à une relation de l'autre",
                           "close in the network: a relation of one is tied to a relation of the other"),
    "reason.themes": ("travaillent tous deux sur : {names}", "both work on: {names}"),
    "reason.paired": ("territoires jumelés (ici / là-bas) : {here} ↔ {there}",
                      "paired territories (here / there): {here} ↔ {there}"),
    "reason.same_place": ("même territoire : {place}", "same territory: {place}"),
    "reason.sphere": ("sphère complémentaire : {sphere}", "complementary sphere: {sphere}"),
    "support.3": ("appui solide", "strong support"),
    "support.2": ("appui moyen", "some support"),
    "support.1": ("appui faible", "weak support"),
    "reason.path": ("introduction : {path}", "introduction: {path}"),

    # why two organisations are tied in the actor graph (graph.analytics.actor)
    "tie_reason.PARTNER_OF": ("partenaires", "partners"),
    "tie_reason.MEMBER_OF": ("membre de l'autre", "member of the other"),
    "tie_reason.FUNDS": ("financement", "funding"),
    "tie_reason.CREATED": ("l'un a créé l'autre", "one founded the other"),
    "tie_reason.RELATED_TO": ("lien « {label} »", "tie “{label}”"),
    "tie_reason.co_project": ("projet « {name} »", "project “{name}”"),
    "tie_reason.co_member": ("membres de « {name} »", "members of “{name}”"),
    "tie_reason.co_event": ("présents à « {name} »", "both at “{name}”"),

    # gaps (graph.analytics.gaps), one sentence per finding
    "gap.territory_pair_one_sided": (
        "{here} ↔ {there} : aucune organisation basée côté {side} dans le réseau, seulement des acteurs "
        "basés côté {other} qui y agissent.",
        "{here} ↔ {there}: no organisation based on the {side} side in the network, only actors based on "
        "the {other} side who work there."),
    "gap.territory_pair_unlinked": ("Aucun partenariat direct entre les acteurs de {here} ↔ {there}.",
                                    "No direct partnership between the actors of {here} ↔ {there}."),
    "gap.territory_pair_single_tie": (
        "Le lien {here} ↔ {there} ne tient qu'à un seul partenariat : {first} – {second}. S'il cesse, les "
        "deux territoires ne sont plus reliés.",
        "The {here} ↔ {there} link rests on a single partnership: {first} – {second}. If it ends, the two "
        "territories are no longer linked."),
    "gap.theme_without_counterpart": (
        "« {theme} » est travaillé côté {side}, mais personne n'y travaille côté {other}, son territoire jumelé.",
        "“{theme}” is worked on the {side} side, but nobody works on it on the {other} side, its paired "
        "territory."),
    "gap.project_missing_sphere": ("Le projet « {project} » réunit {members} acteurs, sans {missing}.",
                                   "The project “{project}” brings {members} actors together, without {missing}."),
    "gap.isolated": ("{name} n'a aucun lien avec une autre organisation du réseau.",
                     "{name} has no tie to another organisation of the network."),
    "gap.met_never_partnered": ("{first} et {second} se sont croisés ({events}) mais n'ont aucun lien direct.",
                                "{first} and {second} met ({events}) but have no direct tie."),
    "gap.single_point_of_failure_named": ("Sans {name}, {count} organisation(s) seraient coupées du reste du "
                                          "réseau : {names}.",
                                          "Without {name}, {count} organisation(s) would be cut off from the rest "
                                          "of the network: {names}."),
    "gap.single_point_of_failure": ("Sans {name}, {count} organisation(s) seraient coupées du reste du réseau.",
                                    "Without {name}, {count} organisation(s) would be cut off from the rest of "
                                    "the network."),

    # why two organisations may be one (graph.analytics.duplicates)
    "duplicate.identifier": ("même identifiant officiel : {value}", "same official identifier: {value}"),
    "duplicate.website": ("même site web : {value}", "same website: {value}"),
    "duplicate.acronym": ("même sigle : {value}", "same acronym: {value}"),
    "duplicate.close_names": ("noms presque identiques ({score} %)", "nearly identical names ({score}%)"),
    "duplicate.contains": ("un nom contient l'autre : « {value} »", "one name contains the other: “{value}”"),

    # questions the analytics cannot answer (graph.analytics.Refused)
    "refused.ambiguous_organisation": ("« {text} » peut désigner plusieurs organisations : {names}. Précisez le "
                                       "nom complet ou l'identifiant.",
                                       "“{text}” may mean several organisations: {names}. Give the full name "
                                       "or the id."),
    "refused.unknown_organisation": ("Aucune organisation ne s'appelle « {text} ».",
                                     "No organisation is called “{text}”."),
    "refused.ambiguous_element": ("« {text} » peut désigner plusieurs éléments : {names}. Donnez l'identifiant.",
                                  "“{text}” may mean several elements: {names}. Give the id."),
    "refused.unknown_element": ("Aucun élément ne s'appelle exactement « {text} ».",
                                "No element is called exactly “{text}”."),
    "refused.unknown_status": ("« {value} » n'est pas une suite possible ; attendu : {expected}",
                               "“{value}” is not a possible follow-up; expected: {expected}"),
    "refused.merge_itself": ("Un élément ne peut pas être fusionné avec lui-même.",
                             "An element cannot be merged with itself."),
    "refused.own_partner": ("Une organisation ne peut pas être son propre partenaire.",
                            "An organisation cannot be its own partner."),
    "refused.merge_other_kind": ("Seuls deux éléments de même nature peuvent être fusionnés.",
                                 "Only two elements of the same kind can be merged."),
    "refused.did_you_mean": (" Vouliez-vous dire : {names} ?", " Did you mean: {names}?"),
    "refused.not_an_organisation": ("« {text} » n'est pas une organisation du graphe.",
                                    "“{text}” is not an organisation of the graph."),
    "refused.unknown_territory": ("Aucun territoire ne s'appelle « {text} ».", "No territory is called “{text}”."),
    "refused.unknown_theme": ("Aucun thème ne s'appelle « {text} ».", "No theme is called “{text}”."),
    "refused.too_many_pairs": ("Trop d'organisations ({count}) pour comparer toutes les paires : demandez "
                               "plutôt les partenaires potentiels d'une organisation.",
                               "Too many organisations ({count}) to compare every pair: ask for one "
                               "organisation's potential partners instead."),
}
