"""A second process for the slowest metric of a big graph.

python-igraph holds the GIL while it computes, so two threads take as long
as one after the other. On a big graph, betweenness therefore runs in a
helper process while this one computes the rest: at 100,000 organisations,
building the graph there and betweenness took 4.6 s, the rest here 6.4 s
(with communities in the helper too, it took 7.2 s against 3.8 s here).

The helper is started with "spawn", not "fork": the app computes from
Streamlit's threads, and forking a process that has threads can deadlock.
It is started once, on first use, and kept for the next calls. If it cannot
start or dies, the caller computes everything itself: slower, same answers.
"""
from __future__ import annotations

import multiprocessing
import os
import random
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import igraph as ig
import numpy as np

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None


def available() -> bool:
    """A second core to use."""
    return (os.cpu_count() or 1) > 1


def _pool() -> ProcessPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        return _executor


def warm_up() -> Future | None:
    """Start the helper now (it takes about a second to import igraph), so
    that it is ready when the graph is."""
    try:
        return _pool().submit(os.getpid)
    except (BrokenProcessPool, OSError, RuntimeError):
        return None


def submit(n, edges: np.ndarray, weights: np.ndarray, sources) -> Future | None:
    """Betweenness (from `sources`, or every node when None) of the graph
    given as arrays, in the helper. None when the helper cannot take it."""
    try:
        return _pool().submit(betweenness_of, n, edges, weights, sources)
    except (BrokenProcessPool, OSError, RuntimeError):
        _forget()
        return None


def result(future: Future | None):
    """The helper's answer, or None when it failed (the caller computes)."""
    if future is None:
        return None
    try:
        return future.result()
    except (BrokenProcessPool, OSError, EOFError):
        _forget()
        return None


def _forget():
    global _executor
    with _lock:
        broken, _executor = _executor, None
    if broken is not None:
        broken.shutdown(wait=False, cancel_futures=True)


def peak_memory_gb() -> float:
    """The peak resident memory of the calling process (VmHWM, which unlike
    getrusage's children figure does not count the parent's pages a child
    shares for a moment when it is started)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024 ** 2
    return float("nan")


def helper_peak_memory_gb() -> float | None:
    """The helper's peak memory, or None when it is not running."""
    with _lock:
        executor = _executor
    return None if executor is None else executor.submit(peak_memory_gb).result()


def shutdown():
    """Stop the helper."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=True)


def build(n, edges: np.ndarray, weights: np.ndarray) -> ig.Graph:
    g = ig.Graph(n=n, edges=edges.tolist())
    g.es["weight"] = weights.tolist()
    g.es["distance"] = (1.0 / weights).tolist()
    return g


def betweenness(g: ig.Graph, sources):
    if not g.ecount():
        return np.zeros(g.vcount())
    return np.asarray(g.betweenness(weights="distance", sources=sources))


def communities(g: ig.Graph, seed):
    """(membership, modularity) by Leiden on modularity, seeded through
    igraph's generator. Leiden refines Louvain: its communities are always
    connected, and at 100,000 organisations it took half Louvain's time
    (1.1 s against 2.3 s) for the same modularity (0.7473 against 0.7474)."""
    if not g.ecount():
        return list(range(g.vcount())), None
    ig.set_random_number_generator(random.Random(seed))
    partition = g.community_leiden(objective_function="modularity", weights="weight", n_iterations=2)
    return partition.membership, g.modularity(partition.membership, weights="weight")


def betweenness_of(n, edges, weights, sources):
    """What the helper runs: the same functions the caller runs when alone."""
    return betweenness(build(n, edges, weights), sources)
