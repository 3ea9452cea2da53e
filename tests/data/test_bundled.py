"""The bundled dataset covers the sources: every organisation, territory and
link that the Lille 2016 report names is there, with the document and passage
it comes from."""
import re

import pytest
from conftest import BUNDLED, REPORT, SOURCES

from graph.merge import apply_batch
from graph.model import edge_key, fold
from loaders import load_paths

DOC = "003_b1508604df3e3375.txt"


@pytest.fixture(scope="module")
def graph():
    import networkx as nx
    batch = load_paths(BUNDLED)
    assert batch.errors == []
    graph, _, problems = apply_batch(nx.MultiDiGraph(), batch)
    assert problems == []
    return graph


def by_name(graph, name):
    hits = [n for n, d in graph.nodes(data=True)
            if fold(name) in {fold(d["name"]), fold(d.get("acronym") or "")} | {fold(a) for a in d.get("aliases", [])}]
    assert len(hits) == 1, f"{name!r}: {hits}"
    return hits[0]


def cited(data, document=DOC):
    return any(s.startswith(document) for s in data["sources"])


# The 21 members of the CFSI (note 1 of the report) and the other
# organisations its text names.
MEMBERS = ["Association pour le développement économique et social en Afrique francophone", "AGiR abcd",
           "Agrisud international", "Batik International", "Cap Solidarités",
           "Confédération française des travailleurs chrétiens", "Coopération Atlantique Guinée 44",
           "Confédération générale du Travail", "Cités unies France", "Echoppe", "Electriciens sans frontières",
           "Elevages sans frontières", "ESSOR", "Fédération Artisans du Monde",
           "Groupe énergies renouvelables et environnement", "Grdr", "Groupe de recherches et d'échanges technologiques",
           "Ingénieurs sans Frontières", "Secours populaire français", "Univers Sel",
           "Union nationale des Maisons Familiales rurales d'éducation et de formation"]
OTHERS = ["CFSI", "AFD", "Fondation Abbé Pierre", "NFID", "Service Civil International", "Lille Sud Insertion",
          "Initiatives Plurielles", "APES", "EMDK", "RENAPESS", "Conseil régional de Kayes"]
TERRITORIES = ["Nord-Pas-de-Calais", "Nord", "Pas-de-Calais", "Lille", "Kayes", "Mali", "Tchad", "Maghreb",
               "Calais", "Grande-Synthe", "Paris", "France"]
TIES = [  # (from, relation, to) as the report states them
    ("Cap Solidarités", "PARTNER_OF", "NFID"), ("Cap Solidarités", "PARTNER_OF", "Service Civil International"),
    ("NFID", "PARTNER_OF", "Service Civil International"),
    ("ESSOR", "PARTNER_OF", "Lille Sud Insertion"), ("ESSOR", "PARTNER_OF", "Initiatives Plurielles"),
    ("Grdr", "PARTNER_OF", "APES"), ("Grdr", "PARTNER_OF", "EMDK"), ("Grdr", "PARTNER_OF", "RENAPESS"),
    ("APES", "PARTNER_OF", "EMDK"), ("EMDK", "PARTNER_OF", "RENAPESS"),
    ("Grdr", "MEMBER_OF", "APES"), ("Service Civil International", "MEMBER_OF", "Cap Solidarités"),
    ("Conseil régional de Kayes", "CREATED", "EMDK"),
    ("CFSI", "LEADS", "CAAC"), ("AFD", "FUNDS", "CAAC"), ("Fondation Abbé Pierre", "FUNDS", "CAAC"),
    ("Cap Solidarités", "LEADS", "Jeunes : esprit d'entreprendre et développement solidaire des territoires"),
    ("ESSOR", "LEADS", "Formation et insertion professionnelle au Tchad"),
    ("Grdr", "LEADS", "Les migrants, acteurs et vecteurs d'économie sociale et solidaire"),
    ("Formation et insertion professionnelle au Tchad", "TARGETS", "Tchad"),
    ("Les migrants, acteurs et vecteurs d'économie sociale et solidaire", "TARGETS", "Kayes"),
    ("Nord-Pas-de-Calais", "PAIRED_WITH", "Kayes"), ("Nord-Pas-de-Calais", "PAIRED_WITH", "Tchad"),
    ("Cap Solidarités", "BASED_IN", "Lille"), ("ESSOR", "BASED_IN", "Lille"), ("Grdr", "BASED_IN", "Lille"),
    ("EMDK", "BASED_IN", "Kayes"), ("CFSI", "ORGANISES", "Atelier territorial « Agir ensemble à l'international pour innover ici ! »"),
    ("Lille", "PART_OF", "Nord"), ("Kayes", "PART_OF", "Mali"),
]


