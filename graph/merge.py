"""How a record is merged into what is already known: the single rule both
stores and the loaders' consolidation follow.

- A new record creates the node or edge.
- An empty cell never erases a known value (a partial file is not a deletion).
- A value that differs from the known one replaces it when both come from the
  same document (a revised spreadsheet); when they come from different
  sources, the newest value is kept and the disagreement is recorded in
  `conflicts` with both values and their sources, never silently lost.
- Except for what names an element (PROTECTED: name, category, sphere): from
  another source, the known value stays unless the user accepted the
  change (Batch.accept); a held name becomes an alias. A directory that
  calls « Grdr Migration-Citoyenneté-Développement » « GRDR » does not
  rename it, nor make a network an association, without being asked.
- Sources accumulate. Merging the same record twice changes nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import (ALL, Edge, Problem, edge_key, fold, graph_key, relation as relation_of, source_document,
                    validate_edge, validate_node)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
RESERVED = frozenset({"sources", "conflicts"})      # merged apart; the model refuses them as properties
PROTECTED = frozenset({"name", "category", "sphere"})


def _documents(sources) -> set:
    return {source_document(s) for s in sources}


def _add_conflict(conflicts: dict, field: str, value, sources):
    entries = conflicts.setdefault(field, [])
    entry = {"value": value, "sources": sorted(sources)}
    if entry not in entries:
        entries.append(entry)


def _with_alias(attrs: dict, name: str):
    aliases = attrs.get("aliases")
    aliases = list(aliases) if isinstance(aliases, list) else []
    if fold(name) not in {fold(a) for a in aliases if isinstance(a, str)}:
        attrs["aliases"] = aliases + [name]


def _same_name(a, b) -> bool:
    """« CAP SOLIDARITES » and « Cap Solidarités »: one name, written
    differently (no alias needed, nothing to ask)."""
    return isinstance(a, str) and isinstance(b, str) and fold(a) == fold(b)


def _giving(old: dict, field: str, value) -> list:
    """The sources that gave a known value: those its conflict entry names,
    else every source of the element (all gave the same value, or there
    would be a conflict)."""
    for entry in (old.get("conflicts") or {}).get(field, []):
        if entry.get("value") == value:
            return list(entry.get("sources", []))
    return list(old.get("sources", []))


def merge_attrs(old: dict | None, props: dict, sources: list, conflicts: dict | None = None,
                revise_same_document: bool = True, keep=()):
    """Return (new attributes, status) for a record merged into `old`.

    `old` holds the stored attributes (props plus `sources` and maybe
    `conflicts`), or None when the element is new. Pure: `old` is not changed.
    With `revise_same_document` false, any disagreement is a conflict, even
    between two passages of one document. Fields in `keep` keep their known
    value when another source differs (recorded in `conflicts`; a name
    becomes an alias).
    """
    clean = {k: v for k, v in props.items() if k not in RESERVED and v is not None and v != "" and v != []}
    if old is None:
        clean["sources"] = sorted(set(sources)) if len(sources) > 1 else list(sources)
        if conflicts:
            clean["conflicts"] = {k: list(v) for k, v in conflicts.items()}
        return clean, CREATED

    attrs = {k: (list(v) if isinstance(v, list) else v) for k, v in old.items()}
    old_sources = list(old.get("sources", []))
    merged_conflicts = {k: list(v) for k, v in old.get("conflicts", {}).items()}
    same_document = revise_same_document and bool(_documents(old_sources) & _documents(sources))
    for name, value in clean.items():
        known = attrs.get(name)
        if known in (None, "") or known == value:
            attrs[name] = value
            continue
        giving = _giving(old, name, known) if name in keep else ()
        if name in keep and not (revise_same_document and _documents(sources) & _documents(giving)):
            _add_conflict(merged_conflicts, name, known, giving)
            _add_conflict(merged_conflicts, name, value, sources)
            if name == "name" and isinstance(value, str) and not _same_name(value, known):
                _with_alias(attrs, value)
            continue
        if not same_document:
            _add_conflict(merged_conflicts, name, known, old_sources)
            _add_conflict(merged_conflicts, name, value, sources)
        attrs[name] = value
    for name, entries in (conflicts or {}).items():
        for entry in entries:
            _add_conflict(merged_conflicts, name, entry["value"], entry["sources"])
    attrs["sources"] = sorted(set(old_sources) | set(sources))
    if merged_conflicts:
        attrs["conflicts"] = merged_conflicts
    status = UNCHANGED if attrs == old else UPDATED
    return attrs, status


# Lists a merge of two elements unites rather than weighs against each other.
UNITED = ("aliases", "identifiers", "distinct_from", "contact_details")


def fold_into(kept: dict, other: dict, other_id: str) -> dict:
    """The attributes of one element that two were found to be (a merge of
    duplicates). The kept one's values stay; a field only the other has is
    taken; a different value of the other is kept as a conflict with its
    sources, its name (and acronym) as other names; lists, sources and
    conflicts are united; `id:<other_id>` is remembered as an identifier so
    that a later load of a file naming the old id lands here. Pure."""
    attrs = {k: (list(v) if isinstance(v, list) else v) for k, v in kept.items() if k not in ("kind", "id")}
    conflicts = {k: [dict(e) for e in v] for k, v in (kept.get("conflicts") or {}).items()}
    kept_sources, other_sources = list(kept.get("sources", [])), list(other.get("sources", []))
    for name, value in other.items():
        if name in ("kind", "id", "sources", "conflicts") or value in (None, "", []):
            continue
        known = attrs.get(name)
        if name in UNITED:
            united = list(known) if isinstance(known, list) else []
            united += [v for v in value if v not in united] if isinstance(value, list) else []
            attrs[name] = united
        elif known in (None, "", []):
            attrs[name] = value
        elif name == "name" and isinstance(value, str):
            if not _same_name(value, known):
                _with_alias(attrs, value)
        elif known != value:
            _add_conflict(conflicts, name, known, _giving(kept, name, known))
            _add_conflict(conflicts, name, value, _giving(other, name, value))
            if name == "acronym" and isinstance(value, str):
                _with_alias(attrs, value)
    for name, entries in (other.get("conflicts") or {}).items():
        for entry in entries:
            _add_conflict(conflicts, name, entry["value"], entry["sources"])
    identifiers = attrs.get("identifiers") if isinstance(attrs.get("identifiers"), list) else []
    attrs["identifiers"] = identifiers + [i for i in [f"id:{other_id}"] if i not in identifiers]
    distinct = [d for d in attrs.get("distinct_from") or [] if d not in (other_id, kept.get("id"))]
    attrs.pop("distinct_from", None)
    if distinct:
        attrs["distinct_from"] = distinct
    attrs["sources"] = sorted(set(kept_sources) | set(other_sources))
    attrs.pop("conflicts", None)
    if conflicts:
        attrs["conflicts"] = conflicts
    return attrs


def conflicting_fields(old_props: dict, new_props: dict) -> list:
    """Fields where two records of one file give different non-empty values."""
    return sorted(k for k, v in new_props.items()
                  if v not in (None, "") and old_props.get(k) not in (None, "")
                  and old_props[k] != v)


@dataclass
class Change:
    """One known value a batch replaces (or, held, would replace)."""
    id: str
    kind: str
    field: str
    before: object
    after: object
    sources: list


@dataclass
class Plan:
    """What merging a batch changes: the nodes and ties to write (whole
    attribute sets), the counts, each known value replaced (`changes`) and
    each name or category held back until the user accepts it (`held`),
    and the problems that forbid writing."""
    nodes: list = field(default_factory=list)   # (id, kind, attrs)
    edges: list = field(default_factory=list)   # (source, rel, target, key, attrs)
    counts: dict = field(default_factory=lambda: {CREATED: 0, UPDATED: 0, UNCHANGED: 0})
    problems: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    held: list = field(default_factory=list)
    removed_nodes: list = field(default_factory=list)   # ids
    removed_edges: list = field(default_factory=list)   # (source, rel, target, key)
    # What the journal keeps of each element written or removed, for undo:
    # (("node", id, kind) | ("edge", source, rel, target, key), before attrs or None, after attrs or None)
    records: list = field(default_factory=list)


def _kept(node_id, accept) -> frozenset:
    """The protected fields of a node this batch may not replace."""
    if accept == ALL:
        return frozenset()
    return frozenset(f for f in PROTECTED if (node_id, f) not in accept)


def _changes(node, old, attrs, keep, out):
    """Record each known value of `old` the merge replaced or held back."""
    for name, value in node.props.items():
        before = old.get(name)
        if before in (None, "", []) or value in (None, "", []) or name in RESERVED:
            continue
        if attrs.get(name) != before:
            out.changes.append(Change(node.id, node.kind, name, before, attrs.get(name), list(node.sources)))
        elif value != before and name in keep and not (name == "name" and _same_name(value, before)):
            out.held.append(Change(node.id, node.kind, name, before, value, list(node.sources)))


class placed:
    """The Problem factory of a record: `where(column, code, **values)`,
    placed at the record's file and row, the column as the user named it."""
    __slots__ = ("origin",)

    def __init__(self, record):
        self.origin = record.origin

    def __call__(self, column, code, /, **values):
        origin = self.origin
        return Problem(origin.file or "?", origin.row, origin.column(column) if column else None, code, values)


