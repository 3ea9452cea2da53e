"""Potential partners for one organisation: who it is not yet tied to, but
could be, ranked by a score that mixes the structure of the network (shared
neighbours, resource allocation) with affinity (shared themes, the same or a
paired territory, a complementary sphere). Every candidate comes with its
reasons in plain French and an introduction path.

The weights of the score live in SCORE_WEIGHTS, in one place, shown to users.
How well the ranking finds real partnerships is measured by bench/, not
asserted here.
"""
from __future__ import annotations

import networkx as nx
import numpy as np
from scipy import sparse

from graph.model import (DIRECT_ORG_TIES, HIERARCHY, ORGANISATION, PLACING, PROJECT_ROLES, TERRITORY,
                         THEME, relation)

from graph.names import NameIndex
from graph.subgraph import named, territories_inside

from . import Refused
from .actor import actor_graph
from .score_index import ScoreIndex, best_positions

# score = structure × (1 + affinity) + affinity_alone × affinity: affinity
# multiplies what the network already says about a pair, and counts alone,
# for less, when it says nothing. Added up (the score until commit 64e4532),
# the affinity shared by the 100 organisations of a planted community drowned
# which of them the network ties together: on bench/partners_eval.py's
# synthetic network, hits@10 0.127 against 0.185 now (10 seeds).
SCORE_WEIGHTS = {
    "structure": 1.0,      # resource allocation over shared neighbours in the actor graph
    "three_steps": 1.0,    # the same over walks of three ties (a relation's relation)
    "themes": 0.5,         # per shared theme, at most 3 counted
    "same_territory": 0.4,
    "paired_territory": 0.8,   # ici / là-bas: the tie the network looks for
    "complementary_sphere": 0.3,
    "affinity_alone": 0.5,     # what affinity is worth where the network says nothing
}
CLOSENESS = ("structure", "three_steps")     # the weights of closeness; the others weigh affinity
SPECIFIC_PLACE = 0.25      # a shared place counts if it holds at most this share of the located organisations
SPHERE_FR = {"civil_society": "société civile", "public": "pouvoirs publics",
             "economic": "acteurs économiques", "research": "recherche", "unknown": "sphère inconnue"}


# Past this much work (score_index.work: pairs and walks of three ties),
# scoring every pair takes too long for a page. Measured on synthetic
# networks (8 ties per organisation): 2,000 organisations 21 million, 0.5 s;
# 10,000: 257 million, 6.7 s; 20,000: 436 million, 23 s; memory under 0.7 GB.
MAX_PAIR_WORK = 500_000_000


class TooManyPairs(Refused):
    """The network is too big to look at every pair."""


class UnknownOrganisation(Refused):
    """The name matches no organisation, or several; the message says which."""


def find_organisation(graph, text: str) -> str:
    """The id of the organisation `text` names (id, name, acronym or alias)."""
    index = NameIndex.from_graph(graph)
    match = index.find(text, ORGANISATION)
    if match.id and match.how in ("id", "exact", "fuzzy"):
        return match.id
    if match.how == "ambiguous":
        names = "; ".join(f"{index.name_of[i]} ({i})" for i in match.candidates)
        raise UnknownOrganisation(f"« {text} » peut désigner plusieurs organisations : {names}. "
                                  f"Précisez le nom complet ou l'identifiant.")
    close = index.containing(text)[:5]
    hint = f" Vouliez-vous dire : {', '.join(index.name_of[i] for i in close)} ?" if close else ""
    raise UnknownOrganisation(f"Aucune organisation ne s'appelle « {text} ».{hint}")


def org_themes(graph, org):
    """Themes an organisation works on, directly or through its projects."""
    found = {t for _, t, k in graph.out_edges(org, keys=True)
             if relation(k) == "WORKS_ON" and graph.nodes[t].get("kind") == THEME}
    for _, project, k in graph.out_edges(org, keys=True):
        if relation(k) in PROJECT_ROLES:
            found |= {t for _, t, k2 in graph.out_edges(project, keys=True)
                      if relation(k2) == "ADDRESSES" and graph.nodes[t].get("kind") == THEME}
    return found


def org_places(graph, org):
    """Territories where an organisation is based or active, with the
    territories they are part of (Lille is in Nord-Pas-de-Calais)."""
    places = {t for _, t, k in graph.out_edges(org, keys=True)
              if relation(k) in PLACING and graph.nodes[t].get("kind") == TERRITORY}
    frontier = set(places)
    while frontier:
        frontier = {p for t in frontier for _, p, k in graph.out_edges(t, keys=True)
                    if relation(k) == HIERARCHY} - places
        places |= frontier
    return places


