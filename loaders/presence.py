""""Who does what where" sheets (3W / 4W): one row per organisation × place
× sector (× activity), as humanitarian coordination publishes them for
every crisis country.

Columns are recognised from a row of HXL hashtags under the header
(#org+impl+acronym, #adm1+code, #sector...; parsed by libhxl), or else
from the usual headers of these tables in French or English (implementing
partner, programme partner, donor, region / zone / woreda / governorate /
district / province / département / commune with their P-codes, cluster or
sector, latitude and longitude, year and month). Every other column is
reported as not used.

- Organisations: the implementing partner, the programme partner and the
  donor of a row, each by acronym and name (one organisation seen under its
  acronym in one row and its full name in another is one); an organisation
  the graph holds is recognised, not duplicated. "Own funds", "other" and
  the like are not organisations.
- Places: each admin level a row gives, P-codes as stable ids, PART_OF
  between them up to the country that the P-code's ISO prefix names, with
  the coordinates given.
- Ties, one per pair however many rows repeat it (`rows` counts them): the
  implementing partner ACTIVE_IN the most specific place and WORKS_ON the
  sector; the funding chain donor -> programme partner -> implementing
  partner as FUNDS and PARTNER_OF, with the years when the sheet has them.
"""
from __future__ import annotations

import re
from pathlib import Path

import hxl.model

from graph import model
from graph.model import Batch, Edge, Node, Origin, Problem, fold
from graph.names import NameIndex

from .places import Places
from .tables import Table, is_blank

LEVELS = ("adm1", "adm2", "adm3", "adm4")
LEVEL_WORDS = {"adm1": "region", "adm2": "departement", "adm3": "area", "adm4": "city"}
ROLES = ("impl", "prog", "funder")
# Several organisations in one cell (a consortium): "Nusaned + CARE". Not
# "/": "HEKS/EPER" and "HL/HPA" are each one organisation's two acronyms.
SEVERAL = re.compile(r"\s*[+;|]\s*")
NOT_ORGANISATIONS = re.compile(r"^(own funds?|fonds propres|autofinancement|self[- ]funded|others?|autres?|"
                               r"n/?a|none|unknown|inconnu|-+|private donors?)$", re.IGNORECASE)

# plain headers (folded) -> field, for sheets without hashtags
HEADER_RULES = (
    (r"^(implementing partner|partenaire (de mise en oeuvre|operationnel)|partner|partenaire|organisation|"
     r"organization|org|structure)( (acronym|sigle|abbreviation|name|nom|full name|type))?$", "impl"),
    (r"^(program(me)? partner|partenaire (de programme|programme))( (acronym|sigle|name|nom))?$", "prog"),
    (r"^(donor|funder|bailleur|bailleur de fonds)( (acronym|sigle|name|nom))?$", "funder"),
)
PLACE_WORDS = {"region": "adm1", "governorate": "adm1", "province": "adm1", "state": "adm1", "admin1": "adm1",
               "zone": "adm2", "district": "adm2", "departement": "adm2", "prefecture": "adm2", "admin2": "adm2",
               "woreda": "adm3", "commune": "adm3", "sous prefecture": "adm3", "admin3": "adm3",
               "localite": "adm4", "village": "adm4", "kebele": "adm4", "admin4": "adm4"}


