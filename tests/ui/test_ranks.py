"""Ranks on the actor page: among the organisations for which the metric
means something, and none for a value that ranks nothing."""
from ui.actor import rank_of


def row(org, degree, betweenness, pagerank=0.1, constraint=None):
    return {"id": org, "degree": degree, "betweenness": betweenness, "pagerank": pagerank, "constraint": constraint}


ROWS = [row("a", 3, 0.5, constraint=0.4), row("b", 2, 0.2, constraint=0.6), row("c", 2, 0.0, constraint=0.9),
        row("d", 1, 0.0), row("e", 0, None, pagerank=0.01)]


def test_a_betweenness_of_zero_is_not_ranked_and_ranks_count_who_can_have_one():
    by_id = {r["id"]: r for r in ROWS}
    assert rank_of(ROWS, by_id["b"], "betweenness") == "2 sur 3 ayant au moins 2 lien(s)"
    assert rank_of(ROWS, by_id["c"], "betweenness") == "—"          # 0: nobody's path runs through it
    assert rank_of(ROWS, by_id["d"], "betweenness") == "—"          # one tie: not defined
    assert rank_of(ROWS, by_id["e"], "pagerank") == "—"             # no tie at all


def test_lower_is_better_for_constraint_and_pagerank_counts_every_tied_one():
    by_id = {r["id"]: r for r in ROWS}
    assert rank_of(ROWS, by_id["a"], "constraint") == "1 sur 3 ayant au moins 2 lien(s)"
    assert rank_of(ROWS, by_id["c"], "constraint") == "3 sur 3 ayant au moins 2 lien(s)"
    assert rank_of(ROWS, by_id["d"], "pagerank") == "1 sur 4 ayant au moins 1 lien(s)"

