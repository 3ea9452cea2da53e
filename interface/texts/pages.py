"""The words of the pages: key -> (français, English)."""

PAGES = {
    "app.title": ("Passerelles", "Passerelles"),
    "app.tagline": ("Qui agit avec qui, où, sur quoi : les synergies, les lacunes et les partenaires possibles "
                    "d'un réseau de solidarité internationale.",
                    "Who works with whom, where, on what: the synergies, the gaps and the potential partners "
                    "of an international solidarity network."),
    "app.store": ("Données : {store}", "Data: {store}"),
    "app.empty": ("Le graphe est vide. Chargez un fichier depuis la page « Données ».",
                  "The graph is empty. Load a file from the “Data” page."),
    "app.store_error": ("Le stockage ne répond pas : {error}", "The store does not answer: {error}"),
    "app.failure": ("Cette page n'a pas pu s'afficher. Réessayez ; si cela se reproduit, donnez cette référence à "
                    "la personne qui gère Passerelles : {reference}.",
                    "This page could not be shown. Try again; if it happens again, give this reference to the "
                    "person who runs Passerelles: {reference}."),
    "app.recomputing": ("Calcul des indicateurs du réseau…", "Computing the network's metrics…"),

    "nav.overview": ("Vue d'ensemble", "Overview"),
    "nav.explorer": ("Explorer", "Explore"),
    "nav.actor": ("Fiche acteur", "Actor"),
    "nav.opportunities": ("Synergies & partenaires", "Synergies & partners"),
    "nav.gaps": ("Lacunes", "Gaps"),
    "nav.territories": ("Territoires", "Territories"),
    "nav.journal": ("Journal", "Journal"),
    "nav.duplicates": ("Doublons", "Duplicates"),
    "nav.followups": ("Suivi", "Follow-up"),
    "nav.data": ("Données", "Data"),
    "nav.method": ("Méthode", "Method"),

    # words of the data model
    "kind.Organisation": ("Organisation", "Organisation"),
    "kind.Territory": ("Territoire", "Territory"),
    "kind.Project": ("Projet", "Project"),
    "kind.Event": ("Événement", "Event"),
    "kind.Theme": ("Thème", "Theme"),
    "kind.Person": ("Personne", "Person"),
    "kind.Resource": ("Ressource", "Resource"),
    "sphere.civil_society": ("Société civile", "Civil society"),
    "sphere.public": ("Pouvoirs publics", "Public authorities"),
    "sphere.economic": ("Acteurs économiques", "Economic actors"),
    "sphere.research": ("Recherche", "Research"),
    "sphere.unknown": ("Non renseignée", "Unknown"),
    "category.association": ("Association", "Association"),
    "category.ngo": ("ONG", "NGO"),
    "category.network": ("Réseau", "Network"),
    "category.union": ("Syndicat", "Union"),
    "category.foundation": ("Fondation", "Foundation"),
    "category.media": ("Média", "Media"),
    "category.local_authority": ("Collectivité territoriale", "Local authority"),
    "category.state_body": ("Organisme d'État", "State body"),
    "category.international_organisation": ("Organisation internationale", "International organisation"),
    "category.company": ("Entreprise", "Company"),
    "category.research": ("Recherche", "Research"),
    "category.other": ("Autre", "Other"),
    "relation.MEMBER_OF": ("membre de", "member of"),
    "relation.PARTNER_OF": ("partenaire de", "partner of"),
    "relation.LEADS": ("porte", "leads"),
    "relation.TAKES_PART_IN": ("participe à", "takes part in"),
    "relation.FUNDS": ("finance", "funds"),
    "relation.CREATED": ("a créé", "created"),
    "relation.BASED_IN": ("implanté à", "based in"),
    "relation.ACTIVE_IN": ("agit à", "active in"),
    "relation.TARGETS": ("cible", "targets"),
    "relation.PART_OF": ("fait partie de", "part of"),
    "relation.WORKS_ON": ("travaille sur", "works on"),
    "relation.ADDRESSES": ("traite de", "addresses"),
    "relation.ORGANISES": ("organise", "organises"),
    "relation.ATTENDED": ("a participé à", "attended"),
    "relation.WORKS_FOR": ("travaille pour", "works for"),
    "relation.PAIRED_WITH": ("jumelé avec (ici / là-bas)", "paired with (here / there)"),
    "relation.RELATED_TO": ("autre lien", "other tie"),
    "relation.FOLLOWS_UP": ("suivi d'une suggestion", "follow-up of a suggestion"),

    # what became of a suggested partner
    "status.introduced": ("mise en relation faite", "introduction made"),
    "status.to_follow": ("à suivre", "to follow"),
    "status.already_partners": ("déjà partenaires", "already partners"),
    "status.not_relevant": ("pas pertinent", "not relevant"),

    # the fields of an element
    "field.name": ("Nom", "Name"),
    "field.acronym": ("Sigle", "Acronym"),
    "field.aliases": ("Autres noms", "Other names"),
    "field.identifiers": ("Identifiants", "Identifiers"),
    "field.distinct_from": ("N'est pas la même que", "Is not the same as"),
    "field.category": ("Catégorie", "Category"),
    "field.sphere": ("Sphère", "Sphere"),
    "field.type_label": ("Type (tel qu'écrit dans la source)", "Type (as the source wrote it)"),
    "field.website": ("Site web", "Website"),
    "field.url": ("Adresse web", "Web address"),
    "field.description": ("Description", "Description"),
    "field.level": ("Niveau", "Level"),
    "field.country_code": ("Code pays", "Country code"),
    "field.lat": ("Latitude", "Latitude"),
    "field.lon": ("Longitude", "Longitude"),
    "field.side": ("Côté (ici / là-bas)", "Side (here / there)"),
    "field.start": ("Début", "Start"),
    "field.end": ("Fin", "End"),
    "field.date": ("Date", "Date"),
    "field.place": ("Lieu", "Place"),
    "field.email": ("E-mail", "E-mail"),
    "field.contact_details": ("Coordonnées trouvées dans le texte", "Contact details found in the text"),
    "field.phone": ("Téléphone", "Phone"),
    "field.tags": ("Mots-clés", "Tags"),
    "field.role": ("Rôle", "Role"),
    "field.function": ("Fonction", "Function"),
    "field.project": ("Projet", "Project"),
    "field.since": ("Depuis", "Since"),
    "field.kind": ("Nature", "Kind"),
    "field.label": ("Libellé", "Label"),
    "field.note": ("Note", "Note"),
    "field.weight": ("Poids", "Weight"),
    "side.ici": ("ici", "here"),
    "side.la-bas": ("là-bas", "there"),
    "level.zone": ("zone", "zone"),
    "level.country": ("pays", "country"),
    "level.region": ("région", "region"),
    "level.departement": ("département", "département"),
    "level.city": ("ville", "city"),
    "level.area": ("aire", "area"),
    "store.embedded": ("stockage intégré", "embedded store"),
    "store.neo4j": ("Neo4j", "Neo4j"),

    # metrics: name and plain-language meaning
    "metric.degree": ("Liens", "Ties"),
    "metric.weighted_degree": ("Force des liens", "Tie strength"),
    "metric.betweenness": ("Intermédiarité", "Betweenness"),
    "metric.pagerank": ("Influence (PageRank)", "Influence (PageRank)"),
    "metric.constraint": ("Contrainte", "Constraint"),
    "metric.effective_size": ("Taille effective", "Effective size"),
    "metric.k_core": ("Noyau (k-core)", "Core (k-core)"),
    "metric.community": ("Communauté", "Community"),
    "metric.articulation_point": ("Point de fragilité", "Single point of failure"),
    "explain.degree": ("Le nombre d'organisations avec qui elle a un lien direct ou un projet ; être membres du "
                       "même réseau ou s'être croisés à un événement ne compte pas ici.",
                       "How many organisations it has a direct tie or a project with; being members of the "
                       "same network or having met at an event does not count here."),
    "explain.weighted_degree": ("La somme des forces de ses liens : un partenariat pèse {tie_PARTNER_OF}, une "
                                "adhésion {tie_MEMBER_OF}, un financement {tie_FUNDS}, une création {tie_CREATED}, un "
                                "autre lien nommé {tie_RELATED_TO}. Un projet, un réseau ou un événement compte une fois "
                                "pour chacun, quelle que soit sa taille : {tie_co_project} pour un projet, "
                                "{tie_co_member} pour un réseau, {tie_co_event} pour un événement, partagés entre ses "
                                "autres membres (un atelier de 40 participants ne fait pas 39 liens).",
                                "The sum of its ties' strengths: a partnership weighs {tie_PARTNER_OF}, a membership "
                                "{tie_MEMBER_OF}, funding {tie_FUNDS}, founding {tie_CREATED}, another named tie "
                                "{tie_RELATED_TO}. A project, a network or an event counts once for each of its "
                                "members, whatever its size: {tie_co_project} for a project, {tie_co_member} for a "
                                "network, {tie_co_event} for an event, shared among its other members (a workshop of "
                                "40 participants does not make 39 ties)."),
    "explain.betweenness": ("La part des plus courts chemins entre deux autres organisations qui passent par "
                            "elle : élevée, elle fait le pont entre des groupes qui sans elle se parleraient "
                            "moins (0 à 1).",
                            "The share of shortest paths between two other organisations that go through it: "
                            "high, it bridges groups that would talk less without it (0 to 1)."),
    "explain.pagerank": ("Être lié à des organisations elles-mêmes bien liées : une mesure de visibilité dans "
                         "le réseau. Toutes les valeurs font 1 ensemble.",
                         "Being tied to organisations that are themselves well tied: a measure of visibility in "
                         "the network. All values add up to 1."),
    "explain.constraint": ("Selon Burt : proche de 1, ses partenaires se connaissent tous entre eux (peu de "
                           "marge de manœuvre) ; faible, elle relie des mondes séparés.",
                           "After Burt: close to 1, its partners all know each other (little room to "
                           "manoeuvre); low, it links separate worlds."),
    "explain.effective_size": ("Selon Burt : combien de ses partenaires apportent un accès non redondant "
                               "(le nombre de partenaires moins leurs liens entre eux).",
                               "After Burt: how many of its partners bring non-redundant access (the number "
                               "of partners less their ties to one another)."),
    "explain.k_core": ("La profondeur dans le réseau : k signifie qu'elle appartient à un groupe où chacune a "
                       "au moins k liens dans le groupe. Le cœur du réseau a le k le plus élevé.",
                       "Depth in the network: k means it belongs to a group where each has at least k ties "
                       "inside the group. The network's core has the highest k."),
    "explain.community": ("Le groupe d'organisations plus liées entre elles qu'avec le reste (méthode de "
                          "Leiden, graine fixe pour des résultats reproductibles). La modularité dit si les "
                          "groupes sont nets : au-delà de 0,3, ils le sont.",
                          "The group of organisations more tied to each other than to the rest (Leiden "
                          "method, fixed seed for repeatable results). Modularity says whether the groups are "
                          "clear-cut: above 0.3, they are."),
    "explain.articulation_point": ("Si elle quittait le réseau, des organisations en seraient coupées.",
                                   "If it left the network, some organisations would be cut off from it."),

    # overview
    "overview.counts": ("{nodes} nœuds, {edges} liens", "{nodes} nodes, {edges} ties"),
    "overview.organisations": ("Organisations", "Organisations"),
    "overview.territories": ("Territoires", "Territories"),
    "overview.projects": ("Projets", "Projects"),
    "overview.ties": ("Liens entre organisations", "Ties between organisations"),
    "overview.by_sphere": ("Organisations par sphère", "Organisations by sphere"),
    "overview.by_category": ("Organisations par catégorie", "Organisations by category"),
    "overview.by_territory": ("Organisations par territoire (implantées ou actives)",
                              "Organisations by territory (based or active)"),
    "overview.pairs": ("Territoires jumelés (ici / là-bas)", "Paired territories (here / there)"),
    "overview.no_pairs": ("Aucun jumelage de territoires dans les données.", "No territory pair in the data."),
    "actor.waiting_partners": ("⏳ Recherche des partenaires possibles en cours (le réseau entier est comparé une "
                               "fois) : cette partie s'affichera d'elle-même dans quelques instants.",
                               "⏳ Looking for potential partners (the whole network is compared once): this part "
                               "will appear by itself in a few moments."),
    "app.waiting_metrics": ("⏳ Calcul des indicateurs du réseau en cours (intermédiarité de chaque "
                                 "organisation) : cette partie s'affichera d'elle-même dans quelques instants.",
                                 "⏳ Computing the network's metrics (each organisation's betweenness): this part "
                                 "will appear by itself in a few moments."),
    "overview.brokers": ("Les principaux passeurs (intermédiarité la plus élevée)",
                         "The main brokers (highest betweenness)"),
    "overview.store": ("Données : {store} — {location}. Dernière modification : {modified}.",
                       "Data: {store} — {location}. Last change: {modified}."),
    "overview.count": ("Nombre", "Count"),
    "overview.here": ("Ici", "Here"),
    "overview.there": ("Là-bas", "There"),
    "overview.organisations_both": ("Organisations des deux côtés", "Organisations on both sides"),

    # explorer
    "explorer.kinds": ("Types de nœuds", "Node kinds"),
    "explorer.categories": ("Catégories d'organisation", "Organisation categories"),
    "explorer.spheres": ("Sphères", "Spheres"),
    "explorer.territory": ("Territoire", "Territory"),
    "explorer.theme": ("Thème", "Theme"),
    "explorer.relations": ("Types de liens", "Tie types"),
    "explorer.colour": ("Couleur selon", "Colour by"),
    "explorer.size": ("Taille selon", "Size by"),
    "explorer.focus": ("Centrer sur un acteur", "Focus on an actor"),
    "explorer.radius": ("Rayon (nombre de pas)", "Radius (steps)"),
    "explorer.path_to": ("Chemin jusqu'à", "Path to"),
    "explorer.path_help": ("Le chemin par les liens les plus forts entre l'acteur central et celui-ci, tracé en "
                           "rouge (par un projet, un réseau ou un événement quand ils ne sont liés que par lui).",
                           "The path through the strongest ties from the focused actor to this one, drawn in red "
                           "(through a project, a network or an event when that is all that ties them)."),
    "explorer.path": ("Chemin (en rouge) : {path}", "Path (in red): {path}"),
    "explorer.no_path": ("Aucun chemin ne relie {first} et {second} dans le graphe.",
                         "No path joins {first} and {second} in the graph."),
    "explorer.all": ("(tous)", "(all)"),
    "explorer.none": ("(aucun)", "(none)"),
    "search.label": ("{what} : chercher par le nom ({count} au choix)", "{what}: search by name ({count} to choose from)"),
    "search.placeholder": ("quelques lettres du nom, puis Entrée", "a few letters of the name, then Enter"),
    "search.more": ("{total} trouvés : les {shown} premiers dans la liste, précisez la recherche pour les autres.",
                    "{total} found: the first {shown} in the list, narrow the search for the others."),
    "search.none": ("Aucun nom ne contient « {query} ».", "No name holds “{query}”."),
    "explorer.shown": ("{nodes} nœuds et {edges} liens affichés.", "{nodes} nodes and {edges} ties shown."),
    "explorer.nothing": ("Rien à afficher avec ces filtres.", "Nothing to show with these filters."),
    "explorer.relayout": ("Redessiner", "Lay out again"),
    "explorer.relayout_help": ("D'un clic à l'autre, ce qui était déjà dessiné reste à sa place et les nouveaux "
                               "éléments se placent près de leurs liens. « Redessiner » recalcule tout le dessin.",
                               "From one click to the next, what was already drawn stays where it was and new "
                               "elements settle beside their ties. “Lay out again” computes the whole drawing anew."),
    "explorer.shown_groups": ("{nodes} groupes affichés et {shown} des {edges} liens entre eux : pour chaque groupe, "
                              "ses {most} liens les plus nombreux (l'épaisseur dit combien de liens les unissent).",
                              "{nodes} groups shown and {shown} of the {edges} ties between them: for each group, its "
                              "{most} heaviest (the width says how many ties join them)."),
    "explorer.aggregated": ("{nodes} nœuds, c'est trop pour un dessin lisible : chaque groupe ({by}) est "
                            "montré comme un seul nœud. Ouvrez un groupe pour voir ses membres.",
                            "{nodes} nodes are too many for a readable drawing: each group ({by}) is shown as "
                            "one node. Open a group to see its members."),
    "explorer.open_group": ("Ouvrir un groupe", "Open a group"),
    "explorer.open_subgroup": ("Ouvrir un sous-groupe", "Open a subgroup"),
    "explorer.other_groups": ("{count} autres groupes, plus petits", "{count} other, smaller groups"),
    "explorer.group": ("{name} ({count} nœuds)", "{name} ({count} nodes)"),
    "explorer.legend": ("Légende", "Legend"),
    "explorer.no_territory": ("sans territoire connu", "no known territory"),
    "explorer.sphere": ("Sphère", "Sphere"),
    "explorer.community": ("Communauté", "Community"),
    "explorer.constant": ("Taille égale", "Same size"),
    "explorer.open_actor": ("Ouvrir la fiche de {name}", "Open {name}'s page"),
    "explorer.network_alt": ("Réseau interactif", "Interactive network"),
    "explorer.export": ("Exporter cette vue", "Export this view"),
    "explorer.open_page": ("Ouvrir sa fiche", "Open its page"),
    "explorer.open_territory": ("Voir qui agit dans ce territoire", "See who works in this territory"),
    "explorer.close": ("Fermer", "Close"),
    "explorer.expand": ("Déplier ses voisins", "Show its neighbours"),
    "explorer.find": ("Chercher dans le dessin…", "Find in the drawing…"),
    "explorer.png": ("Télécharger cette vue en image PNG, avec sa légende",
                     "Download this view as a PNG image, with its legend"),
    "explorer.svg": ("Télécharger cette vue en image SVG (à agrandir sans perte, à retoucher), avec sa légende",
                     "Download this view as an SVG image (scales without loss, can be edited), with its legend"),
    "explorer.export_note": (
        "Ce que montre le dessin (nœuds et liens), avec ses couleurs et ses tailles et les indicateurs de "
        "chaque organisation (calculés sur tout le réseau). Sans les coordonnées (e-mails, téléphones).",
        "What the drawing shows (nodes and ties), with its colours and sizes and each organisation's metrics "
        "(computed on the whole network). Without contact details (e-mails, phones)."),

    # actor page
    "actor.choose": ("Organisation", "Organisation"),
    "actor.none": ("Aucune organisation dans le graphe.", "No organisation in the graph."),
    "actor.attributes": ("Informations", "Details"),
    "actor.sources": ("Sources", "Sources"),
    "actor.conflicts": ("Valeurs en désaccord entre sources", "Values on which sources disagree"),
    "actor.ties": ("Ses liens", "Its ties"),
    "actor.metrics": ("Sa place dans le réseau", "Its place in the network"),
    "actor.rank": ("{rank} sur {total} ayant au moins {ties} lien(s)", "{rank} of {total} with at least {ties} "
                   "tie(s)"),
    "actor.rank_col": ("Rang", "Rank"),
    "actor.partners": ("Partenaires potentiels", "Potential partners"),
    "actor.no_partners": ("Aucun candidat : rien en commun avec une organisation qui ne lui soit pas déjà liée.",
                          "No candidate: nothing in common with an organisation not already tied to it."),
    "actor.thin": ("Le dossier de {name} est encore mince (rien sur : {missing}) : les suggestions ci-dessous sont "
                   "des pistes, pas des recommandations. Ajoutez ses partenaires, ses thèmes et ses territoires "
                   "(« Modifier, relier, ajouter ») pour de meilleures suggestions.",
                   "{name}'s record is still thin (nothing on: {missing}): the suggestions below are leads, not "
                   "recommendations. Add its partners, themes and territories (“Edit, tie, add”) for better ones."),
    "actor.thin.partners": ("ses partenaires", "its partners"),
    "actor.thin.themes": ("ses thèmes", "its themes"),
    "actor.thin.places": ("ses territoires", "its territories"),
    "actor.same_reason": ("{names} — {count} suggestions pour la même raison",
                          "{names} — {count} suggestions for the same reason"),
    "actor.no_intermediary": ("Pas besoin d'intermédiaire : ils se sont déjà croisés.",
                              "No go-between needed: they have already met."),
    "actor.no_path": ("Personne dans le réseau ne relie les deux : la suggestion repose sur ce qui précède.",
                      "Nobody in the network links the two: the suggestion rests on the above."),
    "actor.together": ("Travaillent déjà ensemble (pas des partenaires potentiels)",
                       "Already working together (not potential partners)"),
    "actor.together_on": ("{name} : sur {projects}", "{name}: on {projects}"),
    "actor.introduction": ("Introduction possible : {path}", "Possible introduction: {path}"),
    "actor.ego": ("Son voisinage", "Its neighbourhood"),
    "actor.show_contacts": ("Afficher les coordonnées (e-mail, téléphone)", "Show contact details (e-mail, phone)"),
    "actor.contacts_hidden": ("Coordonnées masquées.", "Contact details hidden."),
    "actor.field": ("Champ", "Field"),
    "actor.metric": ("Indicateur", "Metric"),
    "actor.value": ("Valeur", "Value"),
    "actor.direction": ("Sens", "Direction"),
    "actor.relation": ("Lien", "Tie"),
    "actor.other": ("Avec", "With"),
    "actor.kind": ("Type", "Kind"),
    "actor.out": ("→", "→"),
    "actor.in": ("←", "←"),
    "actor.score": ("Score", "Score"),
    "actor.score_help": ("Le nombre qui classe les suggestions : il n'a pas d'unité et ne se compare qu'entre "
                         "suggestions d'un même réseau. L'appui (●●● solide, ●●○ moyen, ●○○ faible) dit sur quoi "
                         "elle repose : voir la page Méthode.",
                         "The number that ranks the suggestions: it has no unit and only compares suggestions "
                         "within one network. The support (●●● strong, ●●○ some, ●○○ weak) says what it rests "
                         "on: see the Méthode page."),
    "opp.support": ("Appui", "Support"),
    "actor.reasons": ("Pourquoi", "Why"),
    "actor.value_metric": ("Valeur", "Value"),
    "actor.meaning": ("Ce que cela veut dire", "What it means"),
    "actor.yes": ("oui", "yes"),
    "actor.no": ("non", "no"),
    "actor.explore": ("Voir dans l'explorateur", "See in the explorer"),
    "edit.title": ("Modifier, relier, ajouter", "Edit, tie, add"),
    "edit.fields": ("Ses informations", "Its details"),
    "edit.ties": ("Ajouter ou retirer un lien", "Add or remove a tie"),
    "edit.new": ("Ajouter un élément", "Add an element"),
    "edit.aliases": ("Autres noms (un par ligne)", "Other names (one per line)"),
    "edit.note": ("Note pour le journal", "Note for the journal"),
    "edit.note_help": ("une réunion, un document, un appel…", "a meeting, a document, a call…"),
    "edit.save": ("Enregistrer", "Save"),
    "edit.nothing": ("Rien n'a changé.", "Nothing changed."),
    "edit.saved": ("« {name} » enregistré (voir le journal).", "“{name}” saved (see the journal)."),
    "edit.stale": ("Cet élément a été modifié depuis que vous avez ouvert ce formulaire.",
                   "This element was changed since you opened this form."),
    "edit.reload": ("Repartir de la version actuelle", "Start again from the current version"),
    "edit.relation": ("Lien", "Tie"),
    "edit.target": ("Avec", "With"),
    "edit.choose": ("choisir…", "choose…"),
    "edit.add_tie": ("Ajouter ce lien", "Add this tie"),
    "edit.within_project": ("Dans le projet", "Within the project"),
    "edit.optional": ("facultatif", "optional"),
    "edit.tie_added": ("Lien ajouté : {relation} {name}.", "Tie added: {relation} {name}."),
    "edit.remove_which": ("Lien à retirer", "Tie to remove"),
    "edit.remove_tie": ("Retirer ce lien", "Remove this tie"),
    "edit.tie_removed": ("Lien retiré : {tie}.", "Tie removed: {tie}."),
    "edit.kind": ("Nature", "Kind"),
    "edit.category_if_org": ("Catégorie (pour une organisation)", "Category (for an organisation)"),
    "edit.add": ("Ajouter", "Add"),
    "edit.added": ("« {name} » ajouté.", "“{name}” added."),
    "edit.name_needed": ("donnez un nom", "give a name"),
    "app.who": ("Votre nom (pour le journal)", "Your name (for the journal)"),
    "app.who_help": ("Il accompagne vos modifications dans le journal de cette instance ; il n'est gardé que "
                     "pour cette session.", "It goes with your changes in this instance's journal; it is kept for "
                     "this session only."),

    # opportunities
    "opp.intro": ("Les paires d'organisations pas encore liées qui ont le plus en commun : partenaires communs, "
                  "thèmes, territoires (ou territoires jumelés), sphères complémentaires.",
                  "The pairs of organisations not yet tied that have the most in common: shared partners, "
                  "themes, territories (or paired territories), complementary spheres."),
    "opp.top": ("Nombre de paires", "Number of pairs"),
    "opp.territory": ("Au moins l'une agit dans ce territoire", "At least one works in this territory"),
    "opp.theme": ("Au moins l'une travaille sur ce thème", "At least one works on this theme"),
    "opp.first": ("Organisation", "Organisation"),
    "opp.second": ("Partenaire possible", "Potential partner"),
    "opp.download": ("Télécharger (CSV)", "Download (CSV)"),
    "opp.waiting": ("⏳ Comparaison de toutes les paires d'organisations en cours (une fois pour cette version "
                    "des données, environ une demi-minute à 25 000 organisations) : les synergies "
                    "s'afficheront d'elles-mêmes.",
                    "⏳ Comparing every pair of organisations (once for this version of the data, about half a "
                    "minute at 25,000 organisations): the synergies will appear by themselves."),
    "opp.too_big": ("{count} organisations : trop pour comparer toutes les paires. Ouvrez la fiche d'une "
                    "organisation pour voir ses partenaires potentiels.",
                    "{count} organisations: too many to compare every pair. Open an organisation's page to "
                    "see its potential partners."),
    "opp.none": ("Aucune paire ne ressort avec ces filtres.", "No pair stands out with these filters."),

    # gaps
    "gaps.intro": ("Ce qui manque au réseau, et pourquoi cela compte.", "What the network lacks, and why it matters."),
    "gaps.territory_pairs": ("Territoires jumelés mal reliés", "Poorly linked paired territories"),
    "gaps.themes": ("Thèmes sans répondant dans le territoire jumelé", "Themes without a counterpart in the paired territory"),
    "gaps.spheres": ("Projets et partenariats auxquels il manque une sphère", "Projects and partnerships missing a sphere"),
    "gaps.isolated": ("Organisations isolées", "Isolated organisations"),
    "gaps.met_never_partnered": ("Se sont croisées sans jamais s'associer", "Met but never partnered"),
    "gaps.single_points_of_failure": ("Points de fragilité", "Single points of failure"),
    "gaps.why.territory_pairs": ("Une coopération « ici / là-bas » qui ne tient qu'à un lien s'arrête si ce lien "
                                 "cesse ; sans lien, les acteurs des deux territoires s'ignorent.",
                                 "A here / there cooperation held by one tie stops if that tie ends; with no tie, "
                                 "the actors of both territories ignore each other."),
    "gaps.why.themes": ("Un thème travaillé d'un côté seulement : un partenaire à trouver de l'autre côté.",
                        "A theme worked on one side only: a partner to find on the other side."),
    "gaps.why.spheres": ("Les projets multi-acteurs réussissent mieux quand société civile, pouvoirs publics "
                         "et acteurs économiques y sont ensemble.",
                         "Multi-actor projects do better when civil society, public authorities and economic "
                         "actors are in them together."),
    "gaps.why.isolated": ("Une organisation sans lien ne profite pas du réseau, et le réseau ne profite pas "
                          "d'elle.", "An organisation with no tie gets nothing from the network, nor the network "
                          "from it."),
    "gaps.why.met_never_partnered": ("Elles se connaissent déjà : la mise en relation est à moitié faite.",
                                     "They already know each other: the introduction is half done."),
    "gaps.why.single_points_of_failure": ("Si cette organisation part, d'autres perdent tout lien avec le "
                                          "reste du réseau.", "If this organisation leaves, others lose every "
                                          "tie to the rest of the network."),
    "gaps.none": ("Rien à signaler.", "Nothing to report."),
    "gaps.more": ("… et {count} de plus.", "… and {count} more."),
    "gaps.cut": ("… et {count} autres, dans l'export de la ligne de commande (python -m cli gaps --json).",
                 "… and {count} others, in the command line's export (python -m cli gaps --json)."),

    # territories
    "ter.intro": ("Les territoires du réseau et leurs jumelages « ici / là-bas », sur une carte dessinée dans la "
                  "page (elle fonctionne hors ligne). Cliquez sur un point pour voir qui agit dans ce territoire ; la molette zoome, un glisser "
                  "déplace la carte, un double-clic revient au cadrage.",
                  "The network's territories and their here / there pairs, on a map drawn in the page (it works "
                  "offline). Click a dot to see who works in that territory; the mouse wheel zooms, a drag moves the map, "
                  "a double click comes back to the frame."),
    "ter.zoom": ("Cadrer sur", "Frame"),
    "ter.outline.regions": ("Région", "Region"),
    "ter.outline.departements": ("Département", "Département"),
    "ter.world": ("Tous les territoires", "Every territory"),
    "ter.zoom_country": ("{name} ({count} territoire(s))", "{name} ({count} territory(ies))"),
    "ter.side_none": ("non précisé", "not given"),
    "ter.and_more": ("{name} +{count}", "{name} +{count}"),
    "ter.estimated": ("centre du pays (sans coordonnées)", "centre of the country (no coordinates)"),
    "ter.given": ("coordonnées connues", "known coordinates"),
    "ter.position": ("Position", "Position"),
    "ter.count_legend": ("Territoires regroupés", "Territories grouped"),
    "ter.places": ("Territoires", "Territories"),
    "ter.line_legend": ("Organisations des deux côtés", "Organisations on both sides"),
    "ter.pairs": ("Jumelage", "Pairing"),
    "ter.both_sides": ("Organisations agissant des deux côtés", "Organisations working on both sides"),
    "ter.map_legend": (
        "Chaque point est un territoire ; des territoires trop proches pour être distingués à ce cadrage sont "
        "réunis en un point plus gros, nommé d'après le plus vaste (« Nord-Pas-de-Calais +4 ») : cadrez sur le "
        "pays pour les séparer. Couleur : ici (le territoire d'où agit le réseau), là-bas (les territoires "
        "partenaires) ou non précisé (la donnée ne le dit pas). Un pays sans coordonnées est placé au centre de "
        "son contour. Chaque trait est un jumelage, d'autant plus épais que plus d'organisations agissent des "
        "deux côtés. Contours : Natural Earth au 1:110 000 000 (domaine public).",
        "Each dot is a territory; territories too close to be told apart at this frame are one bigger dot, "
        "named after the largest (“Nord-Pas-de-Calais +4”): frame the country to separate them. Colour: here "
        "(where the network works from), there (the partner territories) or not given (the data does not "
        "say). A country without coordinates is placed at the centre of its outline. Each line is a pairing, "
        "the thicker the more organisations work on both sides. Outlines: Natural Earth at 1:110,000,000 "
        "(public domain)."),
    "ter.choose": ("Territoire", "Territory"),
    "ter.actors": ("Qui agit dans ce territoire : {name} (ou dans un territoire qu'il contient)",
                   "Who works in this territory: {name} (or in a territory inside it)"),
    "ter.no_actor": ("Aucune organisation n'y est implantée ni active, ni n'y mène de projet.",
                     "No organisation is based or active there, nor carries out a project there."),
    "ter.through_projects": ("{relation} {count} projet(s) qui y sont menés",
                             "{relation} {count} project(s) carried out there"),
    "ter.paired": ("Jumelé avec : {names}", "Paired with: {names}"),
    "ter.unplaced": ("{count} territoire(s) sans coordonnées ne sont pas sur la carte.",
                     "{count} territory(ies) without coordinates are not on the map."),
    "ter.side": ("Côté", "Side"),
    "ter.level": ("Niveau", "Level"),
    "ter.organisations": ("Organisations", "Organisations"),
    "ter.how": ("Lien au territoire", "Tie to the territory"),

    # data
    "data.upload": ("Charger un fichier", "Load a file"),
    "data.upload_help": ("Tableur (CSV, XLSX) au format Kumu ou Passerelles (feuilles « éléments » et "
                         "« liens »), liste de participants, ou graphe JSON / GraphML. Rien n'est écrit avant "
                         "que vous ne validiez.",
                         "Spreadsheet (CSV, XLSX) in Kumu or Passerelles layout (elements and connections "
                         "sheets), participants list, or JSON / GraphML graph. Nothing is written until you "
                         "confirm."),
    "data.files": ("Fichiers", "Files"),
    "upload.button": ("Choisir des fichiers", "Choose files"),
    "upload.limits": ("ou glissez-les ici · {size} Mo au plus par fichier · {types}",
                      "or drop them here · {size} MB at most per file · {types}"),
    "data.format": ("Format", "Format"),
    "data.format.auto": ("Détection automatique", "Detect automatically"),
    "data.format.spreadsheet": ("Tableur (éléments / liens)", "Spreadsheet (elements / connections)"),
    "data.format.participants": ("Liste de participants", "Participants list"),
    "data.format.json": ("Graphe JSON", "JSON graph"),
    "data.format.graphml": ("GraphML", "GraphML"),
    "data.format.gexf": ("GEXF (Gephi)", "GEXF (Gephi)"),
    "data.format.presence": ("Qui fait quoi où (3W / 4W, HXL)", "Who does what where (3W / 4W, HXL)"),
    "data.format.register": ("Registre national des associations (RNA)", "French association register (RNA)"),
    "data.register_contacts": ("Registre des associations : charger aussi téléphones et e-mails (masqués)",
                               "Association register: load phones and e-mails too (hidden)"),
    "data.format.iati": ("IATI (données ouvertes de l'aide, XML)", "IATI (open aid data, XML)"),
    "data.event": ("Événement (listes de participants)", "Event (participants lists)"),
    "data.new_event": ("… ou un nouvel événement", "… or a new event"),
    "data.new_event_help": ("son nom, s'il n'est pas dans la liste", "its name, if it is not in the list"),
    "data.check": ("Vérifier", "Check"),
    "data.report": ("Rapport de vérification", "Validation report"),
    "data.would": ("Si vous chargez : {created} créés, {updated} modifiés, {unchanged} inchangés.",
                   "If you load: {created} created, {updated} updated, {unchanged} unchanged."),
    "data.errors": ("{count} erreur(s) : rien ne sera écrit. Corrigez le fichier et recommencez.",
                    "{count} error(s): nothing will be written. Mend the file and try again."),
    "data.warnings": ("{count} avertissement(s)", "{count} warning(s)"),
    "data.load": ("Charger dans le graphe", "Load into the graph"),
    "journal.intro": ("Chaque changement du graphe, du plus récent au plus ancien : chargements, modifications, "
                      "fusions, suivis de suggestions, annulations, effacements. Un changement s'annule ici ; "
                      "l'annulation est elle-même un changement du journal.",
                      "Every change of the graph, newest first: loads, edits, merges, follow-ups of suggestions, "
                      "undos, erasures. A change is undone here; the undo is itself a change of the journal."),
    "journal.when": ("Quand", "When"),
    "journal.what": ("Quoi", "What"),
    "journal.who": ("Qui", "Who"),
    "journal.note": ("Note", "Note"),
    "journal.created": ("Créés", "Created"),
    "journal.updated": ("Modifiés", "Updated"),
    "journal.removed": ("Retirés", "Removed"),
    "journal.undone_by": ("Annulé par", "Undone by"),
    "journal.id": ("Identifiant", "Id"),
    "journal.element": ("Seulement les changements de", "Only the changes of"),
    "journal.all": ("tous les éléments", "every element"),
    "journal.empty": ("Aucun changement.", "No change."),
    "journal.csv": ("Télécharger le journal (CSV)", "Download the journal (CSV)"),
    "journal.undo": ("Annuler un changement", "Undo a change"),
    "journal.which": ("Changement à annuler", "Change to undo"),
    "journal.undo_button": ("Annuler ce changement", "Undo this change"),
    "journal.undone": ("Changement {id} annulé.", "Change {id} undone."),
    "erase.title": ("Effacer une personne (droit à l'effacement)", "Erase a person (right to erasure)"),
    "erase.intro": ("À la demande d'une personne : elle disparaît du graphe avec ses liens, et son nom et ses "
                    "coordonnées sont effacés partout ailleurs (descriptions, notes de suivi, journal). C'est "
                    "définitif : l'effacement ne s'annule pas.",
                    "At a person's request: they leave the graph with their ties, and their name and contact "
                    "details are erased everywhere else (descriptions, follow-up notes, journal). It is final: an "
                    "erasure cannot be undone."),
    "erase.who": ("Nom exact ou identifiant de la personne", "The person's exact name or id"),
    "erase.who_help": ("les personnes ne sont pas listées ici", "people are not listed here"),
    "erase.found": ("{name} : {ties} lien(s) ; organisations : {orgs}.", "{name}: {ties} tie(s); organisations: "
                    "{orgs}."),
    "erase.confirm": ("Je confirme l'effacement définitif de {name}", "I confirm the final erasure of {name}"),
    "erase.button": ("Effacer", "Erase"),
    "erase.done": ("Personne effacée : {removed} élément(s) et lien(s) retirés, {mentions} mention(s) effacée(s) "
                   "ailleurs.", "Person erased: {removed} element(s) and tie(s) removed, {mentions} mention(s) "
                   "erased elsewhere."),
    "follow.intro": ("Ce qu'il est advenu des partenaires suggérés : mises en relation faites, suggestions pas "
                     "pertinentes, déjà partenaires, à suivre. Ce sont des notes sur le réseau, pas des liens : "
                     "elles ne comptent ni dans les indicateurs ni dans les chemins d'introduction.",
                     "What became of suggested partners: introductions made, suggestions not relevant, already "
                     "partners, to follow. These are notes about the network, not ties: they count neither in the "
                     "metrics nor in the introduction paths."),
    "follow.none": ("Aucun suivi enregistré. Sur la fiche d'un acteur ou la page Synergies, dites ce qu'il est "
                    "advenu d'une suggestion.",
                    "No follow-up recorded yet. On an actor's page or the Synergies page, say what became of a "
                    "suggestion."),
    "follow.none_here": ("Aucun suivi avec ces filtres.", "No follow-up with these filters."),
    "follow.count": ("{count} suivi(s) sur {total}.", "{count} follow-up(s) of {total}."),
    "follow.status": ("Suite donnée", "What happened"),
    "follow.organisation": ("Organisation", "Organisation"),
    "follow.animator": ("Animateur ou animatrice", "Animator"),
    "follow.org": ("Pour", "For"),
    "follow.partner": ("Partenaire suggéré", "Suggested partner"),
    "follow.date": ("Date", "Date"),
    "follow.tied": ("Désormais liés", "Now tied"),
    "follow.save": ("Enregistrer la suite", "Record what happened"),
    "follow.confirm_tie": ("Si « déjà partenaires » : ajouter aussi le lien « partenaire de » {name}",
                           "If “already partners”: also add the tie “partner of” {name}"),
    "follow.tie_not_added": ("Le lien « partenaire de » n'a pas été ajouté : cochez la case pour l'ajouter.",
                             "The “partner of” tie was not added: tick the box to add it."),
    "follow.saved": ("Suite enregistrée : {status} ({name}).", "Recorded: {status} ({name})."),
    "follow.said": ("Suivi ({org}) : {status} le {date} par {who}", "Follow-up ({org}): {status} on {date} by {who}"),
    "follow.line": ("{org} → {partner} : {status} le {date} par {who}", "{org} → {partner}: {status} on {date} by {who}"),
    "follow.now_tied": ("(désormais liés)", "(now tied)"),
    "follow.on_this_page": ("Suivi des suggestions", "Follow-up of suggestions"),
    "follow.record": ("Dire ce qu'il est advenu d'une paire", "Say what became of a pair"),
    "follow.which_pair": ("Paire", "Pair"),
    "journal.kind.follow_up": ("suivi d'une suggestion", "follow-up of a suggestion"),
    "dup.intro": ("Des organisations qui sont peut-être la même, écrite de deux façons (un sigle, un ancien nom, "
                  "deux fichiers). Comparez-les, puis fusionnez-les ou dites que ce ne sont pas les mêmes. Une "
                  "fusion s'annule depuis le Journal.",
                  "Organisations that may be one, written two ways (an acronym, a former name, two files). Compare "
                  "them, then merge them or say they are not the same. A merge is undone from the Journal."),
    "dup.none": ("Aucun doublon probable parmi les organisations.", "No probable duplicate among the organisations."),
    "dup.count": ("{count} paire(s) à examiner, la plus probable en premier.",
                  "{count} pair(s) to review, the most likely first."),
    "dup.choose": ("Paire à examiner", "Pair to review"),
    "dup.why": ("Ce qui le laisse penser", "What suggests it"),
    "dup.ties": ("{count} lien(s)", "{count} tie(s)"),
    "dup.more_sources": ("… et {count} autre(s) source(s)", "… and {count} more source(s)"),
    "dup.keep": ("Garder", "Keep"),
    "dup.merge": ("Fusionner", "Merge"),
    "dup.not_same": ("Ce ne sont pas les mêmes", "They are not the same"),
    "dup.merged": ("{other} fusionnée dans {kept}.", "{other} merged into {kept}."),
    "dup.distinct": ("Noté : {first} et {second} ne sont pas les mêmes ; la paire ne sera plus proposée.",
                     "Noted: {first} and {second} are not the same; the pair will not be proposed again."),
    "dup.undo_hint": ("L'organisation gardée reprend tous les liens, autres noms, identifiants, sources et "
                      "désaccords de l'autre ; l'ancien identifiant est retenu, pour que les anciens fichiers "
                      "retombent sur elle.",
                      "The organisation kept takes every tie, other name, identifier, source and disagreement of "
                      "the other; the old id is remembered, so that old files land on it."),
    "journal.kind.load": ("chargement", "load"),
    "journal.kind.edit": ("modification", "edit"),
    "journal.kind.merge": ("fusion", "merge"),
    "journal.kind.undo": ("annulation", "undo"),
    "journal.kind.erase": ("effacement d'une personne", "erasure of a person"),
    "journal.kind.not_same": ("pas les mêmes", "not the same"),
    "data.map_columns": ("Correspondance des colonnes (annuaire aux en-têtes à lui)",
                         "Column mapping (a directory with headers of its own)"),
    "data.map_columns_help": ("Pour un tableau que Passerelles ne reconnaît pas : dites ce que contient chaque "
                              "colonne.", "For a table Passerelles does not recognise: say what each column holds."),
    "data.template": ("Télécharger le modèle de tableur", "Download the spreadsheet template"),
    "data.templates": ("Modèles à remplir", "Templates to fill in"),
    "data.template_participants": ("Modèle de liste de participants", "Participants list template"),
    "data.template_participants_file": ("passerelles-modele-participants.xlsx",
                                        "passerelles-participants-template.xlsx"),
    "data.template_participants_help": (
        "Une ligne par personne : structure, nom et prénom, fonction, e-mail. Une structure vide reprend celle "
        "du dessus. À charger avec le format « Liste de participants » et le nom de l'événement.",
        "One row per person: organisation, full name, function, e-mail. An empty organisation continues the "
        "one above. Load it with the “Participants list” format and the event's name."),
    "data.template_presence": ("Modèle qui fait quoi où (3W)", "Who does what where (3W) template"),
    "data.template_presence_file": ("passerelles-modele-3w.xlsx", "passerelles-3w-template.xlsx"),
    "data.template_presence_help": (
        "Une ligne par organisation, lieu et secteur, avec les étiquettes HXL sous l'en-tête et les P-codes "
        "des lieux (ceux d'OCHA : ML01 pour Kayes).",
        "One row per organisation, place and sector, with the HXL hashtags under the header and the places' "
        "P-codes (OCHA's: ML01 for Kayes)."),
    "data.template_file": ("passerelles-modele.xlsx", "passerelles-template.xlsx"),
    "data.template_help": ("Une feuille d'éléments, une feuille de liens et une aide, avec des exemples.",
                           "An elements sheet, a connections sheet and a help sheet, with examples."),
    "mapping.no_sheet": ("Aucun tableur (CSV, XLSX) parmi les fichiers : rien à mettre en correspondance.",
                         "No spreadsheet (CSV, XLSX) among the files: nothing to map."),
    "mapping.saved": ("Correspondance enregistrée", "Saved mapping"),
    "mapping.new": ("Nouvelle (proposée d'après le fichier)", "New (proposed from the file)"),
    "mapping.help": ("Pour chaque colonne, ce qu'elle contient ; à droite, quelques valeurs et d'où vient la "
                     "proposition. « Ignorer » : la colonne n'est pas chargée (le rapport le dira).",
                     "For each column, what it holds; on the right, a few values and where the proposal comes "
                     "from. “Ignore”: the column is not loaded (the report will say so)."),
    "mapping.why.header": ("(d'après l'en-tête)", "(from the header)"),
    "mapping.why.content": ("(d'après le contenu)", "(from the content)"),
    "mapping.why.saved": ("(correspondance enregistrée)", "(saved mapping)"),
    "mapping.empty_column": ("(colonne vide)", "(empty column)"),
    "mapping.categories": ("Catégorie de chaque valeur de la colonne « type »",
                           "Category of each value of the “type” column"),
    "mapping.choose": ("à choisir", "to choose"),
    "mapping.member_of": ("Ce fichier est la liste des membres de", "This file lists the members of"),
    "mapping.not_members": ("personne (ce n'est pas une liste de membres)", "no one (not a member list)"),
    "mapping.name": ("Nom de la correspondance", "Name of the mapping"),
    "mapping.save": ("Enregistrer pour les prochains exports", "Save for the next exports"),
    "mapping.saved_as": ("Correspondance « {name} » enregistrée : elle sera proposée pour le prochain export de cet "
                         "annuaire.", "Mapping “{name}” saved: it will be proposed for this directory's next export."),
    "mapping.download": ("Télécharger la correspondance (ligne de commande : --mapping)",
                         "Download the mapping (command line: --mapping)"),
    "role.name": ("Nom de la structure", "Organisation's name"),
    "role.acronym": ("Sigle", "Acronym"),
    "role.aliases": ("Autres noms", "Other names"),
    "role.category": ("Type de structure (catégorie)", "Type of organisation (category)"),
    "role.sphere": ("Sphère", "Sphere"),
    "role.description": ("Description, objet", "Description, purpose"),
    "role.website": ("Site web", "Website"),
    "role.email": ("E-mail (masqué)", "E-mail (hidden)"),
    "role.phone": ("Téléphone (masqué)", "Phone (hidden)"),
    "role.identifier": ("Identifiant officiel (RNA, SIREN, SIRET, IATI)", "Official identifier (RNA, SIREN, SIRET, "
                        "IATI)"),
    "role.commune": ("Commune du siège", "Head office's commune"),
    "role.postcode": ("Code postal du siège", "Head office's postcode"),
    "role.departement": ("Département du siège", "Head office's département"),
    "role.region": ("Région du siège", "Head office's region"),
    "role.country": ("Pays du siège", "Head office's country"),
    "role.active_in": ("Lieux d'intervention (plusieurs par cellule)", "Where it acts (several per cell)"),
    "role.themes": ("Thèmes, secteurs (plusieurs par cellule)", "Themes, sectors (several per cell)"),
    "role.ignore": ("Ignorer", "Ignore"),
    "template.sheet.elements": ("Éléments", "Elements"),
    "template.sheet.connections": ("Liens", "Connections"),
    "template.sheet.help": ("Aide", "Help"),
    "template.sheet.participants": ("Participants", "Participants"),
    "template.sheet.presence": ("Qui fait quoi où", "Who does what where"),
    "template.column.structure": ("Structure", "Organisation"),
    "template.column.person": ("Nom et prénom", "Full name"),
    "template.column.function": ("Fonction", "Function"),
    "template.column.email": ("Email", "Email"),
    "template.column.impl": ("Partenaire de mise en oeuvre", "Implementing partner"),
    "template.column.impl_acronym": ("Partenaire de mise en oeuvre sigle", "Implementing partner acronym"),
    "template.column.donor": ("Bailleur", "Donor"),
    "template.column.region": ("Région", "Region"),
    "template.column.region_code": ("Région P-code", "Region P-code"),
    "template.column.sector": ("Secteur", "Sector"),
    "template.column.year": ("Année", "Year"),
    "template.example.person": ("Camille Exemple", "Camille Example"),
    "template.example.person2": ("Dominique Exemple", "Dominique Example"),
    "template.example.person3": ("Alex Exemple", "Alex Example"),
    "template.example.function": ("Chargée de projets", "Project officer"),
    "template.example.function2": ("Trésorier", "Treasurer"),
    "template.example.donor": ("Agence Exemple", "Example Agency"),
    "template.example.theme2": ("Santé", "Health"),
    "template.column.name": ("Nom", "Label"),
    "template.column.type": ("Type", "Type"),
    "template.column.acronym": ("Sigle", "Acronym"),
    "template.column.territory": ("Territoire", "Territory"),
    "template.column.active_in": ("Actif à", "Active in"),
    "template.column.themes": ("Thèmes", "Themes"),
    "template.column.website": ("Site web", "Website"),
    "template.column.description": ("Description", "Description"),
    "template.column.from": ("De", "From"),
    "template.column.to": ("Vers", "To"),
    "template.column.since": ("Depuis", "Since"),
    "template.example.org": ("Association Solidarité Exemple", "Example Solidarity Association"),
    "template.example.network": ("Réseau Exemple", "Example Network"),
    "template.example.country": ("Sénégal", "Senegal"),
    "template.example.theme": ("Éducation", "Education"),
    "template.example.description": ("Remplacez ces lignes d'exemple par les vôtres.",
                                      "Replace these example rows with yours."),
    "template.help.intro": ("Une ligne par élément (feuille Éléments), une ligne par lien (feuille Liens). Les "
                            "colonnes Nom et Type sont obligatoires ; les autres, si vous les connaissez.",
                            "One row per element (Elements sheet), one row per tie (Connections sheet). The Label "
                            "and Type columns are required; the others when you know them."),
    "template.help.kinds": ("Type d'un élément : {words} — ou, pour une organisation, sa catégorie.",
                            "An element's type: {words} — or, for an organisation, its category."),
    "template.help.categories": ("Catégories : {words}.", "Categories: {words}."),
    "template.help.relations": ("Type d'un lien : {words}.", "A tie's type: {words}."),
    "template.help.several": ("Plusieurs valeurs dans une cellule (territoires, thèmes) : séparées par |.",
                              "Several values in one cell (territories, themes): separated by |."),
    "template.help.own_columns": ("Vous pouvez ajouter vos propres colonnes : elles sont gardées comme "
                                  "informations de l'élément, et le rapport les liste.",
                                  "You may add columns of your own: they are kept as the element's information, "
                                  "and the report lists them."),
    "data.changes": ("{count} valeur(s) connue(s) remplacée(s)", "{count} known value(s) replaced"),
    "data.held": ("{count} nom(s) ou catégorie(s) qu'une autre source donnait : gardés, sauf ceux que vous "
                  "choisissez de remplacer",
                  "{count} name(s) or categories another source gave: kept, except those you choose to replace"),
    "data.held_help": ("Un nom gardé reçoit le nouveau nom comme autre nom ; les deux valeurs restent notées "
                       "dans la fiche (sources en désaccord).",
                       "A kept name receives the new name as another name; both values stay recorded on the "
                       "element's page (sources that disagree)."),
    "data.element": ("Élément", "Element"),
    "data.field": ("Champ", "Field"),
    "data.before": ("Avant", "Before"),
    "data.after": ("Après", "After"),
    "data.kept": ("Gardé", "Kept"),
    "data.proposed": ("Proposé", "Proposed"),
    "data.replace": ("Remplacer quand même", "Replace anyway"),
    "data.replace_none": ("aucun : tout garder", "none: keep them all"),
    "data.loaded": ("Chargé : {created} créés, {updated} modifiés, {unchanged} inchangés.",
                    "Loaded: {created} created, {updated} updated, {unchanged} unchanged."),
    "data.step.read": ("Lecture des fichiers…", "Reading the files…"),
    "data.step.check": ("Comparaison avec le graphe…", "Comparing with the graph…"),
    "data.step.write": ("Écriture…", "Writing…"),
    "data.step.done": ("Terminé.", "Done."),
    "data.changed": ("Le graphe a changé depuis la vérification : vérifiez à nouveau.",
                     "The graph changed since the check: check again."),
    "data.file": ("Fichier", "File"),
    "data.row": ("Ligne", "Row"),
    "data.column": ("Colonne", "Column"),
    "data.message": ("Problème", "Problem"),
    "data.export": ("Exporter", "Export"),
    "data.export_format": ("Format d'export", "Export format"),
    "data.export.json": ("JSON (networkx node-link)", "JSON (networkx node-link)"),
    "data.export.graphml": ("GraphML (yEd, Cytoscape, Gephi)", "GraphML (yEd, Cytoscape, Gephi)"),
    "data.export.gexf": ("GEXF (Gephi)", "GEXF (Gephi)"),
    "data.export.csv": ("CSV éléments + liens (tableur, Kumu ; rechargeable)",
                        "CSV elements + connections (spreadsheet, Kumu; loads back)"),
    "data.with_contacts": ("Inclure les coordonnées (e-mail, téléphone)", "Include contact details (e-mail, phone)"),
    "data.prepare": ("Préparer l'export", "Prepare the export"),
    "data.export_scope": ("Quel graphe", "Which graph"),
    "data.export_scope.full": ("Tout le graphe (organisations, territoires, projets…)",
                               "The whole graph (organisations, territories, projects…)"),
    "data.export_scope.organisations": ("Les organisations entre elles (le graphe des indicateurs)",
                                        "Organisations to organisations (the graph of the metrics)"),
    "data.export_scope_help": (
        "« Les organisations entre elles » : un lien par paire d'organisations, sa force comme poids et ses "
        "raisons, celui sur lequel les indicateurs sont calculés. Pour l'analyse (Gephi) ; il ne se recharge "
        "pas.",
        "“Organisations to organisations”: one tie per pair of organisations, its strength as weight and its "
        "reasons, the one the metrics are computed on. For analysis (Gephi); it does not load back."),
    "data.with_persons": ("Inclure les personnes (leurs noms)", "Include people (their names)"),
    "data.export_note": (
        "GEXF, GraphML et JSON portent aussi les indicateurs de chaque organisation, les couleurs (par "
        "sphère) et les tailles (par nombre de liens) : Gephi les applique à l'ouverture. Ils ne sont pas "
        "relus au rechargement : ils sont recalculés.",
        "GEXF, GraphML and JSON also carry each organisation's metrics, the colours (by sphere) and sizes "
        "(by number of ties): Gephi applies them on opening. They are not read back on loading: they are "
        "computed again."),
    "export.description": ("Exporté de Passerelles : le graphe des partenariats.",
                           "Exported from Passerelles: the graph of partnerships."),
    "export.attribute.kind": ("Type (code)", "Kind (code)"),
    "export.attribute.sphere": ("Sphère (code)", "Sphere (code)"),
    "export.attribute.category": ("Catégorie (code)", "Category (code)"),
    "export.attribute.kind_label": ("Type", "Kind"),
    "export.attribute.sphere_label": ("Sphère", "Sphere"),
    "export.attribute.category_label": ("Catégorie", "Category"),
    "export.attribute.sources": ("Sources", "Sources"),
    "export.attribute.relation_label": ("Relation", "Relation"),
    "export.attribute.relation": ("Relation (code)", "Relation (code)"),
    "export.attribute.key": ("Clé (liens parallèles)", "Key (parallel ties)"),
    "export.attribute.reasons_label": ("Pourquoi liées", "Why tied"),
    "export.attribute.reasons": ("Raisons (codes)", "Reasons (codes)"),
    "export.attribute.group_only": ("Seulement un réseau ou un événement en commun",
                                    "Only a shared network or event"),
    "data.download": ("Télécharger {name}", "Download {name}"),
    "data.store": ("Stockage", "Store"),
    "data.store_kind": ("Stockage utilisé dans cette session", "Store used in this session"),
    "data.store.embedded": ("Intégré (un fichier local, rien à installer)", "Embedded (a local file, nothing to install)"),
    "data.store.configured": ("Neo4j du serveur ({location})", "The server's Neo4j ({location})"),
    "data.store.custom": ("Un autre serveur Neo4j", "Another Neo4j server"),
    "data.uri": ("Adresse (URI)", "Address (URI)"),
    "data.user": ("Utilisateur", "User"),
    "data.password": ("Mot de passe", "Password"),
    "data.database": ("Base", "Database"),
    "data.test": ("Tester la connexion", "Test the connection"),
    "data.use": ("Utiliser ce stockage", "Use this store"),
    "data.ok": ("Connexion réussie : {location}.", "Connected: {location}."),
    "data.current": ("En cours : {store} — {location}", "In use: {store} — {location}"),

    # method
    "method.metrics": ("Les indicateurs du réseau", "The network's metrics"),
    "method.metrics_intro": ("Ils sont calculés sur le « graphe des acteurs » : les organisations, reliées "
                             "quand elles sont partenaires, que l'une est membre de l'autre, la finance ou l'a "
                             "créée, qu'elles mènent un projet ensemble, sont membres du même réseau ou se sont "
                             "croisées à un événement. Chaque lien a une force :",
                             "They are computed on the “actor graph”: organisations, tied when they are "
                             "partners, when one is a member of the other, funds it or founded it, when they run "
                             "a project together, are members of the same network or met at an event. Each tie "
                             "has a strength:"),
    "method.tie": ("Raison du lien", "Reason for the tie"),
    "method.weight": ("Force", "Strength"),
    "tie.PARTNER_OF": ("partenariat", "partnership"),
    "tie.MEMBER_OF": ("adhésion (l'un est membre de l'autre)", "membership (one is a member of the other)"),
    "tie.FUNDS": ("financement", "funding"),
    "tie.CREATED": ("création (l'un a créé l'autre)", "founding (one founded the other)"),
    "tie.RELATED_TO": ("autre lien nommé dans les données", "another tie named in the data"),
    "tie.co_project": ("même projet", "same project"),
    "tie.co_member": ("membres du même réseau", "members of the same network"),
    "tie.co_event": ("présents au même événement", "at the same event"),
    "method.large": ("Le poids d'un projet, d'un réseau ou d'un événement est partagé entre ses membres : "
                     "chacun en reçoit une fois le poids, quelle que soit sa taille. Au-delà de {max_group} "
                     "membres, il ne crée plus de lien entre ses membres deux à deux : être parmi 400 membres "
                     "dit peu de deux organisations. Les mesures de ses contacts (liens, noyau, contrainte, "
                     "taille effective) ne comptent que les liens directs et les projets : les 39 autres "
                     "participants d'un atelier ne sont pas 39 contacts. Les chemins, l'influence et les "
                     "communautés tiennent compte de tous les liens, avec leur force.",
                     "The weight of a project, a network or an event is shared among its members: each gets "
                     "its weight once, whatever its size. Beyond {max_group} members, it no longer ties its "
                     "members pairwise: being among 400 members says little about two organisations. The "
                     "measures of one's contacts (ties, core, constraint, effective size) count direct ties "
                     "and projects only: the 39 others at a workshop are not 39 contacts. Paths, influence and "
                     "communities count every tie, with its strength."),
    "method.sampled": ("Au-delà de {betweenness_sample_from} organisations, l'intermédiarité est estimée à partir "
                       "de {betweenness_sources} sources tirées au hasard (graine fixe).",
                       "Beyond {betweenness_sample_from} organisations, betweenness is estimated from "
                       "{betweenness_sources} sources drawn at random (fixed seed)."),
    "method.partners": ("Comment les partenaires potentiels sont classés", "How potential partners are ranked"),
    "method.partners_intro": ("Pour une organisation, chaque organisation qui ne lui est pas encore liée "
                              "(partenariat, adhésion, financement, création) reçoit un score en deux parts : "
                              "la proximité dans le réseau et l'affinité. Score = proximité × (1 + affinité) "
                              "+ {alone} × affinité : l'affinité multiplie ce que le réseau dit déjà d'une "
                              "paire, et compte seule, pour moins, quand il ne dit rien. À affinité égale, la "
                              "paire la plus proche dans le réseau passe devant ; à proximité égale, la plus "
                              "affine. Le tout est multiplié, un peu, par l'activité des deux : qui travaille "
                              "déjà avec beaucoup prend plus souvent un nouveau partenaire (mesuré sur les "
                              "réseaux du banc d'essai), un collectif ou un événement comptant une fois.",
                              "For one organisation, each organisation not yet tied to it (partnership, "
                              "membership, funding, founding) gets a score in two parts: closeness in the "
                              "network and affinity. Score = closeness × (1 + affinity) + {alone} × affinity: "
                              "affinity multiplies what the network already says about a pair, and counts "
                              "alone, for less, when it says nothing. At equal affinity, the pair closer in "
                              "the network comes first; at equal closeness, the one with more affinity. The "
                              "whole is multiplied, a little, by the activity of both: who already works with "
                              "many takes a new partner more often (measured on the benchmark's networks), a "
                              "collective or an event counting once."),
    "method.part": ("Part", "Part"),
    "method.closeness": ("proximité", "closeness"),
    "method.affinity": ("affinité", "affinity"),
    "method.activity": ("activité", "activity"),
    "method.score.structure": ("relations en commun : pour chaque organisation liée aux deux, 1 divisé par son "
                               "nombre de liens (un partenaire commun discret en dit plus qu'un grand réseau "
                               "lié à tout le monde : c'est l'« allocation de ressources »)",
                               "shared relations: for each organisation tied to both, 1 divided by its number "
                               "of ties (a discreet shared partner says more than a large network tied to "
                               "everyone: “resource allocation”)"),
    "method.score.three_steps": ("relations de relations : pour chaque relation de l'une liée à une relation de "
                                 "l'autre, 1 divisé par le produit de leurs nombres de liens",
                                 "relations of relations: for each relation of one tied to a relation of the "
                                 "other, 1 divided by the product of their numbers of ties"),
    "method.score.themes": ("par thème travaillé en commun ({themes_counted} au plus)",
                            "per theme both work on ({themes_counted} at most)"),
    "method.score.same_territory": ("même territoire, s'il est précis (il ne réunit pas plus de {specific_place_share} "
                                    "des organisations situées)",
                                    "same territory, if it is specific (it holds no more than {specific_place_share} "
                                    "of the located organisations)"),
    "method.score.paired_territory": ("territoires jumelés « ici / là-bas » : le lien que le réseau cherche",
                                      "paired here / there territories: the tie the network looks for"),
    "method.score.complementary_sphere": ("sphères complémentaires (société civile, pouvoirs publics, acteurs "
                                          "économiques), quand elles ont déjà quelque chose en commun",
                                          "complementary spheres (civil society, public authorities, economic "
                                          "actors), when they already have something in common"),
    "method.score.activity": ("activité : le score est multiplié par ((1 + force des liens de l'une) × (1 + "
                              "force des liens de l'autre)) à cette puissance",
                              "activity: the score is multiplied by ((1 + one's tie strength) × (1 + the "
                              "other's)) to this power"),
    "method.score.affinity_alone": ("affinité seule : quand le réseau ne dit rien d'une paire, son affinité est "
                                    "multipliée par ce nombre",
                                    "affinity alone: when the network says nothing about a pair, its affinity is "
                                    "multiplied by this number"),
    "method.points": ("Points", "Points"),
    "method.criterion": ("Critère", "Criterion"),
    "method.path": ("Le chemin d'introduction est le plus court chemin par les liens les plus forts.",
                    "The introduction path is the shortest path through the strongest ties."),
    "method.suggestions": ("Ce que dit une suggestion", "What a suggestion says"),
    "method.suggestions.excluded": ("Ne sont pas proposées les organisations déjà liées (partenariat, adhésion, "
                                    "financement, création), celles qui travaillent déjà ensemble sur un projet "
                                    "(elles sont listées à part) et celles qu'un suivi a dites « pas pertinentes ».",
                                    "Not proposed: organisations already tied (partnership, membership, funding, "
                                    "founding), those already working together on a project (listed apart) and "
                                    "those a follow-up said were “not relevant”."),
    "method.suggestions.evidence": ("Chaque suggestion dit ce qui appartient à la paire, du plus fort au plus "
                                    "faible, en trois lignes au plus : des partenaires communs nommés, des "
                                    "territoires jumelés, des thèmes, le collectif dont les deux sont membres et "
                                    "l'événement où les deux étaient présents (chacun compté une fois, quelle que "
                                    "soit sa taille), le même territoire. À score égal, la paire qui a le plus à "
                                    "dire passe devant.",
                                    "Each suggestion says what belongs to the pair, strongest first, in three lines "
                                    "at most: shared partners by name, paired territories, themes, the collective "
                                    "both are members of and the event both attended (each counted once, whatever "
                                    "its size), the same territory. At equal scores, the pair with more to say "
                                    "comes first."),
    "method.suggestions.support": ("L'appui dit jusqu'où se fier au rang : ●●● solide quand les deux partagent "
                                   "deux choses de leur travail (un partenaire et des thèmes, des territoires "
                                   "jumelés et des thèmes…) ou deux partenaires ; ●●○ moyen quand ils en "
                                   "partagent une ; ●○○ faible quand seuls un collectif, un événement, un lieu, "
                                   "une relation de relation ou la sphère les rapprochent. Le score, à côté, est "
                                   "le nombre qui classe : sans unité, il ne se compare qu'entre suggestions d'un "
                                   "même réseau.",
                                   "The support says how far to trust the rank: ●●● strong when the two share two "
                                   "things in their work (a partner and themes, paired territories and themes…) or "
                                   "two partners; ●●○ some when they share one; ●○○ weak when only a collective, "
                                   "an event, a place, a relation of a relation or the sphere brings them "
                                   "together. The score beside it is the number that ranks: it has no unit and "
                                   "only compares suggestions within one network."),
    "method.suggestions.groups": ("Quand plusieurs suggestions reposent exactement sur la même raison, elles sont "
                                  "montrées une fois, ensemble.",
                                  "When several suggestions rest on exactly the same reason, they are shown once, "
                                  "together."),
    "method.suggestions.thin": ("Une organisation qui n'a aucun lien de travail, et ni thème ni territoire (ou "
                                "l'un des deux seulement), a un dossier mince : trois pistes seulement, et la page "
                                "dit quoi ajouter.",
                                "An organisation with no working tie, and no theme or no territory, has a thin "
                                "record: three leads only, and the page says what to add."),
    "method.suggestions.follow_up": ("Les suivis (mise en relation faite, à suivre, déjà partenaires, pas "
                                     "pertinent) sont des notes : ils ne comptent ni dans les indicateurs ni dans "
                                     "les chemins d'introduction.",
                                     "Follow-ups (introduction made, to follow, already partners, not relevant) "
                                     "are notes: they count neither in the metrics nor in the introduction paths."),
    "method.quality": ("Sur les données fournies, en cachant 10 % des partenariats et adhésions, ce score "
                       "retrouve les liens cachés mieux que les seules mesures de structure (mesuré par "
                       "bench/partners_eval.py, voir le README).",
                       "On the bundled data, hiding 10% of partnerships and memberships, this score finds the "
                       "hidden ties better than structural measures alone (measured by bench/partners_eval.py, "
                       "see the README)."),
    "method.sources": ("D'où viennent les données", "Where the data come from"),
    "method.sources_intro": ("Chaque nœud et chaque lien garde ses sources (document et passage). Quand deux "
                             "sources se contredisent, la valeur la plus récente est gardée et les deux sont "
                             "notées (voir « Valeurs en désaccord » sur la fiche acteur).",
                             "Every node and tie keeps its sources (document and passage). When two sources "
                             "disagree, the newest value is kept and both are recorded (see “Values on which "
                             "sources disagree” on the actor page)."),
    "method.document": ("Document", "Document"),
    "method.nodes": ("Nœuds", "Nodes"),
    "method.ties": ("Liens", "Ties"),
    # --- access: sign-in, roles (ui/access.py) ---
    "access.role.reader": ("lecteur", "reader"),
    "access.role.editor": ("éditeur", "editor"),
    "access.role.admin": ("administrateur", "administrator"),
    "access.role.public": ("visiteur (lecture publique)", "visitor (public, read only)"),
    "access.role.local": ("seul sur cette machine", "alone on this machine"),
    "access.role.none": ("sans rôle", "no role"),
    "access.action.see_persons": ("voir les personnes", "see persons"),
    "access.action.see_contacts": ("voir les coordonnées", "see contact details"),
    "access.action.see_journal": ("voir le journal", "see the journal"),
    "access.action.see_follow_ups": ("voir les suivis", "see follow-ups"),
    "access.action.see_duplicates": ("voir les doublons", "see duplicates"),
    "access.action.load": ("charger des fichiers", "load files"),
    "access.action.edit": ("modifier le graphe", "edit the graph"),
    "access.action.follow_up": ("noter une suite donnée", "record a follow-up"),
    "access.action.merge": ("fusionner des doublons", "merge duplicates"),
    "access.action.undo": ("annuler un changement", "undo a change"),
    "access.action.export": ("exporter ou télécharger", "export or download"),
    "access.action.export_contacts": ("exporter les coordonnées", "export contact details"),
    "access.action.erase": ("effacer une personne", "erase a person"),
    "access.action.store": ("changer de base de données", "change the database"),
    "access.refused": ("Votre rôle ({role}) ne permet pas de {action}. Demandez à l'administrateur de cette "
                       "instance.", "Your role ({role}) does not allow you to {action}. Ask this instance's "
                       "administrator."),
    "access.sign_in_intro": ("Cette instance de Passerelles est partagée par une équipe : connectez-vous avec le "
                             "compte de votre organisation pour y entrer.",
                             "This Passerelles instance is shared by a team: sign in with your organisation's "
                             "account to enter."),
    "access.sign_in": ("Se connecter", "Sign in"),
    "access.sign_out": ("Se déconnecter", "Sign out"),
    "access.signed_in": ("Connecté : {email} ({role})", "Signed in: {email} ({role})"),
    "access.public": ("Lecture publique : sans les personnes, sans modification ni téléchargement.",
                      "Public reading: no persons, no editing, no downloads."),
    "access.no_role": ("Le compte {email} n'a pas de rôle sur cette instance. Demandez à son administrateur de "
                       "l'ajouter au fichier des rôles.",
                       "The account {email} has no role on this instance. Ask its administrator to add it to the "
                       "roles file."),
    "access.exposed": ("Passerelles écoute sur {address}, une adresse que d'autres machines peuvent joindre, sans "
                       "connexion configurée : il ne montre rien. {how}",
                       "Passerelles listens on {address}, an address other machines can reach, with no sign-in "
                       "configured: it shows nothing. {how}"),
    "access.refuse_start": ("Passerelles ne démarre pas sur {address} : d'autres machines pourraient l'ouvrir, et "
                            "aucune connexion n'est configurée. {how}",
                            "Passerelles does not start on {address}: other machines could open it, and no sign-in "
                            "is configured. {how}"),
    "access.how": ("Pour une équipe, configurez la connexion (section [auth] de .streamlit/secrets.toml) et les "
                   "rôles (.streamlit/roles.toml) : voir « Pour une équipe » dans le README. Pour une lecture "
                   "publique sans connexion, mettez public = true dans la section [instance] du fichier des rôles. "
                   "Pour vous seul, lancez-le sur 127.0.0.1.",
                   "For a team, configure sign-in ([auth] in .streamlit/secrets.toml) and the roles "
                   "(.streamlit/roles.toml): see “Pour une équipe” (for a team) in the README. For public reading "
                   "without sign-in, set public = true in the [instance] section of the roles file. For yourself "
                   "alone, run it on 127.0.0.1."),
    "access.roles_error": ("Le fichier des rôles {path} ne peut pas être lu : {error}",
                           "The roles file {path} cannot be read: {error}"),
    "access.roles_syntax": ("il n'est pas en TOML valide ({error}).", "it is not valid TOML ({error})."),
    "access.roles_section": ("section [{section}] inconnue (seules [roles] et [instance] sont lues).",
                             "unknown section [{section}] (only [roles] and [instance] are read)."),
    "access.roles_word": ("« {word} » n'est pas un rôle (pour {who}) : lecteur, éditeur ou administrateur.",
                          "“{word}” is not a role (for {who}): reader, editor or administrator."),
    "data.last_loads": ("Derniers chargements", "Latest loads"),
}
