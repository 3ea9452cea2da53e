"""The same metrics as graph.analytics.metrics, computed with igraph and
numpy for big graphs. Held to networkx's answers by the tests.

Burt's effective size is not in igraph; on an undirected graph it reduces to
a sum over triangles (derivation below), which igraph lists fast.
"""
from __future__ import annotations

import math
import random

import igraph as ig
import numpy as np


def to_igraph(graph):
    """(igraph graph with `weight` and `distance`, list of node ids) from an
    undirected networkx graph; parallel ties add up, self-loops are dropped."""
    nodes = list(graph)
    index = {n: i for i, n in enumerate(nodes)}
    pairs, weights = {}, {}
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        a, b = index[u], index[v]
        key = (a, b) if a < b else (b, a)
        weights[key] = weights.get(key, 0.0) + data.get("weight", 1.0)
    edges = list(weights)
    g = ig.Graph(n=len(nodes), edges=edges)
    w = np.fromiter(weights.values(), dtype=float, count=len(edges))
    g.es["weight"] = w
    g.es["distance"] = 1.0 / w
    return g, nodes


def effective_size(g: ig.Graph) -> np.ndarray:
    """Burt's effective size of every vertex (NaN where undefined: no ties).

    For an undirected weighted graph (networkx's definition):
        esize(u) = deg(u) - sum over edges (u,w) of p_uw * T(u,w)
    with p_uw = w_uw / strength(u) and T(u,w) = sum over the common
    neighbours v of u and w of m_vw = w_vw / maxweight(v). Each triangle
    {a,b,c} therefore takes p_ab*m_cb + p_ac*m_bc off a's size, and the
    same for b and c.
    """
    n = g.vcount()
    deg = np.asarray(g.degree(), dtype=float)
    w = np.asarray(g.es["weight"], dtype=float) if g.ecount() else np.zeros(0)
    strength = np.asarray(g.strength(weights="weight"), dtype=float) if g.ecount() else np.zeros(n)
    maxw = np.zeros(n)
    if g.ecount():
        ends = np.asarray(g.get_edgelist())
        np.maximum.at(maxw, ends[:, 0], w)
        np.maximum.at(maxw, ends[:, 1], w)
    reduction = np.zeros(n)
    triangles = np.asarray(g.list_triangles(), dtype=np.int64)
    if len(triangles):
        a, b, c = triangles.T
        wab = w[g.get_eids(list(zip(a.tolist(), b.tolist())))]
        wbc = w[g.get_eids(list(zip(b.tolist(), c.tolist())))]
        wac = w[g.get_eids(list(zip(a.tolist(), c.tolist())))]
        np.add.at(reduction, a, wab / strength[a] * wbc / maxw[c] + wac / strength[a] * wbc / maxw[b])
        np.add.at(reduction, b, wab / strength[b] * wac / maxw[c] + wbc / strength[b] * wac / maxw[a])
        np.add.at(reduction, c, wac / strength[c] * wab / maxw[b] + wbc / strength[c] * wab / maxw[a])
    out = deg - reduction
    out[deg == 0] = math.nan
    return out


def metrics_igraph(graph, seed=None, betweenness_sample: int | None = None):
    """The raw per-node values, keyed like graph.analytics.metrics expects."""
    g, nodes = to_igraph(graph)
    n = len(nodes)
    rng = random.Random(seed)
    ig.set_random_number_generator(random.Random(seed))
    if betweenness_sample and betweenness_sample < n:
        sources = rng.sample(range(n), betweenness_sample)
        raw = np.asarray(g.betweenness(weights="distance", sources=sources)) * (n / betweenness_sample)
    else:
        raw = np.asarray(g.betweenness(weights="distance")) if g.ecount() else np.zeros(n)
    # networkx's normalisation for undirected graphs: 2 / ((n-1)(n-2))
    betweenness = raw * (2.0 / ((n - 1) * (n - 2))) if n > 2 else np.zeros(n)
    pagerank = g.pagerank(weights="weight") if g.ecount() else [1.0 / n] * n
    constraint = g.constraint(weights="weight")
    esize = effective_size(g)
    core = g.coreness()
    if g.ecount():
        partition = g.community_multilevel(weights="weight")
        membership, modularity = partition.membership, partition.modularity
    else:
        membership, modularity = list(range(n)), None
    articulation = [nodes[i] for i in g.articulation_points()]
    bridges = [(nodes[e.source], nodes[e.target]) for e in (g.es[i] for i in g.bridges())]
    return {
        "nodes": nodes, "degree": g.degree(), "strength": g.strength(weights="weight") if g.ecount() else [0.0] * n,
        "betweenness": betweenness.tolist(), "pagerank": list(pagerank),
        "constraint": [c if g.degree(i) else math.nan for i, c in enumerate(constraint)],
        "effective_size": esize.tolist(), "core": core, "membership": membership,
        "modularity": modularity, "articulation_points": articulation, "bridges": bridges,
    }
