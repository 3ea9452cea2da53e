"""Erasing a person: their node and ties go, and so does any mention of
their names (name and aliases) in the text of other nodes and ties, such as
a note saying "the text names Yves Le Bars president". Pure functions; the
stores apply them."""
from __future__ import annotations

import re

ERASED = "[personne effacée]"


def person_names(attrs: dict) -> list:
    names = [attrs.get("name", "")] + list(attrs.get("aliases") or [])
    return sorted({n.strip() for n in names if n and len(n.strip()) >= 3}, key=len, reverse=True)


def _scrub_text(text: str, pattern) -> str:
    return pattern.sub(ERASED, text)


def scrub(attrs: dict, names: list):
    """The attributes with every mention of `names` replaced, or None when
    nothing mentions them. Looks into strings, lists and conflict records."""
    if not names:
        return None
    pattern = re.compile("|".join(re.escape(n) for n in names), re.IGNORECASE)

    def clean(value):
        if isinstance(value, str):
            return _scrub_text(value, pattern)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    new = {k: clean(v) for k, v in attrs.items()}
    return new if new != attrs else None
