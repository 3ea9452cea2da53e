"""A seeded generator of realistic partnership graphs, shared by the
benchmarks: French regions and départements paired with regions abroad
(ici / là-bas), themes, organisations of every category and sphere grouped
in communities, heavy-tailed degrees (a few hubs, many small actors).

    batch = generate(organisations=1000, ties=10_000, seed=1)

`ties` counts every relationship: BASED_IN and WORKS_ON of each
organisation, the territory tree and pairs, and the PARTNER_OF / MEMBER_OF
ties among organisations, which make up the rest.
"""
from __future__ import annotations

import argparse

import numpy as np

from graph.model import CATEGORIES, Batch, Edge, Node

FRENCH_REGIONS, DEPARTEMENTS, COUNTRIES, REGIONS_ABROAD, THEMES = 13, 6, 30, 4, 30
COMMUNITY_SIZE = 100
INSIDE = 0.8            # share of ties inside an organisation's community
SOURCE = ["synthetic"]


def _place(lat: float, lon: float) -> dict:
    """Coordinates spread without drawing from the seed's random stream
    (départements over France, regions abroad over Africa): the map has
    something to place, and the rest of the graph is the same as before."""
    return {"lat": round(lat, 3), "lon": round(lon, 3)}


def _territories():
    nodes, edges, french, abroad = [], [], [], []
    nodes.append(Node("ter:fr", "Territory", {"name": "France", "level": "country", "side": "ici"}, SOURCE))
    for r in range(FRENCH_REGIONS):
        rid = f"ter:fr-{r}"
        nodes.append(Node(rid, "Territory", {"name": f"Région {r}", "level": "region", "side": "ici"}, SOURCE))
        edges.append(Edge(rid, "PART_OF", "ter:fr", {}, SOURCE))
        for d in range(DEPARTEMENTS):
            did = f"{rid}-{d}"
            nodes.append(Node(did, "Territory", {"name": f"Département {r}.{d}", "level": "departement",
                                                 "side": "ici", **_place(43 + 7 * r / FRENCH_REGIONS + d / 5,
                                                                         -1 + 8 * ((r * 5 + d) % 13) / 13)},
                              SOURCE))
            edges.append(Edge(did, "PART_OF", rid, {}, SOURCE))
            french.append(did)
    for c in range(COUNTRIES):
        cid = f"ter:c{c}"
        nodes.append(Node(cid, "Territory", {"name": f"Pays {c}", "level": "country", "side": "la-bas"}, SOURCE))
        for r in range(REGIONS_ABROAD):
            rid = f"{cid}-{r}"
            nodes.append(Node(rid, "Territory", {"name": f"Région {c}.{r}", "level": "region", "side": "la-bas",
                                                 **_place(-10 + 30 * (c % 6) / 6 + r, -15 + 55 * (c // 6) / 5 + r)},
                              SOURCE))
            edges.append(Edge(rid, "PART_OF", cid, {}, SOURCE))
            abroad.append(rid)
    return nodes, edges, french, abroad


def generate(organisations: int = 100_000, ties: int = 1_000_000, seed: int = 0) -> Batch:
    rng = np.random.default_rng(seed)
    nodes, edges, french, abroad = _territories()
    for t in range(THEMES):
        nodes.append(Node(f"thm:{t}", "Theme", {"name": f"Thème {t}"}, SOURCE))
    # Communities: each lives on one ici/là-bas pair and a few themes.
    n_comm = max(1, organisations // COMMUNITY_SIZE)
    comm_here = rng.choice(len(french), n_comm)
    comm_there = rng.choice(len(abroad), n_comm)
    for c in set(zip(comm_here.tolist(), comm_there.tolist())):
        edges.append(Edge(french[c[0]], "PAIRED_WITH", abroad[c[1]], {}, SOURCE))
    comm_themes = rng.choice(THEMES, (n_comm, 3))
    categories = list(CATEGORIES)
    cat_weights = np.array([20, 15, 6, 3, 3, 2, 12, 6, 2, 15, 5, 1], float)[:len(categories)]
    cat_weights /= cat_weights.sum()
    community = np.sort(rng.integers(0, n_comm, organisations))
    activity = rng.pareto(1.5, organisations) + 1.0          # heavy tail: hubs
    cats = rng.choice(len(categories), organisations, p=cat_weights)
    abroad_side = rng.random(organisations) < 0.3
    for i in range(organisations):
        c = int(community[i])
        cat = categories[cats[i]]
        nodes.append(Node(f"org:{i}", "Organisation", {"name": f"Organisation {i}", "category": cat,
                                                        "sphere": CATEGORIES[cat]}, SOURCE))
        place = abroad[comm_there[c]] if abroad_side[i] else french[comm_here[c]]
        edges.append(Edge(f"org:{i}", "BASED_IN", place, {}, SOURCE))
        for t in set(comm_themes[c][: 1 + i % 3].tolist()):
            edges.append(Edge(f"org:{i}", "WORKS_ON", f"thm:{t}", {}, SOURCE))
    # Ties among organisations, by preferential attachment to active ones.
    remaining = max(0, ties - len(edges))
    starts = np.searchsorted(community, np.arange(n_comm + 1))
    seen = set()
    p_all = activity / activity.sum()
    while remaining > 0:
        n = int(remaining * 1.1) + 10
        src = rng.choice(organisations, n, p=p_all)
        inside = rng.random(n) < INSIDE
        tgt = rng.choice(organisations, n, p=p_all)
        lo, hi = starts[community[src]], starts[community[src] + 1]
        local = lo + (rng.random(n) * (hi - lo)).astype(np.int64)
        tgt = np.where(inside, local, tgt)
        member = rng.random(n) < 0.35
        for a, b, m in zip(src.tolist(), tgt.tolist(), member.tolist()):
            if a == b:
                continue
            rel = "MEMBER_OF" if m else "PARTNER_OF"
            key = (a, b, rel) if rel == "MEMBER_OF" or a < b else (b, a, rel)
            if key in seen:
                continue
            seen.add(key)
            edges.append(Edge(f"org:{key[0]}", rel, f"org:{key[1]}", {}, SOURCE))
            remaining -= 1
            if remaining == 0:
                break
    return Batch(nodes=nodes, edges=edges)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Describe a synthetic partnership graph.")
    parser.add_argument("--organisations", type=int, default=1000)
    parser.add_argument("--ties", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    batch = generate(args.organisations, args.ties, args.seed)
    from collections import Counter
    print(f"{len(batch.nodes)} nodes, {len(batch.edges)} relationships")
    print(dict(Counter(e.type for e in batch.edges)))


if __name__ == "__main__":
    main()
