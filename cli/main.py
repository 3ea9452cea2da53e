"""python -m cli: the command line over the same functions as the app.

    python -m cli load PATH... [--format auto|spreadsheet|participants|json|graphml|gexf|iati] [--event NAME] [--json]
                               [--transaction-rows N]
                               [--replace] [--top N] [--mapping FILE.toml] [--with-contacts]
    python -m cli mapping PATH [--output FILE.toml] [--name NAME]
    python -m cli edit ELEMENT --set FIELD=VALUE... [--clear FIELD] [--who NAME] [--note TEXT]
    python -m cli add KIND NAME [--set FIELD=VALUE...]
    python -m cli tie add|remove FROM RELATION TO [--set since=2024] [--key K]
    python -m cli duplicates [--top N] [--json]
    python -m cli merge KEEP OTHER [--who NAME] [--note TEXT]
    python -m cli not-same ONE OTHER [--who NAME] [--note TEXT]
    python -m cli follow-up ORG PARTNER STATUS [--add-tie] [--who NAME] [--note TEXT]
    python -m cli follow-ups [--status S] [--org ORG] [--who NAME] [--json]
    python -m cli erase PERSON [--yes]
    python -m cli journal [--element ELEMENT] [--json]
    python -m cli undo ENTRY
    python -m cli export --format json|graphml|gexf|csv --output PATH [--scope full|organisations]
                         [--with-persons] [--with-contacts]
    python -m cli stats [--json]
    python -m cli metrics [--json] [--seed N] [--top N]
    python -m cli partners ORG [--top N] [--territory T] [--theme X] [--json]
    python -m cli synergies [--top N] [--json]
    python -m cli gaps [--json] [--top N]
    python -m cli reset
    python -m cli --store embedded|neo4j --lang fr|en ...

French by default (--lang en, or PASSERELLES_LANG=en). With --json, findings
come as data (codes and ids) with their sentence in the chosen language.
Exit status: 0 done, 1 the input or the store refused (nothing written), 2 usage.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from graph.analytics import Refused
from graph.export import FORMATS as EXPORT_FORMATS
from graph.export import SCOPES as EXPORT_SCOPES
from graph.export import export
from graph.model import ALL, CATEGORIES
from graph.names import NameIndex
from graph.store import BatchRejected, StoreUnavailable
from interface import sentences
from interface.i18n import DEFAULT, LANGUAGES, t
from interface.workspace import open_workspace
from loaders import FORMATS as LOAD_FORMATS
from loaders import load_paths
from loaders.mapping import ROLES, Mapping, MappingError, header_of, propose
from loaders.tables import TableError, read_tables


def problems_data(problems, lang) -> list:
    return [dict(p.as_dict(), message=sentences.problem(p, lang)) for p in problems]


def read_mapping(path, lang):
    """The mapping file --mapping names; MappingError says what is wrong."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError as exc:
        raise ValueError(t("cli.mapping_unreadable", lang, path=path, error=exc.strerror)) from None
    return Mapping.from_toml(text, str(path))


def cmd_load(args, store):
    lang = args.lang
    mapping = read_mapping(args.mapping, lang) if args.mapping else None
    progress = _progress_line(lang) if not args.json and sys.stderr.isatty() else None
    known = NameIndex.from_graph(store.graph())
    batch = load_paths(args.paths, args.format, known, args.event, args.skip_invalid, progress, mapping,
                       args.with_contacts)
    if progress:
        print(file=sys.stderr)
    if args.replace:
        batch.accept = ALL
    batch.change = {"kind": "load", "who": _who(args), "note": ", ".join(Path(str(p)).name for p in args.paths)}
    counts, errors = {"created": 0, "updated": 0, "unchanged": 0}, list(batch.errors)
    plan = None
    if not errors and any(node.id in known.kind_of for node in batch.nodes):
        plan = store.plan(batch)          # what it changes in known elements, said before the counts
    if not errors:
        try:
            if args.transaction_rows and store.name == "neo4j":
                counts = store.apply(batch, transaction_rows=args.transaction_rows)
            else:
                counts = store.apply(batch)
        except BatchRejected as exc:
            errors = exc.problems
    changes, held = (plan.changes, plan.held) if plan and not errors else ([], [])
    if args.json:
        print(json.dumps({**counts, "changes": [vars(c) for c in changes], "held": [vars(c) for c in held],
                          "warnings": problems_data(batch.warnings, lang),
                          "errors": problems_data(errors, lang)}, ensure_ascii=False, indent=1))
        return 1 if errors else 0
    if errors:
        print(t("cli.nothing_written", lang, count=len(errors)))
        for problem in errors:
            print(f"  {t('cli.error', lang)} {sentences.place(problem)} : {sentences.problem(problem, lang)}")
    else:
        print(t("cli.loaded", lang, store=store.name, **counts))
        name_of = lambda i: known.name_of.get(i, i)  # noqa: E731
        for title, found, is_held in (("cli.changes", changes, False), ("cli.held", held, True)):
            if found:
                print(t(title, lang))
                for item in found[:args.top]:
                    print(f"  {sentences.change(item, name_of, lang, held=is_held)}")
                if len(found) > args.top:
                    print(f"  {t('cli.more', lang, count=len(found) - args.top)}")
    for problem in batch.warnings:
        print(f"  {t('cli.warning', lang)} {sentences.place(problem)} : {sentences.problem(problem, lang)}")
    return 1 if errors else 0


