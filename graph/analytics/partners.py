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

import copy

import networkx as nx
import numpy as np
from scipy import sparse

from graph import settings
from graph.model import (HIERARCHY, NAMED_ORG_TIES, ORGANISATION, PLACING, PROJECT_ROLES,
                         TERRITORY, THEME, relation)

from graph.names import NameIndex
from graph.subgraph import named, territories_inside

from . import Refused
from .actor import actor_graph, directly_tied
from .followups import dismissed, of_pair
from .score_index import ScoreIndex, best_positions

# score = structure × (1 + affinity) + affinity_alone × affinity: affinity
# multiplies what the network already says about a pair, and counts alone,
# for less, when it says nothing. A plain sum lets the affinity shared by the
# 100 organisations of a planted community drown which of them the network
# ties together: on bench/partners_eval.py's synthetic network, hits@10 0.127
# for the sum against 0.185 for this form (10 seeds).
SCORE_WEIGHTS = settings.group("score")          # the values and what each weighs: graph/settings.py
CLOSENESS = ("structure", "three_steps")     # the weights of closeness; the others weigh affinity
SPECIFIC_PLACE = settings.value("specific_place")


# Past this much work (score_index.work: pairs and walks of three ties),
# scoring every pair takes too long for a page. Measured on synthetic
# networks (8 ties per organisation): 2,000 organisations 21 million, 0.5 s;
# 10,000: 257 million, 6.7 s; 20,000: 436 million, 23 s; memory under 0.7 GB.
MAX_PAIR_WORK = settings.value("max_pair_work")


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
        raise UnknownOrganisation("ambiguous_organisation", text=text, ids=list(match.candidates))
    raise UnknownOrganisation("unknown_organisation", text=text, ids=index.containing(text)[:5])


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


def name_of(graph, node):
    return graph.nodes[node].get("name", node)


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

    def rebased(self, graph) -> "Context":
        """This context for another version of the graph with the same
        structure (actor.structure): everything shared but the graph the
        names are read from."""
        other = copy.copy(self)
        other.graph = graph
        return other

    def index(self):
        """The score of one organisation against all, as matrices (built on
        first use, then kept: score_index.ScoreIndex)."""
        if self._index is None:
            self._index = ScoreIndex(self, SCORE_WEIGHTS)
        return self._index


def pair_score(ctx: Context, org: str, cand: str) -> float:
    """The score of one pair, rounded as shown: the index's number (the one
    definition of the score, score_index.ScoreIndex)."""
    return round(ctx.index().pair(org, cand), 4)


# How much each kind of evidence says about a pair, to order a pair's
# evidence (strongest first) and to break equal scores: a partner named by
# both says more than being two of a collective's twenty members.
EVIDENCE_STRENGTH = {"partners": 3.0, "paired": 2.0, "themes": 1.0, "co_member": 0.5, "same_place": 0.5,
                     "co_event": 0.25, "three_steps": 0.1, "sphere": 0.1}
# Kinds of actor-graph tie that are a working relation with someone (not
# a shared collective or event): a partner, a funder, a project peer...
WORKING = set(NAMED_ORG_TIES) | {"co_project"}


def evidence(ctx: Context, org: str, cand: str) -> list:
    """What belongs to this pair, strongest first, as data for the
    interfaces to put in words: partners both work with (`partners`, ids),
    paired territories (`paired`, here and there), shared themes, the
    collectives both are members of (`co_member`) and the events both
    attended (`co_event`), each counted once however many members it has,
    the same specific place (`same_place`), only relations of relations
    (`three_steps`), and the other's sphere when it complements (`sphere`)."""
    graph, actor = ctx.graph, ctx.actor
    found = []
    reasons = actor[org][cand]["reasons"] if actor.has_edge(org, cand) else []
    collectives = {via for kind, via in reasons if kind == "co_member"}      # said once, below, as a collective
    partners = sorted((z for z in set(actor[org]) & set(actor[cand]) - collectives if _working(actor, org, z)
                       and _working(actor, cand, z)), key=lambda z: name_of(graph, z))
    if partners:
        found.append({"code": "partners", "ids": partners})
    mine, theirs = ctx.places[org], ctx.places[cand]
    paired = sorted((a, b) for a in mine for b in theirs if b in ctx.pairs.get(a, ()))
    if paired:
        found.append({"code": "paired", "ids": list(paired[0])})
    shared = ctx.themes[org] & ctx.themes[cand]
    if shared:
        found.append({"code": "themes", "ids": sorted(shared, key=lambda z: name_of(graph, z))})
    for kind in ("co_member", "co_event"):
        groups = sorted({via for k, via in reasons if k == kind}, key=lambda z: name_of(graph, z))
        if groups:
            found.append({"code": kind, "ids": groups})
    same = mine & theirs & ctx.telling
    if same and not paired:
        place = min(same, key=lambda t: (ctx.holding[t], name_of(graph, t)))    # the most specific
        found.append({"code": "same_place", "ids": [place]})
    if not partners and not reasons and _related_in_three_steps(actor, org, cand):
        found.append({"code": "three_steps"})
    spheres = graph.nodes[org].get("sphere", "unknown"), graph.nodes[cand].get("sphere", "unknown")
    if found and "unknown" not in spheres and spheres[0] != spheres[1]:
        found.append({"code": "sphere", "sphere": spheres[1]})
    return found


