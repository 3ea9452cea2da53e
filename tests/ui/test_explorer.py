"""The Explorer through app.py: filters and focus change what is drawn, the
view lives in the URL, big views switch to fixed positions and then to groups."""
import json
import re

import pytest
from apptest import frames, texts, visit

from bench.synthetic import generate
from graph.store.memory import MemoryStore
from ui import network_view as nv


def shown(at) -> tuple:
    """(nodes, ties) the caption under the drawing announces."""
    match = re.search(r"(\d+) nœuds et (\d+) liens affichés", texts(at))
    return int(match.group(1)), int(match.group(2))


def sent(at) -> tuple[list, list]:
    """(nodes, edges) the drawing's page holds, hidden ones included."""
    (page,) = frames(at)
    found = re.search(r"new vis\.DataSet\((\[.*?\])\);\s*var edges = new vis\.DataSet\((\[.*?\])\);", page, re.S)
    return json.loads(found.group(1)), json.loads(found.group(2))


def drawn(at) -> list:
    """The nodes drawn (not those held back for « Déplier ses voisins »)."""
    return [n for n in sent(at)[0] if not n.get("hidden")]


def test_filters_and_focus_change_what_is_drawn(home):
    at = visit("explorer")
    everything = shown(at)
    at.multiselect(key="kinds").set_value(["Organisation"]).run()
    orgs = sum(1 for _, d in MemoryStore(home).graph().nodes(data=True) if d.get("kind") == "Organisation")
    assert shown(at)[0] == orgs < everything[0]
    at.multiselect(key="sphere").set_value(["public"]).run()
    public = shown(at)[0]
    assert 0 < public < orgs and {n["color"] for n in drawn(at)} == {nv.SPHERE_COLOURS["public"]}
    at.multiselect(key="sphere").set_value([]).run()
    at.selectbox(key="focus").set_value("org:cap-solidarites").run()
    assert at.query_params["focus"] in ("org:cap-solidarites", ["org:cap-solidarites"])
    assert at.query_params["kinds"] in ("Organisation", ["Organisation"])
    one = shown(at)[0]
    at.slider(key="radius").set_value(2).run()
    assert one < shown(at)[0] < orgs + 1
    assert any(link.label.startswith("Ouvrir la fiche de Cap Solidarit") for link in at.get("page_link"))


def test_the_drawing_holds_the_next_ring_for_unfolding(home):
    """Focused at radius 1, the page also holds, hidden, the elements one
    step further that the filters keep, and their ties: « Déplier ses
    voisins » shows them without asking the server. Nothing outside the
    filters is held, and an unfocused view (everything already drawn) holds
    nothing."""
    at = visit("explorer", kinds=["Organisation"], focus="org:cap-solidarites", radius="1")
    nodes, edges = sent(at)
    hidden = {n["id"] for n in nodes if n.get("hidden")}
    graph = MemoryStore(home).graph()
    undirected = graph.to_undirected(as_view=True)
    orgs = {n for n, d in graph.nodes(data=True) if d.get("kind") == "Organisation"}
    near = {n for n in undirected["org:cap-solidarites"] if n in orgs} | {"org:cap-solidarites"}
    ring = {m for n in near for m in undirected[n] if m in orgs} - near
    assert {n["id"] for n in nodes if not n.get("hidden")} == near and hidden == ring
    assert all(e.get("hidden") for e in edges if e["from"] in hidden or e["to"] in hidden)
    assert shown(at)[0] == len(near)
    at = visit("explorer", kinds=["Organisation"])
    assert not any(n.get("hidden") for n in sent(at)[0])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_shared_link_opens_the_same_view(home, lang):
    """The URL holds values, not the words shown: a link made in French opens
    the same view in English, and an organisation is named by its id."""
    at = visit("explorer", kinds=["Organisation", "Project"], focus="org:cap-solidarites", radius="1",
               colour="community", size="betweenness", lang=lang)
    assert at.selectbox(key="focus").value == "org:cap-solidarites"
    assert at.multiselect(key="kinds").value == ["Organisation", "Project"]
    nodes = drawn(at)
    assert {n["shape"] for n in nodes} <= {"dot", "square"}
    assert [n for n in nodes if n["id"] == "org:cap-solidarites"][0]["borderWidth"] == 4
    assert at.selectbox(key="colour").value == "community" and at.selectbox(key="size").value == "betweenness"
    assert len({n["color"] for n in nodes if n["shape"] == "dot"}) > 1         # several communities
    assert len({n["size"] for n in nodes if n["shape"] == "dot"}) > 2          # sized by betweenness


