"""The Territories map's placing, grouping and pairing, on tiny named graphs."""
import csv
import math

import networkx as nx

from interface.maps import bounds, grouped, named, pair_strength, placed
from interface.projection import Plane, equal_earth
from loaders.reference import DATA


def territory(graph, node, name, level, lat=None, lon=None, **more):
    attrs = {"kind": "Territory", "name": name, "level": level, **more}
    if lat is not None:
        attrs.update(lat=lat, lon=lon)
    graph.add_node(node, **attrs)


def test_a_country_without_coordinates_goes_to_its_label_point():
    graph = nx.MultiDiGraph()
    territory(graph, "ter:tchad", "Tchad", "country", country_code="TD")
    territory(graph, "ter:lille", "Lille", "city", 50.63, 3.06, country_code="FR")
    territory(graph, "ter:quelque-part", "Quelque part", "region", country_code="TD")    # not a country: unplaced
    rows, missing = placed(graph)
    with open(DATA / "geo" / "countries.csv", encoding="utf-8") as handle:
        chad = next(r for r in csv.DictReader(handle) if r["iso2"] == "TD")
    where = {r["id"]: r for r in rows}
    assert missing == 1 and set(where) == {"ter:tchad", "ter:lille"}
    assert (where["ter:tchad"]["lat"], where["ter:tchad"]["lon"]) == (float(chad["lat"]), float(chad["lon"]))
    assert where["ter:tchad"]["estimated"] and not where["ter:lille"]["estimated"]
    assert 7 < float(chad["lat"]) < 24 and 13 < float(chad["lon"]) < 24       # inside Chad's bounding box


def row(name, level, lat, lon):
    return {"id": f"ter:{name}", "name": name, "level": level, "lat": lat, "lon": lon}


def test_close_places_are_one_dot_named_after_the_coarsest():
    # at the equator: a degree of longitude is a degree of latitude
    places = [row("ville", "city", 0.0, 0.3), row("region", "region", 0.0, 0.0), row("loin", "city", 0.0, 10.0)]
    frame = (-20.0, -20.0, 20.0, 20.0)                 # diagonal 40√2 ≈ 56.6°, close below 1.41°
    dots = grouped(places, frame)
    assert [(d["name"], d["count"], d["members"]) for d in dots] == [
        ("region", 2, ["region", "ville"]), ("loin", 1, ["loin"])]
    assert math.isclose(40 * math.sqrt(2) * 0.025, 1.414, rel_tol=1e-3)
    closer = grouped(places, (-1.0, -1.0, 1.0, 1.0))   # zoomed in: diagonal 2.83°, close below 0.07°
    assert [d["name"] for d in closer] == ["region", "ville"]          # apart, and the far one is out of frame


def test_the_frame_holds_every_place_with_a_margin():
    west, south, east, north = bounds([row("a", "city", 10.0, 0.0), row("b", "city", 14.0, 20.0)])
    assert (west, south, east, north) == (-4.0, 6.0, 24.0, 18.0)       # 20 % of the 20° extent


def test_a_pairing_counts_the_organisations_acting_on_both_sides():
    graph = nx.MultiDiGraph()
    territory(graph, "ter:ici", "Ici", "region", 50.0, 3.0)
    territory(graph, "ter:ville", "Ville", "city", 50.1, 3.1)
    territory(graph, "ter:labas", "Là-bas", "region", 14.0, -11.0)
    graph.add_edge("ter:ville", "ter:ici", key="PART_OF")
    graph.add_edge("ter:ici", "ter:labas", key="PAIRED_WITH")
    for org in ("org:x", "org:y", "org:z"):
        graph.add_node(org, kind="Organisation", name=org)
    graph.add_node("prj:p", kind="Project", name="P")
    graph.add_edge("org:x", "ter:ville", key="BASED_IN")        # in a place inside « ici »
    graph.add_edge("org:x", "ter:labas", key="ACTIVE_IN")
    graph.add_edge("org:y", "ter:ici", key="BASED_IN")          # one side only
    graph.add_edge("org:z", "ter:ici", key="BASED_IN")
    graph.add_edge("org:z", "prj:p", key="TAKES_PART_IN")       # the project targets « là-bas »
    graph.add_edge("prj:p", "ter:labas", key="TARGETS")
    pairs = {"ter:ici": {"ter:labas"}, "ter:labas": {"ter:ici"}}
    assert pair_strength(graph, pairs) == {("ter:ici", "ter:labas"): 2}


def test_names_go_where_they_cover_no_dot_and_stay_in_the_frame():
    # along the equator Equal Earth is linear in longitude: a plane 20° wide
    # in 200 × 200 px puts a dot 10 px a degree from 0°E, the equator at 100 px
    unit = equal_earth(20.0, 0.0)[0]
    plane = Plane(0.0, unit, -unit / 2, unit / 2, 200, 200)
    dots = [{"id": "a", "lon": 19.0, "lat": 0.0}, {"id": "b", "lon": 10.0, "lat": 0.0},
            {"id": "c", "lon": 11.5, "lat": 0.0}]
    texts = {"a": "abcd", "b": "abcd", "c": "abcd"}            # 4 × 6.3 = 25.2 px wide
    spots = named(dots, plane, texts)
    # a: on its right the name would end at 225 px > 200: on its left, centred 6 + 4 + 12.6 px away
    assert math.isclose(spots["a"][0], -22.6) and spots["a"][1] == 0
    # b: on its right the name would cover c's dot (109-121 px): on its left
    assert math.isclose(spots["b"][0], -22.6)
    assert math.isclose(spots["c"][0], 22.6)
    # c drawn bigger (radius 12 px): its name on the right (131-156 px) would
    # touch a's (155-180), on the left (74-99) b's (65-90): it goes below, 12 + 8 px down
    spots = named(dots, plane, texts, radius={"c": 12})
    assert spots["c"] == (0, 20)