def _kind(end, planned, node_of):
    """The kind of a tie's end: planned by this batch, or stored; None if neither."""
    if type(end) is not str:
        return None
    kind = planned.get(end)
    if kind is None:
        found = node_of(end)
        kind = found.get("kind") if found is not None else None
    return kind


_REFUSED = object()


def _checked_node(record, node_of, out):
    """The stored attributes of a node record's element (None: new), or
    _REFUSED when the record breaks the vocabulary or gives a known id
    another kind (the problem added to `out`)."""
    where = placed(record)
    problems = validate_node(record, where)
    if problems:
        out.problems += problems
        return _REFUSED
    old = node_of(record.id)
    if old is not None and old.get("kind") != record.kind:
        out.problems.append(where("id", "id_other_kind", id=record.id, old=old.get("kind"), new=record.kind))
        return _REFUSED
    return old


def _checked_edge(record, planned, node_of, out):
    """The tie's (source, relation, target, key) once both ends exist and
    the vocabulary allows it, else None (the problem added to `out`)."""
    where = placed(record)
    kinds = [_kind(end, planned, node_of) for end in (record.source, record.target)]
    if None in kinds:
        out.problems.append(where(None, "not_in_graph", id=str(record.source if kinds[0] is None else record.target)))
        return None
    problems = validate_edge(record, *kinds, where)
    if problems:
        out.problems += problems
        return None
    source, rel, target, discriminator = edge_key(record.source, record.type, record.target, record.discriminator)
    return source, rel, target, graph_key(rel, discriminator)


