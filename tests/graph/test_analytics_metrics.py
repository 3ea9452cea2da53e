"""Metrics checked against published values."""
import csv

import networkx as nx
import pytest
from conftest import REALDATA, need

from graph.analytics.metrics import organisation_metrics


def by_id(result):
    return {row["id"]: row for row in result["rows"]}


def read_edges(name, weight=None):
    path = need(REALDATA / "networks" / "networkx_classics" / name)
    graph = nx.Graph()
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            graph.add_edge(row["From"], row["To"], **({"weight": float(row[weight])} if weight else {}))
    return graph


def test_florentine_families_betweenness():
    """Published values (networkx's tests; Breiger & Pattison's marriages)."""
    rows = by_id(organisation_metrics(read_edges("florentine_families_marriage_edges.csv"), seed=0))
    published = {"Acciaiuoli": 0.000, "Albizzi": 0.212, "Barbadori": 0.093, "Bischeri": 0.104,
                 "Castellani": 0.055, "Ginori": 0.000, "Guadagni": 0.255, "Lamberteschi": 0.000,
                 "Medici": 0.522, "Pazzi": 0.000, "Peruzzi": 0.022, "Ridolfi": 0.114, "Salviati": 0.143,
                 "Strozzi": 0.103, "Tornabuoni": 0.092}
    for family, value in published.items():
        assert rows[family]["betweenness"] == pytest.approx(value, abs=1e-3), family
    assert rows["Medici"]["articulation_point"] and rows["Medici"]["degree"] == 6


def burt_graph(weighted):
    # Burt's example (analytictech "holes"), as in networkx's tests; values from UCINET.
    weights = {("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8, ("F", "G"): 3,
               ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10}
    graph = nx.Graph()
    for (u, v), w in weights.items():
        graph.add_edge(u, v, weight=w if weighted else 1)
    return graph


@pytest.mark.parametrize("weighted, constraint, effective", [
    (False, {"G": 0.400, "A": 0.595, "C": 1.0}, {"G": 4.67, "A": 2.50, "C": 1.0}),
    (True, {"G": 0.299, "A": 0.795, "C": 1.0}, {"G": 5.47, "A": 2.47, "C": 1.0}),
])
def test_structural_holes_against_ucinet(weighted, constraint, effective):
    rows = by_id(organisation_metrics(burt_graph(weighted), seed=0))
    for node, value in constraint.items():
        assert rows[node]["constraint"] == pytest.approx(value, abs=1e-3)
    for node, value in effective.items():
        assert rows[node]["effective_size"] == pytest.approx(value, abs=1e-2)


def test_karate_club():
    graph = read_edges("karate_club_edges.csv")
    result = organisation_metrics(graph, seed=42)
    rows = by_id(result)
    assert rows["33"]["degree"] == 17 and rows["0"]["degree"] == 16
    # Zachary's club, unweighted normalised betweenness of the two leaders.
    assert rows["0"]["betweenness"] == pytest.approx(0.4376, abs=1e-3)
    assert rows["33"]["betweenness"] == pytest.approx(0.3041, abs=1e-3)
    # The best partition known has modularity 0.4198 (Brandes et al. 2008); Leiden gets close.
    assert 0.40 <= result["modularity"] <= 0.4198 + 1e-6
    assert max(r["k_core"] for r in result["rows"]) == 4


def test_same_seed_same_communities():
    graph = read_edges("karate_club_edges.csv")
    a = organisation_metrics(graph, seed=7)
    b = organisation_metrics(graph, seed=7)
    assert [r["community"] for r in a["rows"]] == [r["community"] for r in b["rows"]]


@pytest.mark.parametrize("graph", [nx.Graph(), nx.empty_graph(3), nx.Graph([(0, 0), (0, 1)]),
                                   nx.MultiGraph([(0, 1), (0, 1), (2, 3)])],
                         ids=["empty", "isolated", "self-loop", "duplicates-disconnected"])
def test_degenerate_graphs_give_numbers_never_nan(graph):
    result = organisation_metrics(graph, seed=0)
    for row in result["rows"]:
        for name, value in row.items():
            assert not (isinstance(value, float) and value != value), (name, row)
    if graph.number_of_nodes() == 3 and graph.number_of_edges() == 0:
        assert all(r["effective_size"] is None for r in result["rows"])
        assert result["modularity"] is None


@pytest.mark.parametrize("name", ["florentine", "burt", "burt-weighted", "karate", "bundled"])
def test_igraph_engine_gives_networkx_answers(name):
    from conftest import BUNDLED
    from graph.analytics.actor import actor_graph
    from graph.merge import apply_batch
    from loaders import load_paths
    graph = {"florentine": lambda: read_edges("florentine_families_marriage_edges.csv"),
             "burt": lambda: burt_graph(False), "burt-weighted": lambda: burt_graph(True),
             "karate": lambda: read_edges("karate_club_edges.csv"),
             "bundled": lambda: actor_graph(apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0])}[name]()
    slow = by_id(organisation_metrics(graph, seed=1, engine="networkx"))
    fast_result = organisation_metrics(graph, seed=1, engine="igraph")
    fast = by_id(fast_result)
    for node, row in slow.items():
        for metric in ("degree", "weighted_degree", "betweenness", "pagerank", "constraint", "effective_size",
                       "k_core", "articulation_point"):
            a, b = row[metric], fast[node][metric]
            if isinstance(a, float) and isinstance(b, float):
                assert b == pytest.approx(a, abs=1e-4), (node, metric)
            else:
                assert a == b, (node, metric)
    assert fast_result["engine"] == "igraph"
    # communities come from Leiden here and Louvain in networkx: as good, not identical
    slow_q = organisation_metrics(graph, seed=1, engine="networkx")["modularity"]
    if slow_q is not None:
        assert fast_result["modularity"] >= slow_q - 0.02


