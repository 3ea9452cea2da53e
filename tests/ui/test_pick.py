"""Choosing among many elements (ui/pick.py): beyond `search_from` (here
lowered to 10, under the bundled network's organisations) a list is
searched by name first and holds what is found and the current choice."""
import pytest
from apptest import texts, visit

from graph.settings import value as setting


@pytest.fixture
def few_listed(home, monkeypatch):
    from ui import pick
    monkeypatch.setattr(pick, "setting", lambda name: {"search_from": 10, "search_most": 3}.get(name, setting(name)))
    return home


def test_the_actor_page_finds_an_organisation_by_a_few_letters(few_listed):
    at = visit("actor", org="org:grdr")
    chooser = at.selectbox(key="org")          # the current one and the page's default (the first), not all 40
    assert "Grdr Migration-Citoyenneté-Développement" in chooser.options and len(chooser.options) == 2
    at.text_input(key="org__search").input("cites unies").run()
    found = at.selectbox(key="org").options
    assert "Cités unies France" in found and len(found) <= 2 + 3
    at.selectbox(key="org").set_value("org:cites-unies-france").run()
    assert at.header[0].value == "Cités unies France" and "org=org%3Acites-unies-france" not in texts(at)
    at.text_input(key="org__search").input("zzzz").run()
    assert "Aucun nom ne contient « zzzz »." in texts(at)
    assert at.selectbox(key="org").value == "org:cites-unies-france"          # the choice stays


def test_a_search_finding_more_than_the_list_holds_says_so(few_listed):
    from graph.model import fold
    from graph.store.memory import MemoryStore
    at = visit("actor", org="org:grdr")                       # the workspace seeded with the bundled network
    graph = MemoryStore(few_listed).graph()
    holding = [n for n, d in graph.nodes(data=True) if d.get("kind") == "Organisation" and "a" in fold(d["name"])]
    at.text_input(key="org__search").input("A").run()
    assert len(at.selectbox(key="org").options) <= 2 + 3       # the current one, the default, 3 found
    assert f"{len(holding)} trouvés : les 3 premiers dans la liste" in texts(at)


def test_a_shared_link_focuses_the_explorer_without_a_search(few_listed):
    def drawn(at) -> int:
        return int(next(c.value for c in at.caption if "nœuds et" in c.value).split()[0])
    at = visit("explorer", focus="org:grdr")
    assert at.selectbox(key="focus").value == "org:grdr" and at.selectbox(key="focus").options == [
        "Grdr Migration-Citoyenneté-Développement"]
    assert drawn(at) < drawn(visit("explorer"))                    # its neighbourhood, not the whole network


def test_a_tie_target_is_searched_before_the_form(few_listed):
    at = visit("actor", org="org:grdr")
    target = "t_target:org:grdr"
    assert at.selectbox(key=target).options == []
    at.text_input(key=f"{target}__search").input("lianes").run()
    assert any("Lianes Coopération" in o for o in at.selectbox(key=target).options)


def test_few_elements_are_listed_whole(home):
    at = visit("actor", org="org:grdr")
    assert len(at.selectbox(key="org").options) > 10
    assert not [w for w in at.text_input if w.key == "org__search"]


def test_the_explorer_s_territory_filter_is_searched_too(few_listed):
    at = visit("explorer")
    assert at.selectbox(key="territory").options == []
    at.text_input(key="territory__search").input("kayes").run()
    assert at.selectbox(key="territory").options == ["Kayes"]
    whole = int(next(c.value for c in at.caption if "nœuds et" in c.value).split()[0])
    at.selectbox(key="territory").set_value("ter:kayes").run()
    assert int(next(c.value for c in at.caption if "nœuds et" in c.value).split()[0]) < whole


def test_a_click_on_the_map_keeps_its_territory_among_a_searched_list(few_listed):
    """The Territoires page's chooser, searched: a territory named by the
    URL (a click on the map writes ?place=) is in the list and shown."""
    at = visit("territories", place="ter:kayes")
    assert at.selectbox(key="place").value == "ter:kayes"
    assert "Qui agit dans ce territoire : Kayes" in texts(at).replace("\\", "")
    at = visit("opportunities", territory="ter:kayes")
    assert at.selectbox(key="territory").value == "ter:kayes"


def test_the_data_page_searches_the_events_and_the_networks_too(home, monkeypatch):
    """Données: the event a participants list is for, and the network a
    directory's organisations are members of, are searched by name beyond
    search_from (here 2, under the bundled network's 3 events)."""
    from conftest import ROOT
    from ui import pick
    monkeypatch.setattr(pick, "setting", lambda name: {"search_from": 2, "search_most": 3}.get(name, setting(name)))
    at = visit("data")
    assert at.selectbox(key="event").options == []                         # nothing listed before a search
    at.text_input(key="event__search").input("journée").run()
    assert at.selectbox(key="event").options == ["Journée des Initiatives Citoyennes de Coopération Internationale"]
    directory = ROOT / "tests" / "data" / "annuaire-reseau-2026.csv"
    at.file_uploader(key="upload").upload(directory.name, directory.read_bytes())
    at.run()
    at.toggle(key="map_columns").set_value(True).run()
    assert at.selectbox(key="mapping_member_of").options == []
    at.text_input(key="mapping_member_of__search").input("lianes").run()
    at.selectbox(key="mapping_member_of").set_value("org:lianes-cooperation").run()
    at.text_input(key="mapping_member_of__search").input("grdr").run()
    assert at.selectbox(key="mapping_member_of").value == "org:lianes-cooperation"      # the choice stays listed
    assert "Grdr Migration-Citoyenneté-Développement" in at.selectbox(key="mapping_member_of").options
