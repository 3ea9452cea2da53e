"""The one vocabulary of Passerelles: node kinds, relation types, categories,
spheres, and the records that loaders produce and stores consume.

Everything else imports these names; nothing redefines them. The Neo4j store
uses KINDS and RELATIONS as its allow-list of labels and relation types.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

# --- node kinds -------------------------------------------------------------

ORGANISATION = "Organisation"
TERRITORY = "Territory"
PROJECT = "Project"
EVENT = "Event"
THEME = "Theme"
PERSON = "Person"
# A document, law, treaty or database that actors publish or cite. Real Kumu
# boards have them (the deep-sea mining board's "source" and "instrument"
# elements); without this kind they would pose as actors.
RESOURCE = "Resource"

KINDS = (ORGANISATION, TERRITORY, PROJECT, EVENT, THEME, PERSON, RESOURCE)

# Short prefixes for generated ids: "org:cap-solidarites".
KIND_PREFIX = {
    ORGANISATION: "org", TERRITORY: "ter", PROJECT: "prj", EVENT: "evt",
    THEME: "thm", PERSON: "per", RESOURCE: "res",
}

# --- relation types: name -> (allowed source kinds, allowed target kinds) ----

RELATIONS = {
    "MEMBER_OF": ({ORGANISATION}, {ORGANISATION}),
    "PARTNER_OF": ({ORGANISATION}, {ORGANISATION}),
    "LEADS": ({ORGANISATION}, {PROJECT}),
    "TAKES_PART_IN": ({ORGANISATION}, {PROJECT}),
    "FUNDS": ({ORGANISATION}, {PROJECT, ORGANISATION}),
    "CREATED": ({ORGANISATION}, {ORGANISATION, PROJECT, EVENT, RESOURCE}),
    "BASED_IN": ({ORGANISATION, PROJECT, EVENT, RESOURCE}, {TERRITORY}),
    "ACTIVE_IN": ({ORGANISATION}, {TERRITORY}),
    "TARGETS": ({PROJECT}, {TERRITORY}),
    "PART_OF": ({TERRITORY, PROJECT}, {TERRITORY, PROJECT}),
    "WORKS_ON": ({ORGANISATION}, {THEME}),
    "ADDRESSES": ({PROJECT, EVENT, RESOURCE}, {THEME}),
    "ORGANISES": ({ORGANISATION}, {EVENT}),
    "ATTENDED": ({ORGANISATION, PERSON}, {EVENT}),
    "WORKS_FOR": ({PERSON}, {ORGANISATION}),
    # Territory pairs "ici / là-bas" are first-class: a French territory and
    # its partner territory abroad.
    "PAIRED_WITH": ({TERRITORY}, {TERRITORY}),
    # Any other tie a file names (Kumu's free connection types); the original
    # wording is kept in the edge's `label`.
    "RELATED_TO": (set(KINDS), set(KINDS)),
    # What an animator recorded about a suggested partner (`status`, `date`,
    # `who`, `note`): a fact about the network, never a tie of it.
    "FOLLOWS_UP": ({ORGANISATION}, {ORGANISATION}),
}
SYMMETRIC_RELATIONS = frozenset({"PARTNER_OF", "PAIRED_WITH"})

# Named groups of relations: what the analytics, the selections and the
# Cypher mean by "the ties that ...". Read a tie's relation with relation().
PLACING = ("BASED_IN", "ACTIVE_IN")                     # place an organisation
ANCHORING = PLACING + ("TARGETS",)                      # tie an element to a territory it acts in
THEMING = ("WORKS_ON", "ADDRESSES")                     # give an element a theme
DIRECT_ORG_TIES = ("PARTNER_OF", "MEMBER_OF", "FUNDS", "CREATED")   # two organisations already tied
NAMED_ORG_TIES = DIRECT_ORG_TIES + ("RELATED_TO",)      # every tie a source names between two organisations
PROJECT_ROLES = ("LEADS", "TAKES_PART_IN")              # an organisation in a project
PROJECT_TIES = PROJECT_ROLES + ("FUNDS",)               # ... or paying for it
EVENT_TIES = ("ATTENDED", "ORGANISES")                  # an organisation at an event
HIERARCHY = "PART_OF"                                   # a territory (or project) inside another
# Records about the network, not ties of it: no analytics reads them as a
# tie, the explorer does not draw them, the counts leave them out.
RECORDS = ("FOLLOWS_UP",)
TIES = tuple(r for r in RELATIONS if r not in RECORDS)

# What became of a suggested partner (the follow-up's `status`).
FOLLOW_UP_STATUSES = ("introduced", "to_follow", "already_partners", "not_relevant")

# --- organisation categories and spheres --------------------------------------

CIVIL_SOCIETY = "civil_society"
PUBLIC = "public"
ECONOMIC = "economic"
RESEARCH = "research"
UNKNOWN = "unknown"
SPHERES = (CIVIL_SOCIETY, PUBLIC, ECONOMIC, RESEARCH, UNKNOWN)

# category -> default sphere
CATEGORIES = {
    "association": CIVIL_SOCIETY,
    "ngo": CIVIL_SOCIETY,
    "network": CIVIL_SOCIETY,
    "union": CIVIL_SOCIETY,
    "foundation": CIVIL_SOCIETY,
    "media": CIVIL_SOCIETY,
    "local_authority": PUBLIC,
    "state_body": PUBLIC,
    "international_organisation": PUBLIC,
    "company": ECONOMIC,
    "research": RESEARCH,
    "other": UNKNOWN,
}

TERRITORY_LEVELS = ("zone", "country", "region", "departement", "city", "area")

# Fields that hold personal contact details: never shown nor exported unless
# the user explicitly asks.
CONTACT_FIELDS = frozenset({"email", "phone", "contact_details"})
# Free text scanned for contact details at load (graph.privacy): every text
# field but these, which name or locate an element.
NOT_FREE_TEXT = frozenset({"name", "acronym", "aliases", "website", "url", "email", "phone", "contact_details",
                           "sources"})

# --- normalisation and ids ------------------------------------------------------

# Characters that show nothing but make two texts differ: zero-width spaces
# and joiners, the soft hyphen, the byte-order mark, bidirectional controls.
INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """Text as it is kept: Unicode NFC (one form for "é"), without the
    invisible characters a copy and paste carries along.

    >>> clean_text("Cap\u200b Solidarite\u0301s")
    'Cap Solidarités'
    """
    return INVISIBLE.sub("", unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a name, for matching.

    >>> fold("  Lianes  Coopération ")
    'lianes cooperation'
    """
    text = unicodedata.normalize("NFKD", INVISIBLE.sub("", str(text)))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[^\w]+", " ", text.casefold().replace("_", " "))
    return " ".join(text.split())


