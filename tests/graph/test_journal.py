"""The journal, removals, exact writes, undo and concurrent edits: one
contract, both stores (the `store` fixture runs each test on the embedded
store and on a real Neo4j)."""
import json

import pytest

from graph.journal import CannotUndo, fingerprint, node_key
from graph.model import Batch, Edge, Node
from graph.store import BatchRejected, StoreUnavailable


def org(i, name, source="t.csv:1", **props):
    return Node(i, "Organisation", {"name": name, **props}, [source])


def base(store):
    store.apply(Batch(nodes=[org("org:a", "A", category="ngo"), org("org:b", "B"),
                             Node("thm:x", "Theme", {"name": "X"}, ["t.csv:4"])],
                      edges=[Edge("org:a", "PARTNER_OF", "org:b", {"since": "2015"}, ["t.csv:2"]),
                             Edge("org:a", "WORKS_ON", "thm:x", {}, ["t.csv:3"])],
                      change={"who": "Camille", "note": "annuaire"}))


def state(store):
    g = store.graph()
    return (sorted((n, sorted(d.items(), key=repr)) for n, d in g.nodes(data=True)),
            sorted((u, v, k, sorted(d.items(), key=repr)) for u, v, k, d in g.edges(keys=True, data=True)))


def test_every_change_is_journaled_with_who_and_what(store):
    base(store)
    [first] = store.journal()
    assert (first["kind"], first["who"], first["note"]) == ("load", "Camille", "annuaire")
    assert first["counts"]["created"] == 5 and first["undoable"]
    assert set(first["elements"]) == {"org:a", "org:b", "thm:x"}
    store.apply(Batch(replacements=[Node("org:a", "Organisation", {"name": "Alpha", "category": "ngo"},
                                         ["saisie 2026-12-01 (Camille)"])], change={"kind": "edit", "who": "Camille"}))
    newest = store.journal()[0]
    assert newest["kind"] == "edit" and newest["counts"]["updated"] == 1
    assert store.graph().nodes["org:a"]["name"] == "Alpha"


def test_a_tie_and_a_node_are_removed_and_put_back_by_undo(store):
    base(store)
    before = state(store)
    store.apply(Batch(removals=[("edge", "org:a", "PARTNER_OF", "org:b", "")], change={"kind": "edit"}))
    assert not store.graph().has_edge("org:a", "org:b", "PARTNER_OF")
    store.undo(store.journal()[0]["id"])
    assert state(store) == before
    store.apply(Batch(removals=[("node", "org:a")], change={"kind": "edit"}))
    graph = store.graph()
    assert "org:a" not in graph and graph.number_of_edges() == 0
    removal = store.journal()[0]
    assert removal["counts"]["removed"] == 1 and len(removal["records"]) == 3       # the node and its two ties
    store.undo(removal["id"])
    assert state(store) == before
    kinds = [e["kind"] for e in store.journal()]
    assert kinds == ["undo", "edit", "undo", "edit", "load"]


def test_undoing_a_load_removes_what_it_created(store):
    base(store)
    store.undo(store.journal()[0]["id"])
    assert store.graph().number_of_nodes() == 0


def test_an_undo_is_refused_when_a_later_change_built_on_it(store):
    base(store)
    store.apply(Batch(replacements=[org("org:a", "A1", source="saisie", category="ngo")], change={"kind": "edit"}))
    first = store.journal()[0]["id"]
    store.apply(Batch(replacements=[org("org:a", "A2", source="saisie", category="ngo")], change={"kind": "edit"}))
    second = store.journal()[0]["id"]
    with pytest.raises(BatchRejected) as err:
        store.undo(first)
    assert [(p.code, p.values["element"]) for p in err.value.problems] == [("changed_since_read", node_key("org:a"))]
    assert store.graph().nodes["org:a"]["name"] == "A2"
    store.undo(second)
    store.undo(first)
    assert store.graph().nodes["org:a"]["name"] == "A"
    with pytest.raises(CannotUndo) as again:
        store.undo(first)
    assert again.value.code == "already"


