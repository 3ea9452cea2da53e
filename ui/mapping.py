"""Données, « Correspondance des colonnes »: for a directory whose headers no
reader knows, say what each column holds (a role guessed from its header
and content, shown with sample values), which category each value of the
category column means, and whether the rows are a network's members. The
mapping can be saved under a name for the next export of the same
directory, and downloaded for the command line (--mapping)."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from graph.model import CATEGORIES, ORGANISATION
from graph.names import NameIndex
from interface.workspace import save_mapping, saved_mappings
from loaders.mapping import ROLES, Mapping, header_of, propose, values_of
from loaders.tables import TableError, Upload, read_tables
from ui import access, pick, safe, state
from ui.state import tr

SHEETS = (".csv", ".tsv", ".txt", ".xlsx")


def first_sheet(files):
    """The first sheet with headers of the first spreadsheet uploaded, or None."""
    for upload in files:
        if Path(upload.name).suffix.lower() in SHEETS:
            try:
                tables = read_tables(Upload(upload.name, upload.getvalue()))
            except TableError:
                return None
            return next((t for t in tables if header_of(t)), None)
    return None


def mapping_section(data, files) -> Mapping | None:
    """The mapping the user confirms for the uploaded directory, or None when
    there is no sheet to map."""
    table = first_sheet(files)
    if table is None:
        st.info(tr("mapping.no_sheet"))
        return None
    saved = saved_mappings()
    names = list(saved)
    fitting = [n for n in names if saved[n].fits(table)]
    picked = st.selectbox(tr("mapping.saved"), [""] + names, key="mapping_saved",
                          index=1 + names.index(fitting[0]) if fitting else 0,
                          format_func=lambda n: n or tr("mapping.new"))
    base = saved.get(picked)
    known = NameIndex.from_graph(data.graph)
    columns, _ = propose(table, known, base)
    st.caption(tr("mapping.help"))
    roles = {}
    for column in columns:
        left, right = st.columns([2, 3])
        roles[column.header] = left.selectbox(safe.plain(column.header), ROLES, index=ROLES.index(column.role),
                                              key=f"role:{column.header}", format_func=lambda r: tr(f"role.{r}"))
        why = tr(f"mapping.why.{column.why}") if column.why else ""
        samples = " · ".join(v[:40] for v in column.samples[:4])
        right.caption(safe.plain(f"{samples}  {why}".strip()) or tr("mapping.empty_column"))
    categories = category_choices(table, roles, base)
    networks = state.named(data, ORGANISATION)
    listed = pick.searched(st, tr("mapping.member_of"), networks, "mapping_member_of",
                           keep=[st.session_state.get("mapping_member_of"), base.member_of if base else None])
    listed = list(networks) if listed is None else listed
    member_of = st.selectbox(tr("mapping.member_of"), listed, key="mapping_member_of",
                             index=listed.index(base.member_of) if base and base.member_of in listed else None,
                             format_func=networks.get, placeholder=tr("mapping.not_members"))
    name = st.text_input(tr("mapping.name"), value=(base.name if base else Path(table.file).stem),
                         key="mapping_name")
    mapping = Mapping(roles, categories, member_of or "", name.strip())
    left, right = st.columns(2)
    if left.button(tr("mapping.save"), key="mapping_save", disabled=not name.strip()) and not access.refused("load"):
        save_mapping(mapping)
        st.success(tr("mapping.saved_as", name=mapping.name))
    right.download_button(tr("mapping.download"), mapping.to_toml(), file_name=f"{Path(table.file).stem}.toml",
                          key="mapping_download")
    return mapping


def category_choices(table, roles, base) -> dict:
    """Each value of the category column and the category the user gives
    it (guessed when the words say it; unknown ones left to choose)."""
    header = [h.strip() for h in header_of(table)]
    column = next((h for h, r in roles.items() if r == "category"), None)
    if column is None:
        return {}
    values = list(dict.fromkeys(values_of(table, header.index(column))))
    _, proposed = propose(table, None, Mapping({column: "category"}, base.categories if base else {}))
    st.markdown(f"**{tr('mapping.categories')}**")
    choices = list(CATEGORIES)
    out = {}
    for value in values:
        guess = proposed.get(value)
        picked = st.selectbox(safe.plain(value), choices, index=choices.index(guess) if guess else None,
                              key=f"category:{value}", format_func=lambda c: state.word("category", c),
                              placeholder=tr("mapping.choose"))
        if picked:
            out[value] = picked
    return out
