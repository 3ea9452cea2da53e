"""One contract, both stores: every test here runs on the embedded store and
on a real Neo4j (the `store` fixture is parametrised)."""
import pytest
from conftest import BUNDLED

from graph.export import export
from graph.model import Batch, Edge, Node
from graph.store import BatchRejected
from loaders import load_paths
from graph.names import NameIndex


def org(i, name, source="t.csv:1", **props):
    return Node(i, "Organisation", {"name": name, **props}, [source])


def snapshot(graph):
    return (sorted((n, sorted(d.items(), key=repr)) for n, d in graph.nodes(data=True)),
            sorted((u, v, k, sorted(d.items(), key=repr)) for u, v, k, d in graph.edges(keys=True, data=True)))


def test_load_then_reload_changes_nothing(store):
    batch = load_paths(BUNDLED)
    first = store.apply(batch)
    assert first["created"] == len(batch.nodes) + len(batch.edges) and first["updated"] == 0
    before = snapshot(store.graph())
    again = store.apply(load_paths(BUNDLED, known=NameIndex.from_graph(store.graph())))
    assert again["created"] == again["updated"] == 0
    assert snapshot(store.graph()) == before


def test_upsert_of_changed_values(store):
    store.apply(Batch(nodes=[org("org:a", "A", website="a.org"), org("org:b", "B")],
                      edges=[Edge("org:a", "PARTNER_OF", "org:b", {"since": "2015"}, ["t.csv:3"])]))
    counts = store.apply(Batch(nodes=[org("org:a", "A", source="t.csv:2", website="a.fr")],
                               edges=[Edge("org:b", "PARTNER_OF", "org:a", {"since": "2016"}, ["t.csv:3"])]))
    assert counts == {"created": 0, "updated": 2, "unchanged": 0}
    graph = store.graph()
    assert graph.nodes["org:a"]["website"] == "a.fr" and "conflicts" not in graph.nodes["org:a"]
    assert graph.edges["org:a", "org:b", "PARTNER_OF"]["since"] == "2016"


def test_disagreeing_sources_are_kept_and_flagged(store):
    store.apply(Batch(nodes=[org("org:a", "A", source="annuaire.pdf § p. 2", website="a.org")]))
    store.apply(Batch(nodes=[org("org:a", "A", source="members.csv:4", website="a.fr")]))
    conflicts = store.graph().nodes["org:a"]["conflicts"]["website"]
    assert {c["value"] for c in conflicts} == {"a.org", "a.fr"}


def test_a_name_or_category_from_another_source_waits_for_the_user(store):
    store.apply(Batch(nodes=[org("org:g", "Grdr Migration-Citoyenneté-Développement", source="annuaire.pdf",
                                 category="network", sphere="civil_society")]))
    batch = Batch(nodes=[org("org:g", "GRDR", source="annuaire-2026.csv:7", category="association",
                             sphere="civil_society", website="grdr.org")])
    plan = store.plan(batch)
    assert sorted((c.field, c.before, c.after) for c in plan.held) == [
        ("category", "network", "association"), ("name", "Grdr Migration-Citoyenneté-Développement", "GRDR")]
    store.apply(batch)
    node = store.graph().nodes["org:g"]
    assert (node["name"], node["category"], node["aliases"], node["website"]) == (
        "Grdr Migration-Citoyenneté-Développement", "network", ["GRDR"], "grdr.org")
    batch.accept = {("org:g", "category")}
    store.apply(batch)
    assert store.graph().nodes["org:g"]["category"] == "association"
    assert store.graph().nodes["org:g"]["name"] == "Grdr Migration-Citoyenneté-Développement"


