"""Finding elements by name among thousands, for lists too long to send
whole to the browser (at 25,000 organisations one list weighed 490 kB,
sent again at every click)."""
from __future__ import annotations

from functools import lru_cache

from graph.model import fold


@lru_cache(maxsize=8)
def _folded(labels: tuple) -> tuple:
    return tuple(fold(label) for label in labels)


def matching(labels: dict, query: str, most: int) -> tuple[list, int]:
    """(the ids whose label holds every word of `query`, accents, case and
    punctuation aside, in the order of `labels`, at most `most`; how many
    match in all). An empty query matches nothing.

    >>> matching({"a": "Lianes Coopération", "b": "Cités Unies", "c": "Lianes"}, "lianes coop", 10)
    (['a'], 1)
    >>> matching({"a": "Lianes Coopération", "b": "Cités Unies", "c": "Lianes"}, "LIANES", 1)
    (['a'], 2)
    """
    words = fold(query).split()
    if not words:
        return [], 0
    ids = list(labels)
    found = [i for i, label in zip(ids, _folded(tuple(labels.values()))) if all(w in label for w in words)]
    return found[:most], len(found)