def territory_pairs(graph):
    pairs = {}
    for u, v, k in graph.edges(keys=True):
        if relation(k) == "PAIRED_WITH":
            pairs.setdefault(u, set()).add(v)
            pairs.setdefault(v, set()).add(u)
    return pairs


def directly_tied(graph, org):
    tied = set()
    for u, v, k in list(graph.out_edges(org, keys=True)) + list(graph.in_edges(org, keys=True)):
        if relation(k) in DIRECT_ORG_TIES:
            tied.add(v if u == org else u)
    return tied


def name_of(graph, node):
    return graph.nodes[node].get("name", node)


def _listing(names, most=3):
    names = sorted(names)
    text = ", ".join(names[:most])
    return text + (f" et {len(names) - most} autre(s)" if len(names) > most else "")


class Context:
    """What the score needs about every organisation, computed once."""

    def __init__(self, graph, actor=None):
        self.graph = graph
        self.actor = actor if actor is not None else actor_graph(graph)
        orgs = [n for n in self.actor]
        self.themes = {o: org_themes(graph, o) for o in orgs}
        self.places = {o: org_places(graph, o) for o in orgs}
        self.pairs = territory_pairs(graph)
        # How many organisations each place holds: sharing a place that
        # holds most of them (France, in a French network) says nothing.
        self.holding = {}
        for places in self.places.values():
            for place in places:
                self.holding[place] = self.holding.get(place, 0) + 1
        located = sum(1 for places in self.places.values() if places)
        self.telling = {p for p, n in self.holding.items() if n <= max(2, SPECIFIC_PLACE * located)}
        self._index = None

    def index(self):
        """The score of one organisation against all, as matrices (built on
        first use, then kept: score_index.ScoreIndex)."""
        if self._index is None:
            self._index = ScoreIndex(self, SCORE_WEIGHTS)
        return self._index


def _three_steps(actor, a, b) -> float:
    """Resource allocation over the walks a – x – y – b: each walk adds
    1 / (degree of x × degree of y). The walks are found from whichever end
    costs fewer lookups (a hub has thousands of neighbours)."""
    near, far = (a, b) if actor.degree(a) <= actor.degree(b) else (b, a)      # the same both ways
    ends = actor[far]
    if actor.degree(near) * len(ends) <= sum(actor.degree(x) for x in actor[near]):
        return sum(1.0 / (actor.degree(x) * actor.degree(y)) for x in actor[near] for y in ends if y in actor[x])
    return sum(sum(1.0 / actor.degree(y) for y in actor[x] if y in ends) / actor.degree(x) for x in actor[near])


def pair_score(ctx: Context, org: str, cand: str):
    """(score, reasons) for the pair; score 0 when they have nothing in common."""
    graph, actor, w = ctx.graph, ctx.actor, SCORE_WEIGHTS
    reasons = []
    common = set(actor[org]) & set(actor[cand])
    structure = w["structure"] * sum(1.0 / actor.degree(z) for z in common)
    structure += w["three_steps"] * _three_steps(actor, org, cand)
    if common:
        reasons.append(f"{len(common)} relation(s) en commun : {_listing(name_of(graph, z) for z in common)}")
    elif structure > 0:
        reasons.append("proches dans le réseau : une relation de l'une est liée à une relation de l'autre")
    affinity = 0.0
    shared = ctx.themes[org] & ctx.themes[cand]
    if shared:
        affinity += w["themes"] * min(len(shared), 3)
        reasons.append(f"travaillent tous deux sur : {_listing(name_of(graph, t) for t in shared)}")
    mine, theirs = ctx.places[org], ctx.places[cand]
    paired = {(a, b) for a in mine for b in theirs if b in ctx.pairs.get(a, ())}
    same = mine & theirs & ctx.telling
    if paired:
        affinity += w["paired_territory"]
        a, b = sorted(paired)[0]
        reasons.append(f"territoires jumelés (ici / là-bas) : {name_of(graph, a)} ↔ {name_of(graph, b)}")
    elif same:
        affinity += w["same_territory"]
        place = min(same, key=lambda t: (ctx.holding[t], name_of(graph, t)))    # the most specific
        reasons.append(f"même territoire : {name_of(graph, place)}")
    spheres = graph.nodes[org].get("sphere", "unknown"), graph.nodes[cand].get("sphere", "unknown")
    if (structure > 0 or affinity > 0) and "unknown" not in spheres and spheres[0] != spheres[1]:
        affinity += w["complementary_sphere"]
        reasons.append(f"sphère complémentaire : {SPHERE_FR.get(spheres[1], spheres[1])}")
    return round(structure * (1 + affinity) + w["affinity_alone"] * affinity, 4), reasons


