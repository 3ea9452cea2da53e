"""Derive the compact reference tables the app reads at run time from their
public sources, so that a user needs neither ../shared nor a network:

    data/geo/countries.csv     ISO codes, French and English names, a label point
                               (the centroid of the largest polygon), from Natural
                               Earth's countries at 1:50m (public domain), through
                               the npm package world-atlas 2.0.2 (TopoJSON; ISC),
                               French names from pycountry
    data/geo/world-110m.json   Natural Earth's countries at 1:110m (TopoJSON), for maps
    data/iati/*.csv            IATI's code lists (sectors with their French names,
                               regions, organisation types and roles, transaction
                               types, activity statuses), from ../shared/realdata/iati/codelists
    data/geo/fr-*.csv          France's communes (with their postcodes), départements
                               and régions on 1 January 2026, INSEE's Code officiel
                               géographique as packaged by the npm package
                               @etalab/decoupage-administratif 6.0.0 (Licence Ouverte)
    data/geo/fr-*.geojson      Outlines of metropolitan France's 13 régions and 96
                               départements, from the repository gregoiredavid/france-geojson
                               (IGN Admin Express COG 2018 through mapshaper, simplified;
                               Licence Ouverte), coordinates rounded to 0.01° (about 1 km,
                               under a pixel of the map framed on France)

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz && mv package world-atlas
    npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-*.tgz && mv package decoupage
    python scripts/derive_reference_data.py --world-atlas world-atlas \
        --codelists ../shared/realdata/iati/codelists --decoupage decoupage \
        --france-geojson france-geojson      # a clone of gregoiredavid/france-geojson

Run it again only when a source changes; its outputs are committed.
"""
from __future__ import annotations

import argparse
import csv
import gettext
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# --- countries -----------------------------------------------------------------

def arcs_of(topology):
    """The topology's arcs as lists of (lon, lat), quantization undone."""
    scale = topology.get("transform", {}).get("scale", [1, 1])
    translate = topology.get("transform", {}).get("translate", [0, 0])
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        out.append(points)
    return out


def ring(indexes, arcs):
    points = []
    for index in indexes:
        part = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(part[1:] if points else part)
    return points


