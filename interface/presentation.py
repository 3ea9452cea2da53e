"""How the network is shown, for the app and the command line alike: the
colours of spheres and kinds, the sizes of nodes, and what an export adds
to the data (graph.export.Presentation) in the user's language."""
from __future__ import annotations

from graph.analytics.metrics import NODE_METRICS
from graph.export import WORDED, Presentation
from graph.model import CATEGORIES, KINDS, ORGANISATION, RELATIONS, SPHERES
from interface import sentences
from interface.i18n import t

SPHERE_COLOURS = {"civil_society": "#1b9e77", "public": "#d95f02", "economic": "#7570b3",
                  "research": "#e7298a", "unknown": "#999999"}
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#86bcb6", "#8cd17d", "#d4a6c8")
OTHER_COLOUR = "#bab0ac"
KIND_STYLE = {              # kind -> (shape, colour) for nodes that are not organisations
    "Territory": ("triangle", "#c9a227"), "Project": ("square", "#5778a4"),
    "Event": ("star", "#e49444"), "Theme": ("diamond", "#85b6b2"),
    "Person": ("dot", "#d1d1d1"), "Resource": ("hexagon", "#b9a89a"),
}
# Attributes an export adds, and their titles
ADDED = ("kind", "sphere", "category", "kind_label", "sphere_label", "category_label", "relation_label",
         "reasons_label", "reasons", "group_only", "relation", "key", "sources")


def sizes(graph, values: dict) -> dict:
    """node -> drawn size, 10 to 40, proportional to `values` (a metric of
    organisations); 12 for everything else."""
    known = [v for v in values.values() if v is not None]
    top = max(known, default=0) or 1
    return {n: 10 + 30 * (values.get(n) or 0) / top if n in values else 12 for n in graph}


def node_colours(graph, organisation_colour: dict) -> dict:
    """node -> its colour as drawn: an organisation its own (by sphere,
    community or territory: `organisation_colour`), the rest their kind's."""
    return {n: organisation_colour.get(n, OTHER_COLOUR) if d.get("kind") == ORGANISATION
            else KIND_STYLE.get(d.get("kind"), ("", OTHER_COLOUR))[1] for n, d in graph.nodes(data=True)}


def default_colours(graph) -> dict:
    """node -> its colour as the explorer shows it by default: organisations
    by sphere, the rest by kind."""
    return node_colours(graph, {n: SPHERE_COLOURS.get(d.get("sphere", "unknown"), OTHER_COLOUR)
                                for n, d in graph.nodes(data=True)})


def for_export(graph, lang: str, metrics: dict | None = None, colours: dict | None = None,
               size_by: str | None = "degree", positions: dict | None = None) -> Presentation:
    """What an export of `graph` (the full graph) carries besides the data:
    `metrics` (graph.analytics.metrics' result) as node attributes, the
    colours (by default the explorer's), sizes by `size_by` (a metric, or
    None), positions when the caller computed them."""
    rows = (metrics or {}).get("rows", [])
    values = {r["id"]: {name: r[name] for name in NODE_METRICS} for r in rows}
    name_of = sentences.names_in(graph)
    titles = {name: t(f"metric.{name}", lang) for name in NODE_METRICS}
    titles.update({name: sentences.field(name, lang) for name in
                   {k for _, d in graph.nodes(data=True) for k in d} | {"name", "kind"}})
    titles.update({name: t(f"export.attribute.{name}", lang) for name in ADDED})
    return Presentation(
        titles=titles,
        words={name: {code: sentences.word(name, code, lang) for code in codes}
               for name, codes in zip(WORDED, (KINDS, SPHERES, CATEGORIES))},
        relations={r: sentences.word("relation", r, lang) for r in RELATIONS},
        tie_reasons=lambda reasons: (" ; " if lang == "fr" else "; ").join(
            sentences.tie_reason(tuple(r), name_of, lang) for r in reasons),
        metrics=values,
        colours=colours if colours is not None else default_colours(graph),
        sizes=sizes(graph, {n: v[size_by] for n, v in values.items()}) if size_by and values else {},
        positions=positions or {},
        description=t("export.description", lang),
    )