def test_an_unknown_actor_in_the_link_is_ignored(home):
    at = visit("explorer", focus="<script>alert(1)</script>")
    assert at.selectbox(key="focus").value is None and shown(at)[0] > 50


@pytest.fixture
def synthetic(home):
    def make(organisations, ties):
        store = MemoryStore(home)
        store.reset()
        store.apply(generate(organisations=organisations, ties=ties, seed=3))
        return store
    return make


def test_a_few_hundred_nodes_are_drawn_with_fixed_positions(synthetic):
    synthetic(400, 2_500)
    at = visit("explorer", kinds=["Organisation"])
    assert shown(at)[0] == 400
    assert all("x" in n and n["physics"] is False for n in drawn(at))


def positions(at) -> dict:
    return {n["id"]: (n["x"], n["y"]) for n in drawn(at)}


def test_the_drawing_stays_in_place_from_click_to_click(home):
    """A wider radius keeps the nodes already drawn where they were (the new
    ones settle around them); back to the first radius, the drawing is the
    first one; « Redessiner » lays it out anew. (Laid out afresh, the common
    nodes moved by a sixth to a third of the drawing's span, once aligned.)"""
    at = visit("explorer", focus="org:cap-solidarites", radius="1")
    first = positions(at)
    at.slider(key="radius").set_value(2).run()
    wider = positions(at)
    assert len(wider) > 3 * len(first) and all(wider[n] == first[n] for n in first)
    at.slider(key="radius").set_value(1).run()
    assert positions(at) == first
    at.multiselect(key="kinds").set_value(["Organisation", "Project"]).run()
    fewer = positions(at)
    assert fewer and all(fewer[n] == first[n] for n in fewer)
    at.button(key="explorer_relayout").click().run()
    anew = positions(at)
    assert set(anew) == set(fewer) and anew != fewer


def test_thousands_of_nodes_become_groups_that_open(synthetic):
    synthetic(2_000, 12_000)
    at = visit("explorer", kinds=["Organisation"], colour="community")
    assert "c'est trop pour un dessin lisible" in texts(at)
    groups = drawn(at)
    assert 1 < len(groups) < 100 and sum(int(re.search(r"\((\d+)\)$", g["label"]).group(1)) for g in groups) == 2_000
    # not every tie between groups: each group's three heaviest (a tie may be among those of either end)
    said = re.search(r"(\d+) groupes affichés et (\d+) des (\d+) liens entre eux", texts(at))
    ties = sent(at)[1]
    assert int(said.group(1)) == len(groups) and int(said.group(2)) == len(ties) <= 3 * len(groups)
    assert len(ties) < int(said.group(3)) and all(t["arrows"] == "" for t in ties)
    largest = max(groups, key=lambda g: g["size"])
    at.selectbox(key="group").set_value(largest["id"]).run()
    members = drawn(at)                                   # the largest community, drawn node by node
    assert len(members) == int(re.search(r"\((\d+)\)$", largest["label"]).group(1))
    assert {n["color"] for n in members} == {nv.PALETTE[0]}
    at.selectbox(key="group").set_value(None).run()
    at.selectbox(key="colour").set_value("sphere").run()
    labels = {g["label"].rsplit(" (", 1)[0] for g in drawn(at)}         # groups named in words, not codes
    assert "Société civile" in labels and "civil_society" not in labels


def viz(payload: bytes) -> dict:
    """node -> (colour, size, position) as written in a GEXF's viz elements."""
    from lxml import etree
    out = {}
    for node in etree.fromstring(payload).iter("{*}node"):
        colour, size, position = node.find("{*}color"), node.find("{*}size"), node.find("{*}position")
        out[node.get("id")] = ("#%02x%02x%02x" % tuple(int(colour.get(c)) for c in "rgb"),
                               float(size.get("value")),
                               None if position is None else (float(position.get("x")), float(position.get("y"))))
    return out


def test_the_view_exports_as_drawn(home):
    """Export this view: the drawn nodes only, each with the colour, size and
    place of the drawing (the focus without its emphasis; y upwards in Gephi)."""
    at = visit("explorer", kinds=["Organisation"], focus="org:cap-solidarites")
    at.selectbox(key="view_format").set_value("gexf").run()
    at.button(key="view_prepare").click().run()
    name, payload = at.session_state["view_export"]
    nodes = {n["id"]: n for n in drawn(at)}
    written = viz(payload)
    assert name == "passerelles-vue.gexf" and set(written) == set(nodes) and len(nodes) < shown(visit("explorer"))[0]
    for node, (colour, size, position) in written.items():
        assert colour == nodes[node]["color"] and position == (nodes[node]["x"], -nodes[node]["y"])
        assert abs(size - nodes[node]["size"]) < 0.05 if node != "org:cap-solidarites" else size < nodes[node]["size"]


