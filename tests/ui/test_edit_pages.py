"""Keeping the network from the pages: edit, tie, add, the journal and
undo, through app.py (AppTest); the store checked after each."""
from apptest import background_done, big_from, texts, visit

GRDR = "org:grdr"


def actor(org=GRDR, who="Camille"):
    at = visit("actor", org=org)
    at.sidebar.text_input(key="who").input(who).run()
    return at


def submit(at, label):
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def test_an_organisation_is_edited_from_its_page_and_journaled(bundled_store):
    at = actor()
    at.text_input(key=f"e_acronym:{GRDR}").input("GRDR")
    at.text_area(key=f"e_aliases:{GRDR}").input("Grdr\nG.R.D.R.")
    at.text_input(key=f"e_note:{GRDR}").input("réunion du 30 novembre")
    submit(at, "Enregistrer")
    node = bundled_store.graph().nodes[GRDR]
    assert node["acronym"] == "GRDR" and node["aliases"] == ["Grdr", "G.R.D.R."]
    assert "enregistré" in texts(at)
    newest = bundled_store.journal()[0]
    assert (newest["kind"], newest["who"], newest["note"]) == ("edit", "Camille", "réunion du 30 novembre")


def test_an_edit_on_a_page_someone_else_changed_meanwhile_is_refused(bundled_store):
    first = actor(who="Camille")
    second = actor(who="Dominique")
    second.text_input(key=f"e_acronym:{GRDR}").input("GRDR-D")
    submit(second, "Enregistrer")
    first.text_input(key=f"e_acronym:{GRDR}").input("GRDR-C")
    submit(first, "Enregistrer")
    assert "a changé depuis que vous l'avez lu" in texts(first)
    assert bundled_store.graph().nodes[GRDR]["acronym"] == "GRDR-D"
    submit(first, "Repartir de la version actuelle")
    assert first.text_input(key=f"e_acronym:{GRDR}").value == "GRDR-D"


def test_a_wrong_edit_says_why_next_to_the_field_and_changes_nothing(bundled_store):
    at = actor()
    before = dict(bundled_store.graph().nodes[GRDR])
    at.text_input(key=f"e_name:{GRDR}").input("  ")
    submit(at, "Enregistrer")
    assert "Nom : " in texts(at) and dict(bundled_store.graph().nodes[GRDR]) == before


def test_a_tie_is_added_and_removed_from_the_page(bundled_store):
    at = actor()
    at.selectbox(key=f"t_rel:{GRDR}").set_value("PARTNER_OF")
    at.selectbox(key=f"t_target:{GRDR}").set_value("org:lianes-cooperation")
    at.text_input(key=f"t_since:{GRDR}").input("2026")
    submit(at, "Ajouter ce lien")
    graph = bundled_store.graph()
    assert graph.edges["org:grdr", "org:lianes-cooperation", "PARTNER_OF"]["since"] == "2026"
    assert "Lien ajouté : partenaire de Lianes Coopération." in texts(at)
    at = actor()
    box = at.selectbox(key=f"u_tie:{GRDR}")
    box.set_value(next(i for i, label in zip(range(len(box.options)), box.options)
                       if label == "partenaire de — Lianes Coopération"))
    submit(at, "Retirer ce lien")
    assert not bundled_store.graph().has_edge("org:grdr", "org:lianes-cooperation", "PARTNER_OF")


def test_a_new_organisation_is_added_and_opened(bundled_store):
    at = actor()
    at.text_input(key="a_name").input("Collectif Nouveau")
    at.selectbox(key="a_category").set_value("network")
    submit(at, "Ajouter")
    assert bundled_store.graph().nodes["org:collectif-nouveau"]["category"] == "network"
    assert at.selectbox(key="org").value == "org:collectif-nouveau" and "Collectif Nouveau" in texts(at)


