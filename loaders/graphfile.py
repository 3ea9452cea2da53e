"""Whole graphs in the formats `export` writes: node-link JSON (networkx's
layout), GraphML and GEXF (Gephi). Nodes need `kind` and `name` (a GEXF
node's label stands for its name), edges need `type` (in GEXF, the
`relation` attribute or the edge's kind); the same validation as for
spreadsheets applies, each problem placed at its element (the n-th node or
edge of the file) and field. What an export adds (metrics, readable labels,
colours: graph.export.DERIVED) is not read back: it is computed again.

Files are read as data, never trusted: JSON nested deeper than a graph
needs is refused before it is walked; XML is parsed by defusedxml first,
which refuses entities and document types (external files, expansion bombs).
"""
from __future__ import annotations

import json
from pathlib import Path

import defusedxml.ElementTree as safe_xml
import networkx as nx
from defusedxml import DefusedXmlException

from graph import gexf, model, settings
from graph.export import DERIVED, DERIVED_TIES, STRUCTURED
from graph.model import Batch, Edge, Node, Origin, Problem

from .tables import TableError, decode, read_bytes

# A node-link graph is 4 levels deep (file, nodes, node, a list value); a
# conflicts record 3 more. Deeper is not a graph: refused before walking it.
MAX_JSON_DEPTH = settings.value("limit.json_depth")
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"


