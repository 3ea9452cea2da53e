"""The same metrics as graph.analytics.metrics, computed with igraph and
numpy for big graphs. Held to networkx's answers by the tests.

Burt's effective size is not in igraph; on an undirected graph it reduces to
a sum over triangles (derivation below), which igraph lists fast.
"""
from __future__ import annotations

import math
import random
import threading
from contextlib import contextmanager
from itertools import chain

import igraph as ig
import numpy as np
from scipy import sparse

from graph import settings

from . import worker


def _arrays(graph):
    """(node ids, ties as an (m, 2) array of (low, high) positions sorted,
    their weights, whether each is a working tie) of an undirected networkx
    graph; parallel ties add up (working if one of them is), self-loops are
    dropped. A working tie is one that is not `group_only` (actor.py). The
    ties go through numpy arrays, not a Python loop per tie (8 s for a
    million ties, against about 1 s)."""
    nodes = list(graph)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    flat = chain.from_iterable((index[u], index[v], data.get("weight", 1.0), 0.0 if data.get("group_only") else 1.0)
                               for u, v, data in graph.edges(data=True))
    table = np.fromiter(flat, dtype=float, count=4 * graph.number_of_edges()).reshape(-1, 4)
    a, b, w, working = table[:, 0].astype(np.int64), table[:, 1].astype(np.int64), table[:, 2], table[:, 3]
    keep = a != b
    low, high, w, working = np.minimum(a, b)[keep], np.maximum(a, b)[keep], w[keep], working[keep]
    pairs, inverse = np.unique(low * n + high, return_inverse=True)
    weights = np.bincount(inverse, weights=w, minlength=len(pairs)) if len(pairs) else np.zeros(0)
    worked = np.bincount(inverse, weights=working, minlength=len(pairs)) > 0 if len(pairs) else np.zeros(0, bool)
    edges = np.column_stack((pairs // n, pairs % n)) if len(pairs) else np.zeros((0, 2), dtype=np.int64)
    return nodes, edges, weights, worked


def _int_array(tuples: list, width: int) -> np.ndarray:
    """A list of int tuples as an (n, width) array (np.fromiter over the
    flattened list is several times faster than np.asarray on tuples)."""
    flat = np.fromiter(chain.from_iterable(tuples), dtype=np.int64, count=len(tuples) * width)
    return flat.reshape(-1, width)


def structural_holes(g: ig.Graph, edges: np.ndarray, weights: np.ndarray):
    """Burt's constraint and effective size of every vertex (NaN where
    undefined: no ties), from one listing of the triangles. `edges` are the
    graph's ties as (low, high) positions, with their weights (_arrays).

    For an undirected weighted graph (networkx's definitions), with
    p_uv = w_uv / strength(u) and m_uv = w_uv / maxweight(u):
        constraint(u) = sum over neighbours v of (p_uv + I_uv)^2,
            I_uv = sum over the common neighbours q of u and v of p_uq * p_qv;
        esize(u) = deg(u) - sum over neighbours v of p_uv * T_uv,
            T_uv = sum over the common neighbours q of u and v of m_qv.
    A common neighbour makes a triangle, so both sums are sums over the
    triangles, each adding to its six ordered pairs of corners.
    """
    n, m = g.vcount(), len(edges)
    deg = np.asarray(g.degree(), dtype=float)
    low, high = edges[:, 0], edges[:, 1]
    strength = (np.bincount(low, weights=weights, minlength=n)
                + np.bincount(high, weights=weights, minlength=n)).astype(float)
    maxw = np.zeros(n)
    np.maximum.at(maxw, low, weights)
    np.maximum.at(maxw, high, weights)
    # each tie both ways: u -> v is tie e (u < v) or tie e + m (u > v)
    source, w2 = np.concatenate((low, high)), np.concatenate((weights, weights))
    indirect, reduction = np.zeros(2 * m), np.zeros(n)
    triangles = _int_array(g.list_triangles(), 3)
    if len(triangles):
        # the tie between two corners, looked up in a sparse matrix of tie
        # numbers (igraph's get_eids on millions of pairs took seconds)
        lookup = sparse.csr_matrix((np.arange(1, m + 1), (low, high)), shape=(n, n))
        corner = dict(zip("abc", triangles.T))
        number = {}          # "ab" -> the tie between corners a and b, for each triangle
        for x, y in ("ab", "bc", "ac"):
            lo, hi = np.minimum(corner[x], corner[y]), np.maximum(corner[x], corner[y])
            number[x + y] = number[y + x] = np.asarray(lookup[lo, hi]).ravel() - 1
        for u, v, q in ("abc", "bac", "acb", "cab", "bca", "cba"):
            cu, cv, cq = corner[u], corner[v], corner[q]
            w_uv, w_uq, w_qv = weights[number[u + v]], weights[number[u + q]], weights[number[q + v]]
            uv = number[u + v] + np.where(cu < cv, 0, m)      # u -> v in the two-way arrays
            indirect += np.bincount(uv, weights=w_uq / strength[cu] * w_qv / strength[cq], minlength=2 * m)
            reduction += np.bincount(cu, weights=w_uv / strength[cu] * w_qv / maxw[cq], minlength=n)
    direct = w2 / strength[source]
    constraint = np.bincount(source, weights=(direct + indirect) ** 2, minlength=n).astype(float)
    esize = deg - reduction
    constraint[deg == 0] = math.nan
    esize[deg == 0] = math.nan
    return constraint, esize


def build(n, edges: np.ndarray, weights: np.ndarray) -> ig.Graph:
    """The igraph graph of _arrays' ties, with `weight` and `distance`."""
    g = ig.Graph(n=n, edges=edges.tolist())
    g.es["weight"] = weights.tolist()
    g.es["distance"] = (1.0 / weights).tolist()
    return g


def betweenness(g: ig.Graph, sources) -> np.ndarray:
    """Raw betweenness from `sources` (every node when None)."""
    if not g.ecount():
        return np.zeros(g.vcount())
    return np.asarray(g.betweenness(weights="distance", sources=sources))


def betweenness_of_arrays(n, edges, weights, sources) -> np.ndarray:
    """What the helper process runs: the same as here."""
    return betweenness(build(n, edges, weights), sources)


_IGRAPH_RANDOM = threading.Lock()


@contextmanager
def igraph_seeded(seed):
    """igraph draws from one process-wide generator: set it from `seed` for
    the block, one thread at a time (the app computes from many), and give
    igraph back its default generator (the `random` module) after, as
    networkx's py_random_state keeps randomness local to a call."""
    with _IGRAPH_RANDOM:
        ig.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            ig.set_random_number_generator(random)


def communities(g: ig.Graph, seed):
    """(membership, modularity) by Leiden on modularity, seeded through
    igraph's generator. Leiden refines Louvain: its communities are always
    connected, and at 100,000 organisations it took half Louvain's time
    (1.1 s against 2.3 s) for the same modularity (0.7473 against 0.7474)."""
    if not g.ecount():
        return list(range(g.vcount())), None
    with igraph_seeded(seed):
        partition = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
    return partition.membership, g.modularity(partition.membership, weights="weight")


# Ties from which betweenness goes to a second process
# (graph.analytics.worker): below, starting it costs more than it saves.
PARALLEL_FROM = settings.value("parallel_betweenness_from")


def metrics_igraph(graph, seed=None, betweenness_sample: int | None = None, parallel: bool | None = None):
    """The raw per-node values, keyed like graph.analytics.metrics expects.
    `parallel` (default: on big graphs, with a second core) computes
    betweenness in the helper process meanwhile."""
    if parallel is None:
        parallel = graph.number_of_edges() >= PARALLEL_FROM and worker.available()
    if parallel:
        worker.warm_up()     # starts while the graph is converted
    nodes, edges, weights, working = _arrays(graph)
    n = len(nodes)
    sources = None
    if betweenness_sample and betweenness_sample < n:
        sources = random.Random(seed).sample(range(n), betweenness_sample)
    helper = worker.submit(betweenness_of_arrays, n, edges, weights, sources) if parallel else None
    g = build(n, edges, weights)
    pagerank = g.pagerank(weights="weight") if g.ecount() else [1.0 / n] * n
    # Who one's contacts are (degree, k-core, Burt) counts working ties
    # only: the 39 others at a workshop are not 39 contacts (each would add
    # almost 1 to the effective size, whatever its weight). Paths, PageRank
    # and communities use every tie, with its weight.
    if working.all():
        contacts, contact_edges, contact_weights = g, edges, weights
    else:
        contact_edges, contact_weights = edges[working], weights[working]
        contacts = build(n, contact_edges, contact_weights)
    constraint, esize = structural_holes(contacts, contact_edges, contact_weights)
    core = contacts.coreness()
    articulation = [nodes[i] for i in g.articulation_points()]
    bridges = [(nodes[e.source], nodes[e.target]) for e in (g.es[i] for i in g.bridges())]
    membership, modularity = communities(g, seed)
    raw = worker.result(helper)
    helped = raw is not None
    if raw is None:          # alone, or the helper failed: the same function here
        raw = betweenness(g, sources)
    if sources is not None:
        raw = raw * (n / len(sources))
    # networkx's normalisation for undirected graphs: 2 / ((n-1)(n-2))
    normalised = raw * (2.0 / ((n - 1) * (n - 2))) if n > 2 else np.zeros(n)
    return {
        "nodes": nodes, "degree": contacts.degree(), "strength": g.strength(weights="weight") if g.ecount() else [0.0] * n,
        "betweenness": normalised.tolist(), "pagerank": list(pagerank),
        "constraint": constraint.tolist(),
        "effective_size": esize.tolist(), "core": core, "membership": membership,
        "modularity": modularity, "articulation_points": articulation, "bridges": bridges,
        "parallel": helped,
    }
