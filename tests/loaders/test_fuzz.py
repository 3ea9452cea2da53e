"""Fuzzed sheets and graph files (Hypothesis): whatever a file holds, a
load returns a report (never raises), and what it lets through the store
keeps or refuses whole, never half-written, never with a traceback."""
import json

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.analytics.actor import actor_graph
from graph.analytics.overview import overview
from graph.merge import apply_batch
from graph.model import value_problem
from graph.names import NameIndex
from graph.store import BatchRejected
from graph.store.memory import MemoryStore
from loaders import load_paths

# Text as files hold it, traps included: accents, other scripts, invisible
# and control characters, formulas, delimiters, quotes, very long cells.
TRAPS = ["=HYPERLINK(\"x\")", "@SUM(A1)", "+33 6 12 34 56 78", "zoe@example.org", "\x00", "\x1b", "\u200b",
         "Саp", "\"", ";", ",", "|", "\n", "NaN", "1e400", "-0", "org:cap-solidarites", "ter:kayes"]
CELL = st.one_of(st.text(max_size=30), st.sampled_from(TRAPS), st.just(""))
HEADERS = ["Label", "Type", "Id", "Sigle", "Alias", "Territoire", "Pays", "Thèmes", "Lat", "Lon", "Niveau",
           "Sphère", "Catégorie", "Sources", "Conflicts", "Description", "From", "To", "Relation", "Key",
           "Structure", "Nom et prénom", "Email", "Fonction", ""]
TYPES = st.sampled_from(["association", "ONG", "Territoire", "Projet", "Événement", "Thème", "licorne", ""])


@st.composite
def sheet(draw):
    """Mostly well-formed elements sheets (Label and Type first, known types),
    so that the traps in their cells reach the store."""
    header = ["Label", "Type"] + draw(st.lists(st.sampled_from(HEADERS), max_size=5))
    types = st.one_of(st.sampled_from(["association", "ONG", "Territoire", "Projet", "Thème"]), TYPES)
    rows = draw(st.lists(st.tuples(CELL.filter(str.strip), types,
                                   st.lists(CELL, max_size=len(header))), min_size=1, max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))

    def line(cells):
        return delimiter.join('"' + c.replace('"', '""') + '"' if any(x in c for x in '",;\t\n\r') else c
                              for c in cells)
    return "\n".join([line(header)] + [line([label, kind, *rest]) for label, kind, rest in rows]) + "\n"


VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), CELL),
                     lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(CELL, inner, max_size=3)),
                     max_leaves=6)


@st.composite
def node_link(draw):
    """Node-link graphs that are mostly well-formed, each with a few trap
    values, so that a trap often is the only fault and reaches the store."""
    pool = st.sampled_from(["org:a", "org:b", "ter:x", "org:cap-solidarites", "org:é"])
    ids = draw(st.lists(st.one_of(pool, pool, pool, CELL, st.integers()), min_size=1, max_size=4, unique_by=str))
    trap = st.one_of(VALUE, CELL)
    nodes = []
    for i in ids:
        node = {"id": i, "kind": draw(st.sampled_from(["Organisation"] * 4 + ["Territory", "Licorne"])),
                "name": draw(st.one_of(st.sampled_from(["A", "Cap Solidarités", "Саp"]), trap))}
        if draw(st.booleans()):
            node[draw(st.sampled_from(["aliases", "sources", "conflicts", "lat", "description", "category", ""]))] = \
                draw(trap)
        nodes.append(node)
    relation = st.one_of(st.sampled_from(["PARTNER_OF"] * 3 + ["MEMBER_OF", "BASED_IN"]), VALUE)
    edges = draw(st.lists(st.fixed_dictionaries({"source": st.sampled_from(ids), "target": st.sampled_from(ids),
                                                 "type": relation},
                                                optional={"sources": trap, "key": trap, "since": trap}),
                          max_size=3))
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": nodes, "edges": edges}


def load_then_apply(path, home):
    """A load's report, and what the store does with what it lets through."""
    batch = load_paths([path])                                 # must not raise
    assert all(p.file and p.code for p in batch.errors + batch.warnings)
    if batch.errors:
        return
    store = MemoryStore(home)
    store.reset()
    before = store.path.read_bytes()
    try:
        store.apply(batch)
    except BatchRejected as err:
        assert err.problems and store.path.read_bytes() == before
        return
    graph = store.graph()
    assert graph.number_of_nodes() == len({n.id for n in batch.nodes})
    # what was kept fits the vocabulary's types
    for _, data in graph.nodes(data=True):
        assert isinstance(data["name"], str) and data["name"].strip()
        assert all(isinstance(a, str) for a in data.get("aliases", []))
        assert all(isinstance(x, str) for x in data["sources"])
        assert all(value_problem(v) is None for k, v in data.items() if k not in ("sources", "conflicts"))
    # what was kept poisons nothing: the next load against it, the analytics
    # and the pages' lists read it (a name that was a number once broke them all)
    load_paths([path], known=NameIndex.from_graph(graph))
    overview(graph)
    actor_graph(graph)
    sorted(str(d.get("name", "")).casefold() for _, d in graph.nodes(data=True))
    assert nx.node_link_graph(nx.node_link_data(graph, edges="edges"), edges="edges").number_of_nodes() == \
        graph.number_of_nodes()


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(text=sheet())
def test_any_sheet_gives_a_report_and_a_whole_write_or_none(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("sheet")
    path = folder / "fuzz.csv"
    path.write_text(text, encoding="utf-8")
    load_then_apply(path, folder / "ws")


@FUZZ
@given(payload=node_link())
def test_any_node_link_graph_gives_a_report_and_a_whole_write_or_none(tmp_path_factory, payload):
    folder = tmp_path_factory.mktemp("graph")
    path = folder / "fuzz.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    load_then_apply(path, folder / "ws")


@FUZZ
@given(payload=node_link())
def test_any_graph_written_as_graphml_gives_a_report(tmp_path_factory, payload):
    """The same graphs through GraphML: what networkx can write (flat values)
    is read back with a report, never a traceback."""
    from graph.export import flat
    folder = tmp_path_factory.mktemp("graphml")
    graph = nx.MultiDiGraph()
    for node in payload["nodes"]:
        attrs = {k: v for k, v in node.items() if k and k != "id"}
        graph.add_node(str(node["id"]), **attrs)
    for edge in payload["edges"]:
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target", "key")}
        graph.add_edge(str(edge["source"]), str(edge["target"]), **attrs)
    path = folder / "fuzz.graphml"
    try:
        nx.write_graphml(flat(graph), path)
    except (ValueError, TypeError, KeyError, nx.NetworkXError):
        return                                   # networkx cannot write it: nothing to read back
    load_then_apply(path, folder / "ws")


def test_what_a_fuzzed_load_keeps_merges_like_the_store_does(tmp_path):
    """The pure merge and the store agree on a load the fuzz found valid."""
    path = tmp_path / "ok.csv"
    path.write_text("Label;Type;Alias\nA;association;x|y\n", encoding="utf-8")
    batch = load_paths([path])
    graph, counts, problems = apply_batch(nx.MultiDiGraph(), batch)
    store = MemoryStore(tmp_path / "ws")
    assert store.apply(batch) == counts and not problems
    assert dict(store.graph().nodes(data=True)) == dict(graph.nodes(data=True))
