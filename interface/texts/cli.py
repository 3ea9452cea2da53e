"""The command line's words: key -> (français, English)."""

CLI = {
    "cli.description": ("Passerelles : le graphe des partenariats.", "Passerelles: the partnership graph."),
    "cli.help.store": ("le stockage (par défaut : neo4j si NEO4J_URI est défini, sinon le stockage intégré)",
                       "which store (default: neo4j when NEO4J_URI is set, else embedded)"),
    "cli.help.lang": ("la langue des messages (par défaut : PASSERELLES_LANG, sinon fr)",
                      "the language of the messages (default: PASSERELLES_LANG, else fr)"),
    "cli.help.load": ("charger des fichiers dans le graphe", "load files into the graph"),
    "cli.help.format": ("le format des fichiers (auto : reconnu au contenu)", "the files' format (auto: by content)"),
    "cli.help.event": ("listes de participants : l'événement auquel ils étaient (nom ou identifiant)",
                       "participants lists: the event they attended (name or id)"),
    "cli.help.skip_invalid": ("IATI : laisser de côté (en les listant) les activités illisibles au lieu de tout "
                              "refuser", "IATI: leave out (and list) the activities that cannot be read instead of "
                              "refusing everything"),
    "cli.help.load_with_contacts": ("registre des associations : charger aussi téléphones et e-mails (masqués ; "
                                    "par défaut laissés de côté)",
                                    "association register: load phones and e-mails too (hidden; left out by "
                                    "default)"),
    "cli.help.replace": ("remplacer les noms et catégories d'éléments connus qu'une autre source donnait "
                         "(par défaut : gardés, le nouveau nom ajouté comme autre nom)",
                         "replace the names and categories of known elements another source gave (by default: "
                         "kept, the new name added as another name)"),
    "cli.changes": ("Valeurs connues remplacées (avant → après) :", "Known values replaced (before → after):"),
    "cli.held": ("Gardés tels quels : une autre source les nomme autrement (--replace pour les remplacer) :",
                 "Kept as they are: another source names them otherwise (--replace to replace them):"),
    "cli.help.mapping": ("proposer la correspondance des colonnes d'un annuaire (TOML, à relire et compléter)",
                         "propose a directory's column mapping (TOML, to check and complete)"),
    "cli.help.mapping_file": ("lire les tableurs comme des annuaires, avec cette correspondance des colonnes "
                              "(voir la commande mapping)",
                              "read the spreadsheets as directories, with this column mapping (see the mapping "
                              "command)"),
    "cli.help.mapping_output": ("écrire la correspondance dans ce fichier (par défaut : à l'écran)",
                                "write the mapping to this file (default: the screen)"),
    "cli.help.mapping_name": ("le nom de la correspondance (par défaut : celui du fichier)",
                              "the mapping's name (default: the file's)"),
    "cli.mapping_head": ("Correspondance des colonnes proposée pour {path} : relisez chaque rôle, complétez, puis "
                         "python -m cli load {path} --mapping ce-fichier.toml",
                         "Column mapping proposed for {path}: check each role, complete it, then "
                         "python -m cli load {path} --mapping this-file.toml"),
    "cli.mapping_roles": ("Rôles possibles : {roles}", "Possible roles: {roles}"),
    "cli.mapping_categories": ("Catégories possibles : {categories}", "Possible categories: {categories}"),
    "cli.mapping_member_of": ("Liste de membres ? Ajoutez member_of = \"identifiant ou nom du réseau\"",
                              "A member list? Add member_of = \"the network's id or name\""),
    "cli.mapping_unknown": ("À compléter dans [categories] : \"{value}\" = \"une catégorie\"",
                            "To complete in [categories]: \"{value}\" = \"a category\""),
    "cli.mapping_unreadable": ("impossible de lire la correspondance {path} : {error}",
                               "cannot read the mapping {path}: {error}"),
    "cli.mapping_no_sheet": ("{path} : aucune feuille avec des en-têtes", "{path}: no sheet with headers"),
    "cli.reading": ("Lecture… {percent} %", "Reading… {percent}%"),
    "cli.help.json": ("le résultat en JSON", "the result as JSON"),
    "cli.help.transaction_rows": ("Neo4j, très gros chargements : valider par transactions de N lignes (une "
                                  "reprise converge)",
                                  "Neo4j, very large loads: commit in transactions of N rows (a re-run "
                                  "converges)"),
    "cli.help.export": ("exporter le graphe", "export the graph"),
    "cli.help.output": ("un fichier ; pour csv, un dossier", "a file; for csv, a folder"),
    "cli.help.with_contacts": ("inclure les e-mails et téléphones", "include e-mails and phone numbers"),
    "cli.help.stats": ("le réseau en chiffres", "the network in figures"),
    "cli.help.metrics": ("une ligne d'indicateurs par organisation", "one row of network metrics per organisation"),
    "cli.help.seed": ("la graine de la détection des communautés", "seed of the community detection"),
    "cli.help.top": ("combien en afficher", "how many to show"),
    "cli.help.partners": ("les partenaires potentiels d'une organisation, avec leurs raisons",
                          "potential partners for one organisation, with reasons"),
    "cli.help.org": ("nom, sigle ou identifiant", "name, acronym or id"),
    "cli.help.territory": ("seulement les candidats implantés ou actifs là", "only candidates based or active there"),
    "cli.help.theme": ("seulement les candidats qui travaillent sur ce thème", "only candidates working on it"),
    "cli.help.synergies": ("les meilleures paires pas encore liées, dans tout le réseau",
                           "the best pairs not yet tied, network-wide"),
    "cli.help.gaps": ("ce qui manque : territoires mal reliés, sphères absentes, acteurs isolés…",
                      "what is missing: weak territory pairs, missing spheres, isolated actors…"),
    "cli.help.reset": ("vider le stockage", "empty the store"),

    "cli.nothing_written": ("Rien n'a été écrit : {count} erreur(s).", "Nothing was written: {count} error(s)."),
    "cli.error": ("erreur", "error"),
    "cli.warning": ("avertissement", "warning"),
    "cli.loaded": ("Chargé dans le stockage {store} : {created} créés, {updated} modifiés, {unchanged} inchangés.",
                   "Loaded into the {store} store: {created} created, {updated} updated, {unchanged} unchanged."),
    "cli.store": ("Stockage : {store} ({location}), dernière modification {modified}",
                  "Store: {store} ({location}), last change {modified}"),
    "cli.counts": ("{nodes} nœuds, {edges} liens", "{nodes} nodes, {edges} edges"),
    "cli.by_kind": ("Nœuds par type", "Nodes by kind"),
    "cli.by_relation": ("Liens par relation", "Edges by relation"),
    "cli.by_sphere": ("Organisations par sphère", "Organisations by sphere"),
    "cli.by_category": ("Organisations par catégorie", "Organisations by category"),
    "cli.pairs": ("Territoires jumelés (ici / là-bas), organisations de chaque côté",
                  "Paired territories (here / there), organisations on each side"),
    "cli.wrote": ("écrit : {path}", "wrote {path}"),
    "cli.contacts_left_out": ("(coordonnées laissées de côté ; ajoutez --with-contacts pour les inclure)",
                              "(contact details left out; add --with-contacts to include them)"),
    "cli.no_organisation": ("Aucune organisation dans le graphe.", "No organisation in the graph."),
    "cli.metrics_head": ("{orgs} organisations, {ties} liens ; {communities} communautés (Leiden, graine {seed}), "
                         "modularité {modularity}",
                         "{orgs} organisations, {ties} ties; {communities} communities (Leiden, seed {seed}), "
                         "modularity {modularity}"),
    "cli.columns": ("organisation|sphère|liens|force|interm.|pagerank|contr.|t.eff.|noyau|comm.",
                    "organisation|sphere|deg|w.deg|betw.|pagerank|constr.|eff.size|core|comm."),
    "cli.more": ("… {count} de plus (--top N, ou --json pour tout)", "… {count} more (--top N, or --json for all)"),
    "cli.articulation": ("Points de fragilité (leur départ couperait le réseau) : {names}",
                         "Single points of failure (articulation points): {names}"),
    "cli.bridges": ("Ponts (liens dont la perte couperait le réseau) : {names}",
                    "Bridges (ties whose loss splits the network): {names}"),
    "cli.none": ("aucun", "none"),
    "cli.partners_for": ("Partenaires potentiels pour {name} :", "Potential partners for {name}:"),
    "cli.no_candidate": ("  aucun candidat (rien en commun avec une organisation qui ne lui soit pas déjà liée)",
                         "  no candidate (nothing in common with an organisation not already tied to it)"),
    "cli.synergies": ("Synergies : les paires d'organisations pas encore liées qui ont le plus en commun",
                      "Synergies: the pairs of organisations not yet tied that have the most in common"),
    "cli.reset": ("Le stockage {store} est maintenant vide.", "The {store} store is now empty."),
    "store.refused_user": ("Neo4j à {uri} a refusé l'utilisateur « {user} » : utilisateur ou mot de passe erroné",
                           "Neo4j at {uri} refused the user “{user}”: wrong user or password"),
    "store.unreachable": ("impossible de joindre Neo4j à {uri} ({error}) : est-il démarré ?",
                          "cannot reach Neo4j at {uri} ({error}): is it running?"),
    "store.server_error": ("Neo4j à {uri} a répondu par une erreur : {detail}",
                           "Neo4j at {uri} answered with an error: {detail}"),
    "store.bad_address": ("« {uri} » n'est pas une adresse Neo4j : elle commence par l'un de {schemes}, suivi du "
                          "serveur (bolt://127.0.0.1:7687)",
                          "“{uri}” is not a Neo4j address: it starts with one of {schemes}, then the server "
                          "(bolt://127.0.0.1:7687)"),
    "store.credentials_in_address": ("l'adresse {uri} contient un utilisateur ou un mot de passe : donnez-les dans "
                                     "leurs propres champs, pas dans l'adresse",
                                     "the address {uri} holds a user or a password: give them in their own fields, "
                                     "not in the address"),
    "store.custom_not_allowed": ("choisir un autre serveur Neo4j n'est possible que sur la machine où tourne "
                                 "l'application", "choosing another Neo4j server is possible only on the machine "
                                 "the app runs on"),
    "store.write_failed": ("impossible d'écrire {location} ({detail}) : le disque est-il plein ? Rien n'a été "
                           "modifié, le graphe est tel qu'avant",
                           "cannot write {location} ({detail}): is the disk full? Nothing was changed, the graph "
                           "is as it was"),
    "store.stopped_answering": ("Neo4j à {uri} a cessé de répondre ({error}) ; cette demande n'a rien modifié",
                                "Neo4j at {uri} stopped answering ({error}); this request changed nothing"),
    "cli.bad_transaction_rows": ("--transaction-rows doit être un nombre de lignes positif",
                                 "--transaction-rows must be a positive number of rows"),
}
