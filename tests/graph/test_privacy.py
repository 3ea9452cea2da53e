"""Erasing a person leaves no trace: their names in any order, whatever
the accents and the case, and their contact values however written; and
contact details typed into free text are taken out of it at load."""
import pytest

from graph.privacy import ERASED, HIDDEN, contacts_in_text, erase_text

NAMES = ["Traçable Zoé"]
CONTACTS = ["zoe.tracable@example.org", "06 12 34 56 78"]


@pytest.mark.parametrize("text", [
    "Contact : Traçable Zoé.", "Contact : Zoé Traçable.", "Contact : ZOE TRACABLE.", "Contact : Tracable, Zoe.",
    "Contact : zoe.tracable@example.org.", "Contact : 0612345678.", "Contact : +33 6 12 34 56 78.",
    "Contact : 06.12.34.56.78.",
])
def test_every_mention_of_the_person_is_erased(text):
    erased, count = erase_text(text, NAMES, CONTACTS)
    assert erased == f"Contact : {ERASED}." and count == 1


@pytest.mark.parametrize("text", [
    "Zoé et Martine Traçable", "Traçables associés", "Rue Zoé 06 12", "Traçable Zoéline",
])
def test_other_words_are_left_alone(text):
    assert erase_text(text, NAMES, CONTACTS) == (text, 0)


def test_contact_details_in_free_text_are_found():
    text, found = contacts_in_text("Écrire à zoe@example.org ou appeler le 03 20 00 00 00 (siège, 2016).")
    assert found == ["zoe@example.org", "03 20 00 00 00"]
    assert text == f"Écrire à {HIDDEN} ou appeler le {HIDDEN} (siège, 2016)."
    for kept in ("FR-SIRET-12345678901234", "FR-RNA-W595004305", "2016-01-19", "budget de 1 000 000 €"):
        assert contacts_in_text(kept) == (kept, [])