def _depth(value) -> int:
    """How deeply lists and dicts nest in `value`, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _json_elements(text, file):
    """(nodes, edges) of a node-link file: lists of (position, id or ends,
    key, attributes); a workspace file (graph.json) is read too."""
    try:
        payload = json.loads(text)
    except RecursionError:
        raise TableError(Problem(file, None, None, "json_too_deep", {"most": MAX_JSON_DEPTH})) from None
    except ValueError as exc:
        raise TableError(Problem(file, getattr(exc, "lineno", None), None, "not_json",
                                 {"detail": getattr(exc, "msg", str(exc))})) from None
    if _depth(payload) > MAX_JSON_DEPTH:
        raise TableError(Problem(file, None, None, "json_too_deep", {"most": MAX_JSON_DEPTH}))
    if isinstance(payload, dict) and isinstance(payload.get("graph"), dict) and "format" in payload:
        payload = payload["graph"]              # a workspace file
    edges = payload.get("edges", payload.get("links", [])) if isinstance(payload, dict) else None
    if not isinstance(payload, dict) or not isinstance(payload.get("nodes"), list) or not isinstance(edges, list):
        raise TableError(Problem(file, None, None, "not_node_link", {}))
    nodes = []
    for position, item in enumerate(payload["nodes"], start=1):
        attrs = dict(item) if isinstance(item, dict) else {}
        nodes.append((position, attrs.pop("id", None), None, attrs))
    ties = []
    for position, item in enumerate(edges, start=1):
        attrs = dict(item) if isinstance(item, dict) else {}
        ends = (attrs.pop("source", None), attrs.pop("target", None))
        ties.append((position, ends, attrs.pop("key", None), attrs))
    return nodes, ties


def _graphml_elements(text, file):
    tree = _xml(text, file, "not_graphml")
    ids = [n.get("id") for n in tree.iter(f"{GRAPHML_NS}node")]
    try:
        graph = nx.parse_graphml(text, force_multigraph=True)
    except (ValueError, KeyError, TypeError, AttributeError, nx.NetworkXError) as exc:
        raise TableError(Problem(file, None, None, "not_graphml", {"detail": str(exc)[:200]})) from None
    seen = set()
    for position, node_id in enumerate(ids, start=1):
        if node_id in seen:
            raise TableError(Problem(file, position, "id", "duplicate_element_id", {"id": str(node_id)}))
        seen.add(node_id)
    # an export's `label` (the name again) is dropped with the rest of DERIVED
    nodes = [(position, node_id, None, _unpacked(dict(data)))
             for position, (node_id, data) in enumerate(graph.nodes(data=True), start=1)]
    ties = [(position, (u, v), key, _unpacked(dict(data)))
            for position, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True), start=1)]
    return nodes, ties


def _gexf_elements(text, file):
    root = _xml(text, file, "not_gexf")
    try:
        found_nodes, found_edges = gexf.read(root)
    except ValueError as exc:
        raise TableError(Problem(file, None, None, "not_gexf", {"detail": str(exc)[:200]})) from None
    nodes = []
    for position, (node_id, label, data) in enumerate(found_nodes, start=1):
        data.setdefault("name", node_id if label is None else label)   # Gephi shows a node without label by its id
        nodes.append((position, node_id, None, _unpacked(data)))
    ties = []
    for position, (source, target, kind, _, weight, data) in enumerate(found_edges, start=1):
        rel = data.pop("relation", None) or kind
        if rel is not None:
            data.setdefault("type", rel)
        written = data.pop("networkx_key", None)        # networkx writes the whole key
        discriminator = data.pop("key", None) or (model.split_graph_key(written)[1] if written else None)
        if weight is not None:
            data.setdefault("weight", weight)
        ties.append((position, (source, target), f"{rel}#{discriminator}" if discriminator else rel,
                     _unpacked(data)))
    return nodes, ties


def _xml(text, file, code):
    """The root of an XML document, parsed safely (no entities, no DTD)."""
    try:
        return safe_xml.fromstring(text.encode("utf-8"))
    except DefusedXmlException:
        raise TableError(Problem(file, None, None, "xml_entities", {})) from None
    except safe_xml.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise TableError(Problem(file, line, None, code, {"detail": str(exc)})) from None


def _unpacked(data: dict) -> dict:
    """GraphML carries lists and records as JSON text (graph.export.flat)."""
    for name in STRUCTURED:
        if isinstance(data.get(name), str):
            try:
                data[name] = json.loads(data[name])
            except ValueError:
                pass
    return data


def _cleaned(value):
    """Texts as the tables' cells are kept: NFC, no invisible characters."""
    if isinstance(value, str):
        return model.clean_text(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value


def _sources(value, default):
    """A source given as one text is one source, not a list of letters."""
    if value is None or value == []:
        return [default]
    return [value] if isinstance(value, str) else value


def read_graph_file(path, fmt) -> Batch:
    file = str(path)
    text, _, _ = decode(read_bytes(path), file)
    nodes, ties = {"json": _json_elements, "graphml": _graphml_elements, "gexf": _gexf_elements}[fmt](text, file)
    name = Path(file).name
    batch = Batch()
    kinds, first = {}, {}
    for position, node_id, _, data in nodes:
        data = {field: _cleaned(value) for field, value in data.items() if field not in DERIVED}

        def where(column, code, /, p=position, n=node_id, **values):
            return Problem(file, p, column, code, dict(values, element="node", element_id=str(n)[:60]))
        if not isinstance(node_id, (str, int)) or isinstance(node_id, bool) or str(node_id).strip() == "":
            batch.errors.append(where("id", "bad_id", id=repr(node_id)[:40]))
            continue
        node_id = str(node_id)
        if node_id in first:
            batch.errors.append(where("id", "duplicate_element_id", id=node_id, first=first[node_id]))
            continue
        first[node_id] = position
        kind = data.pop("kind", None)
        if kind is None:
            batch.errors.append(where("kind", "no_kind"))
            continue
        if data.get("name") is None:
            batch.errors.append(where("name", "empty_name"))
            continue
        data, neutral = model.neutralised(data, where)
        batch.warnings += neutral
        node = Node(node_id, kind, data, _sources(data.pop("sources", None), f"{name}:node {node_id}"),
                    data.pop("conflicts", None) or {})
        node.origin = Origin(file, position, True)
        problems = model.validate_node(node, where)
        if problems:
            batch.errors += problems
            continue
        kinds[node.id] = kind
        batch.nodes.append(node)
    for position, (source, target), key, data in ties:
        data = {field: _cleaned(value) for field, value in data.items() if field not in DERIVED_TIES}

        def where(column, code, /, p=position, s=source, t=target, **values):
            return Problem(file, p, column, code, dict(values, element="edge", element_id=f"{s} → {t}"[:80]))
        if not all(isinstance(end, (str, int)) and not isinstance(end, bool) for end in (source, target)):
            batch.errors.append(where(None, "bad_id", id=repr((source, target))[:40]))
            continue
        key = "" if key is None else str(key)
        key_rel, discriminator = model.split_graph_key(key)
        rel = data.pop("type", None) or (key_rel if key_rel in model.RELATIONS else None)
        if rel is None:
            batch.errors.append(where("type", "no_type"))
            continue
        data, neutral = model.neutralised(data, where)
        batch.warnings += neutral
        edge = Edge(str(source), rel, str(target), data,
                    _sources(data.pop("sources", None), f"{name}:edge {source}-{target}"),
                    data.pop("conflicts", None) or {}, discriminator)
        edge.origin = Origin(file, position, True)
        problems = model.validate_edge(edge, kinds.get(edge.source), kinds.get(edge.target), where)
        if problems:
            batch.errors += problems
            continue
        batch.edges.append(edge)
    return batch
