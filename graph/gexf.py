"""GEXF 1.3 (Gephi's format), written and read here rather than through
networkx: networkx writes 1.2draft, and its "1.3" output does not validate
against the 1.3 schema (attributes the schema removed, a wrong XML Schema
namespace). The tests validate what this module writes against the
schema's RELAX NG grammar.

Attributes have an id (the code a program reads back: `betweenness`) and a
title (what Gephi shows: « Intermédiarité »). Colours, sizes and positions
go in the viz namespace, which Gephi applies on opening.
"""
from __future__ import annotations

import datetime
import json
import math

from lxml import etree

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
# the namespaces of the versions a GEXF file may come in, for reading
KNOWN_NS = (NS, "http://www.gexf.net/1.2draft", "http://www.gexf.net/1.1draft", "http://gexf.net/1.2")


def _type_of(values) -> str:
    """The GEXF type that holds every value of one attribute."""
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _declare(parent, cls: str, rows, titles: dict) -> dict:
    """<attributes class=cls> for every attribute the rows carry; returns
    attribute id -> its type."""
    names = sorted({name for row in rows for name, value in row.items() if _kept(value)})
    types = {name: _type_of([row[name] for row in rows if _kept(row.get(name))]) for name in names}
    if names:
        block = etree.SubElement(parent, f"{{{NS}}}attributes", {"class": cls})
        for name in names:
            etree.SubElement(block, f"{{{NS}}}attribute", {"id": name, "title": titles.get(name, name),
                                                           "type": types[name]})
    return types


def _kept(value) -> bool:
    return value is not None and not (isinstance(value, float) and (math.isnan(value) or math.isinf(value)))


def _values(parent, row: dict, types: dict):
    kept = [(name, value) for name, value in sorted(row.items()) if name in types and _kept(value)]
    if kept:
        block = etree.SubElement(parent, f"{{{NS}}}attvalues")
        for name, value in kept:
            etree.SubElement(block, f"{{{NS}}}attvalue", {"for": name, "value": _text(value)})


def _colour(hex_colour: str) -> dict:
    h = hex_colour.lstrip("#")
    return {"r": str(int(h[0:2], 16)), "g": str(int(h[2:4], 16)), "b": str(int(h[4:6], 16))}


def write(path, nodes, edges, *, directed: bool, titles: dict, description: str = "",
          today: datetime.date | None = None):
    """Write a GEXF 1.3 file.

    nodes: (id, label, attributes, viz) with viz a dict that may hold
    `colour` ("#rrggbb"), `size` and `position` ((x, y)); edges: (source,
    target, label, kind, weight or None, attributes). `titles`: attribute
    id -> the title shown in Gephi."""
    nodes, edges = list(nodes), list(edges)
    root = etree.Element(f"{{{NS}}}gexf", nsmap={None: NS, "viz": VIZ}, version="1.3")
    meta = etree.SubElement(root, f"{{{NS}}}meta",
                            lastmodifieddate=(today or datetime.date.today()).isoformat())
    etree.SubElement(meta, f"{{{NS}}}creator").text = "Passerelles"
    if description:
        etree.SubElement(meta, f"{{{NS}}}description").text = description
    graph = etree.SubElement(root, f"{{{NS}}}graph", defaultedgetype="directed" if directed else "undirected")
    node_types = _declare(graph, "node", [n[2] for n in nodes], titles)
    edge_types = _declare(graph, "edge", [e[5] for e in edges], titles)
    block = etree.SubElement(graph, f"{{{NS}}}nodes", count=str(len(nodes)))
    for node_id, label, attributes, viz in nodes:
        element = etree.SubElement(block, f"{{{NS}}}node", id=str(node_id), label=str(label))
        _values(element, attributes, node_types)
        if viz.get("colour"):
            etree.SubElement(element, f"{{{VIZ}}}color", _colour(viz["colour"]))
        if viz.get("position") is not None:
            x, y = viz["position"]
            etree.SubElement(element, f"{{{VIZ}}}position", x=repr(float(x)), y=repr(float(y)))
        if viz.get("size") is not None:
            etree.SubElement(element, f"{{{VIZ}}}size", value=repr(float(viz["size"])))
    block = etree.SubElement(graph, f"{{{NS}}}edges", count=str(len(edges)))
    for number, (source, target, label, kind, weight, attributes) in enumerate(edges):
        element = etree.SubElement(block, f"{{{NS}}}edge", id=str(number), source=str(source),
                                   target=str(target))
        if label:
            element.set("label", str(label))
        if kind:
            element.set("kind", str(kind))
        if weight is not None:
            element.set("weight", repr(float(weight)))
        _values(element, attributes, edge_types)
    etree.ElementTree(root).write(str(path), xml_declaration=True, encoding="utf-8", pretty_print=True)


def _typed(value: str, kind: str):
    if kind == "boolean":
        return value.strip().lower() in ("true", "1")
    try:
        if kind in ("integer", "long", "short", "byte", "biginteger"):
            return int(value)
        if kind in ("double", "float", "bigdecimal"):
            return float(value)
    except ValueError:
        return value
    return value


def read(root) -> tuple[list, list]:
    """(nodes, edges) of a parsed GEXF document (an ElementTree root, parsed
    safely by the caller): nodes as (id, label, attributes), edges as
    (source, target, kind, label, weight, attributes), the kind read from a
    misused `type` too. An attribute is named by its
    id, or by its title where the id is a bare number (networkx and some
    tools number them). Raises ValueError when it is not GEXF."""
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if ns not in KNOWN_NS or root.tag != f"{{{ns}}}gexf":
        raise ValueError(f"root element {root.tag!r}")
    graph = root.find(f"{{{ns}}}graph")
    if graph is None:
        raise ValueError("no <graph>")
    declared = {"node": {}, "edge": {}}
    for block in graph.findall(f"{{{ns}}}attributes"):
        for attribute in block.findall(f"{{{ns}}}attribute"):
            ident, title = attribute.get("id", ""), attribute.get("title") or attribute.get("id", "")
            declared.setdefault(block.get("class", "node"), {})[ident] = (
                title if ident.isdigit() else ident, attribute.get("type", "string"))

    def values(element, cls):
        out = {}
        block = element.find(f"{{{ns}}}attvalues")
        for item in ([] if block is None else block.findall(f"{{{ns}}}attvalue")):
            name, kind = declared[cls].get(item.get("for"), (item.get("for"), "string"))
            out[name] = _typed(item.get("value", ""), kind)
        return out

    nodes = [(n.get("id"), n.get("label"), values(n, "node")) for n in graph.iter(f"{{{ns}}}node")]
    edges = []
    for e in graph.iter(f"{{{ns}}}edge"):
        weight = _typed(e.get("weight"), "double") if e.get("weight") is not None else None
        # networkx (and older writers) put the relation in the reserved `type`
        misused = e.get("type") if e.get("type") not in (None, "directed", "undirected", "mutual") else None
        edges.append((e.get("source"), e.get("target"), e.get("kind") or misused, e.get("label"), weight,
                      values(e, "edge")))
    return nodes, edges
