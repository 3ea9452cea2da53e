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