def synthetic_actor_graph(organisations, ties):
    from bench.synthetic import generate
    from graph.analytics.actor import actor_graph
    from graph.merge import apply_batch
    return actor_graph(apply_batch(nx.MultiDiGraph(), generate(organisations, ties, seed=5))[0])


def test_the_helper_process_gives_the_same_metrics():
    graph = synthetic_actor_graph(1500, 12_000)
    alone = organisation_metrics(graph, seed=3, betweenness_sample=40, parallel=False)
    helped = organisation_metrics(graph, seed=3, betweenness_sample=40, parallel=True)
    assert helped["parallel"] and not alone["parallel"]
    assert helped["rows"] == alone["rows"]
    assert helped["modularity"] == alone["modularity"] and helped["communities"] == alone["communities"]
    from graph.analytics import worker
    assert 0 < worker.helper_peak_memory_gb() < 1      # the helper holds only the ties it is sent
    # a small graph stays in this process unless asked
    assert not organisation_metrics(graph, seed=3)["parallel"]


def test_every_metric_computed_in_the_helper_process_is_the_same(monkeypatch):
    """computed_apart sends the metrics whole to the helper process (the
    app does, for big networks): the actor graph goes there as it is, so the
    answers are those computed here, communities included; without a
    helper, they are computed here."""
    from graph.analytics import worker
    from graph.analytics.metrics import computed_apart
    graph = synthetic_actor_graph(600, 4_000)
    sent = []
    real_submit = worker.submit
    monkeypatch.setattr(worker, "available", lambda: True)
    monkeypatch.setattr(worker, "submit", lambda *args: sent.append(args[0]) or real_submit(*args))
    there = computed_apart(graph, seed=3)
    here = organisation_metrics(graph, seed=3, parallel=False)
    assert sent == [organisation_metrics]
    assert there["rows"] == here["rows"] and there["modularity"] == here["modularity"]
    monkeypatch.setattr(worker, "available", lambda: False)
    assert computed_apart(graph, seed=3)["rows"] == here["rows"] and len(sent) == 1


def test_a_failed_helper_process_is_replaced_by_computing_here(monkeypatch):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from graph.analytics import worker
    dead = Future()
    dead.set_exception(BrokenProcessPool("the helper was killed"))
    monkeypatch.setattr(worker, "submit", lambda *args: dead)
    graph = synthetic_actor_graph(300, 2_000)
    result = organisation_metrics(graph, seed=3, parallel=True)
    assert not result["parallel"]
    assert result["rows"] == organisation_metrics(graph, seed=3, parallel=False)["rows"]



def test_every_community_is_connected():
    graph = synthetic_actor_graph(1500, 12_000)
    result = organisation_metrics(graph, seed=3)
    members = {}
    for row in result["rows"]:
        members.setdefault(row["community"], []).append(row["id"])
    assert len(members) == result["communities"] > 1
    assert all(nx.is_connected(graph.subgraph(group)) for group in members.values())


def test_seeding_igraph_is_local_to_the_computation():
    """Communities are seeded through igraph's one generator; afterwards
    igraph draws from the `random` module again, as before the call."""
    import random

    import igraph as ig

    from graph.analytics.metrics import organisation_metrics
    organisation_metrics(nx.karate_club_graph(), seed=3, engine="igraph")
    random.seed(11)
    first = ig.Graph.Erdos_Renyi(n=30, m=40).get_edgelist()
    random.seed(11)
    assert ig.Graph.Erdos_Renyi(n=30, m=40).get_edgelist() == first


def test_concurrent_computations_keep_their_seeds():
    from concurrent.futures import ThreadPoolExecutor

    from graph.analytics.metrics import organisation_metrics
    graph = nx.connected_caveman_graph(12, 6)
    alone = {seed: organisation_metrics(graph, seed=seed)["rows"] for seed in range(4)}
    with ThreadPoolExecutor(4) as pool:
        together = dict(zip(range(4), pool.map(lambda s: organisation_metrics(graph, seed=s)["rows"], range(4))))
    assert together == alone


@pytest.mark.parametrize("engine", ["networkx", "igraph"])
def test_contact_measures_count_working_ties_not_fellow_participants(engine):
    """Five organisations at one workshop, A and B partners: A's contacts
    are B alone (degree 1, k-core 1, constraint 1, effective size 1), not
    the four others; the paths still run through the workshop's ties."""
    from graph.analytics.actor import actor_graph
    graph = nx.MultiDiGraph()
    graph.add_node("evt:w", kind="Event", name="Atelier")
    for name in "ABCDE":
        graph.add_node(f"org:{name}", kind="Organisation", name=name)
        graph.add_edge(f"org:{name}", "evt:w", key="ATTENDED", type="ATTENDED")
    graph.add_edge("org:A", "org:B", key="PARTNER_OF", type="PARTNER_OF")
    result = organisation_metrics(actor_graph(graph), seed=1, engine=engine)
    rows = by_id(result)
    a, c = rows["org:A"], rows["org:C"]
    assert (a["degree"], a["k_core"], a["constraint"], a["effective_size"]) == (1, 1, 1.0, 1.0)
    # C has no working tie: no contacts, so no structural holes to speak of
    assert (c["degree"], c["k_core"], c["constraint"], c["effective_size"]) == (0, 0, None, None)
    # ... but it is not cut off: the workshop ties it to the others
    assert result["articulation_points"] == [] and c["pagerank"] > 0
