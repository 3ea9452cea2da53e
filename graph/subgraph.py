"""Which part of the graph a view asks for: nodes of some kinds, anchored in
some territories (and the territories inside them) or working on some
themes. Pure; the embedded store applies it, the Neo4j store computes the
same selection in Cypher (graph.store.cypher) and the contract tests hold
both to one answer."""
from __future__ import annotations

from .bulk import paused_gc, writable_copy
from .model import (ANCHORING, HIERARCHY, ORGANISATION, PLACING, PROJECT, PROJECT_TIES, THEME, THEMING, TERRITORY,
                    fold, relation)


def match_names(candidates, wanted) -> set:
    """Ids among (id, name, aliases) whose id, name or alias is wanted
    (accent- and case-free)."""
    wanted_folded = {fold(w) for w in wanted}
    out = set()
    for node_id, name, aliases in candidates:
        names = {fold(name or "")} | {fold(a) for a in (aliases or [])}
        if node_id in wanted or names & wanted_folded:
            out.add(node_id)
    return out


def territories_inside(graph, territory) -> set:
    """The territories inside `territory`, at any depth (through PART_OF)."""
    inside, frontier = set(), {territory}
    while frontier:
        frontier = {u for t in frontier for u, _, k in graph.in_edges(t, keys=True)
                    if relation(k) == HIERARCHY and graph.nodes[u].get("kind") == TERRITORY} - inside
        inside |= frontier
    return inside


def named(graph, kind, wanted) -> set:
    """Ids of the nodes of `kind` that `wanted` (names, aliases or ids) names."""
    return match_names(((n, d.get("name"), d.get("aliases")) for n, d in graph.nodes(data=True)
                        if d.get("kind") == kind), wanted)


def induced(graph, nodes, relations=None):
    """The subgraph of the MultiDiGraph `graph` on `nodes` (with only the
    ties whose relation is in `relations`, when given), as a new graph whose
    attributes are copies, as graph.subgraph(nodes).copy() gives: built
    straight from the adjacency, without networkx's filtered views, which
    test their filters at every step (bench/subgraph_copy.py compares)."""
    keep = nodes if isinstance(nodes, (set, frozenset)) else set(nodes)
    wanted = set(relations) if relations is not None else None
    with paused_gc():
        return writable_copy(graph, nodes=keep, ties=None if wanted is None else lambda k: relation(k) in wanted)


def selected(graph, kinds=None, territories=None, themes=None) -> set:
    """The nodes of the selection."""
    keep = set(graph)
    if territories:
        places = named(graph, TERRITORY, territories)
        places |= {inner for t in places for inner in territories_inside(graph, t)}
        keep &= places | {u for t in places for u, _, k in graph.in_edges(t, keys=True)
                                   if relation(k) in ANCHORING}
    if themes:
        topics = named(graph, THEME, themes)
        keep &= topics | {u for t in topics for u, _, k in graph.in_edges(t, keys=True)
                                   if relation(k) in THEMING}
    if kinds:
        keep = {n for n in keep if graph.nodes[n].get("kind") in set(kinds)}
    return keep


def select(graph, kinds=None, territories=None, themes=None):
    """The induced subgraph of the selection, as a new MultiDiGraph."""
    return induced(graph, selected(graph, kinds, territories, themes))


def acting_in(graph, territory) -> dict:
    """Organisation id -> how it acts in `territory` or a territory inside
    it: {"ties": [(relation, place)], "projects": {relation: [project ids]}}:
    based or active there itself, or leading, taking part in or funding a
    project that targets it (IATI activities tie organisations to places
    through their projects)."""
    inside = {territory} | territories_inside(graph, territory)
    out = {}
    for source, place, key in graph.in_edges(inside, keys=True):
        rel, kind = relation(key), graph.nodes[source].get("kind")
        if rel in PLACING and kind == ORGANISATION:
            out.setdefault(source, {"ties": [], "projects": {}})["ties"].append((rel, place))
        elif rel in ANCHORING and kind == PROJECT:
            for org, _, k in graph.in_edges(source, keys=True):
                if relation(k) in PROJECT_TIES and graph.nodes[org].get("kind") == ORGANISATION:
                    found = out.setdefault(org, {"ties": [], "projects": {}})["projects"].setdefault(relation(k), [])
                    if source not in found:
                        found.append(source)
    return out
