"""Export, reset, load gives the same graph: property-based, for every
format that `load` reads back."""
import string

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.analytics.actor import actor_graph
from graph.analytics.metrics import NODE_METRICS, organisation_metrics
from graph.export import Presentation, export
from graph.model import KIND_PREFIX, ORGANISATION, TERRITORY, THEME
from graph.store.memory import MemoryStore
from loaders import load_paths

# Text as users write it: accents, quotes, separators, but never a formula
# (the loaders refuse those) nor a `|` (a multi-value separator in sheets).
TEXT = st.text(alphabet=string.ascii_letters + "éèàçÉœ' ;,\"-()" + "0123456789", min_size=1, max_size=20) \
    .map(str.strip).filter(lambda s: s and s[0] not in "-+=@" and s == s.strip())
FREE = st.sampled_from(["description", "website", "note", "start_date"])


@st.composite
def graphs(draw):
    graph = nx.MultiDiGraph()
    n = draw(st.integers(1, 8))
    kinds = draw(st.lists(st.sampled_from([ORGANISATION, TERRITORY, THEME]), min_size=n, max_size=n))
    for i, kind in enumerate(kinds):
        attrs = {"kind": kind, "name": draw(TEXT), "sources": sorted(set(draw(st.lists(TEXT, min_size=1, max_size=2))))}
        if kind == ORGANISATION:
            attrs["category"] = draw(st.sampled_from(["ngo", "local_authority", "company"]))
            attrs["sphere"] = draw(st.sampled_from(["civil_society", "public", "economic"]))
        if kind == TERRITORY:
            attrs["lat"] = draw(st.floats(-90, 90).map(lambda x: round(x, 4)))
        for field in draw(st.lists(FREE, unique=True, max_size=2)):
            attrs[field] = draw(TEXT)
        graph.add_node(f"{KIND_PREFIX[kind]}:n{i}", **attrs)
    orgs = [v for v, d in graph.nodes(data=True) if d["kind"] == ORGANISATION]
    themes = [v for v, d in graph.nodes(data=True) if d["kind"] == THEME]
    for _ in range(draw(st.integers(0, 10))):
        if len(orgs) >= 2:
            a, b = draw(st.sampled_from(orgs)), draw(st.sampled_from(orgs))
            rel = draw(st.sampled_from(["MEMBER_OF", "PARTNER_OF", "FUNDS"]))
            if rel == "PARTNER_OF" and b < a:
                a, b = b, a
            if not graph.has_edge(a, b, rel):
                graph.add_edge(a, b, key=rel, type=rel, sources=["s"], since=draw(TEXT))
        if orgs and themes:
            a, t = draw(st.sampled_from(orgs)), draw(st.sampled_from(themes))
            graph.add_edge(a, t, key="WORKS_ON", type="WORKS_ON", sources=["s"])
    return graph


def same(a, b):
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    assert sorted(a.edges(keys=True, data=True), key=repr) == sorted(b.edges(keys=True, data=True), key=repr)


def presentation(graph):
    """What an interface adds: metrics, readable words, colours, sizes,
    positions (none of it may come back as data)."""
    metrics = organisation_metrics(actor_graph(graph), seed=0)
    return Presentation(words={"kind": {k: k.upper() for k in (ORGANISATION, TERRITORY, THEME)}},
                        relations={"PARTNER_OF": "partenaire de"},
                        metrics={r["id"]: {m: r[m] for m in NODE_METRICS} for r in metrics["rows"]},
                        colours={n: "#1b9e77" for n in graph}, sizes={n: 12 for n in graph},
                        positions={n: (i, -i) for i, n in enumerate(graph)})


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(graph=graphs(), fmt=st.sampled_from(["csv", "json", "graphml", "gexf"]), presented=st.booleans())
def test_export_reset_load_gives_the_same_graph(tmp_path_factory, graph, fmt, presented):
    work = tmp_path_factory.mktemp("rt")
    store = MemoryStore(work / "ws")
    store.reset()
    out = work / ("csv" if fmt == "csv" else f"g.{fmt}")
    paths = export(graph, fmt, out, presentation=presentation(graph) if presented else None)
    batch = load_paths(paths, fmt="spreadsheet" if fmt == "csv" else fmt)
    assert batch.errors == []
    store.apply(batch)
    same(store.graph(), graph)