def test_parallel_ties_and_lists_survive(store):
    store.apply(Batch(nodes=[org("org:a", "A", aliases=["Alpha", "Ä"]), org("org:b", "B")],
                      edges=[Edge("org:a", "RELATED_TO", "org:b", {"label": "contract I"}, ["s"]),
                             Edge("org:a", "RELATED_TO", "org:b", {"label": "contract II"}, ["s"], discriminator="2")]))
    graph = store.graph()
    assert graph.nodes["org:a"]["aliases"] == ["Alpha", "Ä"]
    assert {d["label"] for *_, d in graph.edges(keys=True, data=True)} == {"contract I", "contract II"}
    assert set(graph["org:a"]["org:b"]) == {"RELATED_TO", "RELATED_TO#2"}


def test_bad_input_leaves_the_store_unchanged(store):
    store.apply(Batch(nodes=[org("org:a", "A")]))
    before = snapshot(store.graph())
    bad = Batch(nodes=[org("org:b", "B")], edges=[Edge("org:b", "MEMBER_OF", "org:nowhere", {}, ["x"])])
    with pytest.raises(BatchRejected) as err:
        store.apply(bad)
    assert (err.value.problems[0].code, err.value.problems[0].values) == ("not_in_graph", {"id": "org:nowhere"})
    with pytest.raises(BatchRejected):
        store.apply(Batch(nodes=[Node("org:a", "Territory", {"name": "A"}, ["x"])]))
    with pytest.raises(BatchRejected):
        store.apply(Batch(nodes=[org("org:c", "C")], errors=["a loader error"]))
    assert snapshot(store.graph()) == before


def test_text_is_data_never_query(store):
    evil = "x'}) MATCH (n) DETACH DELETE n //"
    store.apply(Batch(nodes=[org("org:a", "A"), org("org:evil", evil, description="$param {injection}")]))
    graph = store.graph()
    assert graph.nodes["org:evil"]["name"] == evil and "org:a" in graph


def test_reset_empties_the_store(store):
    store.apply(load_paths(BUNDLED))
    store.reset()
    assert store.graph().number_of_nodes() == 0
    assert store.apply(Batch(nodes=[org("org:a", "A")]))["created"] == 1


def test_erasing_a_person_leaves_no_trace(store):
    store.apply(load_paths(BUNDLED))
    graph = store.graph()
    ties = graph.degree("per:le-bars-yves")
    assert store.erase_person("per:le-bars-yves")["removed"] == 1 + ties
    graph = store.graph()
    assert "per:le-bars-yves" not in graph
    text = repr(snapshot(graph))
    assert "Le Bars Yves" not in text and "Yves Le Bars" not in text
    assert store.erase_person("org:cfsi") == {"removed": 0, "mentions": 0} and "org:cfsi" in store.graph()


def test_erasure_finds_the_person_however_they_are_written(store):
    """« Traçable Zoé » also written « Zoé Traçable », « ZOE TRACABLE », and
    her e-mail and phone typed into another organisation's description."""
    person = Node("per:zoe", "Person", {"name": "Traçable Zoé", "email": "zoe.t@example.org",
                                        "phone": "06 12 34 56 78"}, ["liste.csv:2"])
    described = org("org:a", "A", description="Référente : Zoé Traçable (zoe.t@example.org, +33 6 12 34 56 78).",
                    note="ZOE TRACABLE a présenté le projet")
    store.apply(Batch(nodes=[person, described], edges=[Edge("per:zoe", "WORKS_FOR", "org:a", {}, ["liste.csv:2"])]))
    report = store.erase_person("per:zoe")
    assert report == {"removed": 2, "mentions": 4}
    text = repr(snapshot(store.graph())).casefold()
    for trace in ("zoé", "zoe", "traçable", "tracable", "example.org", "12 34", "6 12"):
        assert trace not in text, trace


def test_export_round_trip(store, tmp_path):
    store.apply(load_paths(BUNDLED))
    before = snapshot(store.graph())
    paths = export(store.graph(), "csv", tmp_path / "csv", with_persons=True)
    store.reset()
    store.apply(load_paths(paths))
    assert snapshot(store.graph()) == before


def test_describe_names_the_store(store):
    store.apply(Batch(nodes=[org("org:a", "A")]))
    info = store.describe()
    assert info["store"] == store.name and info["last_modified"]
    assert "passerelles-dev" not in repr(info)


