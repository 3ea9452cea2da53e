import networkx as nx
from hypothesis import given, settings as hsettings, strategies as hst
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

_IDS = [f"org:{i}" for i in range(6)]
_KEYS = ["PARTNER_OF", "MEMBER_OF", "FOLLOWS_UP", "RELATED_TO", "RELATED_TO#2"]
_tie = hst.tuples(hst.sampled_from(_IDS), hst.sampled_from(_IDS), hst.sampled_from(_KEYS), hst.sampled_from(["a", "b"]))
_change = hst.one_of(hst.tuples(hst.just("node"), hst.sampled_from(_IDS + ["org:new"]), hst.sampled_from(["ngo", "state"]),
                                hst.sampled_from(["x", "y"])),
                     hst.tuples(hst.just("tie"), _tie), hst.tuples(hst.just("untie"), _tie),
                     hst.tuples(hst.just("remove"), hst.sampled_from(_IDS)))


def _written(graph, change):
    """As graph.merge.apply_plan writes: attribute dicts replaced, never changed."""
    if change[0] == "node":
        attrs = {"kind": "Organisation", "category": change[2], "name": change[3]}
        if change[1] in graph:
            graph._node[change[1]] = attrs
        else:
            graph.add_node(change[1], **attrs)
    elif change[0] in ("tie", "untie"):
        u, v, k, label = change[1]
        if graph.has_edge(u, v, k):
            graph.remove_edge(u, v, k)
        if change[0] == "tie":
            graph.add_edge(u, v, key=k, label=label)
    elif change[1] in graph:
        graph.remove_node(change[1])


@hsettings(max_examples=150, deadline=None)
@given(hst.lists(_tie, max_size=20), hst.lists(hst.lists(_change, max_size=4), min_size=1, max_size=4))
def test_the_fingerprint_from_an_earlier_version_is_the_one_computed_whole(ties, versions):
    """Version after version, as the store writes them (graph.bulk.copy_around
    shares what a change does not touch), and from an unrelated graph."""
    from graph.analytics.actor import structure
    from graph.bulk import copy_around
    graph = nx.MultiDiGraph()
    for n in _IDS:
        graph.add_node(n, kind="Organisation", category="ngo")
    for u, v, k, label in ties:
        graph.add_edge(u, v, key=k, label=label)
    graph, value = nx.freeze(graph), structure(graph)
    for changes in versions:
        touched = {c[1] if c[0] in ("node", "remove") else c[1][i] for c in changes for i in (0, 1)}
        new = copy_around(graph, touched)
        for change in changes:
            _written(new, change)
        new = nx.freeze(new)
        assert structure(new, since=(graph, value)) == structure(new)
        graph, value = new, structure(new)
    assert structure(nx.MultiDiGraph(), since=(graph, value)) == structure(nx.MultiDiGraph())