def potential_partners(graph, org: str, top: int = 10, territory: str | None = None,
                       theme: str | None = None, actor=None, context: Context | None = None) -> list:
    """Ranked candidates for `org` (an id). Each is a dict with `id`, `name`,
    `score`, `reasons` (French sentences) and `path` (names, from `org` to
    the candidate, through the strongest ties; empty when unreachable).

    `territory` and `theme` keep candidates based or active there (or in a
    territory inside it) / working on it; both accept names or ids."""
    if graph.nodes.get(org, {}).get("kind") != ORGANISATION:
        raise UnknownOrganisation(f"{org!r} n'est pas une organisation du graphe.")
    ctx = context or Context(graph, actor)
    index = ctx.index()
    scores = index.scores(org)
    keep = scores > 0
    keep[index.position[org]] = False
    keep[[index.position[o] for o in directly_tied(graph, org) if o in index.position]] = False
    if territory:
        keep &= index.having(index.places, index.place_column, _named(graph, TERRITORY, territory))
    if theme:
        keep &= index.having(index.themes, index.theme_column, _named(graph, THEME, theme))
    found = np.flatnonzero(keep)
    found = found[best_positions(scores[found], top)]
    out = []
    for i in found:
        cand = index.orgs[i]
        score, reasons = pair_score(ctx, org, cand)
        out.append({"id": cand, "name": name_of(graph, cand), "score": score, "reasons": reasons})
    out.sort(key=lambda c: (-c["score"], c["name"]))
    out = out[:top]
    for cand in out:
        cand["path"] = introduction(graph, ctx.actor, org, cand["id"])
    return out


def introduction(graph, actor, org, cand) -> list:
    """Names along the shortest path through the strongest ties (distance =
    1 / weight), [] when there is none."""
    try:
        return [name_of(graph, n) for n in nx.bidirectional_dijkstra(actor, org, cand, weight="distance")[1]]
    except nx.NetworkXNoPath:
        return []


def synergies(graph, top: int = 20, actor=None, context: Context | None = None) -> list:
    """The best pairs of organisations not yet tied, network-wide, each with
    `ids` (in id order), `names`, `score` and `reasons`. Every pair is scored
    with the score index's matrices, by blocks of rows, then pair_score
    writes the reasons of the best (the same answer as scoring pair by pair:
    the tests compare them)."""
    ctx = context or Context(graph, actor)
    index = ctx.index()
    if index.work() > MAX_PAIR_WORK:
        count = f"{len(index.orgs):,}".replace(",", "\u202f")          # 20 000, the French way
        raise TooManyPairs(f"Trop d'organisations ({count}) pour comparer toutes les paires : "
                           f"demandez plutôt les partenaires potentiels d'une organisation.")
    position = index.position
    tied_rows, tied_cols = [], []
    for org in index.orgs:
        for other in directly_tied(graph, org):
            if other in position:
                tied_rows += [position[org], position[other]]
                tied_cols += [position[other], position[org]]
    n = len(index.orgs)
    tied = sparse.csr_matrix((np.ones(len(tied_rows)), (tied_rows, tied_cols)), shape=(n, n))
    rows, cols, scores = index.all_pairs(tied, top)
    chosen = best_positions(scores, top)
    found = []
    for i, j in zip(rows[chosen], cols[chosen]):
        a, b = sorted((index.orgs[i], index.orgs[j]))
        score, reasons = pair_score(ctx, a, b)
        found.append({"ids": [a, b], "names": [name_of(graph, a), name_of(graph, b)],
                      "score": score, "reasons": reasons})
    found.sort(key=lambda f: (-f["score"], f["names"], f["ids"]))
    return found[:top]


def _named(graph, kind, text):
    """The filter of --territory / --theme: what `text` names, territories
    inside included; an unknown name is an error, not an empty result."""
    ids = named(graph, kind, [text])
    if kind == TERRITORY:
        ids |= {i for t in ids for i in territories_inside(graph, t)}
    if not ids:
        what = "territoire" if kind == TERRITORY else "thème"
        raise UnknownOrganisation(f"Aucun {what} ne s'appelle « {text} ».")
    return ids