def _progress_line(lang):
    """A progress line on the terminal for big files (stderr, rewritten in place)."""
    shown = [-1]

    def show(fraction):
        percent = int(fraction * 100)
        if percent != shown[0]:
            shown[0] = percent
            print(f"\r{t('cli.reading', lang, percent=percent)}", end="", file=sys.stderr, flush=True)
    return show


def cmd_stats(args, store):
    from graph.analytics.overview import overview
    lang, graph = args.lang, store.graph()
    found, description = overview(graph), store.describe()
    name_of = sentences.names_in(graph)
    if args.json:
        found["organisations_by_territory"] = [{"id": i, "name": name_of(i), "count": n}
                                               for i, n in found["organisations_by_territory"].items()]
        print(json.dumps({**description, **found}, ensure_ascii=False, indent=1))
        return 0
    print(t("cli.store", lang, store=description["store"], location=description["location"],
            modified=description["last_modified"]))
    print(t("cli.counts", lang, nodes=found["nodes"], edges=found["edges"]))
    for title, key, show in (("cli.by_kind", "kinds", lambda k: sentences.word("kind", k, lang)),
                             ("cli.by_relation", "relations", lambda r: sentences.word("relation", r, lang)),
                             ("cli.by_sphere", "spheres", lambda s: sentences.word("sphere", s, lang)),
                             ("cli.by_category", "categories", lambda c: sentences.word("category", c, lang)),
                             ("overview.by_territory", "organisations_by_territory", name_of)):
        print(f"{t(title, lang)} :" if lang == "fr" else f"{t(title, lang)}:")
        for value, count in found[key].items():
            print(f"  {count:6d}  {show(value)}")
    if found["territory_pairs"]:
        print(t("cli.pairs", lang))
        for pair in found["territory_pairs"]:
            here, there = pair["organisations"]
            print(f"  {name_of(pair['here'])} ({here}) ↔ {name_of(pair['there'])} ({there})")
    return 0


def cmd_mapping(args, store):
    """A mapping guessed for a directory's first sheet, as TOML to complete:
    comments list the roles, the categories and the values left to map."""
    lang = args.lang
    tables = [t_ for t_ in read_tables(args.path) if header_of(t_)]
    if not tables:
        raise ValueError(t("cli.mapping_no_sheet", lang, path=args.path))
    known = NameIndex.from_graph(store.graph())
    columns, categories = propose(tables[0], known)
    mapping = Mapping({c.header: c.role for c in columns}, {v: c for v, c in categories.items() if c}, "",
                      args.name or Path(args.path).stem)
    lines = [t("cli.mapping_head", lang, path=Path(args.path).name), t("cli.mapping_roles", lang, roles=", ".join(ROLES)),
             t("cli.mapping_categories", lang, categories=", ".join(CATEGORIES)),
             t("cli.mapping_member_of", lang)]
    lines += [t("cli.mapping_unknown", lang, value=v) for v, c in categories.items() if c is None]
    text = "\n".join(f"# {line}" for line in lines) + "\n\n" + mapping.to_toml()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(t("cli.wrote", lang, path=args.output))
    else:
        print(text, end="")
    return 0


