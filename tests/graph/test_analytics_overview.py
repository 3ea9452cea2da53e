"""The network at a glance (graph.analytics.overview)."""
import networkx as nx

from graph.analytics.overview import by_source, overview


def test_each_document_counts_the_elements_and_ties_it_brought_once_each():
    graph = nx.MultiDiGraph()
    graph.add_node("a", kind="Organisation", sources=["members.csv:2", "members.csv:9", "report.txt § Participants"])
    graph.add_node("b", kind="Organisation", sources=["members.csv:3"])
    graph.add_node("c", kind="Territory")                       # no source: counted nowhere
    graph.add_edge("a", "b", key="PARTNER_OF", sources=["report.txt § Partenariats", "report.txt § Annexe"])
    graph.add_edge("b", "c", key="BASED_IN", sources=[])
    assert by_source(graph) == {"members.csv": {"nodes": 2, "ties": 0}, "report.txt": {"nodes": 1, "ties": 1}}
    assert overview(graph)["sources"] == by_source(graph)