def area_and_centroid(points):
    """Signed area and centroid of a ring (shoelace formula, in degrees)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        xs, ys = zip(*points)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return area / 2, (cx / (3 * area), cy / (3 * area))


def countries(world_atlas: Path):
    topology = json.loads((world_atlas / "countries-50m.json").read_text(encoding="utf-8"))
    arcs = arcs_of(topology)
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    rows = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=str(geometry.get("id", "")).zfill(3))
        if country is None or "arcs" not in geometry:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        outer = [ring(polygon[0], arcs) for polygon in polygons]
        _, (lon, lat) = max((area_and_centroid(r) for r in outer), key=lambda ac: abs(ac[0]))
        rows.append({"iso2": country.alpha_2, "iso3": country.alpha_3, "name_fr": french.gettext(country.name),
                     "name_en": getattr(country, "common_name", country.name), "lat": round(lat, 3),
                     "lon": round(lon, 3)})
    rows.sort(key=lambda r: r["iso2"])
    folder = ROOT / "data" / "geo"
    folder.mkdir(parents=True, exist_ok=True)
    write(folder / "countries.csv", rows)
    shutil.copy(world_atlas / "countries-110m.json", folder / "world-110m.json")
    return len(rows)


# --- IATI code lists --------------------------------------------------------------

def items(path: Path):
    for item in ET.parse(path).getroot().iter("codelist-item"):
        names = {n.get(XML_LANG, "en"): (n.text or "").strip() for n in item.findall("name/narrative")}
        yield item.findtext("code").strip(), names, item.findtext("category")


def iati(codelists: Path):
    folder = ROOT / "data" / "iati"
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("Sector", "SectorCategory", "Region", "OrganisationType", "OrganisationRole", "TransactionType",
                 "ActivityStatus"):
        rows = [{"code": code, "name_fr": names.get("fr") or names.get("en", ""), "name_en": names.get("en", ""),
                 **({"category": (category or "").strip()} if name == "Sector" else {})}
                for code, names, category in items(codelists / f"{name}.xml")]
        write(folder / f"{name}.csv", rows)
    agencies = [{"code": code} for code, _, _ in items(codelists / "OrganisationRegistrationAgency.xml")]
    write(folder / "OrganisationRegistrationAgency.csv", agencies)


# --- France: communes, départements, régions -------------------------------------------

def france(decoupage: Path):
    """Current communes and Paris, Lyon and Marseille's municipal
    arrondissements (their commune as `parent`), with their département,
    région, postcodes and former codes (communes merged since: an old
    register row still gives them)."""
    def load(name):
        return json.loads((decoupage / "data" / f"{name}.json").read_text(encoding="utf-8"))
    folder = ROOT / "data" / "geo"
    communes = [{"code": c["code"], "name": c["nom"], "departement": c.get("departement", ""),
                 "region": c.get("region", ""), "parent": c.get("commune", ""),
                 "postcodes": " ".join(c.get("codesPostaux", [])), "former": " ".join(c.get("anciensCodes", []))}
                for c in load("communes") if c.get("type") in ("commune-actuelle", "arrondissement-municipal")]
    write(folder / "fr-communes.csv", sorted(communes, key=lambda c: c["code"]))
    write(folder / "fr-departements.csv", [{"code": d["code"], "name": d["nom"], "region": d["region"]}
                                           for d in load("departements")])
    write(folder / "fr-regions.csv", [{"code": r["code"], "name": r["nom"]} for r in load("regions")])
    return len(communes)


def france_outlines(repository: Path, digits: int = 2) -> int:
    """The simplified régions and départements of metropolitan France as
    GeoJSON with `code` and `name`, each point rounded to `digits` decimals
    and repeated points dropped (a ring left with fewer than four points is
    dropped too): small enough to send with the map."""
    def rounded(ring):
        out = []
        for x, y in ring:
            point = [round(x, digits), round(y, digits)]
            if not out or out[-1] != point:
                out.append(point)
        return out if len(out) >= 4 else None

    def polygons(geometry):
        parts = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for part in parts:
            rings = [r for r in map(rounded, part) if r]
            if rings and rounded(part[0]):          # an outer ring, and the holes that survive
                yield rings

    total = 0
    for source, name in (("regions-version-simplifiee.geojson", "fr-regions.geojson"),
                         ("departements-version-simplifiee.geojson", "fr-departements.geojson")):
        features = []
        for feature in json.loads((repository / source).read_text(encoding="utf-8"))["features"]:
            kept = list(polygons(feature["geometry"]))
            features.append({"type": "Feature",
                             "properties": {"code": feature["properties"]["code"],
                                            "name": feature["properties"]["nom"]},
                             "geometry": {"type": "MultiPolygon", "coordinates": kept}})
        (ROOT / "data" / "geo" / name).write_text(
            json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                       separators=(",", ":")), encoding="utf-8")
        total += len(features)
    return total


def write(path: Path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.DictWriter(fh, fieldnames=list(rows[0]))
        out.writeheader()
        out.writerows(rows)


if __name__ == "__main__":
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--world-atlas", type=Path, help="the unpacked npm package world-atlas 2.0.2")
    args.add_argument("--codelists", type=Path, help="IATI's code lists (XML)")
    args.add_argument("--decoupage", type=Path, help="the unpacked npm package @etalab/decoupage-administratif")
    args.add_argument("--france-geojson", type=Path, help="a clone of gregoiredavid/france-geojson")
    given = args.parse_args()
    if given.world_atlas:
        print(f"{countries(given.world_atlas)} countries")
    if given.codelists:
        iati(given.codelists)
        print("IATI code lists written to data/iati/")
    if given.decoupage:
        print(f"{france(given.decoupage)} French communes")
    if given.france_geojson:
        print(f"{france_outlines(given.france_geojson)} outlines of French régions and départements")
