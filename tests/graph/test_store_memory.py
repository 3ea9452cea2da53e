import json
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import BUNDLED

from graph.model import Batch, Edge, Node
from graph.store import BatchRejected, StoreUnavailable, open_store, workspace_home
from graph.store.memory import MemoryStore


def org(i, name, **props):
    return Node(i, "Organisation", {"name": name, **props}, ["t.csv:1"])


def test_workspace_is_under_the_current_directory_unless_told(monkeypatch, tmp_path):
    monkeypatch.delenv("PASSERELLES_HOME", raising=False)
    monkeypatch.chdir(tmp_path)
    assert workspace_home() == tmp_path / ".passerelles"
    monkeypatch.setenv("PASSERELLES_HOME", str(tmp_path / "elsewhere"))
    assert workspace_home() == tmp_path / "elsewhere"
    assert open_store().name == "embedded"


def test_a_new_workspace_starts_with_the_bundled_dataset(bundled_store):
    graph = bundled_store.graph()
    assert "org:cfsi" in graph and graph.number_of_nodes() > 100
    assert bundled_store.path.exists()


def test_load_is_idempotent_and_upserts(empty_store):
    batch = Batch(nodes=[org("org:a", "A", website="a.org"), org("org:b", "B")],
                  edges=[Edge("org:a", "PARTNER_OF", "org:b", {}, ["t.csv:3"])])
    assert empty_store.apply(batch) == {"created": 3, "updated": 0, "unchanged": 0}
    assert empty_store.apply(batch) == {"created": 0, "updated": 0, "unchanged": 3}
    changed = Batch(nodes=[org("org:a", "A", website="a.fr")])
    assert empty_store.apply(changed)["updated"] == 1
    assert empty_store.graph().nodes["org:a"]["website"] == "a.fr"


def test_a_rejected_batch_writes_nothing(empty_store):
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    before = empty_store.path.read_bytes()
    bad = Batch(nodes=[org("org:b", "B")], edges=[Edge("org:b", "MEMBER_OF", "org:nowhere", {}, ["x"])])
    with pytest.raises(BatchRejected):
        empty_store.apply(bad)
    assert empty_store.path.read_bytes() == before


def test_a_crash_during_a_write_leaves_the_previous_state(empty_store, monkeypatch):
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    before = empty_store.path.read_bytes()

    def crash(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreUnavailable):
        empty_store.apply(Batch(nodes=[org("org:b", "B")]))
    assert empty_store.path.read_bytes() == before
    assert [p.name for p in empty_store.home.iterdir() if p.suffix == ".tmp"] == []
    monkeypatch.undo()
    assert set(empty_store.graph()) == {"org:a"}


