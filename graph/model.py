"""The one vocabulary of Passerelles: node kinds, relation types, categories,
spheres, and the records that loaders produce and stores consume.

Everything else imports these names; nothing redefines them. The Neo4j store
uses KINDS and RELATIONS as its allow-list of labels and relation types.
"""
from __future__ import annotations

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
# Not in the first design: a document, law, treaty or database that actors
# publish or cite. Real Kumu boards have them (the deep-sea mining board's
# "source" and "instrument" elements); without it they would pose as actors.
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
CONTACT_FIELDS = frozenset({"email", "phone"})

# Words a spreadsheet may use in a Kumu "Type" cell, mapped to a kind and,
# for organisations, a category. French and English, accent- and case-free.
KIND_SYNONYMS = {
    "organisation": (ORGANISATION, None), "organization": (ORGANISATION, None),
    "acteur": (ORGANISATION, None), "actor": (ORGANISATION, None),
    "structure": (ORGANISATION, None), "org": (ORGANISATION, None),
    "association": (ORGANISATION, "association"),
    "ngo": (ORGANISATION, "ngo"), "ong": (ORGANISATION, "ngo"),
    "osi": (ORGANISATION, "ngo"),
    "network": (ORGANISATION, "network"), "reseau": (ORGANISATION, "network"),
    "collectif": (ORGANISATION, "network"), "collective": (ORGANISATION, "network"),
    "coalition": (ORGANISATION, "network"), "rrma": (ORGANISATION, "network"),
    "tete de reseau": (ORGANISATION, "network"),
    "union": (ORGANISATION, "union"), "syndicat": (ORGANISATION, "union"),
    "trade union": (ORGANISATION, "union"),
    "foundation": (ORGANISATION, "foundation"), "fondation": (ORGANISATION, "foundation"),
    "funder": (ORGANISATION, "foundation"), "bailleur": (ORGANISATION, "foundation"),
    "media": (ORGANISATION, "media"), "medias": (ORGANISATION, "media"),
    "local authority": (ORGANISATION, "local_authority"),
    "local_authority": (ORGANISATION, "local_authority"),
    "collectivite": (ORGANISATION, "local_authority"),
    "collectivite territoriale": (ORGANISATION, "local_authority"),
    "state": (ORGANISATION, "state_body"), "etat": (ORGANISATION, "state_body"),
    "state body": (ORGANISATION, "state_body"), "state_body": (ORGANISATION, "state_body"),
    "government": (ORGANISATION, "state_body"), "agency": (ORGANISATION, "state_body"),
    "agence": (ORGANISATION, "state_body"), "regulator": (ORGANISATION, "state_body"),
    "ministere": (ORGANISATION, "state_body"), "ministry": (ORGANISATION, "state_body"),
    "body": (ORGANISATION, "international_organisation"),
    "international organisation": (ORGANISATION, "international_organisation"),
    "international_organisation": (ORGANISATION, "international_organisation"),
    "organisation internationale": (ORGANISATION, "international_organisation"),
    "company": (ORGANISATION, "company"), "entreprise": (ORGANISATION, "company"),
    "business": (ORGANISATION, "company"), "firm": (ORGANISATION, "company"),
    "exchange": (ORGANISATION, "company"),
    "research": (ORGANISATION, "research"), "research-org": (ORGANISATION, "research"),
    "research org": (ORGANISATION, "research"), "recherche": (ORGANISATION, "research"),
    "university": (ORGANISATION, "research"), "universite": (ORGANISATION, "research"),
    "territory": (TERRITORY, None), "territoire": (TERRITORY, None),
    "country": (TERRITORY, None), "pays": (TERRITORY, None),
    "region": (TERRITORY, None), "departement": (TERRITORY, None),
    "city": (TERRITORY, None), "ville": (TERRITORY, None), "commune": (TERRITORY, None),
    "zone": (TERRITORY, None), "area": (TERRITORY, None),
    "project": (PROJECT, None), "projet": (PROJECT, None),
    "programme": (PROJECT, None), "program": (PROJECT, None),
    "operation pilote": (PROJECT, None),
    "event": (EVENT, None), "evenement": (EVENT, None), "meeting": (EVENT, None),
    "reunion": (EVENT, None), "atelier": (EVENT, None), "workshop": (EVENT, None),
    "forum": (EVENT, None),
    "theme": (THEME, None), "thematique": (THEME, None), "topic": (THEME, None),
    "field": (THEME, None), "domaine": (THEME, None),
    "person": (PERSON, None), "personne": (PERSON, None), "people": (PERSON, None),
    "participant": (PERSON, None), "contact": (PERSON, None),
    "resource": (RESOURCE, None), "ressource": (RESOURCE, None),
    "source": (RESOURCE, None), "document": (RESOURCE, None),
    "instrument": (RESOURCE, None), "publication": (RESOURCE, None),
    "law": (RESOURCE, None), "loi": (RESOURCE, None), "treaty": (RESOURCE, None),
    "database": (RESOURCE, None), "report": (RESOURCE, None), "rapport": (RESOURCE, None),
}
for _kind in KINDS:
    KIND_SYNONYMS.setdefault(_kind.lower(), (_kind, None))