def test_the_journal_lists_changes_and_undoes_one(bundled_store):
    at = actor()
    at.text_input(key=f"e_acronym:{GRDR}").input("GRDR")
    submit(at, "Enregistrer")
    journal = visit("journal", element=GRDR)
    table = journal.dataframe[0].value
    assert list(table["Qui"])[:1] == ["Camille"] and list(table["Quoi"])[:1] == ["modification"]
    assert any(b.proto.label == "Télécharger le journal (CSV)" for b in journal.get("download_button"))
    edit_id = bundled_store.journal()[0]["id"]
    journal.selectbox(key="undo_which").set_value(edit_id).run()
    journal.button(key="undo").click().run()
    assert not journal.exception
    assert bundled_store.graph().nodes[GRDR]["acronym"] == "Grdr"
    assert f"Changement {edit_id} annulé." in texts(journal)
    assert bundled_store.journal()[0]["undoes"] == edit_id


def _twin(store, name="Grdr France", **props):
    """A directory row that is the Grdr under another name."""
    from graph.model import Batch, Node
    store.apply(Batch(nodes=[Node("org:grdr-france", "Organisation",
                                  {"name": name, "category": "association", **props}, ["annuaire.csv:2"])]))


def test_two_duplicates_are_compared_and_merged_from_the_duplicates_page(bundled_store):
    _twin(bundled_store, email="contact@grdr.example")
    at = visit("duplicates", pair="org:grdr~org:grdr-france")
    at.sidebar.text_input(key="who").input("Camille").run()
    said = texts(at)
    assert "un nom contient l'autre" in said and "« Grdr »" in said and "Grdr France" in said
    assert "contact@grdr.example" not in said + str([t.value for t in at.table])      # contacts stay hidden
    at.radio(key="dup_keep:org:grdr~org:grdr-france").set_value(GRDR)
    at.text_input(key="dup_note:org:grdr~org:grdr-france").input("même ONG")
    submit(at, "Fusionner")
    graph = bundled_store.graph()
    assert "org:grdr-france" not in graph and "Grdr France" in graph.nodes[GRDR]["aliases"]
    assert "fusionnée dans" in texts(at)
    newest = bundled_store.journal()[0]
    assert (newest["kind"], newest["who"], newest["note"]) == ("merge", "Camille", "même ONG")


def test_not_the_same_is_remembered_from_the_duplicates_page_in_english(bundled_store):
    _twin(bundled_store)
    at = visit("duplicates", lang="en", pair="org:grdr~org:grdr-france")
    assert "one name contains the other" in texts(at)
    submit(at, "They are not the same")
    assert bundled_store.graph().nodes[GRDR]["distinct_from"] == ["org:grdr-france"]
    assert "will not be proposed again" in texts(at)
    assert not any("Grdr France" in str(o) for s in at.selectbox if s.key == "pair" for o in s.options)
    assert any("Artisans du Monde" in str(o) for s in at.selectbox if s.key == "pair" for o in s.options)


def test_a_merge_of_a_pair_changed_meanwhile_is_refused(bundled_store):
    _twin(bundled_store)
    at = visit("duplicates", pair="org:grdr~org:grdr-france")
    from graph.edits import edit_node
    bundled_store.apply(edit_node(bundled_store.graph(), "org:grdr-france", {"website": "grdr.org"}, who="Dominique"))
    submit(at, "Fusionner")
    assert "org:grdr-france" in bundled_store.graph()
    assert "a changé depuis que vous l'avez lu" in texts(at)


def _form_key(org, partner):
    return f"{org}~{partner}"


def record(at, key):
    """Submit the follow-up form of one suggestion."""
    next(b for b in at.button if b.proto.form_id == f"fu:{key}").click().run()
    assert not at.exception, at.exception


def test_a_suggestion_is_followed_up_from_the_actor_page_and_listed_in_suivi(bundled_store):
    lianes = "org:lianes-cooperation"
    from graph.analytics.partners import potential_partners
    first, second = [c["id"] for c in potential_partners(bundled_store.graph(), lianes, top=2)]
    at = actor(org=lianes)
    key = _form_key(lianes, first)
    at.selectbox(key=f"fu_status:{key}").set_value("not_relevant")
    at.text_input(key=f"fu_note:{key}").input("pas le même métier")
    record(at, key)
    assert bundled_store.graph().edges[lianes, first, "FOLLOWS_UP"]["status"] == "not_relevant"
    assert "Suite enregistrée : pas pertinent" in texts(at)
    # the suggestion is gone from the list, the record is on the page
    assert not any(b.proto.form_id == f"fu:{key}" for b in at.button)
    assert "pas le même métier" in texts(at)
    key = _form_key(lianes, second)
    at.selectbox(key=f"fu_status:{key}").set_value("introduced")
    record(at, key)
    suivi = visit("followups", at, status="introduced")
    assert "Camille" in str(suivi.dataframe[0].value.to_dict()) and len(suivi.dataframe[0].value) == 1
    english = visit("followups", lang="en")
    assert "not relevant" in str(english.dataframe[0].value.to_dict())


