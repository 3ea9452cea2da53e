"""Vue d'ensemble: the network at a glance."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.model import ORGANISATION, PROJECT, TERRITORY
from interface import sentences

from ui import safe, state
from ui.state import tr, word

TERRITORIES_SHOWN = 15


def counts_frame(counts: dict, prefix: str, label: str) -> pd.DataFrame:
    """A {value: count} table of the overview, with the interface's words."""
    rows = [(word(prefix, value) if prefix else value, n) for value, n in counts.items()]
    return pd.DataFrame(rows, columns=[label, tr("overview.count")])


def pairs_table(found: dict, name_of) -> pd.DataFrame:
    return pd.DataFrame([{tr("overview.here"): name_of(p["here"]), tr("overview.there"): name_of(p["there"]),
                          tr("overview.organisations_both"): "{} / {}".format(*p["organisations"])}
                         for p in found["territory_pairs"]])


def render():
    st.title(tr("app.title"))
    st.caption(tr("app.tagline"))
    data = state.current()
    graph = data.graph
    info = data.description
    st.caption(tr("overview.store", store=state.store_word(info["store"]), location=info["location"],
                  modified=sentences.moment(info.get("last_modified"), state.lang())))
    if graph.number_of_nodes() == 0:
        st.info(tr("app.empty"))
        return
    found = state.overview(data)
    kinds = found["kinds"]
    name_of = sentences.names_in(graph)
    actor = state.actor(data)
    cols = st.columns(4)
    cols[0].metric(tr("overview.organisations"), kinds.get(ORGANISATION, 0))
    cols[1].metric(tr("overview.territories"), kinds.get(TERRITORY, 0))
    cols[2].metric(tr("overview.projects"), kinds.get(PROJECT, 0))
    cols[3].metric(tr("overview.ties"), actor.number_of_edges())
    st.caption(tr("overview.counts", nodes=found["nodes"], edges=found["edges"]))

    left, right = st.columns(2)
    with left:
        st.subheader(tr("overview.by_sphere"))
        label = tr("explorer.sphere")
        st.bar_chart(counts_frame(found["spheres"], "sphere", label), x=label, y=tr("overview.count"),
                     x_label="", horizontal=True, sort=False)
        st.subheader(tr("overview.by_category"))
        label = tr("explorer.categories")
        st.bar_chart(counts_frame(found["categories"], "category", label), x=label, y=tr("overview.count"),
                     x_label="", horizontal=True, sort=False)
    with right:
        st.subheader(tr("overview.by_territory"))
        label = tr("overview.territories")
        most = dict(list(found["organisations_by_territory"].items())[:TERRITORIES_SHOWN])
        st.bar_chart(counts_frame({name_of(t): n for t, n in most.items()}, None, label), x=label,
                     y=tr("overview.count"), x_label="", horizontal=True, sort=False)
        st.subheader(tr("overview.pairs"))
        pairs = pairs_table(found, name_of)
        if pairs.empty:
            st.write(tr("overview.no_pairs"))
        else:
            safe.table(pairs, hide_index=True)

    st.subheader(tr("overview.brokers"))
    st.caption(tr("explain.betweenness"))
    result = state.metrics_if_ready(data)
    if result is None:          # the rest of the page is shown; this part comes when computed
        state.waiting_for_metrics(data)
        return
    rows = sorted(result["rows"], key=lambda r: -(r["betweenness"] or 0))[:10]
    safe.table(pd.DataFrame([{tr("actor.choose"): r["name"],
                                tr("metric.betweenness"): r["betweenness"],
                                tr("metric.degree"): r["degree"],
                                tr("explorer.sphere"): word("sphere", r["sphere"] or "unknown")} for r in rows]),
                 hide_index=True)


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
