"""The problems found in files and edits (graph.model.Problem codes), said
to the user: key "problem.<code>" -> (français, English). The values come
from the problem; lists are written out by interface.sentences.problem."""

PROBLEMS = {
    "problem.element.node": ("nœud « {id} » : ", "node “{id}”: "),
    "problem.element.edge": ("lien {id} : ", "edge {id}: "),

    # values that cannot enter the graph (graph.model)
    "problem.bad_field_name": ("nom de champ invalide ({name}) : un nom de champ est un texte non vide",
                               "invalid field name ({name}): a field name is non-empty text"),
    "problem.reserved_field": ("« {field} » est un champ réservé de Passerelles : renommez cette colonne",
                               "“{field}” is a field Passerelles reserves: rename this column"),
    "problem.control_character": ("« {field} » contient un caractère de contrôle invisible (NUL, saut de page…) : "
                                  "corrigez la cellule",
                                  "“{field}” holds an invisible control character (NUL, form feed…): mend the cell"),
    "problem.integer_too_large": ("« {field} » : nombre trop grand (plus de 19 chiffres)",
                                  "“{field}”: number too large (more than 19 digits)"),
    "problem.not_finite": ("« {field} » : ce n'est pas un nombre fini (NaN ou infini)",
                           "“{field}”: not a finite number (NaN or infinity)"),
    "problem.mixed_list": ("« {field} » : une liste doit être faite de textes, ou de nombres, pas d'un mélange ni "
                           "de listes ou d'objets imbriqués",
                           "“{field}”: a list must hold texts, or numbers, not a mixture nor nested lists or "
                           "objects"),
    "problem.not_a_value": ("« {field} » : une valeur de type {type} ne peut pas être gardée (texte, nombre, "
                            "oui/non ou liste attendus)",
                            "“{field}”: a value of type {type} cannot be kept (text, number, yes/no or list "
                            "expected)"),
    "problem.not_text": ("« {field} » doit être un texte (ici : {type})", "“{field}” must be text (here: {type})"),
    "problem.not_text_list": ("« {field} » doit être une liste de textes", "“{field}” must be a list of texts"),
    "problem.formula": ("« {value} » serait exécuté comme une formule par un tableur : retirez le signe du début",
                        "“{value}” would run as a formula in a spreadsheet: remove its leading sign"),
    "problem.formula_neutralised": ("« {value} » commence comme une formule de tableur : gardé comme texte, précédé "
                                    "d'une apostrophe (il ne s'exécutera dans aucun tableur)",
                                    "“{value}” starts like a spreadsheet formula: kept as text, after an apostrophe "
                                    "(it will run in no spreadsheet)"),
    "problem.contact_in_text": ("« {field} » contenait {count} coordonnée(s) (e-mail, téléphone) : retirée(s) du "
                                "texte et gardée(s) comme coordonnées, masquées et exportées seulement sur demande",
                                "“{field}” held {count} contact detail(s) (e-mail, phone): taken out of the text and "
                                "kept as contact details, hidden and exported only when asked"),
    "problem.bad_sources": ("les sources doivent être une liste de textes non vides",
                            "sources must be a list of non-empty texts"),
    "problem.bad_conflicts": ("ce n'est pas un relevé de désaccords tel que l'export l'écrit (pour chaque champ, "
                              "ses valeurs et leurs sources)",
                              "not a conflicts record as export writes it (for each field, its values and their "
                              "sources)"),
    "problem.bad_id": ("identifiant invalide ({id}) : un identifiant est un texte non vide",
                       "invalid id ({id}): an id is non-empty text"),
    "problem.bad_key": ("la clé d'un lien doit être un texte", "a tie's key must be text"),
    "problem.unknown_kind": ("type de nœud inconnu « {value} » ; attendu : {expected}",
                             "unknown node kind “{value}”; expected: {expected}"),
    "problem.empty_name": ("le nom est vide", "the name is empty"),
    "problem.unknown_category": ("catégorie inconnue « {value} » ; attendu : {expected}",
                                 "unknown category “{value}”; expected: {expected}"),
    "problem.unknown_status": ("suite donnée inconnue « {value} » ; attendu : {expected}",
                               "unknown follow-up “{value}”; expected: {expected}"),
    "problem.unknown_sphere": ("sphère inconnue « {value} » ; attendu : {expected}",
                               "unknown sphere “{value}”; expected: {expected}"),
    "problem.unknown_level": ("niveau de territoire inconnu « {value} » ; attendu : {expected}",
                              "unknown territory level “{value}”; expected: {expected}"),
    "problem.coordinate": ("« {field} » doit être un nombre entre -{bound} et {bound}",
                           "“{field}” must be a number between -{bound} and {bound}"),
    "problem.unknown_relation": ("type de lien inconnu « {value} » ; attendu : {expected}",
                                 "unknown relation type “{value}”; expected: {expected}"),
    "problem.relation_ends": ("un lien {relation} va de {sources} vers {targets}, pas de {source_kind} vers "
                              "{target_kind}",
                              "a {relation} tie goes from {sources} to {targets}, not from {source_kind} to "
                              "{target_kind}"),

    # the merge rule (graph.merge)
    "problem.id_other_kind": ("l'identifiant « {id} » est déjà un(e) {old} dans le graphe, pas un(e) {new}",
                              "id “{id}” is already a {old} in the graph, not a {new}"),
    "problem.not_in_graph": ("« {id} » n'est ni dans ce fichier ni dans le graphe",
                             "“{id}” is neither in this file nor in the graph"),

    # reading files (loaders)
    "problem.lookalike_name": ("« {name} » ressemble à s'y méprendre à « {other} » ({other_id}), déjà connue : "
                               "une autre organisation, ou la même écrite autrement (caractère d'un autre "
                               "alphabet, identifiant différent) ? Vérifiez avant de charger",
                               "“{name}” looks just like “{other}” ({other_id}), already known: another "
                               "organisation, or the same one written otherwise (a letter of another alphabet, "
                               "another id)? Check before loading"),
    "problem.file_too_big": ("le fichier fait {size} Mo : au-delà de {most} Mo, il n'est pas lu",
                             "the file is {size} MB: beyond {most} MB it is not read"),
    "problem.workbook_too_big": ("le classeur se décompresse en {size} Mo : au-delà de {most} Mo, il n'est pas lu",
                                 "the workbook unpacks to {size} MB: beyond {most} MB it is not read"),
    "problem.workbook_bomb": ("une partie du classeur se décompresse en {size} Mo, {ratio} fois sa taille : un "
                              "classeur normal reste sous {most} fois ; refusé (bombe de décompression ?)",
                              "a part of the workbook unpacks to {size} MB, {ratio} times its size: an ordinary "
                              "workbook stays under {most} times; refused (a decompression bomb?)"),
    "problem.too_many_rows": ("plus de {most} lignes : découpez le fichier", "more than {most} rows: split the file"),
    "problem.too_many_columns": ("{count} colonnes : au-delà de {most}, la ligne n'est pas lue",
                                 "{count} columns: beyond {most} the row is not read"),
    "problem.too_slow": ("la lecture a dépassé {seconds} secondes : découpez le fichier",
                         "reading took more than {seconds} seconds: split the file"),
    "problem.cell_too_long": ("une cellule dépasse {most} caractères", "a cell holds more than {most} characters"),
    "problem.iati_generic_participant": ("« {name} » est une catégorie ou un canal, pas une organisation : laissé de côté",
                                         "“{name}” is a category or a channel, not an organisation: left out"),
    "problem.iati_name_two_refs": ("« {name} » vient avec deux identifiants ({refs}) : gardées comme deux "
                                   "organisations ; fusionnez-les si c'est la même",
                                   "“{name}” comes with two identifiers ({refs}): kept as two organisations; merge "
                                   "them if they are one"),
    "problem.iati_unknown_code": ("code « {code} » inconnu (activité {activity}) : ce lieu est laissé de côté",
                                  "unknown code “{code}” (activity {activity}): this place is left out"),
    "problem.iati_no_identifier": ("activité sans iati-identifier : elle ne peut pas être reconnue d'un chargement à "
                                   "l'autre", "an activity without iati-identifier: it cannot be recognised from one "
                                   "load to the next"),
    "problem.not_xml": ("ce n'est pas du XML valide ({detail})", "not valid XML ({detail})"),
    "problem.columns_not_used": ("colonnes non utilisées : {columns}", "columns not used: {columns}"),
    "problem.unknown_format": ("format inconnu « {value} »", "unknown format “{value}”"),
    "problem.no_table_found": ("ce tableau n'est pas reconnu. En-têtes trouvés : {headers}. Attendus : Nom (ou "
                               "Label) et Type pour une feuille d'éléments, ou De, Vers et Type pour une feuille de "
                               "liens. Indiquez ce que contient chaque colonne (page Données : « Correspondance des "
                               "colonnes » ; en ligne de commande : python -m cli mapping, puis --mapping), ou partez "
                               "du modèle.",
                               "this table is not recognised. Headers found: {headers}. Expected: Name (or Label) and "
                               "Type for an elements sheet, or From, To and Type for a connections sheet. Say what "
                               "each column holds (Data page: “Column mapping”; command line: python -m cli mapping, "
                               "then --mapping), or start from the template."),
    "problem.id_two_kinds": ("l'identifiant « {id} » est un(e) {kind} ici et un(e) {other} à la ligne {first_row}",
                             "id “{id}” is a {kind} here and a {other} on row {first_row}"),
    "problem.duplicate_id": ("identifiant « {id} » en double avec des valeurs différentes ({differences} ; "
                             "d'abord à la ligne {first_row})",
                             "duplicate id “{id}” with conflicting values ({differences}; first on row "
                             "{first_row})"),
    "problem.duplicate_tie": ("lien {source} {relation} {target} de clé « {key} » en double avec des valeurs "
                              "différentes", "duplicate tie {source} {relation} {target} key “{key}” with "
                              "conflicting values"),
    "problem.parallel_tie": ("un second lien {relation} entre « {source} » et « {target} » avec d'autres valeurs : "
                             "gardé comme lien parallèle",
                             "a second {relation} tie between “{source}” and “{target}” with other values: "
                             "kept as a parallel tie"),
    "problem.mixed_encoding": ("le fichier mêle deux encodages : {count} ligne(s) en Windows-1252 (dont {rows}), le "
                               "reste en UTF-8 ; chaque ligne a été lue dans le sien, vérifiez les accents",
                               "the file mixes two encodings: {count} line(s) in Windows-1252 (among them {rows}), "
                               "the rest in UTF-8; each line was read in its own, check the accents"),
    "problem.no_rows": ("la feuille « {sheet} » n'a qu'un en-tête : rien à charger",
                        "sheet “{sheet}” holds only a header: nothing to load"),
    "problem.binary_file": ("c'est un fichier binaire, pas un tableau (CSV ou XLSX attendu)",
                            "this is a binary file, not a table (CSV or XLSX expected)"),
    "problem.unreadable_text": ("texte illisible : ni UTF-8 ni Windows-1252 (octet {byte})",
                                "cannot read the text: neither UTF-8 nor Windows-1252 (byte {byte})"),
    "problem.damaged_csv": ("le fichier est abîmé ou tronqué à cet endroit ({detail})",
                            "the file is damaged or truncated here ({detail})"),
    "problem.damaged_workbook": ("le classeur est abîmé ou tronqué ({detail})",
                                 "the workbook is damaged or truncated ({detail})"),
    "problem.cannot_open": ("impossible d'ouvrir le fichier ({detail})", "cannot open the file ({detail})"),
    "problem.empty_file": ("le fichier est vide", "the file is empty"),
    "problem.json_too_deep": ("le JSON est imbriqué sur plus de {most} niveaux : ce n'est pas un graphe",
                              "the JSON nests more than {most} levels deep: it is not a graph"),
    "problem.not_json": ("ce n'est pas du JSON valide ({detail})", "not valid JSON ({detail})"),
    "problem.not_node_link": ("ce JSON n'est pas un graphe « node-link » (listes « nodes » et « edges » attendues)",
                              "this JSON is not a node-link graph (“nodes” and “edges” lists expected)"),
    "problem.xml_entities": ("le fichier déclare des entités XML ou un type de document : refusé par sécurité "
                             "(fichier externe ou expansion démesurée possibles)",
                             "the file declares XML entities or a document type: refused for safety (an "
                             "external file or a runaway expansion are possible)"),
    "problem.not_graphml": ("ce n'est pas du GraphML valide ({detail})", "not valid GraphML ({detail})"),
    "problem.not_gexf": ("ce n'est pas du GEXF valide ({detail})", "not valid GEXF ({detail})"),
    "problem.duplicate_element_id": ("l'identifiant « {id} » apparaît deux fois dans le fichier",
                                     "id “{id}” appears twice in the file"),
    "problem.no_kind": ("pas de « kind » (le type du nœud : Organisation, Territory, Project, Event, Theme, Person "
                        "ou Resource) ; ajoutez-le, par exemple comme colonne des nœuds dans Gephi",
                        "no “kind” (the node's kind: Organisation, Territory, Project, Event, Theme, Person or "
                        "Resource); add it, for example as a node column in Gephi"),
    "problem.no_type": ("pas de « type » (la relation : PARTNER_OF, MEMBER_OF, FUNDS, LEADS…) ; dans un GEXF, "
                        "l'attribut des liens « relation »",
                        "no “type” (the relation: PARTNER_OF, MEMBER_OF, FUNDS, LEADS…); in a GEXF, the edges' "
                        "attribute “relation”"),
    "problem.column_twice": ("la colonne « {column} » apparaît deux fois (aussi colonne {other})",
                             "column “{column}” appears twice (also column {other})"),
    "problem.empty_sheet": ("la feuille des {role} est vide", "the {role} sheet is empty"),
    "problem.missing_column": ("colonne {column} manquante{alternatives}", "missing column {column}{alternatives}"),
    "problem.unknown_type": ("type inconnu « {value} » : indiquez un type de nœud ({kinds}) ou une catégorie "
                             "d'organisation ({categories})",
                             "unknown type “{value}”: name a node kind ({kinds}) or an organisation category "
                             "({categories})"),
    "problem.empty_type": ("le type est vide", "the type is empty"),
    "problem.not_a_number": ("« {value} » n'est pas un nombre", "“{value}” is not a number"),
    "problem.names_nothing": ("« {text} » ne désigne rien dans ce fichier ni dans le graphe",
                              "“{text}” names nothing in this file nor in the graph"),
    "problem.ambiguous_name": ("« {text} » est ambigu : plusieurs éléments portent ce nom ; utilisez son "
                               "identifiant", "“{text}” is ambiguous: several elements have this name; use its id"),
    "problem.field_not_for_kind": ("un(e) {kind} ne peut pas avoir de « {column} » ({relation})",
                                   "a {kind} cannot have a “{column}” ({relation})"),
    "problem.empty_cell": ("la cellule « {column} » est vide", "the “{column}” cell is empty"),
    "problem.self_tie": ("ce lien relie un élément à lui-même", "this tie links an element to itself"),
    "problem.unmapped_wording": ("le type de lien « {wording} » ({count} ligne(s)) n'est pas dans le vocabulaire : "
                                 "gardé comme « autre lien » avec ce libellé",
                                 "the connection type “{wording}” ({count} row(s)) is not in the vocabulary: kept "
                                 "as “other tie” with this label"),
    "problem.sheet_skipped": ("la feuille « {sheet} » n'est ni des éléments (Label, Type) ni des liens (From, To, "
                              "Type) : ignorée",
                              "sheet “{sheet}” is neither elements (Label, Type) nor connections (From, To, "
                              "Type): skipped"),
    "problem.role.elements": ("éléments", "elements"),
    "problem.role.connections": ("liens", "connections"),
    "problem.or": (" (ou {names})", " (or {names})"),

    # participants lists (loaders.participants)
    "problem.no_structure": ("aucune structure sur cette ligne ni au-dessus", "no structure on this row nor above it"),
    "problem.several_emails": ("plusieurs e-mails dans une cellule : le premier est gardé",
                               "several e-mails in one cell: the first is kept"),
    "problem.structure_only": ("seulement une structure ({structure}) : personne sur cette ligne",
                               "only a structure ({structure}): no person on this row"),
    "problem.no_participants_header": ("aucun en-tête de liste de participants (Structure, Nom et prénom, "
                                       "Fonction, Email)",
                                       "no participants header found (Structure, Nom et prénom, Fonction, Email)"),
    "problem.fragment_not_loaded": ("cette ligne ne contient que {pieces} et aucune ligne voisine n'en manque : "
                                    "non chargée", "this row holds only {pieces} and no neighbour lacks it: "
                                    "not loaded"),
    "problem.fragment_attached": ("cette ligne ne contient que {pieces} : rattaché à la personne de la ligne {row}",
                                  "this row holds only {pieces}: attached to the person on row {row}"),
    "problem.piece.email": ("un e-mail", "an e-mail"),
    "problem.piece.function": ("une fonction", "a function"),
    "problem.piece.phone": ("un téléphone", "a phone number"),
    "problem.same_person": ("cette personne est aussi à la ligne {row} : une seule personne",
                            "this person is also on row {row}: one person"),
    "problem.structure_fuzzy": ("« {text} » lu comme « {name} » (noms proches, {score} %) : à vérifier",
                                "“{text}” read as “{name}” (similar names, {score}%): check it"),
    "problem.structure_contains": ("« {text} » pris pour « {name} », dont il contient le nom (une antenne, un "
                                   "ancien nom ?) : à vérifier",
                                   "“{text}” taken as “{name}”, whose name it contains (a branch or a former "
                                   "name?): check it"),
    "problem.structure_ambiguous": ("« {text} » pourrait être {names} : chargé comme nouvelle organisation ; "
                                    "fusionnez-la si c'est l'une d'elles",
                                    "“{text}” could be {names}: loaded as a new organisation; merge it if it is "
                                    "one of them"),
    "problem.structure_same_id": ("« {text} » rejoint « {name} », qui a le même identifiant : à vérifier",
                                  "“{text}” joins “{name}”, which has the same id: check it"),
    "problem.structure_new": ("« {text} » n'est pas dans le graphe : ajouté comme nouvelle organisation "
                              "(catégorie devinée : {category})",
                              "“{text}” is not in the graph: added as a new organisation (category guessed: "
                              "{category})"),
    "problem.email_domain_elsewhere": ("le domaine de l'e-mail ({domain}) désigne « {points_to} », pas "
                                       "« {structure} » : la cellule Structure est-elle décalée ?",
                                       "the e-mail domain ({domain}) points to “{points_to}”, not to "
                                       "“{structure}”: is the structure cell shifted?"),
    "problem.new_event": ("l'événement « {name} » est nouveau : ajouté", "event “{name}” is new: added"),
    # what a load changes in known elements (graph.merge.Change)
    "change.line": ("{element} — {field} : {before} → {after}", "{element} — {field}: {before} → {after}"),
    "change.held_name": ("{element} : le nom reste « {before} » ; « {after} » ajouté comme autre nom",
                         "{element}: the name stays “{before}”; “{after}” added as another name"),
    "change.held": ("{element} — {field} : reste {before} ({after} proposé)",
                    "{element} — {field}: stays {before} ({after} proposed)"),
    "change.hidden": ("(masqué)", "(hidden)"),
    # directories read through a column mapping (loaders.directory, loaders.mapping)
    "problem.mapping_does_not_fit": ("la correspondance ne décrit pas cette feuille : elle attend la colonne {expected}"
                                     " ; en-têtes trouvés : {headers}",
                                     "the mapping does not describe this sheet: it expects the column {expected}; "
                                     "headers found: {headers}"),
    "problem.sheet_skipped_mapping": ("la feuille « {sheet} » n'a pas les colonnes de la correspondance : ignorée",
                                      "sheet “{sheet}” does not have the mapping's columns: skipped"),
    "problem.columns_ignored": ("colonnes ignorées (non chargées) : {columns}",
                                "columns ignored (not loaded): {columns}"),
    "problem.mapping_columns_missing": ("colonnes de la correspondance absentes de ce fichier : {columns}",
                                        "the mapping's columns missing from this file: {columns}"),
    "problem.identifier_unknown": ("« {value} » n'est ni un numéro RNA, ni un SIREN ou SIRET, ni une référence IATI :"
                                   " non gardé comme identifiant",
                                   "“{value}” is neither an RNA number, a SIREN or SIRET, nor an IATI reference: "
                                   "not kept as an identifier"),
    "problem.sphere_not_understood": ("sphère « {value} » non comprise : celle de la catégorie est prise",
                               "unknown sphere “{value}”: the category's is taken"),
    "problem.unmapped_category": ("« {value} » ({count} ligne(s)) ne correspond à aucune catégorie : choisissez-en "
                                  "une dans la correspondance ({categories})",
                                  "“{value}” ({count} row(s)) matches no category: choose one in the mapping "
                                  "({categories})"),
    "problem.commune_ambiguous": ("plusieurs communes s'appellent « {name} » (départements {departements}) : "
                                  "ajoutez une colonne Code postal ou Département pour les distinguer",
                                  "several communes are called “{name}” (départements {departements}): add a "
                                  "Postcode or Département column to tell them apart"),
    "problem.new_places": ("{count} lieu(x) inconnu(s) ajouté(s) comme nouveaux territoires : {names}",
                           "{count} unknown place(s) added as new territories: {names}"),
    "problem.member_of_unknown": ("le réseau « {name} » n'est pas dans le graphe", "network “{name}” is not in "
                                  "the graph"),
    "problem.mapping_unreadable": ("le fichier de correspondance n'est pas du TOML lisible : {detail}",
                                   "the mapping file is not readable TOML: {detail}"),
    "problem.mapping_no_columns": ("le fichier de correspondance n'a pas de section [columns]",
                                   "the mapping file has no [columns] section"),
    "problem.mapping_unknown_role": ("rôle « {role} » inconnu ; rôles possibles : {roles}",
                                     "unknown role “{role}”; possible roles: {roles}"),
    "problem.mapping_unknown_category": ("catégorie « {category} » inconnue ; catégories possibles : {categories}",
                                         "unknown category “{category}”; possible categories: {categories}"),
    # the association register (loaders.register)
    "problem.characters_lost": ("{count} ligne(s) contiennent des caractères perdus par une conversion antérieure "
                                "(« � ») : ils ne peuvent pas être rétablis (lignes {rows})",
                                "{count} row(s) hold characters an earlier conversion lost (“�”): they cannot be "
                                "restored (rows {rows})"),
    "problem.register_contacts_left_out": ("téléphones et e-mails de {count} association(s) non chargés (données "
                                           "personnelles) ; pour les charger, masqués : « charger aussi téléphones et "
                                           "e-mails » (page Données) ou --with-contacts",
                                           "phones and e-mails of {count} association(s) not loaded (personal "
                                           "data); to load them, hidden: “load phones and e-mails too” (Data "
                                           "page) or --with-contacts"),
    "problem.register_commune_unknown": ("commune inconnue (code INSEE « {code} », « {name} ») : association "
                                         "chargée sans lieu",
                                         "unknown commune (INSEE code “{code}”, “{name}”): association loaded "
                                         "without a place"),
    "problem.columns_kept_as_text": ("colonnes gardées comme simple texte de l'élément (elles ne créent aucun lien) : "
                                     "{columns} ; pour les relier à des lieux ou des thèmes, utilisez la "
                                     "correspondance des colonnes",
                                     "columns kept as the element's plain text (they tie nothing): {columns}; to tie "
                                     "them to places or themes, use the column mapping"),
    # editing and undoing (graph.journal)
    "problem.changed_since_read": ("cet élément a changé depuis que vous l'avez lu (une autre personne l'a modifié, "
                                   "ou un changement plus récent s'appuie dessus) : rechargez la page et refaites "
                                   "votre modification",
                                   "this element changed since you read it (someone else edited it, or a later "
                                   "change builds on it): reload the page and make your change again"),
    "undo.unknown": ("aucun changement « {id} » dans le journal", "no change “{id}” in the journal"),
    "undo.too_big": ("ce changement touchait trop d'éléments pour être annulé (plus de {limit}) : rechargez une "
                     "version précédente ou videz le stockage", "this change touched too many elements to be undone "
                     "(more than {limit}): reload an earlier version or empty the store"),
    "undo.already": ("ce changement est déjà annulé (par {by})", "this change is already undone (by {by})"),
}
