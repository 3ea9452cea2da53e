import networkx as nx

from graph.subgraph import acting_in, territories_inside


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
