"""What the Explorer draws: the filtered graph, its focus, its colours and
sizes, its aggregated form when too big, and the self-contained HTML of the
interactive drawing. Pure functions of a graph (no Streamlit here).

The drawing is pyvis's model (nodes, edges, options) rendered with our own
template, which inlines the vis-network script bundled with pyvis: no CDN,
no Bootstrap, nothing fetched, so it works offline. Names are data, never
markup: they reach the page through JSON (`tojson` escapes <, > and &) and
vis-network draws labels on a canvas and puts tooltips in `innerText`.
"""
from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import quote

import igraph as ig
import jinja2
from markupsafe import Markup
import networkx as nx
import numpy as np
import pyvis
from pyvis.network import Network

from graph import settings
from graph.analytics.fast import igraph_seeded
from graph.model import ORGANISATION, PERSON, PLACING, SYMMETRIC_RELATIONS, TERRITORY, TIES, relation
from graph.subgraph import induced, selected
from interface.presentation import (KIND_STYLE, OTHER_COLOUR, PALETTE, SPHERE_COLOURS,  # noqa: F401 (nv.X)
                                    node_colours, sizes)
from ui.routes import PAGES

# Above this many nodes, groups are drawn instead of nodes.
AGGREGATE_FROM = settings.value("aggregate_from")
EXPAND_MOST = settings.value("expand_most")

_VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
_TEMPLATES = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                                autoescape=True)

PATH_COLOUR = "#d62728"          # the path between two chosen organisations
FOCUS_GROWTH = 8                 # the focused node is drawn this much larger (pixels)

def filtered(graph, kinds=None, categories=None, spheres=None, territory=None, theme=None,
             relations=None) -> nx.MultiDiGraph:
    """The part of the graph the filters keep. Categories and spheres apply
    to organisations; relations to ties."""
    keep = selected(graph, kinds=kinds, territories=[territory] if territory else None,
                    themes=[theme] if theme else None)
    if categories or spheres:
        keep = {n for n in keep if graph.nodes[n].get("kind") != ORGANISATION or not (
            (categories and graph.nodes[n].get("category") not in categories)
            or (spheres and graph.nodes[n].get("sphere", "unknown") not in spheres))}
    return induced(graph, keep, relations or TIES)        # records (follow-ups) are not ties: never drawn


def neighbourhood(graph, centre, radius: int) -> nx.MultiDiGraph:
    """Everything within `radius` steps of `centre`, ties in either direction."""
    if centre not in graph:
        return induced(graph, set())
    near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=radius)
    return induced(graph, set(near))


def ring(pool, view, most: int = EXPAND_MOST) -> nx.MultiDiGraph:
    """The elements of `pool` one step outside `view` (those tied to most
    drawn elements first, at most `most`) with their ties to the view and
    among themselves: what the drawing can unfold from a node without
    asking the server.

    >>> pool = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("b", "e"), ("a", "e")])
    >>> sorted(ring(pool, pool.subgraph(["a", "b"])).edges()), sorted(ring(pool, pool.subgraph(["a", "b"]), 1))
    ([('a', 'e'), ('b', 'c'), ('b', 'e')], ['a', 'b', 'e'])
    """
    ties = Counter(m for n in view for m in set(nx.all_neighbors(pool, n)) if m not in view)
    chosen = {m for m, _ in sorted(ties.items(), key=lambda kv: (-kv[1], str(kv[0])))[:most]}
    out = induced(pool, set(view) | chosen)
    out.remove_edges_from([(u, v, k) for u, v, k in out.edges(keys=True) if u not in chosen and v not in chosen])
    return out


def home_territory(graph, node) -> str | None:
    """The territory an organisation is based in (else active in), by name."""
    for rel in PLACING:
        places = sorted(graph.nodes[t].get("name", t) for _, t, k in graph.out_edges(node, keys=True)
                        if relation(k) == rel and graph.nodes[t].get("kind") == TERRITORY)
        if places:
            return places[0]
    return None


