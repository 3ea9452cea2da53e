import networkx as nx
import pytest
from conftest import BUNDLED, cli_json

from graph.analytics.gaps import gaps, territory_pair_gaps
from graph.merge import apply_batch
from loaders import load_paths


@pytest.fixture(scope="module")
def found():
    return gaps(apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0])


def kinds(findings):
    return {f["kind"] for f in findings}


def test_the_breton_network_hangs_on_afd(found):
    first = found["single_points_of_failure"][0]
    assert first["ids"] == ["org:afd"] and first["cut_off"] == 6
    # which six: the pieces of AFD's component without it, but the largest (networkx, independently)
    from graph.analytics.actor import actor_graph
    actor = actor_graph(apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0])
    component = nx.node_connected_component(actor, "org:afd") - {"org:afd"}
    pieces = sorted(nx.connected_components(actor.subgraph(component)), key=len)
    assert set(first["cut_off_ids"]) == set().union(*pieces[:-1]) and len(first["cut_off_ids"]) == 6


def test_a_fragile_point_names_whom_it_cuts_off():
    from graph.analytics.gaps import cut_off_by
    actor = nx.Graph([("A", "B"), ("B", "C"), ("C", "D"), ("B", "E"), ("D", "F"), ("F", "C")])
    assert cut_off_by(actor, "B") == {"A", "E"}          # {C, D, F} is the largest piece: it stays
    assert cut_off_by(actor, "D") == set()               # C-F-D is a cycle: nobody cut off


def test_chad_has_no_organisation_of_its_own(found):
    one_sided = [f["ids"] for f in found["territory_pairs"] if f["kind"] == "territory_pair_one_sided"]
    assert ["ter:nord-pas-de-calais", "ter:tchad", "ter:tchad", "ter:nord-pas-de-calais"] in one_sided


def test_projects_missing_a_sphere(found):
    chad = next(f for f in found["spheres"] if "prj:formation-tchad" in f["ids"])
    assert chad["missing"] == ["public", "economic"] and chad["members"] == len(chad["ids"]) - 1


def test_isolated_and_met_never_partnered(found):
    isolated = {f["ids"][0] for f in found["isolated"]}
    assert "org:convergences" in isolated
    assert "org:cota" not in isolated       # tied to the DGD ("ONG agréée par"), a RELATED_TO tie
    pairs = {tuple(f["ids"]) for f in found["met_never_partnered"]}
    assert ("org:cd-pas-de-calais", "org:maillage") in pairs
    assert ("org:grdr", "org:apes") not in pairs and ("org:apes", "org:grdr") not in pairs


def test_themes_without_counterpart_name_both_sides(found):
    f = found["themes"][0]
    theme, side, other = f["ids"]
    assert f["kind"] == "theme_without_counterpart" and theme.startswith("thm:")
    assert {side, other} <= {"ter:nord-pas-de-calais", "ter:kayes", "ter:tchad", "ter:maghreb"}


def pair_graph(ties):
    g = nx.MultiDiGraph()
    g.add_node("here", kind="Territory", name="Ici", level="region")
    g.add_node("there", kind="Territory", name="Là-bas", level="region")
    g.add_edge("here", "there", key="PAIRED_WITH", type="PAIRED_WITH")
    for o, place in (("a", "here"), ("b", "here"), ("x", "there"), ("y", "there")):
        g.add_node(o, kind="Organisation", name=o.upper())
        g.add_edge(o, place, key="BASED_IN", type="BASED_IN")
    for u, v in ties:
        g.add_edge(u, v, key="PARTNER_OF", type="PARTNER_OF")
    return g


@pytest.mark.parametrize("ties, kind", [
    ([], "territory_pair_unlinked"),
    ([("a", "x")], "territory_pair_single_tie"),
    ([("a", "x"), ("b", "y")], None),
])
def test_territory_pairs(ties, kind):
    assert kinds(territory_pair_gaps(pair_graph(ties))) == ({kind} if kind else set())


def test_gaps_command(home):
    result = cli_json("gaps", home=home)
    assert set(result) == {"territory_pairs", "themes", "spheres", "isolated", "met_never_partnered",
                           "single_points_of_failure"}
    assert all({"kind", "message", "ids"} <= set(f) for fs in result.values() for f in fs)


def test_separated_pieces_match_removing_each_point(tmp_path):
    """The one-pass count equals removing each articulation point in turn."""
    import random

    import networkx as nx

    from graph.analytics.gaps import separated_pieces
    rng = random.Random(4)
    graphs = [nx.path_graph(6), nx.star_graph(5), nx.barbell_graph(4, 3), nx.karate_club_graph()]
    graphs += [nx.gnm_random_graph(60, rng.randrange(50, 90), seed=rng.randrange(10**6)) for _ in range(20)]
    for g in graphs:
        expected = {}
        for node in nx.articulation_points(g):
            rest = nx.node_connected_component(g, node) - {node}
            expected[node] = sorted(len(p) for p in nx.connected_components(g.subgraph(rest)))
        assert {n: sorted(p) for n, p in separated_pieces(g).items()} == expected


def test_what_a_point_cuts_off_is_everything_but_its_largest_piece():
    """With or without the count known (`most`), cut_off_by is networkx's
    pieces without the point, all but the largest (ties between largest
    pieces aside: then which one stays is arbitrary)."""
    import random

    import networkx as nx

    from graph.analytics.gaps import cut_off_by, separated_pieces
    rng = random.Random(7)
    graphs = [nx.barbell_graph(4, 3), nx.karate_club_graph(), nx.balanced_tree(3, 3)]
    graphs += [nx.gnm_random_graph(80, rng.randrange(60, 110), seed=rng.randrange(10**6)) for _ in range(30)]
    checked = 0
    for g in graphs:
        for node, sizes in separated_pieces(g).items():
            rest = nx.node_connected_component(g, node) - {node}
            pieces = sorted(nx.connected_components(g.subgraph(rest)), key=len, reverse=True)
            if len(pieces[0]) == len(pieces[1]):
                continue
            expected = set().union(*pieces[1:])
            assert cut_off_by(g, node) == expected
            assert cut_off_by(g, node, sum(sizes) - max(sizes)) == expected
            checked += 1
    assert checked > 100
