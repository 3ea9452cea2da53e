"""Edits go through the store's one write path, on both stores."""
import pytest

from graph.analytics import Refused
from graph.analytics.duplicates import probable_duplicates
from graph.edits import add_node, add_tie, edit_node, edit_source, merge_nodes, not_same, remove_tie
from graph.model import Batch, Edge, Node
from graph.names import NameIndex
from graph.store import BatchRejected
from loaders import load_paths


@pytest.fixture
def kept(store):
    store.apply(Batch(nodes=[Node("org:a", "Organisation", {"name": "A", "category": "ngo", "sphere": "civil_society",
                                                            "website": "a.org"}, ["t.csv:1"]),
                             Node("org:b", "Organisation", {"name": "B", "category": "association"}, ["t.csv:2"])]))
    return store


def test_an_edit_sets_and_clears_fields_and_says_its_source(kept):
    kept.apply(edit_node(kept.graph(), "org:a", {"acronym": "AA", "website": "", "category": "local_authority"},
                         who="Camille", note="réunion du 30"))
    node = kept.graph().nodes["org:a"]
    assert node["acronym"] == "AA" and "website" not in node
    assert (node["category"], node["sphere"]) == ("local_authority", "public")
    assert node["sources"][-1] == f"{edit_source('Camille', 'réunion du 30')}"
    assert node["sources"][-1].startswith("saisie 20") and "(Camille) — réunion du 30" in node["sources"][-1]
    assert kept.journal()[0]["who"] == "Camille" and kept.journal()[0]["kind"] == "edit"


def test_a_wrong_edit_is_refused_and_changes_nothing(kept):
    before = dict(kept.graph().nodes["org:a"])
    with pytest.raises(BatchRejected) as err:
        kept.apply(edit_node(kept.graph(), "org:a", {"category": "licorne", "sphere": "civil_society"}))
    assert (err.value.problems[0].code, err.value.problems[0].column) == ("unknown_category", "category")
    assert dict(kept.graph().nodes["org:a"]) == before


def test_an_edit_on_a_stale_page_is_refused(kept):
    stale = kept.graph()
    kept.apply(edit_node(kept.graph(), "org:a", {"acronym": "AA"}, who="Dominique"))
    with pytest.raises(BatchRejected) as err:
        kept.apply(edit_node(stale, "org:a", {"acronym": "AAA"}, who="Camille"))
    assert err.value.problems[0].code == "changed_since_read"
    assert kept.graph().nodes["org:a"]["acronym"] == "AA"


def test_add_an_organisation_and_a_tie_then_remove_the_tie(kept):
    kept.apply(add_node(kept.graph(), "Organisation", "Nouvelle Asso", {"category": "association"}, who="Camille"))
    graph = kept.graph()
    assert graph.nodes["org:nouvelle-asso"]["sphere"] == "civil_society"
    kept.apply(add_tie("org:nouvelle-asso", "PARTNER_OF", "org:a", {"since": "2026"}, who="Camille"))
    assert kept.graph().edges["org:a", "org:nouvelle-asso", "PARTNER_OF"]["since"] == "2026"     # symmetric: one way
    kept.apply(remove_tie(kept.graph(), "org:nouvelle-asso", "PARTNER_OF", "org:a", who="Camille"))
    assert not kept.graph().has_edge("org:a", "org:nouvelle-asso", "PARTNER_OF")
    with pytest.raises(BatchRejected):          # a tie the vocabulary refuses: a theme cannot be a partner
        kept.apply(Batch(nodes=[Node("thm:x", "Theme", {"name": "X"}, ["s"])]))
        kept.apply(add_tie("thm:x", "PARTNER_OF", "org:a"))


def test_a_new_name_taken_gets_its_own_id(kept):
    kept.apply(add_node(kept.graph(), "Organisation", "A"))
    assert "org:a-2" in kept.graph() and kept.graph().nodes["org:a"]["category"] == "ngo"


# --- merging two duplicates ---------------------------------------------------------

def _state(store):
    g = store.graph()
    return (sorted((n, sorted(d.items(), key=repr)) for n, d in g.nodes(data=True)),
            sorted((u, v, k, sorted(d.items(), key=repr)) for u, v, k, d in g.edges(keys=True, data=True)))


@pytest.fixture
def twins(store):
    """The Grdr twice, as two files named it, with ties of their own and one in common."""
    conflict = {"description": [{"value": "ONG", "sources": ["a.csv:1"]}, {"value": "Association", "sources": ["c.csv:9"]}]}
    store.apply(Batch(nodes=[
        Node("org:grdr", "Organisation", {"name": "Grdr Migration-Citoyenneté-Développement", "acronym": "Grdr",
                                          "category": "ngo", "website": "https://www.grdr.org", "description": "ONG"},
             ["a.csv:1"], conflict),
        Node("org:grdr-france", "Organisation", {"name": "Grdr France", "category": "association",
                                                 "identifiers": ["FR-RNA-W751234567"], "aliases": ["GRDR Paris"],
                                                 "email": "contact@grdr.example"}, ["b.csv:4"]),
        Node("org:cfsi", "Organisation", {"name": "CFSI", "category": "network"}, ["a.csv:2"]),
        Node("ter:kayes", "Territory", {"name": "Kayes", "level": "region"}, ["a.csv:3"])],
        edges=[Edge("org:grdr", "MEMBER_OF", "org:cfsi", {"since": "2001"}, ["a.csv:5"]),
               Edge("org:grdr-france", "MEMBER_OF", "org:cfsi", {"role": "membre"}, ["b.csv:5"]),
               Edge("org:grdr-france", "ACTIVE_IN", "ter:kayes", {}, ["b.csv:6"]),
               Edge("org:grdr", "PARTNER_OF", "org:grdr-france", {}, ["b.csv:7"])]))
    return store