@pytest.mark.parametrize("name", MEMBERS)
def test_every_cfsi_member_is_a_member_with_its_source(graph, name):
    node = by_name(graph, name)
    cfsi = by_name(graph, "CFSI")
    data = graph.edges[node, cfsi, "MEMBER_OF"]
    assert any("note 1" in s for s in data["sources"])
    assert cited(graph.nodes[node])


def test_the_cfsi_has_its_21_members(graph):
    cfsi = by_name(graph, "CFSI")
    assert len([u for u, _, k in graph.in_edges(cfsi, keys=True) if k == "MEMBER_OF"]) == 21


@pytest.mark.parametrize("name", OTHERS + TERRITORIES)
def test_named_organisations_and_territories_are_there_with_their_source(graph, name):
    data = graph.nodes[by_name(graph, name)]
    assert cited(data), data["sources"]
    if data["kind"] == "Territory":
        assert -90 <= data["lat"] <= 90 and -180 <= data["lon"] <= 180


@pytest.mark.parametrize("tie", TIES, ids=lambda t: f"{t[0][:20]}-{t[1]}-{t[2][:20]}")
def test_named_ties_are_there_with_their_source(graph, tie):
    a, rel, b, _ = edge_key(by_name(graph, tie[0]), tie[1], by_name(graph, tie[2]))
    assert graph.has_edge(a, b, rel), tie
    data = graph.edges[a, b, rel]
    assert cited(data) or any(s.startswith("geography") for s in data["sources"])


def test_every_node_and_edge_has_a_source_in_the_four_documents(graph):
    documents = {p.name for p in SOURCES.glob("0*.txt")} if SOURCES.exists() else set()
    for _, data in list(graph.nodes(data=True)) + [(None, d) for *_, d in graph.edges(keys=True, data=True)]:
        assert data["sources"]
        for source in data["sources"]:
            doc = source.split(" § ")[0]
            assert doc.startswith("geography") or not documents or doc in documents, source


def test_the_disagreement_on_yves_le_bars_is_kept_and_flagged(graph):
    data = graph.edges["per:le-bars-yves", "org:cfsi", "WORKS_FOR"]
    values = {c["value"]: c["sources"] for c in data["conflicts"]["function"]}
    assert set(values) == {"Responsable Programme", "Président"}
    assert any("Participants" in s for s in values["Responsable Programme"])
    assert any("Synthèses" in s for s in values["Président"])


def test_persons_have_name_and_function_never_contact_details(graph):
    text = "".join(p.read_text(encoding="utf-8") for p in BUNDLED)
    assert not re.search(r"[\w.]+@[\w-]+\.\w+", text)
    persons = [d for _, d in graph.nodes(data=True) if d["kind"] == "Person"]
    assert len(persons) == 40
    assert not any({"email", "phone"} & set(d) for d in persons)


def test_every_participant_of_the_report_is_a_person_of_the_dataset(graph):
    if not REPORT.exists():
        pytest.skip(f"{REPORT} is absent")
    table = REPORT.read_text(encoding="utf-8").split("## PARTICIPANTS", 1)[1]
    names = {line.split("\t")[1].strip() for line in table.splitlines()
             if line.count("\t") >= 3 and line.split("\t")[1].strip() not in ("", "Nom et prénom")}
    persons = {d["name"] for _, d in graph.nodes(data=True) if d["kind"] == "Person"}
    assert names == persons


def test_every_organisation_has_a_sphere(graph):
    spheres = {d.get("sphere") for _, d in graph.nodes(data=True) if d["kind"] == "Organisation"}
    assert None not in spheres and {"civil_society", "public", "economic", "research"} <= spheres
