"""The template a new user starts from loads as it is, in both languages."""
import pytest

from interface.i18n import LANGUAGES
from interface.template import participants_workbook, presence_workbook, template_workbook
from loaders import load_paths
from loaders.tables import Upload


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_template_loads_as_it_is(lang):
    batch = load_paths([Upload("template.xlsx", template_workbook(lang))])
    assert batch.errors == [] and batch.warnings == []       # the help sheet is skipped without a word
    kinds = sorted(n.kind for n in batch.nodes)
    assert kinds == ["Organisation", "Organisation", "Territory", "Territory", "Theme"]
    assert [e.type for e in batch.edges if e.type == "MEMBER_OF"] == ["MEMBER_OF"]
    assert {e.type for e in batch.edges} == {"MEMBER_OF", "BASED_IN", "ACTIVE_IN", "WORKS_ON"}


def rows_of(workbook: bytes) -> list:
    import io

    import openpyxl
    (sheet,) = openpyxl.load_workbook(io.BytesIO(workbook)).worksheets
    return [[c for c in row] for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_participants_template_loads_as_it_is(lang):
    workbook = participants_workbook(lang)
    header, *rows = rows_of(workbook)
    structures, current = set(), None
    for row in rows:                                      # an empty structure continues the one above
        current = row[0] or current
        structures.add(current)
    batch = load_paths([Upload("participants.xlsx", workbook)], fmt="participants", event="Atelier")
    assert batch.errors == [] and {w.code for w in batch.warnings} == {"structure_new", "new_event"}
    people = [n for n in batch.nodes if n.kind == "Person"]
    assert sorted(n.props["name"] for n in people) == sorted(row[1] for row in rows)
    assert {n.props["name"] for n in batch.nodes if n.kind == "Organisation"} == structures
    assert sum(e.type == "WORKS_FOR" for e in batch.edges) == len(rows)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_presence_template_loads_as_it_is(lang):
    workbook = presence_workbook(lang)
    header, tags, *rows = rows_of(workbook)
    assert all(tag.startswith("#") for tag in tags)
    batch = load_paths([Upload("3w.xlsx", workbook)])
    assert batch.errors == [] and batch.warnings == []
    names = {n.kind: set() for n in batch.nodes}
    for node in batch.nodes:
        names[node.kind].add(node.props["name"])
    column = {tag: i for i, tag in enumerate(tags)}
    assert names["Organisation"] == {r[column["#org+impl+name"]] for r in rows} | {r[column["#org+funder+name"]]
                                                                                    for r in rows}
    assert names["Territory"] == {r[column["#adm1+name"]] for r in rows} | {"Mali"}   # ML01: Mali's P-codes
    assert names["Theme"] == {r[column["#sector"]] for r in rows}
    assert sum(e.type == "ACTIVE_IN" for e in batch.edges) == len(rows)
