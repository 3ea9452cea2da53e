"""IATI activity files, on the four real files in ../shared/realdata/iati
(versions 1.03 to 2.03, several publishers, French narratives, the Spanish
ministry's colliding local refs). The expected figures are computed here
from the XML with the standard library, independently of the loader."""
import csv
import re
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pytest
from conftest import REALDATA, ROOT, cli_json, need

from graph.merge import apply_batch
from graph.model import fold
from loaders import detect_format, load_paths

IATI = REALDATA / "iati"
FILES = ["iati_official_activity_example_annotated_v203.xml", "dportal_dflat_activities_100_multi_publisher_2020-03-27a.xml",
         "dportal_dflat_activities_100_ngo_2020-03-27b.xml", "es_maec_aecid_indonesia_v201.xml"]
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ROLE = {"1": "funding", "2": "accountable", "3": "extending", "4": "implementing", "funding": "funding",
        "accountable": "accountable", "extending": "extending", "implementing": "implementing"}
NOT_ORGANISATIONS = ("otra", "otro", "other", "vía", "via", "general funds")


def text(element):
    if element is None:
        return ""
    found = [(n.get(LANG), (n.text or "").strip()) for n in element.findall("narrative") if (n.text or "").strip()]
    if not found:
        return (element.text or "").strip()
    return next((t for lang, t in found if lang == "fr"), found[0][1])


def who(element):
    """An organisation as the standard identifies it: its registered ref
    (two letters, a dash), else its name."""
    ref, name = (element.get("ref") or "").strip(), text(element)
    if name.lower().startswith(NOT_ORGANISATIONS):
        return None if not re.match(r"^[A-Z]{2}-", ref) else ref
    return ref if re.match(r"^[A-Z]{2}-", ref) else (fold(name) or None)


