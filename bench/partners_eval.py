"""How well the partner score finds real ties, measured on held-out links.

For each seed, 10% of the ties between organisations (partnerships and
memberships; on the real networks, all their ties) are hidden; the actor
graph and the affinities are rebuilt without them; then every method ranks
candidates:
- AUC: the chance that a hidden tie scores higher than a pair of
  organisations that are not tied at all (ties count one half);
- hits@10: the share of hidden ties (a, b) where b is among the 10 best
  candidates for a;
- hits@10 as shown: the same, as the app shows suggestions: over the hidden
  ties whose organisations do not share a project (the app shows those
  apart, as working together), among candidates that share no project
  with a; pooled over the seeds ("of N" says over how many hidden ties).
Methods: random, common neighbours, Adamic-Adar, resource allocation (on
the actor graph), and the Passerelles score (structure + affinity).

Then, when the instance's store (PASSERELLES_HOME, or NEO4J_* with --store
neo4j) holds follow-ups of suggestions, how each method would have ranked
them: an introduction made or « déjà partenaires » is a good suggestion, « pas
pertinent » a bad one (« à suivre » says nothing yet). Each recorded pair is
ranked as it was suggested: its tie (if it became one) and its follow-up
left out. Reported: the rank of good and of bad suggestions (mean, 1 = first),
the share of good ones in the top 10, and the AUC of good against bad.

    .venv/bin/python -m bench.partners_eval              # every dataset, 5 seeds
    .venv/bin/python -m bench.partners_eval --datasets bundled --seeds 20
    .venv/bin/python -m bench.partners_eval --datasets   # only the recorded follow-ups
"""
from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import time
from pathlib import Path

import networkx as nx

from graph.analytics.partners import Context
from graph.merge import apply_batch
from graph.model import ORGANISATION, relation

ROOT = Path(__file__).resolve().parents[1]
REALDATA = ROOT.parent / "shared" / "realdata"
NETWORKS = REALDATA / "networks"
IATI = [REALDATA / "iati" / name for name in ("dportal_dflat_activities_100_multi_publisher_2020-03-27a.xml",
                                              "dportal_dflat_activities_100_ngo_2020-03-27b.xml",
                                              "es_maec_aecid_indonesia_v201.xml")]
PRESENCE = REALDATA / "presence" / "3w_august_2025.csv"
ORG_TIES = ("PARTNER_OF", "MEMBER_OF")
MAX_QUERIES = 150          # hidden ties ranked for hits@10, per seed


def _load(paths):
    from loaders import load_paths
    batch = load_paths(paths)
    if batch.errors:
        sys.exit(f"cannot load {paths}: {batch.errors[0]}")
    return apply_batch(nx.MultiDiGraph(), batch)[0]