def test_a_crash_half_way_through_the_json_leaves_the_previous_state(empty_store, monkeypatch):
    """The process dies with half the new file written: graph.json is the
    previous one (the new file is written beside it, then renamed)."""
    import graph.store.memory as memory
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    before = empty_store.path.read_bytes()
    real_fdopen = memory.os.fdopen

    def half_written(fd, *args, **kwargs):
        fh = real_fdopen(fd, *args, **kwargs)
        real_write = fh.write

        def write(text):
            real_write(text[:len(text) // 2])
            fh.flush()
            raise KeyboardInterrupt
        fh.write = write
        return fh
    monkeypatch.setattr(memory.os, "fdopen", half_written)
    with pytest.raises(KeyboardInterrupt):
        empty_store.apply(Batch(nodes=[org("org:b", "B")]))
    monkeypatch.undo()
    assert empty_store.path.read_bytes() == before
    assert set(MemoryStore(empty_store.home).graph()) == {"org:a"}


def test_reset_empties_and_does_not_reseed(bundled_store):
    bundled_store.graph()
    bundled_store.reset()
    assert bundled_store.graph().number_of_nodes() == 0
    assert MemoryStore(bundled_store.home).graph().number_of_nodes() == 0


def test_erase_person_leaves_no_trace(bundled_store):
    before = bundled_store.graph()
    assert "per:le-bars-yves" in before
    removed = bundled_store.erase_person("per:le-bars-yves")["removed"]
    assert removed == 1 + before.degree("per:le-bars-yves")
    text = bundled_store.path.read_text(encoding="utf-8")
    assert "per:le-bars-yves" not in text and "Le Bars Yves" not in text
    assert bundled_store.erase_person("org:cfsi")["removed"] == 0   # not a person: nothing erased


def test_bundled_files_exist():
    assert [p.name for p in BUNDLED] == ["connections.csv", "elements.csv"]


def test_a_write_that_fails_leaves_the_graph_as_it_was_and_says_why(bundled_store, tmp_path):
    """The command line with a file-size limit the workspace's file cannot
    fit under (the operating system refuses the write, as on a full disk):
    one sentence, exit 1, graph.json unchanged, no temporary file left."""
    import resource
    import signal
    import subprocess
    import sys

    from conftest import ROOT
    before = bundled_store.path.read_bytes()
    extra = tmp_path / "more.csv"
    extra.write_text("Label,Type\n" + "".join(f"Asso {i},association\n" for i in range(2000)), encoding="utf-8")

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (len(before) + 1000, len(before) + 1000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)           # a refused write, not a killed process
    proc = subprocess.run([sys.executable, "-m", "cli", "load", str(extra)], cwd=ROOT, capture_output=True,
                          text=True, env={"PASSERELLES_HOME": str(bundled_store.home), "PATH": "/usr/bin:/bin"},
                          preexec_fn=small_files, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "le disque est-il plein" in proc.stderr
    assert bundled_store.path.read_bytes() == before
    assert sorted(p.name for p in bundled_store.home.iterdir()) == [".lock", "graph.json"]


def test_a_temporary_file_left_by_a_killed_write_is_removed_when_the_store_opens(bundled_store):
    from graph.store.memory import MemoryStore
    leftover = bundled_store.home / ".graph-abc123.tmp"
    leftover.write_text("half a graph")
    MemoryStore(bundled_store.home)
    assert not leftover.exists() and bundled_store.graph().number_of_nodes() > 100


def test_a_graph_read_before_a_write_stays_as_it_was_read(empty_store):
    """The store shares its last graph with every reader and writes on a
    copy: a page still drawing the old version sees it unchanged."""
    import copy
    import networkx as nx
    from graph.edits import edit_node, merge_nodes
    from graph.model import Edge
    empty_store.apply(Batch(nodes=[org("org:a", "A"), org("org:b", "B"), org("org:c", "C")],
                            edges=[Edge("org:a", "PARTNER_OF", "org:c", {"since": "2015"}, ["t.csv:3"])]))
    read = empty_store.graph()
    before = copy.deepcopy(nx.node_link_data(read, edges="edges"))
    empty_store.apply(edit_node(read, "org:a", {"acronym": "AA", "name": "Alpha"}))
    empty_store.apply(merge_nodes(empty_store.graph(), "org:b", "org:a"))
    assert nx.node_link_data(read, edges="edges") == before
    assert nx.is_frozen(read)
    now = empty_store.graph()
    assert "org:a" not in now and now.has_edge("org:b", "org:c", "PARTNER_OF")


def _same(a, b, predecessors=True):
    assert list(a.nodes(data=True)) == list(b.nodes(data=True)) and a.graph == b.graph
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert not predecessors or all(list(a.pred[n].items()) == list(b.pred[n].items()) for n in a)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from(["PARTNER_OF", "MEMBER_OF", "X#2"]),
                          st.dictionaries(st.sampled_from(["weight", "sources", "label"]), st.integers(), max_size=2)),
                max_size=40),
       st.lists(st.dictionaries(st.sampled_from(["name", "kind", "sources"]), st.text(max_size=3), max_size=3),
                min_size=8, max_size=8))
def test_a_graph_read_back_is_what_networkx_reads(ties, attributes):
    """to_payload and from_payload work on the adjacency itself: the same
    JSON as networkx's node_link_data, the same graph, in the same order, as
    its node_link_graph."""
    import networkx as nx
    from graph.store.memory import from_payload, to_payload
    g = nx.MultiDiGraph(name="w")
    for i, data in enumerate(attributes):
        g.add_node(f"n{i}", **data)
    for u, v, key, data in ties:
        g.add_edge(f"n{u}", f"n{v}", key=key, **data)
    written = json.dumps(to_payload(g), ensure_ascii=False)
    assert written == json.dumps(nx.node_link_data(g, edges="edges"), ensure_ascii=False)    # networkx's layout
    payload = json.loads(written)
    _same(from_payload(payload), nx.node_link_graph(payload, directed=True, multigraph=True, edges="edges"))
    _same(from_payload(payload), g, predecessors=False)     # written by source: predecessors come in that order


def test_a_payload_written_elsewhere_is_read_as_networkx_reads_it():
    """Ids written as lists, ties without keys or naming elements not listed:
    networkx's reading (lists become tuples, keys are numbered)."""
    from graph.store.memory import from_payload
    payload = {"graph": {}, "nodes": [{"id": ["a", 1]}, {"id": "b"}],
               "edges": [{"source": ["a", 1], "target": "b"}, {"source": "b", "target": "c", "key": "K"}]}
    read = from_payload(payload)
    assert set(read.edges(keys=True)) == {(("a", 1), "b", 0), ("b", "c", "K")}
