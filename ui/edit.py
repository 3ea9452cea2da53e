"""Editing from the pages (the actor page): an element's fields, its ties,
a new element. Every edit is a batch of graph.edits, written by the store
like a load (the same checks, the journal); a refused edit says why, field
by field, and changes nothing.

A form keeps the element as the user first read it while it is open, so
that a change someone else saved meanwhile is seen (changed_since_read)
instead of being overwritten."""
from __future__ import annotations

import streamlit as st

from graph.edits import add_node, add_tie, edit_state, remove_tie, ties_of
from graph.model import CATEGORIES, EVENT, ORGANISATION, PROJECT, RELATIONS, SPHERES, TERRITORY, THEME, TIES
from graph.analytics import Refused
from graph.store import BatchRejected, StoreUnavailable
from interface import sentences
from ui import access, pick, state
from ui.state import tr, word

EDITABLE_KINDS = (ORGANISATION, TERRITORY, PROJECT, THEME, EVENT)

def write(data, batch, done: str, action: str = "edit") -> bool:
    """Apply an edit's batch, if this session's role allows `action`; say
    what happened. True when written."""
    if access.refused(action):
        return False
    try:
        data.store.apply(batch)
    except BatchRejected as exc:
        for problem in exc.problems:
            field = f"{word('field', problem.column)} : " if problem.column and problem.column != "id" else ""
            st.error(field + sentences.problem(problem, state.lang()))
        if any(p.code == "changed_since_read" for p in exc.problems):
            st.session_state["stale"] = True
        return False
    except StoreUnavailable as exc:
        st.error(sentences.unavailable(exc, state.lang()))
        return False
    st.session_state["edited"] = done
    state.warm_after_run()      # the other pages' analytics for the new version, once this page is shown
    return True

def write_made(data, make, done: str, action: str) -> bool:
    """Build a batch with `make()` and write it; a question the graph
    refuses (graph.analytics.Refused: a merge of an element with itself...)
    is said like a refused write."""
    if access.refused(action):
        return False
    try:
        batch = make()
    except Refused as exc:
        st.error(sentences.refusal(exc, sentences.names_in(data.graph), state.lang()))
        return False
    return write(data, batch, done, action)


def as_first_read(key: str, current, widgets=lambda name: False):
    """What the user first read (kept under `key` while the form is open),
    so that a change someone else saved meanwhile is refused, not
    overwritten. When the store holds something else now: a warning, and
    « Repartir de la version actuelle », which forgets it and the typed
    values (`widgets(name)`: the session keys of the form's fields)."""
    read = st.session_state.setdefault(key, current)
    if st.session_state.pop("stale", False) or read != current:
        st.warning(tr("edit.stale"))
        if st.button(tr("edit.reload"), key=f"reload:{key}"):
            for name in [key, *(k for k in st.session_state if widgets(str(k)))]:
                st.session_state.pop(name, None)
            st.rerun()
    return read


def said():
    """The last edit's confirmation, once, after the page reran."""
    if "edited" in st.session_state:
        st.success(st.session_state.pop("edited"))

def edit_form(data, node_id: str):
    """The element's fields, as first read while the form is open."""
    base_key = f"edit_base:{node_id}"
    read = as_first_read(base_key, dict(data.graph.nodes[node_id]),
                         lambda name: name.startswith("e_") and name.endswith(f":{node_id}"))
    kind = read.get("kind")
    with st.form(key=f"edit:{node_id}"):
        name = st.text_input(tr("field.name"), read.get("name", ""), key=f"e_name:{node_id}")
        acronym = st.text_input(tr("field.acronym"), read.get("acronym", ""), key=f"e_acronym:{node_id}")
        aliases = st.text_area(tr("edit.aliases"), "\n".join(read.get("aliases") or []), key=f"e_aliases:{node_id}",
                               height=80)
        changes = {"name": name.strip(), "acronym": acronym.strip(),
                   "aliases": [a.strip() for a in aliases.splitlines() if a.strip()]}
        if kind == ORGANISATION:
            categories = list(CATEGORIES)
            category = st.selectbox(tr("field.category"), categories, key=f"e_category:{node_id}",
                                    index=categories.index(read["category"]) if read.get("category") in categories
                                    else categories.index("other"), format_func=lambda c: word("category", c))
            spheres = list(SPHERES)
            sphere = st.selectbox(tr("field.sphere"), spheres, key=f"e_sphere:{node_id}",
                                  index=spheres.index(read["sphere"]) if read.get("sphere") in spheres
                                  else spheres.index("unknown"), format_func=lambda s: word("sphere", s))
            if category != read.get("category"):
                changes["category"] = category
            if sphere != read.get("sphere") and category == read.get("category"):
                changes["sphere"] = sphere
        changes["website"] = st.text_input(tr("field.website"), read.get("website", ""),
                                           key=f"e_website:{node_id}").strip()
        changes["description"] = st.text_area(tr("field.description"), read.get("description", ""),
                                              key=f"e_description:{node_id}").strip()
        note = st.text_input(tr("edit.note"), key=f"e_note:{node_id}", placeholder=tr("edit.note_help"))
        saved = st.form_submit_button(tr("edit.save"), type="primary")
    if saved:
        changes = {k: v for k, v in changes.items() if v != (read.get(k) or ("" if k != "aliases" else []))}
        if not changes:
            st.info(tr("edit.nothing"))
            return
        if write(data, edit_state(node_id, kind, read, changes, access.who(), note), tr("edit.saved", name=name)):
            st.session_state.pop(base_key, None)
            st.rerun()

