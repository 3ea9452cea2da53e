"""Finding which known node a name in a file means.

Exact matches are accent-, case- and punctuation-insensitive and look at
names, acronyms and aliases. Fuzzy matches (rapidfuzz) catch typos such as
"Llanes coopération" for "Lianes Coopération"; they are always reported as
doubtful, never taken silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from . import settings
from .model import ORGANISATION, fold

# Scores are rapidfuzz ratios (0-100) on folded names (graph/settings.py).
FUZZY_ACCEPT = settings.value("fuzzy_accept")   # at or above: taken, and reported as doubtful
FUZZY_CLOSE = settings.value("fuzzy_close")     # two candidates this close to each other: ambiguous


def split_acronym(text: str):
    """'Lille Sud Insertion (LSI)' -> ('Lille Sud Insertion', 'LSI')."""
    match = re.match(r"^(.*?)\s*\(([^()]{2,15})\)\s*$", text.strip())
    if match and match.group(1):
        return match.group(1).strip(), match.group(2).strip()
    return text.strip(), None


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

    @classmethod
    def from_graph(cls, graph):
        index = cls()
        for node_id, data in graph.nodes(data=True):
            index.add(node_id, data.get("kind"), data.get("name", ""),
                      data.get("acronym"), data.get("aliases"))
        return index

    def add(self, node_id, kind, name, acronym=None, aliases=None):
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
        names += list(aliases or [])
        for text in names:
            folded = fold(text)
            if folded:
                self._exact.setdefault((kind, folded), set()).add(node_id)
        self._names.setdefault(kind, {})[node_id] = fold(bare)

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