for _cat in CATEGORIES:
    KIND_SYNONYMS.setdefault(_cat, (ORGANISATION, _cat))

# Words for relation types (Kumu "Type" of a connection).
RELATION_SYNONYMS = {
    "member of": "MEMBER_OF", "membre de": "MEMBER_OF", "adherent": "MEMBER_OF",
    "member": "MEMBER_OF", "membre": "MEMBER_OF",
    "partner of": "PARTNER_OF", "partenaire de": "PARTNER_OF", "partner": "PARTNER_OF",
    "partenaire": "PARTNER_OF", "partenariat": "PARTNER_OF", "partnership": "PARTNER_OF",
    "partner in": "PARTNER_OF", "mou with": "PARTNER_OF", "joint venture with": "PARTNER_OF",
    "leads": "LEADS", "porte": "LEADS", "pilote": "LEADS", "chef de file": "LEADS",
    "takes part in": "TAKES_PART_IN", "participe a": "TAKES_PART_IN",
    "funds": "FUNDS", "finance": "FUNDS", "cofinance": "FUNDS", "funder of": "FUNDS",
    "created": "CREATED", "a cree": "CREATED", "founded": "CREATED", "fonde": "CREATED",
    "based in": "BASED_IN", "siege": "BASED_IN", "situe a": "BASED_IN",
    "active in": "ACTIVE_IN", "agit a": "ACTIVE_IN", "intervient a": "ACTIVE_IN",
    "actif a": "ACTIVE_IN", "actif dans": "ACTIVE_IN", "intervient dans": "ACTIVE_IN",
    "targets": "TARGETS", "cible": "TARGETS",
    "part of": "PART_OF", "fait partie de": "PART_OF",
    "works on": "WORKS_ON", "travaille sur": "WORKS_ON",
    "addresses": "ADDRESSES", "traite de": "ADDRESSES",
    "organises": "ORGANISES", "organizes": "ORGANISES", "organise": "ORGANISES",
    "attended": "ATTENDED", "a participe a": "ATTENDED", "present a": "ATTENDED",
    "works for": "WORKS_FOR", "travaille pour": "WORKS_FOR", "employe de": "WORKS_FOR",
    "paired with": "PAIRED_WITH", "jumele avec": "PAIRED_WITH",
    "related to": "RELATED_TO", "lie a": "RELATED_TO",
}
for _rel in RELATIONS:
    RELATION_SYNONYMS.setdefault(_rel.lower().replace("_", " "), _rel)


# --- normalisation and ids ------------------------------------------------------

def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a name, for matching.

    >>> fold("  Lianes  Coopération ")
    'lianes cooperation'
    """
    text = unicodedata.normalize("NFKD", str(text))
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


def kind_for_type(word: str):
    """Map a spreadsheet's Type cell to (kind, category), or None."""
    return KIND_SYNONYMS.get(fold(word))


def relation_for_type(word: str):
    """Map a connection's Type cell to a relation type, or None."""
    text = str(word).strip()
    if text.upper() in RELATIONS:
        return text.upper()
    return RELATION_SYNONYMS.get(fold(text))


# A cell a spreadsheet would run as a formula when the data is opened there.
# Plain numbers and phone numbers (+33 1 44 ...) are not formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBERLIKE = re.compile(r"^[+-]?[\d\s().,/]+$")


def looks_like_formula(value) -> bool:
    if not isinstance(value, str) or not value:
        return False
    return value.startswith(_FORMULA_START) and not _NUMBERLIKE.match(value)


# --- records --------------------------------------------------------------------

@dataclass(frozen=True)
class Problem:
    """One problem found in an input, with its place (row is 1-based as a
    spreadsheet shows it; None when the problem is about the whole file)."""
    file: str
    row: int | None
    column: str | None
    message: str

    def as_dict(self):
        return {"file": self.file, "row": self.row, "column": self.column,
                "message": self.message}

    def __str__(self):
        place = self.file
        if self.row is not None:
            place += f":{self.row}"
        if self.column:
            place += f":{self.column}"
        return f"{place}: {self.message}"