def test_version_changes_with_every_write_and_only_then(store):
    store.apply(Batch(nodes=[org("org:a", "A")]))
    first = store.describe()["version"]
    store.apply(Batch(nodes=[org("org:a", "A")]))          # unchanged: nothing written
    assert store.describe()["version"] == first
    store.apply(Batch(nodes=[org("org:b", "B")]))
    second = store.describe()["version"]
    store.reset()
    assert len({first, second, store.describe()["version"]}) == 3


def test_both_stores_give_the_same_export_of_the_bundled_dataset(empty_store, neo4j_store, tmp_path):
    outputs = []
    for store in (empty_store, neo4j_store):
        store.apply(load_paths(BUNDLED))
        folder = tmp_path / store.name
        export(store.graph(), "csv", folder)
        outputs.append([(folder / f).read_bytes() for f in ("elements.csv", "connections.csv")])
    assert outputs[0] == outputs[1]


SELECTIONS = [
    ({"territories": ["Nord-Pas-de-Calais"]}, {"org:grdr", "org:lsi", "ter:lille", "prj:migrants-ess", "org:apes"},
     {"org:renapess", "ter:kayes", "org:cfsi"}),
    ({"territories": ["kayes"], "kinds": ["Organisation"]}, {"org:emdk", "org:grdr", "org:conseil-regional-kayes"},
     {"ter:kayes", "org:apes"}),
    ({"themes": ["Économie sociale et solidaire"]}, {"thm:ess", "org:apes", "org:renapess", "prj:migrants-ess"},
     {"org:essor"}),
    ({"kinds": ["Territory"]}, {"ter:france", "ter:kayes"}, {"org:cfsi"}),
    ({"territories": ["Lille"], "themes": ["ESS"]}, {"org:grdr"}, {"org:essor", "org:apes"}),
]


@pytest.mark.parametrize("selection, present, absent", SELECTIONS, ids=[repr(s[0]) for s in SELECTIONS])
def test_subgraph_selection(store, selection, present, absent):
    store.apply(load_paths(BUNDLED))
    part = store.graph(**selection)
    assert present <= set(part) and not absent & set(part)
    whole = store.graph()
    # the induced subgraph: every tie among the kept nodes, nothing else
    expected = {(u, v, k) for u, v, k in whole.edges(keys=True) if u in part and v in part}
    assert set(part.edges(keys=True)) == expected


def test_both_stores_select_the_same_subgraph(empty_store, neo4j_store):
    for store in (empty_store, neo4j_store):
        store.apply(load_paths(BUNDLED))
    for selection, _, _ in SELECTIONS:
        a, b = empty_store.graph(**selection), neo4j_store.graph(**selection)
        assert snapshot(a) == snapshot(b), selection


def test_a_keyed_part_of_tie_still_places_what_is_inside(store, tmp_path):
    """A connections row with a Key column (as `export --format csv` writes
    it) stores PART_OF#<key>: the territory is still inside its parent."""
    from graph.analytics.partners import org_places
    elements = tmp_path / "elements.csv"
    elements.write_text("Id,Label,Type,Territoire\nter:npdc,Nord-Pas-de-Calais,Territoire,\n"
                        "ter:lille,Lille,Territoire,\norg:lsi,Lille Sud Insertion,association,ter:lille\n",
                        encoding="utf-8")
    connections = tmp_path / "connections.csv"
    connections.write_text("From,To,Relation,Key\nter:lille,ter:npdc,PART_OF,convention-2016\n", encoding="utf-8")
    store.apply(load_paths([elements, connections]))
    whole = store.graph()
    assert list(whole["ter:lille"]["ter:npdc"]) == ["PART_OF#convention-2016"]
    part = store.graph(territories=["Nord-Pas-de-Calais"])
    assert {"ter:lille", "org:lsi"} <= set(part)
    assert "ter:npdc" in org_places(whole, "org:lsi")


