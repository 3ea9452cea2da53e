"""A directory of organisations read through a column mapping
(loaders.mapping): one organisation per row, whatever the headers.

- Identity: an official identifier (RNA, SIREN, SIRET, IATI ref) the graph
  knows, else the name or the acronym the graph knows, else a new
  organisation. A name that reaches a known organisation through its
  acronym or another name does not rename it (the merge rule keeps it and
  makes it an alias unless the user accepts).
- Categories: each value through the mapping's table, else the
  vocabulary's words; a value neither knows is an error naming it (and how
  many rows have it), never dropped.
- Places: BASED_IN the most specific of commune, département, région,
  country (French communes by name, told apart by postcode or département,
  each PART_OF the one above up to France); ACTIVE_IN each country or known
  territory a cell names (several per cell, split on , ; / | and newlines).
- Themes: WORKS_ON each theme named. MEMBER_OF the network the mapping names.
"""
from __future__ import annotations

from pathlib import Path

from graph import model
from graph.model import Batch, Edge, Node, Origin, Problem, fold
from graph.names import NameIndex

from .identifiers import keys as identity_keys
from .mapping import Mapping, category_of, header_of, parts
from .places import Places
from .tables import Table, is_blank
from .vocabulary import SPHERE_WORDS

JOINED = ("description", "email", "phone")       # several columns of these are joined


