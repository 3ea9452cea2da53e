import pytest
from conftest import ATELIER, REPORT, need

from graph import model
from graph.names import NameIndex
from interface.sentences import problem
from loaders import load_paths
from loaders.participants import clean_cell


def said(warning) -> str:
    """A warning as the English interface says it."""
    return problem(warning, "en")


def write(tmp_path, text, name="participants.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def people(batch):
    """person name -> (organisation id, function, email)"""
    works = {e.source: e for e in batch.edges if e.type == "WORKS_FOR"}
    return {n.props["name"]: (works[n.id].target, works[n.id].props.get("function", ""), n.props.get("email", ""))
            for n in batch.nodes if n.kind == model.PERSON}


def test_mailto_anchor_is_text():
    cell = '<a href="mailto:ndevreese@fap.fr">ndevreese@fap.fr</a>'
    assert clean_cell(cell) == "ndevreese@fap.fr"


def test_continuation_fragments_and_repeated_header(tmp_path):
    path = write(tmp_path, "Structure;Nom et prénom;Fonction;Email\n"
                           "ESSOR;;Responsable des programmes;\n"
                           ";Le Moal Ambroise;;essor.fip@free.fr\n"
                           "ESSOR;Dombu Smeets Gaëlle;Chargée de partenariats;essor.partenariats@free.fr\n"
                           "Structure;Nom et prénom;Fonction;Email\n"
                           "Élevages sans frontières;;;<a href=\"mailto:noemie.v@esf.org\">noemie.v@esf.org</a>\n"
                           ";Vandecasteele Noémie;Chargée des financements;\n")
    batch = load_paths([path])
    assert batch.errors == []
    found = people(batch)
    assert found == {
        "Le Moal Ambroise": ("org:essor", "Responsable des programmes", "essor.fip@free.fr"),
        "Dombu Smeets Gaëlle": ("org:essor", "Chargée de partenariats", "essor.partenariats@free.fr"),
        "Vandecasteele Noémie": ("org:elevages-sans-frontieres", "Chargée des financements", "noemie.v@esf.org"),
    }
    attached = sorted(w.row for w in batch.warnings if w.code == "fragment_attached")
    assert attached == [2, 6]


def test_a_row_without_any_structure_is_an_error(tmp_path):
    path = write(tmp_path, "Structure,Nom et prénom,Fonction,Email\n,Dupont Jean,,\n")
    batch = load_paths([path], fmt="participants")
    assert [(p.row, p.column) for p in batch.errors] == [(2, "Structure")]


def test_ambiguous_structure_is_reported_and_not_merged(tmp_path):
    known = NameIndex()
    known.add("org:a", model.ORGANISATION, "Maison de l'Europe Arras")
    known.add("org:b", model.ORGANISATION, "Maison de l'Europe Lens")
    path = write(tmp_path, "Structure;Nom et prénom;Email\nMaison de l'Europe Arns;Dupont Jean;\n")
    batch = load_paths([path], known=known)
    assert any(w.row == 2 and w.code == "structure_ambiguous" for w in batch.warnings)
    assert people(batch)["Dupont Jean"][0] == "org:maison-de-l-europe-arns"


@pytest.fixture
def report_batch(bundled_store):
    need(REPORT)
    known = NameIndex.from_graph(bundled_store.graph())
    return load_paths([REPORT], fmt="participants", known=known, event=ATELIER)


def test_reference_list_of_the_lille_report(report_batch):
    """The list at the end of the Lille 2016 report, read against the bundled
    graph: every trap it holds is handled and reported with its row."""
    batch = report_batch
    assert batch.errors == []
    found = people(batch)
    assert len(found) == 40   # « une quarantaine de personnes »
    by_row = {}
    for w in batch.warnings:
        by_row.setdefault(w.row, []).append(said(w))
    # the function alone on ESSOR's row belongs to Le Moal, the e-mail alone to Vandecasteele
    assert found["Le Moal Ambroise"] == ("org:essor", "Responsable des programmes Formation Insertion Professionnelles",
                                         "essor.fip@free.fr")
    assert found["Vandecasteele Noémie"][0] == "org:elevages-sans-frontieres"
    assert found["Vandecasteele Noémie"][2] == "noemie.vandecasteele@elevagesansfrontieres.org"
    assert any("attached to the person on row 356" in m for m in by_row[355])      # Le Moal Ambroise
    assert any("attached to the person on row 361" in m for m in by_row[360])      # Vandecasteele Noémie
    # a typo, found and reported
    assert found["De Muynck Ghislain"][0] == "org:lianes-cooperation"
    assert any("“Llanes coopération” read as “Lianes Coopération”" in m for m in by_row[368])
    # acronyms in parentheses, accents and case do not matter
    assert found["Naël Juma"][0] == "org:lsi"
    assert found["Herreman Laurine"][0] == "org:nfid"
    assert found["Ringot Victor"][0] == "org:sci"
    # e-mails whose domain points to another structure: the shifted cells
    assert any("capsolidarites.asso.fr" in m and "Cap Solidarités" in m for m in by_row[337])
    assert any("elevagesansfrontiere.org" in m and "Élevages sans frontières" in m for m in by_row[359])
    # branches of the Grdr, taken with a warning
    assert found["Niang Mohamed Abdoulaye"][0] == "org:grdr"
    assert any("“Grdr Mali” taken as" in m for m in by_row[353])
    # the back cover of the report is not part of the table
    assert max(w.row or 0 for w in batch.warnings) < 380


def test_reference_list_attends_the_event(report_batch):
    attended = {e.source for e in report_batch.edges if e.type == "ATTENDED"}
    assert "evt:atelier-lille-2016" in {e.target for e in report_batch.edges if e.type == "ATTENDED"}
    assert "per:le-bars-yves" in attended and "org:cfsi" in attended


def test_formulas_in_a_participants_list_and_in_the_event_are_neutralised(tmp_path):
    path = write(tmp_path, "Structure;Nom et prénom;Fonction;Email\n"
                           "=cmd|' /C calc'!A0;@Dupont Jean;+SUM(1);jean@example.org\n")
    batch = load_paths([path], event="=HYPERLINK(\"http://x\")")
    assert batch.errors == []
    texts = [v for n in batch.nodes for v in n.props.values() if isinstance(v, str)]
    texts += [v for e in batch.edges for v in e.props.values() if isinstance(v, str)]
    assert all(not t.startswith(("=", "@", "+")) for t in texts)
    assert {"'@Dupont Jean", "'+SUM(1)", "'=HYPERLINK(\"http://x\")"} <= set(texts)
    assert {(w.row, w.column) for w in batch.warnings if w.code == "formula_neutralised"} >= {
        (2, "Nom et prénom"), (2, "Fonction"), (None, "--event"), (2, "Structure")}


def test_a_participants_list_with_separate_first_and_last_names_is_recognised(tmp_path):
    """« Structure; Nom; Prénom; Fonction; Email »: the « Nom » column made it
    look like an elements sheet, refused for want of a Type."""
    from loaders import detect_format
    sheet = tmp_path / "inscrits.csv"
    sheet.write_text("Structure;Nom;Prénom;Fonction;Email\n"
                     "Lianes Coopération;Martin;Camille;Chargée de mission;c.martin@lianes.example\n"
                     "Cap Solidarités;Petit;Dominique;Président;d.petit@cap.example\n", encoding="utf-8")
    assert detect_format(sheet) == "participants"
    batch = load_paths([sheet], event="Atelier test")
    people = sorted(n.props["name"] for n in batch.nodes if n.kind == "Person")
    assert batch.errors == [] and people == ["Martin Camille", "Petit Dominique"]
    elements = tmp_path / "elements.csv"
    elements.write_text("Nom;Type;Email\nA;association;a@a.example\n", encoding="utf-8")
    assert detect_format(elements) == "spreadsheet"
