"""Vue d'ensemble: the network at a glance."""
from __future__ import annotations

from collections import Counter

import pandas as pd
import streamlit as st

from graph.analytics.partners import org_places, territory_pairs
from graph.model import ORGANISATION, PROJECT, TERRITORY
from graph.subgraph import territories_inside

from ui import state
from ui.state import tr


def counts_by(graph, field: str, prefix: str) -> pd.DataFrame:
    values = Counter(d.get(field) or "unknown" for _, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION)
    rows = [(state.word(prefix, v), n) for v, n in values.items()]
    return pd.DataFrame(rows, columns=[field, tr("overview.count")]).sort_values(tr("overview.count"), ascending=False)


def organisations_by_territory(graph, most: int = 15) -> pd.DataFrame:
    held = Counter()
    for node, data in graph.nodes(data=True):
        if data.get("kind") == ORGANISATION:
            held.update(graph.nodes[t].get("name", t) for t in org_places(graph, node))
    rows = held.most_common(most)
    return pd.DataFrame(rows, columns=[tr("overview.territories"), tr("overview.count")])


def pairs_table(graph) -> pd.DataFrame:
    places = {n: org_places(graph, n) for n, d in graph.nodes(data=True) if d.get("kind") == ORGANISATION}

    def held(territory):
        inside = {territory} | territories_inside(graph, territory)
        return sum(1 for p in places.values() if p & inside)

    rows, seen = [], set()
    for here, theres in sorted(territory_pairs(graph).items()):
        for there in sorted(theres):
            if (there, here) in seen:
                continue
            seen.add((here, there))
            a, b = (there, here) if graph.nodes[here].get("side") in ("la-bas", "là-bas") else (here, there)
            rows.append({tr("overview.here"): graph.nodes[a].get("name", a),
                         tr("overview.there"): graph.nodes[b].get("name", b),
                         tr("overview.organisations_both"): f"{held(a)} / {held(b)}"})
    return pd.DataFrame(rows)


def render():
    st.title(tr("app.title"))
    st.caption(tr("app.tagline"))
    data = state.current()
    graph = data.graph
    info = data.description
    st.caption(tr("overview.store", store=info["store"], location=info["location"],
                  modified=info.get("last_modified") or "—"))
    if graph.number_of_nodes() == 0:
        st.info(tr("app.empty"))
        return
    kinds = Counter(d.get("kind") for _, d in graph.nodes(data=True))
    actor = state.actor(data)
    cols = st.columns(4)
    cols[0].metric(tr("overview.organisations"), kinds.get(ORGANISATION, 0))
    cols[1].metric(tr("overview.territories"), kinds.get(TERRITORY, 0))
    cols[2].metric(tr("overview.projects"), kinds.get(PROJECT, 0))
    cols[3].metric(tr("overview.ties"), actor.number_of_edges())
    st.caption(tr("overview.counts", nodes=graph.number_of_nodes(), edges=graph.number_of_edges()))

    left, right = st.columns(2)
    with left:
        st.subheader(tr("overview.by_sphere"))
        st.bar_chart(counts_by(graph, "sphere", "sphere"), x="sphere", y=tr("overview.count"),
                     x_label="", horizontal=True, sort=False)
        st.subheader(tr("overview.by_category"))
        st.bar_chart(counts_by(graph, "category", "category"), x="category", y=tr("overview.count"),
                     x_label="", horizontal=True, sort=False)
    with right:
        st.subheader(tr("overview.by_territory"))
        st.bar_chart(organisations_by_territory(graph), x=tr("overview.territories"), y=tr("overview.count"),
                     x_label="", horizontal=True, sort=False)
        st.subheader(tr("overview.pairs"))
        pairs = pairs_table(graph)
        if pairs.empty:
            st.write(tr("overview.no_pairs"))
        else:
            st.dataframe(pairs, hide_index=True)

    st.subheader(tr("overview.brokers"))
    st.caption(tr("explain.betweenness"))
    rows = sorted(state.metrics(data)["rows"], key=lambda r: -(r["betweenness"] or 0))[:10]
    st.dataframe(pd.DataFrame([{tr("actor.choose"): r["name"],
                                tr("metric.betweenness"): r["betweenness"],
                                tr("metric.degree"): r["degree"],
                                tr("explorer.sphere"): tr(f"sphere.{r['sphere'] or 'unknown'}")} for r in rows]),
                 hide_index=True)


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
