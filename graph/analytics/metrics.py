"""Who holds the network together, and which groups exist: one row of
metrics per organisation of the actor graph, plus the network-wide facts.

    >>> import networkx as nx
    >>> result = organisation_metrics(nx.path_graph(3), seed=1)
    >>> [(row["id"], row["betweenness"]) for row in result["rows"]]   # strongest first
    [(1, 1.0), (0, 0.0), (2, 0.0)]
    >>> result["articulation_points"], result["bridges"]
    ([1], [(0, 1), (1, 2)])

Weighted measures read `weight` (tie strength); paths read `distance`
(1/weight, so strong ties are short) when the graph has it. The measures of
one's contacts (degree, k-core, constraint, effective size) count the
working ties, those that are not `group_only` (the actor graph's ties that
only a shared network or event makes: see actor.py); paths, PageRank and
communities use every tie. No value is ever NaN: an isolated node's
effective size, undefined, is None.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

from graph.bulk import paused_gc

# The per-organisation values of a row (besides id, name and sphere).
NODE_METRICS = ("degree", "weighted_degree", "betweenness", "pagerank", "constraint", "effective_size", "k_core",
                "community", "articulation_point")


def _clean(value, digits=6):
    """A number fit to show: rounded, and None where it is undefined."""
    if value is None or isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return round(value, digits)


def _cleaned(values) -> list:
    """_clean over a whole column at once (100,000 rows)."""
    array = np.round(np.asarray(values, dtype=float), 6)
    return [None if math.isnan(v) or math.isinf(v) else v for v in array.tolist()]


def _simple(graph) -> nx.Graph:
    """An undirected simple graph without self-loops (k-cores and brokerage
    are not defined with them); parallel ties add their weights, and are
    group_only if all of them are."""
    if graph.is_directed() or graph.is_multigraph():
        simple = nx.Graph()
        simple.add_nodes_from(graph.nodes(data=True))
        for u, v, data in graph.edges(data=True):
            w, group_only = data.get("weight", 1.0), bool(data.get("group_only"))
            if simple.has_edge(u, v):
                simple[u][v]["weight"] += w
                simple[u][v]["group_only"] &= group_only
            else:
                simple.add_edge(u, v, weight=w, group_only=group_only)
        graph = simple
    else:
        graph = graph.copy()
    graph.remove_edges_from(list(nx.selfloop_edges(graph)))
    for u, v, data in graph.edges(data=True):
        data.setdefault("weight", 1.0)
        data["distance"] = 1.0 / data["weight"] if data["weight"] > 0 else math.inf
    return graph


def _working(g) -> nx.Graph:
    """`g` (from _simple) without its group_only ties, every node kept."""
    if not any(data.get("group_only") for _, _, data in g.edges(data=True)):
        return g
    working = nx.Graph()
    working.add_nodes_from(g)
    working.add_edges_from((u, v, data) for u, v, data in g.edges(data=True) if not data.get("group_only"))
    return working


def _networkx_values(g, seed, k):
    nodes = list(g)
    contacts = _working(g)
    betweenness = nx.betweenness_centrality(g, k=k, weight="distance", seed=seed)
    pagerank = nx.pagerank(g, weight="weight") if g.number_of_edges() else {n: 1 / len(nodes) for n in nodes}
    # nodes= is needed: without it networkx 3.6 computes weighted effective
    # size wrongly (see DESIGN.md).
    constraint = nx.constraint(contacts, weight="weight", nodes=nodes)
    effective = nx.effective_size(contacts, weight="weight", nodes=nodes)
    core = nx.core_number(contacts)
    if g.number_of_edges():
        # the reference for the other metrics; for communities, Louvain
        # (the igraph engine uses Leiden, its refinement)
        communities = nx.community.louvain_communities(g, weight="weight", seed=seed)
        modularity = nx.community.modularity(g, communities, weight="weight")
    else:
        communities, modularity = [{n} for n in nodes], None
    membership = {n: i for i, group in enumerate(communities) for n in group}
    return {"nodes": nodes, "degree": [contacts.degree(n) for n in nodes],
            "strength": [g.degree(n, weight="weight") for n in nodes],
            "betweenness": [betweenness[n] for n in nodes], "pagerank": [pagerank[n] for n in nodes],
            "constraint": [constraint[n] for n in nodes], "effective_size": [effective[n] for n in nodes],
            "core": [core[n] for n in nodes], "membership": [membership[n] for n in nodes],
            "modularity": modularity, "articulation_points": list(nx.articulation_points(g)),
            "bridges": list(nx.bridges(g))}


def organisation_metrics(graph, seed=None, betweenness_sample: int | None = None,
                         engine: str = "auto", parallel: bool | None = None) -> dict:
    """Metrics of every node of `graph` (usually the actor graph).

    Returns {"rows": [one dict per node], "modularity": float|None,
    "communities": int, "articulation_points": [...], "bridges": [...],
    "betweenness_sample": k or None, "engine": ...}. Rows are sorted by
    weighted degree, strongest first. `betweenness_sample`, when set and
    smaller than the graph, estimates betweenness from that many sources
    (seeded). `engine` is "networkx", "igraph" (graph.analytics.fast, the
    same answers, faster), or "auto" (igraph). networkx stays as the
    reference the tests hold igraph to: its weighted constraint and
    effective size are slow even when small (4 to 5 s each on the bundled
    60 organisations and 451 ties, against milliseconds with igraph).
    `parallel` (igraph only; default: on big graphs) computes betweenness in
    a second process meanwhile (graph.analytics.worker); "parallel" in the
    result says whether it did."""
    n = graph.number_of_nodes()
    if n == 0:
        return {"rows": [], "modularity": None, "communities": 0, "articulation_points": [],
                "bridges": [], "betweenness_sample": None, "engine": None, "parallel": False}
    if engine == "auto":
        engine = "igraph"
    k = betweenness_sample if betweenness_sample and betweenness_sample < n else None
    # millions of small objects are made and dropped here: the cyclic
    # collector, walking the whole heap each time, tripled the time at 100,000
    # organisations
    with paused_gc():
        return _compute(graph, engine, seed, k, parallel)


def computed_apart(graph, seed=None, betweenness_sample: int | None = None) -> dict:
    """organisation_metrics computed whole in the helper process
    (graph.analytics.worker), the graph sent as it is, so the answers are
    the same: igraph holds Python's lock while it computes, and a server
    computing in its own process stops answering everyone meanwhile.
    Computed here when the helper cannot take it."""
    from . import worker
    if worker.available():
        found = worker.result(worker.submit(organisation_metrics, graph, seed, betweenness_sample, "auto", False))
        if found is not None:
            return found
    return organisation_metrics(graph, seed=seed, betweenness_sample=betweenness_sample)


def _compute(graph, engine, seed, k, parallel) -> dict:
    if engine == "igraph":
        from .fast import metrics_igraph
        values = metrics_igraph(graph, seed=seed, betweenness_sample=k, parallel=parallel)
    else:
        values = _networkx_values(_simple(graph), seed, k)
    nodes = values["nodes"]
    # communities numbered by size, largest first, whatever the engine
    sizes = {}
    for label in values["membership"]:
        sizes[label] = sizes.get(label, 0) + 1
    order = sorted(sizes, key=lambda label: (-sizes[label], label))
    number = {label: i for i, label in enumerate(order)}
    cut = set(values["articulation_points"])
    columns = {name: _cleaned(values[source]) for name, source in (
        ("weighted_degree", "strength"), ("betweenness", "betweenness"), ("pagerank", "pagerank"),
        ("constraint", "constraint"), ("effective_size", "effective_size"))}
    rows = []
    for i, node in enumerate(nodes):
        data = graph.nodes[node] if node in graph else {}
        rows.append({
            "id": node, "name": data.get("name", str(node)), "sphere": data.get("sphere"),
            "degree": values["degree"][i], **{name: column[i] for name, column in columns.items()},
            "k_core": values["core"][i], "community": number[values["membership"][i]],
            "articulation_point": node in cut,
        })
    rows.sort(key=lambda r: (-r["weighted_degree"], str(r["id"])))
    return {"rows": rows, "modularity": _clean(values["modularity"]), "communities": len(sizes),
            "articulation_points": sorted(values["articulation_points"], key=str),
            "bridges": sorted((tuple(sorted(b, key=str)) for b in values["bridges"]), key=str),
            "betweenness_sample": k, "engine": engine, "parallel": values.get("parallel", False)}
