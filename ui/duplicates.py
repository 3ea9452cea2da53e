"""Doublons: organisations that may be one, with what suggests it and how
sure it is; the two side by side; merged into the one kept (every tie,
name, source and conflict of the other goes to it: one change of the
journal, undone from the Journal page), or said to be two (the pair is not
proposed again). The pair shown is in the URL (?pair=a~b)."""
from __future__ import annotations

import streamlit as st

from graph.edits import merge_nodes, not_same
from interface import sentences
from ui import access, edit, safe, state, url
from ui.actor import attributes_table
from ui.safe import plain
from ui.state import tr

SEP = "~"


def side(graph, node_id: str):
    """One of the two: what it says of itself, its ties and its sources
    (contacts hidden, as everywhere)."""
    attrs = graph.nodes[node_id]
    st.markdown(f"**{plain(attrs.get('name', node_id))}**  \n`{node_id}`")
    safe.table(attributes_table(attrs, with_contacts=False), hide_index=True)
    ties = graph.degree(node_id)
    st.caption(tr("dup.ties", count=ties))
    for source in (attrs.get("sources") or [])[:5]:
        st.caption(plain(sentences.source(source, state.titles())))
    if len(attrs.get("sources") or []) > 5:
        st.caption(tr("dup.more_sources", count=len(attrs["sources"]) - 5))


def render():
    st.title(tr("nav.duplicates"))
    access.require("see_duplicates")
    st.caption(tr("dup.intro"))
    data = state.current()
    lang = state.lang()
    edit.said()
    found = state.duplicates(data)
    if not found:
        st.info(tr("dup.none"))
        return
    graph = data.graph
    name_of = sentences.names_in(graph)
    by_pair = {SEP.join(f["ids"]): f for f in found}

    def label(pair):
        f = by_pair[pair]
        a, b = f["ids"]
        return f"{round(100 * f['confidence'])} % — {name_of(a)} ≈ {name_of(b)}"
    st.caption(tr("dup.count", count=len(found)))
    pair = url.choice(st.selectbox, tr("dup.choose"), list(by_pair), "pair", label, default=next(iter(by_pair)))
    chosen = by_pair[pair]
    a, b = chosen["ids"]
    st.markdown(f"**{tr('dup.why')}**")
    for item in chosen["evidence"]:
        st.markdown(f"- {plain(sentences.duplicate_evidence(item, lang))}")
    left, right = st.columns(2)
    with left:
        side(graph, a)
    with right:
        side(graph, b)

    read_key = f"dup_read:{pair}"           # both as first read: a change made meanwhile is seen
    read = edit.as_first_read(read_key, {n: dict(graph.nodes[n]) for n in (a, b)})
    keep = st.radio(tr("dup.keep"), [a, b], key=f"dup_keep:{pair}", format_func=lambda n: f"{name_of(n)} ({n})",
                    horizontal=True)
    note = st.text_input(tr("edit.note"), key=f"dup_note:{pair}", placeholder=tr("edit.note_help"))
    other = b if keep == a else a
    merge, distinct = st.columns(2)
    done = None
    if merge.button(tr("dup.merge"), type="primary", key=f"dup_merge:{pair}"):
        done = edit.write_made(data, lambda: merge_nodes(graph, keep, other, access.who(), note, read),
                               tr("dup.merged", kept=name_of(keep), other=name_of(other)), "merge")
    if distinct.button(tr("dup.not_same"), key=f"dup_distinct:{pair}"):
        done = edit.write_made(data, lambda: not_same(graph, a, b, access.who(), note, read),
                               tr("dup.distinct", first=name_of(a), second=name_of(b)), "merge")
    if done:                                 # the pair is settled: on to the next one
        st.session_state.pop(read_key, None)
        if "pair" in st.query_params:
            del st.query_params["pair"]
        st.rerun()
    st.caption(tr("dup.undo_hint"))


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