# --- keeping the network: edits, ties, journal, undo -----------------------------------------

def _who(args) -> str:
    import getpass
    return args.who or os.environ.get("PASSERELLES_USER") or getpass.getuser()


def _values(pairs, lang) -> dict:
    """FIELD=VALUE pairs; lists (aliases, tags) split on |, coordinates as numbers."""
    out = {}
    for pair in pairs or []:
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise ValueError(t("cli.bad_set", lang, pair=pair))
        field, value = field.strip(), value.strip()
        if field in ("aliases", "tags", "identifiers"):
            value = [v.strip() for v in value.split("|") if v.strip()]
        elif field in ("lat", "lon", "weight") and value:
            try:
                value = float(value.replace(",", "."))
            except ValueError:
                raise ValueError(t("cli.bad_set", lang, pair=pair)) from None
        out[field] = value
    return out


def _written(args, store, batch, element):
    """Apply an edit's batch and say what it did (with its journal entry)."""
    counts = store.apply(batch)
    newest = store.journal()[0]
    if args.json:
        print(json.dumps({**counts, "element": element, "entry": newest["id"]}, ensure_ascii=False))
    else:
        name_of = sentences.names_in(store.graph())
        print(t("cli.edited", args.lang, name=name_of(element), entry=newest["id"], **counts))
    return 0


def cmd_edit(args, store):
    from graph.edits import edit_node, find_element
    graph = store.graph()
    element = find_element(graph, args.element)
    changes = _values(args.set, args.lang)
    changes.update({field: "" for field in args.clear or []})
    if not changes:
        raise ValueError(t("cli.nothing_to_edit", args.lang))
    return _written(args, store, edit_node(graph, element, changes, _who(args), args.note or ""), element)


def cmd_add(args, store):
    from graph.edits import add_node
    from loaders.vocabulary import kind_for_type
    found = kind_for_type(args.kind)
    if found is None:
        raise ValueError(t("cli.unknown_kind", args.lang, kind=args.kind))
    kind, category = found
    props = _values(args.set, args.lang)
    if category:
        props.setdefault("category", category)
    batch = add_node(store.graph(), kind, args.name, props, _who(args), args.note or "")
    return _written(args, store, batch, batch.nodes[0].id)


def cmd_tie(args, store):
    from graph.edits import add_tie, find_element, remove_tie
    from loaders.vocabulary import relation_for_type
    graph = store.graph()
    rel = relation_for_type(args.relation)
    if rel is None:
        raise ValueError(t("cli.unknown_relation", args.lang, relation=args.relation))
    source, target = find_element(graph, args.source), find_element(graph, args.target)
    if args.action == "add":
        batch = add_tie(source, rel, target, _values(args.set, args.lang), _who(args), args.note or "")
    else:
        batch = remove_tie(graph, source, rel, target, args.key or "", _who(args), args.note or "")
    return _written(args, store, batch, source)


def cmd_duplicates(args, store):
    from graph.analytics.duplicates import probable_duplicates
    graph = store.graph()
    found = probable_duplicates(graph, args.top)
    name_of = sentences.names_in(graph)
    if args.json:
        print(json.dumps([{"ids": list(f["ids"]), "names": [name_of(i) for i in f["ids"]],
                           "confidence": f["confidence"], "evidence": f["evidence"],
                           "reasons": [sentences.duplicate_evidence(e, args.lang) for e in f["evidence"]]}
                          for f in found], ensure_ascii=False, indent=1))
        return 0
    if not found:
        print(t("cli.no_duplicates", args.lang))
    for f in found:
        a, b = f["ids"]
        print(t("cli.duplicate_line", args.lang, first=name_of(a), first_id=a, second=name_of(b), second_id=b,
                confidence=round(100 * f["confidence"]),
                reasons="; ".join(sentences.duplicate_evidence(e, args.lang) for e in f["evidence"])))
    return 0


def cmd_merge(args, store):
    from graph.edits import find_element, merge_nodes
    graph = store.graph()
    keep, other = find_element(graph, args.keep), find_element(graph, args.other)
    return _written(args, store, merge_nodes(graph, keep, other, _who(args), args.note or ""), keep)


