"""Explorer: the interactive network, filtered, coloured, sized, focused.
Every choice is bound to the URL, so that a view can be shared."""
from __future__ import annotations

import html

import streamlit as st

from graph.export import FORMATS as EXPORT_FORMATS
from graph.model import CATEGORIES, KINDS, ORGANISATION, PERSON, SPHERES, TIES, TERRITORY, THEME
from graph.subgraph import induced
from interface.presentation import for_export

from ui import network_view as nv
from interface import sentences
from ui import access, edit, exporting, pick, state, url
from ui.safe import plain
from ui.routes import link
from ui.state import tr, word

DEFAULT_KINDS = ["Organisation", "Project", "Territory", "Event"]
COLOUR_BY = ("sphere", "community", "territory")
GROUP_TIES = 3          # ties drawn from each group, its heaviest (all of them: a hairball beyond a few dozen groups)
SIZE_BY = ("degree", "weighted_degree", "betweenness", "pagerank", "none")    # the first is the default


def _layout(view, size_of: dict) -> dict:
    """The view's positions, computed on the server (a browser simulating
    thousands of springs freezes) from the session's last drawing, so that
    what was on screen stays where it was; « Redessiner » starts anew."""
    positions = nv.layout(view, previous=st.session_state.get("explorer_positions"), size_of=size_of)
    st.session_state["explorer_positions"] = positions
    return positions


@st.cache_resource(show_spinner=False, max_entries=8)
def _filtered(key, version, kinds, categories, spheres, territory, theme, relations, _graph):
    """The filtered view, shared and read-only: on a big graph, cutting it
    out again at every click would cost seconds."""
    return nv.filtered(_graph, kinds=kinds or None, categories=categories or None, spheres=spheres or None,
                       territory=territory, theme=theme, relations=relations or None)


def controls(data) -> dict:
    """The filters, bound to the URL (ui.url: codes and ids); returns the choices."""
    orgs = state.organisations(data)
    places, topics = state.named(data, TERRITORY), state.named(data, THEME)
    with st.container(border=True):
        a, b, c = st.columns(3)
        kinds = url.choices(a.multiselect, tr("explorer.kinds"), KINDS, "kinds", lambda k: word("kind", k),
                            default=DEFAULT_KINDS, select_all=False)
        categories = url.choices(b.multiselect, tr("explorer.categories"), list(CATEGORIES), "category",
                                 lambda k: word("category", k), placeholder=tr("explorer.all"), select_all=False)
        spheres = url.choices(c.multiselect, tr("explorer.spheres"), SPHERES, "sphere", lambda k: word("sphere", k),
                              placeholder=tr("explorer.all"), select_all=False)
        a, b, c = st.columns(3)
        territory = pick.element(a, tr("explorer.territory"), places, "territory", placeholder=tr("explorer.all"))
        theme = pick.element(b, tr("explorer.theme"), topics, "theme", placeholder=tr("explorer.all"))
        relations = url.choices(c.multiselect, tr("explorer.relations"), list(TIES), "relation",
                                lambda k: word("relation", k), placeholder=tr("explorer.all"), select_all=False)
        a, b, c, d = st.columns([2, 1, 1, 1])
        focus = pick.element(a, tr("explorer.focus"), orgs, "focus", placeholder=tr("explorer.none"))
        radius = url.number(b.slider, tr("explorer.radius"), "radius", 1, 1, 3)
        to = pick.element(a, tr("explorer.path_to"), {o: name for o, name in orgs.items() if o != focus}, "to",
                          placeholder=tr("explorer.none"), help=tr("explorer.path_help"), disabled=focus is None)
        colour_by = url.choice(c.selectbox, tr("explorer.colour"), COLOUR_BY, "colour",
                               lambda k: tr(f"explorer.{k}"), default=COLOUR_BY[0])
        size_by = url.choice(d.selectbox, tr("explorer.size"), SIZE_BY, "size",
                             lambda k: tr("explorer.constant") if k == "none" else tr(f"metric.{k}"),
                             default=SIZE_BY[0])
    return {"kinds": tuple(kinds), "categories": tuple(categories), "spheres": tuple(spheres),
            "territory": territory, "theme": theme, "relations": tuple(relations), "focus": focus,
            "to": to if focus else None, "radius": radius, "colour_by": colour_by, "size_by": size_by, "names": orgs}


