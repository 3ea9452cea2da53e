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