class DirectoryReader:
    def __init__(self, known: NameIndex | None, mapping: Mapping):
        self.known = known or NameIndex()
        self.mapping = mapping
        self.batch = Batch()
        self.places = Places(self.known)
        self.themes = {}                          # new theme id -> (props, origin)
        self.by_identifier = {}                   # identifier key -> organisation id, within this load
        self.unmapped = {}                        # category value -> [file, first row, column, count]
        self.new_places = {}                      # folded name -> name, territories created from a name only
        self.ambiguous = {}                       # folded commune name -> (file, row, column, departements)
        self.edges = []

    def read(self, tables) -> Batch:
        network = self.mapping.member_of.strip()
        if network and self.known.kind_of.get(network) != model.ORGANISATION:
            found = self.known.exact(network, model.ORGANISATION)
            if len(found) != 1:
                self.batch.errors.append(Problem(tables[0].file if tables else "?", None, None, "member_of_unknown",
                                                 {"name": network}))
                return self.batch
            self.mapping = Mapping(self.mapping.columns, self.mapping.categories, found[0], self.mapping.name)
        fitting = [t for t in tables if self.mapping.fits(t)]
        if not fitting:
            for table in tables:
                header = header_of(table)
                if header is not None:
                    self.batch.errors.append(Problem(table.file, None, table.sheet, "mapping_does_not_fit",
                                                     {"headers": [h for h in header if h.strip()][:12],
                                                      "expected": [h for h, r in self.mapping.columns.items()
                                                                   if r == "name"]}))
            return self.batch
        for table in tables:
            if table in fitting:
                self.read_table(table)
            elif header_of(table) is not None:
                self.batch.warnings.append(Problem(table.file, None, table.sheet, "sheet_skipped_mapping",
                                                   {"sheet": table.sheet}))
        return self.finish()

    def read_table(self, table: Table):
        rows = [(n, c) for n, c in table.rows if not is_blank(c)]
        (header_row, header), data = rows[0], rows[1:]
        roles = {}                                 # column index -> role
        for index, title in enumerate(header):
            role = self.mapping.columns.get(title.strip())
            if role and role != "ignore":
                roles[index] = role
        ignored = [h.strip() for i, h in enumerate(header) if h.strip() and i not in roles]
        if ignored:
            self.batch.warnings.append(Problem(table.file, header_row, None, "columns_ignored", {"columns": ignored}))
        missing = [h for h, r in self.mapping.columns.items() if r != "ignore" and h not in {x.strip() for x in header}]
        if missing:
            self.batch.warnings.append(Problem(table.file, header_row, None, "mapping_columns_missing",
                                               {"columns": missing}))
        if not data:
            self.batch.warnings.append(Problem(table.file, header_row, None, "no_rows", {"sheet": table.sheet}))
        for number, cells in data:
            values, columns = {}, {}
            for index, role in roles.items():
                cell = cells[index].strip() if index < len(cells) else ""
                if cell:
                    values.setdefault(role, []).append(cell)
                    columns.setdefault(role, header[index].strip())
            self.row(table.file, number, values, columns)

    # -- one row -------------------------------------------------------------------------
    def row(self, file, number, values, columns):
        def where(field, code, /, **found):
            return Problem(file, number, columns.get(field, field), code, found)
        origin = Origin(file, number, False, {**columns, "identifiers": columns.get("identifier", "identifier")})
        name = (values.get("name") or [""])[0]
        if not name:
            self.batch.errors.append(where("name", "empty_name"))
            return
        acronym = (values.get("acronym") or [""])[0]
        keys = [k for cell in values.get("identifier", []) for k in identity_keys(cell)]
        for cell in values.get("identifier", []):
            if not identity_keys(cell):
                self.batch.warnings.append(where("identifier", "identifier_unknown", value=cell[:40]))
        org_id = self.identify(name, acronym, keys)
        for key in keys:
            self.by_identifier.setdefault(key, org_id)
        props = {"name": name}
        if acronym and fold(acronym) != fold(name):
            props["acronym"] = acronym
        aliases = [a for cell in values.get("aliases", []) for a in parts(cell, "aliases")]
        if aliases:
            props["aliases"] = aliases
        for field in JOINED:
            if values.get(field):
                props[field] = "\n".join(values[field]) if field == "description" else "; ".join(values[field])
        if values.get("website"):
            props["website"] = values["website"][0]
        if keys:
            props["identifiers"] = list(dict.fromkeys(keys))
        props["category"] = self.category(values, columns, file, number)
        sphere = (values.get("sphere") or [""])[0]
        props["sphere"] = SPHERE_WORDS.get(fold(sphere)) if sphere else None
        if sphere and props["sphere"] is None:
            self.batch.warnings.append(where("sphere", "sphere_not_understood", value=sphere[:40]))
        props["sphere"] = props["sphere"] or model.default_sphere(props["category"])
        props, neutral = model.neutralised({k: v for k, v in props.items() if v not in (None, "", [])}, where)
        self.batch.warnings += neutral
        node = Node(org_id, model.ORGANISATION, props, [f"{Path(file).name}:{number}"])
        node.origin = origin
        problems = model.validate_node(node, where)
        if problems:
            self.batch.errors += problems
            return
        self.batch.nodes.append(node)
        based = self.based_in(values, columns, file, number)
        if based:
            self.tie(org_id, "BASED_IN", based, node)
        for cell in values.get("active_in", []):
            for text in parts(cell, "active_in"):
                place = self.place(text, file, number, columns.get("active_in"))
                if place and place != based:
                    self.tie(org_id, "ACTIVE_IN", place, node)
        for cell in values.get("themes", []):
            for text in parts(cell, "themes"):
                self.tie(org_id, "WORKS_ON", self.theme(text, origin), node)
        if self.mapping.member_of and self.mapping.member_of != org_id:
            self.tie(org_id, "MEMBER_OF", self.mapping.member_of, node)

    def identify(self, name, acronym, keys):
        for key in keys:
            if key in self.by_identifier:
                return self.by_identifier[key]
            found = self.known.identified(key)
            if len(found) == 1:
                return found[0]
        for text in (name, acronym):
            if text:
                found = self.known.exact(text, model.ORGANISATION)
                if len(found) == 1:
                    return found[0]
        return self.fresh_id(model.ORGANISATION, name)

    def fresh_id(self, kind, name):
        """A new element's id: from its name, numbered when the graph
        already gives that id to an element of another name (« Insertion »
        is not « Insertion socioprofessionnelle », whose id is
        thm:insertion)."""
        base = node_id = model.make_id(kind, name)
        number = 1
        while node_id in self.known.kind_of and fold(self.known.name_of.get(node_id, "")) != fold(name):
            number += 1
            node_id = f"{base}-{number}"
        return node_id

    def category(self, values, columns, file, number):
        value = (values.get("category") or [""])[0]
        if not value:
            return "other"
        found = category_of(value, self.mapping.categories)
        if found is None:
            entry = self.unmapped.setdefault(value, [file, number, columns.get("category"), 0])
            entry[3] += 1
            return "other"
        return found

    # -- places and themes ---------------------------------------------------------------
    def based_in(self, values, columns, file, number):
        country_text = (values.get("country") or [""])[0]
        country = self.place(country_text, file, number, columns.get("country")) if country_text else None
        in_france = not country_text or self.places.country("FR") == country
        commune = (values.get("commune") or [""])[0]
        if commune:
            if in_france:
                found, codes = self.places.commune_named(commune, (values.get("postcode") or [""])[0],
                                                         (values.get("departement") or [""])[0])
                if found:
                    return self.noted(found, file, number)
                if len(codes) > 1:
                    self.ambiguous.setdefault(fold(commune), (file, number, columns.get("commune"), commune,
                                                              sorted({c[:2] for c in codes})))
            return self.place(commune, file, number, columns.get("commune"), level="city", parent=country)
        for level, named in (("departement", self.places.departement_named), ("region", self.places.region_named)):
            text = (values.get(level) or [""])[0]
            if text:
                found = named(text) if in_france else None
                return self.noted(found, file, number) if found else \
                    self.place(text, file, number, columns.get(level), level=level, parent=country)
        return country

    def noted(self, place_id, file, number):
        return self.places.noted(place_id, Origin(file, number, False))

    def place(self, text, file, number, column, level=None, parent=None):
        """A territory named in a cell: a country, a territory the graph
        knows, a French département or région, else a new territory."""
        found = self.places.country_named(text)
        if found is None:
            ids = self.known.exact(text, model.TERRITORY)
            found = ids[0] if len(ids) == 1 else None
        if found is None and level in (None, "departement"):
            found = self.places.departement_named(text)
        if found is None and level in (None, "region"):
            found = self.places.region_named(text)
        if found is None:
            found = self.fresh_id(model.TERRITORY, text)
            if found not in self.places.nodes and found not in self.known.kind_of:
                self.places.nodes[found] = {"name": text, **({"level": level} if level else {})}
                self.new_places.setdefault(fold(text), (file, number, column, text))
            if parent:
                self.places.parts[(found, parent)] = True
        return self.noted(found, file, number)

    def theme(self, text, origin):
        ids = self.known.exact(text, model.THEME)
        if len(ids) == 1:
            return ids[0]
        theme_id = self.fresh_id(model.THEME, text)
        self.themes.setdefault(theme_id, ({"name": text}, origin))
        return theme_id

    def tie(self, source, rel, target, node):
        edge = Edge(source, rel, target, {}, list(node.sources))
        edge.origin = node.origin
        self.edges.append(edge)

    # -- the batch ---------------------------------------------------------------------------
    def finish(self) -> Batch:
        for value, (file, number, column, count) in self.unmapped.items():
            self.batch.errors.append(Problem(file, number, column, "unmapped_category",
                                             {"value": value, "count": count, "categories": list(model.CATEGORIES)}))
        for file, number, column, text, departements in self.ambiguous.values():
            self.batch.warnings.append(Problem(file, number, column, "commune_ambiguous",
                                               {"name": text, "departements": departements}))
        if self.new_places:
            file, number, column, _ = next(iter(self.new_places.values()))
            self.batch.warnings.append(Problem(file, number, column, "new_places",
                                               {"names": [t for *_, t in self.new_places.values()][:20],
                                                "count": len(self.new_places)}))
        nodes, edges = self.places.records("directory")
        self.batch.nodes += nodes
        self.batch.edges += edges
        for theme_id, (props, origin) in self.themes.items():
            node = Node(theme_id, model.THEME, dict(props), [_source(origin)])
            node.origin = origin
            self.batch.nodes.append(node)
        self.batch.edges.extend(self.edges)
        return self.batch


def _source(origin) -> str:
    return f"{Path(origin.file).name}:{origin.row}" if origin.file else "directory"