def cmd_not_same(args, store):
    from graph.edits import find_element, not_same
    graph = store.graph()
    one, other = find_element(graph, args.one), find_element(graph, args.other)
    return _written(args, store, not_same(graph, one, other, _who(args), args.note or ""), one)


def _status(text, lang) -> str:
    """A follow-up's status from its code or its words in any language
    (« pas pertinent », not_relevant, "not relevant")."""
    from graph.model import FOLLOW_UP_STATUSES, fold
    for status in FOLLOW_UP_STATUSES:
        if fold(text) in {fold(status)} | {fold(t(f"status.{status}", other)) for other in LANGUAGES}:
            return status
    raise ValueError(t("cli.unknown_status", lang, status=text,
                       expected=", ".join(t(f"status.{s}", lang) for s in FOLLOW_UP_STATUSES)))


def cmd_follow_up(args, store):
    from graph.edits import find_element, follow_up
    graph = store.graph()
    org, partner = find_element(graph, args.org), find_element(graph, args.partner)
    status = _status(args.status, args.lang)
    batch = follow_up(graph, org, partner, status, _who(args), args.note or "", add_partnership=args.add_tie)
    return _written(args, store, batch, org)


def cmd_follow_ups(args, store):
    from graph.analytics.followups import follow_ups
    from graph.edits import find_element
    graph = store.graph()
    org = find_element(graph, args.org) if args.org else None
    status = _status(args.status, args.lang) if args.status else None
    rows = follow_ups(graph, status=status, org=org, who=args.who)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    name_of = sentences.names_in(graph)
    if not rows:
        print(t("follow.none_here", args.lang))
    for r in rows:
        line = t("follow.line", args.lang, org=name_of(r["org"]), partner=name_of(r["partner"]),
                 status=t(f"status.{r['status']}", args.lang), date=r["date"] or "—", who=r["who"] or "—")
        line += f" — {r['note']}" if r["note"] else ""
        line += " " + t("follow.now_tied", args.lang) if r["tied"] else ""
        print(line)
    return 0


def cmd_erase(args, store):
    """Erase a person on request; asks to type their name again unless --yes."""
    from graph.edits import find_element
    from graph.model import PERSON
    graph = store.graph()
    person = find_element(graph, args.person, PERSON)
    name = graph.nodes[person].get("name", person)
    if not args.yes:
        if not sys.stdin.isatty():
            raise ValueError(t("cli.erase_needs_yes", args.lang))
        typed = input(t("cli.erase_confirm", args.lang, name=name, ties=graph.degree(person)))
        if typed.strip() != name:
            print(t("cli.erase_cancelled", args.lang))
            return 1
    done = store.erase_person(person, _who(args))
    if args.json:
        print(json.dumps(done))
    else:
        print(t("erase.done", args.lang, **done))
    return 0


def cmd_journal(args, store):
    from graph.journal import undone
    lang, entries = args.lang, store.journal()
    if args.element:
        from graph.edits import find_element
        element = find_element(store.graph(), args.element)
        entries = [e for e in entries if element in e.get("elements", [])]
    reverted = undone(store.journal())
    if args.json:
        print(json.dumps([{k: v for k, v in e.items() if k != "records"} | {"undone_by": reverted.get(e["id"])}
                          for e in entries[:args.top]], ensure_ascii=False, indent=1))
        return 0
    for item in entries[:args.top]:
        counts = item.get("counts", {})
        line = t("cli.journal_line", lang, id=item["id"], at=sentences.moment(item["at"], lang),
                 kind=t(f"journal.kind.{item['kind']}", lang), who=item.get("who") or "—",
                 created=counts.get("created", 0), updated=counts.get("updated", 0), removed=counts.get("removed", 0))
        if item.get("note"):
            line += f" — {item['note']}"
        if item["id"] in reverted:
            line += " " + t("cli.journal_undone", lang, by=reverted[item["id"]])
        print(line)
    if len(entries) > args.top:
        print(t("cli.more", lang, count=len(entries) - args.top))
    return 0


def cmd_undo(args, store):
    from graph.journal import CannotUndo
    try:
        counts = store.undo(args.entry, _who(args), args.note or "")
    except CannotUndo as exc:
        print(f"{t('cli.error', args.lang)} : {sentences.cannot_undo(exc, args.lang)}", file=sys.stderr)
        return 1
    removed = store.journal()[0]["counts"].get("removed", 0)
    print(t("cli.undone", args.lang, entry=args.entry, removed=removed, **counts))
    return 0


