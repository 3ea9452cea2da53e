"""The territories a load names, made once each from the reference tables:
countries by ISO code or name, France's communes, départements and régions
by INSEE code or name. Each place is PART_OF the one above it up to the
country; a territory the graph already holds is reused (by identifier, else
by its name at the same level in the same country), never duplicated.

    places = Places(known)
    lille = places.commune("59350")          # ter:lille when the graph has it
    places.nodes, places.parts               # what to add: new territories, PART_OF pairs
"""
from __future__ import annotations

from pathlib import Path

from graph import model
from graph.model import Edge, Node, Origin
from graph.names import NameIndex

from .reference import (commune_codes, commune_key, communes, communes_named, countries, country_named,
                        departements, regions)


class Places:
    def __init__(self, known: NameIndex | None = None, nodes: dict | None = None):
        self.known = known or NameIndex()
        self.nodes = {} if nodes is None else nodes      # new territory id -> props
        self.parts = {}                                  # (child, parent) -> True, in order met
        self.origin = {}                                 # territory id -> the first row that named it

    def noted(self, place_id, origin: Origin):
        """`place_id`, remembering the first row that named it (its source)."""
        if place_id:
            self.origin.setdefault(place_id, origin)
        return place_id

    def records(self, fallback: str) -> tuple:
        """(nodes, edges): the new territories and the PART_OF ties, each
        sourced at the first row that named it or a place inside it
        (`fallback` when none did)."""
        changed = True
        while changed:
            changed = False
            for child, parent in self.parts:
                if child in self.origin and parent not in self.origin:
                    self.origin[parent] = self.origin[child]
                    changed = True

        def sourced(record, place_id):
            origin = self.origin.get(place_id) or Origin(None, None, False)
            record.sources = [f"{Path(origin.file).name}:{origin.row}" if origin.file else fallback]
            record.origin = origin
            return record
        nodes = [sourced(Node(i, model.TERRITORY, dict(props)), i) for i, props in self.nodes.items()]
        edges = [sourced(Edge(child, "PART_OF", parent, {}), child) for child, parent in self.parts]
        return nodes, edges

    def _reuse(self, identifier, name, level, country_code):
        found = self.known.identified(identifier)
        if len(found) == 1:
            return found[0]
        found = self.known.places_named(name, level, country_code)
        return found[0] if len(found) == 1 else None

    def _part_of(self, child, parent):
        if child and parent and child != parent:
            self.parts[(child, parent)] = True

    # -- countries ---------------------------------------------------------------------
    def country(self, code: str):
        """The territory of an ISO 3166-1 alpha-2 code, or None."""
        code = (code or "").strip().upper()
        row = countries().get(code)
        known = self.known.identified(f"iso:{code}")
        if known:
            return known[0]
        if row is None:
            return None
        place_id = model.make_id(model.TERRITORY, row["name_fr"])
        self.nodes.setdefault(place_id, {"name": row["name_fr"], "aliases": [row["name_en"]], "level": "country",
                                         "country_code": code, "lat": row["lat"], "lon": row["lon"]})
        return place_id

    def country_named(self, name: str):
        """The territory of a country written out (« Tchad », « RDC »,
        « Burkina Faso »), or None."""
        code = country_named(name)
        return self.country(code) if code else None

    # -- France --------------------------------------------------------------------------
    def _french(self, identifier: str, name: str, level: str, new_id: str, parent) -> str:
        """A French territory of an INSEE code: the known one it names, or a
        new one, inside `parent`."""
        place_id = self._reuse(identifier, name, level, "FR") or new_id
        if place_id not in self.known.kind_of:
            self.nodes.setdefault(place_id, {"name": name, "level": level, "country_code": "FR",
                                             "identifiers": [identifier]})
        self._part_of(place_id, parent)
        return place_id

    def region(self, code: str):
        row = regions().get(code)
        if row is None:
            return None
        return self._french(f"insee-reg:{code}", row["name"], "region", f"ter:fr-reg-{code}", self.country("FR"))

    def departement(self, code: str):
        row = departements().get(code)
        if row is None:
            return None
        return self._french(f"insee-dep:{code}", row["name"], "departement", f"ter:fr-dep-{code}",
                            self.region(row["region"]))

    def commune(self, code: str):
        """The commune (or municipal arrondissement) of an INSEE code, a
        former code (a commune merged since) included; None if unknown."""
        code = commune_codes().get((code or "").strip())
        if code is None:
            return None
        row = communes()[code]
        parent = self.commune(row["parent"]) if row["parent"] else self.departement(row["departement"])
        return self._french(f"insee:{code}", row["name"], "area" if row["parent"] else "city", f"ter:fr-{code}",
                            parent)

    def commune_named(self, name: str, postcode: str = "", departement: str = ""):
        """(territory id, the INSEE codes it could be): the commune a name
        means, told apart from its homonyms by a postcode or a département
        when there is one; (None, codes) when still ambiguous, (None, [])
        when no French commune has that name."""
        codes = communes_named().get(commune_key(name), [])
        if postcode:
            codes = [c for c in codes if postcode.strip() in communes()[c]["postcodes"]] or codes
        if departement:
            dep = departement.strip().upper().zfill(2) if departement.strip().isdigit() else departement.strip()
            codes = [c for c in codes if communes()[c]["departement"] == dep
                     or model.fold(departements().get(communes()[c]["departement"], {}).get("name", ""))
                     == model.fold(departement)] or codes
        if len(codes) == 1:
            return self.commune(codes[0]), codes
        return None, codes

    def departement_named(self, name: str):
        text = name.strip()
        code = text.upper().zfill(2) if text.isdigit() else text.upper() if text.upper() in departements() else None
        if code is None:
            code = next((c for c, row in departements().items() if model.fold(row["name"]) == model.fold(text)), None)
        return self.departement(code) if code else None

    def region_named(self, name: str):
        code = next((c for c, row in regions().items() if model.fold(row["name"]) == model.fold(name)), None)
        return self.region(code) if code else None
