"""Données: load a file (a validation report first, then the load with a
progress bar), export the graph, choose the store of this session.

An upload lives in this session's memory only (never written to disk) until
the user loads it: other sessions see nothing of it before the store
commits."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from graph.export import FORMATS as EXPORT_FORMATS
from graph.export import SCOPES as EXPORT_SCOPES
from graph.model import EVENT
from graph.store import BatchRejected, StoreUnavailable, configured
from graph.store.neo4j import shown_uri
from interface import sentences
from interface.presentation import for_export
from loaders import FORMATS as LOAD_FORMATS
from loaders import load_paths
from loaders.tables import Upload
from graph.names import NameIndex

from interface.template import participants_workbook, presence_workbook, template_workbook
from ui import access, exporting, pick, safe, state
from ui.mapping import mapping_section
from ui.uploader import uploader
from ui.state import tr

UPLOAD_TYPES = ["csv", "tsv", "txt", "xlsx", "json", "graphml", "gexf", "xml"]


def problems_table(problems) -> pd.DataFrame:
    return pd.DataFrame([{tr("data.file"): Path(p.file).name if p.file else "",
                          tr("data.row"): "" if p.row is None else str(p.row),
                          tr("data.column"): p.column or "",
                          tr("data.message"): sentences.problem(p, state.lang())} for p in problems])


def check(data, files, fmt, event, mapping=None, with_contacts=False):
    """Read the uploaded files and plan the load against the graph, nothing
    written; the result waits in this session for the user's go-ahead.
    `mapping`: the spreadsheets are directories it describes."""
    progress = st.progress(0.0, text=tr("data.step.read"))
    # read from memory, never written to disk (a participants list holds
    # e-mails and phones); the user's file name is kept for the report and sources
    paths = [Upload(upload.name, upload.getvalue()) for upload in files]
    batch = load_paths(paths, fmt, NameIndex.from_graph(data.graph), event or None,
                       progress=lambda f: progress.progress(0.6 * f, text=tr("data.step.read")), mapping=mapping,
                       with_contacts=with_contacts)
    progress.progress(0.6, text=tr("data.step.check"))
    plan = data.store.plan(batch) if not batch.errors else None
    progress.progress(1.0, text=tr("data.step.done"))
    st.session_state["pending"] = {"batch": batch, "version": data.version, "key": data.key,
                                   "files": [upload.name for upload in files],
                                   "counts": plan.counts if plan else None,
                                   "changes": plan.changes if plan else [], "held": plan.held if plan else [],
                                   "errors": list(batch.errors) + (plan.problems if plan else [])}
    if mapping is None and any(p.code == "no_table_found" for p in batch.errors):
        st.session_state["offer_mapping"] = True
        st.rerun()


def report(data):
    pending = st.session_state.get("pending")
    if not pending:
        return
    st.subheader(tr("data.report"))
    batch, errors = pending["batch"], pending["errors"]
    if errors:
        st.error(tr("data.errors", count=len(errors)))
        safe.table(problems_table(errors), hide_index=True)
    else:
        st.info(tr("data.would", **pending["counts"]))
    if batch.warnings:
        with st.expander(tr("data.warnings", count=len(batch.warnings)), expanded=not errors):
            safe.table(problems_table(batch.warnings), hide_index=True)
    if errors:
        return
    accepted = changes_section(data, pending)
    if (pending["key"], pending["version"]) != data.stamp:
        st.warning(tr("data.changed"))
        return
    if st.button(tr("data.load"), type="primary", key="load") and not access.refused("load"):
        batch.accept = accepted
        batch.change = {"kind": "load", "who": access.who(),
                        "note": ", ".join(pending.get("files", []))}
        progress = st.progress(0.1, text=tr("data.step.write"))
        try:
            counts = data.store.apply(batch)
        except BatchRejected as exc:
            progress.empty()
            st.error(tr("data.errors", count=len(exc.problems)))
            safe.table(problems_table(exc.problems), hide_index=True)
            return
        except StoreUnavailable as exc:                 # a full disk, a server gone: nothing was written
            progress.empty()
            st.error(sentences.unavailable(exc, state.lang()))
            return
        progress.progress(1.0, text=tr("data.step.done"))
        del st.session_state["pending"]
        st.session_state["loaded"] = counts
        state.warm(data)            # the pages' analytics for the new data, computed now, not at the next visit
        st.rerun()


def changes_section(data, pending) -> set:
    """The known values the load replaces (before → after), and the names
    and categories another source gave, kept unless the user ticks them.
    Returns the (id, field) ticked."""
    lang, name_of = state.lang(), sentences.names_in(data.graph)
    changes, held = pending["changes"], pending["held"]
    if changes:
        with st.expander(tr("data.changes", count=len(changes))):
            safe.table(pd.DataFrame([{tr("data.element"): name_of(c.id), tr("data.field"): sentences.field(c.field, lang),
                                      tr("data.before"): sentences.value(c.field, c.before, lang),
                                      tr("data.after"): sentences.value(c.field, c.after, lang)} for c in changes]),
                       hide_index=True)
    if not held:
        return set()
    st.warning(tr("data.held", count=len(held)))
    st.caption(tr("data.held_help"))
    safe.table(pd.DataFrame([{tr("data.element"): name_of(c.id), tr("data.field"): sentences.field(c.field, lang),
                              tr("data.kept"): sentences.value(c.field, c.before, lang),
                              tr("data.proposed"): sentences.value(c.field, c.after, lang)} for c in held]),
               hide_index=True)
    ticked = st.multiselect(tr("data.replace"), range(len(held)), key="replace", placeholder=tr("data.replace_none"),
                            format_func=lambda i: sentences.change(held[i], name_of, lang))
    return {(held[i].id, held[i].field) for i in ticked}


def last_loads(data, most: int = 5):
    """The latest loads and who made them (for a role that may see the journal)."""
    if not access.allowed("see_journal"):
        return
    try:
        loads = [e for e in data.store.journal() if e["kind"] == "load"][:most]
    except StoreUnavailable as exc:
        st.error(sentences.unavailable(exc, state.lang()))
        return
    if loads:
        st.subheader(tr("data.last_loads"))
        safe.table(pd.DataFrame([{tr("journal.when"): sentences.moment(e["at"], state.lang()),
                                  tr("journal.who"): e.get("who") or "—", tr("journal.note"): e.get("note") or "",
                                  tr("journal.created"): e.get("counts", {}).get("created", 0),
                                  tr("journal.updated"): e.get("counts", {}).get("updated", 0)} for e in loads]),
                   hide_index=True)


def upload_section(data):
    st.subheader(tr("data.upload"))
    st.caption(tr("data.upload_help"))
    if "loaded" in st.session_state:
        st.success(tr("data.loaded", **st.session_state.pop("loaded")))
    files = uploader(tr("data.files"), UPLOAD_TYPES, key="upload")
    a, b = st.columns(2)
    fmt = a.selectbox(tr("data.format"), LOAD_FORMATS, key="format", format_func=lambda f: tr(f"data.format.{f}"))
    events = state.named(data, EVENT)
    listed = pick.searched(b, tr("data.event"), events, "event", keep=[st.session_state.get("event")])
    event = b.selectbox(tr("data.event"), list(events) if listed is None else listed, index=None, key="event",
                        format_func=events.get, placeholder=tr("explorer.none"))
    new_event = b.text_input(tr("data.new_event"), key="new_event", placeholder=tr("data.new_event_help"))
    event = new_event.strip() or event
    if st.session_state.pop("offer_mapping", False):
        st.session_state["map_columns"] = True          # the sheet was not recognised: the mapping, open
    mapping = None
    if files and st.toggle(tr("data.map_columns"), key="map_columns", help=tr("data.map_columns_help")):
        with st.container(border=True):
            mapping = mapping_section(data, files)
    with_contacts = st.checkbox(tr("data.register_contacts"), value=False, key="register_contacts")
    if st.button(tr("data.check"), disabled=not files, key="check") and not access.refused("load"):
        check(data, files, fmt, event, mapping, with_contacts)
    report(data)
    templates(state.lang())


def templates(lang: str):
    """One template per kind of sheet the loaders read, in the reader's language."""
    st.markdown(f"**{tr('data.templates')}**")
    for column, (key, build) in zip(st.columns(3), (("template", template_workbook),
                                                    ("template_participants", participants_workbook),
                                                    ("template_presence", presence_workbook))):
        # built on the click only (a callable), not at every visit of the page (90 ms for the three)
        column.download_button(tr(f"data.{key}"), lambda build=build: build(lang), file_name=tr(f"data.{key}_file"),
                               key=key, help=tr(f"data.{key}_help"))