def test_already_partners_adds_the_tie_only_when_confirmed(bundled_store):
    lianes = "org:lianes-cooperation"
    from graph.analytics.partners import potential_partners
    first = potential_partners(bundled_store.graph(), lianes, top=1)[0]["id"]
    at = actor(org=lianes)
    key = _form_key(lianes, first)
    at.selectbox(key=f"fu_status:{key}").set_value("already_partners")
    record(at, key)
    assert not bundled_store.graph().has_edge(lianes, first, "PARTNER_OF")
    assert "cochez la case" in texts(at)
    at = actor(org=lianes)
    at.selectbox(key=f"fu_status:{key}").set_value("already_partners")
    at.checkbox(key=f"fu_tie:{key}").check()
    record(at, key)
    graph = bundled_store.graph()
    assert graph.has_edge(lianes, first, "PARTNER_OF") or graph.has_edge(first, lianes, "PARTNER_OF")


def test_a_pair_is_followed_up_from_the_synergies_page(bundled_store):
    at = visit("opportunities")
    at.sidebar.text_input(key="who").input("Dominique").run()
    from graph.analytics.partners import synergies
    a, b = synergies(bundled_store.graph(), top=1)[0]["ids"]
    at.selectbox(key="fu_pair").set_value(f"{a}~{b}").run()
    at.selectbox(key=f"fu_status:{a}~{b}").set_value("to_follow")
    record(at, f"{a}~{b}")
    assert bundled_store.graph().edges[a, b, "FOLLOWS_UP"]["who"] == "Dominique"
    assert "Suivi (" in texts(at) and "à suivre" in texts(at)


def test_a_person_is_erased_from_the_data_page_once_confirmed(bundled_store):
    from graph.model import Batch, Edge, Node
    bundled_store.apply(Batch(nodes=[Node("per:jean", "Person", {"name": "Jean Dupont", "phone": "06 12 34 56 78"},
                                          ["l.csv:2"])],
                              edges=[Edge("per:jean", "WORKS_FOR", GRDR, {}, ["l.csv:2"])]))
    at = visit("data")
    assert "Jean Dupont" not in texts(at)                   # people are not listed
    at.text_input(key="erase_who").input("Jean Dupont").run()
    assert "Jean Dupont : 1 lien(s)" in texts(at)
    erase = next(b for b in at.button if b.key == "erase")
    assert erase.disabled
    at.checkbox(key="erase_ok:per:jean").check().run()
    next(b for b in at.button if b.key == "erase").click().run()
    assert not at.exception
    assert "per:jean" not in bundled_store.graph() and "Personne effacée" in texts(at)
    assert bundled_store.journal()[0]["kind"] == "erase"
    at.text_input(key="erase_who").input("Jean").run()
    assert "Aucun élément ne s'appelle exactement « Jean »" in texts(at)


def test_an_organisation_is_edited_and_tied_from_the_explorer(bundled_store):
    at = visit("explorer", focus=GRDR)
    at.sidebar.text_input(key="who").input("Camille").run()
    at.text_area(key=f"e_description:{GRDR}").input("Vue à la réunion du 30.")
    submit(at, "Enregistrer")
    assert bundled_store.graph().nodes[GRDR]["description"] == "Vue à la réunion du 30."
    at.selectbox(key=f"t_rel:{GRDR}").set_value("MEMBER_OF")
    at.selectbox(key=f"t_target:{GRDR}").set_value("org:lianes-cooperation")
    at.text_input(key=f"t_role:{GRDR}").input("membre fondateur")
    submit(at, "Ajouter ce lien")
    tie = bundled_store.graph().edges[GRDR, "org:lianes-cooperation", "MEMBER_OF"]
    assert tie["role"] == "membre fondateur" and "(Camille)" in tie["sources"][0]