def groups(graph, colour_by: str, communities: dict, full=None) -> dict:
    """node -> its group's name under `colour_by` ("sphere", "community",
    "territory"). Nodes that are not organisations are grouped by kind.
    `full` (the whole graph) is where territories are looked up."""
    full = full if full is not None else graph
    out = {}
    for node, data in graph.nodes(data=True):
        kind = data.get("kind")
        if kind != ORGANISATION:
            out[node] = kind or "?"
        elif colour_by == "community":
            c = communities.get(node)
            out[node] = f"#{c + 1}" if c is not None else "?"
        elif colour_by == "territory":
            out[node] = home_territory(full, node) or "—"
        else:
            out[node] = data.get("sphere", "unknown")
    return out


def colours(graph, colour_by: str, group_of: dict, most: int = len(PALETTE)) -> dict:
    """group name -> colour, for the organisations' groups (the legend).
    Spheres have fixed colours; communities and territories take the palette
    in order of size, the smallest beyond it sharing OTHER_COLOUR."""
    org_groups = Counter(group_of[n] for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION)
    if colour_by == "sphere":
        return {g: SPHERE_COLOURS.get(g, OTHER_COLOUR) for g in sorted(org_groups)}
    ranked = [g for g, _ in sorted(org_groups.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {g: PALETTE[i] if i < most else OTHER_COLOUR for i, g in enumerate(ranked)}


def path_ties(actor, path: list) -> tuple[set, set]:
    """What to draw of a path between organisations in the actor graph:
    (the elements on it, the ties along it as (a, b) pairs of the full
    graph). Two organisations tied only through a project, a network or an
    event are joined through it (their first such reason).

    >>> a = nx.Graph()
    >>> a.add_edge("org:a", "org:b", reasons=[("PARTNER_OF", None)])
    >>> a.add_edge("org:b", "org:c", reasons=[("co_project", "prj:p")])
    >>> elements, ties = path_ties(a, ["org:a", "org:b", "org:c"])
    >>> sorted(elements), sorted(ties)
    (['org:a', 'org:b', 'org:c', 'prj:p'], [('org:a', 'org:b'), ('org:b', 'prj:p'), ('prj:p', 'org:c')])
    """
    elements, ties = set(path), set()
    for a, b in zip(path, path[1:]):
        reasons = actor.edges[a, b].get("reasons", [])
        if any(group is None for _, group in reasons) or not reasons:
            ties.add((a, b))
        else:
            group = next(g for _, g in reasons if g is not None)
            elements.add(group)
            ties |= {(a, group), (group, b)}
    return elements, ties


def aggregate(graph, group_of: dict) -> nx.Graph:
    """One node per group (with `count`), one tie per pair of groups with
    ties between them (with `count`)."""
    agg = nx.Graph()
    for group, count in Counter(group_of[n] for n in graph).items():
        agg.add_node(group, count=count)
    for u, v in graph.edges():
        a, b = group_of[u], group_of[v]
        if a != b:
            if agg.has_edge(a, b):
                agg[a][b]["count"] += 1
            else:
                agg.add_edge(a, b, count=1)
    return agg


def strongest(agg: nx.Graph, most: int = 3) -> nx.Graph:
    """The ties between groups worth drawing: each group's `most` heaviest
    (by count; all of them beyond would make a hairball of a few hundred
    groups); a tie stays when it is among the heaviest of either end.

    >>> agg = nx.Graph([("a", "b", {"count": 5}), ("a", "c", {"count": 1}), ("b", "c", {"count": 2})])
    >>> sorted(strongest(agg, 1).edges())
    [('a', 'b'), ('b', 'c')]
    """
    keep = set()
    for group in agg:
        ties = sorted(agg[group].items(), key=lambda kv: (-kv[1]["count"], str(kv[0])))[:most]
        keep.update(frozenset((group, other)) for other, _ in ties)
    out = nx.Graph()
    out.add_nodes_from(agg.nodes(data=True))
    out.add_edges_from((a, b, d) for a, b, d in agg.edges(data=True) if frozenset((a, b)) in keep)
    return out


PIXELS_PER_UNIT = 45.0          # igraph's Fruchterman-Reingold puts linked nodes about one unit apart


def layout(graph, seed: int = 0, previous: dict | None = None, size_of: dict | None = None) -> dict:
    """Positions in pixels: igraph's Fruchterman-Reingold from seeded
    starting points, so that the same view always looks the same (networkx's
    spring layout took 8.6 s on 1,500 organisations, igraph well under a
    second). `previous` (node -> position: the view drawn before) keeps the
    drawing stable from click to click: a node seen there stays where it
    was, and a new one starts beside the known nodes it is tied to.
    `size_of` (node -> drawn radius, pixels): nodes are then moved apart
    until none covers another (spread)."""
    nodes = list(graph)
    if not nodes:
        return {}
    previous = {n: p for n, p in (previous or {}).items() if n in graph}
    if len(previous) == len(nodes):             # nothing new (a smaller radius, an edit): nothing moves
        return {n: tuple(previous[n]) for n in nodes}
    index = {n: i for i, n in enumerate(nodes)}
    pairs = {tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}
    g = ig.Graph(n=len(nodes), edges=sorted(pairs))
    rng = np.random.default_rng(seed)
    start = rng.uniform(-1, 1, (len(nodes), 2))
    options = {"niter": 300}
    if previous:
        known = np.array([previous[n] for n in nodes if n in previous], dtype=float) / PIXELS_PER_UNIT
        low, high = known.min(axis=0) - len(nodes) ** 0.5, known.max(axis=0) + len(nodes) ** 0.5
        start = low + (high - low) * rng.uniform(0, 1, (len(nodes), 2))
        for n in nodes:
            if n in previous:
                start[index[n]] = np.asarray(previous[n], dtype=float) / PIXELS_PER_UNIT
        for n in nodes:             # a new node starts beside its known neighbours
            near = [start[index[m]] for m in nx.all_neighbors(graph, n) if m in previous]
            if n not in previous and near:
                start[index[n]] = np.mean(near, axis=0) + rng.normal(0, 0.3, 2)
        # the known nodes are held where they were (bounds equal to their
        # position); the new ones move within the drawing's reach
        bound = {axis: [float(start[index[n], a]) if n in previous else edge for n in nodes]
                 for axis, a, edge in (("minx", 0, low[0]), ("maxx", 0, high[0]), ("miny", 1, low[1]),
                                       ("maxy", 1, high[1]))}
        options = dict(bound, niter=100)
    with igraph_seeded(seed):      # the algorithm draws too
        coords = np.asarray(g.layout_fruchterman_reingold(seed=start.tolist(), **options).coords)
    if not previous:
        coords -= coords.mean(axis=0)
    coords *= PIXELS_PER_UNIT
    for n in previous:
        coords[index[n]] = previous[n]
    if size_of:
        coords = spread(coords, np.array([size_of.get(n, 12) for n in nodes], dtype=float),
                        np.array([n in previous for n in nodes]))
    return {n: (float(x), float(y)) for n, (x, y) in zip(nodes, coords)}


def spread(coords, radius, fixed, margin: float = 4.0, rounds: int = 60):
    """Nodes moved apart until no disc covers another (`radius` per node,
    pixels): each overlapping pair is pushed apart along the line between
    them, half each, or all of it by the one that is not `fixed` (two fixed
    nodes never move: the drawing before, already spread, holds them). Force
    layouts place nodes as points; drawn as discs of 10 to 40 pixels, a
    dense group becomes one blot. (The idea of Gephi's Noverlap.)"""
    from scipy.spatial import cKDTree
    coords = np.array(coords, dtype=float)
    reach = 2 * radius.max() + margin
    rng = np.random.default_rng(0)
    for _ in range(rounds):
        pairs = cKDTree(coords).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = coords[j] - coords[i]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        overlap = radius[i] + radius[j] + margin - dist
        keep = overlap > 0.01
        if not keep.any():
            break
        i, j, delta, dist, overlap = i[keep], j[keep], delta[keep], dist[keep], overlap[keep]
        same = dist < 1e-9                      # two nodes on one point: any direction
        delta[same] = rng.normal(size=(int(same.sum()), 2))
        dist[same] = np.hypot(delta[same, 0], delta[same, 1])
        unit = delta / dist[:, None]
        # who moves: half each, or the whole way for the free one
        share_i = np.where(fixed[i], 0.0, np.where(fixed[j], 1.0, 0.5))
        share_j = np.where(fixed[j], 0.0, np.where(fixed[i], 1.0, 0.5))
        move = np.zeros_like(coords)
        np.add.at(move, i, -unit * (overlap * share_i)[:, None])
        np.add.at(move, j, unit * (overlap * share_j)[:, None])
        coords += move * 0.5            # damped: a node pushed by several at once does not overshoot
    return coords


# kind -> (page, its parameter, the link's words): where a click on a node leads
PAGE_OF = {ORGANISATION: ("actor", "org", "explorer.open_page"),
           TERRITORY: ("territories", "place", "explorer.open_territory")}


def tooltip(data: dict, words) -> str:
    """The hover text of a node: plain text (vis-network shows it as text)."""
    lines = [str(data.get("name", "")), words(f"kind.{data.get('kind')}")]
    if data.get("kind") == ORGANISATION:
        lines.append(" · ".join(x for x in (words(f"category.{data.get('category')}") if data.get("category")
                                            else "", words(f"sphere.{data.get('sphere', 'unknown')}")) if x))
    return "\n".join(x for x in lines if x)


def network_html(graph, colour_of: dict, size_of: dict, words, positions: dict | None = None,
                 height: int = 640, highlight=None, legend: list | None = None, image: str | None = None,
                 path: set | None = None, reserve=None) -> str:
    """The self-contained HTML page of the interactive drawing. `words(key)`
    translates the vocabulary; `positions` (from layout) switches physics
    off; `highlight` is a node drawn larger with a border; with `image` (a
    file name), buttons download the view as PNG and SVG with `legend`
    ((colour, label, symbol) entries) beside it; `path`, (a, b) pairs of
    ties drawn thick and red (path_ties); `reserve` (ring), elements and
    ties sent hidden, that « Déplier ses voisins » shows around a node
    (`colour_of` and `size_of` cover them too)."""
    along = {frozenset(pair) for pair in path or ()}
    net = Network(height=f"{height}px", width="100%", directed=True)
    spare = [n for n in reserve or () if n not in graph]
    drawn_colour = {**(node_colours(reserve, colour_of) if spare else {}), **node_colours(graph, colour_of)}
    for node, data in [*graph.nodes(data=True), *((n, reserve.nodes[n]) for n in spare)]:
        kind = data.get("kind")
        shape = "dot" if kind == ORGANISATION else KIND_STYLE.get(kind, ("dot", ""))[0]
        colour = drawn_colour[node]
        options = {"label": str(data.get("name", node)), "title": tooltip(data, words), "shape": shape,
                   "color": colour, "size": round(size_of.get(node, 12), 1)}
        if kind == PERSON:
            options["size"] = 6
        if any(node in pair for pair in along):
            options.update(borderWidth=3, color={"background": colour, "border": PATH_COLOUR}, priority=1)
        if node == highlight:
            options.update(borderWidth=4, size=options["size"] + FOCUS_GROWTH, font={"size": 18, "bold": True},
                           priority=2)
        if positions and node in positions:
            options.update(x=positions[node][0], y=positions[node][1], physics=False)
        if node not in graph:
            options.update(hidden=True, physics=False)
        page = PAGE_OF.get(kind)
        if page:            # the click panel's link, relative to the app's page (ui/templates/network.html)
            options.update(href=f"{PAGES[page[0]]}?{page[1]}={quote(str(node), safe='')}", opens=words(page[2]))
        net.add_node(str(node), **options)
    ties = [*graph.edges(keys=True, data=True), *(reserve.edges(keys=True, data=True) if spare else ())]
    for source, target, key, data in ties:
        rel = relation(key)
        label = data.get("label") if rel == "RELATED_TO" else None
        on_path = frozenset((source, target)) in along
        extra = {"hidden": True} if source not in graph or target not in graph else {}
        net.add_edge(str(source), str(target), title=label or words(f"relation.{rel}"),
                     color=PATH_COLOUR if on_path else "#9aa5b1", width=4 if on_path else 2 if rel == "PARTNER_OF" else 1,
                     arrows="" if rel in SYMMETRIC_RELATIONS else "to", **extra)
    return _render(net, physics=not positions, texts=dict(_image_texts(words, image), close=words("explorer.close"),
                                                            find=words("explorer.find"), expand=words("explorer.expand")),
                   legend=legend)


def _image_texts(words, image: str | None) -> dict:
    return {"image": image, "png": words("explorer.png"), "svg": words("explorer.svg")} if image else {}


def aggregate_html(agg: nx.Graph, colour_of: dict, label_of, height: int = 640, words=None,
                   legend: list | None = None, image: str | None = None) -> str:
    """The drawing of the aggregated view: groups as nodes sized by count;
    `label_of(group)` gives a group's name in words (`image`, `legend`: as
    network_html)."""
    # directed for pyvis (its undirected add_edge looks for the reverse tie among all: quadratic), drawn without arrows
    net = Network(height=f"{height}px", width="100%", directed=True)
    top = max((d["count"] for _, d in agg.nodes(data=True)), default=1)
    size_of = {g: round(12 + 48 * (d["count"] / top) ** 0.5, 1) for g, d in agg.nodes(data=True)}
    positions = layout(agg, size_of=size_of)     # laid out as discs: the big groups side by side, not piled
    for group, data in agg.nodes(data=True):
        shape, colour = KIND_STYLE.get(group, ("dot", colour_of.get(group, OTHER_COLOUR)))
        name = label_of(group)
        net.add_node(str(group), label=f"{name} ({data['count']})", title=f"{name}: {data['count']}",
                     shape=shape, color=colour, size=size_of[group], x=positions[group][0], y=positions[group][1],
                     physics=False)
    top_tie = max((d["count"] for *_, d in agg.edges(data=True)), default=1)
    for a, b, data in agg.edges(data=True):
        net.add_edge(str(a), str(b), title=str(data["count"]), color="#9aa5b1",
                     width=round(1 + 7 * data["count"] / top_tie, 1), arrows="")
    return _render(net, physics=False, texts=_image_texts(words, image) if words else {}, legend=legend)


def _render(net: Network, physics: bool, texts: dict | None = None, legend: list | None = None) -> str:
    nodes, edges, *_ = net.get_network_data()
    options = {
        "physics": {"enabled": physics, "stabilization": {"iterations": 150},
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 120}},
        "interaction": {"hover": True, "navigationButtons": False, "tooltipDelay": 120},
        # labels stay readable when the whole network is zoomed out to fit
        "nodes": {"font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": True, "min": 14, "max": 28, "drawThreshold": 3}}},
        "edges": {"smooth": False},
    }
    return _TEMPLATES.get_template("network.html").render(
        nodes=nodes, edges=edges, options=options, height=net.height, vis_js=_vis_js(), texts=texts or {},
        legend=[list(map(str, entry)) for entry in legend or []])


@cache
def _vis_js() -> Markup:
    """vis-network's script, read once. It holds no `</script`, so it can
    sit inside a <script> element as it is (checked by a test)."""
    return Markup(_VIS_JS.read_text(encoding="utf-8"))
