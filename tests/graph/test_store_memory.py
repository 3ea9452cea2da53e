import json
import os

import networkx as nx
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


def stored(store) -> tuple:
    """What the workspace holds: the snapshot's and the log's bytes."""
    return store.path.read_bytes(), store.log.read_bytes() if store.log.exists() else None


@pytest.fixture(params=["log", "snapshot"])
def written_as(request, monkeypatch):
    """Each write as a line of the log (the default), or as a whole new
    snapshot (the log's size limit at nothing)."""
    import graph.store.memory as memory
    if request.param == "snapshot":
        monkeypatch.setattr(memory, "LOG_FLOOR", 0)
        monkeypatch.setattr(memory, "LOG_SHARE", 10 ** 12)
    return request.param


def test_an_edit_is_a_line_of_the_log_and_a_big_log_a_new_snapshot(empty_store, monkeypatch):
    import graph.store.memory as memory
    empty_store.log.unlink(missing_ok=True)
    empty_store.path.unlink()
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))             # no snapshot: one is written
    snapshot = empty_store.path.read_bytes()
    assert not empty_store.log.exists()
    for i in range(3):
        empty_store.apply(Batch(nodes=[org("org:a", "A", website=f"a{i}.org")]))
    assert empty_store.path.read_bytes() == snapshot
    lines = empty_store.log.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["nodes"][0][2]["website"] for line in lines] == ["a0.org", "a1.org", "a2.org"]
    monkeypatch.setattr(memory, "LOG_FLOOR", len("".join(lines)) + 10)     # the next line goes past it
    empty_store.apply(Batch(nodes=[org("org:b", "B")]))
    assert not empty_store.log.exists() and empty_store.path.read_bytes() != snapshot
    memory._LAST.clear()
    read = MemoryStore(empty_store.home)
    assert read.graph().nodes["org:a"]["website"] == "a2.org" and "org:b" in read.graph()
    assert [e["seq"] for e in read.journal()] == [4, 3, 2, 1, 0]


def test_a_rejected_batch_writes_nothing(empty_store, written_as):
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    empty_store.apply(Batch(nodes=[org("org:c", "C")]))
    before = stored(empty_store)
    bad = Batch(nodes=[org("org:b", "B")], edges=[Edge("org:b", "MEMBER_OF", "org:nowhere", {}, ["x"])])
    with pytest.raises(BatchRejected):
        empty_store.apply(bad)
    assert stored(empty_store) == before


