"""Loaders read files and return a validated Batch. They never touch a
store: what the graph already holds comes in as a read-only NameIndex.

    batch = load_paths(["members.xlsx"], known=NameIndex.from_graph(graph))
    if not batch.errors:
        store.apply(batch)
"""
from __future__ import annotations

from pathlib import Path

from graph.merge import conflicting_fields, merge_attrs
from graph.model import NOT_FREE_TEXT, ORGANISATION, Batch, Problem, fold
from graph.privacy import contacts_in_text

from .graphfile import read_graph_file
from .participants import ParticipantsReader, looks_like_participants, read_participant_tables
from graph.names import NameIndex
from .spreadsheet import SpreadsheetReader, table_role
from .iati import looks_like_iati, read_iati
from .presence import PresenceReader, looks_like_presence
from .register import RegisterReader, looks_like_register
from .tables import TableError, Upload, read_tables
from .directory import DirectoryReader
from .mapping import Mapping, header_of

FORMATS = ("auto", "spreadsheet", "presence", "register", "participants", "json", "graphml", "gexf", "iati")


def detect_format(path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".graphml", ".gexf"):
        return suffix[1:]
    if suffix == ".xml" or looks_like_iati(_head(path)):
        return "iati"             # the IATI reader says so if it is not IATI
    try:
        tables = read_participant_tables(path)
    except TableError:
        return "spreadsheet"   # the spreadsheet reader reports the problem
    sheets = read_tables(path)
    if any(looks_like_register(t) for t in sheets):
        return "register"
    if any(looks_like_presence(t) for t in sheets):
        return "presence"
    if any(looks_like_participants(t) for t in tables) and not any(_typed(t) for t in tables):
        return "participants"
    return "spreadsheet"


def _typed(table) -> bool:
    """A sheet of the Kumu layout: a Type or Kind column, or From and To. A
    participants list (Structure, Nom, Prénom, Fonction, Email) has none."""
    header = {fold(h) for h in (header_of(table) or [])}
    return table_role(table) == "connections" or bool(header & {"type", "kind"})


def _head(path) -> bytes:
    """The first bytes of a file (b"" when it cannot be read: the reader
    chosen then says why)."""
    if isinstance(path, Upload):
        return path.data[:8192]
    try:
        with open(path, "rb") as fh:
            return fh.read(8192)
    except OSError:
        return b""


def load_paths(paths, fmt: str = "auto", known: NameIndex | None = None,
               event: str | None = None, skip_invalid: bool = False, progress=None,
               mapping: Mapping | None = None, with_contacts: bool = False) -> Batch:
    """Read every file and return one consolidated Batch. Spreadsheet files
    are read together, so that an elements file and a connections file make
    one load. `skip_invalid`: IATI activities that cannot be read are left
    out and listed, instead of stopping the load. `progress(fraction)`
    follows the reading of big files. `mapping`: spreadsheets are
    directories whose columns it describes (loaders.mapping).
    `with_contacts`: the association register's phones and e-mails are
    loaded too (hidden contact details); by default they are left out."""
    known = known or NameIndex()
    batch = Batch()
    spreadsheets = []
    for path in paths:
        kind = detect_format(path) if fmt == "auto" else fmt
        try:
            if kind == "spreadsheet" and mapping is not None:
                tables = read_tables(path)
                batch.extend(DirectoryReader(known, mapping).read(tables))
                batch.warnings += encoding_warnings(tables)
            elif kind == "spreadsheet":
                tables = read_tables(path)
                spreadsheets += tables
                batch.warnings += encoding_warnings(tables)
            elif kind == "presence":
                tables = read_tables(path)
                batch.extend(PresenceReader(known).read(tables))
                batch.warnings += encoding_warnings(tables)
            elif kind == "register":
                tables = read_tables(path)
                batch.extend(RegisterReader(known, with_contacts).read(tables))
                batch.warnings += encoding_warnings(tables)
            elif kind == "participants":
                tables = read_participant_tables(path)
                batch.extend(ParticipantsReader(known, event).read(tables))
                batch.warnings += encoding_warnings(tables)
            elif kind in ("json", "graphml", "gexf"):
                batch.extend(read_graph_file(path, kind))
            elif kind == "iati":
                batch.extend(read_iati(path, known, skip_invalid, progress))
            else:
                batch.errors.append(Problem(str(path), None, None, "unknown_format", {"value": kind}))
        except TableError as exc:
            batch.errors.append(exc.problem)
    if spreadsheets:
        found = [t for t in spreadsheets if table_role(t)]
        if not found:
            for file in sorted({t.file for t in spreadsheets}):
                headers = [h.strip() for t in spreadsheets if t.file == file for h in (header_of(t) or []) if h.strip()]
                batch.errors.append(Problem(file, 1, None, "no_table_found", {"headers": headers[:15]}))
        else:
            batch.extend(SpreadsheetReader(known).read(spreadsheets))
    batch = consolidate(follow_merges(batch, known))
    batch.warnings += lookalikes(batch, known) + contacts_out_of_text(batch)
    return batch


def follow_merges(batch: Batch, known: NameIndex) -> Batch:
    """Records naming an element merged into another since (its old id is
    the other's identifier `id:<old id>`) land on the one it became."""
    def now(node_id):
        if node_id in known.kind_of:
            return node_id
        merged = known.identified(f"id:{node_id}")
        return merged[0] if len(merged) == 1 else node_id

    for node in batch.nodes:
        node.id = now(node.id)
    for edge in batch.edges:
        edge.source, edge.target = now(edge.source), now(edge.target)
    return batch


