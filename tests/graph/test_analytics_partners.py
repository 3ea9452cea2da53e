import networkx as nx
import pytest
from conftest import BUNDLED, cli_json, run_cli

from graph.analytics.partners import UnknownOrganisation, find_organisation, potential_partners
from graph.merge import apply_batch
from loaders import load_paths


@pytest.fixture(scope="module")
def graph():
    return apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0]


def org(name, **attrs):
    return name, dict(kind="Organisation", name=name, **attrs)


def tiny():
    """A and B are partners of C; A and B both work on ESS in paired territories."""
    g = nx.MultiDiGraph()
    g.add_nodes_from([org("A", sphere="civil_society"), org("B", sphere="public"), org("C", sphere="civil_society"),
                      org("D", sphere="civil_society")])
    g.add_node("ess", kind="Theme", name="ESS")
    g.add_node("lille", kind="Territory", name="Lille", level="city")
    g.add_node("kayes", kind="Territory", name="Kayes", level="region")
    for a, b in (("A", "C"), ("B", "C")):
        g.add_edge(a, b, key="PARTNER_OF", type="PARTNER_OF")
    for o in ("A", "B"):
        g.add_edge(o, "ess", key="WORKS_ON", type="WORKS_ON")
    g.add_edge("A", "lille", key="BASED_IN", type="BASED_IN")
    g.add_edge("B", "kayes", key="BASED_IN", type="BASED_IN")
    g.add_edge("lille", "kayes", key="PAIRED_WITH", type="PAIRED_WITH")
    return g


def test_affinity_multiplies_structure_with_reasons():
    (b,) = potential_partners(tiny(), "A")
    assert b["id"] == "B"
    # structure: resource allocation through C (degree 2), no walk of three ties;
    # affinity: one theme + paired territories + complementary sphere
    structure, affinity = 0.5, 0.5 + 0.8 + 0.3
    # activity: A and B each have one partnership (strength 1)
    activity = ((1 + 1) * (1 + 1)) ** 0.25
    assert b["score"] == pytest.approx((structure * (1 + affinity) + 0.5 * affinity) * activity, abs=1e-4)
    assert b["evidence"] == [{"code": "partners", "ids": ["C"]}, {"code": "paired", "ids": ["lille", "kayes"]},
                             {"code": "themes", "ids": ["ess"]}, {"code": "sphere", "sphere": "public"}]
    assert b["path"] == ["A", "C", "B"]


def test_a_relation_of_a_relation_counts_for_less_than_a_common_one():
    """A – C – D – B: no common relation, one walk of three ties; E shares
    C with A but nothing else."""
    g = nx.MultiDiGraph()
    g.add_nodes_from(org(name) for name in "ABCDE")
    for a, b in (("A", "C"), ("C", "D"), ("D", "B"), ("E", "C")):
        g.add_edge(a, b, key="PARTNER_OF", type="PARTNER_OF")
    found = {c["id"]: c for c in potential_partners(g, "A")}
    # 1 / (degree of C × degree of D), times the activity of A and B (one partnership each)
    assert found["B"]["score"] == round(1 / 3 * 1 / 2 * ((1 + 1) * (1 + 1)) ** 0.25, 4)
    assert found["B"]["evidence"] == [{"code": "three_steps"}]
    assert found["B"]["path"] == ["A", "C", "D", "B"]
    assert found["E"]["score"] > found["B"]["score"]
    assert found["E"]["evidence"][0] == {"code": "partners", "ids": ["C"]}


def test_project_peers_already_work_together_and_are_not_suggested():
    """A and B take part in one programme: they know each other. C shares a
    partner with A: it is suggested, B is not, and says why apart."""
    from graph.analytics.actor import actor_graph
    from graph.analytics.partners import working_together
    g = nx.MultiDiGraph()
    g.add_nodes_from(org(name) for name in "ABCP")
    g.add_node("prj", kind="Project", name="Programme")
    for o in "AB":
        g.add_edge(o, "prj", key="TAKES_PART_IN", type="TAKES_PART_IN")
    for o in "AC":
        g.add_edge(o, "P", key="PARTNER_OF", type="PARTNER_OF")
    assert [c["id"] for c in potential_partners(g, "A")] == ["C"]
    assert working_together(actor_graph(g), "A") == {"B": ["prj"]}


def test_a_large_collective_and_an_event_count_once_each_and_equal_scores_go_by_evidence():
    """A, B, C and D are members of one collective and attended one event;
    C also shares a theme with A. Evidence names the collective and the
    event once each; C, with more evidence, comes before B and D."""
    g = nx.MultiDiGraph()
    g.add_nodes_from(org(name) for name in "ABCDN")
    g.add_node("evt", kind="Event", name="Atelier")
    g.add_node("ess", kind="Theme", name="ESS")
    for o in "ABCD":
        g.add_edge(o, "N", key="MEMBER_OF", type="MEMBER_OF")
        g.add_edge(o, "evt", key="ATTENDED", type="ATTENDED")
    for o in "AC":
        g.add_edge(o, "ess", key="WORKS_ON", type="WORKS_ON")
    found = potential_partners(g, "A")
    assert [c["id"] for c in found][:1] == ["C"]
    b = next(c for c in found if c["id"] == "B")
    assert b["evidence"] == [{"code": "co_member", "ids": ["N"]}, {"code": "co_event", "ids": ["evt"]}]
    d = next(c for c in found if c["id"] == "D")
    assert d["score"] == b["score"] and [c["id"] for c in found].index("B") < [c["id"] for c in found].index("D")