def test_a_crash_during_a_write_leaves_the_previous_state(empty_store, monkeypatch, written_as):
    """The disk refuses the write (half of it written): the store says so,
    and holds what it held."""
    import graph.store.memory as memory
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    empty_store.apply(Batch(nodes=[org("org:c", "C")]))
    before = stored(empty_store)
    real_write = os.write

    def half_then_full(fd, data):
        if len(data) > 1:
            return real_write(fd, bytes(data[:len(data) // 2]))
        raise OSError(28, "No space left on device")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(memory.os, "write", half_then_full)
    monkeypatch.setattr(memory.os, "replace", full)
    with pytest.raises(StoreUnavailable) as refused:
        empty_store.apply(Batch(nodes=[org("org:b", "B")]))
    assert refused.value.code == "write_failed"
    assert stored(empty_store) == before
    assert [p.name for p in empty_store.home.iterdir() if p.suffix == ".tmp"] == []
    monkeypatch.undo()
    assert set(empty_store.graph()) == {"org:a", "org:c"}
    memory._LAST.clear()
    assert set(MemoryStore(empty_store.home).graph()) == {"org:a", "org:c"}
    empty_store.apply(Batch(nodes=[org("org:b", "B")]))
    memory._LAST.clear()
    assert set(MemoryStore(empty_store.home).graph()) == {"org:a", "org:b", "org:c"}


def test_a_crash_half_way_through_the_snapshot_leaves_the_previous_state(empty_store, monkeypatch, written_as):
    """The process dies with half the new snapshot written: graph.json is
    the previous one (the new file is written beside it, then renamed)."""
    import graph.store.memory as memory
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    before = stored(empty_store)
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
        empty_store.reset()
    monkeypatch.undo()
    assert stored(empty_store) == before
    assert set(MemoryStore(empty_store.home).graph()) == {"org:a"}


def test_a_line_a_crash_cut_in_half_is_not_read_and_the_next_write_replaces_it(empty_store):
    """A process killed in the middle of its line leaves it without its
    newline: not a change. Readers skip it; the next writer cuts it off."""
    import graph.store.memory as memory
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    empty_store.apply(Batch(nodes=[org("org:c", "C")]))
    line = empty_store.log.read_bytes().splitlines(keepends=True)[-1]
    with open(empty_store.log, "ab") as fh:
        fh.write(line.replace(b"org:c", b"org:x")[:len(line) - 5])
    memory._LAST.clear()
    assert set(MemoryStore(empty_store.home).graph()) == {"org:a", "org:c"}
    empty_store.apply(Batch(nodes=[org("org:b", "B")]))
    assert empty_store.log.read_bytes().count(b"\n") == 3 and b"org:x" not in empty_store.log.read_bytes()
    memory._LAST.clear()
    store = MemoryStore(empty_store.home)
    assert set(store.graph()) == {"org:a", "org:b", "org:c"} and len(store.journal()) == 3


def test_a_log_left_beside_a_newer_snapshot_is_not_read(empty_store):
    """A crash between the new snapshot's rename and the old log's removal:
    the log's lines name the old snapshot, whose changes the new one has."""
    import graph.store.memory as memory
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    empty_store.apply(Batch(nodes=[org("org:c", "C")]))
    old_log = empty_store.log.read_bytes()
    empty_store.reset()
    empty_store.log.write_bytes(old_log)                            # as if the removal never happened
    memory._LAST.clear()
    store = MemoryStore(empty_store.home)
    assert store.graph().number_of_nodes() == 0 and store.journal() == []
    store.apply(Batch(nodes=[org("org:e", "E")]))
    memory._LAST.clear()
    assert set(MemoryStore(empty_store.home).graph()) == {"org:e"}


def test_a_damaged_file_is_said_and_nothing_is_written(empty_store):
    import graph.store.memory as memory
    empty_store.apply(Batch(nodes=[org("org:a", "A")]))
    empty_store.apply(Batch(nodes=[org("org:c", "C")]))
    with open(empty_store.log, "ab") as fh:
        fh.write(b"{not json}\n")
    memory._LAST.clear()
    before = stored(empty_store)
    with pytest.raises(StoreUnavailable) as refused:
        MemoryStore(empty_store.home).apply(Batch(nodes=[org("org:b", "B")]))
    assert refused.value.code == "unreadable" and "line 3" in refused.value.values["detail"]
    assert stored(empty_store) == before


def test_another_process_s_edit_is_read_from_the_log_alone(empty_store, monkeypatch):
    """A second process (the command line beside the app) edits: this
    process reads that edit's line, not the snapshot again, and a graph it
    read before stays as it was."""
    import subprocess
    import sys

    import graph.store.memory as memory
    from conftest import ROOT
    empty_store.apply(Batch(nodes=[org("org:a", "A"), org("org:b", "B")],
                            edges=[Edge("org:a", "PARTNER_OF", "org:b", {}, ["t.csv:2"])]))
    empty_store.apply(Batch(nodes=[org("org:c", "C")]))
    before = empty_store.graph()
    code = ("from graph.store.memory import MemoryStore; from graph.edits import add_tie, remove_tie;"
            "s = MemoryStore(%r); s.apply(add_tie('org:c', 'PARTNER_OF', 'org:b', who='cli'));"
            "s.apply(remove_tie(s.graph(), 'org:a', 'PARTNER_OF', 'org:b'))" % str(empty_store.home))
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)

    def not_again(payload):
        raise AssertionError("the snapshot was read again")
    monkeypatch.setattr(memory, "from_payload", not_again)
    after = empty_store.graph()
    assert {frozenset((u, v)) for u, v in after.edges()} == {frozenset(("org:b", "org:c"))}
    assert {frozenset((u, v)) for u, v in before.edges()} == {frozenset(("org:a", "org:b"))}
    assert [e["who"] for e in empty_store.journal()][:2] == ["", "cli"]
    monkeypatch.undo()
    memory._LAST.clear()
    assert set(MemoryStore(empty_store.home).graph().edges(keys=True)) == set(after.edges(keys=True))


def test_reset_empties_and_does_not_reseed(bundled_store):
    bundled_store.graph()
    bundled_store.reset()
    assert bundled_store.graph().number_of_nodes() == 0
    assert MemoryStore(bundled_store.home).graph().number_of_nodes() == 0


def test_erase_person_leaves_no_trace(bundled_store):
    from graph.edits import edit_node
    bundled_store.apply(edit_node(bundled_store.graph(), "per:le-bars-yves", {"description": "vu le 2 décembre"}))
    assert b"Le Bars Yves" in bundled_store.log.read_bytes()                # the edit's line names him
    before = bundled_store.graph()
    assert "per:le-bars-yves" in before
    removed = bundled_store.erase_person("per:le-bars-yves")["removed"]
    assert removed == 1 + before.degree("per:le-bars-yves")
    for file in bundled_store.home.iterdir():
        text = file.read_text(encoding="utf-8")
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
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)           # a refused write, not a killed process
    proc = subprocess.run([sys.executable, "-m", "cli", "load", str(extra)], cwd=ROOT, capture_output=True,
                          text=True, env={"PASSERELLES_HOME": str(bundled_store.home), "PATH": "/usr/bin:/bin",
                               "PYTHONDONTWRITEBYTECODE": "1"},                   # no .pyc cut at the limit
                          preexec_fn=small_files, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1
    assert "le disque est-il plein" in proc.stderr
    assert bundled_store.path.read_bytes() == before
    assert sorted(p.name for p in bundled_store.home.iterdir()) == [".lock", "graph.json"]
    assert len(extra.read_bytes()) > 1000          # more than the limit, whether as a line or a snapshot


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


step = st.one_of(
    st.tuples(st.just("org"), st.integers(0, 5), st.sampled_from(["a.org", "b.org", ""])),
    st.tuples(st.just("tie"), st.integers(0, 5), st.integers(0, 5), st.sampled_from(["PARTNER_OF", "MEMBER_OF"])),
    st.tuples(st.just("untie"), st.integers(0, 5), st.integers(0, 5), st.sampled_from(["PARTNER_OF", "MEMBER_OF"])),
    st.tuples(st.just("remove"), st.integers(0, 5)))


def batch_of(step, graph):
    if step[0] == "org":
        return Batch(nodes=[org(f"org:{step[1]}", f"Org {step[1]}", website=step[2])])
    if step[0] == "tie":
        return Batch(nodes=[org(f"org:{i}", f"Org {i}") for i in step[1:3]],
                     edges=[Edge(f"org:{step[1]}", step[3], f"org:{step[2]}", {}, ["t.csv:9"])])
    if step[0] == "untie":
        return Batch(removals=[("edge", f"org:{step[1]}", step[3], f"org:{step[2]}", "")])
    return Batch(removals=[("node", f"org:{step[1]}")])


@settings(max_examples=40, deadline=None)
@given(st.lists(step, min_size=1, max_size=12), st.integers(0, 3000))
def test_the_store_holds_what_its_writes_made_whether_as_lines_or_snapshots(tmp_path_factory, steps, floor):
    """Writes go to the log or to a new snapshot (the log's limit drawn at
    random): this process, and another one reading the files afresh, hold
    the graph and journal the same writes make in memory."""
    import graph.store.memory as memory
    from graph.merge import apply_batch
    kept = memory.LOG_FLOOR, memory.LOG_SHARE
    memory.LOG_FLOOR, memory.LOG_SHARE = floor, 10 ** 12
    try:
        store = MemoryStore(tmp_path_factory.mktemp("ws"))
        expected = nx.MultiDiGraph()
        for s in steps:
            batch = batch_of(s, expected)
            after, _, problems = apply_batch(expected, batch)
            try:
                store.apply(batch)
            except BatchRejected:
                assert problems
                continue
            assert not problems
            expected = after
        _same(store.graph(), expected, predecessors=False)
        journal = store.journal()
        memory._LAST.clear()
        fresh = MemoryStore(store.home)
        _same(fresh.graph(), expected, predecessors=False)
        assert fresh.journal() == journal
    finally:
        memory.LOG_FLOOR, memory.LOG_SHARE = kept
