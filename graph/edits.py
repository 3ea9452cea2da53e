"""Edits made in the app or on the command line, as batches: the same
write path as a load (the one merge rule, the store's transaction, the
journal), with the edit as their source (« saisie 2026-12-01 (Camille) —
note »). Each states what the editor read, so that an edit made on a stale
page is refused instead of overwriting someone else's (changed_since_read).

    batch = edit_node(graph, "org:grdr", {"acronym": "Grdr"}, who="Camille")
    store.apply(batch)
"""
from __future__ import annotations

from datetime import date

from .analytics import Refused
from .journal import edge_key_text, fingerprint, node_key
from .merge import fold_into
from .names import NameIndex
from .model import (FOLLOW_UP_STATUSES, ORGANISATION, RECORDS, Batch, Edge, Node, default_sphere, edge_key, graph_key,
                    make_id, split_graph_key)

EDIT = "edit"
FOLLOW_UP = "follow_up"
MERGE = "merge"
NOT_SAME = "not_same"


def edit_source(who: str = "", note: str = "", today: date | None = None) -> str:
    """The source an edit gives its facts: « saisie 2026-12-01 (Camille) — note »."""
    text = f"saisie {(today or date.today()).isoformat()}"
    if who.strip():
        text += f" ({who.strip()})"
    if note.strip():
        text += f" — {note.strip()}"
    return text


def _change(who, note, kind=EDIT, **more) -> dict:
    return {"kind": kind, "who": who.strip(), "note": note.strip(), **more}


def edit_node(graph, node_id: str, changes: dict, who: str = "", note: str = "") -> Batch:
    """Set (or, with an empty value, clear) fields of an element as read in
    `graph`; the other fields, its sources and its conflicts are kept, the
    edit's source added. A new category brings its sphere unless the edit
    gives one."""
    return edit_state(node_id, graph.nodes[node_id].get("kind"), graph.nodes[node_id], changes, who, note)


def edit_state(node_id: str, kind: str, read: dict, changes: dict, who: str = "", note: str = "") -> Batch:
    """edit_node on the element's attributes as the editor read them (a page
    keeps them while its form is open: a change made meanwhile by someone
    else is then seen, not overwritten)."""
    state = {k: v for k, v in read.items() if k not in ("kind", "id")}
    props = {k: v for k, v in state.items() if k not in ("sources", "conflicts")}
    for field, value in changes.items():
        if value in (None, "", []):
            props.pop(field, None)
        else:
            props[field] = value
    if kind == ORGANISATION and "category" in changes and "sphere" not in changes:
        props["sphere"] = default_sphere(props.get("category"))
    source = edit_source(who, note)
    sources = list(state.get("sources", []))
    if source not in sources:
        sources.append(source)
    node = Node(node_id, kind, props, sources, dict(state.get("conflicts") or {}))
    return Batch(replacements=[node], expect={node_key(node_id): fingerprint(state)},
                 change=_change(who, note, element=node_id))


def new_id(graph, kind: str, name: str) -> str:
    """An id for a new element, numbered when its name's id is taken."""
    base = node_id = make_id(kind, name)
    number = 1
    while node_id in graph:
        number += 1
        node_id = f"{base}-{number}"
    return node_id


def add_node(graph, kind: str, name: str, props: dict | None = None, who: str = "", note: str = "") -> Batch:
    """A new element (an organisation, a territory, a project, a theme)."""
    node_id = new_id(graph, kind, name)
    props = {k: v for k, v in dict(props or {}, name=name).items() if v not in (None, "", [])}
    if kind == ORGANISATION:
        props.setdefault("category", "other")
        props.setdefault("sphere", default_sphere(props["category"]))
    return Batch(nodes=[Node(node_id, kind, props, [edit_source(who, note)])], expect={node_key(node_id): None},
                 change=_change(who, note, element=node_id))


def add_tie(source: str, rel: str, target: str, props: dict | None = None, who: str = "", note: str = "") -> Batch:
    """A tie between two elements, merged like a loaded one (the same tie
    given again gains a source, not a copy)."""
    props = {k: v for k, v in (props or {}).items() if v not in (None, "", [])}
    return Batch(edges=[Edge(source, rel, target, props, [edit_source(who, note)])],
                 change=_change(who, note, element=source))


def remove_tie(graph, source: str, rel: str, target: str, discriminator: str = "", who: str = "",
               note: str = "") -> Batch:
    """Remove a tie as read in `graph`."""
    a, r, b, d = edge_key(source, rel, target, discriminator)
    key = graph_key(r, d)
    state = graph.edges[a, b, key] if graph.has_edge(a, b, key) else None
    return Batch(removals=[("edge", a, r, b, d)], expect={edge_key_text(a, r, b, key): fingerprint(state)},
                 change=_change(who, note, element=source))