def test_a_big_view_exports_the_servers_positions(synthetic):
    synthetic(400, 2_500)
    at = visit("explorer", kinds=["Organisation"])
    at.selectbox(key="view_format").set_value("gexf").run()
    at.button(key="view_prepare").click().run()
    nodes = {n["id"]: n for n in drawn(at)}
    written = viz(at.session_state["view_export"][1])
    assert set(written) == set(nodes)
    for node, (_, _, (x, y)) in written.items():
        assert abs(x - nodes[node]["x"]) < 0.01 and abs(y + nodes[node]["y"]) < 0.01     # y upwards in Gephi


def test_the_path_between_two_organisations_is_drawn_in_red(bundled_store):
    """From EMDK to Cap Solidarités: the path the actor graph gives (the
    strongest ties) is said in words, its elements drawn even outside the
    radius, and exactly its ties drawn red."""
    from graph.analytics.actor import actor_graph
    from graph.analytics.partners import introduction
    graph = bundled_store.graph()
    actor = actor_graph(graph)
    path = introduction(actor, "org:emdk", "org:cap-solidarites")
    assert len(path) >= 3                               # not tied directly: someone in between
    elements, along = nv.path_ties(actor, path)
    at = visit("explorer", focus="org:emdk", radius="1", to="org:cap-solidarites")
    said = texts(at).replace("\\", "")
    names = [graph.nodes[i]["name"] for i in path]
    assert "Chemin (en rouge) : " + " → ".join(names) in said
    (page,) = frames(at)
    ids = {n["id"] for n in drawn(at)}
    assert elements <= ids
    edges = json.loads(re.search(r"var edges = new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))
    red = {frozenset((e["from"], e["to"])) for e in edges if e["color"] == nv.PATH_COLOUR}
    assert red == {frozenset(pair) for pair in along}
    alone = visit("explorer", focus="org:emdk", radius="1")
    assert "Chemin" not in texts(alone) and not any(e for e in json.loads(re.search(
        r"var edges = new vis\.DataSet\((\[.*?\])\);", frames(alone)[0], re.S).group(1)) if e["color"] == nv.PATH_COLOUR)


def test_a_group_still_too_big_is_split_again(synthetic, monkeypatch):
    """Opened, a group bigger than the drawing's limit is not drawn node by
    node: its members are grouped again, by community, and a subgroup opens
    into its members."""
    monkeypatch.setattr(nv, "AGGREGATE_FROM", 500)
    graph = synthetic(2_000, 12_000).graph()
    civil = {n for n, d in graph.nodes(data=True) if d.get("kind") == "Organisation"
             and d.get("sphere") == "civil_society"}
    assert len(civil) > 500
    at = visit("explorer", kinds=["Organisation"], colour="sphere", group="civil_society")
    assert "Ouvrir un sous-groupe" in [s.label for s in at.selectbox]
    counts = {g["id"]: int(re.search(r"\((\d+)\)$", g["label"]).group(1)) for g in drawn(at)}
    assert all(g.startswith("#") for g in counts) and sum(counts.values()) == len(civil)
    largest = max(counts, key=counts.get)
    at.selectbox(key="subgroup").set_value(largest).run()
    assert at.query_params["subgroup"] in (largest, [largest])
    members = {n["id"] for n in drawn(at)}
    assert len(members) == counts[largest] <= 500 and members <= civil


def test_the_legend_names_each_colour_once(synthetic):
    """Beyond the palette, groups share one grey: the legend says so in one
    line instead of listing each of them."""
    synthetic(2_000, 12_000)
    at = visit("explorer", kinds=["Organisation"], colour="community")
    groups = len(drawn(at))
    (html,) = at.get("html")
    legend = [re.sub(r"<[^>]+>", "", line) for line in re.findall(r"<div><span.*?</div>", html.proto.body)]
    assert len(groups_line := [x for x in legend if "autres groupes" in x]) == 1
    assert groups_line[0] == f"● {groups - len(nv.PALETTE)} autres groupes, plus petits"
    assert len(legend) == len(nv.PALETTE) + 1
