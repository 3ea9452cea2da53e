"""Every word of the interface exists in both languages, with the same
blanks, and every key the code asks for exists."""
import re
import string

from conftest import ROOT

from graph.analytics.actor import TIE_WEIGHTS
from graph.analytics.partners import SCORE_WEIGHTS
from graph.model import CATEGORIES, KINDS, RELATIONS, SPHERES
from ui.gaps import KINDS as GAP_KINDS
from interface.i18n import LANGUAGES, TEXTS, t


def blanks(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_say_something_with_the_same_blanks():
    for key, texts in TEXTS.items():
        assert len(texts) == len(LANGUAGES) and all(x.strip() for x in texts), key
        assert blanks(texts[0]) == blanks(texts[1]), key


def test_every_key_the_code_asks_for_exists():
    files = [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "cli").glob("*.py")),
             *sorted((ROOT / "interface").glob("*.py"))]
    code = "".join(p.read_text() for p in files)
    asked = set(re.findall(r"""\btr?\(\s*["']([a-z_]+\.[A-Za-z_.]+)["']""", code))
    assert len(asked) > 100
    assert sorted(asked - set(TEXTS)) == []


def test_the_vocabulary_has_words_in_both_languages():
    wanted = ([f"kind.{k}" for k in KINDS] + [f"sphere.{s}" for s in SPHERES]
              + [f"category.{c}" for c in CATEGORIES] + [f"relation.{r}" for r in RELATIONS]
              + [f"tie.{k}" for k in TIE_WEIGHTS] + [f"method.score.{k}" for k in SCORE_WEIGHTS]
              + [f"gaps.{k}" for k in GAP_KINDS] + [f"gaps.why.{k}" for k in GAP_KINDS])
    assert sorted(set(wanted) - set(TEXTS)) == []


def test_an_unknown_key_shows_as_itself_and_french_is_the_default():
    assert t("no.such.key") == "no.such.key"
    assert t("nav.data") == "Données" and t("nav.data", "xx") == "Données"


def test_no_text_key_is_written_twice():
    """A key given twice in one table silently keeps the second text."""
    import ast
    from conftest import ROOT
    for path in sorted((ROOT / "interface" / "texts").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
                assert len(keys) == len(set(keys)), (path.name, {k for k in keys if keys.count(k) > 1})
