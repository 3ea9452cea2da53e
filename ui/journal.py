"""Journal: every change committed to this instance's graph (loads, edits,
undos, erasures), newest first, who made it and why; filtered by element;
a change undone from here (as a new change); the list as CSV."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.journal import CannotUndo, undone
from graph.store import BatchRejected, StoreUnavailable
from interface import sentences
from ui import access, edit, safe, state, url
from ui.state import tr


def kind_word(item) -> str:
    return tr(f"journal.kind.{item['kind']}")


def rows(entries, reverted, lang) -> pd.DataFrame:
    out = []
    for item in entries:
        counts = item.get("counts", {})
        out.append({tr("journal.when"): sentences.moment(item["at"], lang),
                    tr("journal.what"): kind_word(item),
                    tr("journal.who"): item.get("who") or "—", tr("journal.note"): item.get("note") or "",
                    tr("journal.created"): counts.get("created", 0), tr("journal.updated"): counts.get("updated", 0),
                    tr("journal.removed"): counts.get("removed", 0),
                    tr("journal.undone_by"): reverted.get(item["id"], ""), tr("journal.id"): item["id"]})
    return pd.DataFrame(out)


def render():
    st.title(tr("nav.journal"))
    access.require("see_journal")
    st.caption(tr("journal.intro"))
    data = state.current()
    lang = state.lang()
    edit.said()
    try:
        entries = data.store.journal()
    except StoreUnavailable as exc:
        st.error(sentences.unavailable(exc, lang))
        return
    reverted = undone(entries)
    # the elements changes name in detail (a load too big to undo names its elements in bulk: listing them
    # would send tens of thousands of options to the browser); ?element= still filters on any
    named = {e for item in entries if item.get("undoable") for e in item.get("elements", [])}
    named |= {st.query_params.get("element")} if st.query_params.get("element") else set()
    names = {n: data.graph.nodes[n].get("name", n) if n in data.graph else n for n in named}
    element = url.choice(st.selectbox, tr("journal.element"), sorted(names, key=lambda n: str(names[n]).casefold()),
                         "element", names.get, index=None, placeholder=tr("journal.all"))
    shown = [e for e in entries if element is None or element in e.get("elements", [])]
    if not shown:
        st.info(tr("journal.empty"))
        return
    table = rows(shown, reverted, lang)
    safe.table(table, hide_index=True)
    if access.allowed("export"):
        st.download_button(tr("journal.csv"), safe.csv_bytes(table, lang),
                           file_name="passerelles-journal.csv", mime="text/csv", key="journal_csv")
    if not access.allowed("undo"):
        return
    undoable = [e for e in shown if e.get("undoable") and e["id"] not in reverted and e["kind"] != "erase"]
    if not undoable:
        return
    st.subheader(tr("journal.undo"))
    by_id = {e["id"]: e for e in undoable}
    chosen = st.selectbox(tr("journal.which"), list(by_id), index=None, key="undo_which", placeholder=tr("edit.choose"),
                          format_func=lambda i: f"{sentences.moment(by_id[i]['at'], lang)} — "
                                                f"{kind_word(by_id[i])} — "
                                                f"{by_id[i].get('who') or '—'} ({i})")
    if st.button(tr("journal.undo_button"), key="undo", disabled=chosen is None) and not access.refused("undo"):
        try:
            data.store.undo(chosen, access.who())
        except CannotUndo as exc:
            st.error(sentences.cannot_undo(exc, lang))
            return
        except BatchRejected as exc:
            for problem in exc.problems:
                st.error(sentences.problem(problem, lang))
            return
        except StoreUnavailable as exc:
            st.error(sentences.unavailable(exc, lang))
            return
        state.warm_after_run()
        st.session_state["edited"] = tr("journal.undone", id=chosen)
        st.rerun()


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
