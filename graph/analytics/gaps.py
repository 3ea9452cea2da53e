"""What is missing: the gaps a network animator looks for. Each finding is a
dict with its `kind`, the `ids` it concerns (in the order its sentence
names them) and the numbers it needs; the interfaces put it in words and
link to the actors.

- territory pairs (ici / là-bas) held by a single tie, or by none;
- themes worked on "ici" with nobody on them "là-bas" (and the reverse);
- projects and partnerships missing a sphere (civil society, public
  authorities, economic actors);
- isolated organisations;
- organisations that met at the same events but never partnered;
- single points of failure (organisations whose departure splits the network).
"""
from __future__ import annotations


from graph.model import CIVIL_SOCIETY, ECONOMIC, ORGANISATION, PROJECT, PROJECT_ROLES, PUBLIC, relation

from .actor import actor_graph
from graph.subgraph import territories_inside

from .actor import directly_tied
from .partners import name_of, org_places, org_themes, territory_pairs

THREE_SPHERES = (CIVIL_SOCIETY, PUBLIC, ECONOMIC)


def _orgs(graph):
    return [n for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION]


def _members(places_of) -> dict:
    """place -> the organisations based or active there (inverted once)."""
    members = {}
    for org, places in places_of.items():
        for place in places:
            members.setdefault(place, set()).add(org)
    return members


def _side(graph, territory, by_place):
    """The organisations of a territory or of a territory inside it."""
    inside = {territory} | territories_inside(graph, territory)
    return set().union(*(by_place.get(t, set()) for t in inside))


def territory_pair_gaps(graph, places_of=None) -> list:
    places_of = places_of or {o: org_places(graph, o) for o in _orgs(graph)}
    by_place = _members(places_of)
    out = []
    seen = set()
    for here, theres in sorted(territory_pairs(graph).items()):
        for there in sorted(theres):
            if (there, here) in seen:
                continue
            seen.add((here, there))
            a, b = _side(graph, here, by_place), _side(graph, there, by_place)
            only_there = b - a
            ties = sorted({tuple(sorted((u, v))) for u in a for v in directly_tied(graph, u) & only_there})
            for side, other, members in ((here, there, a - b), (there, here, b - a)):
                if not members:
                    out.append({"kind": "territory_pair_one_sided", "ids": [here, there, side, other]})
            if not (a - b and b - a):
                continue
            if not ties:
                out.append({"kind": "territory_pair_unlinked", "ids": [here, there]})
            elif len(ties) == 1:
                u, v = ties[0]
                out.append({"kind": "territory_pair_single_tie", "ids": [here, there, u, v]})
    return out


def theme_gaps(graph, places_of=None) -> list:
    """Themes worked on one side of a pair and not on the other."""
    places_of = places_of or {o: org_places(graph, o) for o in _orgs(graph)}
    themes_of = {o: org_themes(graph, o) for o in places_of}
    by_place = _members(places_of)
    worked = {}           # territory -> themes its organisations work on (computed once each)

    def themes_in(territory):
        if territory not in worked:
            worked[territory] = {t for o in _side(graph, territory, by_place) for t in themes_of[o]}
        return worked[territory]

    out, seen = [], set()
    for here, theres in sorted(territory_pairs(graph).items()):
        for there in sorted(theres):
            for side, other in ((here, there), (there, here)):
                if (side, other) in seen:
                    continue
                seen.add((side, other))
                mine, theirs = themes_in(side), themes_in(other)
                for theme in sorted(mine - theirs, key=lambda t: name_of(graph, t)):
                    out.append({"kind": "theme_without_counterpart", "ids": [theme, side, other]})
    return out


def sphere_gaps(graph) -> list:
    """Projects and partnerships that lack one of the three spheres."""
    out = []
    for node, data in sorted(graph.nodes(data=True)):
        if data.get("kind") != PROJECT:
            continue
        members = {u for u, _, k in graph.in_edges(node, keys=True) if relation(k) in PROJECT_ROLES}
        if len(members) < 2:
            continue
        spheres = {graph.nodes[m].get("sphere") for m in members}
        missing = [s for s in THREE_SPHERES if s not in spheres]
        if missing:
            out.append({"kind": "project_missing_sphere", "ids": [node, *sorted(members)],
                        "members": len(members), "missing": missing})
    return out


def isolated(graph, actor) -> list:
    found = [o for o in actor if actor.degree(o) == 0]
    return [{"kind": "isolated", "ids": [o]} for o in sorted(found, key=lambda o: (name_of(graph, o), o))]


