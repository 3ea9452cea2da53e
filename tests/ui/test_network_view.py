"""The Explorer's drawing, as pure functions: filters, focus, groups, and an
HTML page that fetches nothing and never runs a name as code."""
import json
import re

import networkx as nx
import pytest

from ui import network_view as nv
from interface.i18n import t

XSS = '<img src=x onerror="window.__pwned=1">'


def words(key):
    return t(key, "fr")


@pytest.fixture
def bundled(bundled_store):
    return bundled_store.graph()


def drawn_nodes(page: str) -> list:
    """The nodes handed to vis-network, read back from the page."""
    match = re.search(r"new vis\.DataSet\((\[.*?\])\);\s*var edges", page, re.S)
    return json.loads(match.group(1))


def test_filters_keep_what_they_say(bundled):
    public = nv.filtered(bundled, kinds=["Organisation"], spheres=["public"])
    assert public.number_of_nodes() > 5
    assert {d["sphere"] for _, d in public.nodes(data=True)} == {"public"}
    partners = nv.filtered(bundled, relations=["PARTNER_OF"])
    assert {d["type"] for *_, d in partners.edges(data=True)} == {"PARTNER_OF"}
    kayes = nv.filtered(bundled, kinds=["Organisation", "Territory"], territory="Kayes")
    assert "org:emdk" in kayes and "org:cap-solidarites" not in kayes


def test_focus_grows_with_the_radius(bundled):
    sizes = [nv.neighbourhood(bundled, "org:cap-solidarites", r).number_of_nodes() for r in (1, 2, 3)]
    assert sizes[0] < sizes[1] <= sizes[2]
    assert set(nv.neighbourhood(bundled, "org:cap-solidarites", 1)) == \
        {"org:cap-solidarites"} | set(nx.all_neighbors(bundled, "org:cap-solidarites"))
    assert nv.neighbourhood(bundled, "org:nobody", 2).number_of_nodes() == 0


def test_aggregate_counts_members_and_ties_between_groups():
    g = nx.MultiDiGraph()
    for node, sphere in (("a", "public"), ("b", "public"), ("c", "economic")):
        g.add_node(node, kind="Organisation", sphere=sphere)
    g.add_edges_from([("a", "b"), ("a", "c"), ("b", "c")])
    agg = nv.aggregate(g, nv.groups(g, "sphere", {}))
    assert dict(agg.nodes(data="count")) == {"public": 2, "economic": 1}
    assert agg["public"]["economic"]["count"] == 2 and not agg.has_edge("public", "public")


def test_the_page_fetches_nothing_and_shows_names_as_text():
    g = nx.MultiDiGraph()
    g.add_node("org:x", kind="Organisation", name=XSS, sphere="public")
    g.add_node("org:y", kind="Organisation", name="</script><script>window.__pwned=2</script>", sphere="public")
    g.add_edge("org:x", "org:y", key="RELATED_TO", type="RELATED_TO", label="<b onmouseover=alert(1)>")
    page = nv.network_html(g, {}, nv.sizes(g, {}), words)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"cdn|jsdelivr|unpkg|bootstrap|googleapis|@import", page, re.I)
    assert "<img" not in page and "</script><script>" not in page and "<b onmouseover" not in page
    assert [n["label"] for n in drawn_nodes(page)] == [XSS, "</script><script>window.__pwned=2</script>"]


def test_image_buttons_and_legend_only_when_asked_and_as_data():
    g = nx.MultiDiGraph()
    g.add_node("org:x", kind="Organisation", name="X", sphere="public")
    plain = nv.network_html(g, {}, nv.sizes(g, {}), words)
    def texts(page):
        return json.loads(re.search(r"var texts = (.*?);\n", page).group(1))
    assert "image" not in texts(plain) and "var legend = []" in plain
    page = nv.network_html(g, {}, nv.sizes(g, {}), words, legend=[("#d95f02", XSS, "●")], image="passerelles-vue")
    assert texts(page)["image"] == "passerelles-vue" and texts(page)["png"].startswith("Télécharger cette vue")
    assert "<img" not in page
    legend = json.loads(re.search(r"var legend = (.*?);\n", page).group(1))
    assert legend == [["#d95f02", XSS, "●"]]


