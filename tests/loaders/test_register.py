"""The association register (RNA) in its two official schemas, on the real
rows of ../shared/realdata/associations; expected figures read from the
files with the csv module in the test."""
import csv
import re

import pytest
from conftest import REALDATA, need

from graph.merge import apply_batch
from graph.model import Batch, Node
from graph.names import NameIndex
from loaders import detect_format, load_paths
from loaders.mapping import Mapping

FOLDER = REALDATA / "associations"
WALDEC = FOLDER / "etalab_rna_as_api_rna_sample_waldec.csv"
IMPORT = FOLDER / "etalab_rna_as_api_rna_sample_import.csv"
REENCODED = FOLDER / "etalab_rna_as_api_reencode_test.csv"
FILES = (WALDEC, IMPORT, REENCODED)


def rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def rna_number(row):
    for text in (row["id"], row.get("observation", "")):
        found = re.findall(r"W\d{9}", text)
        if found:
            return found[0]
    return None


def communes():
    from conftest import ROOT
    with open(ROOT / "data" / "geo" / "fr-communes.csv", encoding="utf-8", newline="") as fh:
        return {r["code"]: r for r in csv.DictReader(fh)}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_each_row_is_an_association_with_its_rna_number_and_commune(path):
    need(path)
    assert detect_format(path) == "register"
    batch = load_paths([path])
    assert batch.errors == []
    table = rows(path)
    orgs = {n.id: n for n in batch.nodes if n.kind == "Organisation"}
    assert len(orgs) == len(table)
    numbers = sorted(f"FR-RNA-{n}" for n in map(rna_number, table) if n)
    assert sorted(k for n in orgs.values() for k in n.props["identifiers"] if k.startswith("FR-RNA-")) == numbers
    based = {e.source: e.target for e in batch.edges if e.type == "BASED_IN"}
    territories = {n.id: n for n in batch.nodes if n.kind == "Territory"}
    known_codes = communes()
    for row in table:
        org = next(o for o in orgs.values() if o.props["name"] == row["titre"])
        assert org.props["description"] == row["objet"]
        code = row["adrs_codeinsee"]
        assert territories[based[org.id]].props["identifiers"] == [f"insee:{code}"]
        assert territories[based[org.id]].props["name"] == known_codes[code]["name"]
    # every commune tied up to France through its département and région
    part_of = {(e.source, e.target) for e in batch.edges if e.type == "PART_OF"}
    for place in set(based.values()):
        chain, current = [place], place
        while (parent := next((t for s, t in part_of if s == current), None)):
            chain.append(parent)
            current = parent
        assert chain[-1] == "ter:france" and len(chain) >= 4


def test_status_and_dates_of_the_waldec_schema():
    need(WALDEC)
    batch = load_paths([WALDEC])
    by_name = {n.props["name"]: n.props for n in batch.nodes if n.kind == "Organisation"}
    for row in rows(WALDEC):
        props = by_name[row["titre"]]
        assert props["status"] == {"A": "active", "D": "dissoute"}[row["position"]]
        assert props.get("start") == (row["date_creat"] if row["date_creat"] != "0001-01-01" else None)
        assert props.get("end") == (row["date_disso"] if row["date_disso"] != "0001-01-01" else None)


def test_personal_data_is_not_loaded_unless_asked():
    """The phone number in the waldec sample, the declarant and the
    management address: absent by default; with the option, the phone and
    e-mail come in as hidden contact details, never the rest."""
    need(WALDEC)
    table = rows(WALDEC)
    phones = [r["telephone"] for r in table if r["telephone"]]
    private = [r[f] for r in table for f in ("adrg_declarant", "adrg_libvoie", "adrg_achemine") if r[f]]
    assert phones and private
    batch = load_paths([WALDEC])
    text = repr([n.props for n in batch.nodes])
    assert not any(p in text for p in phones + private)
    assert any(p.code == "register_contacts_left_out" for p in batch.warnings)
    asked = load_paths([WALDEC], with_contacts=True)
    assert sorted(n.props["phone"] for n in asked.nodes if "phone" in n.props) == sorted(phones)
    assert not any(p in repr([n.props for n in asked.nodes]) for p in private)


def test_characters_an_earlier_conversion_lost_are_reported():
    need(REENCODED)
    fields = ("titre", "objet", "siteweb")
    expected = [i + 2 for i, r in enumerate(rows(REENCODED)) if any("\ufffd" in r[f] for f in fields)]
    batch = load_paths([REENCODED])
    lost = next(p for p in batch.warnings if p.code == "characters_lost")
    assert expected and lost.values["rows"] == expected and lost.values["count"] == len(expected)


def test_an_rna_number_identifies_the_association_across_sources(tmp_path):
    """A directory that gives the RNA number, then the register: one
    organisation, its name kept (the register's capitals are the same name)."""
    need(IMPORT)
    sheet = tmp_path / "annuaire.csv"
    sheet.write_text("Nom;N° RNA\nIndigo;W751085568\n", encoding="utf-8")
    first = load_paths([sheet], mapping=Mapping({"Nom": "name", "N° RNA": "identifier"}))
    graph, _, _ = apply_batch(__import__("networkx").MultiDiGraph(), first)
    batch = load_paths([IMPORT], known=NameIndex.from_graph(graph))
    indigo = next(n for n in batch.nodes if n.props.get("name") == "INDIGO")
    assert indigo.id == first.nodes[0].id == "org:indigo"
    after, _, _ = apply_batch(graph, batch)
    assert after.nodes["org:indigo"]["name"] == "Indigo" and "aliases" not in after.nodes["org:indigo"]
    # an IATI reference FR-RNA-W… finds it too
    from loaders.iati import IatiReader
    reader = IatiReader("x.xml", NameIndex.from_graph(after))
    from loaders.iati import Participant
    assert reader.organisation(Participant("funding", "FR-RNA-W751085568", "22", [("fr", "Indigo musique")]),
                               1) == "org:indigo"


def test_both_stores_keep_the_register_alike(store):
    need(WALDEC)
    store.apply(Batch(nodes=[Node("ter:france", "Territory", {"name": "France", "level": "country",
                                                              "country_code": "FR"}, ["t"])]))
    expected = store.graph()
    for path in FILES:                  # one after the other, as a user loads them
        batch = load_paths([path], known=NameIndex.from_graph(store.graph()))
        expected, _, problems = apply_batch(expected, batch)
        assert problems == []
        store.apply(batch)
    graph = store.graph()
    assert sorted(graph.nodes) == sorted(expected.nodes)
    assert sorted(graph.edges(keys=True)) == sorted(expected.edges(keys=True))
    assert graph.nodes["org:FR-RNA-W632007046"]["name"] == "BLACK OWL"
