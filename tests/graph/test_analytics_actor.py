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
    # each shared group weighs its kind's weight shared among its other members
    graph = bundled()
    size = {via: len({u for u, _ in graph.in_edges(via)} & set(actor)) for kind, via in grdr_apes["reasons"] if via}
    expected = sum(TIE_WEIGHTS[kind] / (size[via] - 1 if via else 1) for kind, via in grdr_apes["reasons"])
    assert abs(grdr_apes["weight"] - expected) < 1e-9 and not grdr_apes["group_only"]
    # met at the Lille workshop, never partners: a tie of the weakest kind,
    # shared among the workshop's participants, and not counted as a tie
    met = actor["org:cd-pas-de-calais"]["org:maillage"]
    assert met["reasons"] == [("co_event", "evt:atelier-lille-2016")]
    attended = {u for u, _, k in graph.in_edges("evt:atelier-lille-2016", keys=True) if k == "ATTENDED"} & set(actor)
    assert abs(met["weight"] - TIE_WEIGHTS["co_event"] / (len(attended) - 1)) < 1e-12 and met["group_only"]
    assert all(d["distance"] == 1 / d["weight"] for *_, d in actor.edges(data=True))


def test_a_large_collective_counts_once_in_strength_and_not_in_the_number_of_ties():
    """21 members of one collective, two of them partners: each member gets
    the weight of one co-membership from the collective, whatever its size,
    and only the partners count a tie beyond their membership."""
    from graph.analytics.metrics import organisation_metrics
    graph = nx.MultiDiGraph()
    graph.add_node("org:c", kind="Organisation", name="Collectif")
    for i in range(21):
        graph.add_node(f"org:{i}", kind="Organisation", name=str(i))
        graph.add_edge(f"org:{i}", "org:c", key="MEMBER_OF", type="MEMBER_OF")
    graph.add_edge("org:0", "org:1", key="PARTNER_OF", type="PARTNER_OF")
    actor = actor_graph(graph)
    w = TIE_WEIGHTS
    assert abs(actor.degree("org:5", weight="weight") - (w["MEMBER_OF"] + w["co_member"])) < 1e-9
    assert abs(actor.degree("org:0", weight="weight") - (w["MEMBER_OF"] + w["co_member"] + w["PARTNER_OF"])) < 1e-9
    rows = {r["id"]: r for r in organisation_metrics(actor, seed=1)["rows"]}
    assert rows["org:5"]["degree"] == 1 and rows["org:0"]["degree"] == 2 and rows["org:c"]["degree"] == 21
    # every shortest path between two members runs through the collective
    assert rows["org:c"]["betweenness"] > 0.9 and rows["org:5"]["betweenness"] == 0


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
