"""The journal: every change a store commits (a load, an edit, a merge, an
undo) as one entry, written in the same transaction as the change itself,
so that neither exists without the other.

An entry says when, who, what kind of change, a note, the counts, and, for
each element written or removed, its state before (whole) and a
fingerprint of its state after: enough to undo it, and to see that a later
change built on it (then the undo is refused, saying which element). A
change touching more elements than `journal.undo_records` keeps only its
summary and cannot be undone (reset or reload instead).

Pure functions; the stores keep the entries (graph.store).
"""
from __future__ import annotations

import hashlib
import json
import uuid
from datetime import datetime, timezone

from . import settings
from .model import Batch, Edge, Node, split_graph_key

UNDO_RECORDS = settings.value("journal.undo_records")


STRUCTURAL = ("kind", "id", "type", "key")     # said by the element's place in the graph, not its state


def fingerprint(attrs: dict | None):
    """A short, stable digest of an element's attributes (None: absent),
    whichever store read them."""
    if attrs is None:
        return None
    attrs = {k: v for k, v in attrs.items() if k not in STRUCTURAL}
    text = json.dumps(attrs, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def node_key(node_id: str) -> str:
    return json.dumps(["node", node_id], ensure_ascii=False)


def edge_key_text(source: str, rel: str, target: str, key: str) -> str:
    return json.dumps(["edge", source, rel, target, key], ensure_ascii=False)


def parse_key(text: str) -> list:
    """["node", id] or ["edge", source, rel, target, key]."""
    return json.loads(text)


def ends(text: str) -> tuple:
    """The element ids a record key names: a node's id, a tie's two ends."""
    key = parse_key(text)
    return (key[1],) if key[0] == "node" else (key[1], key[3])


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def entry(plan, change: dict | None) -> dict:
    """The journal entry of a planned change."""
    change = dict(change or {})
    undoable = len(plan.records) <= UNDO_RECORDS
    records = []
    elements = set()
    for key, before, after in plan.records:
        if key[0] == "node":
            text, element = node_key(key[1]), key[1]
        else:
            text, element = edge_key_text(*key[1:]), None
        if element:
            elements.add(element)
        else:
            elements.update((key[1], key[3]))
        if undoable:
            record = {"key": text, "before": before, "after": fingerprint(after)}
            if key[0] == "node":
                record["kind"] = key[2]
            records.append(record)
    return {"id": uuid.uuid4().hex[:12], "at": now(), "kind": change.pop("kind", "load"),
            "who": change.pop("who", ""), "note": change.pop("note", ""),
            "counts": dict(plan.counts, removed=len(plan.removed_nodes) + len(plan.removed_edges)),
            "undoable": undoable, "records": records,
            "elements": sorted(elements)[:UNDO_RECORDS], **change}


def erasure_entry(removed: int, mentions: int, seq: int | None = None, who: str = "") -> dict:
    """An erasure in the journal: counts and who erased, never who was erased."""
    item = {"id": uuid.uuid4().hex[:12], "at": now(), "kind": "erase", "who": who, "note": "",
            "counts": {"removed": removed, "mentions": mentions}, "undoable": False, "records": [],
            "elements": []}
    return item if seq is None else dict(item, seq=seq)


def undone(journal: list) -> dict:
    """Entry id -> the id of the undo that reverted it (and not redone)."""
    out = {}
    for item in sorted(journal, key=lambda e: (e["at"], e.get("seq", 0))):
        target = item.get("undoes")
        if target:
            if target in out:
                out.pop(target)             # undoing an undo: the change is back
            else:
                out[target] = item["id"]
    return out


class CannotUndo(Exception):
    """An entry that cannot be undone: `code` (unknown, too_big, already)
    and `values`; a later change that built on it is said by the store's
    `changed_since_read` refusal."""

    def __init__(self, code: str, **values):
        super().__init__(f"{code} {values}")
        self.code, self.values = code, values


def undo_batch(journal: list, entry_id: str, who: str = "", note: str = "") -> Batch:
    """The batch that puts back what entry `entry_id` changed: each element
    as it was before, on condition that it is still as the entry left it."""
    found = next((e for e in journal if e["id"] == entry_id), None)
    if found is None:
        raise CannotUndo("unknown", id=entry_id)
    if not found.get("undoable"):
        raise CannotUndo("too_big", id=entry_id, limit=UNDO_RECORDS)
    reverted = undone(journal)
    if entry_id in reverted:
        raise CannotUndo("already", id=entry_id, by=reverted[entry_id])
    batch = Batch(change={"kind": "undo", "who": who, "note": note, "undoes": entry_id})
    nodes, edges, removed_edges, removed_nodes = [], [], [], []
    for record in found["records"]:
        key = parse_key(record["key"])
        batch.expect[record["key"]] = record["after"]
        before = record["before"]
        if key[0] == "node":
            if before is None:
                removed_nodes.append(("node", key[1], "strict"))
            else:
                nodes.append(_restored(Node(key[1], record["kind"]), before))
        else:
            source, rel, target, graph_key = key[1:]
            discriminator = split_graph_key(graph_key)[1]
            if before is None:
                removed_edges.append(("edge", source, rel, target, discriminator))
            else:
                edges.append(_restored(Edge(source, rel, target, discriminator=discriminator), before))
    batch.replacements = nodes + edges
    batch.removals = removed_edges + removed_nodes
    return batch


def _restored(record, before: dict):
    attrs = dict(before)
    record.sources = list(attrs.pop("sources", []))
    record.conflicts = attrs.pop("conflicts", {}) or {}
    record.props = attrs
    return record


NAMING = ("element", "merged", "other", "partner")     # an edit's fields that name an element (graph.edits)


def scrubbed(journal: list, person_id: str, names: list, contacts: list) -> list:
    """The journal with no trace of an erased person: the records of them
    and of their ties dropped (the entry can no longer be undone), their
    names and contact values erased from every state kept, from who made a
    change and from its note, and the fields naming the element edited
    (NAMING) when it is them."""
    from .privacy import scrub
    out = []
    for item in journal:
        item = dict(item)
        kept = [r for r in item.get("records", []) if person_id not in ends(r["key"])]
        if len(kept) != len(item.get("records", [])):
            item["undoable"] = False
        records = []
        for record in kept:
            if record.get("before"):
                cleaned, _ = scrub(record["before"], names, contacts)
                if cleaned is not None:
                    record = dict(record, before=cleaned)
            records.append(record)
        item["records"] = records
        item["elements"] = [e for e in item.get("elements", []) if e != person_id]
        for field in NAMING:
            if item.get(field) == person_id:
                del item[field]
        for field in ("who", "note"):
            cleaned, _ = scrub({field: item.get(field, "")}, names, contacts)
            if cleaned is not None:
                item[field] = cleaned[field]
        out.append(item)
    return out