def slug(text: str) -> str:
    """An id-safe form of a name.

    >>> slug("Cap Solidarités (CAPSO)")
    'cap-solidarites-capso'
    """
    return fold(text).replace(" ", "-") or "x"


def make_id(kind: str, name: str) -> str:
    return f"{KIND_PREFIX[kind]}:{slug(name)}"


# A cell a spreadsheet would run as a formula when the data is opened there.
# Plain numbers and phone numbers (+33 1 44 ...) are not formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBERLIKE = re.compile(r"^[+-]?[\d\s().,/]+$")


def looks_like_formula(value) -> bool:
    if not isinstance(value, str) or not value:
        return False
    return value.startswith(_FORMULA_START) and not _NUMBERLIKE.match(value)


def neutralised(props: dict, where) -> tuple:
    """(props, warnings): every text (and text in a list) that a spreadsheet
    would run as a formula gets a leading apostrophe, as spreadsheets
    themselves write text that starts with "=" (OWASP's advice for CSV
    injection), each said in a warning. Loaders call it on every cell."""
    out, warnings = {}, []
    for name, value in props.items():
        if isinstance(value, list):
            fixed = ["'" + v if looks_like_formula(v) else v for v in value]
        else:
            fixed = "'" + value if looks_like_formula(value) else value
        if fixed != value:
            warnings.append(where(name, "formula_neutralised", value=str(value)[:30]))
        out[name] = fixed
    return out, warnings


