"""Suivi: every follow-up of a suggested partner (an introduction made, a
suggestion not relevant, already partners, to follow), newest first;
filtered by status, organisation and animator (all in the URL:
?status=…&organisation=…&animator=…); an
introduction made stays here, marked once the two are tied; as CSV."""
from __future__ import annotations

import streamlit as st

from graph.analytics.followups import follow_ups
from graph.model import FOLLOW_UP_STATUSES
from interface import sentences
from ui import access, followup, safe, state, url
from ui.state import tr, word


def render():
    st.title(tr("nav.followups"))
    access.require("see_follow_ups")
    st.caption(tr("follow.intro"))
    data = state.current()
    graph = data.graph
    every = follow_ups(graph)
    if not every:
        st.info(tr("follow.none"))
        return
    name_of = sentences.names_in(graph)
    a, b, c = st.columns(3)
    status = url.choice(a.selectbox, tr("follow.status"), FOLLOW_UP_STATUSES, "status",
                        lambda s: word("status", s), placeholder=tr("explorer.all"))
    orgs = sorted({r[side] for r in every for side in ("org", "partner")}, key=lambda o: name_of(o).casefold())
    org = url.choice(b.selectbox, tr("follow.organisation"), orgs, "organisation", name_of,
                     placeholder=tr("explorer.all"))
    animators = sorted({r["who"] for r in every if r["who"]}, key=str.casefold)
    who = url.choice(c.selectbox, tr("follow.animator"), animators, "animator", placeholder=tr("explorer.all"))
    rows = follow_ups(graph, status=status, org=org, who=who)
    st.caption(tr("follow.count", count=len(rows), total=len(every)))
    if not rows:
        st.info(tr("follow.none_here"))
        return
    table = followup.table(rows, name_of)
    safe.table(table, hide_index=True)
    if access.allowed("export"):
        st.download_button(tr("journal.csv"), safe.csv_bytes(table, state.lang()),
                           file_name="passerelles-suivi.csv", mime="text/csv", key="followups_csv")


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