def _bare(attrs, *names):
    return None if attrs is None else {k: v for k, v in attrs.items() if k not in names}


def plan_batch(batch, node_of, edge_of, ties_of=None) -> Plan:
    """Merge a batch into what a store holds, without writing anything.

    `node_of(id)` gives a stored node's attributes (with `kind`) or None;
    `edge_of(source, target, key)` a stored tie's attributes or None;
    `ties_of(id)` the (source, target, key, attrs) of every tie of a stored
    node (for removals). Both stores call this, so they follow one rule.
    Every record is checked against the vocabulary here too, whoever made
    it (a loader, an edit): nothing the stores could not both keep gets
    through. Upserts are merged, replacements written as given, removals
    last; what the writer expected to find is checked first."""
    from .journal import fingerprint, parse_key
    out = Plan()
    counts = out.counts
    planned = {}
    for key, expected in batch.expect.items():
        kind, *parts = parse_key(key)
        found = node_of(parts[0]) if kind == "node" else edge_of(parts[0], parts[2], parts[3])
        found = _bare(found, "kind", "type", "id", "key")
        if (fingerprint(found) if found is not None else None) != expected:
            out.problems.append(Problem("?", None, None, "changed_since_read", {"element": key}))
    if out.problems:
        return out
    for node in batch.nodes:
        old = _checked_node(node, node_of, out)
        if old is _REFUSED:
            continue
        base = None if old is None else {k: v for k, v in old.items() if k != "kind"}
        keep = _kept(node.id, batch.accept) if base is not None else ()
        attrs, status = merge_attrs(base, node.props, node.sources, node.conflicts, keep=keep)
        if status == UPDATED:
            _changes(node, base, attrs, keep, out)
        counts[status] += 1
        planned[node.id] = node.kind
        if status != UNCHANGED:
            out.nodes.append((node.id, node.kind, attrs))
            out.records.append((("node", node.id, node.kind), _bare(base, "id"), attrs))
    write = out.edges.append
    for edge in batch.edges:
        checked = _checked_edge(edge, planned, node_of, out)
        if checked is None:
            continue
        source, rel, target, key = checked
        old = edge_of(source, target, key)
        if old is not None:
            old = {k: v for k, v in old.items() if k != "type"}
        attrs, status = merge_attrs(old, edge.props, edge.sources, edge.conflicts)
        counts[status] += 1
        if status != UNCHANGED:
            write((source, rel, target, key, attrs))
            out.records.append((("edge", source, rel, target, key), _bare(old, "key"), attrs))
    _replacements(batch, node_of, edge_of, planned, out)
    _removals(batch, node_of, edge_of, ties_of, out)
    return out


