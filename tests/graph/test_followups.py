"""Follow-ups of suggested partners: records about the network, never ties
of it. Recorded through the one write path, on both stores; the actor
graph, the metrics, the gaps and the introduction paths are the same with
or without them; « pas pertinent » takes a partner out of that
organisation's suggestions; they go out and come back with an export."""
import pytest

from graph.analytics import Refused
from graph.analytics.actor import actor_graph
from graph.analytics.followups import follow_ups
from graph.analytics.gaps import gaps
from graph.analytics.metrics import organisation_metrics
from graph.analytics.overview import overview
from graph.analytics.partners import potential_partners, synergies
from graph.edits import add_tie, follow_up
from graph.export import export
from graph.model import Batch, Edge
from graph.names import NameIndex
from graph.store import BatchRejected
from loaders import load_paths

LIANES = "org:lianes-cooperation"


def ties(actor):
    return sorted((min(u, v), max(u, v), round(d["weight"], 6)) for u, v, d in actor.edges(data=True))


def test_follow_ups_change_no_analytics_but_the_dismissed_suggestion(bundled_store):
    store = bundled_store
    graph = store.graph()
    before = potential_partners(graph, LIANES, top=10)
    first, second = before[0]["id"], before[1]["id"]
    actor, metrics, found_gaps = actor_graph(graph), organisation_metrics(actor_graph(graph), seed=0), gaps(graph)
    store.apply(follow_up(graph, LIANES, first, "not_relevant", who="Camille", note="pas le même métier"))
    store.apply(follow_up(store.graph(), LIANES, second, "introduced", who="Camille"))
    graph = store.graph()
    assert ties(actor_graph(graph)) == ties(actor)
    assert organisation_metrics(actor_graph(graph), seed=0) == metrics
    assert gaps(graph) == found_gaps
    assert overview(graph)["follow_ups"] == 2 and "FOLLOWS_UP" not in overview(graph)["relations"]
    after = potential_partners(graph, LIANES, top=10)
    assert first not in [c["id"] for c in after]                       # dismissed for Lianes
    kept = {c["id"]: c for c in after}
    assert kept[second]["follow_up"]["status"] == "introduced"
    earlier = {c["id"]: c for c in before}
    assert [(c["id"], c["score"], c["path"]) for c in after if c["id"] in earlier] == \
        [(c["id"], c["score"], c["path"]) for c in before if c["id"] != first]        # same scores, same paths
    # the other organisation still sees Lianes, with the follow-up shown
    theirs = {c["id"]: c for c in potential_partners(graph, first, top=50)}
    assert theirs[LIANES]["follow_up"]["status"] == "not_relevant"
    pairs = [tuple(p["ids"]) for p in synergies(graph, top=500)]
    assert tuple(sorted((LIANES, first))) not in pairs


def test_an_introduction_stays_listed_until_it_becomes_a_tie(bundled_store):
    store = bundled_store
    partner = potential_partners(store.graph(), LIANES, top=1)[0]["id"]
    store.apply(follow_up(store.graph(), LIANES, partner, "introduced", who="Camille", note="réunion du 30"))
    [record] = follow_ups(store.graph(), status="introduced")
    assert (record["org"], record["partner"], record["who"], record["note"], record["tied"]) == \
        (LIANES, partner, "Camille", "réunion du 30", False)
    assert follow_ups(store.graph(), org=partner) == [record] and follow_ups(store.graph(), who="camille") == [record]
    assert follow_ups(store.graph(), who="Dominique") == []
    store.apply(add_tie(LIANES, "PARTNER_OF", partner, who="Camille"))
    assert follow_ups(store.graph())[0]["tied"] is True
    assert partner not in [c["id"] for c in potential_partners(store.graph(), LIANES, top=50)]


def test_already_partners_adds_the_tie_in_the_same_change_when_confirmed(store):
    store.apply(Batch(nodes=[_org("org:a"), _org("org:b")]))
    store.apply(follow_up(store.graph(), "org:a", "org:b", "already_partners", who="Camille"))
    assert not store.graph().has_edge("org:a", "org:b", "PARTNER_OF")            # not asked: no tie
    store.apply(follow_up(store.graph(), "org:a", "org:b", "already_partners", who="Camille", add_partnership=True))
    graph = store.graph()
    assert graph.has_edge("org:a", "org:b", "PARTNER_OF") and graph.edges["org:a", "org:b", "FOLLOWS_UP"]["status"] == \
        "already_partners"
    entry = store.journal()[0]
    assert entry["kind"] == "follow_up" and entry["counts"]["created"] == 1        # the partnership; the record is as it was


