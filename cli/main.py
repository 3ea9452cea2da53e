"""python -m cli: the command line over the same functions as the app.

    python -m cli load PATH... [--format auto|spreadsheet|participants|json|graphml] [--event NAME] [--json]
                                 [--transaction-rows N]
    python -m cli export --format json|graphml|gexf|csv --output PATH [--with-contacts]
    python -m cli stats [--json]
    python -m cli metrics [--json] [--seed N] [--top N]
    python -m cli partners ORG [--top N] [--territory T] [--theme X] [--json]
    python -m cli synergies [--top N] [--json]
    python -m cli gaps [--json] [--top N]
    python -m cli reset
    python -m cli --store embedded|neo4j ...   (default: neo4j when NEO4J_URI is set)

Exit status: 0 done, 1 the input or the store refused (nothing written), 2 usage.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from graph.analytics import Refused
from graph.export import FORMATS as EXPORT_FORMATS
from graph.export import export
from graph.model import ORGANISATION, PLACING, relation
from graph.names import NameIndex
from graph.store import BatchRejected, StoreUnavailable
from interface.workspace import open_workspace
from loaders import FORMATS as LOAD_FORMATS
from loaders import load_paths


def report(counts, warnings, errors) -> dict:
    return {"created": counts.get("created", 0), "updated": counts.get("updated", 0),
            "unchanged": counts.get("unchanged", 0),
            "warnings": [w.as_dict() for w in warnings],
            "errors": [e.as_dict() for e in errors]}


def print_report(result, store_name, out):
    if result["errors"]:
        print(f"Nothing was written: {len(result['errors'])} error(s).", file=out)
        for problem in result["errors"]:
            print(f"  error   {_place(problem)}: {problem['message']}", file=out)
    else:
        print(f"Loaded into the {store_name} store: {result['created']} created, "
              f"{result['updated']} updated, {result['unchanged']} unchanged.", file=out)
    for problem in result["warnings"]:
        print(f"  warning {_place(problem)}: {problem['message']}", file=out)


def _place(problem):
    place = problem["file"]
    if problem["row"] is not None:
        place += f":{problem['row']}"
    if problem["column"]:
        place += f":{problem['column']}"
    return place


def cmd_load(args, store):
    batch = load_paths(args.paths, args.format, NameIndex.from_graph(store.graph()), args.event)
    counts, errors = {}, list(batch.errors)
    if not errors:
        try:
            if args.transaction_rows and store.name == "neo4j":
                counts = store.apply(batch, transaction_rows=args.transaction_rows)
            else:
                counts = store.apply(batch)
        except BatchRejected as exc:
            errors = exc.problems
    result = report(counts, batch.warnings, errors)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print_report(result, store.name, sys.stdout)
    return 1 if errors else 0


def stats(graph, description) -> dict:
    kinds = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    relations = Counter(d.get("type") for *_, d in graph.edges(keys=True, data=True))
    spheres = Counter(d.get("sphere", "unknown") for _, d in graph.nodes(data=True)
                      if d.get("kind") == ORGANISATION)
    territories = Counter()
    for node, data in graph.nodes(data=True):
        if data.get("kind") != ORGANISATION:
            continue
        places = {graph.nodes[t].get("name", t) for _, t, rel in graph.out_edges(node, keys=True)
                  if relation(rel) in PLACING}
        territories.update(places)
    return {**description,
            "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "kinds": dict(sorted(kinds.items())), "relations": dict(sorted(relations.items())),
            "spheres": dict(sorted(spheres.items())),
            "organisations_by_territory": dict(sorted(territories.items(), key=lambda kv: (-kv[1], kv[0])))}


def cmd_stats(args, store):
    result = stats(store.graph(), store.describe())
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"Store: {result['store']} ({result['location']}), last change {result['last_modified']}")
    print(f"{result['nodes']} nodes, {result['edges']} edges")
    for title, key in (("Nodes by kind", "kinds"), ("Edges by relation", "relations"),
                       ("Organisations by sphere", "spheres"),
                       ("Organisations by territory (based or active there)", "organisations_by_territory")):
        print(f"{title}:")
        for name, count in result[key].items():
            print(f"  {count:6d}  {name}")
    return 0


def cmd_export(args, store):
    paths = export(store.graph(), args.format, args.output, args.with_contacts)
    for path in paths:
        print(f"wrote {path}")
    if not args.with_contacts:
        print("(contact details left out; add --with-contacts to include them)")
    return 0


def cmd_metrics(args, store):
    from graph.analytics.actor import actor_graph
    from graph.analytics.metrics import organisation_metrics
    actor = actor_graph(store.graph())
    result = organisation_metrics(actor, seed=args.seed)
    names = {n: d.get("name", n) for n, d in actor.nodes(data=True)}
    if args.json:
        result = dict(result, bridges=[list(b) for b in result["bridges"]])
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if not result["rows"]:
        print("No organisation in the graph.")
        return 0
    print(f"{len(result['rows'])} organisations, {actor.number_of_edges()} ties; "
          f"{result['communities']} communities (Leiden, seed {args.seed}), modularity "
          f"{result['modularity'] if result['modularity'] is not None else '-'}")
    header = ("organisation", "sphere", "deg", "w.deg", "betw.", "pagerank", "constr.", "eff.size", "core", "comm.")
    print("{:40} {:14} {:>4} {:>6} {:>6} {:>8} {:>7} {:>8} {:>4} {:>5}".format(*header))
    show = lambda v, f: "-" if v is None else format(v, f)  # noqa: E731
    for r in result["rows"][: args.top]:
        print("{:40} {:14} {:>4} {:>6} {:>6} {:>8} {:>7} {:>8} {:>4} {:>5}".format(
            r["name"][:40], r["sphere"] or "-", r["degree"], show(r["weighted_degree"], ".1f"),
            show(r["betweenness"], ".3f"), show(r["pagerank"], ".4f"), show(r["constraint"], ".3f"),
            show(r["effective_size"], ".2f"), r["k_core"], r["community"]))
    if len(result["rows"]) > args.top:
        print(f"... {len(result['rows']) - args.top} more (--top N, or --json for all)")
    print("Single points of failure (articulation points): "
          + (", ".join(names[n] for n in result["articulation_points"]) or "none"))
    print("Bridges (ties whose loss splits the network): "
          + (", ".join(f"{names[a]} – {names[b]}" for a, b in result["bridges"]) or "none"))
    return 0


def cmd_partners(args, store):
    from graph.analytics.partners import find_organisation, potential_partners
    graph = store.graph()
    org = find_organisation(graph, args.org)
    found = potential_partners(graph, org, top=args.top, territory=args.territory, theme=args.theme)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    print(f"Partenaires potentiels pour {graph.nodes[org].get('name', org)} :")
    if not found:
        print("  aucun candidat (rien en commun avec une organisation qui ne lui soit pas déjà liée)")
    for rank, cand in enumerate(found, start=1):
        print(f"{rank:3d}. {cand['name']}  (score {cand['score']:.2f})")
        for reason in cand["reasons"]:
            print(f"       - {reason}")
        if len(cand["path"]) > 2:
            print(f"       introduction : {' → '.join(cand['path'])}")
    return 0


def cmd_synergies(args, store):
    from graph.analytics.partners import synergies
    found = synergies(store.graph(), top=args.top)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    print("Synergies : les paires d'organisations pas encore liées qui ont le plus en commun")
    for rank, pair in enumerate(found, start=1):
        print(f"{rank:3d}. {pair['names'][0]} + {pair['names'][1]}  (score {pair['score']:.2f})")
        for reason in pair["reasons"]:
            print(f"       - {reason}")
    return 0


GAP_TITLES = {
    "territory_pairs": "Territoires jumelés (ici / là-bas) mal reliés",
    "themes": "Thèmes sans répondant dans le territoire jumelé",
    "spheres": "Projets auxquels il manque une sphère",
    "isolated": "Organisations isolées",
    "met_never_partnered": "Se sont croisées sans jamais s'associer",
    "single_points_of_failure": "Points de fragilité (organisations dont le départ couperait le réseau)",
}


def cmd_gaps(args, store):
    from graph.analytics.gaps import gaps
    found = gaps(store.graph())
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    for kind, title in GAP_TITLES.items():
        print(f"{title} ({len(found[kind])})")
        for finding in found[kind][: args.top]:
            print(f"  - {finding['message']}")
        if len(found[kind]) > args.top:
            print(f"  ... {len(found[kind]) - args.top} de plus (--top N, ou --json)")
    return 0


def cmd_reset(args, store):
    store.reset()
    print(f"The {store.name} store is now empty.")
    return 0


def parser():
    p = argparse.ArgumentParser(prog="python -m cli", description="Passerelles: the partnership graph.")
    p.add_argument("--store", choices=("embedded", "neo4j"), help="which store (default: neo4j when NEO4J_URI is set, else embedded)")
    sub = p.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="load files into the graph")
    load.add_argument("paths", nargs="+", metavar="PATH")
    load.add_argument("--format", choices=LOAD_FORMATS, default="auto")
    load.add_argument("--event", help="participants lists: the event they attended (name or id)")
    load.add_argument("--json", action="store_true", help="print the report as JSON")
    load.add_argument("--transaction-rows", type=int, metavar="N",
                      help="Neo4j, very large loads: commit in transactions of N rows (a re-run converges)")
    load.set_defaults(run=cmd_load)
    exp = sub.add_parser("export", help="export the graph")
    exp.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    exp.add_argument("--output", required=True, metavar="PATH", help="a file; for csv, a folder")
    exp.add_argument("--with-contacts", action="store_true", help="include e-mails and phone numbers")
    exp.set_defaults(run=cmd_export)
    st = sub.add_parser("stats", help="counts by kind, relation, sphere and territory")
    st.add_argument("--json", action="store_true")
    st.set_defaults(run=cmd_stats)
    me = sub.add_parser("metrics", help="one row of network metrics per organisation")
    me.add_argument("--json", action="store_true")
    me.add_argument("--seed", type=int, default=0, help="seed of the community detection")
    me.add_argument("--top", type=int, default=30, help="rows to print (text output)")
    me.set_defaults(run=cmd_metrics)
    pa = sub.add_parser("partners", help="potential partners for one organisation, with reasons")
    pa.add_argument("org", metavar="ORG", help="name, acronym or id")
    pa.add_argument("--top", type=int, default=10)
    pa.add_argument("--territory", help="only candidates based or active there")
    pa.add_argument("--theme", help="only candidates working on it")
    pa.add_argument("--json", action="store_true")
    pa.set_defaults(run=cmd_partners)
    sy = sub.add_parser("synergies", help="the best pairs not yet tied, network-wide")
    sy.add_argument("--top", type=int, default=20)
    sy.add_argument("--json", action="store_true")
    sy.set_defaults(run=cmd_synergies)
    ga = sub.add_parser("gaps", help="what is missing: weak territory pairs, missing spheres, isolated actors...")
    ga.add_argument("--json", action="store_true")
    ga.add_argument("--top", type=int, default=10, help="findings to print per kind (text output)")
    ga.set_defaults(run=cmd_gaps)
    rs = sub.add_parser("reset", help="empty the store")
    rs.set_defaults(run=cmd_reset)
    return p


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    try:
        store = open_workspace(args.store)
        return args.run(args, store)
    except BatchRejected as exc:
        for problem in exc.problems:
            print(f"error {problem}", file=sys.stderr)
        return 1
    except (StoreUnavailable, Refused) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