def _edge_list_graph(path, source="From", target="To"):
    graph = nx.MultiDiGraph()
    with open(path, encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            for node in (row[source], row[target]):
                graph.add_node(node, kind=ORGANISATION, name=node, sphere="unknown")
            if row[source] != row[target]:
                graph.add_edge(row[source], row[target], key="PARTNER_OF", type="PARTNER_OF")
    return graph


def datasets():
    from bench.synthetic import generate
    out = {"bundled": (lambda: _load(sorted((ROOT / "data").glob("*.csv"))), ORG_TIES),
           "synthetic": (lambda: apply_batch(nx.MultiDiGraph(), generate(1000, 8000, seed=3))[0], ORG_TIES)}
    if (NETWORKS / "deep_sea_mining_kumu").exists():
        out["kumu_deep_sea"] = (lambda: _load([NETWORKS / "deep_sea_mining_kumu" / "elements.csv",
                                               NETWORKS / "deep_sea_mining_kumu" / "connections.csv"]), None)
        classics = NETWORKS / "networkx_classics"
        out["florentine"] = (lambda: _edge_list_graph(classics / "florentine_families_marriage_edges.csv"), None)
        out["karate"] = (lambda: _edge_list_graph(classics / "karate_club_edges.csv"), None)
    if all(path.exists() for path in IATI):
        # who funds whom along the activities of three real IATI files
        out["iati"] = (lambda: _load(IATI), ("FUNDS",))
    if PRESENCE.exists():
        # the Ethiopia 3W sheet's funding chain (donor, programme partner, implementing partner)
        out["3w_ethiopia"] = (lambda: _load([PRESENCE]), ("FUNDS", "PARTNER_OF"))
    return out


def org_ties(graph, rels):
    """Undirected pairs of organisations tied by `rels` (all ties if None)."""
    orgs = {n for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION}
    pairs = set()
    for u, v, k in graph.edges(keys=True):
        if u in orgs and v in orgs and u != v and (rels is None or relation(k) in rels):
            pairs.add(tuple(sorted((u, v))))
    return sorted(pairs)


def without(graph, hidden):
    g = graph.copy()
    hidden = set(hidden)
    drop = [(u, v, k) for u, v, k in g.edges(keys=True) if tuple(sorted((u, v))) in hidden]
    g.remove_edges_from(drop)
    return g


def scorers(ctx, rng):
    actor = ctx.actor
    index, against = ctx.index(), {}

    def common(a, b):
        return set(actor[a]) & set(actor[b])

    def passerelles(a, b):
        """What potential_partners ranks by: a's scores against all, from
        the score index (the one definition of the score), kept per a."""
        if a not in against:
            against[a] = index.scores(a)
        return against[a][index.position[b]]
    return {
        "random": lambda a, b: rng.random(),
        "common neighbours": lambda a, b: len(common(a, b)),
        "Adamic-Adar": lambda a, b: sum(1 / math.log(actor.degree(z)) for z in common(a, b) if actor.degree(z) > 1),
        "resource allocation": lambda a, b: sum(1 / actor.degree(z) for z in common(a, b)),
        "Passerelles": passerelles,
    }


def auc(positive, negative):
    wins = sum((p > n) + 0.5 * (p == n) for p in positive for n in negative)
    return wins / (len(positive) * len(negative))


def evaluate(graph, rels, seeds, share=0.1):
    ties = org_ties(graph, rels)
    orgs = sorted(n for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION)
    tied = set(org_ties(graph, None))
    results = {}
    for seed in seeds:
        rng = random.Random(seed)
        hidden = rng.sample(ties, max(1, round(share * len(ties))))
        train = without(graph, hidden)
        ctx = Context(train)
        tied_by = {}
        for a, b in org_ties(train, None):
            tied_by.setdefault(a, set()).add(b)
            tied_by.setdefault(b, set()).add(a)
        negatives = set()
        while len(negatives) < min(4 * len(hidden), 2000):
            a, b = sorted(rng.sample(orgs, 2))
            if (a, b) not in tied:
                negatives.add((a, b))
        queries = hidden if len(hidden) <= MAX_QUERIES else rng.sample(hidden, MAX_QUERIES)
        peers = project_peers(train)
        results.setdefault("_peers", []).append(sum(b in peers.get(a, ()) for a, b in hidden) / len(hidden))
        for name, exact in scorers(ctx, random.Random(seed + 1)).items():
            # equal sums added in another order differ in the last bits:
            # rounded, they stay equal and count as ties
            score = lambda a, b, exact=exact: round(exact(a, b), 9)  # noqa: E731
            pos = [score(a, b) for a, b in hidden]
            neg = [score(a, b) for a, b in negatives]
            hits, shown = 0, []
            for a, b in queries:
                known = tied_by.get(a, set())     # already tied to a: not candidates
                ranked = sorted((o for o in orgs if o != a and o not in known), key=lambda o: (-score(a, o), o))
                hits += b in ranked[:10]
                if b not in peers.get(a, ()):
                    # as the app shows them: working together on a project is not a suggestion
                    ranked = [o for o in ranked if o not in peers.get(a, ())]
                    shown.append(b in ranked[:10])
            row = results.setdefault(name, {"auc": [], "hits": [], "shown": []})
            row["auc"].append(auc(pos, neg))
            row["hits"].append(hits / len(queries))
            row["shown"].extend(shown)
    return len(ties), results


def project_peers(graph) -> dict:
    """Organisation -> the organisations in a project with it (leading,
    taking part in or funding it), read from the graph itself."""
    from graph.model import PROJECT, PROJECT_TIES
    peers = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") != PROJECT:
            continue
        members = {u for u, _, k in graph.in_edges(node, keys=True) if relation(k) in PROJECT_TIES
                   and graph.nodes[u].get("kind") == ORGANISATION}
        for org in members:
            peers.setdefault(org, set()).update(members - {org})
    return peers


# Evidence whose ids say which reason it is (the collective, the event, the
# places); for the others the kind is the reason (« N relations en commun »
# reads the same whatever the N).
NAMED_REASONS = ("co_member", "co_event", "paired", "same_place")


def suggestion_quality(graph, most: int = 200, seed: int = 0) -> dict:
    """What an animator reads in the top 10 of up to `most` organisations:
    the share of suggestions that are project peers (organisations already
    working together), the median number of distinct reasons in a top 10
    (a reason: the kinds of evidence of one suggestion, with the collective,
    event or places named; its sphere left aside), and the share of
    suggestions with an introduction path (someone in between) or reachable
    at all, and the share of each level of support (partners.support)."""
    import statistics
    from graph.analytics.partners import Context, potential_partners
    ctx = Context(graph)
    orgs = sorted(ctx.actor)
    orgs = orgs if len(orgs) <= most else random.Random(seed).sample(orgs, most)
    peers = project_peers(graph)
    shown = peer = introduced = reachable = 0
    distinct, levels = [], {1: 0, 2: 0, 3: 0}
    for org in orgs:
        found = potential_partners(graph, org, top=10, context=ctx)
        if not found:
            continue
        shown += len(found)
        peer += sum(c["id"] in peers.get(org, ()) for c in found)
        introduced += sum(len(c["path"]) > 2 for c in found)
        reachable += sum(len(c["path"]) >= 2 for c in found)
        for c in found:
            levels[c["support"]] += 1
        distinct.append(len({frozenset((e["code"], tuple(e.get("ids", ())) if e["code"] in NAMED_REASONS else None)
                                       for e in c["evidence"] if e["code"] != "sphere") for c in found}))
    return {"organisations": len(distinct), "suggestions": shown, "project_peers": peer / shown if shown else 0,
            "distinct_reasons": statistics.median(distinct) if distinct else 0,
            "introduced": introduced / shown if shown else 0, "reachable": reachable / shown if shown else 0,
            "support": {level: count / shown if shown else 0 for level, count in levels.items()}}


GOOD, BAD = ("introduced", "already_partners"), ("not_relevant",)


def followup_report(graph, seed=0):
    """{method: {"good_rank", "bad_rank", "good_top10", "auc"}} for the
    recorded follow-ups of `graph`, with their counts; None without any."""
    from graph.analytics.followups import follow_ups
    from graph.model import DIRECT_ORG_TIES
    judged = [(r["org"], r["partner"], r["status"] in GOOD) for r in follow_ups(graph) if r["status"] in GOOD + BAD]
    if not judged:
        return None
    train = without(graph, [tuple(sorted((a, b))) for a, b, _ in judged])
    ctx = Context(train)
    orgs = sorted(ctx.actor)
    tied_by = {}
    for a, b in org_ties(train, DIRECT_ORG_TIES):
        tied_by.setdefault(a, set()).add(b)
        tied_by.setdefault(b, set()).add(a)
    out = {}
    for name, exact in scorers(ctx, random.Random(seed)).items():
        score = lambda a, b, exact=exact: round(exact(a, b), 9)  # noqa: E731
        ranks = {True: [], False: []}
        scores = {True: [], False: []}
        for a, b, good in judged:
            if a not in ctx.actor or b not in ctx.actor:
                continue
            known = tied_by.get(a, set())
            ranked = sorted((o for o in orgs if o != a and o not in known), key=lambda o: (-score(a, o), o))
            ranks[good].append(ranked.index(b) + 1)
            scores[good].append(score(a, b))
        mean = lambda xs: sum(xs) / len(xs) if xs else None  # noqa: E731
        out[name] = {"good": len(ranks[True]), "bad": len(ranks[False]),
                     "good_rank": mean(ranks[True]), "bad_rank": mean(ranks[False]),
                     "good_top10": mean([r <= 10 for r in ranks[True]]),
                     "auc": auc(scores[True], scores[False]) if scores[True] and scores[False] else None}
    return out


def print_followups(store_kind=None):
    from graph.store import StoreUnavailable, open_store
    try:
        store = open_store(store_kind)
        graph = store.graph()
    except StoreUnavailable as exc:
        print(f"\nfollow-ups: the store cannot be read ({exc.code})")
        return
    report = followup_report(graph)
    if report is None:
        print(f"\nfollow-ups: none recorded in the {store.name} store")
        return
    first = next(iter(report.values()))
    print(f"\nrecorded follow-ups ({store.name} store): {first['good']} good suggestions (introduced, already "
          f"partners), {first['bad']} not relevant")
    print(f"  {'method':22} {'good rank':>10} {'bad rank':>10} {'good in top 10':>15} {'AUC good/bad':>13}")
    text = lambda x, f: "—" if x is None else format(x, f)  # noqa: E731
    for method, row in report.items():
        print(f"  {method:22} {text(row['good_rank'], '10.1f')} {text(row['bad_rank'], '10.1f')} "
              f"{text(row['good_top10'], '15.2f')} {text(row['auc'], '13.3f')}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--datasets", nargs="*", help="names among: bundled synthetic kumu_deep_sea florentine karate iati 3w_ethiopia")
    parser.add_argument("--store", choices=("embedded", "neo4j"), help="the store whose follow-ups are scored")
    parser.add_argument("--quality", action="store_true", help="only what the top 10s read like, per dataset")
    args = parser.parse_args(argv)
    available = datasets()
    for name in available if args.datasets is None else args.datasets:
        build, rels = available[name]
        t = time.perf_counter()
        graph = build()
        q = suggestion_quality(graph)
        print(f"\n{name}, top 10s of {q['organisations']} organisations ({q['suggestions']} suggestions): "
              f"project peers {q['project_peers']:.1%}, distinct reasons per top 10 (median) "
              f"{q['distinct_reasons']}, with a go-between {q['introduced']:.1%}, reachable {q['reachable']:.1%}; "
              f"support strong {q['support'][3]:.0%}, some {q['support'][2]:.0%}, weak {q['support'][1]:.0%}")
        if args.quality:
            continue
        n_ties, results = evaluate(graph, rels, range(args.seeds))
        print(f"\n{name}: {sum(1 for _, d in graph.nodes(data=True) if d.get('kind') == ORGANISATION)} "
              f"organisations, {n_ties} ties, {args.seeds} seeds ({time.perf_counter() - t:.0f} s)")
        peers = results.pop("_peers")
        print(f"  hidden ties between organisations of one project (the app shows them apart, as working "
              f"together): {sum(peers) / len(peers):.0%}")
        print(f"  {'method':22} {'AUC':>13} {'hits@10':>13} {'hits@10 as shown':>17}")
        for method, row in results.items():
            mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
            spread = lambda xs: (sum((x - mean(xs)) ** 2 for x in xs) / len(xs)) ** 0.5  # noqa: E731
            shown = f"{mean(row['shown']):.3f} of {len(row['shown']):>4}" if row["shown"] else "—"
            print(f"  {method:22} {mean(row['auc']):.3f} ± {spread(row['auc']):.3f} "
                  f"{mean(row['hits']):.3f} ± {spread(row['hits']):.3f} {shown:>17}")
    print_followups(args.store)


if __name__ == "__main__":
    main()