def cmd_export(args, store):
    graph = store.graph()
    presentation = None
    if args.format != "csv":        # the data only, to load back
        from graph.analytics.actor import actor_graph
        from graph.analytics.metrics import organisation_metrics
        from interface.presentation import for_export
        presentation = for_export(graph, args.lang, organisation_metrics(actor_graph(graph), seed=0))
    for path in export(graph, args.format, args.output, args.with_contacts, scope=args.scope,
                       with_persons=args.with_persons, presentation=presentation):
        print(t("cli.wrote", args.lang, path=path))
    if not args.with_contacts:
        print(t("cli.contacts_left_out", args.lang))
    if not args.with_persons and args.scope == "full":
        print(t("cli.persons_left_out", args.lang))
    return 0


def cmd_metrics(args, store):
    from graph.analytics.actor import actor_graph
    from graph.analytics.metrics import organisation_metrics
    lang = args.lang
    actor = actor_graph(store.graph())
    result = organisation_metrics(actor, seed=args.seed)
    names = {n: d.get("name", n) for n, d in actor.nodes(data=True)}
    if args.json:
        result = dict(result, bridges=[list(b) for b in result["bridges"]])
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    if not result["rows"]:
        print(t("cli.no_organisation", lang))
        return 0
    modularity = "-" if result["modularity"] is None else sentences.number(result["modularity"], lang)
    print(t("cli.metrics_head", lang, orgs=len(result["rows"]), ties=actor.number_of_edges(),
            communities=result["communities"], seed=args.seed, modularity=modularity))
    line = "{:40} {:20} {:>5} {:>6} {:>7} {:>8} {:>7} {:>8} {:>5} {:>5}"
    print(line.format(*t("cli.columns", lang).split("|")))

    def show(value, spec):
        text = "-" if value is None else format(value, spec)
        return text.replace(".", ",") if lang == "fr" else text
    for r in result["rows"][: args.top]:
        print(line.format(
            r["name"][:40], sentences.word("sphere", r["sphere"] or "unknown", lang)[:20], r["degree"],
            show(r["weighted_degree"], ".1f"), show(r["betweenness"], ".3f"), show(r["pagerank"], ".4f"),
            show(r["constraint"], ".3f"), show(r["effective_size"], ".2f"), r["k_core"], r["community"]))
    if len(result["rows"]) > args.top:
        print(t("cli.more", lang, count=len(result["rows"]) - args.top))
    none = t("cli.none", lang)
    print(t("cli.articulation", lang, names=", ".join(names[n] for n in result["articulation_points"]) or none))
    print(t("cli.bridges", lang, names=", ".join(f"{names[a]} – {names[b]}" for a, b in result["bridges"]) or none))
    return 0


def _with_reasons(found, name_of, lang):
    for item in found:
        item["reasons"] = sentences.reasons(item["evidence"], name_of, lang)
        if "path" in item:
            item["path_names"] = [name_of(i) for i in item["path"]]
    return found


def cmd_partners(args, store):
    from graph.analytics.partners import Context, find_organisation, potential_partners, thin_record
    lang, graph = args.lang, store.graph()
    name_of = sentences.names_in(graph)
    org = find_organisation(graph, args.org)
    ctx = Context(graph)
    missing = thin_record(ctx, org)     # a thin record gets fewer guesses, as on the actor page
    found = _with_reasons(potential_partners(graph, org, top=min(args.top, 3) if missing else args.top,
                                             territory=args.territory, theme=args.theme, context=ctx),
                          name_of, lang)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    print(t("cli.partners_for", lang, name=name_of(org)))
    if missing:
        print(t("cli.thin", lang, missing=", ".join(t(f"cli.thin.{m}", lang) for m in missing)))
    if not found:
        print(t("cli.no_candidate", lang))
    for rank, cand in enumerate(found, start=1):
        print(f"{rank:3d}. {cand['name']}  {sentences.support(cand['support'], lang)} "
              f"(score {sentences.number(cand['score'], lang)})")
        for reason in cand["reasons"][:3]:            # the strongest three; --json has all
            print(f"       - {reason}")
        if len(cand["path"]) > 2:
            print(f"       {t('reason.path', lang, path=sentences.path(cand['path'], name_of))}")
    return 0


