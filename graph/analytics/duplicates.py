"""Probable duplicate organisations: two elements of the graph that may be
one organisation, with the evidence for each pair and a confidence (0-1).
Pure: returns data; the pages and the command line write the sentences.

Evidence, strongest first:
- `identifier`: the same official identifier (RNA, SIREN, SIRET, IATI ref);
- `website`: the same web site (scheme, « www. » and the path left out);
- `acronym`: the acronym of one is the other's acronym, name or other name;
- `close_names`: names alike once accents, case and punctuation are folded
  (rapidfuzz's token ratio, at least `duplicates.close_names`);
- `contains`: every word of one name (or acronym) is in the other's, and
  that name says more than a place: « Grdr » and « Grdr France » may be one,
  « Blue Minerals Jamaica » is not the state of Jamaica.

Pairs a user said are not the same (`distinct_from`) are never proposed.
Candidates come from shared rare words, identifiers, sites and acronyms,
never from comparing every pair: a 20,000-organisation network is fine.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from rapidfuzz import fuzz

from graph import settings
from graph.model import ORGANISATION, TERRITORY, fold

CONFIDENCE = {"identifier": 0.98, "website": 0.9, "acronym": 0.8, "close_names": 0.75, "contains": 0.55}
COMMON_WORD = 40           # a word more organisations share than this brings no candidates
# words that say what kind of body it is, not which one
STOP = frozenset({"de", "du", "des", "la", "le", "les", "et", "pour", "en", "a", "au", "aux", "sur", "dans",
                  "the", "of", "and", "for", "in", "l", "d", "association", "asso", "ong", "collectif", "reseau",
                  "federation", "union", "groupe", "ltd", "inc", "sa",
                  "sarl", "sas", "gmbh", "co"})


def site(url) -> str:
    """A web site as one key: « https://www.grdr.org/fr/ » -> « grdr.org »."""
    text = str(url or "").strip().lower()
    text = re.sub(r"^[a-z]+://", "", text)
    text = re.sub(r"^www\d?\.", "", text)
    return text.split("/")[0].split("?")[0].split("#")[0]


def _names(data) -> list:
    aliases = data.get("aliases") if isinstance(data.get("aliases"), list) else []
    return [n for n in [data.get("name", ""), *aliases] if isinstance(n, str) and n.strip()]


def _identifiers(data) -> set:
    return {i for i in (data.get("identifiers") or []) if isinstance(i, str) and i and not i.startswith("id:")}


def _acronym(data) -> str:
    return fold(data.get("acronym") or "") if isinstance(data.get("acronym"), str) else ""


def place_names(graph) -> frozenset:
    """Folded names of the graph's territories (and their other names)."""
    return frozenset(fold(n) for _, d in graph.nodes(data=True) if d.get("kind") == TERRITORY
                     for n in _names(d) if fold(n))


def _meaningful(name: str, places: frozenset) -> frozenset:
    """A folded name's words, without places and words like « association »."""
    text = f" {name} "
    for place in sorted((p for p in places if f" {p} " in text), key=len, reverse=True):
        text = text.replace(f" {place} ", " ")
    return frozenset(w for w in text.split() if w not in STOP and len(w) >= 2)


def probable_duplicates(graph, top: int | None = None) -> list:
    """[{"ids": (a, b), "evidence": [{"code", ...}], "confidence"}],
    most likely first."""
    close = settings.value("duplicates.close_names")
    places = place_names(graph)
    orgs = {n: d for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION}
    by_key = defaultdict(set)
    for node, data in orgs.items():
        for identifier in _identifiers(data):
            by_key[("identifier", identifier)].add(node)
        if site(data.get("website")):
            by_key[("website", site(data.get("website")))].add(node)
        labels = [fold(n) for n in _names(data)] + [_acronym(data)]
        for label in filter(None, labels):
            for word in _meaningful(label, places):
                by_key[("word", word)].add(node)
    candidates = set()
    for (kind, _), nodes in by_key.items():
        if len(nodes) < 2 or (kind == "word" and len(nodes) > COMMON_WORD):
            continue
        candidates.update(combinations(sorted(nodes), 2))
    found = []
    for a, b in candidates:
        if b in (orgs[a].get("distinct_from") or []) or a in (orgs[b].get("distinct_from") or []):
            continue
        evidence = pair_evidence(orgs[a], orgs[b], places, close)
        if evidence:
            strengths = sorted((CONFIDENCE[e["code"]] for e in evidence), reverse=True)
            confidence = min(0.99, strengths[0] + 0.05 * (len(strengths) - 1))
            found.append({"ids": (a, b), "evidence": evidence, "confidence": round(confidence, 2)})
    found.sort(key=lambda f: (-f["confidence"], f["ids"]))
    return found[:top] if top else found


def pair_evidence(a: dict, b: dict, places: frozenset = frozenset(), close: int | None = None) -> list:
    """What says two organisations may be one (empty: nothing)."""
    close = settings.value("duplicates.close_names") if close is None else close
    out = []
    shared = sorted(_identifiers(a) & _identifiers(b))
    if shared:
        out.append({"code": "identifier", "value": shared[0]})
    if site(a.get("website")) and site(a.get("website")) == site(b.get("website")):
        out.append({"code": "website", "value": site(a.get("website"))})
    names_a, names_b = {fold(n) for n in _names(a)} - {""}, {fold(n) for n in _names(b)} - {""}
    acr_a, acr_b = _acronym(a), _acronym(b)
    same_short = ({acr_a} & ({acr_b} | names_b)) | ({acr_b} & names_a)
    same_short -= {""}
    if same_short:
        out.append({"code": "acronym", "value": (a.get("acronym") or b.get("acronym") or "").strip()
                    or sorted(same_short)[0].upper()})
    pairs = [(x, y) for x in names_a for y in names_b if x != y]
    best = max((fuzz.token_sort_ratio(x, y) for x, y in pairs), default=0)
    if names_a & names_b:
        out.append({"code": "close_names", "score": 100})
    elif best >= close:
        out.append({"code": "close_names", "score": round(best)})
    else:
        contained = _contained(names_a | {acr_a}, names_b | {acr_b}, places)
        if contained:
            written = {fold(n): n.strip() for x in (a, b) for n in [*_names(x), x.get("acronym") or ""]
                       if isinstance(n, str)}
            out.append({"code": "contains", "value": written.get(contained, contained)})
    return out


def _contained(labels_a: set, labels_b: set, places: frozenset) -> str:
    """A label of one whose words all lie in a label of the other, and which
    says more than a place (a word of four letters or more that is not one);
    "" when none. Words like « association » are left out on both sides."""
    for x in sorted(labels_a - {""}):
        for y in sorted(labels_b - {""}):
            for small, big in ((x, y), (y, x)):
                words = _words(small)
                if small != big and words and words <= _words(big) \
                        and any(len(w) >= 4 for w in _meaningful(small, places)):
                    return small
    return ""


def _words(label: str) -> frozenset:
    return frozenset(w for w in label.split() if w not in STOP)
