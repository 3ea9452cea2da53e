import pytest

from graph import model
from loaders import vocabulary


@pytest.mark.parametrize("word, expected", [
    ("ONG", (model.ORGANISATION, "ngo")),
    ("Collectivité", (model.ORGANISATION, "local_authority")),
    ("research-org", (model.ORGANISATION, "research")),
    ("Territoire", (model.TERRITORY, None)),
    ("area", (model.TERRITORY, None)),
    ("instrument", (model.RESOURCE, None)),
    ("Project", (model.PROJECT, None)),
    ("licorne", None),
])
def test_kumu_types_map_to_kinds(word, expected):
    assert vocabulary.kind_for_type(word) == expected


def test_relation_words():
    assert vocabulary.relation_for_type("partner_of") == "PARTNER_OF"
    assert vocabulary.relation_for_type("Membre de") == "MEMBER_OF"
    assert vocabulary.relation_for_type("sponsors") is None


def test_a_category_is_guessed_from_a_name():
    assert vocabulary.guess_category("Conseil régional de Kayes") == "local_authority"
    assert vocabulary.guess_category("Fondation de France") == "foundation"
    assert vocabulary.guess_category("Les Amis du Sahel") == "other"


def test_every_word_the_interface_shows_for_a_kind_or_category_is_understood_in_a_file():
    """A sheet written with the app's own words (the template's, the
    exports') reads back: « Organisme d'État », « Autre », « Thème »..."""
    from graph.model import CATEGORIES, KINDS, ORGANISATION
    from interface.i18n import LANGUAGES, t
    from loaders.vocabulary import kind_for_type
    for lang in LANGUAGES:
        for kind in KINDS:
            assert kind_for_type(t(f"kind.{kind}", lang))[0] == kind
        for category in CATEGORIES:
            assert kind_for_type(t(f"category.{category}", lang)) == (ORGANISATION, category), (lang, category)