def _exact(record) -> dict:
    attrs = {k: v for k, v in record.props.items() if k not in RESERVED and v is not None and v != "" and v != []}
    attrs["sources"] = list(record.sources)
    if record.conflicts:
        attrs["conflicts"] = {k: list(v) for k, v in record.conflicts.items()}
    return attrs


def _replacements(batch, node_of, edge_of, planned, out):
    """Records written as given (an edit, an undo), checked like any other."""
    counts = out.counts
    for record in batch.replacements:
        if isinstance(record, Edge):
            checked = _checked_edge(record, planned, node_of, out)
            if checked is None:
                continue
            source, rel, target, key = checked
            old = _bare(edge_of(source, target, key), "type", "key")
            attrs = _exact(record)
            status = CREATED if old is None else UNCHANGED if old == attrs else UPDATED
            counts[status] += 1
            if status != UNCHANGED:
                out.edges.append((source, rel, target, key, attrs))
                out.records.append((("edge", source, rel, target, key), old, attrs))
            continue
        old = _checked_node(record, node_of, out)
        if old is _REFUSED:
            continue
        old = _bare(old, "kind", "id")
        attrs = _exact(record)
        status = CREATED if old is None else UNCHANGED if old == attrs else UPDATED
        counts[status] += 1
        planned[record.id] = record.kind
        if status != UNCHANGED:
            out.nodes.append((record.id, record.kind, attrs))
            out.records.append((("node", record.id, record.kind), old, attrs))
            for name, value in attrs.items():
                if old is not None and name not in RESERVED and old.get(name) not in (None, value):
                    out.changes.append(Change(record.id, record.kind, name, old.get(name), value, list(record.sources)))


def edge_key_text(source, rel, target, key):
    from .journal import edge_key_text as text
    return text(source, rel, target, key)