def table(name):
    with open(ROOT / "data" / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def expected(path):
    """Counts of what the file says, from the XML."""
    countries = {row["iso2"] for row in table("geo/countries.csv")}
    sectors = {row["code"] for row in table("iati/Sector.csv")} | {row["code"] for row in table("iati/SectorCategory.csv")}
    regions = {row["code"] for row in table("iati/Region.csv")}
    ties, orgs, places, themes = Counter(), set(), set(), set()
    activities = ET.parse(path).getroot().findall("iati-activity")
    for activity in activities:
        roles = {}
        for org in activity.findall("participating-org"):
            key, role = who(org), ROLE.get((org.get("role") or "").lower())
            if key and role:
                roles.setdefault(key, set()).add(role)
        reporting = who(activity.find("reporting-org"))
        if reporting and reporting not in roles:
            roles[reporting] = {"reporting"}
        orgs |= set(roles)
        flows = set()
        for transaction in activity.findall("transaction"):
            value = transaction.find("value")
            ends = [transaction.find(end) for end in ("provider-org", "receiver-org")]
            if value is None or any(end is None for end in ends):
                continue
            try:
                float(value.text)
            except (TypeError, ValueError):
                continue
            giver, taker = who(ends[0]), who(ends[1])
            if giver and taker and giver != taker:          # a flow between two organisations
                orgs |= {giver, taker}
                flows.add((giver, taker, value.get("currency") or activity.get("default-currency", "")))
        ties["flows"] += len(flows)
        for found in roles.values():
            ties["FUNDS"] += "funding" in found
            ties["LEADS"] += bool(found & {"accountable", "extending"}) or found == {"reporting"}
            ties["TAKES_PART_IN"] += "implementing" in found
        targets = {c.get("code").upper() for c in activity.findall("recipient-country")} & countries
        targets |= {r.get("code") for r in activity.findall("recipient-region")
                    if r.get("vocabulary", "1") == "1"} & regions
        ties["TARGETS"] += len(targets)
        places |= targets
        addressed = set()
        for sector in activity.findall("sector"):
            vocabulary, code = sector.get("vocabulary", "1"), sector.get("code", "")
            if vocabulary in ("1", "2", "DAC", "DAC-3"):
                addressed |= {code} & sectors
            elif text(sector):
                addressed.add(fold(text(sector)))
        ties["ADDRESSES"] += len(addressed)
        themes |= addressed
    return {"activities": len({a.findtext("iati-identifier").strip() for a in activities}), "ties": ties,
            "organisations": len(orgs), "places": len(places), "themes": len(themes)}


@pytest.mark.parametrize("name", FILES)
def test_each_real_file_loads_with_the_counts_the_xml_gives(name):
    path = need(IATI / name)
    assert detect_format(path) == "iati"
    batch = load_paths([path])
    assert batch.errors == []
    want = expected(path)
    kinds = Counter(n.kind for n in batch.nodes)
    assert kinds["Project"] == want["activities"]
    assert kinds["Organisation"] == want["organisations"]
    assert kinds["Territory"] == want["places"]
    assert kinds["Theme"] == want["themes"]
    between_organisations = [e for e in batch.edges if e.type == "FUNDS" and e.target.startswith("org:")]
    assert len(between_organisations) == want["ties"]["flows"]
    to_projects = Counter(e.type for e in batch.edges if e.target.startswith("prj:"))
    for relation in ("FUNDS", "LEADS", "TAKES_PART_IN"):
        assert to_projects[relation] == want["ties"][relation], relation
    from_projects = Counter(e.type for e in batch.edges if e.source.startswith("prj:"))
    assert from_projects["TARGETS"] == want["ties"]["TARGETS"]
    assert from_projects["ADDRESSES"] == want["ties"]["ADDRESSES"]


def test_the_official_example_in_detail():
    batch = load_paths([need(IATI / FILES[0])])
    nodes = {n.id: n for n in batch.nodes}
    project = nodes["prj:AA-AAA-123456789-ABC123"]
    assert project.props["name"] == "Titre de l'activité"           # the French narrative
    assert project.props["iati_identifier"] == "AA-AAA-123456789-ABC123"
    assert project.sources == ["iati_official_activity_example_annotated_v203.xml:AA-AAA-123456789-ABC123"]
    funder = nodes["org:BB-BBB-123456789"]
    assert funder.props["identifiers"] == ["BB-BBB-123456789"]
    assert (funder.props["category"], funder.props["sphere"]) == ("international_organisation", "public")
    ties = {(e.source, e.type, e.target): e for e in batch.edges}
    assert ("org:BB-BBB-123456789", "FUNDS", project.id) in ties
    assert ties[("org:CC-CCC-123456789", "LEADS", project.id)].props["role"] == ["accountable"]
    assert ties[("org:AA-AAA-123456789", "LEADS", project.id)].props["role"] == ["extending"]
    places = {nodes[e.target].props["name"]: e.props.get("percentage") for e in batch.edges if e.type == "TARGETS"}
    assert places["Afghanistan"] == 25.0 and nodes["ter:afghanistan"].props["lat"] == pytest.approx(33.8, abs=1)


def test_local_refs_that_collide_do_not_merge_organisations():
    """In the Spanish file, local ref « 61 » names FAO and a Spanish ministry,
    and « 1 » the Foreign ministry and a channel: names decide, channels
    and categories (« Vía AECID », « Otra entidad ») are left out."""
    batch = load_paths([need(IATI / FILES[3])])
    names = {n.props["name"] for n in batch.nodes if n.kind == "Organisation"}
    assert {"FAO - Organización de las Naciones Unidas para la Alimentación y la Agricultura",
            "MESS - Ministerio de Empleo y Seguridad Social"} <= names or \
           {"FAO - Organización de las Naciones Unidas para la Agricultura y la Alimentación",
            "MESS - Ministerio de Empleo y Seguridad Social"} <= names
    assert not any(name.startswith(("Otra", "Vía")) for name in names)
    assert {w.code for w in batch.warnings} >= {"iati_generic_participant"}


def test_two_names_of_one_ref_are_kept_and_one_name_with_two_refs_is_reported():
    batch = load_paths([need(IATI / FILES[1])])
    nodes = {n.id: n for n in batch.nodes}
    assert nodes["org:GB-GOV-1"].props["name"] == "DFID"
    assert "Department for International Development" in nodes["org:GB-GOV-1"].props["aliases"]
    (reported,) = [w for w in batch.warnings if w.code == "iati_name_two_refs"]
    assert reported.values["refs"] == ["XM-DAC-928", "XM-OCHA-FTS122"]


def test_loading_twice_changes_nothing_and_both_stores_agree(store, tmp_path):
    from graph.export import export
    from graph.names import NameIndex
    paths = [need(IATI / name) for name in FILES]
    first = store.apply(load_paths(paths))
    assert first["created"] > 2000
    again = store.apply(load_paths(paths, known=NameIndex.from_graph(store.graph())))
    assert again["created"] == again["updated"] == 0
    export(store.graph(), "csv", tmp_path / store.name)
    exported = (tmp_path / store.name / "connections.csv").read_bytes()
    reference = apply_batch(nx.MultiDiGraph(), load_paths(paths))[0]
    export(reference, "csv", tmp_path / "reference")
    assert exported == (tmp_path / "reference" / "connections.csv").read_bytes()


def test_the_command_line_loads_iati_and_reports_each_activity_problem(home, tmp_path):
    report = cli_json("load", need(IATI / FILES[0]), home=home)
    assert report["errors"] == [] and report["created"] > 10
    bad = tmp_path / "bad.xml"
    bad.write_text('<iati-activities version="2.03"><iati-activity><title><narrative>Sans identifiant'
                   '</narrative></title></iati-activity><iati-activity><iati-identifier>XX-1</iati-identifier>'
                   '</iati-activity></iati-activities>', encoding="utf-8")
    refused = cli_json("load", bad, home=home, check=1)
    assert [(e["code"], e["row"]) for e in refused["errors"]] == [("iati_no_identifier", 1)]
    skipped = cli_json("load", bad, "--skip-invalid", home=home)
    assert skipped["errors"] == [] and [w["code"] for w in skipped["warnings"]] == ["iati_no_identifier"]
    assert skipped["created"] == 1


def test_entities_and_broken_xml_are_refused_before_anything(tmp_path):
    doctype = tmp_path / "xxe.xml"
    doctype.write_text('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                       '<iati-activities><iati-activity><iati-identifier>&e;</iati-identifier></iati-activity>'
                       '</iati-activities>', encoding="utf-8")
    assert [e.code for e in load_paths([doctype]).errors] == ["xml_entities"]
    broken = tmp_path / "broken.xml"
    broken.write_text("<iati-activities><iati-activity><iati-identifier>XX-1</iati", encoding="utf-8")
    (error,) = load_paths([broken]).errors
    assert error.code == "not_xml" and error.row == 1
