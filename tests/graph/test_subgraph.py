import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.subgraph import acting_in, induced, territories_inside


def small():
    g = nx.MultiDiGraph()
    for node, kind in (("ter:fr", "Territory"), ("ter:lille", "Territory"), ("ter:id", "Territory"),
                       ("org:a", "Organisation"), ("org:b", "Organisation"), ("prj:1", "Project"),
                       ("prj:2", "Project"), ("thm:x", "Theme")):
        g.add_node(node, kind=kind, name=node)
    g.add_edge("ter:lille", "ter:fr", key="PART_OF")
    g.add_edge("org:a", "ter:lille", key="BASED_IN")
    g.add_edge("prj:1", "ter:lille", key="TARGETS")
    g.add_edge("prj:2", "ter:id", key="TARGETS")
    g.add_edge("org:a", "prj:1", key="LEADS")
    g.add_edge("org:b", "prj:1", key="FUNDS")
    g.add_edge("org:b", "prj:2", key="TAKES_PART_IN")
    g.add_edge("org:b", "thm:x", key="WORKS_ON")
    return g


def test_organisations_act_in_a_territory_themselves_or_through_projects():
    g = small()
    assert territories_inside(g, "ter:fr") == {"ter:lille"}
    assert acting_in(g, "ter:fr") == {"org:a": {"ties": [("BASED_IN", "ter:lille")], "projects": {"LEADS": ["prj:1"]}},
                                      "org:b": {"ties": [], "projects": {"FUNDS": ["prj:1"]}}}
    assert acting_in(g, "ter:id") == {"org:b": {"ties": [], "projects": {"TAKES_PART_IN": ["prj:2"]}}}


def test_who_acts_in_chad_includes_the_partners_of_the_project_there():
    """Read from the bundled connections file directly: the organisations
    active or based in Chad, and those in a project that targets it."""
    import csv
    import networkx as nx
    from conftest import BUNDLED, ROOT
    from graph.merge import apply_batch
    from loaders import load_paths
    with open(ROOT / "data" / "connections.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    projects = {r["From"] for r in rows if r["Relation"] == "TARGETS" and r["To"] == "ter:tchad"}
    expected = {r["From"] for r in rows if r["To"] == "ter:tchad" and r["Relation"] in ("ACTIVE_IN", "BASED_IN")}
    expected |= {r["From"] for r in rows if r["To"] in projects and r["Relation"] in ("LEADS", "TAKES_PART_IN", "FUNDS")}
    graph = apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0]
    assert set(acting_in(graph, "ter:tchad")) == expected == {"org:essor", "org:lsi", "org:initiatives-plurielles"}


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from(["PARTNER_OF", "MEMBER_OF#2019",
                                                                                 "FUNDS"])), max_size=40),
       st.sets(st.integers(0, 11)), st.none() | st.sets(st.sampled_from(["PARTNER_OF", "MEMBER_OF", "FUNDS"])))
def test_induced_is_the_subgraph_copy_networkx_gives(ties, nodes, relations):
    """graph.subgraph.induced against networkx's subgraph(nodes).copy() (with
    the ties of other relations removed), on random multigraphs; the copy's
    attributes are its own."""
    g = nx.MultiDiGraph()
    g.add_nodes_from((n, {"name": f"n{n}"}) for n in range(10))
    for u, v, key in ties:
        g.add_edge(u, v, key=key, sources=[f"{u}-{v}"])
    expected = g.subgraph(nodes).copy()
    if relations is not None:
        expected.remove_edges_from([(u, v, k) for u, v, k in expected.edges(keys=True)
                                    if k.partition("#")[0] not in relations])
    got = induced(g, nodes, relations)
    assert type(got) is nx.MultiDiGraph
    assert sorted(got.nodes(data=True)) == sorted(expected.nodes(data=True))
    assert sorted(got.edges(keys=True, data=True)) == sorted(expected.edges(keys=True, data=True))
    assert sorted(got.in_edges(keys=True)) == sorted(expected.in_edges(keys=True))      # both directions kept
    for n in got:
        got.nodes[n]["name"] = "changed"
    assert all(d["name"] != "changed" for _, d in g.nodes(data=True))