def _removals(batch, node_of, edge_of, ties_of, out):
    """Ties and nodes to remove; a node's remaining ties go with it, each
    recorded for undo."""
    gone = set()
    for removal in batch.removals:
        if removal[0] == "edge":
            source, rel, target, discriminator = edge_key(*removal[1:5])
            key = graph_key(rel, discriminator)
            old = edge_of(source, target, key)
            if old is None:
                out.problems.append(Problem("?", None, None, "not_in_graph", {"id": f"{source} {rel} {target}"}))
                continue
            if (source, target, key) not in gone:
                gone.add((source, target, key))
                out.removed_edges.append((source, rel, target, key))
                out.records.append((("edge", source, rel, target, key), _bare(old, "type", "key"), None))
            continue
        node_id = removal[1]
        old = node_of(node_id)
        if old is None or ties_of is None:
            out.problems.append(Problem("?", None, None, "not_in_graph", {"id": str(node_id)}))
            continue
        strict = len(removal) > 2 and removal[2] == "strict"      # an undo: ties it did not know are later work
        for source, target, key, attrs in ties_of(node_id):
            if strict and (source, target, key) not in gone:
                out.problems.append(Problem("?", None, None, "changed_since_read",
                                            {"element": edge_key_text(source, relation_of(key), target, key)}))
                continue
            if (source, target, key) not in gone:
                gone.add((source, target, key))
                out.records.append((("edge", source, relation_of(key), target, key), _bare(attrs, "type", "key"),
                                    None))
        out.removed_nodes.append(node_id)
        out.records.append((("node", node_id, old.get("kind")), _bare(old, "kind", "id"), None))


def plan_against(graph, batch) -> Plan:
    """plan_batch against an nx.MultiDiGraph keyed by relation type: what a
    load would do (the app's validation report), nothing written."""
    def node_of(node_id):
        return graph.nodes[node_id] if node_id in graph else None

    def edge_of(source, target, key):
        return graph.edges[source, target, key] if graph.has_edge(source, target, key) else None

    def ties_of(node_id):
        return [(u, v, k, d) for u, v, k, d in graph.in_edges(node_id, keys=True, data=True)] + \
            [(u, v, k, d) for u, v, k, d in graph.out_edges(node_id, keys=True, data=True) if u != v]

    return plan_batch(batch, node_of, edge_of, ties_of)


def apply_plan(graph, plan: Plan) -> None:
    """Write a plan into `graph` (an nx.MultiDiGraph keyed by graph_key),
    in place: the embedded store's write, on its own copy of the graph.
    Attribute dicts are replaced, never changed, so that the copy may share
    the unchanged ones with the graph it was made from."""
    for node_id, kind, attrs in plan.nodes:
        if node_id in graph:
            graph._node[node_id] = {"kind": kind, **attrs}     # replaced, not changed: it may be shared
        else:
            graph.add_node(node_id, kind=kind, **attrs)
    for source, rel, target, key, attrs in plan.edges:
        if graph.has_edge(source, target, key):
            graph.remove_edge(source, target, key)
        graph.add_edge(source, target, key=key, type=rel, **attrs)
    for source, rel, target, key in plan.removed_edges:
        if graph.has_edge(source, target, key):
            graph.remove_edge(source, target, key)
    for node_id in plan.removed_nodes:
        if node_id in graph:
            graph.remove_node(node_id)


def touched(plan: Plan) -> set:
    """The nodes a plan writes, removes or ties: all apply_plan changes is
    theirs (bulk.copy_around)."""
    out = {n for n, _, _ in plan.nodes} | set(plan.removed_nodes)
    for source, _, target, *_ in plan.edges + plan.removed_edges:
        out.update((source, target))
    return out


def apply_batch(graph, batch):
    """Merge a batch into a copy of `graph`. Returns (new graph, counts,
    problems); on problems the new graph must not be kept. Pure: `graph` is
    not changed."""
    plan = plan_against(graph, batch)
    new = graph.copy()
    apply_plan(new, plan)
    return new, plan.counts, plan.problems
