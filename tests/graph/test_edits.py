"""Edits go through the store's one write path, on both stores."""
import pytest

from graph.edits import add_node, add_tie, edit_node, edit_source, remove_tie
from graph.model import Batch, Edge, Node
from graph.store import BatchRejected


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