# What two organisations share in their work: a partner, paired territories,
# themes. Belonging to the same collective, event or place says less.
WORK_EVIDENCE = ("partners", "paired", "themes")


def support(found: list) -> int:
    """How much a suggestion rests on, in three levels a person reads: 3
    (two kinds of shared work, or two shared partners), 2 (one), 1 (only a
    shared group or place, a relation of relations, a sphere). The score
    ranks; this says how far to trust the rank."""
    work = [e for e in found if e["code"] in WORK_EVIDENCE]
    if len(work) >= 2 or any(e["code"] == "partners" and len(e["ids"]) >= 2 for e in work):
        return 3
    return 2 if work else 1


def strength(found: list) -> float:
    """How much a pair's evidence says, to break equal scores."""
    return sum(EVIDENCE_STRENGTH[item["code"]] * len(item.get("ids") or [None]) ** 0.5 for item in found)


def _working(actor, a, b) -> bool:
    return any(kind in WORKING for kind, _ in actor[a][b]["reasons"])


def signature(found: list) -> frozenset:
    """What a suggestion rests on, as one value: two candidates with the
    same signature read the same (the sphere left aside)."""
    return frozenset((e["code"], tuple(e.get("ids", ()))) for e in found if e["code"] != "sphere")


def grouped(candidates: list, least: int = 3) -> list:
    """The ranked candidates, where `least` or more rest on exactly the same
    evidence, gathered once, at the place of the first of them: a list of
    lists (one candidate, or a group), so that a top 10 is not ten copies of
    one reason."""
    by_signature = {}
    for cand in candidates:
        by_signature.setdefault(signature(cand["evidence"]), []).append(cand)
    out, placed = [], set()
    for cand in candidates:
        same = by_signature[signature(cand["evidence"])]
        if len(same) >= least:
            if id(same) not in placed:
                placed.add(id(same))
                out.append(same)
        else:
            out.append([cand])
    return out


def thin_record(ctx: Context, org: str) -> list:
    """What an organisation's record lacks for suggestions worth reading:
    the missing facts among `partners` (a working tie to anyone), `themes`
    and `places`; empty when it has a working tie and a theme or a place.
    With a thin record, suggestions are guesses: the pages say so and show
    fewer."""
    missing = []
    if not any(_working(ctx.actor, org, z) for z in ctx.actor[org]):
        missing.append("partners")
    if not ctx.themes.get(org):
        missing.append("themes")
    if not ctx.places.get(org):
        missing.append("places")
    return missing if "partners" in missing and len(missing) >= 2 else []


def working_together(actor, org) -> dict:
    """Organisations already working with `org` on a project (not yet
    partners as such): id -> the projects' ids. Not potential partners:
    they know each other."""
    out = {}
    for other in actor[org] if org in actor else ():
        projects = sorted({via for kind, via in actor[org][other]["reasons"] if kind == "co_project"})
        if projects:
            out[other] = projects
    return out


def _related_in_three_steps(actor, a, b) -> bool:
    """A walk a – x – y – b exists (any walk of three ties, as the score counts)."""
    near, far = (a, b) if actor.degree(a) <= actor.degree(b) else (b, a)
    ends = set(actor[far])
    return any(not ends.isdisjoint(actor[x]) for x in actor[near])


