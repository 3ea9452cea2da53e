"""Méthode: every metric in plain words, how partners are scored, and where
the data come from. The weights shown are read from the analytics modules,
so that this page cannot drift from what is computed."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.analytics.actor import TIE_WEIGHTS
from graph.analytics.partners import CLOSENESS, SCORE_WEIGHTS

from interface import sentences
from ui import safe, state
from ui.actor import METRICS
from ui.state import tr


def sources_table(counts: dict) -> pd.DataFrame:
    """What each document brought (overview's `sources`, counted once per version)."""
    titles = state.titles()
    return pd.DataFrame([{tr("method.document"): sentences.source(doc, titles), tr("method.nodes"): n["nodes"],
                          tr("method.ties"): n["ties"]} for doc, n in counts.items()])


def render():
    st.title(tr("nav.method"))
    st.header(tr("method.metrics"), anchor=False)
    st.write(tr("method.metrics_intro"))
    safe.table(pd.DataFrame([{tr("method.tie"): tr(f"tie.{k}"), tr("method.weight"): w}
                               for k, w in TIE_WEIGHTS.items()]), hide_index=True)
    st.caption(tr("method.large"))
    for metric in (*METRICS, "community", "articulation_point"):
        st.markdown(f"**{tr(f'metric.{metric}')}** — {tr(f'explain.{metric}')}")
    st.caption(tr("method.sampled"))

    st.header(tr("method.partners"), anchor=False)
    alone = f"{SCORE_WEIGHTS['affinity_alone']:g}"
    st.write(tr("method.partners_intro", alone=alone.replace(".", ",") if state.lang() == "fr" else alone))
    safe.table(pd.DataFrame([{tr("method.part"): tr("method.closeness" if k in CLOSENESS else
                                                        "method.activity" if k == "activity" else "method.affinity"),
                                tr("method.criterion"): tr(f"method.score.{k}"), tr("method.points"): w}
                               for k, w in SCORE_WEIGHTS.items()]), hide_index=True,
                 column_config={tr("method.criterion"): st.column_config.TextColumn(width="large")})
    st.write(tr("method.path"))
    st.markdown(f"**{tr('method.suggestions')}**")
    for rule in ("excluded", "evidence", "support", "groups", "thin", "follow_up"):
        st.markdown(f"- {tr(f'method.suggestions.{rule}')}")
    st.caption(tr("method.quality"))

    st.header(tr("method.sources"), anchor=False)
    st.write(tr("method.sources_intro"))
    safe.table(sources_table(state.overview(state.current())["sources"]), hide_index=True)


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
