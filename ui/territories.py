"""Territoires: the territories and their ici / là-bas pairs on a map that
needs no tile server (a Vega-Lite projection drawn in the page: sphere,
graticule, dots and lines), and who acts in each territory."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from graph.analytics.partners import territory_pairs
from graph.model import TERRITORY
from graph.subgraph import acting_in

from ui import safe, state, url
from ui.safe import plain
from ui.state import tr, word

SIDES = {"ici": lambda: tr("overview.here"), "la-bas": lambda: tr("overview.there"),
         "là-bas": lambda: tr("overview.there")}
LABELLED_LEVELS = ("zone", "country", "region")


def places_frame(graph) -> pd.DataFrame:
    rows = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") == TERRITORY and data.get("lat") is not None and data.get("lon") is not None:
            rows.append({"id": node, "name": data.get("name", node), "lat": float(data["lat"]),
                         "lon": float(data["lon"]), "side": SIDES.get(data.get("side"), lambda: "—")(),
                         "level": data.get("level") or "—"})
    return pd.DataFrame(rows, columns=["id", "name", "lat", "lon", "side", "level"])


def pairs_frame(graph, places: pd.DataFrame) -> pd.DataFrame:
    where = places.set_index("id")
    rows = []
    for a, others in territory_pairs(graph).items():
        for b in others:
            if a < b and a in where.index and b in where.index:
                rows.append({"from": where.at[a, "name"], "to": where.at[b, "name"],
                             "lon": where.at[a, "lon"], "lat": where.at[a, "lat"],
                             "lon2": where.at[b, "lon"], "lat2": where.at[b, "lat"]})
    return pd.DataFrame(rows, columns=["from", "to", "lon", "lat", "lon2", "lat2"])


def world_map(places: pd.DataFrame, pairs: pd.DataFrame) -> alt.LayerChart:
    """Generated layers only (sphere, graticule): nothing is fetched. The
    projection fits the territories, with a margin, not the whole world."""
    lon, lat = places["lon"], places["lat"]
    pad = 5
    frame = {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": [
        [max(-180, lon.min() - pad), max(-85, lat.min() - pad)], [min(180, lon.max() + pad), min(85, lat.max() + pad)]]}}
    base = alt.Chart(alt.sphere()).mark_geoshape(fill="#eef3f7", stroke="#c8d3dc")
    grid = alt.Chart(alt.graticule(step=[20, 20])).mark_geoshape(stroke="#dde5ec", strokeWidth=0.5)
    lines = alt.Chart(pairs).mark_rule(color="#d95f02", strokeWidth=2, opacity=0.7).encode(
        longitude="lon:Q", latitude="lat:Q", longitude2="lon2:Q", latitude2="lat2:Q",
        tooltip=[alt.Tooltip("from:N", title=tr("overview.here")), alt.Tooltip("to:N", title=tr("overview.there"))])
    dots = alt.Chart(places).mark_circle(size=60, opacity=0.85).encode(
        longitude="lon:Q", latitude="lat:Q",
        color=alt.Color("side:N", title=tr("ter.side"), scale=alt.Scale(scheme="set1")),
        tooltip=[alt.Tooltip("name:N", title=tr("ter.choose")), alt.Tooltip("level:N", title=tr("ter.level")),
                 alt.Tooltip("side:N", title=tr("ter.side"))])
    names = alt.Chart(places[places["level"].isin(LABELLED_LEVELS)]).mark_text(
        align="left", dx=6, dy=-4, fontSize=11, color="#333").encode(longitude="lon:Q", latitude="lat:Q", text="name:N")
    return alt.layer(base, grid, lines, dots, names).project(type="equalEarth", fit=frame).properties(height=520)


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
    places = places_frame(graph)
    if places.empty:
        st.info(tr("ter.unplaced", count=sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == TERRITORY)))
        return
    st.altair_chart(world_map(places, pairs_frame(graph, places)), width="stretch")
    unplaced = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == TERRITORY) - len(places)
    if unplaced:
        st.caption(tr("ter.unplaced", count=unplaced))
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