def export_section(data):
    st.subheader(tr("data.export"))
    a, b = st.columns(2)
    fmt = a.selectbox(tr("data.export_format"), EXPORT_FORMATS, key="export_format",
                      format_func=lambda f: tr(f"data.export.{f}"))
    scope = b.selectbox(tr("data.export_scope"), EXPORT_SCOPES, key="export_scope",
                        format_func=lambda s: tr(f"data.export_scope.{s}"), help=tr("data.export_scope_help"))
    with_persons = a.checkbox(tr("data.with_persons"), value=False, key="with_persons", disabled=scope != "full")
    with_contacts = access.allowed("export_contacts") and b.checkbox(tr("data.with_contacts"), value=False,
                                                                     key="with_contacts")
    st.caption(tr("data.export_note"))
    if st.button(tr("data.prepare"), key="prepare") and not access.refused("export"):
        with_contacts = with_contacts and not access.refused("export_contacts")
        # CSV carries the data only, to be loaded back or edited in a sheet
        presentation = None if fmt == "csv" else for_export(data.graph, state.lang(), state.metrics(data))
        name, payload = exporting.payload(data.graph, fmt, "passerelles", with_contacts=with_contacts, scope=scope,
                                          with_persons=with_persons, presentation=presentation)
        st.session_state["export"] = (name, payload)
    if "export" in st.session_state:
        name, payload = st.session_state["export"]
        st.download_button(tr("data.download", name=name), payload, file_name=name, key="download")