def _hxl(cells):
    """The fields of a row of HXL hashtags, or None when it is not one."""
    columns = [hxl.model.Column.parse(c.strip(), header="") if c.strip().startswith("#") else None for c in cells]
    if sum(1 for c in columns if c) < max(2, len([c for c in cells if c.strip()]) // 2):
        return None
    return {i: field for i, c in enumerate(columns) if c and (field := _hxl_field(c.tag, c.attributes))}


def _hxl_field(tag, attributes):
    if tag == "#org":
        role = "funder" if attributes & {"funder", "donor"} else "prog" if attributes & {"prog", "partner"} - {
            "impl"} and "impl" not in attributes else "impl"
        part = "acronym" if "acronym" in attributes else "type" if "type" in attributes else "name"
        return f"{role}.{part}"
    if tag in ("#adm1", "#adm2", "#adm3", "#adm4"):
        return f"{tag[1:]}.{'code' if 'code' in attributes else 'name'}"
    if tag == "#country":
        return "country.code" if "code" in attributes else "country.name"
    if tag in ("#sector", "#cluster"):
        return "sector"
    if tag == "#geo":
        return "lat" if "lat" in attributes else "lon" if attributes & {"lon", "long"} else None
    if tag == "#date":
        return "year" if "year" in attributes else "month" if "month" in attributes else None
    return None


def _plain_field(header: str):
    words = fold(header).replace(".", " ").replace("_", " ")
    words = re.sub(r"\bpartner partner\b", "partner", words)
    for pattern, role in HEADER_RULES:
        if re.match(pattern, words):
            part = "acronym" if re.search(r"\b(acronym|sigle|abbreviation)$", words) else \
                "type" if words.endswith(" type") else "name"
            return f"{role}.{part}"
    if words in ("partner name", "partenaire nom"):
        return "impl.acronym"
    code = re.search(r"(pcod(e)?|p code|code)$", words)
    base = re.sub(r"\s*(pcod(e)?|p code|code|name|nom)$", "", words).strip()
    if base in PLACE_WORDS:
        return f"{PLACE_WORDS[base]}.{'code' if code else 'name'}"
    if words in ("country", "pays", "country code", "code pays", "iso3", "iso"):
        return "country.code" if "code" in words or "iso" in words else "country.name"
    if words in ("sector", "secteur", "cluster", "sector cluster"):
        return "sector"
    if words in ("lat", "latitude", "y"):
        return "lat"
    if words in ("long", "lon", "lng", "longitude", "x"):
        return "lon"
    if words in ("year", "annee"):
        return "year"
    if words in ("month", "mois"):
        return "month"
    return None


def columns(table: Table):
    """(header row number, first data row index, field of each column, the
    columns not used) of a presence sheet, or None when it is not one."""
    rows = [(n, c) for n, c in table.rows if not is_blank(c)]
    if len(rows) < 2:
        return None
    (header_row, header), (_, second) = rows[0], rows[1]
    tagged = _hxl(second)
    fields = tagged if tagged else {i: f for i, h in enumerate(header) if (f := _plain_field(h))}
    found = set(fields.values())
    org = any(f.startswith("impl.") for f in found)
    where = any(f.split(".")[0] in LEVELS for f in found)
    if not (org and where):
        return None
    unused = [h for i, h in enumerate(header) if i not in fields and h.strip()]
    return header_row, 2 if tagged else 1, fields, unused


def looks_like_presence(table: Table) -> bool:
    return columns(table) is not None


class PresenceReader:
    def __init__(self, known: NameIndex | None = None):
        self.known = known or NameIndex()
        self.batch = Batch()
        self.orgs, self.ids = {}, {}         # id -> props; group of names -> id
        self.parent = {}                     # folded acronym or name -> another of its group (union-find)
        self.places, self.themes, self.ties = {}, {}, {}
        self.coded = {}                      # (level, folded name) -> P-code given for it in some row
        self.geo = Places(self.known, self.places)

    def read(self, tables) -> Batch:
        for table in tables:
            found = columns(table)
            if found is None:
                continue
            header_row, skip, fields, unused = found
            if unused:
                self.batch.warnings.append(Problem(table.file, header_row, None, "columns_not_used",
                                                   {"columns": unused}))
            rows = [(n, c) for n, c in table.rows if not is_blank(c)][skip:]
            rows = [(n, {f: c[i].strip() for i, f in fields.items() if i < len(c) and c[i].strip()}) for n, c in rows]
            for _, values in rows:           # first, what the whole sheet says of names and places
                for role in ROLES:           # an acronym and a name written together are one organisation
                    for acronym, name in pairs_of(values, role):
                        self.join(fold(acronym), fold(name))
                for level in LEVELS:         # a place named without its P-code in one row, with it in another
                    if values.get(f"{level}.code") and values.get(f"{level}.name"):
                        self.coded.setdefault((level, fold(values[f"{level}.name"])), values[f"{level}.code"])
            for number, values in rows:
                self.row(table.file, number, values)
        return self.finish()

    # -- one row -----------------------------------------------------------------
    def row(self, file, number, values):
        origin = Origin(file, number, False)
        impls = self.organisations(values, "impl", origin)
        progs = self.organisations(values, "prog", origin)
        funders = self.organisations(values, "funder", origin)
        place = self.place(values, origin)
        sector = values.get("sector")
        year = values.get("year", "")
        theme = self.theme(sector, origin) if sector else None
        for impl in impls:
            if place:
                self.tie(impl, "ACTIVE_IN", place, origin, year)
            if theme:
                self.tie(impl, "WORKS_ON", theme, origin, year)
            for prog in progs:
                if prog != impl:
                    self.tie(prog, "PARTNER_OF", impl, origin, year)
        for funder in funders:
            for receiver in progs or impls:
                if receiver != funder:
                    self.tie(funder, "FUNDS", receiver, origin, year)

    def find(self, key):
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, *keys):
        keys = [k for k in keys if k]
        for key in keys[1:]:
            self.parent[self.find(key)] = self.find(keys[0])

    def organisations(self, values, role, origin) -> list:
        """The organisations a row names in one role."""
        found = []
        for acronym, name in pairs_of(values, role):
            org = self.organisation(dict(values, **{f"{role}.acronym": acronym, f"{role}.name": name}), role, origin)
            if org and org not in found:
                found.append(org)
        return found

    def organisation(self, values, role, origin):
        acronym, name = values.get(f"{role}.acronym", "").strip(), values.get(f"{role}.name", "").strip()
        if not (acronym or name) or NOT_ORGANISATIONS.match(name or acronym) or NOT_ORGANISATIONS.match(acronym):
            return None
        if acronym and fold(acronym) == fold(name):
            name = ""
        group = self.find(fold(acronym) or fold(name))
        org_id = self.ids.get(group)
        if org_id is None:
            for text in (name, acronym):
                found = self.known.exact(text, model.ORGANISATION) if text else []
                if len(found) == 1:
                    org_id = found[0]
                    break
            self.ids[group] = org_id = org_id or model.make_id(model.ORGANISATION, name or acronym)
        props = self.orgs.setdefault(org_id, {"origin": origin})
        if name and "name" not in props:
            props["name"] = name
        if acronym and "acronym" not in props:
            props["acronym"] = acronym
        kind = values.get(f"{role}.type")
        if kind and "category" not in props:
            props["category"] = presence_category(kind)
        return org_id

    def place(self, values, origin):
        """The most specific place of a row, its parents tied to it."""
        country = self.country(values)
        iso = (values.get("country.code") or "")[:2].lower()
        if country is None:                  # the country a P-code's ISO prefix names
            code = next((values[f"{level}.code"] for level in LEVELS if values.get(f"{level}.code", "")[:2].isalpha()),
                        "")
            if code:
                country, iso = self.country({"country.code": code[:2]}), code[:2].lower()
        child = None
        for level in reversed(LEVELS):
            name = values.get(f"{level}.name", "")
            code = values.get(f"{level}.code", "") or self.coded.get((level, fold(name)), "")
            if not (code or name):
                continue
            prefix = iso or "xx"
            place_id = f"ter:{code}" if code else f"ter:{prefix}-{level}-{model.slug(name)}"
            props = self.places.setdefault(place_id, {"name": name or code, "level": LEVEL_WORDS[level],
                                                      "origin": origin})
            if code:
                props["identifiers"] = [f"pcode:{code}"]
            if child is None and values.get("lat") and values.get("lon"):
                try:
                    props.setdefault("lat", float(values["lat"].replace(",", ".")))
                    props.setdefault("lon", float(values["lon"].replace(",", ".")))
                except ValueError:
                    pass
            if child is not None:
                self.tie(child, "PART_OF", place_id, origin, "")
            else:
                most_specific = place_id
            child = place_id
        if child is None:
            return country
        if country is not None and child != country:
            self.tie(child, "PART_OF", country, origin, "")
        return most_specific

    def country(self, values):
        code = (values.get("country.code") or "").upper()[:2]
        return self.geo.country(code) if code else None

    def theme(self, sector, origin):
        found = self.known.exact(sector, model.THEME)
        if len(found) == 1:
            return found[0]
        theme_id = model.make_id(model.THEME, sector)
        self.themes.setdefault(theme_id, {"name": sector, "origin": origin})
        return theme_id

    def tie(self, source, rel, target, origin, year):
        key = model.edge_key(source, rel, target)
        found = self.ties.get(key)
        if found is None:
            found = self.ties[key] = {"origin": origin, "rows": 0, "years": set()}
        found["rows"] += 1
        if year.isdigit():
            found["years"].add(year)

    # -- the batch -------------------------------------------------------------------
    def finish(self) -> Batch:
        for kind, found in ((model.ORGANISATION, self.orgs), (model.TERRITORY, self.places),
                            (model.THEME, self.themes)):
            for node_id, props in found.items():
                origin = props.pop("origin", None) or Origin(None, None, False)
                if kind == model.ORGANISATION:
                    props.setdefault("name", props.get("acronym", node_id))
                    props.setdefault("category", "other")
                    props["sphere"] = model.default_sphere(props["category"])
                node = Node(node_id, kind, props, [f"{Path(origin.file or '').name}:{origin.row}" if origin.file
                                                   else "presence"])
                node.origin = origin
                self.batch.nodes.append(node)
        for (source, rel, target, _), found in self.ties.items():
            props = {"rows": found["rows"]} if rel != "PART_OF" else {}
            years = sorted(found["years"])
            if years and rel != "PART_OF":
                props["since"], props["until"] = years[0], years[-1]
            origin = found["origin"]
            edge = Edge(source, rel, target, props, [f"{Path(origin.file).name}:{origin.row}"])
            edge.origin = origin
            self.batch.edges.append(edge)
        return self.batch