def group_label(group, colour_by: str) -> str:
    """A group's name as the reader knows it (network_view.groups gives
    codes): a sphere's or a kind's word, "no territory" for "—"."""
    if group in KINDS:
        return word("kind", group)
    if colour_by == "sphere":
        return word("sphere", group)
    if group == "—":
        return tr("explorer.no_territory")
    return str(group)


def legend_items(colour_of_group: dict, colour_by: str, view) -> list:
    """(colour, label, symbol) for each colour and each shape drawn: the
    legend beside the drawing and in its images."""
    kinds = sorted({d.get("kind") for _, d in view.nodes(data=True)} - {ORGANISATION})
    items = [(colour, group_label(g, colour_by), "●") for g, colour in colour_of_group.items()
             if colour != nv.OTHER_COLOUR or colour_by == "sphere"]
    others = len(colour_of_group) - len(items)
    if others:                      # the groups beyond the palette share one grey: one line for them
        items.append((nv.OTHER_COLOUR, tr("explorer.other_groups", count=others), "●"))
    items += [(nv.KIND_STYLE[k][1], word("kind", k), {"triangle": "▲", "square": "■", "star": "★",
                                                      "diamond": "◆", "hexagon": "⬢"}.get(nv.KIND_STYLE[k][0], "●"))
              for k in kinds if k in nv.KIND_STYLE]
    return items


def legend(items: list):
    # escaped: group names (territories) are data
    body = "".join(f'<div><span style="color:{c}">{s}</span> {html.escape(str(label))}</div>'
                   for c, label, s in items)
    st.markdown(f"**{tr('explorer.legend')}**")
    st.html(f'<div style="font-size:0.9rem;line-height:1.5">{body}</div>')


