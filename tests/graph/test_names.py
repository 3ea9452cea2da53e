from graph.model import ORGANISATION
from graph.names import NameIndex, split_acronym


def index():
    idx = NameIndex()
    idx.add("org:lianes", ORGANISATION, "Lianes Coopération")
    idx.add("org:lsi", ORGANISATION, "Lille Sud Insertion", acronym="LSI")
    idx.add("org:grdr", ORGANISATION, "Grdr Migration-Citoyenneté-Développement", acronym="Grdr")
    idx.add("org:esf1", ORGANISATION, "Electriciens sans frontières")
    idx.add("org:esf2", ORGANISATION, "Élevages sans frontières", aliases=["Elevages sans frontières"])
    return idx


def test_split_acronym():
    assert split_acronym("Lille Sud Insertion (LSI)") == ("Lille Sud Insertion", "LSI")
    assert split_acronym("Cap Solidarités") == ("Cap Solidarités", None)


def test_exact_by_name_acronym_alias_accent_and_case_free():
    idx = index()
    assert idx.find("LILLE SUD INSERTION").id == "org:lsi"
    assert idx.find("Lille Sud Insertion (LSI)").how == "exact"
    assert idx.find("lsi").id == "org:lsi"
    assert idx.find("elevages sans frontieres").id == "org:esf2"


def test_typo_is_found_and_marked_fuzzy():
    match = index().find("Llanes coopération")
    assert (match.id, match.how) == ("org:lianes", "fuzzy")
    assert 88 <= match.score < 100


def test_a_close_single_candidate_is_taken_as_fuzzy():
    match = index().find("Elevages sans frontieres ONG")
    assert (match.id, match.how) == ("org:esf2", "fuzzy")


def test_two_equally_close_candidates_are_ambiguous():
    idx = NameIndex()
    idx.add("org:a", ORGANISATION, "Maison de l'Europe Arras")
    idx.add("org:b", ORGANISATION, "Maison de l'Europe Lens")
    match = idx.find("Maison de l'Europe Arns")
    assert match.how == "ambiguous" and match.id is None
    assert set(match.candidates) == {"org:a", "org:b"}


def test_unknown_name():
    assert index().find("Maillage").how == "none"


def test_a_branch_contains_its_head_office_acronym():
    assert index().containing("Grdr Mali") == ["org:grdr"]
    assert index().containing("Maillage") == []