def pairs_of(values, role) -> list:
    """(acronym, name) of each organisation a row names in one role: a cell
    may name several (a consortium); acronyms and names then go in pairs
    when they are as many, else each stands alone."""
    acronyms = SEVERAL.split(values.get(f"{role}.acronym", "")) if values.get(f"{role}.acronym") else []
    names = SEVERAL.split(values.get(f"{role}.name", "")) if values.get(f"{role}.name") else []
    if len(acronyms) <= 1 and len(names) <= 1:
        return [((acronyms or [""])[0], (names or [""])[0])]
    if len(acronyms) == len(names):
        return list(zip(acronyms, names))
    return [(a, "") for a in acronyms] + [("", n) for n in names]


def presence_category(text: str) -> str:
    """A 3W sheet's organisation type in the vocabulary's categories."""
    words = fold(text)
    if re.search(r"\b(ingo|nngo|ngo|ong|international ngo|national ngo|red cross|croix rouge|cso|osc)\b", words):
        return "ngo"
    if re.search(r"\b(un|un agency|agence des nations unies|united nations)\b", words):
        return "international_organisation"
    if re.search(r"\b(government|gouvernement|ministry|ministere)\b", words):
        return "state_body"
    if re.search(r"\b(private|prive|company|entreprise)\b", words):
        return "company"
    return "other"
