"""Spreadsheets in the Kumu layout: an elements sheet (Label, Type, ...) and a
connections sheet (From, To, Type, ...), as CSV files or sheets of one
workbook. `|` separates several values in a cell. Our own columns (Kind,
Category, Sphere, Territory, Themes, Sources, ...) are understood too.

Kumu's Type is free text. For elements it must name a kind or an
organisation category (French or English, see loaders.vocabulary):
anything else is an error, because every metric depends on kinds. For
connections, a Type that names no relation of the vocabulary is kept as a
RELATED_TO tie with the wording in `label`, and reported once per wording.
"""
from __future__ import annotations

import json
from pathlib import Path

from graph import model
from graph.model import Batch, Edge, Node, Origin, Problem, fold

from graph.names import NameIndex

from .tables import Table, is_blank
from .vocabulary import SIDE_WORDS, SPHERE_WORDS, kind_for_type, relation_for_type

# folded header -> field name
ELEMENT_COLUMNS = {
    "id": "id", "identifiant": "id",
    "label": "name", "name": "name", "nom": "name", "libelle": "name", "intitule": "name",
    "type": "type", "kind": "kind",
    "category": "category", "categorie": "category",
    "sphere": "sphere",
    "acronym": "acronym", "acronyme": "acronym", "sigle": "acronym",
    "aliases": "aliases", "alias": "aliases", "autres noms": "aliases",
    "description": "description",
    "website": "website", "site": "website", "site web": "website", "site internet": "website",
    "url": "url",
    "territory": "territory", "territories": "territory", "territoire": "territory",
    "territoires": "territory", "based in": "territory", "siege": "territory",
    "country": "country", "pays": "country",
    "active in": "active_in", "actif a": "active_in", "zones d intervention": "active_in",
    "pays d intervention": "active_in", "territoires d intervention": "active_in", "lieux d intervention": "active_in",
    "commune": "territory", "ville": "territory",
    "secteurs d intervention": "themes", "domaines d intervention": "themes", "secteurs": "themes",
    "themes": "themes", "theme": "themes", "thematiques": "themes", "thematique": "themes",
    "tags": "tags", "mots cles": "tags",
    "sources": "sources", "provenance": "sources", "conflicts": "conflicts", "conflits": "conflicts",
    "level": "level", "niveau": "level",
    "country code": "country_code", "code pays": "country_code",
    "lat": "lat", "latitude": "lat", "lon": "lon", "lng": "lon", "longitude": "lon",
    "side": "side", "cote": "side",
    "parent": "parent", "fait partie de": "parent", "part of": "parent",
    "start": "start", "debut": "start", "end": "end", "fin": "end",
    "date": "date", "place": "place", "lieu": "place",
    "role": "role", "fonction": "role", "function": "role",
    "email": "email", "e mail": "email", "courriel": "email", "mel": "email",
    "phone": "phone", "telephone": "phone", "tel": "phone",
}
CONNECTION_COLUMNS = {
    "from": "from", "de": "from", "origine": "from",
    "to": "to", "a": "to", "vers": "to", "cible": "to",
    "type": "type", "relation": "relation",
    "sources": "sources", "provenance": "sources", "conflicts": "conflicts", "conflits": "conflicts",
    "label": "label", "libelle": "label", "description": "description",
    "project": "project", "projet": "project",
    "since": "since", "depuis": "since",
    "role": "role", "function": "function", "fonction": "function",
    "weight": "weight", "poids": "weight",
    "key": "key", "cle": "key",
}
MULTI_FIELDS = ("aliases", "territory", "active_in", "themes", "tags", "sources", "parent")
NUMBER_FIELDS = ("lat", "lon", "weight")
STRUCTURAL = ("id", "type", "kind", "territory", "country", "active_in", "themes", "sources", "parent",
              "conflicts")


def parse_conflicts(cell, where):
    """The Conflicts column that `export` writes: JSON {field: [{value, sources}]}."""
    if not cell:
        return {}, []
    try:
        value = json.loads(cell)
        if isinstance(value, dict) and all(isinstance(v, list) for v in value.values()):
            return value, []
    except ValueError:
        pass
    return {}, [where("conflicts", "bad_conflicts")]


