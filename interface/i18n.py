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

import functools

from graph.settings import SETTINGS
from interface.texts.cli import CLI
from interface.texts.findings import FINDINGS
from interface.texts.pages import PAGES
from interface.texts.problems import PROBLEMS

LANGUAGES = ("fr", "en")
DEFAULT = "fr"

# key: (français, English)
TEXTS = {**PAGES, **FINDINGS, **PROBLEMS, **CLI}


@functools.lru_cache(maxsize=None)
def setting_values(lang: str) -> dict:
    """Every tunable (graph/settings.py) as a blank a text may use,
    {tie_PARTNER_OF}, {max_group}..., written the user's way (0,6 in
    French); shares also as percentages ({specific_place_share}: 25 %)."""
    out = {}
    for setting in SETTINGS:
        name = setting.name.replace(".", "_")
        out[name] = _number(setting.value, lang)
        if isinstance(setting.value, float) and 0 < setting.value < 1:
            out[f"{name}_share"] = _number(round(setting.value * 100), lang) + (" %" if lang == "fr" else "%")
    return out


def _number(value, lang: str) -> str:
    text = f"{value:,}" if isinstance(value, int) else f"{value:g}"
    return text.replace(",", "\u202f").replace(".", ",") if lang == "fr" else text


def t(key: str, lang: str = DEFAULT, **values) -> str:
    """The text of `key` in `lang`, with `values` (and the settings) filled
    in. An unknown key shows as itself, so that a missing text is visible,
    not a crash."""
    pair = TEXTS.get(key)
    if pair is None:
        return key
    lang = lang if lang in LANGUAGES else DEFAULT
    text = pair[LANGUAGES.index(lang)]
    if "{" not in text:
        return text
    return text.format(**{**setting_values(lang), **values}) if values else text.format(**setting_values(lang))