# --- records --------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One problem found in an input, with its place (row is 1-based as a
    spreadsheet shows it; None when the problem is about the whole file),
    a `code` and the `values` the interfaces need to say it
    (interface/texts/problems.py holds the sentences)."""
    file: str
    row: int | None
    column: str | None
    code: str
    values: dict = field(default_factory=dict, hash=False)

    def as_dict(self):
        return {"file": self.file, "row": self.row, "column": self.column, "code": self.code,
                "values": self.values}

    def __str__(self):
        place = self.file
        if self.row is not None:
            place += f":{self.row}"
        if self.column:
            place += f":{self.column}"
        return f"{place}: {self.code} {self.values}"


@dataclass(frozen=True)
class Origin:
    """Where a record was read: its file and row, whether the row named its
    sources itself, and the header the user sees for each field."""
    file: str | None = None
    row: int | None = None
    explicit: bool = False
    headers: dict = field(default_factory=dict, hash=False)

    def column(self, name: str) -> str:
        return self.headers.get(name, name)


@dataclass
class Node:
    id: str
    kind: str
    props: dict = field(default_factory=dict)
    sources: list = field(default_factory=list)
    conflicts: dict = field(default_factory=dict)
    origin: Origin = field(default_factory=Origin, compare=False, repr=False)


@dataclass
class Edge:
    source: str
    type: str
    target: str
    props: dict = field(default_factory=dict)
    sources: list = field(default_factory=list)
    conflicts: dict = field(default_factory=dict)
    # Tells apart parallel ties of one type between the same two nodes
    # (two contracts, one tie a year); empty for the usual single tie.
    discriminator: str = ""
    origin: Origin = field(default_factory=Origin, compare=False, repr=False)

    @property
    def key(self):
        return edge_key(self.source, self.type, self.target, self.discriminator)


def edge_key(source: str, rel: str, target: str, discriminator: str = ""):
    """Identity of a tie: (source, type, target, discriminator); symmetric
    relations are the same tie whichever way round they are written."""
    if rel in SYMMETRIC_RELATIONS and target < source:
        source, target = target, source
    return (source, rel, target, discriminator)


def graph_key(rel: str, discriminator: str = "") -> str:
    """The key of a tie in the MultiDiGraph: 'PARTNER_OF', or 'RELATED_TO#2'."""
    return f"{rel}#{discriminator}" if discriminator else rel


def split_graph_key(key: str):
    rel, _, discriminator = str(key).partition("#")
    return rel, discriminator


def relation(key: str) -> str:
    """The relation of a tie from its key in the graph, parallel ties
    included: the one way to read it.

    >>> relation("PART_OF"), relation("PART_OF#convention-2016")
    ('PART_OF', 'PART_OF')
    """
    return str(key).partition("#")[0]


@dataclass
class Batch:
    """What a loader hands to a store: validated nodes and edges, plus the
    problems found. A store refuses a batch that has errors."""
    nodes: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    # Which names and categories of known elements this batch may replace
    # (graph.merge.PROTECTED): a set of (id, field), or ALL.
    accept: object = field(default_factory=frozenset)
    # Records written exactly as given, not merged (an edit, an undo): their
    # props, sources and conflicts are the element's whole new state.
    replacements: list = field(default_factory=list)
    # Elements to remove: ("node", id) (its ties go with it) or
    # ("edge", source, relation, target, discriminator).
    removals: list = field(default_factory=list)
    # What the writer read: element key -> its fingerprint (graph.journal),
    # None for "absent". Refused when the store holds something else now
    # (another session changed it since).
    expect: dict = field(default_factory=dict)
    # For the journal: {"kind": load | edit | merge | undo ..., "who", "note", ...}.
    change: dict = field(default_factory=dict)

    def extend(self, other: "Batch"):
        self.nodes += other.nodes
        self.edges += other.edges
        self.errors += other.errors
        self.warnings += other.warnings


ALL = "all"


# Neo4j stores 64-bit integers; a bigger one would be refused by one store
# and kept by the other.
INT_RANGE = (-2**63, 2**63 - 1)
# Fields the model itself writes: a record's properties may not use them.
NODE_RESERVED = frozenset({"id", "kind", "sources", "conflicts"})
EDGE_RESERVED = frozenset({"type", "key", "sources", "conflicts"})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")    # tab, newline, return are text


def value_problem(value):
    """(code, values) when `value` cannot be a property of the graph, else
    None. A property is text, a number (finite; integers within 64 bits), a
    yes/no, or a list of texts or of numbers: what both stores keep alike."""
    if type(value) is str:                      # most values: one test, one search
        return ("control_character", {}) if _CONTROL.search(value) else None
    if isinstance(value, str):
        return ("control_character", {}) if _CONTROL.search(value) else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if INT_RANGE[0] <= value <= INT_RANGE[1] else ("integer_too_large", {})
    if isinstance(value, float):
        return None if math.isfinite(value) else ("not_finite", {})
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return ("control_character", {}) if _CONTROL.search("\n".join(value)) else None
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            return next((p for p in map(value_problem, value) if p), None)
        return ("mixed_list", {})
    return ("not_a_value", {"type": type(value).__name__})


def validate_props(props: dict, where, reserved=NODE_RESERVED) -> list:
    """Problems with a record's properties: names, types, formulas."""
    out = []
    for name, value in props.items():
        if value is None:                       # no value: the merge rule drops it
            continue
        if not isinstance(name, str) or not name.strip() or _CONTROL.search(name):
            out.append(where(None, "bad_field_name", name=repr(name)[:40]))
            continue
        if name in reserved:
            out.append(where(name, "reserved_field", field=name))
            continue
        found = value_problem(value)
        if found:
            out.append(where(name, found[0], field=name, **found[1]))
        elif any(map(looks_like_formula, value if isinstance(value, list) else [value])):
            out.append(where(name, "formula", value=str(value)[:30]))
    return out