def merge_nodes(graph, keep: str, other: str, who: str = "", note: str = "", read: dict | None = None) -> Batch:
    """Two elements found to be one: `keep` takes every field, other name,
    identifier, source and conflict of `other` (graph.merge.fold_into) and
    every one of its ties; `other` goes. One change, undone as one. Ties
    between the two go with `other` (a tie of an element with itself says
    nothing). `read`: the two as the user compared them (a page keeps them),
    else as in `graph`."""
    for node_id in (keep, other):
        if node_id not in graph:
            raise Refused("unknown_element", text=node_id, ids=[])
    if keep == other:
        raise Refused("merge_itself", id=keep)
    read = read or {}
    kept, gone = read.get(keep, graph.nodes[keep]), read.get(other, graph.nodes[other])
    if kept.get("kind") != gone.get("kind"):
        raise Refused("merge_other_kind", id=other, kind=gone.get("kind"), expected=kept.get("kind"))
    attrs = fold_into({**kept, "id": keep}, gone, other)
    source = edit_source(who, note)
    sources = [*attrs.pop("sources"), source]
    conflicts = attrs.pop("conflicts", {})
    node = Node(keep, kept.get("kind"), attrs, sorted(set(sources)), conflicts)
    edges = []
    for u, rel, v, discriminator, data in ties_of(graph, other, records=True):
        u, v = (keep if u == other else u), (keep if v == other else v)
        if u == v:
            continue
        props = {k: val for k, val in data.items() if k not in ("type", "key", "sources", "conflicts")}
        edges.append(Edge(u, rel, v, props, list(data.get("sources", [])), dict(data.get("conflicts") or {}),
                          discriminator))
    expect = {node_key(keep): fingerprint(kept), node_key(other): fingerprint(gone)}
    return Batch(replacements=[node], edges=edges, removals=[("node", other)], expect=expect,
                 change=_change(who, note, MERGE, element=keep, merged=other))


def not_same(graph, a: str, b: str, who: str = "", note: str = "", read: dict | None = None) -> Batch:
    """Two elements a user says are not one: each remembers the other
    (`distinct_from`), so the pair is not proposed as duplicates again.
    `read` as for merge_nodes."""
    if a == b:
        raise Refused("merge_itself", id=a)
    batch = Batch(change=_change(who, note, NOT_SAME, element=a, other=b))
    for this, that in ((a, b), (b, a)):
        if this not in graph:
            raise Refused("unknown_element", text=this, ids=[])
        data = (read or {}).get(this, graph.nodes[this])
        known = data.get("distinct_from") if isinstance(data.get("distinct_from"), list) else []
        edit = edit_state(this, data.get("kind"), data, {"distinct_from": sorted({*known, that})}, who, note)
        batch.replacements += edit.replacements
        batch.expect.update(edit.expect)
    return batch


def follow_up(graph, org: str, partner: str, status: str, who: str = "", note: str = "",
              today: date | None = None, add_partnership: bool = False) -> Batch:
    """What became of `partner`, suggested to `org`: one of
    FOLLOW_UP_STATUSES, with its date, who recorded it and a note. A record
    about the network (FOLLOWS_UP), never a tie of it; a new record for the
    pair replaces the previous one (the journal keeps each). With
    `add_partnership` (« déjà partenaires », confirmed), the missing
    partnership is added in the same change."""
    for node_id in (org, partner):
        if graph.nodes.get(node_id, {}).get("kind") != ORGANISATION:
            raise Refused("not_an_organisation", text=node_id, ids=[])
    if org == partner:
        raise Refused("own_partner", id=org)
    if status not in FOLLOW_UP_STATUSES:
        raise Refused("unknown_status", value=status, expected=list(FOLLOW_UP_STATUSES))
    source = edit_source(who, note, today)
    props = {"status": status, "date": (today or date.today()).isoformat(), "who": who.strip(), "note": note.strip()}
    key = graph_key("FOLLOWS_UP")
    read = graph.edges[org, partner, key] if graph.has_edge(org, partner, key) else None
    batch = Batch(replacements=[Edge(org, "FOLLOWS_UP", partner, props, [source])],
                  expect={edge_key_text(org, "FOLLOWS_UP", partner, key): fingerprint(read)},
                  change=_change(who, note, FOLLOW_UP, element=org, partner=partner, status=status))
    if add_partnership and status == "already_partners":
        batch.edges.append(Edge(org, "PARTNER_OF", partner, {}, [source]))
    return batch


def ties_of(graph, node_id: str, records: bool = False) -> list:
    """(source, relation, target, discriminator, attributes) of every tie of
    an element, either way; with `records`, the records about it too
    (follow-ups: not ties, but a merge carries them over)."""
    out = []
    for u, v, key, data in list(graph.in_edges(node_id, keys=True, data=True)) + \
            [e for e in graph.out_edges(node_id, keys=True, data=True) if e[0] != e[1]]:
        rel, discriminator = split_graph_key(key)
        if records or rel not in RECORDS:
            out.append((u, rel, v, discriminator, data))
    return out


def find_element(graph, text: str, kind: str | None = None) -> str:
    """The id of the element `text` names exactly (its id, name, acronym or
    another name); an edit never takes a guess (Refused otherwise)."""
    index = NameIndex.from_graph(graph)
    match = index.find(text, kind, fuzzy=False)
    if match.id and match.how in ("id", "exact"):
        return match.id
    if match.how == "ambiguous":
        raise Refused("ambiguous_element", text=text, ids=list(match.candidates))
    raise Refused("unknown_element", text=text, ids=index.containing(text, kind or ORGANISATION)[:5])
