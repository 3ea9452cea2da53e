"""Participants lists, the tables that circulate after an event: Structure /
Nom et prénom / Fonction / Email (any order, French or English headers).

What real lists do, and what is done about it:
- an empty Structure continues the structure above;
- a row with only an e-mail or only a function is a piece of its neighbour,
  not a new person: it is attached to the neighbour that lacks that piece;
- cells may hold HTML (mailto anchors): the text is kept, the markup dropped;
- the header may come back in the middle (a page break) and the table may
  sit at the end of a longer text (a report): rows before the header are
  not part of the table;
- structures are resolved against the graph (names, acronyms, aliases,
  typos), and an e-mail whose domain points to another structure than the
  row's is reported.
Every doubtful or ambiguous assignment is a warning with its row.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from graph import model, privacy
from graph.model import Batch, Edge, Node, Origin, Problem, fold

from graph.names import NameIndex, split_acronym

from .tables import Table, decode, is_blank, is_workbook, read_bytes, read_csv_text, read_xlsx
from .vocabulary import guess_category

HEADER_WORDS = {
    "structure": "structure", "organisation": "structure", "organisme": "structure",
    "organization": "structure", "association": "structure", "etablissement": "structure",
    "nom et prenom": "name", "nom prenom": "name", "prenom et nom": "name", "prenom nom": "name",
    "participant": "name", "name": "name", "full name": "name", "nom complet": "name",
    "nom": "last", "last name": "last", "prenom": "first", "first name": "first",
    "fonction": "function", "function": "function", "poste": "function", "role": "function",
    "titre": "function", "position": "function",
    "email": "email", "e mail": "email", "courriel": "email", "mail": "email", "adresse mail": "email",
    "telephone": "phone", "tel": "phone", "phone": "phone", "portable": "phone",
}
# Mail providers that say nothing about where a person works.
GENERIC_DOMAINS = frozenset({
    "gmail.com", "hotmail.fr", "hotmail.com", "yahoo.fr", "yahoo.com", "orange.fr", "wanadoo.fr",
    "free.fr", "laposte.net", "sfr.fr", "outlook.fr", "outlook.com", "live.fr", "nordnet.fr",
    "neuf.fr", "aol.com", "icloud.com", "numericable.fr", "bbox.fr", "protonmail.com",
})
# The header a participants list usually gives each field, for the report.
HEADERS = {"name": "Nom et prénom", "email": "Email", "phone": "Téléphone", "function": "Fonction"}
EMAIL = privacy.EMAIL
DOMAIN_MATCH = 85


def clean_cell(text: str) -> str:
    """Text of a cell without HTML markup: '<a href="mailto:x">x</a>' -> 'x'."""
    text = re.sub(r"<[^>]*>", " ", str(text))
    return " ".join(html.unescape(text).split())


def header_fields(cells) -> dict | None:
    """Column index -> field, when these cells are a participants header."""
    found = {}
    for i, cell in enumerate(cells):
        field = HEADER_WORDS.get(fold(clean_cell(cell)))
        if field and field not in found.values():
            found[i] = field
    fields = set(found.values())
    if "structure" in fields and fields & {"name", "last"} and fields & {"email", "function"}:
        return found
    return None


def looks_like_participants(table: Table) -> bool:
    return any(header_fields(cells) for _, cells in table.rows[:50])


@dataclass
class Entry:
    row: int
    structure: str
    structure_row: int
    explicit_structure: bool
    name: str = ""
    function: str = ""
    email: str = ""
    phone: str = ""
    notes: list = field(default_factory=list)


def read_participant_tables(path) -> list:
    """The participants table of a file: a CSV or workbook, or a text whose
    table starts at a header line further down (as in a report)."""
    data = read_bytes(path)
    if is_workbook(path, data):
        return read_xlsx(data, str(path))
    text, encoding, latin = decode(data, str(path))
    table = _participants_table(text, str(path), encoding)
    table.latin_lines = latin
    return [table]


def _participants_table(text, file, encoding):
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        for delim in ("\t", ";", ","):
            if header_fields(line.rstrip("\r\n").split(delim)):
                if number == 1:
                    return read_csv_text(text, file, encoding)
                # A table inside a longer text ends at the first line that
                # is not a row of it (the report's back cover).
                end = next((i for i in range(number, len(lines))
                            if lines[i].strip() and delim not in lines[i]), len(lines))
                return read_csv_text("".join(lines[number - 1:end]), file, encoding, first_line=number)
    return read_csv_text(text, file, encoding)


def _entries(table: Table, batch: Batch) -> list:
    columns, entries = None, []
    current, current_row = "", None
    for number, raw in table.rows:
        fields = header_fields(raw)
        if fields:
            columns = fields
            continue
        if columns is None or is_blank(raw):
            continue
        cells = {f: clean_cell(raw[i]) if i < len(raw) else "" for i, f in columns.items()}
        name = cells.get("name") or " ".join(p for p in (cells.get("last", ""), cells.get("first", "")) if p)
        emails = EMAIL.findall(cells.get("email", ""))
        if not emails:
            emails = EMAIL.findall(" ".join(cells.values()))
        explicit = bool(cells.get("structure"))
        if explicit:
            current, current_row = cells["structure"], number
        if not current and (name or emails):
            batch.errors.append(Problem(table.file, number, "Structure", "no_structure", {}))
            continue
        entry = Entry(number, current, current_row, explicit, name,
                      cells.get("function", ""), emails[0] if emails else "", cells.get("phone", ""))
        if len(emails) > 1:
            batch.warnings.append(Problem(table.file, number, "Email", "several_emails", {}))
        if not (entry.name or entry.function or entry.email or entry.phone):
            batch.warnings.append(Problem(table.file, number, None, "structure_only", {"structure": current}))
            entry.notes.append("structure only")
        entries.append(entry)
    if columns is None:
        batch.errors.append(Problem(table.file, None, None, "no_participants_header", {}))
    return entries


def _name_matches_email(name: str, email: str) -> int:
    local = fold(email.split("@")[0])
    words = [w for w in fold(name).split() if len(w) > 2]
    return sum(1 for w in words if w in local)


def _attach_fragments(entries: list, file: str, batch: Batch) -> list:
    """Fold rows holding only an e-mail or only a function into the
    neighbouring person that lacks it."""
    people = [e for e in entries if e.name]
    for i, entry in enumerate(entries):
        if entry.name or "structure only" in entry.notes:
            continue
        pieces = [p for p in ("email", "function", "phone") if getattr(entry, p)]
        before = next((e for e in reversed(entries[:i]) if e.name), None)
        after = next((e for e in entries[i + 1:] if e.name), None)
        # A fragment that opens a structure belongs with the rows below it.
        order = [after, before] if entry.explicit_structure else [before, after]
        order = [e for e in order if e is not None]
        if entry.email:
            order.sort(key=lambda e: -_name_matches_email(e.name, entry.email))
        target = next((e for e in order if all(not getattr(e, p) for p in pieces)), None)
        if target is None:
            batch.warnings.append(Problem(file, entry.row, None, "fragment_not_loaded", {"pieces": pieces}))
            continue
        for piece in pieces:
            setattr(target, piece, getattr(entry, piece))
        if entry.explicit_structure and not target.explicit_structure:
            target.structure, target.structure_row = entry.structure, entry.structure_row
        batch.warnings.append(Problem(file, entry.row, None, "fragment_attached",
                                      {"pieces": pieces, "row": target.row}))
    return people


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _domain_affinity(domain: str, name: str, acronym: str | None) -> float:
    """How much a mail domain looks like an organisation's name or acronym."""
    label = re.sub(r"[^a-z0-9]", "", domain.split(".")[0].lower())
    best = fuzz.ratio(label, _compact(name))
    acro = _compact(acronym or "")
    if len(acro) >= 3 and label.startswith(acro):
        best = max(best, 100)
    return best


