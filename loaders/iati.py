"""IATI activity files (standard versions 1.0x and 2.0x): who funds, leads
and implements which activity, where, on what.

- Each `iati-activity` becomes a Project (its iati-identifier is its id),
  named by its title, in French when the file gives a French narrative.
- Each `participating-org` becomes an Organisation tied to the project by
  its role: Funding -> FUNDS; Accountable and Extending -> LEADS (the roles
  kept in `role`); Implementing -> TAKES_PART_IN. The `reporting-org` (the
  publisher) leads its activities (`role` "reporting") unless it already
  takes part in them. Transactions from a provider to a receiver, both
  known, add a FUNDS tie between the two organisations, one per activity,
  with the amounts committed and disbursed by currency and the years.
- An organisation is known by its IATI ref when the ref is a registered
  identifier (FR-RNA-…, FR-3, XM-DAC-41114: two letters, a dash, the rest);
  a local ref ("61", used by the Spanish ministry for FAO and for another
  ministry) identifies nothing and the name decides. A ref used with two
  names keeps both (the others become aliases); a name used with two refs
  is reported, never merged. Participants that are categories, not
  organisations ("Otra entidad", "Other"), are reported and left out.
- recipient-country and recipient-region become Territories (TARGETS, with
  the percentage), named in French, placed on the map (data/geo); sectors
  of the DAC vocabularies become Themes named in French (data/iati);
  other vocabularies, their narrative when they give one.

The file is read as a stream (lxml iterparse, each activity cleared once
read), so memory follows what the graph keeps, not the file's size; it is
refused before parsing if it declares entities or a document type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from graph import model
from graph.model import Batch, Edge, Node, Origin, Problem
from graph.names import NameIndex

from .identifiers import keys as identity_keys
from .places import Places
from .reference import iati
from .tables import FILE_MB, MB, TableError, Upload, read_bytes
from .vocabulary import iati_organisation_category

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GLOBAL_REF = re.compile(r"^[A-Z]{2}-[A-Za-z0-9]")
# Participants that are categories or channels, not organisations.
GENERIC = re.compile(r"^(otr[ao]s?|other|others|autres?|divers|various|v[ií]a|general funds|own funds|fonds propres|"
                     r"self[- ]funded|anonymous|anonyme)\b", re.IGNORECASE)
ROLES = {"1": "funding", "2": "accountable", "3": "extending", "4": "implementing",
         "funding": "funding", "accountable": "accountable", "extending": "extending",
         "implementing": "implementing"}
COMMITMENT = {"2", "C"}
DISBURSEMENT = {"3", "4", "D", "E"}
DATE_TYPES = {"1": "start", "2": "start", "3": "end", "4": "end", "start-planned": "start",
              "start-actual": "start", "end-planned": "end", "end-actual": "end"}
ACTUAL = {"2", "4", "start-actual", "end-actual"}
DAC_5, DAC_3 = {"1", "DAC"}, {"2", "DAC-3"}


def looks_like_iati(head: bytes) -> bool:
    return b"<iati-activities" in head[:8192]


# --- reading one activity (pure functions of an element) ----------------------------

def narratives(element, default_lang: str) -> list:
    """(language, text) of an element: its narratives (2.0x) or its text (1.0x)."""
    if element is None:
        return []
    found = [(n.get(XML_LANG, default_lang), (n.text or "").strip()) for n in element.findall("narrative")]
    found = [(lang, text) for lang, text in found if text]
    if not found and (element.text or "").strip():
        found = [(element.get(XML_LANG, default_lang), element.text.strip())]
    return found


def best(found: list) -> str:
    """The French text when there is one, else the first."""
    return next((text for lang, text in found if lang == "fr"), found[0][1] if found else "")


@dataclass
class Participant:
    role: str                   # funding, accountable, extending, implementing, reporting
    ref: str
    type: str
    names: list                 # (language, text)


@dataclass
class Activity:
    identifier: str
    line: int
    title: str = ""
    description: str = ""
    dates: dict = field(default_factory=dict)
    status: str = ""
    participants: list = field(default_factory=list)
    countries: list = field(default_factory=list)       # (code, percentage)
    regions: list = field(default_factory=list)         # (code, percentage)
    sectors: list = field(default_factory=list)         # (vocabulary, code, percentage, narrative)
    transactions: list = field(default_factory=list)    # (type, provider, receiver, value, currency, year)


def percentage(element):
    try:
        return float(element.get("percentage")) if element.get("percentage") else None
    except ValueError:
        return None


def org_of(element, default_lang, role=""):
    if element is None:
        return None
    names = narratives(element, default_lang)
    ref = (element.get("ref") or "").strip()
    if not names and not ref:
        return None
    return Participant(role, ref, (element.get("type") or "").strip(), names)


def read_activity(element) -> Activity:
    """What one iati-activity says, as plain data."""
    lang = element.get(XML_LANG, "en")
    activity = Activity((element.findtext("iati-identifier") or "").strip(), element.sourceline or 0)
    activity.title = best(narratives(element.find("title"), lang))
    activity.description = best(narratives(element.find("description"), lang))
    for date in element.findall("activity-date"):
        kind = DATE_TYPES.get(date.get("type", ""))
        value = (date.get("iso-date") or "").strip()[:10]
        if kind and value and (kind not in activity.dates or date.get("type") in ACTUAL):
            activity.dates[kind] = value
    status = element.find("activity-status")
    if status is not None:
        code = status.get("code", "")
        activity.status = iati("ActivityStatus").get(code, {}).get("name_fr") or (status.text or "").strip()
    reporting = org_of(element.find("reporting-org"), lang, "reporting")
    if reporting:
        activity.participants.append(reporting)
    for org in element.findall("participating-org"):
        found = org_of(org, lang, ROLES.get((org.get("role") or "").strip().lower(), ""))
        if found and found.role:
            activity.participants.append(found)
    activity.countries = [(c.get("code", "").strip().upper(), percentage(c))
                          for c in element.findall("recipient-country") if c.get("code")]
    activity.regions = [(r.get("code", "").strip(), percentage(r)) for r in element.findall("recipient-region")
                        if r.get("code") and r.get("vocabulary", "1") == "1"]
    activity.sectors = [(s.get("vocabulary", "1"), (s.get("code") or "").strip(), percentage(s),
                         best(narratives(s, lang))) for s in element.findall("sector")]
    for transaction in element.findall("transaction"):
        kind = transaction.find("transaction-type")
        value = transaction.find("value")
        try:
            amount = float((value.text or "").strip()) if value is not None else None
        except ValueError:
            amount = None
        date = transaction.find("transaction-date")
        year = ((date.get("iso-date") if date is not None else None) or (value.get("value-date") if value is not None
                                                                          else None) or "")[:4]
        activity.transactions.append((kind.get("code", "") if kind is not None else "",
                                      org_of(transaction.find("provider-org"), lang),
                                      org_of(transaction.find("receiver-org"), lang),
                                      amount, (value.get("currency") if value is not None else None)
                                      or element.get("default-currency", ""), year))
    return activity


# --- from activities to a batch ------------------------------------------------------------

class IatiReader:
    """Reads activities one at a time into the records of one load."""

    def __init__(self, file: str, known: NameIndex):
        self.file, self.name, self.known = file, Path(file).name, known
        self.batch = Batch()
        self.orgs = {}          # id -> {"names": [..], "type": code, "ref": ref, "line": line}
        self.by_name = {}       # folded name -> id, for organisations without a registered ref
        self.refs_of_name = {}  # folded name -> registered refs seen with it
        self.reported = set()   # names already said to come with two refs
        self.places, self.themes, self.edges = {}, {}, {}
        self.geo = Places(known, self.places)

    def where(self, line, column, code, /, **values):
        return Problem(self.file, line, column, code, values)

    def placed(self, line):
        return lambda column, code, /, **values: self.where(line, column, code, **values)

    # organisations
    def organisation(self, participant: Participant, line: int):
        name = best(participant.names)
        registered = bool(GLOBAL_REF.match(participant.ref))
        if GENERIC.match(name):
            if not registered:
                self.batch.warnings.append(self.where(line, "participating-org", "iati_generic_participant",
                                                      name=name))
                return None
            name = ""                     # a channel's name given to a known organisation: not one of its names
        if not name and not registered:
            return None
        folded = model.fold(name)
        if registered:
            ref = participant.ref
            known = sorted({i for key in identity_keys(ref) or [ref] for i in self.known.identified(key)})
            org_id = known[0] if len(known) == 1 else f"org:{ref}"
            if name:
                refs = self.refs_of_name.setdefault(folded, set())
                refs.add(ref)
                if len(refs) > 1 and folded not in self.reported:
                    self.reported.add(folded)
                    self.batch.warnings.append(self.where(line, "participating-org", "iati_name_two_refs",
                                                          name=name, refs=sorted(refs)))
        else:
            ref = None
            org_id = self.by_name.get(folded)
            if org_id is None:
                found = self.known.exact(name, model.ORGANISATION)
                org_id = found[0] if len(found) == 1 else model.make_id(model.ORGANISATION, name)
            self.by_name[folded] = org_id
        entry = self.orgs.setdefault(org_id, {"names": [], "type": participant.type, "ref": ref, "line": line})
        if name and name not in entry["names"]:
            entry["names"].append(name)
        return org_id

    # places and themes
    def country(self, code):
        return self.geo.country(code)

    def region(self, code):
        row = iati("Region").get(code)
        if row is None:
            return None
        known = self.known.identified(f"DAC-region:{code}")
        if known:
            return known[0]
        place_id = model.make_id(model.TERRITORY, row["name_fr"])
        self.places[place_id] = {"name": row["name_fr"], "aliases": [row["name_en"]], "level": "zone",
                                 "identifiers": [f"DAC-region:{code}"]}
        return place_id

    def theme(self, vocabulary, code, narrative):
        if vocabulary in DAC_5 and len(code) == 5 or vocabulary in DAC_3 or vocabulary in DAC_5 and len(code) == 3:
            row = (iati("Sector") if len(code) == 5 else iati("SectorCategory")).get(code)
            if row is None:
                return None
            identifier = f"DAC:{code}"
            known = self.known.identified(identifier)
            if known:
                return known[0]
            theme_id = model.make_id(model.THEME, row["name_fr"])
            self.themes[theme_id] = {"name": row["name_fr"], "aliases": [row["name_en"]], "identifiers": [identifier]}
            return theme_id
        if not narrative:
            return None
        found = self.known.exact(narrative, model.THEME)
        if len(found) == 1:
            return found[0]
        theme_id = model.make_id(model.THEME, narrative)
        self.themes.setdefault(theme_id, {"name": narrative})
        return theme_id

    # ties
    def tie(self, source, rel, target, line, props, discriminator=""):
        key = (source, rel, target, discriminator)
        tie = self.edges.get(key)
        if tie is None:
            tie = self.edges[key] = Edge(source, rel, target, dict(props), [], discriminator=discriminator)
            tie.origin = Origin(self.file, line, True)
        return tie

    def add(self, activity: Activity):
        project = f"prj:{activity.identifier}"
        source = f"{self.name}:{activity.identifier}"
        props = {"name": activity.title or activity.identifier, "iati_identifier": activity.identifier,
                 "description": activity.description, "start": activity.dates.get("start"),
                 "end": activity.dates.get("end"), "status": activity.status}
        props, neutral = model.neutralised({k: v for k, v in props.items() if v}, self.placed(activity.line))
        self.batch.warnings += neutral
        node = Node(project, model.PROJECT, props, [source])
        node.origin = Origin(self.file, activity.line, True)
        self.batch.nodes.append(node)
        roles = {}
        for participant in activity.participants:
            org = self.organisation(participant, activity.line)
            if org is not None:
                roles.setdefault(org, []).append(participant.role)
        for org, found in roles.items():
            if "funding" in found:
                self.sourced(self.tie(org, "FUNDS", project, activity.line, {}), source)
            leads = sorted({r for r in found if r in ("accountable", "extending")})
            if leads or found == ["reporting"]:
                self.sourced(self.tie(org, "LEADS", project, activity.line, {"role": leads or ["reporting"]}), source)
            if "implementing" in found:
                self.sourced(self.tie(org, "TAKES_PART_IN", project, activity.line, {}), source)
        for code, share in activity.countries:
            place = self.country(code)
            if place is None:
                self.batch.warnings.append(self.where(activity.line, "recipient-country", "iati_unknown_code",
                                                      code=code, activity=activity.identifier))
                continue
            self.sourced(self.tie(project, "TARGETS", place, activity.line, _share(share)), source)
        for code, share in activity.regions:
            place = self.region(code)
            if place is not None:
                self.sourced(self.tie(project, "TARGETS", place, activity.line, _share(share)), source)
        for vocabulary, code, share, narrative in activity.sectors:
            theme = self.theme(vocabulary, code, narrative)
            if theme is not None:
                self.sourced(self.tie(project, "ADDRESSES", theme, activity.line, _share(share)), source)
        self.flows(activity, project, source)

    def flows(self, activity, project, source):
        """Provider -> receiver FUNDS ties, one per pair and activity."""
        sums = {}
        for kind, provider, receiver, amount, currency, year in activity.transactions:
            if provider is None or receiver is None or amount is None:
                continue
            giver, taker = self.organisation(provider, activity.line), self.organisation(receiver, activity.line)
            if giver is None or taker is None or giver == taker:
                continue
            flow = sums.setdefault((giver, taker, currency), {"committed": 0.0, "disbursed": 0.0, "years": set()})
            part = "committed" if kind in COMMITMENT else "disbursed" if kind in DISBURSEMENT else None
            if part:
                flow[part] += amount
            if year.isdigit():
                flow["years"].add(year)
        for (giver, taker, currency), flow in sums.items():
            props = {"project": activity.identifier, "currency": currency}
            for part in ("committed", "disbursed"):
                if flow[part]:
                    props[part] = round(flow[part], 2)
            years = sorted(flow["years"])
            if years:
                props["since"], props["until"] = years[0], years[-1]
            props, neutral = model.neutralised({k: v for k, v in props.items() if v not in ("", None)},
                                               self.placed(activity.line))
            self.batch.warnings += neutral
            tie = self.tie(giver, "FUNDS", taker, activity.line, props,
                           discriminator=f"{activity.identifier}:{currency}".rstrip(":"))
            self.sourced(tie, source)

    @staticmethod
    def sourced(tie, source):
        if source not in tie.sources:
            tie.sources.append(source)

    def finish(self) -> Batch:
        """The organisations, places and themes met, as one record each."""
        for org_id, entry in self.orgs.items():
            name, *others = entry["names"] or [entry["ref"]]
            category = iati_organisation_category(entry["type"])
            props = {"name": name, "aliases": others or None, "category": category,
                     "sphere": model.default_sphere(category),
                     "identifiers": (identity_keys(entry["ref"]) or [entry["ref"]]) if entry["ref"] else None}
            props, neutral = model.neutralised({k: v for k, v in props.items() if v}, self.placed(entry["line"]))
            self.batch.warnings += neutral
            node = Node(org_id, model.ORGANISATION, props, [self.name])
            node.origin = Origin(self.file, entry["line"], True)
            self.batch.nodes.append(node)
        for kind, found in ((model.TERRITORY, self.places), (model.THEME, self.themes)):
            for node_id, props in found.items():
                node = Node(node_id, kind, props, [self.name])
                node.origin = Origin(self.file, None, True)
                self.batch.nodes.append(node)
        self.batch.edges.extend(self.edges.values())
        return self.batch


def _share(value) -> dict:
    return {"percentage": value} if value is not None else {}


def read_iati(path, known: NameIndex | None = None, skip_invalid: bool = False, progress=None) -> Batch:
    """A Batch from an IATI file, read as a stream from disk (or from memory
    for an upload). An activity without an identifier is an error with its
    line (the file is not written), or, with `skip_invalid`, a warning and
    left out. `progress(fraction)` is called as the file is read."""
    file = str(path)
    opened = _open(path)
    reader = IatiReader(file, known or NameIndex())
    try:
        head = opened.read(65536)
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise TableError(Problem(file, None, None, "xml_entities", {}))
        opened.seek(0)
        source = _Source(opened, _size(path), progress)
        for _, element in etree.iterparse(source, events=("end",), tag="iati-activity", resolve_entities=False,
                                          no_network=True, huge_tree=False, load_dtd=False):
            activity = read_activity(element)
            if not activity.identifier:
                problem = reader.where(activity.line, "iati-identifier", "iati_no_identifier")
                (reader.batch.warnings if skip_invalid else reader.batch.errors).append(problem)
            else:
                reader.add(activity)
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise TableError(Problem(file, exc.lineno, None, "not_xml", {"detail": str(exc.msg)[:200]})) from None
    finally:
        opened.close()
    if progress:
        progress(1.0)
    return reader.finish()


def _open(path):
    """A binary stream of the file, within the size limit (graph/settings.py)."""
    import io
    if isinstance(path, Upload):
        read_bytes(path)                      # the size and emptiness checks
        return io.BytesIO(path.data)
    size = _size(path)
    if size > FILE_MB * MB:
        raise TableError(Problem(str(path), None, None, "file_too_big", {"size": round(size / MB), "most": FILE_MB}))
    try:
        return open(path, "rb")
    except OSError as exc:
        raise TableError(Problem(str(path), None, None, "cannot_open", {"detail": exc.strerror or ""})) from None


def _size(path) -> int:
    if isinstance(path, Upload):
        return len(path.data)
    try:
        return Path(path).stat().st_size
    except OSError as exc:
        raise TableError(Problem(str(path), None, None, "cannot_open", {"detail": exc.strerror or ""})) from None


class _Source:
    """The file as a stream that says how far it has been read."""

    def __init__(self, stream, size: int, progress):
        self.stream, self.size, self.position, self.progress = stream, size, 0, progress

    def read(self, size=-1):
        chunk = self.stream.read(size)
        self.position += len(chunk)
        if self.progress and self.size:
            self.progress(min(0.99, self.position / self.size))
        return chunk