def cmd_synergies(args, store):
    from graph.analytics.partners import synergies
    lang, graph = args.lang, store.graph()
    found = _with_reasons(synergies(graph, top=args.top), sentences.names_in(graph), lang)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    print(t("cli.synergies", lang))
    for rank, pair in enumerate(found, start=1):
        print(f"{rank:3d}. {pair['names'][0]} + {pair['names'][1]}  {sentences.support(pair['support'], lang)} "
              f"(score {sentences.number(pair['score'], lang)})")
        for reason in pair["reasons"][:3]:
            print(f"       - {reason}")
    return 0


GAP_KINDS = ("territory_pairs", "themes", "spheres", "isolated", "met_never_partnered", "single_points_of_failure")


def cmd_gaps(args, store):
    from graph.analytics.gaps import gaps
    lang, graph = args.lang, store.graph()
    name_of = sentences.names_in(graph)
    found = gaps(graph)
    for findings in found.values():
        for finding in findings:
            finding["message"] = sentences.finding(finding, name_of, lang)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 0
    for kind in GAP_KINDS:
        print(f"{t(f'gaps.{kind}', lang)} ({len(found[kind])})")
        for finding in found[kind][: args.top]:
            print(f"  - {finding['message']}")
        if len(found[kind]) > args.top:
            print(f"  {t('cli.more', lang, count=len(found[kind]) - args.top)}")
    return 0


def cmd_reset(args, store):
    store.reset()
    print(t("cli.reset", args.lang, store=store.name))
    return 0