def _warmed(monkeypatch):
    """The graphs the network's gaps were computed on (the Lacunes page's
    analytics), recorded."""
    import graph.analytics.gaps as module
    seen, real = [], module.gaps
    monkeypatch.setattr(module, "gaps", lambda graph, actor=None: seen.append(graph) or real(graph, actor))
    return seen


def test_after_an_edit_the_other_pages_are_computed_in_the_background(bundled_store, monkeypatch):
    """Once the page showing an edit is drawn, the other pages' analytics for
    the new version are computed on a server thread (here: the gaps, which
    the actor page does not need), so that the next visit finds them; with
    PASSERELLES_WARM=0, nothing is."""
    for warm, expected in (("0", False), ("1", True)):
        monkeypatch.setenv("PASSERELLES_WARM", warm)
        seen = _warmed(monkeypatch)
        at = actor()
        at.text_input(key=f"e_acronym:{GRDR}").input(f"GRDR-{warm}")
        submit(at, "Enregistrer")
        background_done()
        assert any(g.nodes[GRDR].get("acronym") == f"GRDR-{warm}" for g in seen) is expected


def test_a_big_network_changed_outside_the_app_is_analysed_from_its_first_visit(bundled_store, monkeypatch):
    """Data written by the command line: on a network as big as
    metrics_later_from (here lowered to 10 organisations), the first visit
    of a version starts the other pages' analytics in the background, once;
    on a smaller one it does not."""
    from graph.model import Batch, Node
    seen = _warmed(monkeypatch)
    visit("journal")
    background_done()
    assert seen == []                                   # the bundled network is under 5,000 organisations
    big_from(monkeypatch)
    bundled_store.apply(Batch(nodes=[Node("org:nouvelle", "Organisation", {"name": "Nouvelle"}, ["cli.csv:2"])]))
    visit("journal")
    background_done()
    assert len(seen) == 1 and "org:nouvelle" in seen[0]
    visit("journal")                                    # the same version again: nothing more
    background_done()
    assert len(seen) == 1


def test_an_edit_that_changes_no_tie_reuses_the_analytics(bundled_store, monkeypatch):
    """A new name or description changes no tie, kind, category or sphere:
    the actor graph and the metrics of the version before serve the new one
    (the page shows the new name among the brokers all the same); a new tie
    makes them computed again."""
    import graph.analytics.actor as actor_module
    import graph.analytics.metrics as metrics_module
    monkeypatch.setenv("PASSERELLES_WARM", "0")
    calls = {"actor": 0, "metrics": 0}

    def counted(name, real):
        def call(*args, **kwargs):
            calls[name] += 1
            return real(*args, **kwargs)
        return call
    monkeypatch.setattr(actor_module, "actor_graph", counted("actor", actor_module.actor_graph))
    monkeypatch.setattr(metrics_module, "organisation_metrics",
                        counted("metrics", metrics_module.organisation_metrics))
    cfsi = "org:cfsi"
    at = actor(org=cfsi)
    before = dict(calls)
    assert before["metrics"] >= 1
    at.text_input(key=f"e_name:{cfsi}").input("Comité Français pour la Solidarité Internationale (CFSI)")
    at.text_area(key=f"e_description:{cfsi}").input("Plateforme de 24 organisations")
    submit(at, "Enregistrer")
    brokers = visit("overview")
    shown = " ".join(frame.value.to_string() for frame in brokers.dataframe)
    assert "Comité Français pour la Solidarité Internationale (CFSI)" in shown
    assert calls == before
    at = actor(org=cfsi)
    at.selectbox(key=f"t_rel:{cfsi}").set_value("PARTNER_OF")
    at.selectbox(key=f"t_target:{cfsi}").set_value("org:lianes-cooperation")
    submit(at, "Ajouter ce lien")
    assert calls["actor"] > before["actor"] and calls["metrics"] > before["metrics"]
