"""Territoires: the territories and their ici / là-bas pairs on a map drawn
in the page from bundled outlines (nothing fetched), framed on the world or
one country, close places grouped, and who acts in each territory."""
from __future__ import annotations

from collections import Counter

import altair as alt
import pandas as pd
import streamlit as st

from graph.analytics.partners import territory_pairs
from graph.model import TERRITORY
from graph.subgraph import acting_in
from interface import maps, projection
from loaders.reference import countries

from ui import pick, safe, state, url
from ui.safe import plain
from ui.state import tr, word

SIDES = {"ici": "overview.here", "la-bas": "overview.there", "là-bas": "overview.there"}
SIDE_COLOURS = (("overview.here", "#e41a1c"), ("overview.there", "#377eb8"), ("ter.side_none", "#999999"))
WORLD = "world"
LAND = "#f6f3ec"
AREA = (60, 400)            # a dot's area in pixels, one territory to the biggest group
WIDTH, HEIGHT = 680, 520    # fixed, so that names can be placed without overlapping (interface.maps.named)
ZOOMS = 6                   # dots grouped for the view as framed, then zoomed ×2, ×4... ×32 with the wheel


def side_word(side) -> str:
    return tr(SIDES.get(side, "ter.side_none"))


def dots_frame(dots: list, plane: projection.Plane, most: int | None = None) -> pd.DataFrame:
    """The dots as drawn on `plane`; `most`: the count drawn biggest (the
    size scale's top, the same at every zoom)."""
    labels = {d["id"]: d["name"] if d["count"] == 1 else tr("ter.and_more", name=d["name"], count=d["count"] - 1)
              for d in dots}
    most = max(2, most or max(d["count"] for d in dots))
    # the drawn area grows with the count (the size scale below); a symbol's radius is half its side
    radius = {d["id"]: (AREA[0] + (AREA[1] - AREA[0]) * (d["count"] - 1) / max(most - 1, 1)) ** 0.5 / 2
              for d in dots}
    spots = maps.named(dots, plane, labels, radius)
    rows = []
    for d in dots:
        spot = spots.get(d["id"])
        x, y = projection.equal_earth(d["lon"], d["lat"])
        rows.append({"id": d["id"], "name": d["name"], "lat": d["lat"], "lon": d["lon"], "x": float(x), "y": float(y),
                     "side": side_word(d["side"]), "level": word("level", d["level"]) if d["level"] else "—",
                     "count": d["count"], "places": ", ".join(d["members"]), "label": labels[d["id"]],
                     "label_dx": spot[0] if spot else None, "label_dy": spot[1] if spot else None,
                     "position": tr("ter.estimated" if d["estimated"] else "ter.given")})
    return pd.DataFrame(rows, columns=["id", "name", "lat", "lon", "x", "y", "side", "level", "count", "places",
                                       "label", "label_dx", "label_dy", "position"])


def lines_frame(graph, dots: list, rows: list, strength: dict) -> pd.DataFrame:
    """One line per pair of dots that paired territories join, as thick as
    the organisations acting on both sides (summed over the pairings it
    carries); toward a place outside the frame, the line leaves the frame."""
    dot_of = {r["id"]: dict(r, ids=[r["id"]]) for r in rows}
    dot_of.update({place: d for d in dots for place in d["ids"]})
    joined = {}
    for (a, b), organisations in strength.items():
        if a in dot_of and b in dot_of and dot_of[a] is not dot_of[b]:
            ends = tuple(sorted((dot_of[a]["id"], dot_of[b]["id"])))
            line = joined.setdefault(ends, {"organisations": 0, "pairs": []})
            line["organisations"] += organisations
            line["pairs"].append(f"{graph.nodes[a].get('name', a)} ↔ {graph.nodes[b].get('name', b)}")
    by_id = {d["id"]: d for d in dot_of.values()}
    out = []
    for (a, b), line in joined.items():
        (x, x2), (y, y2) = projection.equal_earth([by_id[a]["lon"], by_id[b]["lon"]],
                                                  [by_id[a]["lat"], by_id[b]["lat"]])
        out.append({"x": x, "y": y, "x2": x2, "y2": y2, "pairs": ", ".join(line["pairs"]),
                    "organisations": line["organisations"]})
    return pd.DataFrame(out, columns=["x", "y", "x2", "y2", "pairs", "organisations"])


