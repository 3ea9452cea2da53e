import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from defusedxml import ElementTree

from graph.export import export, spreadsheet_cell, without_contacts
from graph.model import PERSON


def test_formula_cells_are_neutralised_in_csv():
    assert spreadsheet_cell('=HYPERLINK("http://evil","x")') == '\'=HYPERLINK("http://evil","x")'
    assert spreadsheet_cell("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_cell("+33 1 44 83 88 50") == "+33 1 44 83 88 50"
    assert spreadsheet_cell(["a", "b"]) == "a|b"
    assert spreadsheet_cell(-3.0) == "-3.0"


def test_contacts_are_dropped_unless_asked():
    graph = nx.MultiDiGraph()
    graph.add_node("per:x", kind="Person", name="X", email="x@y.org", phone="+33 6", sources=["s"])
    assert "email" not in without_contacts(graph).nodes["per:x"]
    assert without_contacts(graph, with_contacts=True).nodes["per:x"]["email"] == "x@y.org"
    assert graph.nodes["per:x"]["email"] == "x@y.org"        # the stored graph is untouched


def test_csv_export_writes_a_formula_as_text(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("org:x", kind="Organisation", name="X", description="=1+1", sources=["s"])
    export(graph, "csv", tmp_path)
    assert "'=1+1" in (tmp_path / "elements.csv").read_text(encoding="utf-8")


GEXF_SCHEMA = Path(__file__).parents[1] / "data" / "gexf-1.3" / "gexf.rng"


def valid_gexf(path) -> bool:
    from lxml import etree
    schema = etree.RelaxNG(etree.parse(str(GEXF_SCHEMA)))
    ok = schema.validate(etree.parse(str(path)))
    assert ok, str(schema.error_log)[:500]
    return ok


@pytest.fixture(scope="module")
def bundled_graph():
    from conftest import BUNDLED
    from graph.merge import apply_batch
    from loaders import load_paths
    return apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0]


def test_the_schema_refuses_what_gephi_would_not_read(tmp_path):
    """The validation can fail: GEXF's reserved edge `type` holding a relation."""
    from lxml import etree
    bad = tmp_path / "bad.gexf"
    bad.write_text('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"/><node id="b"/>'
                   '</nodes><edges><edge source="a" target="b" type="PARTNER_OF"/></edges></graph></gexf>',
                   encoding="utf-8")
    assert not etree.RelaxNG(etree.parse(str(GEXF_SCHEMA))).validate(etree.parse(str(bad)))


def test_gexf_keeps_the_relation_out_of_its_reserved_edge_type(tmp_path, bundled_graph):
    """GEXF's edge `type` may only say directed, undirected or mutual: the
    relation is the edge's kind and an ordinary attribute, read back by
    networkx; the file is valid GEXF 1.3."""
    graph = bundled_graph
    [path] = export(graph, "gexf", tmp_path / "g.gexf", with_persons=True)
    assert valid_gexf(path)
    edges = [e for e in ElementTree.parse(path).iter() if e.tag.endswith("}edge")]
    assert len(edges) == graph.number_of_edges()
    assert {e.get("type") for e in edges} <= {None, "directed", "undirected", "mutual"}
    assert sorted(e.get("kind") for e in edges) == sorted(d["type"] for *_, d in graph.edges(data=True))
    back = nx.read_gexf(path, version="1.3")
    relations = sorted(d["relation"] for *_, d in back.edges(data=True))
    assert relations == sorted(d["type"] for *_, d in graph.edges(data=True))


def test_people_are_left_out_unless_asked(tmp_path, bundled_graph):
    people = {n for n, d in bundled_graph.nodes(data=True) if d["kind"] == PERSON}
    assert people                                    # the bundled dataset names some
    for fmt in ("gexf", "graphml", "json"):
        [path] = export(bundled_graph, fmt, tmp_path / f"g.{fmt}")
        text = path.read_text(encoding="utf-8")
        assert not any(f'"{p}"' in text for p in people), fmt
        [path] = export(bundled_graph, fmt, tmp_path / f"p.{fmt}", with_persons=True)
        assert all(f'"{p}"' in path.read_text(encoding="utf-8") for p in people), fmt
    export(bundled_graph, "csv", tmp_path / "csv")
    assert not people & {row["Id"] for row in csv.DictReader(open(tmp_path / "csv" / "elements.csv",
                                                                       encoding="utf-8"))}


def test_the_organisations_graph_carries_the_metrics_the_app_shows(tmp_path, bundled_graph):
    """The organisation-to-organisation export: one tie per pair, its
    strength as weight; the metrics, colours and sizes as Gephi reads them
    (networkx reads the file back), equal to what the analytics give."""
    from graph.analytics.actor import actor_graph
    from graph.analytics.metrics import organisation_metrics
    from interface.presentation import SPHERE_COLOURS, for_export
    actor = actor_graph(bundled_graph)
    metrics = organisation_metrics(actor, seed=0)
    shown = for_export(bundled_graph, "fr", metrics)
    [path] = export(bundled_graph, "gexf", tmp_path / "o.gexf", scope="organisations", presentation=shown)
    assert valid_gexf(path)
    back = nx.read_gexf(path, version="1.3")
    assert back.number_of_nodes() == actor.number_of_nodes() and back.number_of_edges() == actor.number_of_edges()
    assert not back.is_directed()
    for u, v, data in actor.edges(data=True):
        assert back[u][v]["weight"] == pytest.approx(data["weight"])
    cfsi = back.nodes["org:cfsi"]
    row = next(r for r in metrics["rows"] if r["id"] == "org:cfsi")
    # attributes under their French titles, values as the app computes them
    assert cfsi["Intermédiarité"] == pytest.approx(row["betweenness"])
    assert cfsi["Liens"] == row["degree"] and cfsi["Communauté"] == row["community"]
    assert cfsi["Sphère"] == "Société civile" and cfsi["label"] == "Comité Français pour la Solidarité Internationale"
    colour = SPHERE_COLOURS["civil_society"]
    assert cfsi["viz"]["color"] == {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16),
                                    "b": int(colour[5:7], 16), "a": 1.0}
    biggest = max(r["degree"] for r in metrics["rows"])
    assert cfsi["viz"]["size"] == pytest.approx(10 + 30 * row["degree"] / biggest)
    # a tie says why, in words
    why = back["org:cfsi"]["org:grdr"]["Pourquoi liées"]
    assert "membre de l'autre" in why and "Coopérer autrement en acteurs de changement" in why


