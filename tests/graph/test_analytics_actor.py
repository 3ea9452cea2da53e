import networkx as nx
from conftest import BUNDLED, cli_json

from graph.analytics.actor import TIE_WEIGHTS, actor_graph
from graph.merge import apply_batch
from loaders import load_paths


def bundled():
    graph, _, _ = apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))
    return graph


def test_weights_follow_the_design_order():
    w = TIE_WEIGHTS
    assert w["PARTNER_OF"] > w["MEMBER_OF"] > w["co_project"] > w["co_event"]


def test_actor_graph_of_the_bundled_dataset_explains_its_ties():
    actor = actor_graph(bundled())
    assert all(d.get("sphere") for _, d in actor.nodes(data=True))
    assert set(actor) == {n for n, d in bundled().nodes(data=True) if d["kind"] == "Organisation"}
    grdr_apes = actor["org:grdr"]["org:apes"]
    assert ("PARTNER_OF", None) in grdr_apes["reasons"] and ("MEMBER_OF", None) in grdr_apes["reasons"]
    assert ("co_project", "prj:migrants-ess") in grdr_apes["reasons"]
    assert grdr_apes["weight"] >= TIE_WEIGHTS["PARTNER_OF"] + TIE_WEIGHTS["MEMBER_OF"] + TIE_WEIGHTS["co_project"]
    # met at the Lille workshop, never partners: a tie of the weakest kind
    met = actor["org:cd-pas-de-calais"]["org:maillage"]
    assert met["reasons"] == [("co_event", "evt:atelier-lille-2016")]
    assert met["weight"] == TIE_WEIGHTS["co_event"]
    assert all(d["distance"] == 1 / d["weight"] for *_, d in actor.edges(data=True))


def test_big_groups_do_not_make_cliques():
    graph = nx.MultiDiGraph()
    graph.add_node("evt:forum", kind="Event", name="Forum")
    for i in range(60):
        graph.add_node(f"org:{i}", kind="Organisation", name=str(i))
        graph.add_edge(f"org:{i}", "evt:forum", key="ATTENDED", type="ATTENDED")
    assert actor_graph(graph).number_of_edges() == 0
    assert actor_graph(graph, max_group=100).number_of_edges() == 60 * 59 // 2


def test_metrics_command_on_the_bundled_dataset(home):
    result = cli_json("metrics", home=home)
    names = {r["id"]: r for r in result["rows"]}
    assert result["rows"][0]["id"] == "org:cfsi"
    assert "org:emdk" in result["articulation_points"]
    assert ["org:afd", "org:reseau-bretagne-solidaire"] in result["bridges"]
    assert 0 < result["modularity"] < 1 and len(names) == 60