def met_never_partnered(graph, actor, most: int | None = None) -> list:
    """Pairs whose only tie is having been at the same events: `ids` the two
    organisations, `events` where they met."""
    out = []
    for u, v, data in actor.edges(data=True):
        if all(kind == "co_event" for kind, _ in data["reasons"]) and v not in directly_tied(graph, u):
            a, b = sorted((u, v), key=lambda o: (name_of(graph, o), o))
            out.append({"kind": "met_never_partnered", "ids": [a, b],
                        "events": sorted(event for _, event in data["reasons"])})
    out.sort(key=lambda f: ([name_of(graph, o) for o in f["ids"]], f["ids"]))
    return out if most is None else out[:most]


NAMED_CUT_OFF = 20          # findings whose cut-off organisations are named (the ones a page shows)


def single_points_of_failure(graph, actor) -> list:
    """Organisations whose departure would cut others off, with how many:
    everything but the largest of the pieces their component falls into;
    the first NAMED_CUT_OFF also say which (`cut_off_ids`)."""
    out = []
    for node, pieces in sorted(separated_pieces(actor).items()):
        cut_off = sum(pieces) - max(pieces)
        out.append({"kind": "single_point_of_failure", "ids": [node], "cut_off": cut_off})
    out.sort(key=lambda f: (-f["cut_off"], name_of(graph, f["ids"][0]), f["ids"]))
    for found in out[:NAMED_CUT_OFF]:
        found["cut_off_ids"] = sorted(cut_off_by(actor, found["ids"][0], found["cut_off"]),
                                      key=lambda n: (name_of(graph, n), n))
    return out


def cut_off_by(actor, node, most: int | None = None) -> set:
    """The organisations that would lose every path to the rest of their
    component without `node`: all the pieces but the largest. `most`: how
    many that is, when known (separated_pieces): a piece that grows past it
    is the largest and is not walked to its end (on 25,000 organisations,
    single_points_of_failure walked the whole component for each of its 20
    named points: 1.75 s, against 0.21 s)."""
    adj = actor._adj
    pieces, seen, largest = [], {node}, set()
    for start in adj[node]:
        if start in seen or start in largest:
            continue
        piece, frontier, big = {start}, [start], False
        while frontier and not big:
            for other in adj[frontier.pop()]:
                if other in largest:
                    big = True
                    break
                if other not in seen and other not in piece:
                    piece.add(other)
                    frontier.append(other)
            big = big or (most is not None and len(piece) > most)
        if big:
            largest |= piece
        else:
            seen |= piece
            pieces.append(piece)
    if largest:
        return set().union(*pieces)
    pieces.sort(key=len, reverse=True)
    return set().union(*pieces[1:]) if len(pieces) > 1 else set()


def separated_pieces(actor) -> dict:
    """For each articulation point, the sizes of the pieces its component
    falls into without it. One depth-first search (Hopcroft-Tarjan, with
    subtree sizes), linear in the ties: removing each point in turn and
    counting components took about a second per point on 20,000
    organisations.

        >>> import networkx as nx
        >>> sorted(separated_pieces(nx.path_graph(4)).items())      # 0-1-2-3
        [(1, [2, 1]), (2, [1, 2])]
    """
    disc, low, size, pieces = {}, {}, {}, {}
    for root in actor:
        if root in disc:
            continue
        start = len(disc)
        disc[root] = low[root] = start
        size[root] = 1
        stack, root_children = [(root, None, iter(actor[root]))], []
        while stack:
            node, parent, neighbours = stack[-1]
            for other in neighbours:
                if other not in disc:                  # go deeper; come back to `node` later
                    disc[other] = low[other] = len(disc)
                    size[other] = 1
                    stack.append((other, node, iter(actor[other])))
                    break
                if other != parent:                    # a tie back up the tree
                    low[node] = min(low[node], disc[other])
            else:                                      # every neighbour seen: `node` is done
                stack.pop()
                if parent is None:
                    continue
                size[parent] += size[node]
                low[parent] = min(low[parent], low[node])
                if parent == root:
                    root_children.append(size[node])
                elif low[node] >= disc[parent]:        # without `parent`, node's subtree is cut off
                    pieces.setdefault(parent, []).append(size[node])
        component = len(disc) - start
        for node in [n for n in pieces if disc[n] >= start]:      # the piece that keeps the parent
            pieces[node].append(component - 1 - sum(pieces[node]))
        if len(root_children) >= 2:
            pieces[root] = root_children
    return pieces


def gaps(graph, actor=None) -> dict:
    """Every kind of gap, each a list of findings. `actor`: the actor graph
    of `graph`, when the caller has it already."""
    actor = actor if actor is not None else actor_graph(graph)
    places_of = {o: org_places(graph, o) for o in _orgs(graph)}
    return {
        "territory_pairs": territory_pair_gaps(graph, places_of),
        "themes": theme_gaps(graph, places_of),
        "spheres": sphere_gaps(graph),
        "isolated": isolated(graph, actor),
        "met_never_partnered": met_never_partnered(graph, actor),
        "single_points_of_failure": single_points_of_failure(graph, actor),
    }
