"""Whole graphs in the formats `export` writes: node-link JSON (networkx)
and GraphML. Nodes need `kind` and `name`, edges need `type`; the same
validation as for spreadsheets applies."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from graph import model
from graph.export import STRUCTURED
from graph.model import Batch, Edge, Node, Origin, Problem

from .tables import TableError, decode, read_bytes


def _parse(path, fmt):
    file = str(path)
    data = read_bytes(path)
    text, _ = decode(data, file)
    try:
        if fmt == "json":
            payload = json.loads(text)
            if isinstance(payload, dict) and "graph" in payload and "format" in payload:
                payload = payload["graph"]          # a workspace file
            edges = "edges" if "edges" in payload else "links"
            return nx.node_link_graph(payload, directed=True, multigraph=True, edges=edges)
        graph = nx.parse_graphml(text, force_multigraph=True)
        for _, data in graph.nodes(data=True):
            if data.get("label") == data.get("name"):
                data.pop("label")
        for data in [d for _, d in graph.nodes(data=True)] + [d for *_, d in graph.edges(keys=True, data=True)]:
            for name in STRUCTURED:
                if isinstance(data.get(name), str):
                    try:
                        data[name] = json.loads(data[name])
                    except ValueError:
                        pass
        return graph
    except (ValueError, KeyError, TypeError, AttributeError, nx.NetworkXError) as exc:
        what = "JSON node-link data" if fmt == "json" else "GraphML"
        raise TableError(Problem(file, None, None, f"not valid {what} ({exc})")) from None
    except Exception as exc:  # lxml/expat parse errors have no common base
        raise TableError(Problem(file, None, None, f"not valid GraphML ({exc})")) from None


def read_graph_file(path, fmt) -> Batch:
    graph = _parse(path, fmt)
    file = str(path)
    name = Path(file).name
    batch = Batch()
    kinds = {}
    for position, (node_id, data) in enumerate(graph.nodes(data=True), start=1):
        data = dict(data)
        kind = data.pop("kind", None)
        where = lambda column, message, p=position, n=node_id: Problem(file, p, column, f"node {n!r}: {message}")  # noqa: E731
        if kind is None:
            batch.errors.append(where("kind", "no kind"))
            continue
        sources = data.pop("sources", None) or [f"{name}:node {node_id}"]
        conflicts = data.pop("conflicts", None) or {}
        node = Node(str(node_id), kind, data, list(sources), conflicts)
        node.origin = Origin(file, position, True)
        problems = model.validate_node(node, where)
        if problems:
            batch.errors += problems
            continue
        kinds[node.id] = kind
        batch.nodes.append(node)
    for position, (source, target, key, data) in enumerate(graph.edges(keys=True, data=True), start=1):
        data = dict(data)
        key_rel, discriminator = model.split_graph_key(key)
        rel = data.pop("type", None) or (key_rel if key_rel in model.RELATIONS else None)
        where = lambda column, message, p=position: Problem(file, p, column, f"edge {source!r} -> {target!r}: {message}")  # noqa: E731
        if rel is None:
            batch.errors.append(where("type", "no type"))
            continue
        data.pop("key", None)
        sources = data.pop("sources", None) or [f"{name}:edge {source}-{target}"]
        conflicts = data.pop("conflicts", None) or {}
        edge = Edge(str(source), rel, str(target), data, list(sources), conflicts, discriminator)
        edge.origin = Origin(file, position, True)
        problems = model.validate_edge(edge, kinds.get(edge.source), kinds.get(edge.target), where)
        if problems:
            batch.errors += problems
            continue
        batch.edges.append(edge)
    return batch
