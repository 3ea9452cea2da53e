"""The actor graph: the full graph projected onto organisations.

Two organisations are tied when they are partners, when one is a member of,
funds or founded the other, when a file names another tie between them,
when they take part in the same project, are members of the same network,
or attended the same event. The strength of a tie is the sum of the weights
of its reasons (TIE_WEIGHTS, the one place they live, shown to users), and
each tie keeps its reasons as data: (kind, the project, network or event it
goes through, or None); the interfaces put them in words.

A project, a network or an event of n organisations weighs
TIE_WEIGHTS[kind] / (n - 1) on each of its n - 1 ties from one member
(Newman's weighting of collaboration networks): being one of a collective's
21 members or one of a workshop's 40 participants adds the weight of one tie
to a member's strength, not 20 or 39, so that large groups do not make their
members look central or make every shortest path run through them; a
project of two keeps its full weight. Ties that only a shared network or
event makes are `group_only`: they are not counted in an organisation's
number of ties (a shared project is: its partners work together).

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for i in ("org:a", "org:b"): g.add_node(i, kind="Organisation", name=i[-1].upper())
    >>> g.add_edge("org:a", "org:b", key="PARTNER_OF", type="PARTNER_OF")
    'PARTNER_OF'
    >>> a = actor_graph(g)
    >>> a["org:a"]["org:b"]["weight"], a["org:a"]["org:b"]["reasons"]
    (1.0, [('PARTNER_OF', None)])
"""
from __future__ import annotations

from itertools import combinations

import networkx as nx

from graph import settings
from graph.bulk import paused_gc
from graph.model import (DIRECT_ORG_TIES, EVENT, EVENT_TIES, NAMED_ORG_TIES, ORGANISATION, PROJECT, PROJECT_TIES, RECORDS,
                         relation)

# partnership > membership > co-participation in a project > co-attendance
# (the values: graph/settings.py)
TIE_WEIGHTS = settings.group("tie")
# Groups whose members are tied to each other, and how.
_GROUPS = (("co_project", PROJECT, PROJECT_TIES), ("co_event", EVENT, EVENT_TIES))
# Past this size, a shared group says little about two members: a network of
# 400 members does not make 80,000 ties (Adamic-Adar's reasoning).
MAX_GROUP = settings.value("max_group")


def directly_tied(graph, org) -> set:
    """The organisations `org` is tied to directly in the full graph (a
    partnership, a membership, funding, founding), either way."""
    tied = set()
    for u, v, k in list(graph.out_edges(org, keys=True)) + list(graph.in_edges(org, keys=True)):
        if relation(k) in DIRECT_ORG_TIES:
            tied.add(v if u == org else u)
    return tied


# Ties made by a shared group, not by working together (see above).
GROUP_ONLY = ("co_member", "co_event")


def _add(actor, a, b, reason, weight):
    if a == b:
        return
    if actor.has_edge(a, b):
        data = actor[a][b]
        if reason not in data["reasons"]:
            data["reasons"].append(reason)
            data["weight"] += weight
    else:
        actor.add_edge(a, b, weight=weight, reasons=[reason])


def _add_group(actor, group, kind, node):
    weight = TIE_WEIGHTS[kind] / max(1, len(group) - 1)
    for a, b in combinations(group, 2):
        _add(actor, a, b, (kind, node), weight)


def _node_mark(n, d) -> int:
    return hash((n, d.get("kind"), d.get("category"), d.get("sphere")))


def _ties_mark(u, neighbours) -> int:
    """The marks of a node's outgoing ties, summed."""
    return sum(hash((u, v, k, d.get("label") if relation(k) == "RELATED_TO" else None))
               for v, keys in neighbours.items() for k, d in keys.items() if relation(k) not in RECORDS)


_BITS = (1 << 64) - 1


def structure(graph, since=None) -> int:
    """A fingerprint of what the actor graph, the metrics and the partner
    score read of a graph: every element's kind, category and sphere and
    every tie (a RELATED_TO tie's label too), not names, descriptions,
    websites, sources or records (a follow-up is not a tie). Two versions
    with the same fingerprint have the same analytics, names aside: an edit
    of a description or a recorded follow-up need not recompute them.
    (Python's hash: comparable within one process only.)

    It is a sum of one mark per element, so `since`, an earlier version and
    its fingerprint, makes it cost the elements whose dicts are not the
    earlier version's own (the store shares the rest: graph.bulk.copy_around)
    rather than the whole graph (measured at 25,000 organisations after an
    edit: 0.013–0.016 s against 0.13–0.23 s whole).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("org:a", kind="Organisation", name="A"); g.add_node("org:b", kind="Organisation")
    >>> before = structure(g)
    >>> g.nodes["org:a"]["name"] = "A renamed"; structure(g) == before
    True
    >>> _ = g.add_edge("org:a", "org:b", key="FOLLOWS_UP", status="to_follow"); structure(g) == before
    True
    >>> _ = g.add_edge("org:a", "org:b", key="PARTNER_OF"); structure(g) == before
    False
    """
    if since is None:
        total = sum(_node_mark(n, d) for n, d in graph._node.items())
        total += sum(_ties_mark(u, neighbours) for u, neighbours in graph._succ.items())
        return total & _BITS
    old, total = since
    for own, theirs, mark in ((graph._node, old._node, _node_mark), (graph._succ, old._succ, _ties_mark)):
        for n, d in own.items():
            was = theirs.get(n)
            if was is not d:
                total += mark(n, d) - (mark(n, was) if was is not None else 0)
        for n, was in theirs.items():
            if n not in own:
                total -= mark(n, was)
    return total & _BITS


def actor_graph(graph, max_group: int = MAX_GROUP) -> nx.Graph:
    """Organisations and the weighted, explained ties between them."""
    with paused_gc():           # a few hundred thousand small records, no cycles: ×0.55 at 25,000 organisations
        return _actor_graph(graph, max_group)


def _actor_graph(graph, max_group: int) -> nx.Graph:
    actor = nx.Graph()
    orgs = [n for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION]
    for node in orgs:
        data = graph.nodes[node]
        actor.add_node(node, name=data.get("name", node), category=data.get("category"),
                       sphere=data.get("sphere", "unknown"))
    is_org = set(orgs).__contains__
    members = {}
    for source, target, key, data in graph.edges(keys=True, data=True):
        rel = relation(key)
        if rel in NAMED_ORG_TIES and is_org(source) and is_org(target):
            _add(actor, source, target, (rel, data.get("label") if rel == "RELATED_TO" else None),
                 TIE_WEIGHTS[rel])
        if rel == "MEMBER_OF" and is_org(source) and is_org(target):
            members.setdefault(target, []).append(source)
    for network, group in members.items():
        if len(set(group)) <= max_group:
            _add_group(actor, sorted(set(group)), "co_member", network)
    for kind, group_kind, rels in _GROUPS:
        for node, data in graph.nodes(data=True):
            if data.get("kind") != group_kind:
                continue
            group = sorted({u for u, _, k in graph.in_edges(node, keys=True)
                            if relation(k) in rels and is_org(u)})
            if len(group) <= max_group:
                _add_group(actor, group, kind, node)
    for a, b, data in actor.edges(data=True):
        data["distance"] = 1.0 / data["weight"]       # strong ties are short, for paths
        data["group_only"] = all(kind in GROUP_ONLY for kind, _ in data["reasons"])
    return actor