def test_every_store_keeps_the_contract(store):
    from graph.store import Store
    assert isinstance(store, Store) and store.name in ("embedded", "neo4j")


def test_plan_says_what_apply_will_do_and_writes_nothing(store):
    store.apply(Batch(nodes=[org("org:a", "A", website="a.org")]))
    version = store.describe()["version"]
    batch = Batch(nodes=[org("org:a", "A", website="a.fr"), org("org:b", "B")],
                  edges=[Edge("org:a", "PARTNER_OF", "org:b", {}, ["t.csv:3"])])
    plan = store.plan(batch)
    assert plan.counts == {"created": 2, "updated": 1, "unchanged": 0} and not plan.problems
    assert store.describe()["version"] == version and "org:b" not in store.graph()
    assert store.apply(batch) == plan.counts
    bad = store.plan(Batch(edges=[Edge("org:a", "MEMBER_OF", "org:nowhere", {}, ["x"])]))
    assert bad.problems[0].values == {"id": "org:nowhere"}


HOSTILE = {
    "name a number": ({"name": 12}, "not_text"),
    "name a list": ({"name": ["A", "B"]}, "not_text"),
    "name a map": ({"name": {"x": 1}}, "not_text"),
    "aliases a number": ({"name": "A", "aliases": 3}, "not_text_list"),
    "NaN": ({"name": "A", "score": float("nan")}, "not_finite"),
    "infinity": ({"name": "A", "score": float("inf")}, "not_finite"),
    "NUL": ({"name": "A\x00B"}, "control_character"),
    "control character": ({"name": "A", "description": "x\x1by"}, "control_character"),
    "65-bit integer": ({"name": "A", "count": 2**64}, "integer_too_large"),
    "mixed list": ({"name": "A", "tags": ["a", 1]}, "mixed_list"),
    "list of maps": ({"name": "A", "tags": [{"a": 1}]}, "mixed_list"),
    "a map": ({"name": "A", "extra": {"a": 1}}, "not_a_value"),
    "empty field name": ({"name": "A", "": "x"}, "bad_field_name"),
    "reserved field": ({"name": "A", "kind": "Territory"}, "reserved_field"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_both_stores_refuse_what_neither_could_keep(store, case):
    """Whoever made the batch (a loader, an edit, a script), the one merge
    rule refuses a value the vocabulary does not allow, on both stores, and
    nothing is written."""
    props, code = HOSTILE[case]
    store.apply(Batch(nodes=[org("org:a", "A")]))
    before = snapshot(store.graph())
    with pytest.raises(BatchRejected) as err:
        store.apply(Batch(nodes=[Node("org:b", "Organisation", props, ["t.csv:2"])]))
    assert code in [p.code for p in err.value.problems]
    assert snapshot(store.graph()) == before


@pytest.mark.parametrize("sources, conflicts", [
    ("doc.txt", {}), ([1, 2], {}), (["ok"], {"name": "x"}), (["ok"], {"name": [{"value": 1}]}),
])
def test_sources_and_conflicts_of_the_wrong_shape_are_refused(store, sources, conflicts):
    with pytest.raises(BatchRejected) as err:
        store.apply(Batch(nodes=[Node("org:b", "Organisation", {"name": "B"}, sources, conflicts)]))
    assert {p.code for p in err.value.problems} <= {"bad_sources", "bad_conflicts"}
    assert "org:b" not in store.graph()


def test_a_tie_of_a_type_outside_the_vocabulary_is_refused(store):
    store.apply(Batch(nodes=[org("org:a", "A"), org("org:b", "B")]))
    for rel in ("FRIEND_OF", 5, ["PARTNER_OF"]):
        with pytest.raises(BatchRejected) as err:
            store.apply(Batch(edges=[Edge("org:a", rel, "org:b", {}, ["s"])]))
        assert err.value.problems[0].code == "unknown_relation"
    assert store.graph().number_of_edges() == 0
