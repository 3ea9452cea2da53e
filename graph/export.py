"""Exports: JSON node-link data (networkx), GraphML and GEXF (Gephi), and the
elements/connections CSV pair that `load` reads back. Contact details are
left out unless asked for. Text cells that a spreadsheet would run as a
formula are neutralised in CSV with a leading apostrophe.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from .model import CONTACT_FIELDS, looks_like_formula, split_graph_key

FORMATS = ("json", "graphml", "gexf", "csv")
# Attributes that hold lists or dicts; GraphML and GEXF carry them as JSON text.
STRUCTURED = ("sources", "conflicts", "aliases", "tags")


def without_contacts(graph, with_contacts=False):
    if with_contacts:
        return graph
    out = graph.copy()
    for data in [d for _, d in out.nodes(data=True)] + [d for *_, d in out.edges(keys=True, data=True)]:
        for name in CONTACT_FIELDS:
            data.pop(name, None)
    return out


def node_link(graph) -> dict:
    return nx.node_link_data(graph, edges="edges")


def flat(graph):
    """A copy with every attribute a scalar, for GraphML and GEXF."""
    out = graph.copy()
    items = [d for _, d in out.nodes(data=True)] + [d for *_, d in out.edges(data=True, keys=True)]
    for data in items:
        for name, value in list(data.items()):
            if isinstance(value, (list, dict, tuple)):
                data[name] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            elif value is None:
                del data[name]
    for node, data in out.nodes(data=True):
        data.setdefault("label", data.get("name", node))
    return out


def gexf_ready(graph):
    """GEXF reserves an edge's `type` for directed / undirected / mutual
    (Gephi warns once per edge otherwise): the relation goes in an ordinary
    `relation` attribute. In place; returns the graph."""
    for *_, data in graph.edges(keys=True, data=True):
        if "type" in data:
            data["relation"] = data.pop("type")
    return graph


def spreadsheet_cell(value) -> str:
    if isinstance(value, (list, tuple)):
        text = "|".join(str(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    elif isinstance(value, float) and value.is_integer():
        text = repr(value)
    else:
        text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def write_csv_pair(graph, folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    node_fields = sorted({k for _, d in graph.nodes(data=True) for k in d} - {"kind", "name", "sources", "conflicts"})
    with open(folder / "elements.csv", "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["Id", "Label", "Kind", *node_fields, "Sources", "Conflicts"])
        for node, data in sorted(graph.nodes(data=True)):
            out.writerow([spreadsheet_cell(node), spreadsheet_cell(data.get("name", "")), data.get("kind", ""),
                          *(spreadsheet_cell(data.get(f)) for f in node_fields),
                          spreadsheet_cell(data.get("sources", [])),
                          spreadsheet_cell(data["conflicts"]) if data.get("conflicts") else ""])
    edge_fields = sorted({k for *_, d in graph.edges(keys=True, data=True) for k in d}
                         - {"type", "sources", "conflicts"})
    with open(folder / "connections.csv", "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["From", "To", "Relation", "Key", *edge_fields, "Sources", "Conflicts"])
        for source, target, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
            out.writerow([spreadsheet_cell(source), spreadsheet_cell(target), data.get("type", ""),
                          split_graph_key(key)[1],
                          *(spreadsheet_cell(data.get(f)) for f in edge_fields),
                          spreadsheet_cell(data.get("sources", [])),
                          spreadsheet_cell(data["conflicts"]) if data.get("conflicts") else ""])
    return [folder / "elements.csv", folder / "connections.csv"]


def export(graph, fmt: str, output, with_contacts: bool = False):
    """Write the graph; returns the paths written. For csv, `output` is a
    folder that receives elements.csv and connections.csv."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    graph = without_contacts(graph, with_contacts)
    output = Path(output)
    if fmt == "csv":
        return write_csv_pair(graph, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "json":
        output.write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(flat(graph), output)
    elif fmt == "gexf":
        nx.write_gexf(gexf_ready(flat(graph)), output)
    return [output]
