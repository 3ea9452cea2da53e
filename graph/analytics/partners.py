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

from graph.model import ORGANISATION, TERRITORY, THEME

from .actor import actor_graph

SCORE_WEIGHTS = {
    "structure": 1.0,      # resource allocation over shared neighbours in the actor graph
    "themes": 0.5,         # per shared theme, at most 3 counted
    "same_territory": 0.4,
    "paired_territory": 0.8,   # ici / là-bas: the tie the network looks for
    "complementary_sphere": 0.3,
}
DIRECT = ("PARTNER_OF", "MEMBER_OF", "FUNDS", "CREATED")
SPHERE_FR = {"civil_society": "société civile", "public": "pouvoirs publics",
             "economic": "acteurs économiques", "research": "recherche", "unknown": "sphère inconnue"}


class UnknownOrganisation(ValueError):
    """The name matches no organisation, or several; the message says which."""


def find_organisation(graph, text: str) -> str:
    """The id of the organisation `text` names (id, name, acronym or alias)."""
    from loaders.resolve import NameIndex
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


def _themes(graph, org):
    """Themes an organisation works on, directly or through its projects."""
    found = {t for _, t, k in graph.out_edges(org, keys=True)
             if k.split("#")[0] == "WORKS_ON" and graph.nodes[t].get("kind") == THEME}
    for _, project, k in graph.out_edges(org, keys=True):
        if k.split("#")[0] in ("LEADS", "TAKES_PART_IN"):
            found |= {t for _, t, k2 in graph.out_edges(project, keys=True)
                      if k2.split("#")[0] == "ADDRESSES" and graph.nodes[t].get("kind") == THEME}
    return found


def _places(graph, org):
    """Territories where an organisation is based or active, with the
    territories they are part of (Lille is in Nord-Pas-de-Calais)."""
    places = {t for _, t, k in graph.out_edges(org, keys=True)
              if k.split("#")[0] in ("BASED_IN", "ACTIVE_IN") and graph.nodes[t].get("kind") == TERRITORY}
    frontier = set(places)
    while frontier:
        frontier = {p for t in frontier for _, p, k in graph.out_edges(t, keys=True)
                    if k.split("#")[0] == "PART_OF"} - places
        places |= frontier
    return places


def _pairs(graph):
    pairs = {}
    for u, v, k in graph.edges(keys=True):
        if k.split("#")[0] == "PAIRED_WITH":
            pairs.setdefault(u, set()).add(v)
            pairs.setdefault(v, set()).add(u)
    return pairs


def _directly_tied(graph, org):
    tied = set()
    for u, v, k in list(graph.out_edges(org, keys=True)) + list(graph.in_edges(org, keys=True)):
        if k.split("#")[0] in DIRECT:
            tied.add(v if u == org else u)
    return tied


def _name(graph, node):
    return graph.nodes[node].get("name", node)


def _listing(names, most=3):
    names = sorted(names)
    text = ", ".join(names[:most])
    return text + (f" et {len(names) - most} autre(s)" if len(names) > most else "")


def potential_partners(graph, org: str, top: int = 10, territory: str | None = None,
                       theme: str | None = None, actor=None) -> list:
    """Ranked candidates for `org` (an id). Each is a dict with `id`, `name`,
    `score`, `reasons` (French sentences) and `path` (names, from `org` to
    the candidate, through the strongest ties; empty when unreachable).

    `territory` and `theme` keep candidates based or active there (or in a
    territory inside it) / working on it; both accept names or ids."""
    if graph.nodes.get(org, {}).get("kind") != ORGANISATION:
        raise UnknownOrganisation(f"{org!r} n'est pas une organisation du graphe.")
    actor = actor if actor is not None else actor_graph(graph)
    orgs = [n for n in actor if n != org]
    tied = _directly_tied(graph, org)
    my_themes, my_places = _themes(graph, org), _places(graph, org)
    pairs = _pairs(graph)
    my_sphere = graph.nodes[org].get("sphere", "unknown")
    wanted_place = _named(graph, TERRITORY, territory) if territory else None
    wanted_theme = _named(graph, THEME, theme) if theme else None
    distances = nx.single_source_dijkstra(actor, org, weight="distance")[1] if org in actor else {}
    out = []
    for cand in orgs:
        if cand in tied:
            continue
        cand_places, cand_themes = _places(graph, cand), _themes(graph, cand)
        if wanted_place is not None and not cand_places & wanted_place:
            continue
        if wanted_theme is not None and not cand_themes & wanted_theme:
            continue
        score, reasons = 0.0, []
        common = set(actor[org]) & set(actor[cand]) if org in actor else set()
        if common:
            allocation = sum(1.0 / actor.degree(z) for z in common)
            score += SCORE_WEIGHTS["structure"] * allocation
            reasons.append(f"{len(common)} relation(s) en commun : {_listing(_name(graph, z) for z in common)}")
        shared = my_themes & cand_themes
        if shared:
            score += SCORE_WEIGHTS["themes"] * min(len(shared), 3)
            reasons.append(f"travaillent tous deux sur : {_listing(_name(graph, t) for t in shared)}")
        paired = {(a, b) for a in my_places for b in cand_places if b in pairs.get(a, ())}
        # a shared country or zone says little: only regions and finer count
        same = {t for t in my_places & cand_places
                if graph.nodes[t].get("level") not in ("country", "zone")}
        if paired:
            score += SCORE_WEIGHTS["paired_territory"]
            a, b = sorted(paired)[0]
            reasons.append(f"territoires jumelés (ici / là-bas) : {_name(graph, a)} ↔ {_name(graph, b)}")
        elif same:
            score += SCORE_WEIGHTS["same_territory"]
            # the most precise shared place: the one with the fewest places inside it
            place = min(same, key=lambda t: (len(_places_inside(graph, t)), _name(graph, t)))
            reasons.append(f"même territoire : {_name(graph, place)}")
        cand_sphere = graph.nodes[cand].get("sphere", "unknown")
        if score > 0 and "unknown" not in (cand_sphere, my_sphere) and cand_sphere != my_sphere:
            score += SCORE_WEIGHTS["complementary_sphere"]
            reasons.append(f"sphère complémentaire : {SPHERE_FR.get(cand_sphere, cand_sphere)}")
        if score <= 0:
            continue
        path = []
        if cand in distances:
            path = [_name(graph, n) for n in distances[cand]]
        out.append({"id": cand, "name": _name(graph, cand), "score": round(score, 4),
                    "reasons": reasons, "path": path})
    out.sort(key=lambda c: (-c["score"], c["name"]))
    return out[:top]


def _places_inside(graph, territory):
    inside, frontier = set(), {territory}
    while frontier:
        frontier = {u for t in frontier for u, _, k in graph.in_edges(t, keys=True)
                    if k.split("#")[0] == "PART_OF"} - inside
        inside |= frontier
    return inside


def _named(graph, kind, text):
    from graph.subgraph import match_names
    ids = match_names(((n, d.get("name"), d.get("aliases")) for n, d in graph.nodes(data=True)
                       if d.get("kind") == kind), [text])
    if kind == TERRITORY:
        ids |= {i for t in ids for i in _places_inside(graph, t)}
    if not ids:
        what = "territoire" if kind == TERRITORY else "thème"
        raise UnknownOrganisation(f"Aucun {what} ne s'appelle « {text} ».")
    return ids