def erase_section(data):
    """Erase a person on request (the right to erasure): found by their exact
    name or id (people are not listed here), then erased with every trace,
    in the graph, the follow-ups and the journal, once confirmed."""
    from graph.analytics import Refused
    from graph.edits import find_element
    from graph.model import PERSON
    st.subheader(tr("erase.title"))
    if "erased" in st.session_state:
        st.success(st.session_state.pop("erased"))
    st.caption(tr("erase.intro"))
    typed = st.text_input(tr("erase.who"), key="erase_who", placeholder=tr("erase.who_help"))
    if not typed.strip():
        return
    try:
        person = find_element(data.graph, typed.strip(), PERSON)
    except Refused as exc:
        st.error(sentences.refusal(exc, sentences.names_in(data.graph), state.lang()))
        return
    attrs = data.graph.nodes[person]
    name_of = sentences.names_in(data.graph)
    orgs = sorted({name_of(v) for _, v in data.graph.out_edges(person)
                   if data.graph.nodes[v].get("kind") == "Organisation"})
    st.write(tr("erase.found", name=attrs.get("name", person), ties=data.graph.degree(person),
                orgs=", ".join(orgs) or "—"))
    confirmed = st.checkbox(tr("erase.confirm", name=attrs.get("name", person)), key=f"erase_ok:{person}")
    if st.button(tr("erase.button"), key="erase", type="primary", disabled=not confirmed) and not access.refused("erase"):
        try:
            done = data.store.erase_person(person, access.who())
        except StoreUnavailable as exc:
            st.error(sentences.unavailable(exc, state.lang()))
            return
        state.warm_after_run()
        st.session_state.pop("erase_who", None)
        st.session_state["erased"] = tr("erase.done", removed=done["removed"], mentions=done["mentions"])
        st.rerun()


def store_section(data):
    """Which store this session uses. The server's configured Neo4j is shown
    by its address only: its password never reaches the page. Another Neo4j
    can be typed in, with its own user and password, only by someone on the
    machine itself (state.custom_allowed)."""
    st.subheader(tr("data.store"))
    if data is not None:
        info = data.description
        st.caption(tr("data.current", store=state.store_word(info["store"]), location=info["location"]))
    choice = state.settings()
    server = configured()
    options = ["embedded"] + (["configured"] if server["kind"] == "neo4j" else [])
    options += ["custom"] if state.custom_allowed() else []
    current = "embedded" if choice["kind"] == "embedded" else choice.get("source", "configured")
    picked = st.radio(tr("data.store_kind"), options, index=options.index(current) if current in options else 0,
                      key="store_kind", format_func=lambda k: tr(f"data.store.{k}", location=shown_uri(server["uri"])),
                      horizontal=True)
    test = use = False
    if picked == "custom":
        with st.form("neo4j"):
            a, b = st.columns(2)
            typed = choice if choice.get("source") == "custom" else {}
            uri = a.text_input(tr("data.uri"), typed.get("uri", ""), placeholder="bolt://127.0.0.1:7687", key="neo4j_uri")
            database = b.text_input(tr("data.database"), typed.get("database", "neo4j"), key="neo4j_database")
            user = a.text_input(tr("data.user"), typed.get("user", "neo4j"), key="neo4j_user")
            password = b.text_input(tr("data.password"), "", type="password", key="neo4j_password")
            test = st.form_submit_button(tr("data.test"))
            use = st.form_submit_button(tr("data.use"), type="primary")
        wanted = {"kind": "neo4j", "source": "custom", "uri": uri.strip(), "user": user, "password": password,
                  "database": database or "neo4j"}
    else:
        wanted = dict(state.CONFIGURED) if picked == "configured" else {"kind": "embedded"}
        if wanted != choice:
            use = st.button(tr("data.use"), type="primary", key="use_store")
    if (test or use) and not access.refused("store"):
        try:
            store = state.open_store(wanted)
            st.success(tr("data.ok", location=store.describe()["location"]))
        except StoreUnavailable as exc:
            st.error(sentences.unavailable(exc, state.lang()))
            return
        if use:
            st.session_state["store_settings"] = wanted
            st.session_state.pop("pending", None)
            st.rerun()


def render():
    st.title(tr("nav.data"))
    data = state.reach()
    if isinstance(data, StoreUnavailable):       # the store choice still shows: the way back
        st.error(tr("app.store_error", error=sentences.unavailable(data, state.lang())))
        store_section(None)
        return
    if access.allowed("load"):              # and each action checks again when it runs
        upload_section(data)
    else:
        st.info(access.refusal("load"))
    last_loads(data)
    for action, section in (("export", export_section), ("erase", erase_section), ("store", store_section)):
        if access.allowed(action):
            st.divider()
            section(data)


if __name__ == "__main__":      # run by st.navigation (app.py)
    render()
