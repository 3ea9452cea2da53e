"""Who holds the network together, and which groups exist: one row of
metrics per organisation of the actor graph, plus the network-wide facts.

    >>> import networkx as nx
    >>> result = organisation_metrics(nx.path_graph(3), seed=1)
    >>> [(row["id"], row["betweenness"]) for row in result["rows"]]   # strongest first
    [(1, 1.0), (0, 0.0), (2, 0.0)]
    >>> result["articulation_points"], result["bridges"]
    ([1], [(0, 1), (1, 2)])

Weighted measures read `weight` (tie strength); paths read `distance`
(1/weight, so strong ties are short) when the graph has it. No value is
ever NaN: an isolated node's effective size, undefined, is None.
"""
from __future__ import annotations

import math

import networkx as nx


def _clean(value, digits=6):
    """A number fit to show: rounded, and None where it is undefined."""
    if value is None or isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    return round(value, digits)


def _simple(graph) -> nx.Graph:
    """An undirected simple graph without self-loops (k-cores and brokerage
    are not defined with them); parallel ties add their weights."""
    if graph.is_directed() or graph.is_multigraph():
        simple = nx.Graph()
        simple.add_nodes_from(graph.nodes(data=True))
        for u, v, data in graph.edges(data=True):
            w = data.get("weight", 1.0)
            if simple.has_edge(u, v):
                simple[u][v]["weight"] += w
            else:
                simple.add_edge(u, v, weight=w)
        graph = simple
    else:
        graph = graph.copy()
    graph.remove_edges_from(list(nx.selfloop_edges(graph)))
    for u, v, data in graph.edges(data=True):
        data.setdefault("weight", 1.0)
        data["distance"] = 1.0 / data["weight"] if data["weight"] > 0 else math.inf
    return graph


def organisation_metrics(graph, seed=None, betweenness_sample: int | None = None) -> dict:
    """Metrics of every node of `graph` (usually the actor graph).

    Returns {"rows": [one dict per node], "modularity": float|None,
    "communities": int, "articulation_points": [...], "bridges": [...],
    "betweenness_sample": k or None}. Rows are sorted by weighted degree,
    strongest first. `betweenness_sample`, when set and smaller than the
    graph, estimates betweenness from that many sources (seeded)."""
    g = _simple(graph)
    nodes = list(g)
    if not nodes:
        return {"rows": [], "modularity": None, "communities": 0, "articulation_points": [],
                "bridges": [], "betweenness_sample": None}
    k = betweenness_sample if betweenness_sample and betweenness_sample < len(nodes) else None
    betweenness = nx.betweenness_centrality(g, k=k, weight="distance", seed=seed)
    pagerank = nx.pagerank(g, weight="weight") if g.number_of_edges() else {n: 1 / len(nodes) for n in nodes}
    # nodes= is needed: without it networkx 3.6 computes weighted effective
    # size wrongly (see DESIGN.md).
    constraint = nx.constraint(g, weight="weight", nodes=nodes)
    effective = nx.effective_size(g, weight="weight", nodes=nodes)
    core = nx.core_number(g)
    communities = nx.community.louvain_communities(g, weight="weight", seed=seed) if g.number_of_edges() else [
        {n} for n in nodes]
    community_of = {n: i for i, group in enumerate(sorted(communities, key=lambda c: (-len(c), sorted(map(str, c)))))
                    for n in group}
    modularity = nx.community.modularity(g, communities, weight="weight") if g.number_of_edges() else None
    articulation = sorted(nx.articulation_points(g), key=str)
    bridges = sorted((tuple(sorted(e, key=str)) for e in nx.bridges(g)), key=str)
    cut = set(articulation)
    rows = []
    for n in nodes:
        data = graph.nodes[n] if n in graph else {}
        rows.append({
            "id": n, "name": data.get("name", str(n)), "sphere": data.get("sphere"),
            "degree": g.degree(n), "weighted_degree": round(g.degree(n, weight="weight"), 6),
            "betweenness": round(betweenness[n], 6), "pagerank": round(pagerank[n], 6),
            "constraint": _clean(constraint[n]), "effective_size": _clean(effective[n]),
            "k_core": core[n], "community": community_of[n], "articulation_point": n in cut,
        })
    rows.sort(key=lambda r: (-r["weighted_degree"], str(r["id"])))
    return {"rows": rows, "modularity": _clean(modularity), "communities": len(communities),
            "articulation_points": articulation, "bridges": bridges, "betweenness_sample": k}
