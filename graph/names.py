"""Finding which known node a name in a file means.

Exact matches are accent-, case- and punctuation-insensitive and look at
names, acronyms and aliases. Fuzzy matches (rapidfuzz) catch typos such as
"Llanes coopération" for "Lianes Coopération"; they are always reported as
doubtful, never taken silently.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from confusable_homoglyphs import confusables
from rapidfuzz import fuzz, process

from . import settings
from .model import ORGANISATION, TERRITORY, clean_text, fold

# Scores are rapidfuzz ratios (0-100) on folded names (graph/settings.py).
FUZZY_ACCEPT = settings.value("fuzzy_accept")   # at or above: taken, and reported as doubtful
FUZZY_CLOSE = settings.value("fuzzy_close")     # two candidates this close to each other: ambiguous


def split_acronym(text: str):
    """'Lille Sud Insertion (LSI)' -> ('Lille Sud Insertion', 'LSI')."""
    match = re.match(r"^(.*?)\s*\(([^()]{2,15})\)\s*$", text.strip())
    if match and match.group(1):
        return match.group(1).strip(), match.group(2).strip()
    return text.strip(), None


_BEYOND_LATIN = re.compile("[^\u0000-\u024f\u1e00-\u1eff]")


@lru_cache(maxsize=500_000)         # pure; the pages ask it of every name at each new version of the data
def skeleton(text: str) -> str:
    """What a name looks like: letters of other scripts that look like Latin
    ones (Cyrillic « С », Greek « Ο ») read as those, invisible characters
    dropped, then folded. Two names with one skeleton look the same to a
    reader (Unicode's confusables, through confusable_homoglyphs).

    >>> skeleton("Саp Solidarités") == skeleton("Cap Solidarités") == "cap solidarites"
    True
    """
    text = clean_text(str(text))
    if _BEYOND_LATIN.search(text):            # Latin names (accents included) need no lookup
        found = confusables.is_confusable(text, greedy=True, preferred_aliases=["latin"]) or []
        for item in found:
            latin = [h["c"] for h in item["homoglyphs"] if h["c"].isascii()]
            if latin:
                text = text.replace(item["character"], latin[0])
    return fold(text)


@dataclass
class Match:
    id: str | None
    how: str                 # "id", "exact", "fuzzy", "ambiguous", "none"
    score: float = 100.0
    candidates: tuple = ()


class NameIndex:
    """Names of known nodes, by kind. Built from a graph or from records; it
    never touches a store."""

    def __init__(self):
        self.kind_of = {}
        self.name_of = {}
        self._exact = {}       # (kind, folded) -> set of ids
        self._names = {}       # kind -> {id: folded name} for fuzzy matching
        self._looks = {}       # (kind, skeleton of the name) -> set of ids
        self._identified = {}  # official identifier (FR-RNA-W…, XM-DAC-41114, iso:TD, DAC:11220) -> set of ids
        self.place_of = {}     # territory id -> (level, country code), to tell « Nord » the département apart

    @classmethod
    def from_graph(cls, graph):
        index = cls()
        for node_id, data in graph.nodes(data=True):
            identifiers = data.get("identifiers") if isinstance(data.get("identifiers"), list) else []
            if data.get("kind") == TERRITORY and data.get("level") == "country" and data.get("country_code"):
                identifiers = [*identifiers, f"iso:{str(data['country_code']).upper()}"]
            index.add(node_id, data.get("kind"), data.get("name", ""),
                      data.get("acronym"), data.get("aliases"), identifiers, data.get("level"), data.get("country_code"))
        return index

    def add(self, node_id, kind, name, acronym=None, aliases=None, identifiers=(), level=None, country_code=None):
        name = name if isinstance(name, str) else str(name or "")      # a store written before the checks
        self.kind_of[node_id] = kind
        self.name_of[node_id] = name
        names = [name]
        bare, inner = split_acronym(name)
        if inner:
            names += [bare, inner]
        if acronym:
            names.append(acronym)
        if isinstance(aliases, str):
            aliases = [a for a in aliases.split("|")]
        names += [a for a in (aliases if isinstance(aliases, list) else []) if isinstance(a, str)]
        for text in names:
            folded = fold(text)
            if folded:
                self._exact.setdefault((kind, folded), set()).add(node_id)
        self._names.setdefault(kind, {})[node_id] = fold(bare)
        if kind == ORGANISATION:
            self._looks.setdefault((kind, skeleton(name)), set()).add(node_id)
        for identifier in identifiers or ():
            if isinstance(identifier, str) and identifier.strip():
                self._identified.setdefault(identifier.strip(), set()).add(node_id)
        if kind == TERRITORY:
            self.place_of[node_id] = (level if isinstance(level, str) else None,
                                      str(country_code).upper() if isinstance(country_code, str) else None)

    def places_named(self, name, level, country_code) -> list:
        """Known territories of that name at that level in that country (or
        whose country is not said)."""
        return [i for i in self.exact(name, TERRITORY)
                if self.place_of.get(i, (None, None))[0] == level
                and self.place_of[i][1] in (None, country_code)]

    def identified(self, identifier: str) -> list:
        """Ids of the nodes an official identifier names (one, or several
        when sources disagree: then the caller says so)."""
        return sorted(self._identified.get(identifier.strip(), ()))

    def lookalikes(self, name, kind=ORGANISATION, other_than=None) -> list:
        """Ids of known organisations whose name looks the same as `name`
        (the same skeleton: equal once folded, or written with look-alike
        letters of another script), `other_than` left out."""
        return sorted(self._looks.get((kind, skeleton(name)), set()) - {other_than})

    def exact(self, text, kind=None):
        """Ids whose name, acronym or alias equals `text` once folded."""
        folded = fold(text)
        kinds = [kind] if kind else list(self._names)
        found = set()
        for k in kinds:
            found |= self._exact.get((k, folded), set())
        return sorted(found)

    def find(self, text, kind=ORGANISATION, fuzzy=True) -> Match:
        """The node `text` most likely names, with how sure we are."""
        if text in self.kind_of and (kind is None or self.kind_of[text] == kind):
            return Match(text, "id")
        bare, inner = split_acronym(text)
        for candidate in (text, bare, inner):
            if not candidate:
                continue
            ids = self.exact(candidate, kind)
            if len(ids) == 1:
                return Match(ids[0], "exact")
            if len(ids) > 1:
                return Match(None, "ambiguous", 100.0, tuple(ids))
        if not fuzzy:
            return Match(None, "none")
        choices = self._names.get(kind, {}) if kind else {
            i: n for names in self._names.values() for i, n in names.items()}
        if not choices:
            return Match(None, "none")
        hits = process.extract(fold(bare), choices, scorer=fuzz.ratio, limit=3)
        hits = [h for h in hits if h[1] >= FUZZY_ACCEPT]
        if not hits:
            return Match(None, "none")
        if len(hits) > 1 and hits[0][1] - hits[1][1] < FUZZY_CLOSE:
            return Match(None, "ambiguous", hits[0][1], tuple(h[2] for h in hits))
        return Match(hits[0][2], "fuzzy", hits[0][1])

    def containing(self, text, kind=ORGANISATION):
        """Known nodes one of whose names (4 letters or more) the text holds
        as whole words, or whose name holds the text: "Grdr Mali" and
        "Grdr", a local branch and its head office."""
        words = fold(split_acronym(text)[0])
        out = set()
        for (k, name), ids in self._exact.items():
            if k != kind or len(name) < 4 or name == words:
                continue
            if re.search(rf"\b{re.escape(name)}\b", words) or re.search(rf"\b{re.escape(words)}\b", name):
                out |= ids
        return sorted(out)