def _rows(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(t("cli.bad_transaction_rows", _language(sys.argv[1:])))
    return value


def parser(lang: str = DEFAULT):
    h = lambda key: t(f"cli.help.{key}", lang)  # noqa: E731
    p = argparse.ArgumentParser(prog="python -m cli", description=t("cli.description", lang))
    p.add_argument("--store", choices=("embedded", "neo4j"), help=h("store"))
    p.add_argument("--lang", choices=LANGUAGES, default=lang, help=h("lang"))
    sub = p.add_subparsers(dest="command", required=True)
    # --lang is taken after the command too (python -m cli stats --lang en)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=h("lang"))

    def command(name, run, *options):
        cmd = sub.add_parser(name, help=h(name), parents=[common])
        for flags, kwargs in options:
            cmd.add_argument(*flags, **kwargs)
        cmd.set_defaults(run=run)

    as_json = (("--json",), {"action": "store_true", "help": h("json")})
    top = lambda n: (("--top",), {"type": int, "default": n, "help": h("top")})  # noqa: E731
    command("load", cmd_load, (("paths",), {"nargs": "+", "metavar": "PATH"}),
            (("--format",), {"choices": LOAD_FORMATS, "default": "auto", "help": h("format")}),
            (("--event",), {"help": h("event")}), as_json,
            (("--skip-invalid",), {"action": "store_true", "help": h("skip_invalid")}),
            (("--replace",), {"action": "store_true", "help": h("replace")}), top(50),
            (("--mapping",), {"metavar": "FILE.toml", "help": h("mapping_file")}),
            (("--with-contacts",), {"action": "store_true", "help": h("load_with_contacts")}),
            (("--who",), {"help": h("who")}),
            (("--transaction-rows",), {"type": _rows, "metavar": "N", "help": h("transaction_rows")}))
    command("mapping", cmd_mapping, (("path",), {"metavar": "PATH"}),
            (("--output",), {"metavar": "FILE.toml", "help": h("mapping_output")}),
            (("--name",), {"help": h("mapping_name")}))
    who = (("--who",), {"help": h("who")})
    note = (("--note",), {"help": h("note")})
    sets = (("--set",), {"action": "append", "metavar": "FIELD=VALUE", "help": h("set")})
    command("edit", cmd_edit, (("element",), {"metavar": "ELEMENT", "help": h("element")}), sets,
            (("--clear",), {"action": "append", "metavar": "FIELD", "help": h("clear")}), who, note, as_json)
    command("add", cmd_add, (("kind",), {"metavar": "KIND", "help": h("kind")}),
            (("name",), {"metavar": "NAME"}), sets, who, note, as_json)
    command("tie", cmd_tie, (("action",), {"choices": ("add", "remove")}),
            (("source",), {"metavar": "FROM"}), (("relation",), {"metavar": "RELATION", "help": h("relation")}),
            (("target",), {"metavar": "TO"}), sets, (("--key",), {"help": h("key")}), who, note, as_json)
    command("duplicates", cmd_duplicates, top(50), as_json)
    command("merge", cmd_merge, (("keep",), {"metavar": "KEEP", "help": h("merge_keep")}),
            (("other",), {"metavar": "OTHER", "help": h("merge_other")}), who, note, as_json)
    command("not-same", cmd_not_same, (("one",), {"metavar": "ONE", "help": h("element")}),
            (("other",), {"metavar": "OTHER", "help": h("element")}), who, note, as_json)
    command("follow-up", cmd_follow_up, (("org",), {"metavar": "ORG", "help": h("org")}),
            (("partner",), {"metavar": "PARTNER", "help": h("partner")}),
            (("status",), {"metavar": "STATUS", "help": h("status")}),
            (("--add-tie",), {"action": "store_true", "help": h("add_tie")}), who, note, as_json)
    command("follow-ups", cmd_follow_ups, (("--status",), {"help": h("status")}), (("--org",), {"help": h("org")}),
            (("--who",), {"help": h("animator")}), as_json)
    command("erase", cmd_erase, (("person",), {"metavar": "PERSON", "help": h("person")}),
            (("--yes",), {"action": "store_true", "help": h("yes")}), who, as_json)
    command("journal", cmd_journal, (("--element",), {"help": h("journal_element")}), top(30), as_json)
    command("undo", cmd_undo, (("entry",), {"metavar": "ENTRY", "help": h("entry")}), who, note)
    command("export", cmd_export, (("--format",), {"choices": EXPORT_FORMATS, "required": True}),
            (("--output",), {"required": True, "metavar": "PATH", "help": h("output")}),
            (("--scope",), {"choices": EXPORT_SCOPES, "default": "full", "help": h("scope")}),
            (("--with-persons",), {"action": "store_true", "help": h("with_persons")}),
            (("--with-contacts",), {"action": "store_true", "help": h("with_contacts")}))
    command("stats", cmd_stats, as_json)
    command("metrics", cmd_metrics, as_json, (("--seed",), {"type": int, "default": 0, "help": h("seed")}), top(30))
    command("partners", cmd_partners, (("org",), {"metavar": "ORG", "help": h("org")}), top(10),
            (("--territory",), {"help": h("territory")}), (("--theme",), {"help": h("theme")}), as_json)
    command("synergies", cmd_synergies, top(20), as_json)
    command("gaps", cmd_gaps, as_json, top(10))
    command("reset", cmd_reset)
    return p


def _language(argv) -> str:
    """--lang from the arguments, else PASSERELLES_LANG, else French: known
    before parsing, so that the help is in that language too."""
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            wanted = arg.split("=", 1)[1]
        elif arg == "--lang" and i + 1 < len(argv):
            wanted = argv[i + 1]
        else:
            continue
        if wanted in LANGUAGES:
            return wanted
    wanted = os.environ.get("PASSERELLES_LANG", DEFAULT)
    return wanted if wanted in LANGUAGES else DEFAULT


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser(_language(argv)).parse_args(argv)
    lang = args.lang
    try:
        store = open_workspace(args.store)
        return args.run(args, store)
    except BatchRejected as exc:
        for problem in exc.problems:
            print(f"{t('cli.error', lang)} {sentences.place(problem)} : {sentences.problem(problem, lang)}",
                  file=sys.stderr)
        return 1
    except Refused as exc:
        print(f"{t('cli.error', lang)} : {sentences.refusal(exc, sentences.names_in(store.graph()), lang)}",
              file=sys.stderr)
        return 1
    except StoreUnavailable as exc:
        print(f"{t('cli.error', lang)} : {sentences.unavailable(exc, lang)}", file=sys.stderr)
        return 1
    except (MappingError, TableError) as exc:
        for problem in getattr(exc, "problems", None) or [exc.problem]:
            print(f"{t('cli.error', lang)} {sentences.place(problem)} : {sentences.problem(problem, lang)}",
                  file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"{t('cli.error', lang)} : {exc}", file=sys.stderr)
        return 2
