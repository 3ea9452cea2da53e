import networkx as nx

from graph.merge import CREATED, UNCHANGED, UPDATED, apply_batch, merge_attrs
from graph.model import Batch, Edge, Node


def test_new_record_is_created():
    attrs, status = merge_attrs(None, {"name": "A", "empty": ""}, ["f.csv:2"])
    assert status == CREATED and attrs == {"name": "A", "sources": ["f.csv:2"]}


def test_same_record_twice_changes_nothing():
    attrs, _ = merge_attrs(None, {"name": "A"}, ["f.csv:2"])
    again, status = merge_attrs(attrs, {"name": "A"}, ["f.csv:2"])
    assert status == UNCHANGED and again == attrs


def test_an_empty_cell_does_not_erase():
    attrs, _ = merge_attrs(None, {"name": "A", "website": "a.org"}, ["f.csv:2"])
    again, status = merge_attrs(attrs, {"name": "A", "website": ""}, ["f.csv:2"])
    assert status == UNCHANGED and again["website"] == "a.org"


def test_a_revised_file_updates_without_conflict():
    attrs, _ = merge_attrs(None, {"name": "A", "website": "a.org"}, ["f.csv:2"])
    new, status = merge_attrs(attrs, {"name": "A", "website": "a.fr"}, ["f.csv:3"])
    assert status == UPDATED and new["website"] == "a.fr" and "conflicts" not in new


def test_two_sources_that_disagree_are_both_kept_and_flagged():
    attrs, _ = merge_attrs(None, {"function": "Responsable Programme"}, ["report.txt § Participants"])
    new, status = merge_attrs(attrs, {"function": "Président"}, ["other.csv:4"])
    assert status == UPDATED
    assert new["function"] == "Président"
    values = {c["value"] for c in new["conflicts"]["function"]}
    assert values == {"Responsable Programme", "Président"}
    assert new["sources"] == ["other.csv:4", "report.txt § Participants"]


def test_apply_batch_counts_and_leaves_the_input_graph_alone():
    graph = nx.MultiDiGraph()
    batch = Batch(nodes=[Node("org:a", "Organisation", {"name": "A"}, ["s"]),
                         Node("org:b", "Organisation", {"name": "B"}, ["s"])],
                  edges=[Edge("org:b", "PARTNER_OF", "org:a", {}, ["s"])])
    new, counts, problems = apply_batch(graph, batch)
    assert problems == [] and counts == {"created": 3, "updated": 0, "unchanged": 0}
    assert graph.number_of_nodes() == 0
    assert new.has_edge("org:a", "org:b", "PARTNER_OF")   # symmetric: stored in one order
    _, counts, _ = apply_batch(new, batch)
    assert counts == {"created": 0, "updated": 0, "unchanged": 3}


def test_apply_batch_refuses_a_tie_to_nowhere_and_a_kind_change():
    graph = nx.MultiDiGraph()
    graph.add_node("org:a", kind="Organisation", name="A", sources=["s"])
    batch = Batch(nodes=[Node("org:a", "Territory", {"name": "A"}, ["s"])],
                  edges=[Edge("org:a", "MEMBER_OF", "org:zz", {}, ["s"])])
    _, _, problems = apply_batch(graph, batch)
    assert len(problems) == 2


def test_paused_gc_nests_and_resumes():
    import gc
    from graph.bulk import paused_gc
    assert gc.isenabled()
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_name_from_another_source_is_held_as_an_alias():
    attrs, _ = merge_attrs(None, {"name": "Grdr Migration-Citoyenneté-Développement", "category": "network"},
                           ["annuaire.pdf § p. 2"])
    new, status = merge_attrs(attrs, {"name": "GRDR", "category": "association"}, ["annuaire-2026.csv:7"],
                              keep={"name", "category", "sphere"})
    assert status == UPDATED
    assert new["name"] == "Grdr Migration-Citoyenneté-Développement" and new["category"] == "network"
    assert new["aliases"] == ["GRDR"]
    assert {c["value"] for c in new["conflicts"]["category"]} == {"network", "association"}


def test_a_revision_of_the_same_document_still_renames():
    attrs, _ = merge_attrs(None, {"name": "Grdr"}, ["annuaire.csv:2"])
    new, _ = merge_attrs(attrs, {"name": "GRDR"}, ["annuaire.csv:3"], keep={"name"})
    assert new["name"] == "GRDR" and "aliases" not in new


def test_the_plan_lists_replaced_values_and_held_names():
    from graph.merge import plan_against
    from graph.model import ALL
    graph = nx.MultiDiGraph()
    graph.add_node("org:g", kind="Organisation", name="Grdr Migration", category="network", website="grdr.org",
                   sources=["a.pdf"])
    batch = Batch(nodes=[Node("org:g", "Organisation", {"name": "GRDR", "category": "network",
                                                        "website": "grdr.fr"}, ["b.csv:2"])])
    plan = plan_against(graph, batch)
    assert [(c.field, c.before, c.after) for c in plan.changes] == [("website", "grdr.org", "grdr.fr")]
    assert [(c.id, c.field, c.before, c.after) for c in plan.held] == [("org:g", "name", "Grdr Migration", "GRDR")]
    batch.accept = {("org:g", "name")}
    plan = plan_against(graph, batch)
    assert not plan.held and {c.field for c in plan.changes} == {"name", "website"}
    batch.accept = ALL
    assert plan_against(graph, batch).nodes[0][2]["name"] == "GRDR"


def test_a_held_name_reloaded_changes_nothing_more():
    attrs, _ = merge_attrs(None, {"name": "Grdr"}, ["a.pdf"])
    once, _ = merge_attrs(attrs, {"name": "GRDR"}, ["b.csv:2"], keep={"name"})
    twice, status = merge_attrs(once, {"name": "GRDR"}, ["b.csv:2"], keep={"name"})
    assert status == UNCHANGED and twice == once and twice["name"] == "Grdr"
    assert once["conflicts"]["name"] == [{"value": "Grdr", "sources": ["a.pdf"]},
                                         {"value": "GRDR", "sources": ["b.csv:2"]}]


def test_a_name_written_otherwise_is_kept_without_an_alias_nor_a_question():
    """The register's « CAP SOLIDARITES » for « Cap Solidarités »: the known
    spelling stays, both are recorded, nothing is asked, and reloading
    changes nothing."""
    from graph.merge import plan_against
    graph = nx.MultiDiGraph()
    graph.add_node("org:c", kind="Organisation", name="Cap Solidarités", sources=["a.pdf"])
    batch = Batch(nodes=[Node("org:c", "Organisation", {"name": "CAP SOLIDARITES"}, ["rna.csv:2"])])
    assert plan_against(graph, batch).held == []
    once, _, _ = apply_batch(graph, batch)
    twice, counts, _ = apply_batch(once, batch)
    assert once.nodes["org:c"]["name"] == "Cap Solidarités" and "aliases" not in once.nodes["org:c"]
    assert counts["unchanged"] == 1 and dict(twice.nodes["org:c"]) == dict(once.nodes["org:c"])