def contacts_out_of_text(batch: Batch) -> list:
    """E-mails and phone numbers written in free text (a description, a
    note) are contact details: taken out of the text into the element's
    `contact_details`, hidden and exported only when asked, as the `email`
    and `phone` fields are. A warning says where."""
    warnings = []
    for record in [*batch.nodes, *batch.edges]:
        for field, value in list(record.props.items()):
            if field in NOT_FREE_TEXT or not isinstance(value, str):
                continue
            text, found = contacts_in_text(value)
            if found:
                record.props[field] = text
                known = record.props.get("contact_details") or []
                record.props["contact_details"] = known + [c for c in found if c not in known]
                warnings.append(Problem(record.origin.file or "?", record.origin.row, record.origin.column(field),
                                        "contact_in_text", {"field": field, "count": len(found)}))
    return warnings


def encoding_warnings(tables) -> list:
    """A file that mixes UTF-8 and Windows-1252 was read line by line, each
    in its own encoding: said, with the lines that were not UTF-8."""
    return [Problem(t.file, t.latin_lines[0], None, "mixed_encoding",
                    {"count": len(t.latin_lines), "rows": list(t.latin_lines[:5])})
            for t in tables if t.latin_lines]


def lookalikes(batch: Batch, known: NameIndex) -> list:
    """A warning for each new organisation whose name looks like another's,
    in the graph or in this load: the same name under another id, or a name
    written with look-alike letters of another script (« Саp Solidarités »
    with a Cyrillic « С »). Never merged by a guess: said, for the user to
    decide."""
    out, local = [], NameIndex()
    for node in batch.nodes:
        if node.kind != ORGANISATION or not isinstance(node.props.get("name"), str):
            continue
        name = node.props["name"]
        if node.id not in known.kind_of:
            others = known.lookalikes(name, other_than=node.id) + local.lookalikes(name, other_than=node.id)
            for other in others[:3]:
                label = known.name_of.get(other) or local.name_of.get(other)
                out.append(Problem(node.origin.file or "?", node.origin.row, node.origin.column("name"),
                                   "lookalike_name", {"name": name, "other": label, "other_id": other}))
        local.add(node.id, node.kind, name)
    return out


def _place(record):
    return record.origin.file, record.origin.row


def _column(record, field):
    """The header a user sees for a field, when the record came from a sheet."""
    return record.origin.column(field)


def _explicit(record):
    return record.origin.explicit


def consolidate(batch: Batch) -> Batch:
    """One record per node id and per tie.

    Two rows giving one id different values are an error, unless each names
    its own source: then both values are kept and the conflict is flagged
    (graph.merge). Two rows giving the same tie are merged when they agree;
    when they disagree they are two parallel ties (two contracts between the
    same pair), told apart by a discriminator, and reported.
    """
    out = Batch(errors=list(batch.errors), warnings=list(batch.warnings))
    nodes, first = {}, {}
    for record in batch.nodes:
        kept = nodes.get(record.id)
        if kept is None:
            nodes[record.id] = first[record.id] = record
            continue
        if kept.kind != record.kind:
            file, row = _place(record)
            out.errors.append(Problem(file or "?", row, "id", "id_two_kinds",
                                      {"id": record.id, "kind": record.kind, "other": kept.kind,
                                       "first_row": _place(first[record.id])[1]}))
            continue
        clash = conflicting_fields(kept.props, record.props)
        if clash and not (_explicit(kept) and _explicit(record) and set(kept.sources) != set(record.sources)):
            file, row = _place(record)
            out.errors.append(Problem(file or "?", row, _column(record, clash[0]), "duplicate_id",
                                      {"id": record.id, "first_row": _place(first[record.id])[1],
                                       "differences": [[_column(record, f), str(kept.props[f])[:60],
                                                        str(record.props[f])[:60]] for f in clash]}))
            continue
        _merge_into(kept, record)
    edges = {}
    for record in batch.edges:
        record.source, _, record.target, _ = record.key
        given = bool(record.discriminator)    # from a Key column or a graph file
        kept = edges.get(record.key)
        while kept is not None and conflicting_fields(kept.props, record.props) and not (
                _explicit(kept) and _explicit(record) and set(kept.sources) != set(record.sources)):
            if given:
                file, row = _place(record)
                out.errors.append(Problem(file or "?", row, None, "duplicate_tie",
                                          {"source": record.source, "relation": record.type,
                                           "target": record.target, "key": record.discriminator}))
                break
            record.discriminator = str(int(record.discriminator or 1) + 1)
            kept = edges.get(record.key)
        else:
            if kept is None:
                if record.discriminator and not given:
                    file, row = _place(record)
                    out.warnings.append(Problem(file or "?", row, None, "parallel_tie",
                                                {"relation": record.type, "source": record.source,
                                                 "target": record.target}))
                edges[record.key] = record
            else:
                _merge_into(kept, record)
    out.nodes.extend(nodes.values())
    out.edges.extend(edges.values())
    return out


def _merge_into(kept, record):
    old = dict(kept.props, sources=kept.sources)
    if kept.conflicts:
        old["conflicts"] = kept.conflicts
    attrs, _ = merge_attrs(old, record.props, record.sources, record.conflicts,
                           revise_same_document=False)
    kept.sources = attrs.pop("sources")
    kept.conflicts = attrs.pop("conflicts", {})
    kept.props = attrs