@dataclass
class Node:
    id: str
    kind: str
    props: dict = field(default_factory=dict)
    sources: list = field(default_factory=list)
    conflicts: dict = field(default_factory=dict)
    # (file, row, sources given explicitly?[, header of each field]) of its row
    origin: tuple = field(default=None, compare=False, repr=False)


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
    # (file, row, sources given explicitly?[, header of each field]) of its row
    origin: tuple = field(default=None, compare=False, repr=False)

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

    def extend(self, other: "Batch"):
        self.nodes += other.nodes
        self.edges += other.edges
        self.errors += other.errors
        self.warnings += other.warnings


def validate_node(node: Node, where) -> list:
    """Problems with one node record. `where(column)` gives a Problem factory."""
    out = []
    if node.kind not in KINDS:
        out.append(where("kind", f"unknown kind {node.kind!r}; expected one of {', '.join(KINDS)}"))
        return out
    if not str(node.props.get("name", "")).strip():
        out.append(where("name", "the name is empty"))
    if node.kind == ORGANISATION:
        cat = node.props.get("category")
        if cat and cat not in CATEGORIES:
            out.append(where("category", f"unknown category {cat!r}; expected one of {', '.join(CATEGORIES)}"))
        sphere = node.props.get("sphere")
        if sphere and sphere not in SPHERES:
            out.append(where("sphere", f"unknown sphere {sphere!r}; expected one of {', '.join(SPHERES)}"))
    if node.kind == TERRITORY:
        level = node.props.get("level")
        if level and level not in TERRITORY_LEVELS:
            out.append(where("level", f"unknown level {level!r}; expected one of {', '.join(TERRITORY_LEVELS)}"))
        for coord, bound in (("lat", 90), ("lon", 180)):
            value = node.props.get(coord)
            if value is None:
                continue
            if not isinstance(value, float) or not -bound <= value <= bound:
                out.append(where(coord, f"{coord} must be a number between -{bound} and {bound}"))
    for name, value in node.props.items():
        if looks_like_formula(value):
            out.append(where(name, f"{value[:30]!r} would run as a formula in a spreadsheet"))
    return out


def validate_edge(edge: Edge, source_kind: str, target_kind: str, where) -> list:
    out = []
    if edge.type not in RELATIONS:
        return [where("type", f"unknown relation type {edge.type!r}; expected one of {', '.join(RELATIONS)}")]
    sources, targets = RELATIONS[edge.type]
    if source_kind not in sources or target_kind not in targets:
        out.append(where("type", f"{edge.type} goes from {'/'.join(sorted(sources))} to "
                         f"{'/'.join(sorted(targets))}, not from {source_kind} to {target_kind}"))
    for name, value in edge.props.items():
        if looks_like_formula(value):
            out.append(where(name, f"{value[:30]!r} would run as a formula in a spreadsheet"))
    return out


def source_document(source: str) -> str:
    """The document part of a source: "report.txt § Participants" and
    "members.csv:12" come from "report.txt" and "members.csv"."""
    doc = str(source).split(" § ", 1)[0]
    return re.sub(r":\d+$", "", doc).strip()


def default_sphere(category: str | None) -> str:
    return CATEGORIES.get(category or "", UNKNOWN)


_CATEGORY_HINTS = (
    (r"\b(conseil (regional|departemental|general)|mairie|ville de|commune|metropole|region|departement|collectivite)\b", "local_authority"),
    (r"\b(ministere|ministry|agence|agency|direction regionale|prefecture)\b", "state_body"),
    (r"\b(fondation|foundation)\b", "foundation"),
    (r"\b(universite|university|institut de recherche|cnrs|ird)\b", "research"),
    (r"\b(reseau|network|collectif|federation|plateforme|coordination|comite)\b", "network"),
    (r"\b(syndicat|confederation|cgt|cfdt|cftc)\b", "union"),
    (r"\b(sarl|sas|sa|entreprise|company|groupe)\b", "company"),
    (r"\b(association|asso)\b", "association"),
)


def guess_category(name: str) -> str:
    """A first guess of an organisation's category from its name, for rows
    that say nothing more (participants lists). Reported as a guess."""
    folded = fold(name)
    for pattern, category in _CATEGORY_HINTS:
        if re.search(pattern, folded):
            return category
    return "other"
