"""The embedded store: a networkx graph in the workspace folder, as a
snapshot (graph.json, node-link data and the journal) and a log of the
changes written since (changes.jsonl, one JSON line per change).

An edit appends its line (the nodes and ties it writes or removes, and its
journal entry) and fsyncs it: at 25,000 organisations, rewriting the whole
27 MB snapshot took 0.92–1.06 s of each save. Once the log outgrows a
quarter of the snapshot, or for a reset or an erasure, the snapshot is
rewritten whole (a temporary file, fsync, rename) under a new `id`, and the
log removed; a line names the snapshot it follows, so a log left by a
crash between the two is ignored. A line counts once its newline is
written: a crash in the middle of one leaves a partial last line, which
readers skip and the next writer cuts off. Either way, a crash leaves the
previous state. A lock file serialises writers and readers from several
processes or sessions.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
import threading
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

import networkx as nx

from graph.bulk import copy_around, paused_gc, writable_copy
from graph.journal import entry, erasure_entry, scrubbed
from graph.merge import Plan, apply_plan, plan_against, touched
from graph.model import PERSON
from graph.privacy import person_contacts, person_names, scrub
from graph.subgraph import select

from . import BatchRejected, Store, StoreUnavailable

FILE = "graph.json"
LOG = "changes.jsonl"
LOG_SHARE = 4           # the snapshot is rewritten once the log is a quarter of its size
LOG_FLOOR = 1 << 20     # ... and at least this many bytes (a small snapshot is cheap to rewrite, its log too)

class Known(NamedTuple):
    token: tuple        # the snapshot's stat
    offset: int         # bytes of the log read (whole lines)
    graph: nx.MultiDiGraph
    entries: list       # the journal, oldest first
    base: str | None    # the snapshot's id, named by each line of its log


# This process's last read or write of each workspace: the page that follows
# a write (and every session after it) gets the graph from memory instead of
# parsing the file again (1.8 s for 20,000 organisations), and another
# process's edits are read from the log's new lines alone. The graph is
# frozen: shared, never changed in place (a write works on a copy).
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


def _change_line(base, plan, item) -> bytes:
    """A change as one line of the log: what apply_plan writes, and its
    journal entry."""
    return (json.dumps({"base": base, "nodes": plan.nodes, "edges": plan.edges,
                        "removed_nodes": plan.removed_nodes, "removed_edges": plan.removed_edges,
                        "entry": item}, ensure_ascii=False) + "\n").encode("utf-8")


def _plan_of(change) -> Plan:
    return Plan(nodes=change["nodes"], edges=change["edges"], removed_nodes=change["removed_nodes"],
                removed_edges=change["removed_edges"])


def _replayed(graph, entries: list, changes: list):
    """The log's `changes` written into `graph` (which the caller may
    change) and `entries`; the graph, frozen."""
    with paused_gc():
        for change in changes:
            apply_plan(graph, _plan_of(change))
            entries.append(change["entry"])
    return nx.freeze(graph)


class MemoryStore(Store):
    name = "embedded"

    def __init__(self, home):
        self.home = Path(home)
        self.path = self.home / FILE
        self.log = self.home / LOG
        if self.home.exists():
            with self._locked():
                self._remove_leftovers()

    def _remove_leftovers(self):
        """A write killed before its rename leaves its temporary file: under
        the lock no write is under way, so any there is a leftover. So is a
        log without its snapshot."""
        for leftover in self.home.glob(".graph-*.tmp"):
            leftover.unlink(missing_ok=True)
        if not self.path.exists():
            self.log.unlink(missing_ok=True)

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

    def _log_size(self) -> int:
        try:
            return os.stat(self.log).st_size
        except FileNotFoundError:
            return 0

    def _unreadable(self, where, exc):
        return StoreUnavailable("unreadable", location=str(where), detail=str(exc)[:200])

    def _logged(self, base, start) -> tuple:
        """The changes in the log's whole lines from byte `start` that
        follow snapshot `base` (others are a crash's leftover), and the
        offset after the last whole line (a partial one is a crash's too)."""
        try:
            with open(self.log, "rb") as fh:
                fh.seek(start)
                data = fh.read()
        except FileNotFoundError:
            return [], start
        whole = data[:data.rfind(b"\n") + 1]
        changes = []
        for number, line in enumerate(whole.splitlines(), 1):
            try:
                change = json.loads(line)
            except ValueError as exc:
                raise self._unreadable(self.log, f"{exc}, line {number} from byte {start}") from None
            if change.get("base") == base:
                changes.append(change)
        return changes, start + len(whole)

    def _current(self) -> Known:
        """The stored graph as of now: the one in memory, with the log's new
        lines (another process's writes) on a copy of it, or read whole."""
        token, size = self._token(), self._log_size()
        with _LAST_LOCK:
            known = _LAST.get(self.path)
        if known is not None and known.token == token and size >= known.offset:
            if size == known.offset:
                return known
            changes, offset = self._logged(known.base, known.offset)
            graph, entries = known.graph, list(known.entries)
            if changes:
                around = set().union(*(touched(_plan_of(c)) for c in changes))
                graph = _replayed(copy_around(graph, around), entries, changes)
        else:
            try:
                with open(self.path, encoding="utf-8") as fh:
                    payload = json.load(fh)
            except ValueError as exc:
                raise self._unreadable(self.path, exc) from None
            base = payload.get("id")
            entries = list(payload.get("journal", []))
            changes, offset = self._logged(base, 0)
            graph = _replayed(from_payload(payload["graph"]), entries, changes)
            known = Known(token, 0, graph, entries, base)
        known = known._replace(offset=offset, graph=graph, entries=entries)
        self._remember(known)
        return known

    def _read(self, journal=False, writable=False):
        """The stored graph (and, asked, its journal); empty for a workspace
        never written to. Shared and frozen, unless `writable`: a copy whose
        attribute dicts too are its own (an erasure changes them in place)."""
        if not self.path.exists():
            return (empty_graph(), []) if journal else empty_graph()
        known = self._current()
        graph = known.graph
        if writable:
            with paused_gc():
                graph = writable_copy(graph)
        return (graph, list(known.entries)) if journal else graph

    def _remember(self, known):
        with _LAST_LOCK:
            _LAST[self.path] = known

    def _append(self, known, plan, item) -> bool:
        """Write a change as a line of the log; False when the snapshot
        should be rewritten instead (none yet, or the log grown too big)."""
        line = _change_line(known.base, plan, item)
        if known.offset + len(line) > max(LOG_FLOOR, known.token[1] // LOG_SHARE):
            return False
        graph = copy_around(known.graph, touched(plan))
        apply_plan(graph, plan)
        created = not self.log.exists()
        try:
            fd = os.open(self.log, os.O_WRONLY | os.O_CREAT, 0o600)
        except OSError as exc:
            raise self._write_failed(self.log, exc) from None
        try:
            os.ftruncate(fd, known.offset)          # a partial line a crash left
            os.lseek(fd, known.offset, os.SEEK_SET)
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        except BaseException as exc:
            try:
                os.ftruncate(fd, known.offset)
                if created:
                    self.log.unlink()
            except OSError:
                pass                                # what is past the offset is not read anyway
            if isinstance(exc, OSError):
                raise self._write_failed(self.log, exc) from None
            raise
        finally:
            os.close(fd)
        if created:
            self._sync_folder()
        self._remember(known._replace(offset=known.offset + len(line), graph=nx.freeze(graph),
                                      entries=known.entries + [item]))
        return True

    def _write_failed(self, where, exc):
        return StoreUnavailable("write_failed", location=str(where), detail=exc.strerror or type(exc).__name__)

    def _sync_folder(self):
        dir_fd = os.open(self.home, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    def _write(self, graph, journal):
        """Write the whole graph and its journal as a new snapshot beside the
        old one, rename it over, then remove the old snapshot's log: a
        failure (a full disk) leaves both as they were."""
        base = uuid.uuid4().hex
        payload = {"format": "passerelles-graph", "version": 1, "id": base,
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
        except BaseException as exc:
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)
            if isinstance(exc, OSError):
                raise self._write_failed(self.path, exc) from None
            raise
        self.log.unlink(missing_ok=True)        # its lines name the old snapshot: ignored if this is not reached
        self._sync_folder()
        self._remember(Known(self._token(), 0, nx.freeze(graph), list(journal), base))

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
            known = self._current() if self.path.exists() else None
            graph, journal = (known.graph, known.entries) if known else (empty_graph(), [])
            plan = plan_against(graph, batch)
            if plan.problems:
                raise BatchRejected(plan.problems)
            if plan.nodes or plan.edges or plan.removed_nodes or plan.removed_edges:
                item = entry(plan, batch.change)
                item["seq"] = len(journal)
                if known is None or not self._append(known, plan, item):
                    graph = writable_copy(graph, share_attributes=True)
                    apply_plan(graph, plan)
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
            graph, journal = self._read(journal=True, writable=True)
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
            log = self.log.stat() if self.log.exists() else None
            latest = max(info.st_mtime, log.st_mtime if log else 0)
            modified = datetime.fromtimestamp(latest, timezone.utc).isoformat(timespec="seconds")
            version = f"{info.st_mtime_ns}:{info.st_size}:{info.st_ino}:{log.st_size if log else 0}"
        return {"store": self.name, "location": str(self.path), "last_modified": modified,
                "version": version}
