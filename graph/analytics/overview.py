"""The network at a glance: the figures the Vue d'ensemble page and the
`stats` command both show, computed once here so that they cannot differ.

An organisation counts in a territory when it is based or active there or
in a territory inside it (Lille is in Nord-Pas-de-Calais, which is in
France): the figures follow the territorial hierarchy.
"""
from __future__ import annotations

from collections import Counter

from graph.model import ORGANISATION, RECORDS, UNKNOWN, relation, source_document

from .partners import org_places, territory_pairs


def overview(graph) -> dict:
    """Counts by kind, by relation, organisations by sphere, by category and
    by territory (ids, most first), and the territory pairs with how many
    organisations each side holds. Records about the network (follow-ups)
    are counted apart, not as ties."""
    kinds = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    every = Counter(relation(k) for *_, k in graph.edges(keys=True))
    relations = Counter({r: n for r, n in every.items() if r not in RECORDS})
    orgs = [n for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION]
    spheres = Counter(graph.nodes[o].get("sphere") or UNKNOWN for o in orgs)
    categories = Counter(graph.nodes[o].get("category") or "other" for o in orgs)
    places = {o: org_places(graph, o) for o in orgs}
    by_territory = Counter(t for found in places.values() for t in found)
    name = lambda n: graph.nodes[n].get("name", n)  # noqa: E731
    pairs, seen = [], set()
    for here, theres in sorted(territory_pairs(graph).items()):
        for there in sorted(theres):
            if (there, here) in seen:
                continue
            seen.add((here, there))
            if graph.nodes[here].get("side") in ("la-bas", "là-bas"):
                here_, there_ = there, here
            else:
                here_, there_ = here, there
            pairs.append({"here": here_, "there": there_,
                          "organisations": [by_territory.get(here_, 0), by_territory.get(there_, 0)]})
    return {"nodes": graph.number_of_nodes(), "edges": sum(relations.values()),
            "follow_ups": sum(every[r] for r in RECORDS),
            "kinds": dict(sorted(kinds.items())), "relations": dict(sorted(relations.items())),
            "spheres": _most_first(spheres, str), "categories": _most_first(categories, str),
            "organisations_by_territory": _most_first(by_territory, name),
            "territory_pairs": pairs, "sources": by_source(graph)}


def by_source(graph) -> dict:
    """document -> {"nodes": n, "ties": m}: how many elements and ties each
    source document brought (an element named by two documents counts in
    both), documents in name order."""
    nodes, ties, document = Counter(), Counter(), {}
    for counter, items in ((nodes, graph.nodes(data="sources")), (ties, graph.edges(data="sources"))):
        for *_, sources in items:
            if sources:
                for doc in {document.get(s) or document.setdefault(s, source_document(s)) for s in sources}:
                    counter[doc] += 1
    return {doc: {"nodes": nodes[doc], "ties": ties[doc]} for doc in sorted(set(nodes) | set(ties))}


def _most_first(counter: Counter, key) -> dict:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], key(kv[0]))))
