"""The template a new user starts from loads as it is, in both languages."""
import pytest

from interface.i18n import LANGUAGES
from interface.template import template_workbook
from loaders import load_paths
from loaders.tables import Upload


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_template_loads_as_it_is(lang):
    batch = load_paths([Upload("template.xlsx", template_workbook(lang))])
    assert batch.errors == [] and batch.warnings == []       # the help sheet is skipped without a word
    kinds = sorted(n.kind for n in batch.nodes)
    assert kinds == ["Organisation", "Organisation", "Territory", "Territory", "Theme"]
    assert [e.type for e in batch.edges if e.type == "MEMBER_OF"] == ["MEMBER_OF"]
    assert {e.type for e in batch.edges} == {"MEMBER_OF", "BASED_IN", "ACTIVE_IN", "WORKS_ON"}
