import pytest

from graph import model
from graph.model import Edge, Node, Problem


def test_fold_ignores_accents_case_and_punctuation():
    assert model.fold("  Lianes  Coopération ") == "lianes cooperation"
    assert model.fold("Grdr, migration-citoyenneté") == "grdr migration citoyennete"


def test_ids_are_stable_and_prefixed():
    assert model.make_id(model.ORGANISATION, "Cap Solidarités") == "org:cap-solidarites"
    assert model.make_id(model.TERRITORY, "Nord-Pas-de-Calais") == "ter:nord-pas-de-calais"
    assert model.make_id(model.PERSON, "Le Bars Yves") == model.make_id(model.PERSON, "le bars  YVES")


@pytest.mark.parametrize("value, formula", [
    ("=HYPERLINK(\"http://x\")", True), ("@SUM(A1)", True), ("+cmd|' /C calc'!A0", True),
    ("-2+3+cmd", True), ("+33 1 44 83 88 50", False), ("-3.5", False), ("Cap Solidarités", False),
    ("", False), (12, False),
])
def test_formula_cells(value, formula):
    assert model.looks_like_formula(value) is formula


def where(column, code, /, **values):
    return Problem("f.csv", 2, column, code, values)


def test_validate_node_reports_each_problem_with_its_column():
    node = Node("org:x", model.ORGANISATION, {"name": "", "category": "club", "sphere": "mars"})
    columns = {p.column for p in model.validate_node(node, where)}
    assert columns == {"name", "category", "sphere"}


def test_validate_territory_coordinates():
    node = Node("ter:x", model.TERRITORY, {"name": "X", "lat": 120.0, "level": "planet"})
    columns = {p.column for p in model.validate_node(node, where)}
    assert columns == {"lat", "level"}


def test_validate_edge_checks_the_ends_kinds():
    edge = Edge("ter:a", "MEMBER_OF", "org:b")
    problems = model.validate_edge(edge, model.TERRITORY, model.ORGANISATION, where)
    assert [(p.code, p.values["source_kind"]) for p in problems] == [("relation_ends", model.TERRITORY)]


def test_symmetric_relations_have_one_identity():
    a = Edge("org:b", "PARTNER_OF", "org:a")
    b = Edge("org:a", "PARTNER_OF", "org:b")
    assert a.key == b.key
    assert Edge("org:b", "MEMBER_OF", "org:a").key != Edge("org:a", "MEMBER_OF", "org:b").key


def test_source_document():
    assert model.source_document("report.txt § Participants") == "report.txt"
    assert model.source_document("members.csv:12") == "members.csv"
