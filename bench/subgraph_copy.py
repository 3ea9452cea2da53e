"""Cutting a part out of a big graph, as the explorer does at every new
filter (the default kinds, persons left out, one relation) and the reader
sessions once per version (persons left out): networkx's
graph.subgraph(nodes).copy() (the baseline, in the same run) against
graph.subgraph.induced, which the app uses. Checks both give the same graph.

    python -m bench.subgraph_copy [--organisations 25000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import statistics
import time

import networkx as nx

from bench.synthetic import generate
from graph.bulk import paused_gc
from graph.merge import apply_batch
from graph.model import PERSON, relation
from graph.subgraph import induced


def timed(work, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        out = work()
        times.append(time.perf_counter() - started)
    return statistics.median(times), out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=25_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with paused_gc():
        graph = apply_batch(nx.MultiDiGraph(), generate(args.organisations, args.organisations * 8, 1))[0]
    print(f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} ties")
    kinds = {"Organisation", "Project", "Territory", "Event"}
    cases = {"default kinds": ([n for n, k in graph.nodes(data="kind") if k in kinds], None),
             "persons left out": ([n for n, k in graph.nodes(data="kind") if k != PERSON], None),
             "one relation": (list(graph), {"PARTNER_OF"})}
    print(f"  {'cut':18}{'subgraph().copy()':>20}{'induced':>12}{'ratio':>8}")
    for name, (nodes, relations) in cases.items():
        def baseline():
            out = graph.subgraph(nodes).copy()
            if relations:
                out.remove_edges_from([(u, v, k) for u, v, k in out.edges(keys=True) if relation(k) not in relations])
            return out
        before, expected = timed(baseline, args.repeat)
        after, got = timed(lambda: induced(graph, nodes, relations), args.repeat)
        same = (set(got.nodes) == set(expected.nodes)
                and sorted(got.edges(keys=True)) == sorted(expected.edges(keys=True))
                and all(got.nodes[n] == expected.nodes[n] for n in got))
        print(f"  {name:18}{before:>18.2f} s{after:>10.2f} s{after / before:>7.2f}×" + ("" if same else "  DIFFERENT"))


if __name__ == "__main__":
    main()