def tie_forms(data, node_id: str):
    """Add a tie from this element; remove one of its ties."""
    graph = data.graph
    kind = graph.nodes[node_id].get("kind")
    relations = [r for r, (sources, _) in RELATIONS.items() if kind in sources and r in TIES]
    targets = state.tie_targets(data)
    # many: searched before the form (a search inside it would wait for the form's button)
    listed = pick.searched(st, tr("edit.target"), targets, f"t_target:{node_id}",
                           keep=[st.session_state.get(f"t_target:{node_id}")])
    listed = [n for n in (targets if listed is None else listed) if n != node_id]
    projects = state.named(data, PROJECT)
    within = pick.searched(st, tr("edit.within_project"), projects, f"t_project:{node_id}",
                           keep=[st.session_state.get(f"t_project:{node_id}")])
    with st.form(key=f"tie:{node_id}"):
        rel = st.selectbox(tr("edit.relation"), relations, key=f"t_rel:{node_id}",
                           format_func=lambda r: word("relation", r))
        target = st.selectbox(tr("edit.target"), listed, index=None, key=f"t_target:{node_id}",
                              format_func=targets.get, placeholder=tr("edit.choose"))
        since, role, project = st.columns(3)
        since = since.text_input(tr("field.since"), key=f"t_since:{node_id}")
        role = role.text_input(tr("field.role"), key=f"t_role:{node_id}")
        project = project.selectbox(tr("edit.within_project"), list(projects) if within is None else within,
                                    index=None, key=f"t_project:{node_id}", format_func=projects.get,
                                    placeholder=tr("edit.optional"))
        note = st.text_input(tr("edit.note"), key=f"t_note:{node_id}", placeholder=tr("edit.note_help"))
        added = st.form_submit_button(tr("edit.add_tie"))
    if added and target:
        name_of = sentences.names_in(graph)
        attributes = {"since": since.strip(), "role": role.strip(), "project": project}
        if write(data, add_tie(node_id, rel, target, attributes, access.who(), note),
                 tr("edit.tie_added", relation=word("relation", rel), name=name_of(target))):
            st.rerun()
    ties = ties_of(graph, node_id)
    if not ties:
        return
    name_of = sentences.names_in(graph)

    def label(i):
        source, rel, target, _, attrs = ties[i]
        other = target if source == node_id else source
        return f"{attrs.get('label') or word('relation', rel)} — {name_of(other)}"
    with st.form(key=f"untie:{node_id}"):
        chosen = st.selectbox(tr("edit.remove_which"), range(len(ties)), index=None, key=f"u_tie:{node_id}",
                              format_func=label, placeholder=tr("edit.choose"))
        note = st.text_input(tr("edit.note"), key=f"u_note:{node_id}", placeholder=tr("edit.note_help"))
        removed = st.form_submit_button(tr("edit.remove_tie"))
    if removed and chosen is not None:
        source, rel, target, discriminator, _ = ties[chosen]
        if write(data, remove_tie(graph, source, rel, target, discriminator, access.who(), note),
                 tr("edit.tie_removed", tie=label(chosen))):
            st.rerun()

def add_form(data, opens: str = "org"):
    """A new element; an organisation opens on its page (the URL parameter
    `opens`: the actor page's org, the explorer's focus)."""
    with st.form(key="add_element"):
        kind = st.selectbox(tr("edit.kind"), EDITABLE_KINDS, key="a_kind", format_func=lambda k: word("kind", k))
        name = st.text_input(tr("field.name"), key="a_name")
        categories = list(CATEGORIES)
        category = st.selectbox(tr("edit.category_if_org"), categories, index=categories.index("other"),
                                key="a_category", format_func=lambda c: word("category", c))
        note = st.text_input(tr("edit.note"), key="a_note", placeholder=tr("edit.note_help"))
        added = st.form_submit_button(tr("edit.add"))
    if added:
        if not name.strip():
            st.error(f"{tr('field.name')} : {tr('edit.name_needed')}")
            return
        batch = add_node(data.graph, kind, name.strip(), {"category": category} if kind == ORGANISATION else {},
                         access.who(), note)
        if write(data, batch, tr("edit.added", name=name.strip())):
            if kind == ORGANISATION:
                st.query_params[opens] = batch.nodes[0].id
            st.rerun()


def panel(data, node_id: str, opens: str = "org"):
    """« Modifier, relier, ajouter » under an element, for a role that may
    edit: its fields, its ties, a new element (`opens`: add_form's)."""
    if not access.allowed("edit"):
        return
    with st.expander(tr("edit.title"), expanded=False):
        left, right = st.columns(2)
        with left:
            st.markdown(f"**{tr('edit.fields')}**")
            edit_form(data, node_id)
        with right:
            st.markdown(f"**{tr('edit.ties')}**")
            tie_forms(data, node_id)
            st.markdown(f"**{tr('edit.new')}**")
            add_form(data, opens=opens)
