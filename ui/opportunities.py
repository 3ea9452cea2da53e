"""Synergies & partenaires: the best pairs not yet tied, with their reasons,
filterable by territory and theme, exportable as CSV."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.analytics.partners import TooManyPairs, org_places, org_themes
from graph.model import TERRITORY, THEME
from graph.subgraph import named, territories_inside
from interface import sentences

from ui import access, followup, pick, safe, state, url
from ui.state import tr

POOL = 500          # pairs ranked before filtering; the filters keep the best of them


def keep(graph, pairs, territory=None, theme=None) -> list:
    """Pairs of which at least one organisation works in `territory` (or a
    territory inside it) and at least one on `theme` (names)."""
    if territory:
        places = named(graph, TERRITORY, [territory])
        places |= {inner for p in places for inner in territories_inside(graph, p)}
        pairs = [p for p in pairs if any(org_places(graph, o) & places for o in p["ids"])]
    if theme:
        topics = named(graph, THEME, [theme])
        pairs = [p for p in pairs if any(org_themes(graph, o) & topics for o in p["ids"])]
    return pairs


def with_reasons(graph, pairs) -> list:
    """The pairs, each with its evidence written out in the session's language."""
    name_of = sentences.names_in(graph)
    return [dict(p, reasons=" ; ".join(sentences.reasons(p["evidence"], name_of, state.lang()))) for p in pairs]


def as_csv(pairs) -> bytes:
    """The table as CSV for the reader's spreadsheet (safe.csv_bytes)."""
    return safe.csv_bytes(rows(pairs), state.lang())


def rows(pairs) -> pd.DataFrame:
    """The pairs as the page shows them: the support in words, the score
    beside it (the number that ranks)."""
    return pd.DataFrame([{tr("opp.first"): p["names"][0], tr("opp.second"): p["names"][1],
                          tr("opp.support"): sentences.support(p["support"], state.lang()),
                          tr("actor.score"): p["score"], tr("actor.reasons"): p["reasons"]} for p in pairs])


def render():
    st.title(tr("nav.opportunities"))
    st.caption(tr("opp.intro"))
    data = state.current()
    a, b, c = st.columns([1, 2, 2])
    top = url.number(a.number_input, tr("opp.top"), "top", 20, 5, 200, step=5)
    places, topics = state.named(data, TERRITORY), state.named(data, THEME)
    territory = pick.element(b, tr("opp.territory"), places, "territory", placeholder=tr("explorer.all"))
    theme = pick.element(c, tr("opp.theme"), topics, "theme", placeholder=tr("explorer.all"))
    try:
        found = state.synergies_if_ready(data, POOL)
    except TooManyPairs:
        st.info(tr("opp.too_big", count=len(state.organisations(data))))
        return
    if found is None:           # a big network: every pair is scored in the background, once per version
        state.waiting(lambda: state.synergies_done(data, POOL), tr("opp.waiting"))
        return
    pairs = with_reasons(data.graph, keep(data.graph, found, territory, theme)[: int(top)])
    if not pairs:
        st.info(tr("opp.none"))
        return
    safe.table(rows(pairs), hide_index=True, column_config={
        tr("actor.score"): st.column_config.NumberColumn(help=tr("actor.score_help")),
        tr("actor.reasons"): st.column_config.TextColumn(width="large")})
    if access.allowed("export"):
        st.download_button(tr("opp.download"), as_csv(pairs), file_name="synergies.csv", mime="text/csv")
    if not access.allowed("follow_up"):
        return

    st.subheader(tr("follow.record"))
    followup.hint()
    by_pair = {"~".join(p["ids"]): p for p in pairs}
    chosen = st.selectbox(tr("follow.which_pair"), list(by_pair), index=None, key="fu_pair",
                          format_func=lambda k: " ↔ ".join(by_pair[k]["names"]), placeholder=tr("edit.choose"))
    if chosen:
        pair = by_pair[chosen]
        if pair.get("follow_up") and access.allowed("see_follow_ups"):
            st.info(followup.said(pair["follow_up"], sentences.names_in(data.graph)))
        followup.form(data, *pair["ids"], chosen)


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
