"""Loading speed of the Neo4j store, against the naive loader, measured in
the same run on the same server.

    scripts/neo4j start
    .venv/bin/python -m bench.neo4j_load                      # 100,000 organisations, 1,000,000 relationships
    .venv/bin/python -m bench.neo4j_load --organisations 10000 --ties 100000

It EMPTIES the database it is pointed at (the local development Neo4j).
Targets (issue 3): at least 25,000 relationships a second, at least 50 times
the naive loader (one MERGE per relationship, one transaction each). In the
same run it also measures a lean CREATE-only load of the same data, which
does nothing a loader must (no reading, no merging), to show the server's
own ceiling on this machine.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bench.synthetic import generate
from graph.model import graph_key
from graph.store import cypher
from graph.store.neo4j import Neo4jStore, settings_from_env

ROOT = Path(__file__).resolve().parents[1]


def settings():
    env = dict(os.environ)
    local = ROOT / ".neo4j" / "env"
    if "NEO4J_URI" not in env and local.exists():
        env.update(dict(line.split("=", 1) for line in local.read_text().split()))
    if "NEO4J_URI" not in env:
        sys.exit("No Neo4j: run scripts/neo4j start (or set NEO4J_URI).")
    return settings_from_env(env)


def naive_load(store, edges):
    """The baseline: one MERGE per relationship, in a transaction of its own."""
    def one(tx, edge):
        tx.run(f"MATCH (a:{cypher.ENTITY} {{id: $s}}) MATCH (b:{cypher.ENTITY} {{id: $t}}) "
               f"MERGE (a)-[r:{cypher.rel_type(edge.type)} {{key: $k}}]->(b) SET r.sources = $src",
               s=edge.source, t=edge.target, k=graph_key(edge.type), src=edge.sources).consume()
    with store.driver.session(database=store.database) as session:
        for edge in edges:
            session.execute_write(one, edge)


def lean_load(store, batch, transaction_rows):
    """What this server can do at best through Bolt and Cypher: only CREATE
    statements, ties found by the element ids their nodes' creation
    returned, no reading of what exists and no merging (so not a loader:
    a second load would duplicate everything). The store's load does all
    this and more; the ratio says what that costs."""
    element, by_kind = {}, {}
    for node in batch.nodes:
        by_kind.setdefault(node.kind, []).append(dict(node.props, id=node.id, sources=node.sources))
    with store.driver.session(database=store.database) as session:
        def nodes(tx):
            for kind, rows in by_kind.items():
                for start in range(0, len(rows), 10_000):
                    query = (f"UNWIND $rows AS row CREATE (n:{cypher.ENTITY}:{cypher.label(kind)}) SET n = row "
                             "RETURN collect([n.id, elementId(n)]) AS ids")
                    element.update(tx.run(query, rows=rows[start:start + 10_000]).single()["ids"])
        session.execute_write(nodes)
        for start in range(0, len(batch.edges), transaction_rows):
            def ties(tx, part=batch.edges[start:start + transaction_rows]):
                grouped = {}
                for edge in part:
                    assert not edge.props, "the lean load writes only `sources`"
                    grouped.setdefault((edge.type, tuple(edge.sources)), {}).setdefault(
                        element[edge.source], []).append(element[edge.target])
                for (rel, sources), by_source in grouped.items():
                    query = (f"UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.source "
                             f"UNWIND row.targets AS target MATCH (b) WHERE elementId(b) = target "
                             f"CREATE (a)-[r:{cypher.rel_type(rel)}]->(b) SET r.sources = $sources")
                    rows = [{"source": s, "targets": t} for s, t in by_source.items()]
                    for first in range(0, len(rows), 1000):
                        tx.run(query, rows=rows[first:first + 1000], sources=list(sources)).consume()
            session.execute_write(ties)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--transaction-rows", type=int, default=100_000,
                        help="rows per transaction for the big load (see graph/store/neo4j.py)")
    parser.add_argument("--naive-sample", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="measure the first load of a fresh server (includes its JIT compilation)")
    args = parser.parse_args(argv)

    t = time.perf_counter()
    batch = generate(args.organisations, args.ties, args.seed)
    print(f"generated {len(batch.nodes):,} nodes and {len(batch.edges):,} relationships "
          f"in {time.perf_counter() - t:.1f} s (seed {args.seed})")
    store = Neo4jStore(**settings())
    store.reset()
    if args.warm_up:
        # Neo4j's JIT compiles its write path during the first big load of
        # a fresh server (a compiler thread then takes most of the second
        # core): measured once, then the steady state.
        smaller = generate(args.organisations // 10, args.ties // 10, args.seed + 1)
        t = time.perf_counter()
        store.apply(smaller, transaction_rows=args.transaction_rows)
        warm = time.perf_counter() - t
        print(f"warm-up load, {len(smaller.edges):,} relationships: {len(smaller.edges) / warm:,.0f} relationships/s")
        store.reset()

    t = time.perf_counter()
    counts = store.apply(batch, transaction_rows=args.transaction_rows)
    load = time.perf_counter() - t
    fast = len(batch.edges) / load
    print(f"store load: {counts['created']:,} created in {load:.1f} s, "
          f"{fast:,.0f} relationships/s (nodes included in the time)")

    t = time.perf_counter()
    graph = store.graph()
    read = time.perf_counter() - t
    assert graph.number_of_edges() == len(batch.edges), (graph.number_of_edges(), len(batch.edges))
    print(f"read back into networkx: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} "
          f"relationships in {read:.1f} s")
    del graph

    # What the server allows at best, on the same data and server.
    store.reset()
    t = time.perf_counter()
    lean_load(store, batch, args.transaction_rows)
    lean = len(batch.edges) / (time.perf_counter() - t)
    print(f"lean CREATE-only load (no reading, no merging; the server's ceiling through Bolt): "
          f"{lean:,.0f} relationships/s; the store's load reaches {fast / lean:.0%} of it")

    # Baseline, on the same server: reload a sample of relationships naively
    # (their ends exist already; the relationships are deleted first).
    sample = [e for e in batch.edges if e.type in ("PARTNER_OF", "MEMBER_OF")][: args.naive_sample]
    with store.driver.session(database=store.database) as session:
        session.run("MATCH ()-[r:PARTNER_OF|MEMBER_OF]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 50000 ROWS").consume()
    t = time.perf_counter()
    naive_load(store, sample)
    naive = len(sample) / (time.perf_counter() - t)
    print(f"naive loader: {len(sample):,} relationships, {naive:,.0f} relationships/s")
    print(f"ratio: {fast / naive:.0f}x the naive loader")
    print(f"targets: >= 25,000 rel/s: {'met' if fast >= 25_000 else 'NOT met'}; "
          f">= 50x naive: {'met' if fast / naive >= 50 else 'NOT met'}")
    store.reset()
    store.close()


if __name__ == "__main__":
    main()