def zoomed(graph, rows: list, strength: dict, frame, plane: projection.Plane) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The dots and lines of each zoom (column `zoom`: 0 as framed, then ×2,
    ×4... up to ZOOMS - 1): places grouped closer as the view is zoomed in, names placed
    at that scale. The chart shows the zoom nearest to the wheel's
    (world_map), so that a grouped dot splits as one zooms in on it."""
    dots, lines, most = [], [], None
    for level in range(ZOOMS):
        grouped = maps.grouped(rows, frame, close=maps.CLOSE / 2 ** level)
        most = most or max(d["count"] for d in grouped)         # the biggest dot is at the first zoom
        scaled = projection.Plane(plane.x0, plane.x1, plane.y0, plane.y1, plane.width * 2 ** level,
                                  plane.height * 2 ** level)
        dots.append(dots_frame(grouped, scaled, most).assign(zoom=level))
        lines.append(lines_frame(graph, grouped, rows, strength).assign(zoom=level))
    return pd.concat(dots, ignore_index=True), pd.concat(lines, ignore_index=True)


def outline(kind: str, title: str | None = None, **mark) -> alt.Chart:
    """The outlines of `kind` (interface.maps.outline_points) drawn as lines
    in their points' order (filled when `fill` is given), named on hover
    when `title` is."""
    tooltip = [alt.Tooltip("name:N", title=title)] if title else alt.value(None)
    return alt.Chart(pd.DataFrame(maps.outline_points(kind))).mark_line(clip=True, **mark).encode(
        x="x:Q", y="y:Q", detail="ring:N", order="order:Q", tooltip=tooltip)


def france_layers() -> list:
    """Metropolitan France's land from its régions (finer than the world's
    outline, which the map framed on France leaves France out of), its
    départements (fine) and régions (bolder), named on hover."""
    regions = outline("regions", fill=LAND, stroke=None)        # France's land, at its finer coast
    return [regions] + [outline(level, tr(f"ter.outline.{level}"), stroke=colour, strokeWidth=width)
                        for level, colour, width in (("departements", "#d3ccbd", 0.5), ("regions", "#8f8672", 1.2))]


def world_map(dots: pd.DataFrame, lines: pd.DataFrame, plane: projection.Plane, france: bool = False) -> alt.LayerChart:
    """Country outlines from the bundled Natural Earth file, projected here
    and sent with the page: nothing is fetched. The view shows `plane`; the
    mouse wheel zooms, a drag pans, a double click comes back; `france`
    adds its régions and départements."""
    zoom = alt.selection_interval(name="zoom", bind="scales")
    # the zoom of the wheel, 0 to ZOOMS - 1 (×2 per step, the nearest): which grouping of the dots is shown
    at_zoom = (f"datum.zoom == (zoom && zoom.x ? clamp(floor(log({plane.x1 - plane.x0!r} / "
               f"abs(zoom.x[1] - zoom.x[0])) / LN2 + 0.5), 0, {ZOOMS - 1}) : 0)")
    axis = {"axis": None, "title": None}
    sea = outline("sphere", fill="#eaf1f7", stroke="#c8d3dc").encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[plane.x0, plane.x1], nice=False, zero=False), **axis),
        y=alt.Y("y:Q", scale=alt.Scale(domain=[plane.y0, plane.y1], nice=False, zero=False), **axis),
    ).add_params(zoom)
    land = outline("countries-but-france" if france else "countries", fill=LAND, stroke="#b8b1a2", strokeWidth=0.6)
    grid = outline("graticule", stroke="#dde5ec", strokeWidth=0.4)
    line = alt.Chart(lines).transform_filter(at_zoom).mark_rule(color="#d95f02", opacity=0.7, clip=True).encode(
        x="x:Q", y="y:Q", x2="x2:Q", y2="y2:Q",
        strokeWidth=alt.StrokeWidth("organisations:Q", title=tr("ter.line_legend"),
                                    scale=alt.Scale(range=[1.5, 7], zero=False),
                                    legend=alt.Legend(format="d", tickMinStep=1)),
        tooltip=[alt.Tooltip("pairs:N", title=tr("ter.pairs")),
                 alt.Tooltip("organisations:Q", title=tr("ter.both_sides"))])
    picked = alt.selection_point(name="lieu", fields=["id"], on="click")
    dot = alt.Chart(dots).transform_filter(at_zoom).mark_point(filled=True, opacity=0.9, clip=True).encode(
        x="x:Q", y="y:Q",
        color=alt.Color("side:N", title=tr("ter.side"),
                        scale=alt.Scale(domain=[tr(k) for k, _ in SIDE_COLOURS], range=[c for _, c in SIDE_COLOURS])),
        shape=alt.Shape("position:N", title=tr("ter.position"),
                        scale=alt.Scale(domain=[tr("ter.given"), tr("ter.estimated")], range=["circle", "diamond"]),
                        # one kind of position says nothing: the legend only when some are estimated
                        legend=alt.Legend() if (dots["position"] == tr("ter.estimated")).any() else None),
        # one domain for every zoom (the dots shown are filtered): a dot split by the zoom draws smaller
        size=alt.Size("count:Q", title=tr("ter.count_legend"),
                      scale=alt.Scale(range=list(AREA), domain=[1, max(2, int(dots["count"].max()))]),
                      legend=alt.Legend(format="d", values=sorted({1, int(dots["count"].max())}))),
        tooltip=[alt.Tooltip("name:N", title=tr("ter.choose")), alt.Tooltip("places:N", title=tr("ter.places")),
                 alt.Tooltip("level:N", title=tr("ter.level")), alt.Tooltip("side:N", title=tr("ter.side"))],
    ).add_params(picked)
    names = alt.Chart(dots[dots["label_dx"].notna()]).transform_filter(at_zoom).mark_text(
        fontSize=11, color="#333", clip=True, dx=alt.expr("datum.label_dx"), dy=alt.expr("datum.label_dy")).encode(
        x="x:Q", y="y:Q", text="label:N")
    inside = france_layers() if france else []
    # "pad": the drawing keeps its size and the legends go below (fitted, it would shrink under them and
    # squash the map)
    return alt.layer(sea, land, grid, *inside, line, dot, names).properties(
        width=plane.width, height=plane.height, autosize=alt.AutoSizeParams(type="pad", contains="padding")
    ).configure_view(stroke=None).configure_legend(
        orient="bottom", direction="horizontal")


def map_section(graph, rows: list, missing: int, strength: dict):
    """The map, framed on the world or one country, with a click on a dot
    choosing the territory below."""
    reference = countries()
    name_field = "name_fr" if state.lang() == "fr" else "name_en"
    held = Counter(r["country"] for r in rows if r["country"])
    options = [WORLD] + sorted(held, key=lambda c: reference.get(c, {}).get(name_field, c))
    zoom = url.choice(st.selectbox, tr("ter.zoom"), options, "zoom",
                      lambda c: tr("ter.world") if c == WORLD else
                      tr("ter.zoom_country", name=reference.get(c, {}).get(name_field, c), count=held[c]),
                      default=WORLD)
    framed = rows if zoom == WORLD else [r for r in rows if r["country"] == zoom]
    frame = maps.bounds(framed)
    plane = projection.fitted(frame, WIDTH, HEIGHT)
    dots, lines = zoomed(graph, rows, strength, frame, plane)
    event = st.altair_chart(world_map(dots, lines, plane, france=zoom == "FR"),
                            width="content", on_select="rerun", selection_mode="lieu", key="map")
    clicked = [p.get("id") for p in (event.get("selection", {}).get("lieu") or []) if p.get("id")]
    if clicked and clicked != st.session_state.get("_map_clicked"):
        st.query_params["place"] = clicked[0]           # the territory chosen below (ui.url reads it)
    st.session_state["_map_clicked"] = clicked
    st.caption(tr("ter.map_legend"))
    if missing:
        st.caption(tr("ter.unplaced", count=missing))


def actors_there(graph, territory) -> pd.DataFrame:
    rows = []
    for org, how in acting_in(graph, territory).items():
        data = graph.nodes[org]
        ties = [f"{word('relation', rel)} {graph.nodes[place].get('name', place)}" for rel, place in how["ties"]]
        ties += [tr("ter.through_projects", relation=word("relation", rel), count=len(projects))
                 for rel, projects in sorted(how["projects"].items())]
        rows.append({tr("ter.organisations"): data.get("name", org),
                     tr("explorer.sphere"): word("sphere", data.get("sphere", "unknown")),
                     tr("ter.how"): " ; ".join(ties) if state.lang() == "fr" else "; ".join(ties)})
    return pd.DataFrame(rows).sort_values(tr("ter.organisations")) if rows else pd.DataFrame()


def render():
    st.title(tr("nav.territories"))
    st.caption(tr("ter.intro"))
    data = state.current()
    graph = data.graph
    rows, missing, strength = state.map_places(data)
    if not rows:
        st.info(tr("ter.unplaced", count=missing))
        return
    map_section(graph, rows, missing, strength)
    names = {n: d.get("name", n) for n, d in graph.nodes(data=True) if d.get("kind") == TERRITORY}
    if not names:
        return
    ordered = sorted(names, key=lambda n: names[n].casefold())
    chosen = pick.element(st, tr("ter.choose"), {n: names[n] for n in ordered}, "place", default=ordered[0])
    paired = sorted(names.get(p, p) for p in territory_pairs(graph).get(chosen, ()))
    if paired:
        st.markdown(plain(tr("ter.paired", names=", ".join(paired))))
    st.subheader(tr("ter.actors", name=plain(names[chosen])))
    table = actors_there(graph, chosen)
    if table.empty:
        st.write(tr("ter.no_actor"))
    else:
        safe.table(table, hide_index=True)


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
