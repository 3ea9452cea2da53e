"""The French association register (RNA, Répertoire national des
associations), in its two official export schemas: « waldec » (associations
declared or changed since 2009) and « import » (the older files), CSV
separated by `;`, distributed in ISO-8859-1.

- One organisation per row, its RNA number (W + 9 digits) as identifier
  (`FR-RNA-W…`, the key an IATI ref or a directory's column gives too), its
  SIRET when it has one; a register row the graph already knows by either
  is that organisation. The « import » schema's own number identifies the
  row when it has no RNA number.
- Its title as name, its object as description, its creation date, its
  status (active, dissoute, supprimée); a union or federation of
  associations is a network.
- Its head office's commune as territory: from the INSEE code (the
  register's names have often lost their accents: « Clermont-Ferrand » is
  taken from the Code officiel géographique, not « CLERMONT-FERRAND »), a
  former code of a merged commune included, else from the name and postcode.
- Encoding traps: the file is read in its encoding (ISO-8859-1 or UTF-8);
  characters an earlier conversion already replaced (« � ») cannot be
  restored: the rows that have them are listed.
- Personal data: the phone number and e-mail are contact details, loaded
  (hidden) only when asked; the declarant's name and the management
  address (often a person's home) are never loaded.
"""
from __future__ import annotations

import re
from pathlib import Path

from graph import model
from graph.model import Batch, Edge, Node, Origin, Problem
from graph.names import NameIndex

from .identifiers import keys as identity_keys
from .places import Places
from .tables import Table, is_blank

WALDEC = ("id", "titre", "objet", "adrs_codeinsee", "adrs_libcommune")
IMPORT = ("id", "titre", "objet", "adrs_codeinsee", "libcom")
STATUS = {"A": "active", "D": "dissoute", "S": "supprimée"}
GROUPS = {"U": "network", "F": "network"}          # union, fédération; S: simple association
NEVER = ("adrg_declarant", "adrg_complemid", "adrg_complemgeo", "adrg_libvoie", "adrg_distrib", "adrg_codepostal",
         "adrg_achemine", "adrg_pays", "dir_civilite")
RNA_NUMBER = re.compile(r"\bW\d{9}\b")
NO_DATE = "0001-01-01"
LOST = "\ufffd"


def schema(table: Table):
    """« waldec », « import » or None, from the header."""
    header = _header(table)
    if header is None:
        return None
    found = set(header)
    if set(WALDEC) <= found:
        return "waldec"
    if set(IMPORT) <= found:
        return "import"
    return None


def looks_like_register(table: Table) -> bool:
    return schema(table) is not None


def _header(table: Table):
    for _, cells in table.rows:
        if not is_blank(cells):
            return [c.strip().lower() for c in cells]
    return None


class RegisterReader:
    def __init__(self, known: NameIndex | None = None, with_contacts: bool = False):
        self.known = known or NameIndex()
        self.with_contacts = with_contacts
        self.batch = Batch()
        self.places = Places(self.known)
        self.lost = {}                            # file -> rows with characters lost before us
        self.left_out = {}                        # file -> how many phones and e-mails were left out

    def read(self, tables) -> Batch:
        for table in tables:
            kind = schema(table)
            if kind is None:
                continue
            rows = [(n, c) for n, c in table.rows if not is_blank(c)]
            header = _header(table)
            for number, cells in rows[1:]:
                values = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
                self.row(table.file, number, values, kind)
        return self.finish()

    def row(self, file, number, values, kind):
        def where(field, code, /, **found):
            return Problem(file, number, field, code, found)
        title = values.get("titre", "")
        if not title:
            self.batch.errors.append(where("titre", "empty_name"))
            return
        rna = values["id"] if RNA_NUMBER.fullmatch(values.get("id", "")) else \
            next(iter(RNA_NUMBER.findall(values.get("observation", ""))), "")
        keys = identity_keys(rna) + identity_keys(values.get("siret", ""))
        if not rna and values.get("id"):
            keys.append(f"rna-import:{values['id']}")
        org_id = next((found[0] for key in keys if len(found := self.known.identified(key)) == 1), None)
        org_id = org_id or (f"org:{keys[0].replace(':', '-')}" if keys else model.make_id(model.ORGANISATION, title))
        props = {"name": title, "category": GROUPS.get(values.get("groupement", ""), "association"),
                 "identifiers": keys, "description": values.get("objet", ""), "website": values.get("siteweb", ""),
                 "status": STATUS.get(values.get("position", ""), "")}
        props["sphere"] = model.default_sphere(props["category"])
        short = values.get("titre_court", "")
        if short and short != title and len(short) <= 20 and not short.endswith("..."):
            props["acronym"] = short
        for field, name in (("date_creat", "start"), ("date_disso", "end")):
            if values.get(field) and values[field] != NO_DATE:
                props[name] = values[field]
        contacts = {"phone": values.get("telephone", ""), "email": values.get("email", "")}
        if self.with_contacts:
            props.update(contacts)
        elif any(contacts.values()):
            self.left_out[file] = self.left_out.get(file, 0) + 1
        props = {k: v for k, v in props.items() if v not in ("", [], None)}
        if any(LOST in str(v) for v in props.values()):
            self.lost.setdefault(file, []).append(number)
        props, neutral = model.neutralised(props, where)
        self.batch.warnings += neutral
        node = Node(org_id, model.ORGANISATION, props, [f"{Path(file).name}:{number}"])
        node.origin = Origin(file, number, False, {"name": "titre", "description": "objet", "website": "siteweb",
                                                   "start": "date_creat", "end": "date_disso"})
        problems = model.validate_node(node, where)
        if problems:
            self.batch.errors += problems
            return
        self.batch.nodes.append(node)
        place = self.places.commune(values.get("adrs_codeinsee", ""))
        if place is None:
            commune = values.get("adrs_libcommune") or values.get("libcom", "")
            place = self.places.commune_named(commune, values.get("adrs_codepostal", ""))[0] if commune else None
            if commune and place is None:
                self.batch.warnings.append(where("adrs_codeinsee", "register_commune_unknown",
                                                 code=values.get("adrs_codeinsee", ""), name=commune))
        if place:
            self.places.noted(place, node.origin)
            edge = Edge(org_id, "BASED_IN", place, {}, list(node.sources))
            edge.origin = node.origin
            self.batch.edges.append(edge)

    def finish(self) -> Batch:
        for file, rows in self.lost.items():
            self.batch.warnings.append(Problem(file, rows[0], None, "characters_lost",
                                               {"count": len(rows), "rows": rows[:10]}))
        for file, count in self.left_out.items():
            self.batch.warnings.append(Problem(file, None, None, "register_contacts_left_out", {"count": count}))
        nodes, edges = self.places.records("RNA")
        self.batch.nodes += nodes
        self.batch.edges += edges
        return self.batch

