"""What the Territories map draws, computed apart from the drawing so that
it can be tested: where each territory goes (its coordinates, or for a
country without any, the label point of its outline from the bundled
reference data), which territories are too close to be told apart in the
shown frame (drawn as one dot with their count), and how many
organisations act on both sides of each pairing."""
from __future__ import annotations

import json
import math
from functools import cache

from graph.model import TERRITORY
from graph.subgraph import acting_in
from interface import projection
from interface.projection import Plane
from loaders.reference import DATA, countries

# Coarse to fine: a group of close places is named after its coarsest one
LEVELS = ("zone", "country", "region", "departement", "area", "city")
CLOSE = 0.025          # two places nearer than this share of the frame's diagonal are one dot


@cache
def outlines() -> dict:
    """Natural Earth's countries at 1:110m as TopoJSON (data/geo/README.md)."""
    return json.loads((DATA / "geo" / "world-110m.json").read_text(encoding="utf-8"))


@cache
def france_outlines() -> dict:
    """Metropolitan France's régions and départements as GeoJSON feature
    collections, {"regions": ..., "departements": ...} (data/geo/README.md)."""
    return {level: json.loads((DATA / "geo" / f"fr-{level}.geojson").read_text(encoding="utf-8"))
            for level in ("regions", "departements")}


@cache
def outline_points(kind: str) -> dict:
    """The projected points of the map's outlines of `kind` ("sphere",
    "graticule", "countries", "countries-but-france", "regions" or
    "departements"), as columns
    (interface.projection.projected): the same for every frame, so
    computed once."""
    if kind == "sphere":
        rings = projection.sphere()
    elif kind == "graticule":
        rings = projection.graticule()
    elif kind == "countries":
        rings = projection.topology_rings(outlines(), "countries")
    elif kind == "countries-but-france":      # under France's finer régions, whose coast it would cover
        rings = [r for r in projection.topology_rings(outlines(), "countries") if r[0] != "France"]
    else:
        rings = projection.feature_rings(france_outlines()[kind])
    return projection.projected(rings)


def placed(graph) -> tuple[list[dict], int]:
    """(territories on the map, how many could not be placed). Each as
    {id, name, lat, lon, side, level, country, estimated}: `estimated` when
    a country without coordinates was put at its outline's label point."""
    reference = countries()
    rows, missing = [], 0
    for node, data in graph.nodes(data=True):
        if data.get("kind") != TERRITORY:
            continue
        lat, lon, estimated = data.get("lat"), data.get("lon"), False
        code = data.get("country_code")
        if (lat is None or lon is None) and data.get("level") == "country" and code in reference:
            lat, lon, estimated = reference[code]["lat"], reference[code]["lon"], True
        if lat is None or lon is None:
            missing += 1
            continue
        rows.append({"id": node, "name": data.get("name", node), "lat": float(lat), "lon": float(lon),
                     "side": data.get("side"), "level": data.get("level"), "country": code,
                     "estimated": estimated})
    return rows, missing


def bounds(rows: list[dict]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around `rows`, with a margin that grows
    with the extent (a region's places need less than a continent's)."""
    lons, lats = [r["lon"] for r in rows], [r["lat"] for r in rows]
    pad = max(1.5, 0.2 * max(max(lons) - min(lons), max(lats) - min(lats)))
    return (max(-180.0, min(lons) - pad), max(-85.0, min(lats) - pad),
            min(180.0, max(lons) + pad), min(85.0, max(lats) + pad))


def _distance(a, b) -> float:
    """Degrees on a local flat map (longitudes shrink with latitude)."""
    shrink = math.cos(math.radians((a["lat"] + b["lat"]) / 2))
    return math.hypot((a["lon"] - b["lon"]) * shrink, a["lat"] - b["lat"])


def grouped(rows: list[dict], frame: tuple[float, float, float, float], close: float = CLOSE) -> list[dict]:
    """The dots to draw in `frame`: places nearer each other than `close` of
    the frame's diagonal become one dot, at and named after its coarsest
    place (then the first by name), with `members` (names, coarse first)
    and `count`. Places of two countries are never one dot (Lille is not
    « Belgique +1 »). Places outside the frame are left out."""
    west, south, east, north = frame
    inside = [r for r in rows if west <= r["lon"] <= east and south <= r["lat"] <= north]
    rank = {level: i for i, level in enumerate(LEVELS)}
    inside.sort(key=lambda r: (rank.get(r["level"], len(LEVELS)), r["name"].casefold()))
    diagonal = _distance({"lon": west, "lat": south}, {"lon": east, "lat": north})
    dots = []
    for row in inside:
        near = next((d for d in dots if d.get("country") == row.get("country")
                     and _distance(d, row) < close * diagonal), None)
        if near is None:
            dots.append(dict(row, members=[row["name"]], ids=[row["id"]], count=1))
        else:
            near["members"].append(row["name"])
            near["ids"].append(row["id"])
            near["count"] += 1
    return dots


def pair_strength(graph, pairs: dict) -> dict:
    """(a, b) -> the number of organisations that act on both sides of the
    pairing of territories a and b (a < b), in them or in a place inside."""
    acting = {}
    strength = {}
    for a, others in pairs.items():
        for b in others:
            if a < b:
                for place in (a, b):
                    if place not in acting:
                        acting[place] = set(acting_in(graph, place))
                strength[(a, b)] = len(acting[a] & acting[b])
    return strength


# Where a dot's name may go, tried in this order: right, left, below, above
# (pixel offsets of the name's centre, given its width and the dot's radius)
SPOTS = (lambda w, r: (r + 4 + w / 2, 0), lambda w, r: (-r - 4 - w / 2, 0),
         lambda w, r: (0, r + 8), lambda w, r: (0, -r - 8))


def named(dots: list[dict], plane: Plane, texts: dict, radius: dict | None = None,
          char: float = 6.3, line: float = 13.0) -> dict:
    """dot id -> (dx, dy), the pixels from the dot to its name's centre
    on `plane`, so that no two names overlap nor cover a dot nor leave the
    drawing, coarse places first (pixels: the name stays by its dot when
    the map is zoomed); a dot whose name finds no room is left out (its name stays in
    the tooltip). `radius`: dot id -> its drawn radius in pixels (6 if not
    given)."""
    radius = radius or {}
    at = {dot["id"]: plane.pixels(dot["lon"], dot["lat"]) for dot in dots}
    taken = []
    for dot in dots:
        x, y = at[dot["id"]]
        r = radius.get(dot["id"], 6)
        taken.append((x - r, y - r, x + r, y + r))
    out = {}
    for dot in dots:
        x, y = at[dot["id"]]
        w = char * len(texts[dot["id"]])
        for spot in SPOTS:
            dx, dy = spot(w, radius.get(dot["id"], 6))
            box = (x + dx - w / 2, y + dy - line / 2, x + dx + w / 2, y + dy + line / 2)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= plane.width and box[3] <= plane.height
            if inside and not any(_overlap(box, other) for other in taken):   # its own dot is never in the way
                taken.append(box)
                out[dot["id"]] = (dx, dy)
                break
    return out


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
