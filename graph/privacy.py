"""Personal data: erasing a person, and contact details found in free text.

Erasing a person removes their node and ties, and every mention of them in
the text of other elements: their names (name and aliases) in any order,
whatever the accents and the case (« Zoé Traçable », « TRACABLE Zoe »),
and their contact values (e-mails, phone numbers however they are spaced).
Pure functions; the stores apply them.

At load, e-mails and phone numbers written in free text (a description, a
note) are contact details like the `email` and `phone` fields: they are
taken out of the text into `contact_details`, hidden and exported only when
asked (graph.model.CONTACT_FIELDS).
"""
from __future__ import annotations

import re

from .model import fold

ERASED = "[personne effacée]"
HIDDEN = "[coordonnées masquées]"

# Starts only where a run of address characters starts, and never gives
# back what it took: linear on a 1 MB cell (without both, quadratic: 305 s).
EMAIL = re.compile(r"(?<![\w.+'-])[\w.+'-]++@[\w-]++(?:\.[\w-]++)+")
# A phone number: an international prefix (+33 6 12 34 56 78, +33 (0)3 20…)
# or a leading 0 (06.12.34.56.78), then 8 to 13 more digits in groups
# separated by spaces, dots or dashes. Years, amounts and identifiers
# (FR-SIRET-123…, W595004305) do not start that way.
PHONE = re.compile(r"(?<![\w+-])(?:\+\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d|0\d)(?:[\s.-]?\d){7,12}(?!\w)")
WORD = re.compile(r"\w+")


def person_names(attrs: dict) -> list:
    names = [attrs.get("name", "")] + list(attrs.get("aliases") or [])
    return sorted({n.strip() for n in names if isinstance(n, str) and len(n.strip()) >= 3}, key=len, reverse=True)


def person_contacts(attrs: dict) -> list:
    """The person's e-mails and phone numbers, to find them elsewhere."""
    values = [attrs.get("email"), attrs.get("phone"), *(attrs.get("contact_details") or [])]
    return [v for v in values if isinstance(v, str) and v.strip()]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _name_spans(text: str, names: list) -> list:
    """(start, end) of each mention of a name in `text`: its words, folded,
    in any order, next to one another."""
    words = [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]
    spans = []
    for name in names:
        wanted = sorted(fold(name).split())
        size = len(wanted)
        if not size:
            continue
        for i in range(len(words) - size + 1):
            window = words[i:i + size]
            if sorted(w for _, _, w in window) != wanted:
                continue
            gaps = [text[a[1]:b[0]] for a, b in zip(window, window[1:])]
            if all(len(gap) <= 3 and not gap.strip(" ,-'’.") for gap in gaps):
                spans.append((window[0][0], window[-1][1]))
    return spans


def _contact_spans(text: str, contacts: list) -> list:
    spans = []
    emails = {c.casefold() for c in contacts if "@" in c}
    phones = {_digits(c)[-9:] for c in contacts if len(_digits(c)) >= 8}
    for match in EMAIL.finditer(text):
        if match.group().casefold() in emails:
            spans.append(match.span())
    for match in PHONE.finditer(text):
        if _digits(match.group())[-9:] in phones:         # 06 12… and +33 6 12… are one number
            spans.append(match.span())
    return spans


def erase_text(text: str, names: list, contacts: list) -> tuple:
    """(text with every mention replaced, how many mentions)."""
    # the longest first where two begin together (a name inside an e-mail)
    spans = sorted(set(_name_spans(text, names) + _contact_spans(text, contacts)), key=lambda s: (s[0], -s[1]))
    if not spans:
        return text, 0
    out, last, count = [], 0, 0
    for start, end in spans:
        if start < last:               # overlapping mentions: already erased
            continue
        out.append(text[last:start])
        out.append(ERASED)
        last, count = end, count + 1
    out.append(text[last:])
    return "".join(out), count


def scrub(attrs: dict, names: list, contacts: list = ()):
    """(the attributes with every mention of the person replaced, how many),
    or (None, 0) when nothing mentions them. Looks into texts, lists and
    conflict records."""
    found = [0]

    def clean(value):
        if isinstance(value, str):
            text, count = erase_text(value, names, list(contacts))
            found[0] += count
            return text
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    new = {k: clean(v) for k, v in attrs.items()}
    return (new, found[0]) if found[0] else (None, 0)


def contacts_in_text(text: str) -> tuple:
    """(text with its e-mails and phone numbers replaced by HIDDEN, the
    values taken out)."""
    found = [m.group() for m in EMAIL.finditer(text)]
    text = EMAIL.sub(HIDDEN, text)
    found += [m.group() for m in PHONE.finditer(text)]
    text = PHONE.sub(HIDDEN, text)
    return text, found
