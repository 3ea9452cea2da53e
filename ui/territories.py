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
from interface import maps
from loaders.reference import countries

from ui import safe, state, url
from ui.safe import plain
from ui.state import tr, word

SIDES = {"ici": "overview.here", "la-bas": "overview.there", "là-bas": "overview.there"}
SIDE_COLOURS = (("overview.here", "#e41a1c"), ("overview.there", "#377eb8"), ("ter.side_none", "#999999"))
WORLD = "world"
AREA = (60, 400)            # a dot's area in pixels, one territory to the biggest group
WIDTH, HEIGHT = 680, 520    # fixed, so that names can be placed without overlapping (interface.maps.named)


def side_word(side) -> str:
    return tr(SIDES.get(side, "ter.side_none"))


def dots_frame(dots: list, frame) -> pd.DataFrame:
    labels = {d["id"]: d["name"] if d["count"] == 1 else tr("ter.and_more", name=d["name"], count=d["count"] - 1)
              for d in dots}
    most = max(d["count"] for d in dots)
    # the drawn area grows with the count (the size scale below); a symbol's radius is half its side
    radius = {d["id"]: (AREA[0] + (AREA[1] - AREA[0]) * (d["count"] - 1) / max(most - 1, 1)) ** 0.5 / 2
              for d in dots}
    spots = maps.named(dots, frame, WIDTH, HEIGHT, labels, radius)
    rows = []
    for d in dots:
        spot = spots.get(d["id"])
        rows.append({"id": d["id"], "name": d["name"], "lat": d["lat"], "lon": d["lon"],
                     "side": side_word(d["side"]), "level": word("level", d["level"]) if d["level"] else "—",
                     "count": d["count"], "places": ", ".join(d["members"]), "label": labels[d["id"]],
                     "label_lon": spot[0] if spot else None, "label_lat": spot[1] if spot else None,
                     "position": tr("ter.estimated" if d["estimated"] else "ter.given")})
    return pd.DataFrame(rows, columns=["id", "name", "lat", "lon", "side", "level", "count", "places", "label",
                                       "label_lon", "label_lat", "position"])


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
    rows = [{"lon": by_id[a]["lon"], "lat": by_id[a]["lat"], "lon2": by_id[b]["lon"], "lat2": by_id[b]["lat"],
             "pairs": ", ".join(line["pairs"]), "organisations": line["organisations"]}
            for (a, b), line in joined.items()]
    return pd.DataFrame(rows, columns=["lon", "lat", "lon2", "lat2", "pairs", "organisations"])


def france_layers() -> list:
    """Départements (fine) and régions (bolder) of metropolitan France, with
    their names on hover, for the map framed on France."""
    outlines = maps.france_outlines()
    layers = []
    for level, colour, width in (("departements", "#d3ccbd", 0.5), ("regions", "#8f8672", 1.2)):
        data = alt.Data(values=outlines[level], format=alt.DataFormat(property="features", type="json"))
        layers.append(alt.Chart(data).mark_geoshape(fill=None, stroke=colour, strokeWidth=width, clip=True).encode(
            tooltip=alt.Tooltip("properties.name:N", title=tr(f"ter.outline.{level}"))))
    return layers


def world_map(dots: pd.DataFrame, lines: pd.DataFrame, frame, france: bool = False) -> alt.LayerChart:
    """Country outlines from the bundled Natural Earth file, inline: nothing
    is fetched. The projection fits `frame` (west, south, east, north);
    `france` adds its régions and départements."""
    west, south, east, north = frame
    fit = {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint",
                                                             "coordinates": [[west, south], [east, north]]}}
    sea = alt.Chart(alt.sphere()).mark_geoshape(fill="#eaf1f7", stroke="#c8d3dc", clip=True)
    land = alt.Chart(alt.Data(values=maps.outlines(), format=alt.DataFormat(type="topojson", feature="countries"))
                     ).mark_geoshape(fill="#f6f3ec", stroke="#b8b1a2", strokeWidth=0.6, clip=True).encode(
        tooltip=alt.value(None))
    grid = alt.Chart(alt.graticule(step=[10, 10])).mark_geoshape(stroke="#dde5ec", strokeWidth=0.4, clip=True)
    line = alt.Chart(lines).mark_rule(color="#d95f02", opacity=0.7, clip=True).encode(
        longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q",
        strokeWidth=alt.StrokeWidth("organisations:Q", title=tr("ter.line_legend"),
                                    scale=alt.Scale(range=[1.5, 7], zero=False),
                                    legend=alt.Legend(format="d", tickMinStep=1)),
        tooltip=[alt.Tooltip("pairs:N", title=tr("ter.pairs")),
                 alt.Tooltip("organisations:Q", title=tr("ter.both_sides"))])
    picked = alt.selection_point(name="lieu", fields=["id"], on="click")
    dot = alt.Chart(dots).mark_point(filled=True, opacity=0.9, clip=True).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.Color("side:N", title=tr("ter.side"),
                        scale=alt.Scale(domain=[tr(k) for k, _ in SIDE_COLOURS], range=[c for _, c in SIDE_COLOURS])),
        shape=alt.Shape("position:N", title=tr("ter.position"),
                        scale=alt.Scale(domain=[tr("ter.given"), tr("ter.estimated")], range=["circle", "diamond"]),
                        # one kind of position says nothing: the legend only when some are estimated
                        legend=alt.Legend() if (dots["position"] == tr("ter.estimated")).any() else None),
        size=alt.Size("count:Q", title=tr("ter.count_legend"), scale=alt.Scale(range=list(AREA), domainMin=1),
                      legend=alt.Legend(format="d", values=sorted({1, int(dots["count"].max())}))),
        tooltip=[alt.Tooltip("name:N", title=tr("ter.choose")), alt.Tooltip("places:N", title=tr("ter.places")),
                 alt.Tooltip("level:N", title=tr("ter.level")), alt.Tooltip("side:N", title=tr("ter.side"))],
    ).add_params(picked)
    names = alt.Chart(dots[dots["label_lon"].notna()]).mark_text(fontSize=11, color="#333", clip=True).encode(
        longitude="label_lon:Q", latitude="label_lat:Q", text="label:N")
    inside = france_layers() if france else []
    return alt.layer(sea, land, grid, *inside, line, dot, names).project(type="equalEarth", fit=fit).properties(
        width=WIDTH, height=HEIGHT).configure_legend(orient="bottom", direction="horizontal")


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
    dots = maps.grouped(rows, frame)
    event = st.altair_chart(world_map(dots_frame(dots, frame), lines_frame(graph, dots, rows, strength), frame,
                                      france=zoom == "FR"),
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
    chosen = url.choice(st.selectbox, tr("ter.choose"), ordered, "place", names.get, default=ordered[0])
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
