import copy

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.bulk import copy_around

NODES = [f"n{i}" for i in range(8)]
KEYS = ["PARTNER_OF", "MEMBER_OF", "X#2"]
tie = st.tuples(st.sampled_from(NODES), st.sampled_from(NODES), st.sampled_from(KEYS))
change = st.one_of(st.tuples(st.just("node"), st.sampled_from(NODES + ["new"]), st.integers(0, 9)),
                   st.tuples(st.just("tie"), tie, st.integers(0, 9)),
                   st.tuples(st.just("untie"), tie),
                   st.tuples(st.just("remove"), st.sampled_from(NODES)))


def ends(step):
    kind, what = step[0], step[1]
    return set(what[:2]) if kind in ("tie", "untie") else {what}


def written(graph, steps):
    """What the store's writer does (graph.merge.apply_plan): attribute
    dicts replaced, ties added and removed, nodes removed."""
    for step in steps:
        kind, what = step[0], step[1]
        if kind == "node":
            if what in graph:
                graph._node[what] = {"v": step[2]}
            else:
                graph.add_node(what, v=step[2])
        elif kind == "tie":
            if graph.has_edge(*what):
                graph.remove_edge(*what)
            graph.add_edge(what[0], what[1], key=what[2], v=step[2])
        elif kind == "untie" and graph.has_edge(*what):
            graph.remove_edge(*what)
        elif kind == "remove" and what in graph:
            graph.remove_node(what)
    return graph


def layout(graph):
    return (list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)),
            {n: list(graph.pred[n].items()) for n in graph})


@settings(max_examples=150, deadline=None)
@given(st.lists(tie, max_size=30), st.lists(change, max_size=6))
def test_a_copy_around_the_touched_nodes_takes_their_changes_and_leaves_the_graph_as_it_was(ties, steps):
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((n, {"v": -1}) for n in NODES)
    for u, v, k in ties:
        graph.add_edge(u, v, key=k, v=-1)
    before, reference = copy.deepcopy(layout(graph)), copy.deepcopy(graph)
    frozen = nx.freeze(graph)
    touched = set().union(*(ends(s) for s in steps)) if steps else set()
    around = written(copy_around(frozen, touched), steps)
    assert layout(around) == layout(written(reference, steps))      # the same graph, in the same order
    assert layout(frozen) == before                  # shared parts untouched
    for u, neighbours in around._succ.items():       # one dict of keys per pair, in both directions
        for v, keys in neighbours.items():
            assert around._pred[v][u] is keys


def test_only_the_touched_neighbourhood_is_copied():
    graph = nx.MultiDiGraph()
    nx.add_path(graph, ["a", "b", "c", "d", "e"])
    around = copy_around(nx.freeze(graph), {"b"})
    assert around._succ["d"] is graph._succ["d"] and around._pred["e"] is graph._pred["e"]
    assert around._succ["b"] is not graph._succ["b"] and around._succ["a"]["b"] is not graph._succ["a"]["b"]