def validate_sources(sources, conflicts, where) -> list:
    """`sources` a list of texts; `conflicts` of the shape the merge rule
    writes: {field: [{"value": a property value, "sources": [texts]}]}."""
    out = []
    if not isinstance(sources, list) or not all(isinstance(s, str) and s.strip() for s in sources) \
            or _CONTROL.search("\n".join(sources)):
        out.append(where("sources", "bad_sources"))
    if conflicts == {}:
        return out
    if not isinstance(conflicts, dict) or not all(
            isinstance(name, str) and isinstance(entries, list) and all(
                isinstance(e, dict) and set(e) == {"value", "sources"} and value_problem(e["value"]) is None
                and isinstance(e["sources"], list) and all(isinstance(x, str) for x in e["sources"])
                for e in entries)
            for name, entries in conflicts.items()):
        out.append(where("conflicts", "bad_conflicts"))
    return out


def validate_node(node: Node, where) -> list:
    """Problems with one node record. `where(column, code, **values)` makes
    the Problem, placed in its file."""
    if not isinstance(node.id, str) or not node.id.strip() or value_problem(node.id):
        return [where("id", "bad_id", id=repr(node.id)[:40])]
    if node.kind not in KINDS:
        return [where("kind", "unknown_kind", value=str(node.kind)[:40], expected=list(KINDS))]
    out = validate_props(node.props, where) + validate_sources(node.sources, node.conflicts, where)
    name = node.props.get("name")
    if name is not None and not isinstance(name, str):
        out.append(where("name", "not_text", field="name", type=type(name).__name__))
    for field_name in ("acronym", "category", "sphere", "level", "description", "website"):
        value = node.props.get(field_name)
        if value is not None and not isinstance(value, str):
            out.append(where(field_name, "not_text", field=field_name, type=type(value).__name__))
    aliases = node.props.get("aliases")
    if aliases is not None and not (isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)):
        out.append(where("aliases", "not_text_list", field="aliases"))
    if out:                   # values of the wrong type: the rest cannot be read
        return out
    if not (name or "").strip():
        out.append(where("name", "empty_name"))
    if node.kind == ORGANISATION:
        cat = node.props.get("category")
        if cat and cat not in CATEGORIES:
            out.append(where("category", "unknown_category", value=cat, expected=list(CATEGORIES)))
        sphere = node.props.get("sphere")
        if sphere and sphere not in SPHERES:
            out.append(where("sphere", "unknown_sphere", value=sphere, expected=list(SPHERES)))
    if node.kind == TERRITORY:
        level = node.props.get("level")
        if level and level not in TERRITORY_LEVELS:
            out.append(where("level", "unknown_level", value=level, expected=list(TERRITORY_LEVELS)))
        for coord, bound in (("lat", 90), ("lon", 180)):
            value = node.props.get(coord)
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
                out.append(where(coord, "coordinate", field=coord, bound=bound))
    return out


def validate_edge(edge: Edge, source_kind: str, target_kind: str, where) -> list:
    if not isinstance(edge.type, str) or edge.type not in RELATIONS:
        return [where("type", "unknown_relation", value=str(edge.type)[:40], expected=list(RELATIONS))]
    for end in (edge.source, edge.target):
        if type(end) is not str or not end.strip() or _CONTROL.search(end):
            return [where(None, "bad_id", id=repr(end)[:40])]
    if type(edge.discriminator) is not str or _CONTROL.search(edge.discriminator):
        return [where("key", "bad_key")]
    out = validate_props(edge.props, where, EDGE_RESERVED) + validate_sources(edge.sources, edge.conflicts, where)
    if edge.type == "FOLLOWS_UP" and edge.props.get("status") not in FOLLOW_UP_STATUSES:
        out.append(where("status", "unknown_status", value=str(edge.props.get("status"))[:40],
                         expected=list(FOLLOW_UP_STATUSES)))
    sources, targets = RELATIONS[edge.type]
    # an end not in this file (None) is checked against the store by the plan
    if None not in (source_kind, target_kind) and (source_kind not in sources or target_kind not in targets):
        out.append(where("type", "relation_ends", relation=edge.type, sources=sorted(sources),
                         targets=sorted(targets), source_kind=source_kind, target_kind=target_kind))
    return out


def source_document(source: str) -> str:
    """The document part of a source: "report.txt § Participants" and
    "members.csv:12" come from "report.txt" and "members.csv"."""
    doc = str(source).split(" § ", 1)[0]
    head, colon, line = doc.rpartition(":")
    return (head if colon and line.isdecimal() else doc).strip()


def default_sphere(category: str | None) -> str:
    return CATEGORIES.get(category or "", UNKNOWN)
