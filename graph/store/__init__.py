"""One store contract, two implementations: the embedded store (networkx,
a file in a local workspace; the default) and Neo4j (for teams and graphs
that outgrow one process). The contract test suite holds both to it.
"""
from __future__ import annotations

import os
from abc import ABC, abstractmethod
from pathlib import Path


class BatchRejected(Exception):
    """A batch with errors: nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s); nothing was written")
        self.problems = list(problems)


class StoreUnavailable(Exception):
    """The store cannot be reached, refused us, or failed while working: a
    `code` and `values` (where, never a password) for the interfaces to say
    it. Nothing half-written: the store is as it was before the call."""

    def __init__(self, code: str, **values):
        super().__init__(f"{code} {values}")
        self.code, self.values = code, values


class Store(ABC):
    """What every store offers. Writes are all-or-nothing; a batch is planned
    by the one merge rule (graph.merge.plan_batch) against what the store
    holds, then applied."""

    name: str = ""

    @abstractmethod
    def graph(self, kinds=None, territories=None, themes=None):
        """The whole graph as an nx.MultiDiGraph keyed by graph.model.graph_key,
        or the selection graph.subgraph.select defines."""

    @abstractmethod
    def plan(self, batch):
        """What apply(batch) would do (a graph.merge.Plan: counts, changes,
        problems), nothing written: the report a user checks first."""

    @abstractmethod
    def apply(self, batch) -> dict:
        """Merge a loader's Batch, all or nothing; the counts
        (created / updated / unchanged). BatchRejected when it has problems."""

    @abstractmethod
    def journal(self) -> list:
        """Every change committed (graph.journal entries), newest first."""

    def undo(self, entry_id: str, who: str = "", note: str = "") -> dict:
        """Put back what a change did, as one new change; refused
        (BatchRejected, `changed_since_read`) when a later change built on
        it, or (graph.journal.CannotUndo) when it cannot be undone."""
        from graph.journal import undo_batch
        return self.apply(undo_batch(self.journal(), entry_id, who, note))

    @abstractmethod
    def reset(self) -> None:
        """Empty the store (the next load starts from nothing)."""

    @abstractmethod
    def erase_person(self, person_id: str, who: str = "") -> dict:
        """Remove a person and every trace of them: {"removed": nodes and
        ties, "mentions": their names and contact values erased from the
        text of other elements}."""

    @abstractmethod
    def describe(self) -> dict:
        """{"store", "location", "last_modified", "version"}: `version`
        changes with every write (the app's cache key) and is None for a
        store never written to."""

    def close(self) -> None:
        """Release what the store holds (a driver); nothing by default."""


def workspace_home(env=os.environ) -> Path:
    """Where the embedded store keeps its files: $PASSERELLES_HOME, or a
    `.passerelles` folder in the current directory."""
    return Path(env.get("PASSERELLES_HOME") or Path.cwd() / ".passerelles")


def configured(env=os.environ) -> dict:
    """The store the operator configured, read from the environment in this
    one place: Neo4j when NEO4J_URI is set, else the embedded workspace."""
    return {"kind": "neo4j" if env.get("NEO4J_URI") else "embedded",
            "home": str(workspace_home(env)),
            "uri": env.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
            "user": env.get("NEO4J_USER", "neo4j"),
            "password": env.get("NEO4J_PASSWORD", ""),
            "database": env.get("NEO4J_DATABASE", "neo4j")}


def open_store(kind: str | None = None, settings: dict | None = None) -> Store:
    """The store `settings` (default: configured()) describe; `kind`
    overrides its kind ("embedded" or "neo4j")."""
    settings = dict(settings or configured())
    kind = kind or settings["kind"]
    if kind == "embedded":
        from .memory import MemoryStore
        return MemoryStore(settings["home"])
    if kind == "neo4j":
        from .neo4j import Neo4jStore
        return Neo4jStore(settings["uri"], settings["user"], settings["password"], settings["database"])
    raise ValueError(f"unknown store {kind!r}; expected embedded or neo4j")
