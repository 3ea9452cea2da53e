"""Speed and memory of the metrics at scale, against plain networkx in the
same run.

    .venv/bin/python -m bench.analytics_scale
    .venv/bin/python -m bench.analytics_scale --organisations 20000 --ties 200000

1. On the big synthetic graph (default 100,000 organisations, 1,000,000
   ties): build the actor graph, then all the metrics with the igraph
   engine (betweenness estimated from a seeded sample of sources, whose error
   is measured on the comparison graph below). Target (issue 4): the metrics
   within 10 s, peak memory under 3 GB.
2. On a smaller graph where plain networkx finishes (default 500
   organisations, 5,000 ties: its weighted constraint and effective size
   grow with the cube of the hubs' degrees, and did not finish in 7 minutes
   on 2,000 organisations): both engines, the ratio, and the error of
   sampled betweenness against the exact one.
"""
from __future__ import annotations

import argparse
import time

import networkx as nx

from bench.synthetic import generate
from graph.analytics import worker
from graph.analytics.actor import actor_graph
from graph.analytics.metrics import organisation_metrics
from graph.bulk import paused_gc
from graph.merge import apply_batch


def graph_of(organisations, ties, seed):
    with paused_gc():
        return apply_batch(nx.MultiDiGraph(), generate(organisations, ties, seed))[0]


def actor_of(graph):
    with paused_gc():
        return actor_graph(graph)


def partners_speed(graph, actor, queries: int, baseline_queries: int, seed: int):
    """Potential partners of `queries` organisations drawn at random: the
    index built once, then each query timed. The baseline is what plain
    networkx offers: every candidate scored one pair at a time by
    nx.resource_allocation_index (the structural part of the score alone)."""
    import random
    import statistics

    import networkx as nx

    from graph.analytics.actor import directly_tied
    from graph.analytics.partners import Context, potential_partners
    ctx, t_ctx = timed(lambda: Context(graph, actor))
    _, t_index = timed(ctx.index)
    print(f"  partners: context {t_ctx:.1f} s and score index {t_index:.1f} s, built once per graph version")
    orgs = random.Random(seed).sample(sorted(actor), queries)
    times = [timed(lambda o=o: potential_partners(graph, o, top=10, context=ctx))[1] for o in orgs]
    print(f"  partners for one organisation (top 10, reasons, introduction paths), {queries} queries: "
          f"median {statistics.median(times) * 1000:.0f} ms, slowest {max(times) * 1000:.0f} ms "
          f"(target 100 ms: {'met' if statistics.median(times) <= 0.1 else 'NOT met'})")

    def every_candidate(org):
        tied = directly_tied(graph, org)
        pairs = [(org, c) for c in actor if c != org and c not in tied]
        scored = [(c, s) for _, c, s in nx.resource_allocation_index(actor, pairs)]
        return sorted((cs for cs in scored if cs[1] > 0), key=lambda cs: -cs[1])[:10]
    slow = [timed(lambda o=o: every_candidate(o))[1] for o in orgs[:baseline_queries]]
    fast = statistics.median(times[:baseline_queries])
    print(f"  baseline, networkx's resource allocation of every candidate ({baseline_queries} of the same queries): "
          f"median {statistics.median(slow):.1f} s; ratio {statistics.median(slow) / fast:.0f}x")


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--small-organisations", type=int, default=500)
    parser.add_argument("--small-ties", type=int, default=5_000)
    parser.add_argument("--betweenness-sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--queries", type=int, default=20, help="organisations whose partners are timed")
    parser.add_argument("--baseline-queries", type=int, default=2)
    parser.add_argument("--compare-one-process", action="store_true",
                        help="also time the metrics without the helper process")
    args = parser.parse_args(argv)

    small, t = timed(lambda: actor_of(graph_of(args.small_organisations, args.small_ties, args.seed)))
    print(f"comparison graph: {small.number_of_nodes():,} organisations, {small.number_of_edges():,} actor ties "
          f"(built in {t:.1f} s)")
    slow, t_nx = timed(lambda: organisation_metrics(small, seed=args.seed, engine="networkx"))
    fast, t_ig = timed(lambda: organisation_metrics(small, seed=args.seed, engine="igraph"))
    print(f"  plain networkx, exact: {t_nx:.1f} s; igraph engine, exact: {t_ig:.2f} s; ratio {t_nx / t_ig:.0f}x")
    k = max(1, round(args.betweenness_sample * small.number_of_nodes() / args.organisations))
    sampled = organisation_metrics(small, seed=args.seed, engine="igraph", betweenness_sample=k)
    exact = {r["id"]: r["betweenness"] for r in fast["rows"]}
    estimate = {r["id"]: r["betweenness"] for r in sampled["rows"]}
    errors = [abs(estimate[i] - exact[i]) for i in exact]
    top = sorted(exact, key=exact.get, reverse=True)[:20]
    top_sampled = set(sorted(estimate, key=estimate.get, reverse=True)[:20])
    print(f"  betweenness from {k} sources (same share as {args.betweenness_sample} of {args.organisations:,}): "
          f"mean absolute error {sum(errors) / len(errors):.2e} (largest exact value {max(exact.values()):.2e}); "
          f"{len(top_sampled & set(top))} of the exact top 20 found")

    graph, t_graph = timed(lambda: graph_of(args.organisations, args.ties, args.seed))
    big, t = timed(lambda: actor_of(graph))
    t += t_graph
    print(f"big graph: {big.number_of_nodes():,} organisations, {big.number_of_edges():,} actor ties "
          f"(generated and projected in {t:.1f} s)")
    result, t = timed(lambda: organisation_metrics(big, seed=args.seed, engine="igraph",
                                                   betweenness_sample=args.betweenness_sample))
    helper = "betweenness in a second process" if result["parallel"] else "one process"
    print(f"  all metrics, igraph engine, betweenness from {args.betweenness_sample} sources, {helper}: "
          f"{t:.1f} s (target 10 s: {'met' if t <= 10 else 'NOT met'}); modularity {result['modularity']:.3f}, "
          f"{result['communities']:,} communities")
    if args.compare_one_process:
        alone, t_alone = timed(lambda: organisation_metrics(big, seed=args.seed, engine="igraph",
                                                            betweenness_sample=args.betweenness_sample,
                                                            parallel=False))
        same = alone["rows"] == result["rows"] and alone["modularity"] == result["modularity"]
        print(f"  the same in one process: {t_alone:.1f} s (same answers: {same})")
    partners_speed(graph, big, args.queries, args.baseline_queries, args.seed)
    mine, helper = worker.peak_memory_gb(), worker.helper_peak_memory_gb() or 0.0
    total = mine + helper
    print(f"  peak memory: this process {mine:.2f} GB, the helper process {helper:.2f} GB; together at most "
          f"{total:.2f} GB (target 3 GB: {'met' if total < 3 else 'NOT met'})")


if __name__ == "__main__":
    main()
