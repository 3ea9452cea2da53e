"""The embedded store: a networkx graph in one JSON file (node-link data) in
the workspace folder. Writes are atomic (write a temporary file, fsync,
rename), so a crash in the middle of a write leaves the previous state; a
lock file serialises writers from several processes or sessions.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

import networkx as nx

from graph.bulk import paused_gc, writable_copy
from graph.journal import entry, erasure_entry, scrubbed
from graph.merge import apply_plan, plan_against
from graph.model import PERSON
from graph.privacy import person_contacts, person_names, scrub
from graph.subgraph import select

from . import BatchRejected, Store, StoreUnavailable

FILE = "graph.json"

# This process's last read or write of each workspace, by the file's version
# token: the page that follows a write (and every session after it) gets the
# graph from memory instead of parsing the file again (1.8 s for 20,000
# organisations). The graph is frozen: shared, never changed in place (a
# write works on a copy).
_LAST = {}
_LAST_LOCK = threading.Lock()


def empty_graph():
    return nx.MultiDiGraph()


def to_payload(graph) -> dict:
    """node_link_data's layout, built straight from the adjacency (the same
    JSON, in the same order: a test compares them; networkx's goes through
    its views: 0.22–0.27 s against 0.13–0.18 s at 200,000 ties)."""
    return {"directed": True, "multigraph": True, "graph": dict(graph.graph),
            "nodes": [{**d, "id": n} for n, d in graph._node.items()],
            "edges": [{**d, "source": u, "target": v, "key": k}
                      for u, neighbours in graph._succ.items() for v, keys in neighbours.items()
                      for k, d in keys.items()]}


def from_payload(payload) -> nx.MultiDiGraph:
    """The graph of a payload, its adjacency built directly (node_link_graph
    goes through add_node and add_edge: 1.9 s of a 25,000-organisation
    first visit's 8.4 s). Payloads this store did not write (an element id
    written as a list, a tie without its key) go through networkx."""
    graph = nx.MultiDiGraph()
    graph.graph.update(payload.get("graph", {}))
    with paused_gc():
        nodes, succ, pred = graph._node, graph._succ, graph._pred
        for d in payload["nodes"]:
            node = d["id"]
            if isinstance(node, list) or node in nodes:
                return nx.node_link_graph(payload, directed=True, multigraph=True, edges="edges")
            nodes[node] = {k: v for k, v in d.items() if k != "id"}
            succ[node], pred[node] = {}, {}
        for d in payload["edges"]:
            u, v, key = d["source"], d["target"], d.get("key")
            if key is None or u not in nodes or v not in nodes or key in succ[u].get(v, ()):
                return nx.node_link_graph(payload, directed=True, multigraph=True, edges="edges")
            keys = succ[u].get(v)
            if keys is None:
                keys = succ[u][v] = pred[v][u] = {}
            keys[key] = {k: x for k, x in d.items() if k not in ("source", "target", "key")}
    return graph


class MemoryStore(Store):
    name = "embedded"

    def __init__(self, home):
        self.home = Path(home)
        self.path = self.home / FILE
        if self.home.exists():
            with self._locked():
                self._remove_leftovers()

    def _remove_leftovers(self):
        """A write killed before its rename leaves its temporary file: under
        the lock no write is under way, so any there is a leftover."""
        for leftover in self.home.glob(".graph-*.tmp"):
            leftover.unlink(missing_ok=True)

    # -- files -------------------------------------------------------------
    @contextmanager
    def _locked(self):
        self.home.mkdir(parents=True, exist_ok=True)
        with open(self.home / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _token(self):
        info = os.stat(self.path)
        return info.st_mtime_ns, info.st_size, info.st_ino

    def _read(self, journal=False, copy=None):
        """The stored graph (and, asked, its journal); empty for a workspace
        never written to. Shared and frozen, unless `copy`: "structure" (a
        writer that replaces attribute dicts, never changes them: apply_plan)
        or "all" (one that changes them in place: an erasure)."""
        if not self.path.exists():
            return (empty_graph(), []) if journal else empty_graph()
        token = self._token()
        with _LAST_LOCK:
            known = _LAST.get(self.path)
        if known is not None and known[0] == token:
            graph, entries = known[1], known[2]
        else:
            with open(self.path, encoding="utf-8") as fh:
                payload = json.load(fh)
            graph, entries = nx.freeze(from_payload(payload["graph"])), payload.get("journal", [])
            self._remember(token, graph, entries)
        if copy:
            with paused_gc():
                graph = writable_copy(graph, share_attributes=copy == "structure")
        return (graph, list(entries)) if journal else graph

    def _remember(self, token, graph, entries):
        with _LAST_LOCK:
            _LAST[self.path] = (token, graph, entries)

    def _write(self, graph, journal=None):
        """Write the whole graph and its journal beside the old file, then
        rename it over: a failure (a full disk) leaves both as they were."""
        if journal is None:
            journal = self._read(journal=True)[1] if self.path.exists() else []
        payload = {"format": "passerelles-graph", "version": 1,
                   "modified": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                   "graph": to_payload(graph), "journal": journal}
        self._remove_leftovers()
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.home, prefix=".graph-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(json.dumps(payload, ensure_ascii=False))    # json.dump streams in Python: 2.7x slower
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            self._remember(self._token(), nx.freeze(graph), journal)
        except BaseException as exc:
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise StoreUnavailable("write_failed", location=str(self.path),
                                       detail=exc.strerror or type(exc).__name__) from None
            raise
        dir_fd = os.open(self.home, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    # -- interface -----------------------------------------------------------
    def graph(self, kinds=None, territories=None, themes=None):
        """The whole graph, or the selection graph.subgraph.select defines."""
        with self._locked():
            graph = self._read()
        return select(graph, kinds, territories, themes) if (kinds or territories or themes) else graph

    def plan(self, batch):
        with self._locked(), paused_gc():
            return plan_against(self._read(), batch)

    def apply(self, batch) -> dict:
        if batch.errors:
            raise BatchRejected(batch.errors)
        with self._locked(), paused_gc():
            graph, journal = self._read(journal=True, copy="structure")
            plan = plan_against(graph, batch)
            if plan.problems:
                raise BatchRejected(plan.problems)
            if plan.nodes or plan.edges or plan.removed_nodes or plan.removed_edges:
                apply_plan(graph, plan)
                item = entry(plan, batch.change)
                item["seq"] = len(journal)
                self._write(graph, journal + [item])
            return plan.counts

    def journal(self) -> list:
        with self._locked():
            return list(reversed(self._read(journal=True)[1]))

    def reset(self):
        with self._locked():
            self._write(empty_graph(), [])

    def erase_person(self, person_id: str, who: str = "") -> dict:
        """Remove a person, all their ties, and every mention of their names
        and contact values elsewhere (graph.privacy), the journal included;
        the erasure is journaled without naming them."""
        with self._locked():
            graph, journal = self._read(journal=True, copy="all")      # scrubbing changes attributes in place
            if person_id not in graph or graph.nodes[person_id].get("kind") != PERSON:
                return {"removed": 0, "mentions": 0}
            person = graph.nodes[person_id]
            names, contacts = person_names(person), person_contacts(person)
            removed = 1 + graph.degree(person_id)
            graph.remove_node(person_id)
            items = [d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(keys=True, data=True)]
            mentions = 0
            for data in items:
                cleaned, count = scrub(data, names, contacts)
                if cleaned is not None:
                    data.clear()
                    data.update(cleaned)
                    mentions += count
            journal = scrubbed(journal, person_id, names, contacts)
            journal.append(erasure_entry(removed, mentions, len(journal), who))
            self._write(graph, journal)
            return {"removed": removed, "mentions": mentions}

    def describe(self) -> dict:
        modified = version = None
        if self.path.exists():
            info = self.path.stat()
            modified = datetime.fromtimestamp(info.st_mtime, timezone.utc).isoformat(timespec="seconds")
            version = f"{info.st_mtime_ns}:{info.st_size}:{info.st_ino}"
        return {"store": self.name, "location": str(self.path), "last_modified": modified,
                "version": version}

