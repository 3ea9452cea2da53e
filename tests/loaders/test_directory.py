"""A network's own directory, read through a column mapping: figures
computed in the test from the file with the csv module and the bundled
dataset's elements.csv, not with the loaders' code."""
import csv
import re
import unicodedata

import pytest
from conftest import BUNDLED, ROOT

from graph.merge import apply_batch
from graph.names import NameIndex
from loaders import load_paths
from loaders.mapping import Mapping, guessed_mapping
from loaders.tables import read_tables

DIRECTORY = ROOT / "tests" / "data" / "annuaire-reseau-2026.csv"
SPLIT = r"[,;/|]"


def folded(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join(re.sub(r"[^\w]+", " ", "".join(c for c in text if not unicodedata.combining(c))).split())


def rows():
    with open(DIRECTORY, encoding="cp1252", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def bundled_names():
    """Folded label, acronym and aliases of each bundled organisation -> its id."""
    out = {}
    with open(ROOT / "data" / "elements.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["Kind"] == "Organisation":
                for name in [row["Label"], row["Acronym"], *row["Aliases"].split("|")]:
                    if name.strip():
                        out.setdefault(folded(name), set()).add(row["Id"])
    return out


@pytest.fixture(scope="module")
def bundled():
    graph, _, _ = apply_batch(__import__("networkx").MultiDiGraph(), load_paths(BUNDLED))
    return graph


def mapping(bundled, **changes):
    found = guessed_mapping(read_tables(DIRECTORY)[0], NameIndex.from_graph(bundled), "Annuaire")
    found.categories.update({"Structure d'insertion": "association", "Structure d'accompagnement": "company"})
    found.member_of = "Lianes Coopération"
    for name, value in changes.items():
        setattr(found, name, value)
    return found


def test_an_unknown_category_value_is_an_error_naming_it_never_dropped(bundled):
    known = NameIndex.from_graph(bundled)
    guessed = guessed_mapping(read_tables(DIRECTORY)[0], known)
    batch = load_paths([DIRECTORY], known=known, mapping=guessed)
    unknown = {row["Type de structure"] for row in rows()} - set(guessed.categories)
    assert sorted((p.values["value"], p.row, p.column) for p in batch.errors) == sorted(
        (value, 2 + [r["Type de structure"] for r in rows()].index(value), "Type de structure") for value in unknown)
    assert {p.code for p in batch.errors} == {"unmapped_category"}


def test_the_directory_loads_with_its_figures(bundled):
    known = NameIndex.from_graph(bundled)
    batch = load_paths([DIRECTORY], known=known, mapping=mapping(bundled))
    assert batch.errors == []
    by_rel = {}
    for edge in batch.edges:
        by_rel.setdefault(edge.type, set()).add((edge.source, edge.target))
    table = rows()
    orgs = [n for n in batch.nodes if n.kind == "Organisation"]
    assert len(orgs) == len({folded(r["Nom de la structure"]) for r in table})
    # where they act: every country named, once per row
    acting = sum(len({folded(p) for p in re.split(SPLIT, r["Pays d'intervention"]) if p.strip()}) for r in table)
    assert len(by_rel["ACTIVE_IN"]) == acting
    themes = sum(len({folded(p) for p in re.split(SPLIT, r["Secteurs d'intervention"]) if p.strip()}) for r in table)
    assert len(by_rel["WORKS_ON"]) == themes
    assert len(by_rel["BASED_IN"]) == sum(1 for r in table if r["Commune"])
    lianes = "org:lianes-cooperation"
    assert by_rel["MEMBER_OF"] == {(n.id, lianes) for n in orgs if n.id != lianes}
    # the seven organisations the bundled dataset has are recognised, not duplicated
    names = bundled_names()
    expected = {next(iter(names[folded(text)])) for r in table for text in (r["Nom de la structure"], r["Sigle"])
                if text and len(names.get(folded(text), ())) == 1}
    assert len(expected) == 7 and expected <= {n.id for n in orgs}


def test_places_follow_the_french_administrative_tree(bundled):
    known = NameIndex.from_graph(bundled)
    batch = load_paths([DIRECTORY], known=known, mapping=mapping(bundled))
    based = {e.source: e.target for e in batch.edges if e.type == "BASED_IN"}
    part_of = {(e.source, e.target) for e in batch.edges if e.type == "PART_OF"}
    nodes = {n.id: n for n in batch.nodes}
    assert based["org:cap-solidarites"] == "ter:lille"                  # the bundled Lille
    roubaix = based["org:ville-de-roubaix"]
    assert nodes[roubaix].props["identifiers"] == ["insee:59512"] and (roubaix, "ter:nord") in part_of
    amiens = based["org:amiens-cameroun-partage"]
    somme = next(t for s, t in part_of if s == amiens)
    assert nodes[somme].props["name"] == "Somme" and (somme, "ter:fr-reg-32") in part_of
    assert ("ter:fr-reg-32", "ter:france") in part_of and nodes["ter:fr-reg-32"].props["name"] == "Hauts-de-France"
    # « Saint-Denis » without postcode: four communes; said, not guessed
    warning = next(p for p in batch.warnings if p.code == "commune_ambiguous")
    assert warning.values["departements"] == ["11", "30", "93", "97"]
    assert "insee" not in str(nodes[based["org:accueil-et-partage-saint-denis"]].props)
    # countries written out, in French, with a label point for the map
    assert nodes["ter:madagascar"].props["country_code"] == "MG" and nodes["ter:madagascar"].props["lat"] < 0
    assert "ter:republique-democratique-du-congo" in {t for s, t in
                                                      ((e.source, e.target) for e in batch.edges)}


def test_people_named_in_a_directory_are_not_loaded(bundled):
    """« Nom du contact » is ignored (and said); e-mails and phones are
    contact details, hidden unless asked."""
    batch = load_paths([DIRECTORY], known=NameIndex.from_graph(bundled), mapping=mapping(bundled))
    contacts = {r["Nom du contact"] for r in rows() if r["Nom du contact"]}
    text = repr([n.props for n in batch.nodes] + [e.props for e in batch.edges])
    assert contacts and not any(name in text for name in contacts)
    assert next(p for p in batch.warnings if p.code == "columns_ignored").values["columns"] == [
        "Adresse", "Nom du contact"]
    assert not any(n.kind == "Person" for n in batch.nodes)


def test_an_identifier_identifies_across_sources(bundled, tmp_path):
    """An RNA number in a directory finds the organisation another source
    gave it to, whatever its name there."""
    first = tmp_path / "a.csv"
    first.write_text("Nom;RNA\nAssociation Indigo;W751085568\n", encoding="utf-8")
    second = tmp_path / "b.csv"
    second.write_text("Structure;N° RNA\nINDIGO musique;FR-RNA-w751085568\n", encoding="utf-8")
    known = NameIndex()
    batch_a = load_paths([first], known=known, mapping=Mapping({"Nom": "name", "RNA": "identifier"}))
    graph, _, _ = apply_batch(bundled, batch_a)
    batch_b = load_paths([second], known=NameIndex.from_graph(graph),
                         mapping=Mapping({"Structure": "name", "N° RNA": "identifier"}))
    assert batch_b.nodes[0].id == batch_a.nodes[0].id == "org:association-indigo"
    assert batch_a.nodes[0].props["identifiers"] == ["FR-RNA-W751085568"]


def test_a_name_taken_by_another_element_gets_its_own_id(bundled, tmp_path):
    sheet = tmp_path / "t.csv"
    sheet.write_text("Nom;Secteurs\nA;Insertion\n", encoding="utf-8")
    batch = load_paths([sheet], known=NameIndex.from_graph(bundled),
                       mapping=Mapping({"Nom": "name", "Secteurs": "themes"}))
    theme = next(n for n in batch.nodes if n.kind == "Theme")
    assert bundled.nodes["thm:insertion"]["name"] != "Insertion" and theme.id == "thm:insertion-2"


def test_a_mapping_for_another_sheet_says_which_headers_it_found(tmp_path):
    sheet = tmp_path / "t.csv"
    sheet.write_text("Label;Type\nA;association\n", encoding="utf-8")
    batch = load_paths([sheet], mapping=Mapping({"Nom de la structure": "name"}))
    assert [(p.code, p.values["headers"]) for p in batch.errors] == [("mapping_does_not_fit", ["Label", "Type"])]


def test_an_unrecognised_sheet_says_which_headers_it_found(bundled):
    batch = load_paths([DIRECTORY])
    assert [p.code for p in batch.errors] == ["no_table_found"]
    assert batch.errors[0].values["headers"][:3] == ["Nom de la structure", "Sigle", "Type de structure"]


def test_both_stores_keep_the_directory_alike(store, bundled):
    store.apply(load_paths(BUNDLED))
    known = NameIndex.from_graph(store.graph())
    batch = load_paths([DIRECTORY], known=known, mapping=mapping(bundled))
    plan = store.plan(batch)
    assert {(c.id, c.field) for c in plan.held} >= {("org:grdr", "name"), ("org:lianes-cooperation", "category")}
    store.apply(batch)
    graph = store.graph()
    assert graph.nodes["org:grdr"]["name"] == "Grdr Migration-Citoyenneté-Développement"
    assert "GRDR" in graph.nodes["org:grdr"]["aliases"]
    expected, _, _ = apply_batch(bundled, batch)
    assert sorted(graph.nodes) == sorted(expected.nodes)
    assert sorted(graph.edges(keys=True)) == sorted(expected.edges(keys=True))
