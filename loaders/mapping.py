"""A column mapping: what each column of a directory means, for the sheets
whose headers no reader recognises (a network's own export: « Nom de la
structure », « Type de structure », « Commune », « Pays d'intervention »…).

`propose(table)` guesses each column's role from its header and its
content (a column of e-mails, of country names, of French communes) and
the vocabulary's category of each value of the category column; the user
corrects it; `Mapping` is then saved as TOML and read back, by the page or
by `python -m cli load --mapping annuaire.toml`:

    name = "Annuaire Lianes"
    member_of = "org:lianes-cooperation"     # optional: the rows are its members

    [columns]
    "Nom de la structure" = "name"
    "Type de structure" = "category"
    "Adresse" = "ignore"

    [categories]
    "Collectivité territoriale" = "local_authority"
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

import tomli_w

from graph import model
from graph.model import fold
from graph.names import NameIndex
from graph.privacy import EMAIL, PHONE

from .identifiers import looks_like_identifier
from .reference import commune_key, communes_named, country_named
from .tables import Table, is_blank
from .vocabulary import kind_for_type

# What a column can be. Places: where the organisation is based (commune,
# postcode, département, région, country) and where it acts (active_in).
ROLES = ("name", "acronym", "aliases", "category", "sphere", "description", "website", "email", "phone",
         "identifier", "commune", "postcode", "departement", "region", "country", "active_in", "themes",
         "ignore")
SEVERAL = ("aliases", "active_in", "themes")               # cells that hold several values
SPLIT = re.compile(r"\s*(?:[,;/|\n]|\s-\s)\s*")            # the separators people use between them
SAMPLE = 200                                               # values looked at to guess a column's content

# Headers (folded), most specific first: the role each announces. People's
# names and addresses are ignored: a directory lists organisations.
HEADER_RULES = (
    (r"\b(prenom|first name|civilite|nom du (contact|responsable|referent|president)|contact|responsable|"
     r"referent|president|dirigeant|adresse|address|rue|street|voie)\b", "ignore"),
    (r"\b(courriel|e ?mail|mel|mail)\b", "email"),
    (r"\b(tel|telephone|phone|portable|mobile|fax)\b", "phone"),
    (r"\b(site|web|url|internet)\b", "website"),
    (r"\b(siret|siren|rna|numero rna|n rna|identifiant|numero d association|iati)\b", "identifier"),
    (r"\b(sigle|acronyme|acronym|abbreviation|nom court|titre court)\b", "acronym"),
    (r"\b(autres? noms?|alias|aliases|ancien nom|other names?)\b", "aliases"),
    (r"\b(intervention|d action|partenaires?|where|operation|operations|activite a|terrain)\b.*"
     r"|\b(pays|zones?|territoires?|regions?|countries)\b.*\b(intervention|action|activite)\b", "place_or_theme"),
    (r"\b(sphere)\b", "sphere"),
    (r"\b(type|categorie|category|statut|forme juridique|nature|famille|college)\b", "category"),
    (r"\b(code postal|cp|postcode|zip|postal code)\b", "postcode"),
    (r"\b(commune|ville|localite|city|town|libcom|libcommune)\b", "commune"),
    (r"\b(departement|dept|dep)\b", "departement"),
    (r"\b(region)\b", "region"),
    (r"\b(pays|country|nation)\b", "country"),
    (r"\b(thematiques?|themes?|domaines?|secteurs?|sectors?|topics?|filieres?)\b", "themes"),
    (r"\b(description|presentation|objet|missions?|activites?|about|resume)\b", "description"),
    (r"\b(nom|raison sociale|denomination|intitule|libelle|name|structure|organisation|organization|"
     r"organisme|association|titre|label)\b", "name"),
)


def header_role(header: str):
    """The role a header announces, or None."""
    words = fold(header).replace("_", " ")
    if not words:
        return None
    for pattern, role in HEADER_RULES:
        if re.search(pattern, words):
            if role == "place_or_theme":       # « Pays d'intervention » / « Secteurs d'intervention »
                return "themes" if re.search(r"\b(secteurs?|domaines?|thematiques?|themes?|sectors?)\b", words) \
                    else "active_in"
            return role
    return None


def parts(cell: str, role: str) -> list:
    """The values of a cell: several for the roles that hold several."""
    text = str(cell).strip()
    if not text:
        return []
    if role in SEVERAL:
        return [p for p in SPLIT.split(text) if p]
    return [text]


def category_of(value: str, categories: dict | None = None):
    """The vocabulary's category a value means: as the mapping says, else
    as the vocabulary's words say (« Collectivité territoriale », « ONG »,
    « Association loi 1901 »), else None."""
    categories = categories or {}
    for written, category in categories.items():
        if fold(written) == fold(value):
            return category
    mapped = kind_for_type(value)
    if mapped and mapped[0] == model.ORGANISATION and mapped[1]:
        return mapped[1]
    return guess_category_word(value)


_CATEGORY_WORDS = (
    (r"\b(association|asso|loi 1901)\b", "association"),
    (r"\b(ong|ngo|ongi|osi)\b", "ngo"),
    (r"\b(reseau|collectif|federation|plateforme|coordination|network)\b", "network"),
    (r"\b(collectivite|commune|mairie|conseil (regional|departemental)|region|departement|metropole|"
     r"intercommunalite|communaute (de communes|d agglomeration|urbaine)|local authority|municipality)\b",
     "local_authority"),
    (r"\b(etablissement public|etat|ministere|prefecture|service deconcentre|agence|chambre (de commerce|"
     r"d agriculture|des metiers)|cci|government|state)\b", "state_body"),
    (r"\b(etablissement scolaire|ecole|college|lycee|universite|enseignement|recherche|formation|"
     r"school|university|research|institut)\b", "research"),
    (r"\b(entreprise|societe|sarl|sas|scop|scic|cooperative|company|business|ess)\b", "company"),
    (r"\b(fondation|fonds de dotation|foundation)\b", "foundation"),
    (r"\b(syndicat|union)\b", "union"),
    (r"\b(media|medias|journal|radio)\b", "media"),
    (r"\b(organisation internationale|nations unies|onu|international organi[sz]ation)\b",
     "international_organisation"),
)


def guess_category_word(value: str):
    words = fold(value)
    for pattern, category in _CATEGORY_WORDS:
        if re.search(pattern, words):
            return category
    return None


@dataclass
class Column:
    """One column as the page shows it: its header, a few values, the role
    guessed and why (« header », « content », or None)."""
    header: str
    samples: list
    role: str
    why: str | None


@dataclass
class Mapping:
    columns: dict = field(default_factory=dict)       # header as written -> role
    categories: dict = field(default_factory=dict)    # a category column's value as written -> category
    member_of: str = ""                               # the network whose members the rows are (id)
    name: str = ""

    def to_toml(self) -> str:
        data = {"name": self.name} if self.name else {}
        if self.member_of:
            data["member_of"] = self.member_of
        data["columns"] = dict(self.columns)
        if self.categories:
            data["categories"] = dict(self.categories)
        return tomli_w.dumps(data)

    @classmethod
    def from_toml(cls, text: str, file: str = "mapping.toml") -> "Mapping":
        """Read a mapping; MappingError (with the Problem) when it is not one."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise MappingError(model.Problem(file, getattr(exc, "lineno", None), None, "mapping_unreadable",
                                             {"detail": str(exc).split(" (at")[0]}))
        columns, categories = data.get("columns", {}), data.get("categories", {})
        problems = []
        if not isinstance(columns, dict) or not columns:
            problems.append(model.Problem(file, None, "columns", "mapping_no_columns", {}))
            columns = {}
        for header, role in columns.items():
            if role not in ROLES:
                problems.append(model.Problem(file, None, header, "mapping_unknown_role",
                                              {"role": str(role), "roles": list(ROLES)}))
        for value, category in (categories.items() if isinstance(categories, dict) else []):
            if category not in model.CATEGORIES:
                problems.append(model.Problem(file, None, value, "mapping_unknown_category",
                                              {"category": str(category), "categories": list(model.CATEGORIES)}))
        if problems:
            raise MappingError(*problems)
        return cls({str(h): r for h, r in columns.items()}, {str(v): c for v, c in categories.items()},
                   str(data.get("member_of", "")), str(data.get("name", "")))

    def fits(self, table: Table) -> bool:
        """Whether `table`'s header is the one this mapping describes (its
        name column at least, and most of its columns)."""
        header = header_of(table)
        if not header:
            return False
        found = {h.strip() for h in header if h.strip()}
        named = [h for h, r in self.columns.items() if r == "name"]
        return bool(named) and all(h in found for h in named) and \
            len(found & set(self.columns)) >= max(1, len(self.columns) // 2)


class MappingError(Exception):
    def __init__(self, *problems):
        super().__init__(f"{len(problems)} problem(s) in the mapping")
        self.problems = list(problems)


def header_of(table: Table):
    for _, cells in table.rows:
        if not is_blank(cells):
            return cells
    return None


def values_of(table: Table, index: int) -> list:
    """The non-empty values of one column, the header left out."""
    rows = [c for _, c in table.rows if not is_blank(c)][1:]
    return [c[index].strip() for c in rows if index < len(c) and c[index].strip()]


def _share(values, test) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def content_role(values: list, known: NameIndex):
    """The role a column's values suggest, or None."""
    sample = values[:SAMPLE]
    if not sample:
        return None
    pieces = [p for v in sample for p in parts(v, "active_in")]
    if _share(sample, lambda v: bool(EMAIL.fullmatch(v.strip()))) >= 0.6:
        return "email"
    if _share(sample, lambda v: bool(re.match(r"^(https?://|www\.)\S+$", v.strip(), re.I))) >= 0.6:
        return "website"
    if _share(sample, looks_like_identifier) >= 0.6:
        return "identifier"
    if _share(sample, lambda v: bool(re.fullmatch(r"\d{5}", v.strip()))) >= 0.8:
        return "postcode"
    if _share(sample, lambda v: bool(PHONE.fullmatch(v.strip()))) >= 0.6:
        return "phone"
    several = _share(sample, lambda v: len(parts(v, "active_in")) > 1) >= 0.1
    if _share(pieces, lambda p: country_named(p) is not None) >= 0.6:
        return "active_in" if several else "country"
    if _share(sample, lambda v: commune_key(v) in communes_named()) >= 0.6:
        return "commune"
    if _share(pieces, lambda p: bool(known.exact(p, model.TERRITORY))) >= 0.5:
        return "active_in"
    if _share(pieces, lambda p: bool(known.exact(p, model.THEME))) >= 0.5:
        return "themes"
    distinct = set(map(fold, sample))
    if len(distinct) <= 25 and len(sample) >= 2 * len(distinct) and \
            _share(sample, lambda v: category_of(v) is not None) >= 0.5:
        return "category"
    return None


def propose(table: Table, known: NameIndex | None = None, saved: Mapping | None = None) -> tuple:
    """(columns, categories) proposed for a sheet: each Column with its role
    guessed (from a saved mapping, the header, then the content; else
    « ignore »), and each value of the category column with the category
    it seems to mean (None: the user must choose)."""
    known = known or NameIndex()
    header = header_of(table) or []
    columns, taken = [], set()
    for index, title in enumerate(header):
        if not title.strip():
            continue
        values = values_of(table, index)
        samples = list(dict.fromkeys(values))[:5]
        role, why = None, None
        if saved and title.strip() in saved.columns:
            role, why = saved.columns[title.strip()], "saved"
        if role is None:
            role = header_role(title)
            why = "header" if role else None
        found = content_role(values, known) if role in (None, "name", "description", "category") else None
        if role is None and found:
            role, why = found, "content"
        elif role in ("description", "name") and found in ("email", "website", "identifier", "phone"):
            role, why = found, "content"            # « Contact » holding e-mails, « Nom » holding URLs
        if role in ("name", "acronym", "category") and role in taken and why != "saved":
            role, why = "ignore", None              # one name column: the first
        columns.append(Column(title.strip(), samples, role or "ignore", why))
        taken.add(role)
    categories = {}
    for column in columns:
        if column.role == "category":
            index = [h.strip() for h in header].index(column.header)
            for value in dict.fromkeys(values_of(table, index)):
                categories[value] = category_of(value, saved.categories if saved else None)
    return columns, categories


def guessed_mapping(table: Table, known: NameIndex | None = None, name: str = "") -> Mapping:
    """The proposal as a Mapping, every category value it could not place
    left out (for `python -m cli mapping`: the user completes the file)."""
    columns, categories = propose(table, known)
    return Mapping({c.header: c.role for c in columns}, {v: c for v, c in categories.items() if c}, "", name)
