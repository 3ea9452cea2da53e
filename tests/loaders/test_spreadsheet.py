import csv

import pytest
from conftest import KUMU, need

from graph import model
from loaders import load_paths
from graph.names import NameIndex


def write(path, rows, delimiter=",", encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def pair(tmp_path, elements, connections=None, **kw):
    paths = [write(tmp_path / "elements.csv", elements, **kw)]
    if connections is not None:
        paths.append(write(tmp_path / "connections.csv", connections, **kw))
    return paths


# --- the real Kumu board -------------------------------------------------------

def test_real_kumu_board_loads_as_it_is():
    need(KUMU)
    batch = load_paths([KUMU / "elements.csv", KUMU / "connections.csv"])
    assert batch.errors == []
    nodes = {n.id: n for n in batch.nodes}
    # its 126 elements, plus the countries its `country` column names
    with open(KUMU / "elements.csv", encoding="utf-8") as fh:
        element_ids = {row["id"] for row in csv.DictReader(fh)}
    assert len(element_ids) == 126 and element_ids <= set(nodes)
    assert nodes["isa"].kind == model.ORGANISATION
    assert nodes["isa"].props["category"] == "international_organisation"
    assert nodes["nori"].props["sphere"] == model.ECONOMIC
    countries = [n for n in batch.nodes if n.kind == model.TERRITORY and n.props.get("level") == "country"]
    assert {"Jamaica", "Norway", "Nauru"} <= {n.props["name"] for n in countries}
    # all 163 connections: mapped relations, others kept as RELATED_TO with their wording
    with open(KUMU / "connections.csv", encoding="utf-8") as fh:
        connections = list(csv.DictReader(fh))
    from_file = [e for e in batch.edges if e.type not in ("BASED_IN", "PART_OF")]
    assert len(connections) == 163 == len(from_file)
    member = [e for e in batch.edges if e.type == "MEMBER_OF"]
    assert len(member) == sum(1 for c in connections if c["type"] == "member-of")
    sponsors = [e for e in batch.edges if e.props.get("label") == "sponsors"]
    assert len(sponsors) == 17 and {e.type for e in sponsors} == {"RELATED_TO"}
    assert any(w.code == "unmapped_wording" and w.values == {"wording": "sponsors", "count": 17}
               for w in batch.warnings)
    # the two contracts between the same pair stay two ties
    assert any(w.code == "parallel_tie" and w.row == 24 for w in batch.warnings)


# --- our own columns -------------------------------------------------------------

def test_own_columns_make_ties_and_cells_split_on_bars(tmp_path):
    paths = pair(tmp_path,
                 [["Label", "Type", "Sphère", "Territoire", "Thèmes", "Sources"],
                  ["Lianes Coopération", "Réseau", "Société civile", "Lille", "ESS | Insertion", "annuaire.pdf § p. 3"],
                  ["Lille", "Ville", "", "", "", ""]],
                 [["De", "À", "Type"], ["Lianes Coopération", "Lille", "actif à"]], delimiter=";")
    batch = load_paths(paths)
    assert batch.errors == []
    kinds = {n.props["name"]: n.kind for n in batch.nodes}
    assert kinds == {"Lianes Coopération": "Organisation", "Lille": "Territory", "ESS": "Theme", "Insertion": "Theme"}
    lianes = next(n for n in batch.nodes if n.props["name"] == "Lianes Coopération")
    assert lianes.props["category"] == "network" and lianes.props["sphere"] == "civil_society"
    assert lianes.sources == ["annuaire.pdf § p. 3"]
    types = sorted(e.type for e in batch.edges)
    assert types == ["ACTIVE_IN", "BASED_IN", "WORKS_ON", "WORKS_ON"]


def test_names_resolve_against_the_graph(tmp_path):
    known = NameIndex()
    known.add("org:cfsi", model.ORGANISATION, "Comité Français pour la Solidarité Internationale", acronym="CFSI")
    paths = pair(tmp_path, [["Label", "Type"], ["Maillage", "association"]],
                 [["From", "To", "Type"], ["Maillage", "CFSI", "member of"]])
    batch = load_paths(paths, known=known)
    assert batch.errors == []
    assert [(e.source, e.type, e.target) for e in batch.edges] == [("org:maillage", "MEMBER_OF", "org:cfsi")]


def test_workbook_with_two_sheets(tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    book.active.title = "Elements"
    for row in (["Label", "Type"], ["Cap Solidarités", "association"], ["ESSOR", "ONG"]):
        book.active.append(row)
    sheet = book.create_sheet("Connections")
    for row in (["From", "To", "Type"], ["Cap Solidarités", "ESSOR", "partenaire"]):
        sheet.append(row)
    book.save(tmp_path / "board.xlsx")
    batch = load_paths([tmp_path / "board.xlsx"])
    assert batch.errors == [] and [e.type for e in batch.edges] == ["PARTNER_OF"]


# --- bad input: every problem, with its place -------------------------------------

BAD = {
    "missing Label": ([["Type"], ["ONG"]], None, (1, None, "missing_column", {"column": "Label"})),
    "missing From": ([["Label", "Type"], ["A", "ONG"]], [["To", "Type"], ["A", "partner"]],
                     (1, None, "missing_column", {"column": "From"})),
    "unknown type": ([["Label", "Type"], ["A", "licorne"]], None, (2, "Type", "unknown_type", {"value": "licorne"})),
    "unknown kind": ([["Label", "Kind"], ["A", "Unicorn"]], None, (2, "Kind", "unknown_kind", {"value": "Unicorn"})),
    "unknown relation": ([["Label", "Type"], ["A", "ONG"], ["B", "ONG"]],
                         [["From", "To", "Relation"], ["A", "B", "LOVES"]],
                         (2, "Relation", "unknown_relation", {"value": "LOVES"})),
    "From names nothing": ([["Label", "Type"], ["A", "ONG"]], [["From", "To", "Type"], ["Z", "A", "partner"]],
                           (2, "From", "names_nothing", {"text": "Z"})),
    "relation ends": ([["Label", "Type"], ["A", "ONG"], ["Lille", "ville"]],
                      [["From", "To", "Relation"], ["Lille", "A", "MEMBER_OF"]],
                      (2, "Relation", "relation_ends", {"relation": "MEMBER_OF", "source_kind": "Territory"})),
    "duplicate id": ([["Id", "Label", "Type", "Website"], ["x", "A", "ONG", "a.org"], ["x", "A", "ONG", "b.org"]], None,
                     (3, "Website", "duplicate_id", {"id": "x", "first_row": 2})),
    "bad latitude": ([["Label", "Type", "Lat"], ["Lille", "ville", "nord"]], None,
                     (2, "Lat", "not_a_number", {"value": "nord"})),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_reported_with_its_place(tmp_path, case):
    elements, connections, (row, column, code, values) = BAD[case]
    batch = load_paths(pair(tmp_path, elements, connections))
    assert batch.errors, case
    problem = batch.errors[0]
    assert (problem.row, problem.column, problem.code) == (row, column, code), problem
    assert values.items() <= problem.values.items()
    assert problem.file.endswith(".csv")


def test_a_file_with_no_table_of_ours(tmp_path):
    batch = load_paths([write(tmp_path / "x.csv", [["code", "valeur"], ["1", "2"]])])
    assert batch.errors[0].code == "no_table_found"


def test_formula_cells_are_kept_as_text_and_reported(tmp_path):
    """Every text cell a spreadsheet would run as a formula, lists included,
    gets a leading apostrophe, with a warning at its row and column."""
    elements = [["Label", "Type", "Description", "Alias"],
                ["A", "ONG", '=HYPERLINK("http://evil","clic")', "ok|@SUM(A1)"], ["B", "ONG", "-3.5", ""]]
    batch = load_paths(pair(tmp_path, elements, [["From", "To", "Type", "Projet"], ["A", "B", "partner", "-2+3+cmd"]]))
    assert batch.errors == []
    a = next(n for n in batch.nodes if n.props["name"] == "A")
    assert a.props["description"] == '\'=HYPERLINK("http://evil","clic")' and a.props["aliases"] == ["ok", "'@SUM(A1)"]
    assert next(n for n in batch.nodes if n.props["name"] == "B").props["description"] == "-3.5"
    assert batch.edges[0].props["project"] == "'-2+3+cmd"
    said = sorted((w.row, w.column) for w in batch.warnings if w.code == "formula_neutralised")
    assert said == [(2, "Alias"), (2, "Description"), (2, "Projet")]


def test_contact_details_in_free_text_are_kept_apart_and_not_exported(tmp_path):
    from graph.export import export
    from graph.merge import apply_batch
    import networkx as nx
    elements = [["Label", "Type", "Description"], ["A", "ONG", "Contact : zoe@example.org, 03 20 00 00 00"]]
    batch = load_paths(pair(tmp_path, elements))
    (node,) = batch.nodes
    assert node.props["description"] == "Contact : [coordonnées masquées], [coordonnées masquées]"
    assert node.props["contact_details"] == ["zoe@example.org", "03 20 00 00 00"]
    assert [(w.code, w.row, w.column) for w in batch.warnings] == [("contact_in_text", 2, "Description")]
    graph = apply_batch(nx.MultiDiGraph(), batch)[0]
    (path,) = export(graph, "json", tmp_path / "out.json")
    assert "zoe@example.org" not in path.read_text(encoding="utf-8")
    (path,) = export(graph, "json", tmp_path / "all.json", with_contacts=True)
    assert "zoe@example.org" in path.read_text(encoding="utf-8")


def test_every_column_of_an_elements_sheet_is_used_or_said(tmp_path):
    """The new user's directory with two headers renamed: commune, countries
    and sectors become places and themes; what ties nothing is said."""
    from loaders import load_paths
    sheet = tmp_path / "annuaire.csv"
    sheet.write_text("Nom;Type;Commune;Pays d'intervention;Secteurs d'intervention;Courriel;Département;Effectif\n"
                     "Asso Test;association;Roubaix;Mali|Sénégal;Santé;a@test.example;Nord;12\n", encoding="utf-8")
    batch = load_paths([sheet])
    assert batch.errors == []
    ties = sorted((e.type, e.target) for e in batch.edges)
    assert ties == [("ACTIVE_IN", "ter:mali"), ("ACTIVE_IN", "ter:senegal"), ("BASED_IN", "ter:roubaix"),
                    ("WORKS_ON", "thm:sante")]
    kept = [p for p in batch.warnings if p.code == "columns_kept_as_text"]
    assert [p.values["columns"] for p in kept] == [["Département", "Effectif"]]
