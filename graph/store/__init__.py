"""One store interface, two implementations: the embedded store (networkx,
a file in a local workspace; the default) and Neo4j (for teams and graphs
that outgrow one process).

Every store offers:
    name                      "embedded" or "neo4j"
    graph()                   the whole graph, as an nx.MultiDiGraph keyed by relation type
    apply(batch)              all-or-nothing merge of a loader's Batch; returns the counts
    reset()                   empty the store (the next load starts from nothing)
    erase_person(id)          remove a person and every trace of them
    describe()                what a user needs to know: which store, where, last change,
                              and `version`, a token that changes with every write (cache key)
"""
from __future__ import annotations

import os
from pathlib import Path


class BatchRejected(Exception):
    """A batch with errors: nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s); nothing was written")
        self.problems = list(problems)


class StoreUnavailable(Exception):
    """The store cannot be reached or refused us; the message names where
    (never the password) and is meant to be shown as it is."""


def workspace_home() -> Path:
    """Where the embedded store keeps its files: $PASSERELLES_HOME, or a
    `.passerelles` folder in the current directory."""
    return Path(os.environ.get("PASSERELLES_HOME") or Path.cwd() / ".passerelles")


def open_store(kind: str | None = None):
    """The store to use: `kind` if given, else Neo4j when NEO4J_URI is set,
    else the embedded store."""
    kind = kind or ("neo4j" if os.environ.get("NEO4J_URI") else "embedded")
    if kind == "embedded":
        from .memory import MemoryStore
        return MemoryStore(workspace_home())
    if kind == "neo4j":
        from .neo4j import Neo4jStore
        return Neo4jStore.from_env()
    raise ValueError(f"unknown store {kind!r}; expected embedded or neo4j")
