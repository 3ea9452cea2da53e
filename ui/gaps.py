"""Lacunes: what the network lacks, each kind with why it matters."""
from __future__ import annotations

import streamlit as st

from interface import sentences
from ui import state
from ui.safe import plain
from ui.state import tr

KINDS = ("territory_pairs", "themes", "spheres", "isolated", "met_never_partnered", "single_points_of_failure")
SHOWN = 10
LISTED = 300        # findings written out under "and N more"; a big network has thousands


def render():
    st.title(tr("nav.gaps"))
    st.caption(tr("gaps.intro"))
    data = state.current()
    found = state.gaps(data)
    name_of = sentences.names_in(data.graph)

    def said(findings):
        return "\n".join(f"- {plain(sentences.finding(f, name_of, state.lang()))}" for f in findings)

    for kind in KINDS:
        findings = found.get(kind, [])
        st.subheader(f"{tr(f'gaps.{kind}')} ({len(findings)})")
        st.caption(tr(f"gaps.why.{kind}"))
        if not findings:
            st.write(tr("gaps.none"))
            continue
        st.markdown(said(findings[:SHOWN]))
        if len(findings) > SHOWN:
            with st.expander(tr("gaps.more", count=len(findings) - SHOWN)):
                st.markdown(said(findings[SHOWN:LISTED]))
                if len(findings) > LISTED:
                    st.caption(tr("gaps.cut", count=len(findings) - LISTED))


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