def test_two_sessions_editing_one_organisation_do_not_overwrite_each_other(store):
    """Each read org:a; the first saves; the second, still holding what it
    read, is refused and told the element changed."""
    base(store)
    read = {node_key("org:a"): fingerprint({k: v for k, v in store.graph().nodes["org:a"].items()
                                             if k not in ("kind", "id")})}
    store.apply(Batch(replacements=[org("org:a", "Première", source="saisie", category="ngo")], expect=dict(read)))
    with pytest.raises(BatchRejected) as err:
        store.apply(Batch(replacements=[org("org:a", "Seconde", source="saisie", category="ngo")], expect=dict(read)))
    assert err.value.problems[0].code == "changed_since_read"
    assert store.graph().nodes["org:a"]["name"] == "Première"


def test_erasing_a_person_leaves_no_trace_in_the_journal(store):
    base(store)
    store.apply(Batch(nodes=[Node("per:jean", "Person", {"name": "Jean Dupont", "email": "jean@x.example"}, ["l.csv:2"])],
                      edges=[Edge("per:jean", "WORKS_FOR", "org:a", {}, ["l.csv:2"])], change={"note": "liste"}))
    store.apply(Batch(replacements=[org("org:b", "B", source="saisie",
                                        description="Contact : Jean Dupont, jean@x.example")],
                      change={"kind": "edit", "note": "appel de Jean Dupont"}))
    store.erase_person("per:jean", "camille@reseau.org")
    text = json.dumps(store.journal(), ensure_ascii=False)
    assert "Dupont" not in text and "jean@x.example" not in text and "per:jean" not in text
    assert store.journal()[0]["kind"] == "erase" and store.journal()[0]["counts"]["removed"] == 2
    assert store.journal()[0]["who"] == "camille@reseau.org"           # who erased, never who was erased


def test_a_write_that_fails_leaves_the_graph_and_the_journal_as_they_were(store, monkeypatch):
    base(store)
    before, journal = state(store), store.journal()
    if store.name == "embedded":
        import graph.store.memory as memory
        full = lambda *a: (_ for _ in ()).throw(OSError(28, "No space left"))   # noqa: E731
        monkeypatch.setattr(memory.os, "replace", full)         # a new snapshot
        monkeypatch.setattr(memory.os, "fsync", full)           # a line of the log
    else:
        from graph.store import cypher
        monkeypatch.setattr(cypher, "WRITE_CHANGE", "CREATE (c:PasserellesChange) SET c = $missing")
    with pytest.raises(StoreUnavailable):
        store.apply(Batch(replacements=[org("org:a", "Jamais", source="saisie", category="ngo")],
                          change={"kind": "edit"}))
    monkeypatch.undo()
    assert state(store) == before and store.journal() == journal


def test_undoing_the_creation_of_an_element_a_later_tie_uses_is_refused(store):
    base(store)
    store.apply(Batch(nodes=[org("org:c", "C")], change={"kind": "edit"}))
    created = store.journal()[0]["id"]
    store.apply(Batch(edges=[Edge("org:c", "MEMBER_OF", "org:a", {}, ["saisie"])], change={"kind": "edit"}))
    with pytest.raises(BatchRejected) as err:
        store.undo(created)
    assert err.value.problems[0].code == "changed_since_read"
    assert store.graph().has_edge("org:c", "org:a", "MEMBER_OF")


def test_an_erased_person_is_not_named_as_the_element_an_edit_was_about():
    from graph.journal import scrubbed
    journal = [{"id": "1", "kind": "edit", "who": "", "note": "", "records": [], "elements": ["per:jean"],
                "element": "per:jean"},
               {"id": "2", "kind": "merge", "who": "", "note": "", "records": [], "elements": [],
                "element": "org:a", "merged": "per:jean"}]
    cleaned = scrubbed(journal, "per:jean", ["Jean Dupont"], [])
    assert "per:jean" not in json.dumps(cleaned) and cleaned[1]["element"] == "org:a"