def test_the_support_says_how_much_a_suggestion_rests_on():
    """tiny(): B shares a partner, paired territories and a theme with A
    (strong); in the collective graph above, C shares a theme (some) and B
    only the collective and the event (weak)."""
    from graph.analytics.partners import support
    (b,) = potential_partners(tiny(), "A")
    assert b["support"] == 3
    g = nx.MultiDiGraph()
    g.add_nodes_from(org(name) for name in "ABCN")
    g.add_node("ess", kind="Theme", name="ESS")
    for o in "ABC":
        g.add_edge(o, "N", key="MEMBER_OF", type="MEMBER_OF")
    for o in "AC":
        g.add_edge(o, "ess", key="WORKS_ON", type="WORKS_ON")
    assert {c["id"]: c["support"] for c in potential_partners(g, "A")} == {"B": 1, "C": 2}
    # two partners named by both are strong on their own; a sphere never raises it
    assert support([{"code": "partners", "ids": ["x", "y"]}]) == 3
    assert support([{"code": "partners", "ids": ["x"]}, {"code": "sphere", "sphere": "public"}]) == 2
    assert support([{"code": "same_place", "ids": ["t"]}, {"code": "co_member", "ids": ["n"]}]) == 1


def test_already_tied_and_unrelated_organisations_are_not_candidates():
    ids = {c["id"] for c in potential_partners(tiny(), "A")}
    assert "C" not in ids and "D" not in ids


def test_filters(graph):
    assert {c["id"] for c in potential_partners(graph, "org:lianes-cooperation", territory="Tchad", top=50)} == \
        {"org:essor"}
    assert potential_partners(graph, "org:grdr", territory="Tchad", top=50) == []      # ESSOR: a CAAC peer already
    ess = potential_partners(graph, "org:essor", theme="ESS", top=50)
    assert ess and all("org:" in c["id"] for c in ess)
    with pytest.raises(UnknownOrganisation):
        potential_partners(graph, "org:essor", theme="Astronomie")


def test_emdk_meets_organisations_of_the_region_paired_with_kayes(graph):
    from graph.analytics.partners import org_places
    found = potential_partners(graph, find_organisation(graph, "EMDK"), top=3)
    assert len(found) == 3
    for cand in found:
        assert "ter:nord-pas-de-calais" in org_places(graph, cand["id"])
        assert {"code": "paired", "ids": ["ter:kayes", "ter:nord-pas-de-calais"]} in cand["evidence"]


def test_find_organisation_names_acronyms_and_helpful_errors(graph):
    assert find_organisation(graph, "capso") == "org:cap-solidarites"
    assert find_organisation(graph, "org:essor") == "org:essor"
    with pytest.raises(UnknownOrganisation) as err:
        find_organisation(graph, "Artisans du Monde")
    assert err.value.code == "unknown_organisation" and "org:artisans-du-monde" in err.value.values["ids"]
    with pytest.raises(UnknownOrganisation) as err:
        find_organisation(graph, "Licorne solidaire")
    assert (err.value.code, err.value.values) == ("unknown_organisation", {"text": "Licorne solidaire", "ids": []})


def test_partners_command(home):
    found = cli_json("partners", "Cap Solidarités", "--top", "3", home=home)
    assert len(found) == 3 and set(found[0]) == {"id", "name", "score", "evidence", "reasons", "path", "path_names",
                                                    "follow_up", "support"}
    assert found[0]["score"] >= found[-1]["score"]
    assert found[0]["reasons"][0].startswith(("travaillent tous deux avec : ", "territoires jumelés"))
    proc = run_cli("partners", "Licorne", home=home)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == "erreur : Aucune organisation ne s'appelle « Licorne »."


def test_synergies_are_unlinked_pairs_ranked_once(graph):
    from graph.analytics.actor import directly_tied
    from graph.analytics.partners import synergies
    found = synergies(graph, top=30)
    pairs = [tuple(f["ids"]) for f in found]
    assert len(pairs) == len(set(pairs)) == 30
    assert all(a < b and b not in directly_tied(graph, a) for a, b in pairs)
    assert [f["score"] for f in found] == sorted((f["score"] for f in found), reverse=True)
    assert all(f["evidence"] for f in found)


