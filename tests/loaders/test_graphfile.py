"""Graph files from other tools: a GEXF saved by Gephi itself (the global
health network of ../shared/realdata, Gephi 0.10.1)."""
from collections import Counter

from conftest import REALDATA, need
from lxml import etree

from loaders import load_paths

GEPHI = REALDATA / "networks" / "global_health_io" / "Network.gexf"


def gephi_file():
    root = etree.parse(str(need(GEPHI))).getroot()
    ns = root.nsmap[None]
    return root, (lambda tag: f"{{{ns}}}{tag}")


def with_column(root, q, cls, name, value):
    """What a user does in Gephi's data laboratory: add a column and fill it."""
    graph = root.find(q("graph"))
    block = next(b for b in graph.findall(q("attributes")) if b.get("class") == cls)
    etree.SubElement(block, q("attribute"), id=name, title=name, type="string")
    for element in graph.iter(q(cls)):
        values = element.find(q("attvalues"))
        if values is None:
            values = etree.SubElement(element, q("attvalues"))
        etree.SubElement(values, q("attvalue"), {"for": name, "value": value})


def test_a_gephi_file_without_kinds_says_what_to_add_and_loads_nothing():
    root, q = gephi_file()
    nodes, edges = len(list(root.iter(q("node")))), len(list(root.iter(q("edge"))))
    batch = load_paths([GEPHI])
    assert Counter(p.code for p in batch.errors) == {"no_kind": nodes, "no_type": edges}
    assert {p.values["element_id"] for p in batch.errors if p.code == "no_kind"} == \
        {n.get("id") for n in root.iter(q("node"))}
    assert nodes == 1027 and edges == 2038


def test_a_gephi_file_with_kind_and_relation_columns_loads_with_gephis_attributes(tmp_path):
    root, q = gephi_file()
    with_column(root, q, "node", "kind", "Organisation")
    with_column(root, q, "edge", "relation", "PARTNER_OF")
    path = tmp_path / "network.gexf"
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    batch = load_paths([path])
    assert batch.errors == []
    assert len(batch.nodes) == len(list(root.iter(q("node")))) and len(batch.edges) == len(list(root.iter(q("edge"))))
    # nodes without a label are named by their id, as Gephi shows them
    names = {n.id: n.props["name"] for n in batch.nodes}
    assert names["GAVI"] == "GAVI" and names["GAVI-UNICEF-2001"] == "GAVI-UNICEF-2001"
    # Gephi's own weighted degree, kept as an attribute, equals the sum of the
    # loaded ties' weights (1 where none is written, GEXF's default):
    # attributes and weights both came through
    strength = Counter()
    for edge in batch.edges:
        strength[edge.source] += edge.props.get("weight", 1.0)
        strength[edge.target] += edge.props.get("weight", 1.0)
    for node in batch.nodes:
        assert node.props["weighted degree"] == strength[node.id], node.id
    assert {e.props["year"] for e in batch.edges} <= set(range(1970, 2018))
