"""A second process, for the slowest metric of a big graph.

python-igraph holds the GIL while it computes, so two threads take as long
as one after the other: graph.analytics.fast therefore sends betweenness
here on big graphs and computes the rest meanwhile. Measured at 100,000
organisations: all the metrics in 7.2 to 7.7 s this way, 9.5 to 11.4 s in
one process. Sending communities too was worse (the helper's share took
7.2 s, this process's 3.8 s).

The helper is started with "spawn", not "fork": the app computes from
Streamlit's threads, and forking a process that has threads can deadlock.
It is started once, on first use, and kept for the next calls. When it
cannot start or dies, `result` says so with None and the caller computes
the same thing itself.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

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


def warm_up():
    """Start the helper now (it takes about a second to import igraph), so
    that it is ready when the work is."""
    submit(os.getpid)


def submit(function, *args) -> Future | None:
    """Run function(*args) in the helper (the function must be importable
    from a module). None when the helper cannot take it."""
    try:
        return _pool().submit(function, *args)
    except (BrokenProcessPool, OSError, RuntimeError):
        shutdown(wait=False)
        return None


def result(future: Future | None):
    """The helper's answer, or None when it failed (the caller computes)."""
    if future is None:
        return None
    try:
        return future.result()
    except (BrokenProcessPool, OSError, EOFError):
        shutdown(wait=False)
        return None


def shutdown(wait=True):
    """Stop the helper (without waiting: a broken one); the next call starts
    a new one."""
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=wait, cancel_futures=not wait)


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
        running = _executor is not None
    return result(submit(peak_memory_gb)) if running else None