def split_multi(cell: str) -> list:
    return [part.strip() for part in str(cell).split("|") if part.strip()]


def table_role(table: Table):
    """'elements', 'connections' or None, from the header row. A sheet with
    only one of From/To is still taken as connections, so that the missing
    column is reported rather than the sheet ignored."""
    header = header_of(table)
    if header is None:
        return None
    folded = {fold(h) for h in header}
    if {"from", "de", "origine", "to", "a", "vers", "cible"} & folded or {"source", "target"} <= folded:
        return "connections"
    if folded & {"label", "name", "nom", "libelle", "intitule", "type", "kind"}:
        return "elements"
    return None


def is_notes(table: Table) -> bool:
    """A sheet of prose in its first column only (a help or notes sheet, as
    the template's): skipped without a word."""
    header = header_of(table)
    cells = [c for c in header if c.strip()] if header else []
    return len(cells) == 1 and len(cells[0].split()) >= 8


def header_of(table: Table):
    for _, cells in table.rows:
        if not is_blank(cells):
            return cells
    return None


def _column_map(header, names, file, row):
    """Field of each column index, with Kumu's Source/Target accepted for
    From/To when From/To are absent."""
    mapping, problems, seen = {}, [], {}
    folded = [fold(h) for h in header]
    aliases = dict(names)
    if "from" not in [names.get(f) for f in folded] and "source" in folded:
        aliases["source"] = "from"
    if "to" not in [names.get(f) for f in folded] and "target" in folded:
        aliases["target"] = "to"
    for index, name in enumerate(folded):
        if not name:
            continue
        field = aliases.get(name, name.replace(" ", "_"))
        if field in seen:
            problems.append(Problem(file, row, header[index], "column_twice",
                                    {"column": header[index], "other": seen[field] + 1}))
            continue
        seen[field] = index
        mapping[index] = field
    return mapping, problems


def _number(text):
    return float(str(text).replace(",", ".").replace("\u00a0", "").replace(" ", ""))


def _row(table, header, cols, number, cells, relation_column=False):
    """(values by field, header by field, the row's Problem factory)."""
    values = {field: (cells[i] if i < len(cells) else "") for i, field in cols.items()}
    col_name = {field: header[i] for i, field in cols.items()}

    def where(field, code, /, **found):
        if field == "type" and relation_column:
            field = "relation"
        return Problem(table.file, number, col_name.get(field, field) if field else None, code, found)
    return values, col_name, where


def row_sources(values, file, number):
    """(sources, given explicitly?): the Sources cell, else the file and row."""
    sources = split_multi(values.get("sources", ""))
    return (sources, True) if sources else ([f"{Path(file).name}:{number}"], False)


def element_kind(values, where):
    """(kind, category, problems) from the Kind and Type cells."""
    kind, category, errors = None, None, []
    if values.get("kind"):
        kind = next((k for k in model.KINDS if k.lower() == values["kind"].strip().lower()), None)
        if kind is None:
            errors.append(where("kind", "unknown_kind", value=values["kind"], expected=list(model.KINDS)))
    if values.get("type"):
        mapped = kind_for_type(values["type"])
        if mapped is None and kind is None:
            errors.append(where("type", "unknown_type", value=values["type"], kinds=list(model.KINDS),
                                categories=list(model.CATEGORIES)))
        elif mapped is not None:
            kind = kind or mapped[0]
            category = mapped[1] if mapped[0] == kind else None
    elif kind is None and not errors:
        errors.append(where("type", "empty_type"))
    return kind, category, errors