def test_vis_network_script_can_sit_in_a_script_element():
    assert "</script" not in nv._vis_js().lower()


def test_big_views_get_positions_and_no_physics(bundled):
    positions = nv.layout(bundled)
    assert set(positions) == set(bundled) and nv.layout(bundled) == positions      # the same view looks the same
    page = nv.network_html(bundled, {}, nv.sizes(bundled, {}), words, positions=positions)
    assert '"enabled": false' in page and all("x" in n for n in drawn_nodes(page))


def test_colours_follow_spheres_and_the_palette_by_size(bundled):
    view = nv.filtered(bundled, kinds=["Organisation"])
    communities = {n: i % 14 for i, n in enumerate(sorted(view))}
    group_of = nv.groups(view, "community", communities)
    colours = nv.colours(view, "community", group_of)
    assert len(set(colours.values())) == len(nv.PALETTE) + 1          # the 12 largest, then "other"
    spheres = nv.colours(view, "sphere", nv.groups(view, "sphere", {}))
    assert spheres["public"] == nv.SPHERE_COLOURS["public"]


def test_nodes_drawn_as_discs_never_cover_each_other(bundled):
    """Sized by a metric (10 to 40 pixels), a dense group laid out as points
    became one blot: spread moves them apart, and leaves the fixed ones
    (here, as in the app, nodes of a drawing spread before)."""
    import numpy as np
    view = nv.filtered(bundled, kinds=["Organisation"])
    size_of = nv.sizes(view, {n: view.degree(n) for n in view})
    for at in (nv.layout(view, size_of=size_of),
               nv.layout(view, size_of=size_of, previous=dict(list(nv.layout(view, size_of=size_of).items())[:20]))):
        ids = list(at)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                assert np.hypot(at[a][0] - at[b][0], at[a][1] - at[b][1]) >= size_of[a] + size_of[b], (a, b)
    packed = np.zeros((5, 2))                           # five nodes on one point, the first held
    fixed = np.array([True, False, False, False, False])
    out = nv.spread(packed, np.full(5, 10.0), fixed, margin=0)
    assert (out[0] == 0).all()
    gaps = [np.hypot(*(out[i] - out[j])) for i in range(5) for j in range(i + 1, 5)]
    assert min(gaps) >= 20 - 0.1                        # within a tenth of a pixel


def test_a_node_seen_before_keeps_its_place(bundled):
    """layout(previous=...) holds the nodes drawn before where they were,
    keeps the new ones within the old drawing's reach (its frame widened by
    the square root of the node count, in igraph's units), and puts them
    nearer the known nodes they are tied to than to the known nodes at
    large."""
    import numpy as np
    view = nv.filtered(bundled, kinds=["Organisation"])
    one, two = nv.neighbourhood(view, "org:grdr", 1), nv.neighbourhood(view, "org:grdr", 2)
    before = nv.layout(one)
    after = nv.layout(two, previous=before)
    assert all(after[n] == before[n] for n in before)
    known = np.array(list(before.values()))
    reach = len(two) ** 0.5 * nv.PIXELS_PER_UNIT
    low, high = known.min(axis=0) - reach - 1e-6, known.max(axis=0) + reach + 1e-6
    new = set(two) - set(one)
    assert new and all((low <= after[n]).all() and (after[n] <= high).all() for n in new)
    near, far = [], []
    for node in new:
        tied = [m for m in nx.all_neighbors(two, node) if m in before]
        if tied:
            here = np.array(after[node])
            near.append(min(np.hypot(*(here - before[m])) for m in tied))
            far.append(np.mean(np.hypot(*(known - here).T)))
    assert near and np.mean(near) < np.mean(far)
    assert nv.layout(one, previous=after) == before