def test_a_new_follow_up_replaces_the_previous_and_a_stale_one_is_refused(store):
    store.apply(Batch(nodes=[_org("org:a"), _org("org:b")]))
    stale = store.graph()
    store.apply(follow_up(store.graph(), "org:a", "org:b", "to_follow", who="Camille"))
    with pytest.raises(BatchRejected) as err:
        store.apply(follow_up(stale, "org:a", "org:b", "introduced", who="Dominique"))
    assert err.value.problems[0].code == "changed_since_read"
    store.apply(follow_up(store.graph(), "org:a", "org:b", "introduced", who="Dominique"))
    [record] = follow_ups(store.graph())
    assert (record["status"], record["who"]) == ("introduced", "Dominique")
    store.undo(store.journal()[0]["id"])
    assert follow_ups(store.graph())[0]["status"] == "to_follow"


def test_follow_ups_round_trip_through_export_and_load(store, tmp_path):
    store.apply(Batch(nodes=[_org("org:a"), _org("org:b"), _org("org:c")]))
    store.apply(follow_up(store.graph(), "org:a", "org:b", "introduced", who="Camille", note="salon du 12"))
    store.apply(follow_up(store.graph(), "org:c", "org:a", "not_relevant", who="Dominique"))
    records = follow_ups(store.graph())
    paths = export(store.graph(), "csv", tmp_path / "out")
    store.reset()
    batch = load_paths(paths, known=NameIndex())
    assert batch.errors == []
    store.apply(batch)
    assert follow_ups(store.graph()) == records


def test_a_wrong_status_is_refused_in_an_edit_and_in_a_file(store):
    store.apply(Batch(nodes=[_org("org:a"), _org("org:b")]))
    with pytest.raises(Refused) as err:
        follow_up(store.graph(), "org:a", "org:b", "peut-être")
    assert err.value.code == "unknown_status"
    with pytest.raises(Refused) as err:
        follow_up(store.graph(), "org:a", "org:a", "introduced")
    assert err.value.code == "own_partner"
    with pytest.raises(BatchRejected) as err:
        store.apply(Batch(edges=[Edge("org:a", "FOLLOWS_UP", "org:b", {"status": "peut-être"}, ["f.csv:2"])]))
    assert (err.value.problems[0].code, err.value.problems[0].column) == ("unknown_status", "status")


def _org(node_id):
    from graph.model import Node
    return Node(node_id, "Organisation", {"name": node_id[4:].upper(), "category": "ngo"}, ["t.csv:1"])


def test_erasing_a_person_leaves_no_trace_in_follow_ups_exports_or_journal(store, tmp_path):
    from graph.model import Node
    import json
    store.apply(Batch(nodes=[_org("org:a"), _org("org:b"),
                             Node("per:jean", "Person", {"name": "Jean Dupont", "email": "jean@x.example"}, ["l.csv:2"])],
                      edges=[Edge("per:jean", "WORKS_FOR", "org:a", {}, ["l.csv:2"])]))
    store.apply(follow_up(store.graph(), "org:a", "org:b", "introduced", who="Camille",
                          note="présentés par Jean Dupont (jean@x.example)"))
    done = store.erase_person("per:jean")
    assert done["removed"] == 2 and done["mentions"] >= 2
    graph = store.graph()
    assert "per:jean" not in graph
    [record] = follow_ups(graph)
    assert "Dupont" not in record["note"] and "jean@x.example" not in record["note"] and record["status"] == "introduced"
    for fmt, target in (("json", tmp_path / "g.json"), ("csv", tmp_path / "csv")):
        for path in export(graph, fmt, target, with_contacts=True):
            text = open(path, encoding="utf-8").read()
            assert "Dupont" not in text and "jean@x.example" not in text
    journal = json.dumps(store.journal(), ensure_ascii=False)
    assert "Dupont" not in journal and "jean@x.example" not in journal and "per:jean" not in journal
