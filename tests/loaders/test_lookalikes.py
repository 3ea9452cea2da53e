"""Look-alike organisations never take over another's links: names are
kept in one Unicode form without invisible characters, and a new
organisation whose name looks like a known one (a twin under another id, a
letter of another script) is a warning in the report."""
import json

import pytest

from graph.names import NameIndex, skeleton
from loaders import load_paths

KNOWN = NameIndex()
KNOWN.add("org:cap-solidarites", "Organisation", "Cap Solidarités", "CAPSO")


def sheet(tmp_path, rows):
    path = tmp_path / "membres.csv"
    path.write_text("Id,Label,Type\n" + "".join(f"{i},{name},association\n" for i, name in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", [
    "Cap Solidarités",                 # the same name, another id
    "Саp Solidarités",                 # Cyrillic « С » and « а »
    "Cap Solidar\u200bités",           # a zero-width space
    "CAP SOLIDARITES",                 # case and accents
])
def test_a_new_organisation_that_looks_like_a_known_one_is_reported(tmp_path, name):
    batch = load_paths([sheet(tmp_path, [("org:impostor", name)])], known=KNOWN)
    assert batch.errors == []
    (warning,) = [w for w in batch.warnings if w.code == "lookalike_name"]
    assert (warning.row, warning.column, warning.values["other_id"]) == (2, "Label", "org:cap-solidarites")


def test_invisible_characters_are_dropped_and_accents_composed(tmp_path):
    batch = load_paths([sheet(tmp_path, [("org:x", "Lianes\u200b Coope\u0301ration\u202e")])])
    assert batch.nodes[0].props["name"] == "Lianes Coopération"


def test_two_look_alikes_in_one_file_are_reported(tmp_path):
    batch = load_paths([sheet(tmp_path, [("org:a", "ESSOR"), ("org:b", "\u0415SSOR")])])      # Cyrillic « Е »
    assert [(w.row, w.values["other_id"]) for w in batch.warnings if w.code == "lookalike_name"] == [(3, "org:a")]


def test_the_skeleton_reads_look_alike_letters_as_latin():
    assert skeleton("\u0415SSOR") == skeleton("ESSOR") == "essor"
    assert skeleton("Οxfam") == "oxfam"                      # Greek « Ο »
    assert skeleton("Kayès") == "kayes" and skeleton("Kayes") != skeleton("Kaves")


def test_an_ordinary_new_organisation_is_not_reported(tmp_path):
    batch = load_paths([sheet(tmp_path, [("org:new", "Solidarité Kayes Nord")])], known=KNOWN)
    assert [w for w in batch.warnings if w.code == "lookalike_name"] == []


def test_graph_files_are_checked_too(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"nodes": [{"id": "org:twin", "kind": "Organisation", "name": "Саp Solidarités"}],
                                "edges": []}, ensure_ascii=False), encoding="utf-8")
    batch = load_paths([path], known=KNOWN)
    assert [w.values["other_id"] for w in batch.warnings if w.code == "lookalike_name"] == ["org:cap-solidarites"]