def element_props(values, kind, category, where):
    """(properties, problems) of an element row: lists split, numbers read,
    the category, sphere, side and level in the vocabulary's words."""
    props, errors = {"name": values.get("name", "")}, []
    if values.get("type") and fold(values["type"]) != fold(kind):
        props["type_label"] = values["type"]
    for field, value in values.items():
        if field in STRUCTURAL or field == "name" or not value:
            continue
        if field in MULTI_FIELDS:
            props[field] = split_multi(value)
        elif field in NUMBER_FIELDS:
            try:
                props[field] = _number(value)
            except ValueError:
                errors.append(where(field, "not_a_number", value=value[:40]))
        else:
            props[field] = value
    if kind == model.ORGANISATION:
        cat = props.get("category")
        mapped = kind_for_type(cat) if cat else None
        props["category"] = (mapped[1] if mapped and mapped[1] else cat) if cat else (category or "other")
        sphere = props.get("sphere")
        props["sphere"] = SPHERE_WORDS.get(fold(sphere), sphere) if sphere else model.default_sphere(props["category"])
    if kind == model.TERRITORY and props.get("side"):
        props["side"] = SIDE_WORDS.get(fold(props["side"]), props["side"])
    if kind == model.TERRITORY and props.get("level"):
        props["level"] = fold(props["level"])
    return props, errors


def cell_ties(kind):
    """(field, relation, kind of the node it names, level) of the element
    cells that name other nodes: its territories, themes and parent."""
    place = "PART_OF" if kind == model.TERRITORY else None
    return (("territory", place or "BASED_IN", model.TERRITORY, None),
            ("country", place or "BASED_IN", model.TERRITORY, "country"),
            ("active_in", "ACTIVE_IN", model.TERRITORY, None),
            ("themes", "WORKS_ON" if kind == model.ORGANISATION else "ADDRESSES", model.THEME, None),
            ("parent", "PART_OF", kind, None))


def connection_props(values, where):
    """(relation, properties, problems) of a connections row. A Type that
    names no relation is kept as RELATED_TO with its wording as label."""
    props = {}
    if values.get("relation"):
        rel = relation_for_type(values["relation"])
        if rel is None:
            return None, {}, [where("relation", "unknown_relation", value=values["relation"],
                                    expected=list(model.RELATIONS))]
    elif values.get("type"):
        rel = relation_for_type(values["type"])
        if rel is None:
            rel, props["label"] = "RELATED_TO", values["type"]
    else:
        return None, {}, [where("type", "empty_type")]
    for field, value in values.items():
        if field in ("from", "to", "type", "relation", "sources", "conflicts", "key") or not value:
            continue
        if field in NUMBER_FIELDS:
            try:
                props[field] = _number(value)
            except ValueError:
                return None, {}, [where(field, "not_a_number", value=value[:40])]
        elif field == "label" and "label" in props:
            props["description"] = props.get("description") or value
        else:
            props[field] = value
    return rel, props, []