def render():
    st.title(tr("nav.explorer"))
    data = state.current()
    if data.graph.number_of_nodes() == 0:
        st.info(tr("app.empty"))
        return
    c = controls(data)
    view = pool = _filtered(*data.stamp, c["kinds"], c["categories"], c["spheres"], c["territory"], c["theme"],
                            c["relations"], data.graph)
    path, along = [], set()
    if c["focus"]:
        view = nv.neighbourhood(view, c["focus"], c["radius"])
        if c["to"]:
            from graph.analytics.partners import introduction
            actor = state.actor(data)
            path = introduction(actor, c["focus"], c["to"])
            if path:            # the path, drawn in the view whatever the filters
                elements, along = nv.path_ties(actor, path)
                view = induced(data.graph, set(view) | elements)
    if view.number_of_nodes() == 0:
        st.info(tr("explorer.nothing"))
        return

    def communities(by: str) -> dict:
        """Each organisation's community when grouping `by` them: the metrics
        only where they are used (the groups' drawing of a big network by
        sphere or territory needs none)."""
        return {r["id"]: r["community"] for r in state.metrics(data)["rows"]} if by == "community" else {}

    group_of = nv.groups(view, c["colour_by"], communities(c["colour_by"]), data.graph)
    colour_of_group = nv.colours(view, c["colour_by"], group_of)
    items = legend_items(colour_of_group, c["colour_by"], view)
    image = "passerelles-vue" if access.allowed("export") else None

    if c["focus"]:
        link("actor", tr("explorer.open_actor", name=plain(c["names"][c["focus"]])), org=c["focus"])
        if c["to"] and path:
            st.markdown(plain(tr("explorer.path", path=sentences.path(path, sentences.names_in(data.graph)))))
        elif c["to"]:
            st.info(tr("explorer.no_path", first=plain(c["names"][c["focus"]]), second=plain(c["names"][c["to"]])))
        edit.said()
        edit.panel(data, c["focus"], opens="focus")     # the map is edited where it is looked at
    drawing, side = st.columns([5, 1])
    with drawing:
        # Too many nodes: groups, and a group still too big is split once more
        # (by community, or by territory when the groups are communities)
        splits = [(c["colour_by"], "group", "explorer.open_group"),
                  ("community" if c["colour_by"] != "community" else "territory", "subgroup",
                   "explorer.open_subgroup")]
        for depth, (by, key, words) in enumerate(splits):
            if view.number_of_nodes() <= nv.AGGREGATE_FROM:
                break
            grouped = group_of if depth == 0 else nv.groups(view, by, communities(by), data.graph)
            colours_here = colour_of_group if depth == 0 else nv.colours(view, by, grouped)
            st.info(tr("explorer.aggregated", nodes=view.number_of_nodes(), by=tr(f"explorer.{by}")))
            agg = nv.aggregate(view, grouped)
            ranked = sorted(agg.nodes(data=True), key=lambda g: -g[1]["count"])
            opened = url.choice(st.selectbox, tr(words), [g for g, _ in ranked], key,
                                lambda g, by=by, agg=agg: tr("explorer.group", name=group_label(g, by),
                                                             count=agg.nodes[g]["count"]),
                                placeholder=tr("explorer.none"))
            if opened is None:
                shown_items = items if depth == 0 else legend_items(colours_here, by, view)
                drawn = nv.strongest(agg, GROUP_TIES)
                st.iframe(nv.aggregate_html(drawn, colours_here, lambda g, by=by: group_label(g, by),
                                            words=tr, legend=shown_items, image=image),
                          height=660, alt=tr("explorer.network_alt"))
                st.caption(tr("explorer.shown_groups", nodes=agg.number_of_nodes(), shown=drawn.number_of_edges(),
                              edges=agg.number_of_edges(), most=GROUP_TIES))
                with side:
                    legend(shown_items)
                return
            view = induced(view, {n for n in view if grouped[n] == opened})
        values = {}
        if c["size_by"] != "none":
            values = {r["id"]: r[c["size_by"]] for r in state.metrics(data)["rows"]}
        size_of = nv.sizes(view, values)
        positions = _layout(view, {n: s + (nv.FOCUS_GROWTH if n == c["focus"] else 0) for n, s in size_of.items()})
        node_colour = {n: colour_of_group.get(group_of[n], nv.OTHER_COLOUR) for n in view}
        outside = nv.ring(pool, view) if len(view) < len(pool) else None     # for « Déplier ses voisins »
        spare_colour = {}
        if outside is not None:
            spare = outside.subgraph([n for n in outside if n not in view])
            spare_colour = {n: colour_of_group.get(g, nv.OTHER_COLOUR)
                            for n, g in nv.groups(spare, c["colour_by"], communities(c["colour_by"]), data.graph).items()}
            size_of = {**nv.sizes(outside, values), **size_of}
        st.iframe(nv.network_html(view, {**spare_colour, **node_colour}, size_of, lambda k: tr(k),
                                  positions=positions, highlight=c["focus"], legend=items, image=image, path=along,
                                  reserve=outside),
                  height=660, alt=tr("explorer.network_alt"))
        left, right = st.columns([4, 1])
        left.caption(tr("explorer.shown", nodes=view.number_of_nodes(), edges=view.number_of_edges()))
        right.button(tr("explorer.relayout"), key="explorer_relayout", help=tr("explorer.relayout_help"),
                     on_click=lambda: st.session_state.pop("explorer_positions", None))
        if access.allowed("export"):
            export_view(data, view, node_colour, c["size_by"], positions)
    with side:
        legend(items)


def export_view(data, view, node_colour: dict, size_by: str, positions: dict):
    """The drawn nodes and ties as a file, with the drawing's colours,
    sizes and positions."""
    with st.expander(tr("explorer.export")):
        a, b = st.columns(2)
        fmt = a.selectbox(tr("data.export_format"), EXPORT_FORMATS, key="view_format",
                          format_func=lambda f: tr(f"data.export.{f}"))
        people = any(d.get("kind") == PERSON for _, d in view.nodes(data=True))
        with_persons = b.checkbox(tr("data.with_persons"), value=False, key="view_persons", disabled=not people)
        st.caption(tr("explorer.export_note"))
        if st.button(tr("data.prepare"), key="view_prepare") and not access.refused("export"):
            shown = None if fmt == "csv" else for_export(
                view, state.lang(), state.metrics(data), colours=nv.node_colours(view, node_colour),
                size_by=None if size_by == "none" else size_by,
                # the drawing's y grows downwards, Gephi's upwards
                positions={n: (x, -y) for n, (x, y) in positions.items()})
            st.session_state["view_export"] = exporting.payload(view, fmt, "passerelles-vue", with_persons=with_persons,
                                                                presentation=shown)
        if "view_export" in st.session_state:
            name, payload = st.session_state["view_export"]
            st.download_button(tr("data.download", name=name), payload, file_name=name, key="view_download")


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