def test_graphml_and_json_carry_the_metrics_too(tmp_path, bundled_graph):
    from graph.analytics.actor import actor_graph
    from graph.analytics.metrics import organisation_metrics
    from interface.presentation import for_export
    metrics = organisation_metrics(actor_graph(bundled_graph), seed=0)
    shown = for_export(bundled_graph, "en", metrics)
    [path] = export(bundled_graph, "graphml", tmp_path / "g.graphml", presentation=shown)
    back = nx.read_graphml(path)
    row = next(r for r in metrics["rows"] if r["id"] == "org:grdr")
    assert back.nodes["org:grdr"]["pagerank"] == pytest.approx(row["pagerank"])
    assert back.nodes["org:grdr"]["kind_label"] == "Organisation"
    assert {d["relation_label"] for *_, d in back.edges(data=True)} >= {"partner of", "member of"}
    [path] = export(bundled_graph, "json", tmp_path / "g.json", presentation=shown, scope="organisations")
    nodes = {n["id"]: n for n in json.loads(path.read_text(encoding="utf-8"))["nodes"]}
    assert nodes["org:grdr"]["k_core"] == row["k_core"] and nodes["org:grdr"]["colour"].startswith("#")


def test_gexf_from_another_tool_loads_with_its_attributes(tmp_path):
    """A GEXF 1.2 file as networkx (and other tools) write it: attributes
    numbered, titled; the titles name the fields."""
    from loaders import load_paths
    graph = nx.MultiDiGraph()
    graph.add_node("org:a", kind="Organisation", name="Alpha", acronym="A", sphere="public")
    graph.add_node("org:b", kind="Organisation", name="Beta")
    graph.add_edge("org:a", "org:b", key="PARTNER_OF", type="PARTNER_OF", since="2019")
    nx.write_gexf(graph, tmp_path / "other.gexf")           # 1.2draft, attribute ids "0", "1"...
    batch = load_paths([tmp_path / "other.gexf"])
    assert batch.errors == []
    nodes = {n.id: n for n in batch.nodes}
    assert nodes["org:a"].props["acronym"] == "A" and nodes["org:a"].props["sphere"] == "public"
    [edge] = batch.edges
    assert (edge.source, edge.type, edge.target, edge.props["since"]) == ("org:a", "PARTNER_OF", "org:b", "2019")


def test_a_broken_gexf_says_so_and_loads_nothing(tmp_path):
    from loaders import load_paths
    broken = tmp_path / "broken.gexf"
    broken.write_text('<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a"', encoding="utf-8")
    batch = load_paths([broken])
    assert [p.code for p in batch.errors] == ["not_gexf"] and batch.nodes == []
    bomb = tmp_path / "bomb.gexf"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaa">]><gexf xmlns="http://gexf.net/1.3" '
                    'version="1.3"><graph><nodes><node id="&a;"/></nodes></graph></gexf>', encoding="utf-8")
    assert [p.code for p in load_paths([bomb]).errors] == ["xml_entities"]
    other = tmp_path / "other.gexf"
    other.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"/>', encoding="utf-8")
    assert [p.code for p in load_paths([other]).errors] == ["not_gexf"]