class SpreadsheetReader:
    """Turns element and connection tables into one Batch."""

    def __init__(self, known: NameIndex | None = None):
        self.known = known or NameIndex()
        self.batch = Batch()
        self.local = NameIndex()          # elements of this load
        self.kinds = {}                   # id -> kind, for this load
        self._implicit = {}               # (kind, folded name) -> id created from a cell
        self._unmapped = {}               # connection wording -> (file, row, count)
        self._pending_cells = []          # cells naming other nodes, resolved after all elements
        self._connection_rows = []        # connection tables, read after all elements

    # -- elements ---------------------------------------------------------
    def read_elements(self, table: Table):
        rows = [(n, c) for n, c in table.rows if not is_blank(c)]
        if not rows:
            self.batch.errors.append(Problem(table.file, None, None, "empty_sheet", {"role": "elements"}))
            return
        header_row, header = rows[0]
        cols, problems = _column_map(header, ELEMENT_COLUMNS, table.file, header_row)
        self.batch.errors += problems
        fields = set(cols.values())
        if "name" not in fields:
            self.batch.errors.append(Problem(table.file, header_row, None, "missing_column",
                                             {"column": "Label", "alternatives": ["Name", "Nom"]}))
        if not fields & {"type", "kind"}:
            self.batch.errors.append(Problem(table.file, header_row, None, "missing_column",
                                             {"column": "Type", "alternatives": ["Kind"]}))
        if self.batch.errors:
            return
        if len(rows) == 1:
            self.batch.warnings.append(Problem(table.file, header_row, None, "no_rows", {"sheet": table.sheet}))
        kept = [header[i] for i in cols if fold(header[i]) not in ELEMENT_COLUMNS]
        if kept:                          # kept, as Kumu keeps its custom fields, but said: they tie nothing
            self.batch.warnings.append(Problem(table.file, header_row, None, "columns_kept_as_text",
                                               {"columns": kept}))
        for number, cells in rows[1:]:
            self._element(table, header, cols, number, cells)

    def _element(self, table, header, cols, number, cells):
        """One row of an elements sheet: a node, and the cells that name
        other nodes queued as ties (resolved once every element is read)."""
        values, col_name, where = _row(table, header, cols, number, cells)
        kind, category, errors = element_kind(values, where)
        if errors:
            self.batch.errors += errors
            return
        props, errors = element_props(values, kind, category, where)
        props, neutral = model.neutralised(props, where)
        self.batch.warnings += neutral
        name = props.get("name", "")
        node_id = values.get("id", "").strip()
        if not node_id:
            existing = self.known.exact(name, kind) if name else []
            node_id = existing[0] if len(existing) == 1 else model.make_id(kind, name)
        sources, explicit = row_sources(values, table.file, number)
        conflicts, bad = parse_conflicts(values.get("conflicts"), where)
        node = Node(node_id, kind, props, sources, conflicts)
        node.origin = Origin(table.file, number, explicit, col_name)
        errors += bad + model.validate_node(node, where)
        if errors:
            self.batch.errors += errors
            return
        self.batch.nodes.append(node)
        self.kinds[node_id] = kind
        self.local.add(node_id, kind, name, props.get("acronym"), props.get("aliases"))
        for field, rel, target_kind, level in cell_ties(kind):
            for target in split_multi(values.get(field, "")):
                self._pending_cells.append((node_id, kind, rel, target, target_kind, level, sources, explicit,
                                            col_name.get(field, field), table.file, number))

    # -- cells that name nodes -----------------------------------------------
    def _resolve_cells(self):
        for (source_id, source_kind, rel, text, target_kind, level, sources, explicit,
             column, file, number) in self._pending_cells:
            target_id = self._lookup(text, target_kind)
            if target_id is None:
                if target_kind in (model.TERRITORY, model.THEME):
                    target_id = self._implicit_node(text, target_kind, level, sources)
                else:
                    self.batch.errors.append(Problem(file, number, column, "names_nothing", {"text": text}))
                    continue
            if target_id is False:
                self.batch.errors.append(Problem(file, number, column, "ambiguous_name",
                                                 {"text": text, "kind": target_kind}))
                continue
            kind_ok = model.RELATIONS[rel]
            if source_kind not in kind_ok[0]:
                self.batch.errors.append(Problem(file, number, column, "field_not_for_kind",
                                                 {"kind": source_kind, "column": column, "relation": rel}))
                continue
            edge = Edge(source_id, rel, target_id, {}, list(sources))
            edge.origin = Origin(file, number, explicit)
            self.batch.edges.append(edge)

    def _lookup(self, text, kind):
        """Id for a name: this load first, then the graph; False if ambiguous."""
        for index in (self.local, self.known):
            if text in index.kind_of and (kind is None or index.kind_of[text] == kind):
                return text
            ids = index.exact(text, kind)
            if len(ids) == 1:
                return ids[0]
            if len(ids) > 1:
                return False
        return None

    def _implicit_node(self, text, kind, level, sources):
        key = (kind, fold(text))
        if key not in self._implicit:
            node_id = model.make_id(kind, text)
            props = {"name": text}
            if level:
                props["level"] = level
            node = Node(node_id, kind, props, list(sources))
            node.origin = Origin(explicit=True)
            self.batch.nodes.append(node)
            self.kinds[node_id] = kind
            self.local.add(node_id, kind, text)
            self._implicit[key] = node_id
        return self._implicit[key]

    # -- connections -----------------------------------------------------------
    def read_connections(self, table: Table):
        rows = [(n, c) for n, c in table.rows if not is_blank(c)]
        if not rows:
            self.batch.errors.append(Problem(table.file, None, None, "empty_sheet", {"role": "connections"}))
            return
        header_row, header = rows[0]
        cols, problems = _column_map(header, CONNECTION_COLUMNS, table.file, header_row)
        self.batch.errors += problems
        fields = set(cols.values())
        for needed, label in (("from", "From"), ("to", "To")):
            if needed not in fields:
                self.batch.errors.append(Problem(table.file, header_row, None, "missing_column",
                                                 {"column": label, "alternatives": []}))
        if not fields & {"type", "relation"}:
            self.batch.errors.append(Problem(table.file, header_row, None, "missing_column",
                                             {"column": "Type", "alternatives": ["Relation"]}))
        if any(p.row == header_row for p in self.batch.errors):
            return
        if len(rows) == 1:
            self.batch.warnings.append(Problem(table.file, header_row, None, "no_rows", {"sheet": table.sheet}))
        self._connection_rows.append((table, header, cols, rows[1:]))

    def _connection(self, table, header, cols, number, cells):
        """One row of a connections sheet: a tie between each of its From
        and each of its To (a cell may name several, `|`-separated)."""
        values, col_name, where = _row(table, header, cols, number, cells, relation_column="relation" in cols.values())
        rel, props, errors = connection_props(values, where)
        props, neutral = model.neutralised(props, where)
        conflicts, bad = parse_conflicts(values.get("conflicts"), where)
        ends = [self._ends(values, field, col_name, where) for field in ("from", "to")]
        errors += bad + [problem for found, problem in ends if problem]
        if errors:
            self.batch.errors += errors[:1]        # the first problem of the row says enough
            return
        self.batch.warnings += neutral
        if rel == "RELATED_TO" and "label" in props and not values.get("relation"):
            first = self._unmapped.setdefault(props["label"], [table.file, number, 0])
            first[2] += 1
        sources, explicit = row_sources(values, table.file, number)
        for source_id in ends[0][0]:
            for target_id in ends[1][0]:
                edge = Edge(source_id, rel, target_id, dict(props), list(sources), conflicts, values.get("key", ""))
                problems = self._fitted(edge, values, where)
                if problems:
                    self.batch.errors += problems
                    continue
                if source_id == target_id:
                    self.batch.warnings.append(where("to", "self_tie"))
                edge.origin = Origin(table.file, number, explicit, col_name)
                self.batch.edges.append(edge)

    def _ends(self, values, field, col_name, where):
        """(ids, None) of the nodes a From or To cell names, or (None, the problem)."""
        names = split_multi(values.get(field, ""))
        if not names:
            return None, where(field, "empty_cell", column=col_name[field])
        ids = []
        for text in names:
            found = self._lookup(text, None)
            if found is None:
                return None, where(field, "names_nothing", text=text)
            if found is False:
                return None, where(field, "ambiguous_name", text=text, kind=None)
            ids.append(found)
        return ids, None

    def _fitted(self, edge, values, where) -> list:
        """The tie's problems; a Kumu wording that maps to a relation whose
        ends do not fit is kept as the generic relation, with its wording."""
        kinds = [self.kinds.get(end) or self.known.kind_of.get(end) for end in (edge.source, edge.target)]
        problems = model.validate_edge(edge, *kinds, where)
        if problems and not values.get("relation") and edge.type != "RELATED_TO":
            edge.props.setdefault("label", values["type"])
            edge.type = "RELATED_TO"
            problems = model.validate_edge(edge, *kinds, where)
        return problems

    # -- whole load ----------------------------------------------------------------
    def read(self, tables) -> Batch:
        """Read once: a reader holds the state of one load."""
        roles = [(t, table_role(t)) for t in tables]
        for table, role in roles:
            if role == "elements":
                self.read_elements(table)
        self._resolve_cells()
        for table, role in roles:
            if role == "connections":
                self.read_connections(table)
        for table, header, cols, rows in self._connection_rows:
            for number, cells in rows:
                self._connection(table, header, cols, number, cells)
        for wording, (file, number, count) in sorted(self._unmapped.items()):
            self.batch.warnings.append(Problem(file, number, "Type", "unmapped_wording",
                                               {"wording": wording, "count": count}))
        for table, role in roles:
            if role is None and header_of(table) is not None and not is_notes(table):
                self.batch.warnings.append(Problem(table.file, None, table.sheet, "sheet_skipped",
                                                   {"sheet": table.sheet}))
        return self.batch
