"""Exports: JSON node-link data (networkx), GraphML and GEXF (Gephi), and the
elements/connections CSV pair that `load` reads back. Contact details are
left out unless asked for, and so are people. Text cells that a spreadsheet
would run as a formula are neutralised in CSV with a leading apostrophe.

Two scopes: the full graph (organisations, territories, projects...) or the
organisations' graph the metrics are computed on (graph.analytics.actor:
one tie per pair of organisations, its strength as weight, its reasons).
An interface adds a `Presentation`: readable names in the user's language,
the metrics, and the colours, sizes and positions of what it shows. JSON,
GraphML and GEXF carry them (GEXF's colours, sizes and positions in its viz
namespace, which Gephi applies); they are derived, and not read back
(`DERIVED`). The CSV pair carries the data only.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import networkx as nx

from . import gexf
from .analytics.metrics import NODE_METRICS
from .model import CONTACT_FIELDS, PERSON, looks_like_formula, split_graph_key

FORMATS = ("json", "graphml", "gexf", "csv")
SCOPES = ("full", "organisations")
# Attributes that hold lists or dicts; GraphML and GEXF carry them as JSON text.
STRUCTURED = ("sources", "conflicts", "aliases", "tags")
# What an export adds to the data, recomputed rather than loaded back.
WORDED = ("kind", "sphere", "category")          # node fields whose codes get a readable `<field>_label`
DERIVED = frozenset(NODE_METRICS) | {f"{name}_label" for name in WORDED} | {"label", "colour", "size", "x", "y"}
DERIVED_TIES = frozenset({"relation_label", "reasons_label"})     # a tie's `label` is data (Kumu's wordings)


@dataclass
class Presentation:
    """What an interface adds to an export; everything optional."""
    titles: dict = field(default_factory=dict)        # attribute -> its readable title (GEXF)
    words: dict = field(default_factory=dict)         # a WORDED field -> {code: its readable name}
    relations: dict = field(default_factory=dict)     # relation -> its readable name
    tie_reasons: Callable[[list], str] | None = None  # an actor tie's reasons -> a readable text
    metrics: dict = field(default_factory=dict)       # organisation -> {metric: value}
    colours: dict = field(default_factory=dict)       # node -> "#rrggbb"
    sizes: dict = field(default_factory=dict)         # node -> size
    positions: dict = field(default_factory=dict)     # node -> (x, y)
    description: str = ""


def scoped(graph, scope: str = "full", with_persons: bool = False):
    """The graph to export: the full graph (people only when asked), or the
    organisations' graph with the organisations' own attributes."""
    if scope not in SCOPES:
        raise ValueError(f"unknown export scope {scope!r}; expected one of {', '.join(SCOPES)}")
    if scope == "organisations":
        from .analytics.actor import actor_graph
        actor = actor_graph(graph)
        out = nx.Graph()
        out.add_nodes_from((node, dict(graph.nodes[node])) for node in actor)
        out.add_edges_from((u, v, {"weight": data["weight"], "group_only": data["group_only"],
                                   "reasons": [list(reason) for reason in data["reasons"]]})
                           for u, v, data in actor.edges(data=True))
        return out
    if with_persons:
        return graph
    # a view: what follows copies it anyway (without_contacts, presented)
    return graph.subgraph([n for n, d in graph.nodes(data=True) if d.get("kind") != PERSON])


def presented(graph, presentation: Presentation | None):
    """A copy with what the presentation adds: readable kinds, relations and
    reasons, the metrics, and colour, size and position (x, y)."""
    out = graph.copy()
    p = presentation or Presentation()
    for node, data in out.nodes(data=True):
        data["label"] = data.get("name", str(node))
        for name in WORDED:
            if data.get(name) in p.words.get(name, {}):
                data[f"{name}_label"] = p.words[name][data[name]]
        data.update(p.metrics.get(node, {}))
        if node in p.colours:
            data["colour"] = p.colours[node]
        if node in p.sizes:
            data["size"] = float(p.sizes[node])
        if node in p.positions:
            data["x"], data["y"] = (float(c) for c in p.positions[node])
    for *_, data in out.edges(data=True, **({"keys": True} if out.is_multigraph() else {})):
        if data.get("type") in p.relations:
            data["relation_label"] = p.relations[data["type"]]
        if "reasons" in data and p.tie_reasons:
            data["reasons_label"] = p.tie_reasons(data["reasons"])
    return out


def without_contacts(graph, with_contacts=False):
    if with_contacts:
        return graph
    out = graph.copy()
    for data in [d for _, d in out.nodes(data=True)] + [d for *_, d in out.edges(data=True)]:
        for name in CONTACT_FIELDS:
            data.pop(name, None)
    return out


def node_link(graph) -> dict:
    return nx.node_link_data(graph, edges="edges")


def flat(graph):
    """A copy with every attribute a scalar, for GraphML."""
    out = graph.copy()
    items = [d for _, d in out.nodes(data=True)] + [d for *_, d in out.edges(data=True)]
    for data in items:
        for name, value in list(data.items()):
            if isinstance(value, (list, dict, tuple)):
                data[name] = json.dumps(value, ensure_ascii=False, sort_keys=True)
            elif value is None:
                del data[name]
    return out


def write_gexf(graph, output, presentation: Presentation | None):
    """GEXF 1.3 (graph.gexf): the relation is the edge's `kind` and an
    ordinary `relation` attribute, never GEXF's reserved `type` (directed,
    undirected or mutual); colours, sizes and positions in viz."""
    p = presentation or Presentation()
    nodes = []
    for node, data in graph.nodes(data=True):
        attributes = {k: v for k, v in data.items() if k not in ("label", "colour", "size", "x", "y")}
        viz = {"colour": data.get("colour"), "size": data.get("size"),
               "position": (data["x"], data["y"]) if "x" in data else None}
        nodes.append((node, data["label"], attributes, viz))
    edges = []
    for u, v, *rest in graph.edges(data=True, **({"keys": True} if graph.is_multigraph() else {})):
        data = dict(rest[-1])
        if "type" in data:
            data["relation"] = data.pop("type")
        if len(rest) == 2:
            data["key"] = split_graph_key(rest[0])[1] or None
        label = data.get("relation_label") or data.get("reasons_label") or data.get("relation")
        edges.append((u, v, label, data.get("relation"), data.pop("weight", None), data))
    titles = {"kind": "kind", "name": "name", **p.titles}
    gexf.write(output, nodes, edges, directed=graph.is_directed(), titles=titles, description=p.description)


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


def export(graph, fmt: str, output, with_contacts: bool = False, *, scope: str = "full",
           with_persons: bool = False, presentation: Presentation | None = None):
    """Write the graph; returns the paths written. For csv, `output` is a
    folder that receives elements.csv and connections.csv."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    graph = without_contacts(scoped(graph, scope, with_persons), with_contacts)
    output = Path(output)
    if fmt == "csv":
        return write_csv_pair(graph, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    shown = presented(graph, presentation)
    if fmt == "json":
        output.write_text(json.dumps(node_link(shown), ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(flat(shown), output)
    elif fmt == "gexf":
        write_gexf(shown, output, presentation)
    return [output]
