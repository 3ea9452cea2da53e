"""Recording what became of a suggested partner (actor page, synergies
page), and reading the follow-ups back. Each record is a batch of
graph.edits.follow_up, written like any edit (the journal, the checks)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from graph.edits import follow_up
from graph.model import FOLLOW_UP_STATUSES
from interface import sentences
from ui import access, edit
from ui.safe import plain
from ui.state import tr, word


def said(record: dict | None, name_of) -> str:
    """« Suivi : mise en relation faite le 1 déc. 2026 par Camille — note »."""
    if not record:
        return ""
    text = tr("follow.said", status=word("status", record["status"]), date=record.get("date") or "—",
              who=record.get("who") or "—", org=name_of(record["org"]))
    return text + (f" — {record['note']}" if record.get("note") else "")


def form(data, org: str, partner: str, key: str):
    """The form under one suggestion: what happened, a note; « déjà
    partenaires » adds the partnership only when confirmed."""
    name_of = sentences.names_in(data.graph)
    with st.form(key=f"fu:{key}", clear_on_submit=True):
        status = st.selectbox(tr("follow.status"), FOLLOW_UP_STATUSES, key=f"fu_status:{key}",
                              format_func=lambda s: word("status", s))
        note = st.text_input(tr("edit.note"), key=f"fu_note:{key}", placeholder=tr("edit.note_help"))
        confirm = st.checkbox(tr("follow.confirm_tie", name=name_of(partner)), key=f"fu_tie:{key}")
        saved = st.form_submit_button(tr("follow.save"))
    if not saved:
        return
    if edit.write_made(data, lambda: follow_up(data.graph, org, partner, status, access.who(), note,
                                               add_partnership=confirm and status == "already_partners"),
                       tr("follow.saved", status=word("status", status), name=name_of(partner)), "follow_up"):
        if status == "already_partners" and not confirm:
            st.session_state["follow_hint"] = tr("follow.tie_not_added")
        st.rerun()


def hint():
    if "follow_hint" in st.session_state:
        st.info(st.session_state.pop("follow_hint"))


def table(rows, name_of) -> pd.DataFrame:
    return pd.DataFrame([{tr("follow.org"): name_of(r["org"]), tr("follow.partner"): name_of(r["partner"]),
                          tr("follow.status"): word("status", r["status"]), tr("follow.date"): r["date"],
                          tr("journal.who"): r["who"] or "—", tr("journal.note"): r["note"],
                          tr("follow.tied"): tr("actor.yes") if r["tied"] else tr("actor.no")} for r in rows])


def listing(rows, name_of):
    """Follow-ups as lines (an organisation's page)."""
    for r in rows:
        line = tr("follow.line", org=name_of(r["org"]), partner=name_of(r["partner"]),
                  status=word("status", r["status"]), date=r["date"] or "—", who=r["who"] or "—")
        if r["note"]:
            line += f" — {r['note']}"
        if r["tied"]:
            line += " " + tr("follow.now_tied")
        st.markdown(f"- {plain(line)}")
