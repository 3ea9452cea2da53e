"""Lacunes: what the network lacks, each kind with why it matters."""
from __future__ import annotations

import streamlit as st

from ui import state
from ui.safe import plain
from ui.state import tr

KINDS = ("territory_pairs", "themes", "spheres", "isolated", "met_never_partnered", "single_points_of_failure")
SHOWN = 10


def render():
    st.title(tr("nav.gaps"))
    st.caption(tr("gaps.intro"))
    data = state.current()
    found = state.gaps(data)
    for kind in KINDS:
        findings = found.get(kind, [])
        st.subheader(f"{tr(f'gaps.{kind}')} ({len(findings)})")
        st.caption(tr(f"gaps.why.{kind}"))
        if not findings:
            st.write(tr("gaps.none"))
            continue
        st.markdown("\n".join(f"- {plain(f['message'])}" for f in findings[:SHOWN]))
        if len(findings) > SHOWN:
            with st.expander(tr("gaps.more", count=len(findings) - SHOWN)):
                st.markdown("\n".join(f"- {plain(f['message'])}" for f in findings[SHOWN:]))


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