def test_a_merge_keeps_every_tie_name_identifier_source_and_conflict(twins):
    from graph.edits import follow_up
    twins.apply(follow_up(twins.graph(), "org:grdr-france", "org:cfsi", "to_follow", who="Camille"))
    twins.apply(merge_nodes(twins.graph(), "org:grdr", "org:grdr-france", who="Camille", note="même ONG"))
    graph = twins.graph()
    assert "org:grdr-france" not in graph
    grdr = graph.nodes["org:grdr"]
    assert grdr["name"] == "Grdr Migration-Citoyenneté-Développement" and grdr["category"] == "ngo"
    assert {"Grdr France", "GRDR Paris"} <= set(grdr["aliases"])
    assert set(grdr["identifiers"]) == {"FR-RNA-W751234567", "id:org:grdr-france"}
    assert grdr["email"] == "contact@grdr.example"              # kept, hidden as every contact
    assert {"a.csv:1", "b.csv:4"} <= set(grdr["sources"]) and any(s.startswith("saisie ") for s in grdr["sources"])
    assert {e["value"] for e in grdr["conflicts"]["category"]} == {"ngo", "association"}
    assert {e["value"] for e in grdr["conflicts"]["description"]} == {"ONG", "Association"}
    member = graph.edges["org:grdr", "org:cfsi", "MEMBER_OF"]
    assert (member["since"], member["role"]) == ("2001", "membre") and set(member["sources"]) == {"a.csv:5", "b.csv:5"}
    assert graph.has_edge("org:grdr", "ter:kayes", "ACTIVE_IN")
    assert graph.edges["org:grdr", "org:cfsi", "FOLLOWS_UP"]["status"] == "to_follow"        # records follow too
    assert not any(u == v for u, v in graph.edges())                    # their tie to each other is gone
    entry = twins.journal()[0]
    assert (entry["kind"], entry["who"], entry["note"]) == ("merge", "Camille", "même ONG")


def test_a_merge_is_one_change_and_undo_puts_both_back(twins):
    before = _state(twins)
    twins.apply(merge_nodes(twins.graph(), "org:grdr", "org:grdr-france"))
    twins.undo(twins.journal()[0]["id"], who="Camille")
    assert _state(twins) == before


def test_a_merge_on_a_stale_page_is_refused_and_changes_nothing(twins):
    stale = twins.graph()
    twins.apply(edit_node(twins.graph(), "org:grdr-france", {"website": "grdr.org"}, who="Dominique"))
    before = _state(twins)
    with pytest.raises(BatchRejected) as err:
        twins.apply(merge_nodes(stale, "org:grdr", "org:grdr-france"))
    assert err.value.problems[0].code == "changed_since_read"
    assert _state(twins) == before


def test_a_later_load_of_the_old_name_lands_on_the_merged_organisation(twins, tmp_path):
    twins.apply(merge_nodes(twins.graph(), "org:grdr", "org:grdr-france"))
    old = tmp_path / "annuaire-2019.csv"
    old.write_text("Label,Type,Website\nGrdr France,NGO,grdr.org\n", encoding="utf-8")
    batch = load_paths([old], known=NameIndex.from_graph(twins.graph()))
    assert batch.errors == [] and [n.id for n in batch.nodes] == ["org:grdr"]
    twins.apply(batch)
    orgs = [n for n, d in twins.graph().nodes(data=True) if d["kind"] == "Organisation"]
    assert sorted(orgs) == ["org:cfsi", "org:grdr"]


def test_merging_an_element_with_itself_or_another_kind_is_refused(twins):
    with pytest.raises(Refused) as err:
        merge_nodes(twins.graph(), "org:grdr", "org:grdr")
    assert err.value.code == "merge_itself"
    with pytest.raises(Refused) as err:
        merge_nodes(twins.graph(), "org:grdr", "ter:kayes")
    assert err.value.code == "merge_other_kind"


def test_not_the_same_is_remembered_and_the_pair_no_longer_proposed(twins):
    twins.apply(edit_node(twins.graph(), "org:grdr-france", {"acronym": "Grdr"}))
    assert [f["ids"] for f in probable_duplicates(twins.graph())] == [("org:grdr", "org:grdr-france")]
    twins.apply(not_same(twins.graph(), "org:grdr", "org:grdr-france", who="Camille"))
    graph = twins.graph()
    assert graph.nodes["org:grdr"]["distinct_from"] == ["org:grdr-france"]
    assert graph.nodes["org:grdr-france"]["distinct_from"] == ["org:grdr"]
    assert probable_duplicates(graph) == []
    assert twins.journal()[0]["kind"] == "not_same"
