import networkx as nx

from graph.export import export, spreadsheet_cell, without_contacts


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


def test_gexf_keeps_the_relation_out_of_its_reserved_edge_type(tmp_path):
    """GEXF's edge `type` may only say directed, undirected or mutual: the
    relation is an ordinary attribute, read back by networkx."""
    import networkx as nx
    from defusedxml import ElementTree
    from conftest import BUNDLED
    from graph.export import export
    from graph.merge import apply_batch
    from loaders import load_paths
    graph = apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0]
    [path] = export(graph, "gexf", tmp_path / "g.gexf")
    edges = [e for e in ElementTree.parse(path).iter() if e.tag.endswith("}edge")]
    assert len(edges) == graph.number_of_edges()
    assert {e.get("type") for e in edges} <= {None, "directed", "undirected", "mutual"}
    back = nx.read_gexf(path)
    relations = sorted(d["relation"] for *_, d in back.edges(data=True))
    assert relations == sorted(d["type"] for *_, d in graph.edges(data=True))