def potential_partners(graph, org: str, top: int = 10, territory: str | None = None,
                       theme: str | None = None, actor=None, context: Context | None = None) -> list:
    """Ranked candidates for `org` (an id). Each is a dict with `id`, `name`,
    `score`, `evidence` (see evidence()), `support` (see support()) and
    `path` (ids, from `org` to the candidate, through the strongest ties;
    empty when unreachable).

    `territory` and `theme` keep candidates based or active there (or in a
    territory inside it) / working on it; both accept names or ids."""
    if graph.nodes.get(org, {}).get("kind") != ORGANISATION:
        raise UnknownOrganisation("not_an_organisation", text=org, ids=[])
    ctx = context or Context(graph, actor)
    index = ctx.index()
    scores = index.scores(org)
    keep = scores > 0
    keep[index.position[org]] = False
    known = directly_tied(graph, org) | dismissed(graph, org) | set(working_together(ctx.actor, org))
    keep[[index.position[o] for o in known if o in index.position]] = False
    if territory:
        keep &= index.having(index.places, index.place_column, _named(graph, TERRITORY, territory))
    if theme:
        keep &= index.having(index.themes, index.theme_column, _named(graph, THEME, theme))
    found = np.flatnonzero(keep)
    found = found[best_positions(scores[found], top)]
    out = [{"id": index.orgs[i], "name": name_of(graph, index.orgs[i]), "score": round(float(scores[i]), 4)}
           for i in found]
    for cand in out:
        cand["evidence"] = evidence(ctx, org, cand["id"])
        cand["support"] = support(cand["evidence"])
    out.sort(key=lambda c: (-c["score"], -strength(c["evidence"]), c["name"]))      # equal scores: by evidence
    out = out[:top]
    for cand in out:
        cand["path"] = introduction(ctx.actor, org, cand["id"])
        cand["follow_up"] = of_pair(graph, org, cand["id"])
    return out


def introduction(actor, org, cand) -> list:
    """Ids along the shortest path through the strongest ties (distance =
    1 / weight), [] when there is none."""
    try:
        return nx.bidirectional_dijkstra(actor, org, cand, weight="distance")[1]
    except nx.NetworkXNoPath:
        return []


def synergies(graph, top: int = 20, actor=None, context: Context | None = None) -> list:
    """The best pairs of organisations not yet tied, network-wide, each with
    `ids` (in id order), `names`, `score`, `evidence` and `support`. Every pair is
    scored with the score index's matrices, by blocks of rows (the same
    answer as scoring row by row: the tests compare them)."""
    ctx = context or Context(graph, actor)
    index = ctx.index()
    if index.work() > MAX_PAIR_WORK:
        raise TooManyPairs("too_many_pairs", count=len(index.orgs))
    position = index.position
    tied_rows, tied_cols = [], []
    for org in index.orgs:
        for other in directly_tied(graph, org) | dismissed(graph, org) | set(working_together(ctx.actor, org)):
            if other in position:
                tied_rows += [position[org], position[other]]
                tied_cols += [position[other], position[org]]
    n = len(index.orgs)
    tied = sparse.csr_matrix((np.ones(len(tied_rows)), (tied_rows, tied_cols)), shape=(n, n))
    rows, cols, scores = index.all_pairs(tied, top)
    chosen = best_positions(scores, top)
    found = []
    for i, j, score in zip(rows[chosen], cols[chosen], scores[chosen]):
        a, b = sorted((index.orgs[i], index.orgs[j]))
        found.append({"ids": [a, b], "names": [name_of(graph, a), name_of(graph, b)],
                      "score": round(float(score), 4)})
    found.sort(key=lambda f: (-f["score"], f["names"], f["ids"]))
    found = found[:top]
    for pair in found:
        pair["evidence"] = evidence(ctx, *pair["ids"])
        pair["support"] = support(pair["evidence"])
        pair["follow_up"] = of_pair(graph, *pair["ids"])
    return found


def _named(graph, kind, text):
    """The filter of --territory / --theme: what `text` names, territories
    inside included; an unknown name is an error, not an empty result."""
    ids = named(graph, kind, [text])
    if kind == TERRITORY:
        ids |= {i for t in ids for i in territories_inside(graph, t)}
    if not ids:
        raise UnknownOrganisation("unknown_territory" if kind == TERRITORY else "unknown_theme", text=text, ids=[])
    return ids
