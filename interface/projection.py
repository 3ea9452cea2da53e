"""The map's flat drawing, computed here rather than by the chart so that
the chart can zoom and pan it like any x/y plot: the Equal Earth
projection (Šavrič, Patterson & Jenny, 2018, equal-area like the world
maps of atlases), a frame fitted to the drawing's size, and outlines
(TopoJSON or GeoJSON) as rings of projected points."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# The published polynomial's coefficients
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon, lat):
    """(x, y) of longitudes and latitudes in degrees (numbers or arrays),
    in units of the Earth's radius; y grows northward."""
    lam, phi = np.radians(lon), np.radians(lat)
    theta = np.arcsin(M * np.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * np.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


@dataclass(frozen=True)
class Plane:
    """The part of the projected plane drawn in width × height pixels:
    x from x0 to x1 and y from y0 to y1 (north up), `k` pixels a unit."""
    x0: float
    x1: float
    y0: float
    y1: float
    width: float
    height: float

    @property
    def k(self) -> float:
        return self.width / (self.x1 - self.x0)

    def pixels(self, lon, lat) -> tuple[float, float]:
        x, y = equal_earth(lon, lat)
        return float((x - self.x0) * self.k), float((self.y1 - y) * self.k)


def fitted(frame, width: float, height: float) -> Plane:
    """The plane showing `frame` (west, south, east, north, in degrees)
    whole and centred in width × height, the same scale on both axes."""
    west, south, east, north = frame
    steps = np.linspace(0, 1, 33)
    lons = np.concatenate([west + (east - west) * steps] * 2 + [np.full(33, west), np.full(33, east),
                                                                 np.full(33, (west + east) / 2)])
    lats = np.concatenate([np.full(33, south), np.full(33, north)] + [south + (north - south) * steps] * 3)
    x, y = equal_earth(lons, lats)
    x0, x1, y0, y1 = x.min(), x.max(), y.min(), y.max()
    k = min(width / max(x1 - x0, 1e-9), height / max(y1 - y0, 1e-9))
    dx, dy = (width / k - (x1 - x0)) / 2, (height / k - (y1 - y0)) / 2
    return Plane(float(x0 - dx), float(x1 + dx), float(y0 - dy), float(y1 + dy), width, height)


def topology_rings(topology: dict, name: str) -> list[tuple[str, list]]:
    """(feature name, ring of (lon, lat)) for each ring of each polygon of
    the TopoJSON object `name`: its arcs delta-decoded and joined."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        steps = np.cumsum(np.asarray(arc, dtype=float), axis=0)
        arcs.append(steps * scale + translate)

    def ring(indices):
        points = []
        for index in indices:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(map(tuple, arc[1:] if points else arc))
        return points
    out = []
    for geometry in topology["objects"][name]["geometries"]:
        label = geometry.get("properties", {}).get("name", "")
        polygons = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry.get("arcs", [])
        out.extend((label, ring(r)) for polygon in polygons for r in polygon)
    return out


def feature_rings(collection: dict) -> list[tuple[str, list]]:
    """(feature name, ring of (lon, lat)) for each ring of a GeoJSON
    FeatureCollection of polygons."""
    out = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        out.extend((feature["properties"].get("nom") or feature["properties"].get("name", ""), r)
                   for polygon in polygons for r in polygon)
    return out


def projected(rings: list[tuple[str, list]]) -> dict:
    """Columns {ring, name, order, x, y}: one row per point, ready for a
    line chart that draws each ring in its points' order."""
    ring_ids, names, orders, lons, lats = [], [], [], [], []
    for number, (name, points) in enumerate(rings):
        ring_ids.extend([number] * len(points))
        names.extend([name] * len(points))
        orders.extend(range(len(points)))
        lons.extend(p[0] for p in points)
        lats.extend(p[1] for p in points)
    x, y = equal_earth(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    return {"ring": ring_ids, "name": names, "order": orders, "x": x, "y": y}


def sphere() -> list[tuple[str, list]]:
    """The whole Earth's outline (the sea under the countries), as a ring."""
    up = np.linspace(-90, 90, 91)
    points = [(180.0, lat) for lat in up[::-1]] + [(-180.0, lat) for lat in up]
    return [("", points)]


def graticule(step: int = 10) -> list[tuple[str, list]]:
    """Meridians and parallels every `step` degrees, up to 80° of latitude
    as atlases draw them."""
    lines = [("", [(lon, lat) for lat in range(-80, 81, 2)]) for lon in range(-180, 181, step)]
    lines += [("", [(lon, lat) for lon in range(-180, 181, 2)]) for lat in range(-80, 81, step)]
    return lines
