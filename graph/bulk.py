"""Bulk work on many small records. CPython's cyclic garbage collector
rescans every live object as a load allocates; with a million records held
in memory that took three quarters of the planning time (measured: 7.5 s
against 1.8 s for 1,000,000 ties). Records hold no reference cycles, so the
collector is paused during bulk work and resumed after."""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def paused_gc():
    """Pause the cyclic collector; nested and multi-threaded uses resume it
    only when the last one ends."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def writable_copy(graph, share_attributes: bool = False, nodes=None, ties=None):
    """A copy of a MultiDiGraph (frozen or not) whose structure one may
    change: the adjacency rebuilt directly (G.copy() does it through
    add_edges_from, about four times slower: the embedded store copies its
    graph at every write). Every attribute dict is copied too, unless
    `share_attributes`: then the copy's writer must replace an element's
    attributes, never change them in place (graph.merge.apply_plan does),
    and a write allocates a quarter of the objects (less for the garbage
    collector to go through afterwards). `nodes` (a set): only these and
    the ties between them; `ties`: only the ties whose key it accepts."""
    new = graph.__class__()
    new.graph.update(graph.graph)
    own = (lambda d: d) if share_attributes else dict
    kept = {n: own(d) for n, d in graph._node.items() if nodes is None or n in nodes}
    succ, pred = {}, {n: {} for n in kept}
    for u, neighbours in graph._succ.items():
        if u not in kept:
            continue
        out = succ[u] = {}
        for v, keys in neighbours.items():
            if v in kept:
                copied = {k: own(d) for k, d in keys.items() if ties is None or ties(k)}
                if copied:
                    out[v] = pred[v][u] = copied
    new._node, new._succ, new._pred = kept, succ, pred
    new._adj = succ
    return new


def copy_around(graph, touched):
    """A copy of a MultiDiGraph whose writer may add, replace or remove the
    `touched` nodes and ties with a touched end, and nothing else; every
    other part of the adjacency is shared with `graph` (which stays as it
    was). An edit then costs its neighbourhood, not the whole graph
    (writable_copy rebuilt 25,000 organisations' adjacency: 0.7 s). As
    with share_attributes, attribute dicts are shared: the writer replaces
    them (graph.merge.apply_plan does).

    networkx keeps one dict of keys per pair, as both _succ[u][v] and
    _pred[v][u]: each pair with a touched end gets a new one, in both
    places, and the neighbour's own dict of pairs is copied to hold it.
    """
    new = graph.__class__()
    new.graph.update(graph.graph)
    node, succ, pred = dict(graph._node), dict(graph._succ), dict(graph._pred)
    copied, pairs = set(), set()        # ("succ" | "pred", node) whose dict of pairs is the copy's own

    def own(side, adjacency, n):
        if (side, n) not in copied:
            adjacency[n] = dict(adjacency[n])
            copied.add((side, n))

    def fresh(u, v):
        if (u, v) not in pairs:
            pairs.add((u, v))
            own("succ", succ, u)
            own("pred", pred, v)
            succ[u][v] = pred[v][u] = dict(succ[u][v])

    for n in (n for n in touched if n in node):
        own("succ", succ, n)
        own("pred", pred, n)
        for v in list(succ[n]):
            fresh(n, v)
        for u in list(pred[n]):
            fresh(u, n)
    new._node, new._succ, new._pred = node, succ, pred
    new._adj = succ
    return new