def brute_force_synergies(graph):
    """Every pair scored one by one (pair_score): what synergies(), which
    takes the pairs by blocks of rows, must equal."""
    from graph.analytics.followups import dismissed, of_pair
    from graph.analytics.actor import directly_tied
    from graph.analytics.partners import Context, evidence, name_of, pair_score, support, working_together
    ctx = Context(graph)
    orgs, found = sorted(ctx.actor), []
    for i, a in enumerate(orgs):
        peers = working_together(ctx.actor, a)
        for b in orgs[i + 1:]:
            if b not in directly_tied(graph, a) and b not in dismissed(graph, a) and a not in dismissed(graph, b) \
                    and b not in peers:
                score = pair_score(ctx, a, b)
                if score > 0:
                    found.append({"ids": [a, b], "names": [name_of(graph, a), name_of(graph, b)],
                                  "score": score, "evidence": evidence(ctx, a, b),
                                  "support": support(evidence(ctx, a, b)), "follow_up": of_pair(graph, a, b)})
    return sorted(found, key=lambda f: (-f["score"], f["names"], f["ids"]))


def test_synergies_equal_scoring_every_pair(graph, empty_store):
    from bench.synthetic import generate
    from graph.analytics.partners import synergies
    assert synergies(graph, top=10**6) == brute_force_synergies(graph)
    empty_store.apply(generate(organisations=300, ties=2_000, seed=5))
    synthetic = empty_store.graph()
    assert synergies(synthetic, top=10**6) == brute_force_synergies(synthetic)


def test_synergies_by_small_blocks_find_the_same_pairs(graph, monkeypatch):
    """Rows taken a few at a time (8 per block here): each pair once, the
    best of every block kept, the same answer."""
    import graph.analytics.score_index as score_index
    from graph.analytics.partners import synergies
    monkeypatch.setattr(score_index, "BLOCK_CELLS", 500)
    every = brute_force_synergies(graph)
    assert synergies(graph, top=12) == every[:12]
    assert synergies(graph, top=10**6) == every


def test_synergies_agree_with_partners(graph):
    from graph.analytics.partners import synergies
    best = synergies(graph, top=1)[0]
    a, b = best["ids"]
    assert any(c["id"] == b and c["score"] == best["score"] for c in potential_partners(graph, a, top=100))


def test_synergies_command(home):
    found = cli_json("synergies", "--top", "5", home=home)
    assert len(found) == 5 and set(found[0]) == {"ids", "names", "score", "evidence", "reasons", "follow_up",
                                                  "support"}


@pytest.fixture(scope="module")
def synthetic():
    from bench.synthetic import generate
    return apply_batch(nx.MultiDiGraph(), generate(organisations=300, ties=2_000, seed=5))[0]


@pytest.mark.parametrize("which", ["graph", "synthetic"])
def test_partners_are_the_best_of_all_pairs(which, request):
    """The index only finds them faster: the same as scoring every candidate
    (neither tied nor already working together), equal scores ordered by
    their evidence."""
    from graph.analytics.actor import directly_tied
    from graph.analytics.partners import Context, evidence, pair_score, strength, working_together
    g = request.getfixturevalue(which)
    ctx = Context(g)
    for org in sorted(ctx.actor)[::7]:
        known = directly_tied(g, org) | set(working_together(ctx.actor, org))
        every = [(c, pair_score(ctx, org, c)) for c in ctx.actor if c != org and c not in known]
        best = sorted(((c, s) for c, s in every if s > 0),
                      key=lambda cs: (-cs[1], -strength(evidence(ctx, org, cs[0])), g.nodes[cs[0]]["name"]))[:10]
        found = potential_partners(g, org, top=10, context=ctx)
        assert [(c["id"], c["score"]) for c in found] == best


def test_synergies_refuse_a_network_too_big_for_every_pair(graph, home, monkeypatch, capsys):
    import graph.analytics.partners as partners
    from cli.main import main
    monkeypatch.setattr(partners, "MAX_PAIR_WORK", 10)
    with pytest.raises(partners.TooManyPairs) as err:
        partners.synergies(graph)
    assert (err.value.code, err.value.values) == ("too_many_pairs", {"count": 60})
    assert main(["synergies"]) == 1                       # the command line: one line, exit 1
    assert capsys.readouterr().err == ("erreur : Trop d'organisations (60) pour comparer toutes les paires : "
                                       "demandez plutôt les partenaires potentiels d'une organisation.\n")


def test_candidates_resting_on_the_same_evidence_are_shown_once():
    from graph.analytics.partners import grouped
    workshop = [{"code": "co_event", "ids": ["evt"]}]
    ranked = [{"id": "A", "evidence": [{"code": "themes", "ids": ["ess"]}]},
              {"id": "B", "evidence": workshop}, {"id": "C", "evidence": workshop + [{"code": "sphere",
                                                                                        "sphere": "public"}]},
              {"id": "D", "evidence": [{"code": "partners", "ids": ["X"]}]}, {"id": "E", "evidence": workshop},
              {"id": "F", "evidence": [{"code": "themes", "ids": ["ess"]}]}]
    assert [[c["id"] for c in item] for item in grouped(ranked)] == [["A"], ["B", "C", "E"], ["D"], ["F"]]
    assert [[c["id"] for c in item] for item in grouped(ranked, least=2)] == [["A", "F"], ["B", "C", "E"], ["D"]]