class ParticipantsReader:
    def __init__(self, known: NameIndex | None = None, event: str | None = None):
        self.known = known or NameIndex()
        self.event = event

    def read(self, tables) -> Batch:
        batch = Batch()
        file = tables[0].file if tables else "?"
        entries = []
        for table in tables:
            if looks_like_participants(table):
                entries += _entries(table, batch)
        if not entries and not batch.errors:
            batch.errors.append(Problem(file, None, None, "no_participants_header", {}))
        if batch.errors:
            return batch
        people = _attach_fragments(entries, file, batch)
        orgs, new = self._resolve_structures(entries, file, batch)
        self._check_domains(people, orgs, new, file, batch)
        event_id = self._event(file, batch)
        source_of = lambda row: [f"{Path(file).name}:{row}"]  # noqa: E731
        seen_people = {}
        for person in people:
            org_id = orgs[person.structure]
            person_id = model.make_id(model.PERSON, person.name)
            row_where = lambda field, code, /, r=person.row, **v: Problem(file, r, HEADERS.get(field), code, v)  # noqa: E731
            props, neutral = model.neutralised({"name": person.name, "email": person.email,
                                                "phone": person.phone}, row_where)
            function, more = model.neutralised({"function": person.function}, row_where)
            batch.warnings += neutral + more
            if person_id in seen_people:
                batch.warnings.append(Problem(file, person.row, "Nom et prénom", "same_person",
                                              {"row": seen_people[person_id]}))
            seen_people.setdefault(person_id, person.row)
            node = Node(person_id, model.PERSON, props, source_of(person.row))
            node.origin = Origin(file, person.row)
            batch.nodes.append(node)
            edge = Edge(person_id, "WORKS_FOR", org_id, function, source_of(person.row))
            edge.origin = Origin(file, person.row)
            batch.edges.append(edge)
            if event_id:
                for who in (person_id, org_id):
                    tie = Edge(who, "ATTENDED", event_id, {}, source_of(person.row))
                    tie.origin = Origin(file, person.row)
                    batch.edges.append(tie)
        return batch

    def _resolve_structures(self, entries, file, batch):
        """(structure text -> organisation id, id -> (name, acronym) of the
        organisations this list adds); new organisations are added to the
        batch. Each structure is looked at once, at its first row."""
        local = NameIndex()
        out = {}
        for entry in entries:
            text = entry.structure
            if text in out:
                continue
            def where(code, /, row=entry.structure_row, **values):
                return Problem(file, row, "Structure", code, values)
            match = self.known.find(text)
            if match.how == "none":
                # A branch named after its head office ("Grdr Mali", "Grdr").
                inside = self.known.containing(text)
                if len(inside) == 1:
                    match.id, match.how = inside[0], "contains"
            if match.how in ("id", "exact"):
                out[text] = match.id
                continue
            if match.how == "fuzzy":
                out[text] = match.id
                batch.warnings.append(where("structure_fuzzy", text=text, name=self.known.name_of[match.id],
                                            score=round(match.score)))
                continue
            if match.how == "contains":
                out[text] = match.id
                batch.warnings.append(where("structure_contains", text=text, name=self.known.name_of[match.id]))
                continue
            if match.how == "ambiguous":
                batch.warnings.append(where("structure_ambiguous", text=text,
                                            names=[self.known.name_of[i] for i in match.candidates]))
            again = local.find(text, fuzzy=False)
            if again.id:
                out[text] = again.id
                continue
            name, acronym = split_acronym(text)
            category = guess_category(name)
            org_id = model.make_id(model.ORGANISATION, name)
            props, neutral = model.neutralised({"name": name, "acronym": acronym, "category": category,
                                                "sphere": model.default_sphere(category)},
                                               lambda field, code, /, **v: where(code, **v))
            batch.warnings += neutral
            node = Node(org_id, model.ORGANISATION, props, [f"{Path(file).name}:{entry.structure_row}"])
            node.origin = Origin(file, entry.structure_row)
            batch.nodes.append(node)
            local.add(org_id, model.ORGANISATION, name, acronym)
            out[text] = org_id
            if org_id in self.known.kind_of:        # not found by name, but its id is taken: the same one
                batch.warnings.append(where("structure_same_id", text=text, name=self.known.name_of[org_id]))
            elif match.how == "none":
                batch.warnings.append(where("structure_new", text=text, category=category))
        new = {n.id: (n.props["name"], n.props.get("acronym"))
               for n in batch.nodes if n.kind == model.ORGANISATION}
        return out, new

    def _check_domains(self, people, orgs, new, file, batch):
        """Report e-mails whose domain points to another structure than the
        row's: often a shifted cell in the table. `new`: the names of the
        organisations this list adds."""
        candidates = {}
        for org_id in set(orgs.values()):
            candidates[org_id] = new.get(org_id) or (self.known.name_of.get(org_id, org_id), None)
        for org_id, name in self.known.name_of.items():
            if self.known.kind_of.get(org_id) == model.ORGANISATION:
                candidates.setdefault(org_id, (name, None))
        for person in people:
            if not person.email:
                continue
            domain = person.email.rsplit("@", 1)[1].lower()
            if domain in GENERIC_DOMAINS:
                continue
            row_org = orgs[person.structure]
            scores = {oid: _domain_affinity(domain, *label) for oid, label in candidates.items()}
            best = max(scores, key=scores.get)
            if best != row_org and scores[best] >= DOMAIN_MATCH and scores[best] > scores.get(row_org, 0) + 10:
                batch.warnings.append(Problem(file, person.row, "Email", "email_domain_elsewhere",
                                              {"domain": domain, "points_to": candidates[best][0],
                                               "structure": candidates[row_org][0]}))

    def _event(self, file, batch):
        if not self.event:
            return None
        match = self.known.find(self.event, model.EVENT, fuzzy=False)
        if match.id:
            return match.id
        event_id = model.make_id(model.EVENT, self.event)
        props, neutral = model.neutralised({"name": self.event},
                                           lambda field, code, /, **v: Problem(file, None, "--event", code, v))
        batch.warnings += neutral
        node = Node(event_id, model.EVENT, props, [Path(file).name])
        node.origin = Origin(file)
        batch.nodes.append(node)
        batch.warnings.append(Problem(file, None, None, "new_event", {"name": self.event}))
        return event_id
