"""The map's own projection and outlines, checked against what the Equal
Earth projection is published to be and against the bundled reference
data."""
import csv
import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from interface.maps import outlines
from interface.projection import equal_earth, feature_rings, fitted, projected, topology_rings
from loaders.reference import DATA


def test_the_whole_earth_is_2_05_times_as_wide_as_high():
    # Šavrič, Patterson & Jenny (2018): "the ratio of the map's width to its height is 2.05:1"
    east, _ = equal_earth(180.0, 0.0)
    _, north = equal_earth(0.0, 90.0)
    assert round((2 * east) / (2 * north), 2) == 2.05
    assert equal_earth(0.0, 0.0) == (0.0, 0.0)


def projected_area(west, south, east, north, steps=200) -> float:
    """The shoelace area of a lon/lat box's projected outline."""
    t = np.linspace(0, 1, steps)
    lons = np.concatenate([west + (east - west) * t, np.full(steps, east), east - (east - west) * t,
                           np.full(steps, west)])
    lats = np.concatenate([np.full(steps, south), south + (north - south) * t, np.full(steps, north),
                           north - (north - south) * t])
    x, y = equal_earth(lons, lats)
    return abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))) / 2


@settings(max_examples=60, deadline=None)
@given(st.floats(-170, 160), st.floats(-80, 70), st.floats(1, 10), st.floats(1, 10))
def test_equal_areas_stay_equal(west, south, width, height):
    """Equal-area: a box's projected area over the sphere's area of the
    same box is the same everywhere (the sphere's: Δλ × (sin φ2 − sin φ1))."""
    east, north = west + width, south + height
    sphere = math.radians(width) * (math.sin(math.radians(north)) - math.sin(math.radians(south)))
    reference = projected_area(0, 0, 10, 10) / (math.radians(10) * math.sin(math.radians(10)))
    assert math.isclose(projected_area(west, south, east, north) / sphere, reference, rel_tol=2e-3)


def test_a_frame_is_shown_whole_and_centred_at_one_scale():
    plane = fitted((-5.0, 41.0, 10.0, 52.0), 680, 520)       # France
    assert math.isclose(plane.width / (plane.x1 - plane.x0), plane.height / (plane.y1 - plane.y0))
    corners = [plane.pixels(lon, lat) for lon in (-5.0, 2.5, 10.0) for lat in (41.0, 52.0)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    assert min(xs) >= -1e-6 and max(xs) <= 680 + 1e-6 and min(ys) >= -1e-6 and max(ys) <= 520 + 1e-6
    # one of the two directions is filled, the other centred
    assert math.isclose(min(ys) + max(ys), 520, abs_tol=1e-6) or math.isclose(min(xs) + max(xs), 680, abs_tol=1e-6)
    assert math.isclose(max(ys) - min(ys), 520, abs_tol=1e-6) or math.isclose(max(xs) - min(xs), 680, abs_tol=1e-6)


def test_topojson_arcs_are_decoded_and_joined():
    # two arcs on a 1-degree grid, the second walked backwards (~1) to close the ring
    topology = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [10, 20]},
                "arcs": [[[0, 0], [2, 0], [0, 3]], [[0, 0], [0, 3], [2, 0]]],
                "objects": {"things": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "arcs": [[0, ~1]], "properties": {"name": "A"}}]}}}
    (name, ring), = topology_rings(topology, "things")
    assert name == "A"
    assert [tuple(map(float, p)) for p in ring] == [(10, 20), (12, 20), (12, 23), (10, 23), (10, 20)]


def inside(point, ring) -> bool:
    """Even-odd rule."""
    x, y = point
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def test_the_bundled_countries_hold_their_label_points():
    rings = topology_rings(outlines(), "countries")
    with open(DATA / "geo" / "countries.csv", encoding="utf-8") as f:
        points = {row["name_en"]: (float(row["lon"]), float(row["lat"])) for row in csv.DictReader(f)}
    for country in ("Chad", "Mali", "France", "Senegal"):
        assert any(inside(points[country], [tuple(p) for p in ring]) for name, ring in rings if name == country)
    assert len({name for name, _ in rings}) == len(outlines()["objects"]["countries"]["geometries"])


def test_geojson_rings_and_their_projected_points():
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"nom": "Nord"}, "geometry": {"type": "MultiPolygon", "coordinates": [
            [[[2.0, 50.0], [3.0, 50.0], [3.0, 51.0], [2.0, 50.0]]], [[[4.0, 50.0], [5.0, 50.0], [4.0, 50.0]]]]}}]}
    rings = feature_rings(collection)
    assert [(name, len(ring)) for name, ring in rings] == [("Nord", 4), ("Nord", 3)]
    columns = projected(rings)
    assert columns["ring"] == [0, 0, 0, 0, 1, 1, 1] and columns["order"] == [0, 1, 2, 3, 0, 1, 2]
    assert (columns["x"][1], columns["y"][1]) == equal_earth(3.0, 50.0)
