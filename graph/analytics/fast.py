"""The same metrics as graph.analytics.metrics, computed with igraph and
numpy for big graphs. Held to networkx's answers by the tests.

Burt's effective size is not in igraph; on an undirected graph it reduces to
a sum over triangles (derivation below), which igraph lists fast.
"""
from __future__ import annotations

import math
import random
from itertools import chain

import igraph as ig
import numpy as np
from scipy import sparse


def to_igraph(graph):
    """(igraph graph with `weight` and `distance`, list of node ids) from an
    undirected networkx graph; parallel ties add up, self-loops are dropped.
    The ties go through numpy arrays, not a Python loop per tie (8 s for a
    million ties, against about 1 s)."""
    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    flat = chain.from_iterable((index[u], index[v], w) for u, v, w in graph.edges(data="weight", default=1.0))
    table = np.fromiter(flat, dtype=float, count=3 * graph.number_of_edges()).reshape(-1, 3)
    a, b, w = table[:, 0].astype(np.int64), table[:, 1].astype(np.int64), table[:, 2]
    keep = a != b
    low, high, w = np.minimum(a, b)[keep], np.maximum(a, b)[keep], w[keep]
    pairs, inverse = np.unique(low * n + high, return_inverse=True)
    weights = np.bincount(inverse, weights=w, minlength=len(pairs)) if len(pairs) else np.zeros(0)
    edges = np.column_stack((pairs // n, pairs % n)) if len(pairs) else np.zeros((0, 2), dtype=np.int64)
    g = ig.Graph(n=n, edges=edges.tolist())
    g.es["weight"] = weights.tolist()
    g.es["distance"] = (1.0 / weights).tolist()
    return g, nodes


def _int_array(tuples: list, width: int) -> np.ndarray:
    """A list of int tuples as an (n, width) array (np.fromiter over the
    flattened list is several times faster than np.asarray on tuples)."""
    flat = np.fromiter(chain.from_iterable(tuples), dtype=np.int64, count=len(tuples) * width)
    return flat.reshape(-1, width)


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
    ends = _int_array(g.get_edgelist(), 2)
    if g.ecount():
        np.maximum.at(maxw, ends[:, 0], w)
        np.maximum.at(maxw, ends[:, 1], w)
    reduction = np.zeros(n)
    triangles = _int_array(g.list_triangles(), 3)
    if len(triangles):
        a, b, c = triangles.T
        # the three weights of each triangle, looked up in a sparse matrix
        # (igraph's get_eids on millions of pairs took seconds)
        both = np.concatenate((ends, ends[:, ::-1]))
        lookup = sparse.csr_matrix((np.concatenate((w, w)), (both[:, 0], both[:, 1])), shape=(n, n))
        wab, wbc, wac = (np.asarray(lookup[x, y]).ravel() for x, y in ((a, b), (b, c), (a, c)))
        for node, share in ((a, wab / strength[a] * wbc / maxw[c] + wac / strength[a] * wbc / maxw[b]),
                            (b, wab / strength[b] * wac / maxw[c] + wbc / strength[b] * wac / maxw[a]),
                            (c, wac / strength[c] * wab / maxw[b] + wbc / strength[c] * wab / maxw[a])):
            reduction += np.bincount(node, weights=share, minlength=n)
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
