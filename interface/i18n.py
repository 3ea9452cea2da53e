"""Every word the interfaces show, in French (the default) and English:
the pages' words, the sentences that say the analytics' findings, and the
problems found in files. graph/ and loaders/ return codes and values; the
sentences are written here, in the user's language.

    >>> t("nav.explorer", "fr"), t("nav.explorer", "en")
    ('Explorer', 'Explore')
    >>> t("overview.counts", "en", nodes=3, edges=2)
    '3 nodes, 2 ties'
"""
from __future__ import annotations

from interface.texts.cli import CLI
from interface.texts.findings import FINDINGS
from interface.texts.pages import PAGES
from interface.texts.problems import PROBLEMS

LANGUAGES = ("fr", "en")
DEFAULT = "fr"

# key: (français, English)
TEXTS = {**PAGES, **FINDINGS, **PROBLEMS, **CLI}


def t(key: str, lang: str = DEFAULT, **values) -> str:
    """The text of `key` in `lang`, with `values` filled in. An unknown key
    shows as itself, so that a missing text is visible, not a crash."""
    pair = TEXTS.get(key)
    if pair is None:
        return key
    text = pair[LANGUAGES.index(lang) if lang in LANGUAGES else 0]
    return text.format(**values)
