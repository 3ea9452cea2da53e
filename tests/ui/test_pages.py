"""Every page, opened through app.py as a user would: no exception, and
what the page is for is on it."""
import json

import pytest
from apptest import PAGE_FILES, background_done, big_from, frames, held_back, shown_cells, texts, visit

from graph.analytics.gaps import gaps
from graph.store.memory import MemoryStore
from ui.actor import METRICS
from interface.i18n import t


def test_overview_counts_the_bundled_network(home):
    at = visit("overview")
    graph = MemoryStore(home).graph()
    orgs = sum(1 for _, d in graph.nodes(data=True) if d.get("kind") == "Organisation")
    assert at.metric[0].label == "Organisations" and at.metric[0].value == str(orgs)
    assert len(at.get("vega_lite_chart")) == 3          # sphere, category, territory
    pairs = at.dataframe[0].value
    assert {"Nord-Pas-de-Calais"} <= set(pairs["Ici"]) and "Kayes" in set(pairs["Là-bas"])
    brokers = at.dataframe[1].value
    assert len(brokers) == 10 and brokers["Intermédiarité"].is_monotonic_decreasing
    assert "Données : stockage intégré" in texts(at)


@pytest.mark.parametrize("page", list(PAGE_FILES))
def test_every_page_opens_in_french_and_in_english(home, page):
    def title(lang):                     # the overview's title is the app's name
        return "Passerelles" if page == "overview" else t(f"nav.{page}", lang)

    at = visit(page)
    assert at.title[0].value == title("fr")
    at.button_group(key="lang").set_value("en").run()
    assert at.title[0].value == title("en") and not at.exception
    assert t("app.store", "en", store="embedded") in texts(at)


def test_actor_page_shows_sources_ties_metrics_partners_and_ego_network(home):
    at = visit("actor", org="org:cap-solidarites")
    said = texts(at)
    assert "Cap Solidarités" in [h.value for h in at.header]
    # its source: the document's title, not its file name
    assert "Compte rendu de l'atelier territorial du CFSI" in said.replace("\\", "")
    assert "003_b1508604df3e3375" not in said.replace("\\", "")
    fields = set(at.dataframe[0].value["Champ"])
    assert {"Sigle", "Catégorie", "Sphère"} <= fields and not {"acronym", "category", "sphere"} & fields
    ties = at.dataframe[2].value
    assert "Comité Français pour la Solidarité Internationale" in set(ties["Avec"])
    metrics = at.dataframe[1].value
    assert list(metrics["Indicateur"])[:len(METRICS)] == [t(f"metric.{m}", "fr") for m in METRICS]
    assert all(rank == "—" or " sur " in rank for rank in metrics["Rang"][:len(METRICS)])
    partners = [e for e in at.expander if e.label != "Modifier, relier, ajouter"]
    assert len(partners) >= 3 and all(e.label.split(" — ")[-1].lstrip("●○ ") in ("appui solide", "appui moyen",
                                                                                 "appui faible") for e in partners)
    assert all(len(e.caption) and e.caption[0].value.startswith("Score ") for e in partners)
    (ego,) = frames(at)
    assert '"label": "Cap Solidarit' in ego


def test_opportunities_filter_by_territory_and_export_csv(home):
    at = visit("opportunities")
    everything = at.dataframe[0].value
    assert len(everything) == 20 and everything["Score"].is_monotonic_decreasing
    assert set(everything["Appui"]) <= {"●●● appui solide", "●●○ appui moyen", "●○○ appui faible"}
    at.selectbox(key="territory").set_value("ter:kayes").run()
    kayes = at.dataframe[0].value
    assert 0 < len(kayes) and not kayes.equals(everything)
    assert visit("opportunities", territory="ter:kayes").dataframe[0].value.equals(kayes)     # a shared link
    english = visit("opportunities", territory="ter:kayes", lang="en").dataframe[0].value
    same = [0, 1, 3]                        # the two names and the score; the support is said in English
    assert (english.iloc[:, same].values == kayes.iloc[:, same].values).all()      # the same link, in English
    assert english["Support"].str.endswith("support").all()
    assert at.get("download_button")


def test_decimal_numbers_are_shown_with_a_decimal_comma_in_french(home):
    """The Synergies scores (floats): « 1,92 » in French, « 1.92 » in English,
    each the same number as the value the column sorts by."""
    from interface.sentences import number
    for lang, point in (("fr", ","), ("en", ".")):
        table = visit("opportunities", lang=lang).dataframe[0]
        scores, cells = table.value.iloc[:, 3], shown_cells(table).iloc[:, 3]
        assert all(cell == number(score, lang) for score, cell in zip(scores, cells))
        assert any(point in cell for cell in cells) and not any(("." if lang == "fr" else ",") in c for c in cells)


def test_gaps_page_lists_every_kind_with_why_it_matters(home):
    at = visit("gaps")
    found = gaps(MemoryStore(home).graph())
    titles = [s.value for s in at.subheader]
    for kind in ("territory_pairs", "themes", "spheres", "isolated", "met_never_partnered",
                 "single_points_of_failure"):
        assert f"{t(f'gaps.{kind}', 'fr')} ({len(found[kind])})" in titles
        assert t(f"gaps.why.{kind}", "fr") in texts(at)


def test_territories_page_lists_who_acts_in_a_territory(home):
    at = visit("territories", place="ter:kayes")
    assert at.get("vega_lite_chart")
    actors = set(at.dataframe[0].value["Organisations"])
    assert "Espace Migration Développement Kayes" in actors or "Conseil régional de Kayes" in actors
    assert "Jumelé avec : Nord" in texts(at).replace("\\", "")


def test_method_page_explains_every_metric_and_the_score(home):
    at = visit("method")
    said = texts(at)
    for metric in (*METRICS, "community", "articulation_point"):
        assert t(f"explain.{metric}", "fr") in said
    criteria = set(at.dataframe[1].value["Critère"])
    assert t("method.score.paired_territory", "fr") in criteria
    assert "Score = proximité × (1 + affinité) + 0,5 × affinité" in said      # the weight, written the French way
    english = texts(visit("method", lang="en"))
    for rule in ("excluded", "evidence", "groups", "thin", "follow_up"):      # what a suggestion says, both languages
        assert t(f"method.suggestions.{rule}", "fr") in said and t(f"method.suggestions.{rule}", "en") in english


def test_a_network_too_big_for_every_pair_says_where_to_look(home, monkeypatch):
    import graph.analytics.partners as partners
    monkeypatch.setattr(partners, "MAX_PAIR_WORK", 10)
    at = visit("opportunities")
    assert "trop pour comparer toutes les paires" in texts(at) and not at.dataframe


def test_the_english_pages_say_the_analytics_in_english(home):
    """Reasons, introduction paths, gap findings and load problems: written
    by the interface in the session's language, not in French by graph/."""
    actor = texts(visit("actor", org="org:cap-solidarites", lang="en")).replace("\\", "")
    assert "both attended" in actor and "présents tous deux" not in actor
    gaps_page = texts(visit("gaps", lang="en")).replace("\\", "")
    assert "has no tie to another organisation" in gaps_page and "n'a aucun lien" not in gaps_page
    french = texts(visit("gaps")).replace("\\", "")
    assert "n'a aucun lien avec une autre organisation" in french


def test_a_failing_page_says_so_in_french_and_logs_where_not_what(home, monkeypatch, caplog):
    import graph.analytics.gaps as gaps_module

    def broken(*args, **kwargs):
        raise RuntimeError("/srv/secret/path exploded on Faucon Elisabeth")
    monkeypatch.setattr(gaps_module, "gaps", broken)
    from streamlit.testing.v1 import AppTest
    from conftest import ROOT
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("ui/gaps.py").run()
    assert not at.exception
    (error,) = at.error
    assert error.value.startswith("Cette page n'a pas pu s'afficher.") and "/srv/secret" not in error.value
    reference = error.value.rsplit(" ", 1)[1].rstrip(".")
    (logged,) = [record.getMessage() for record in caplog.records if reference in record.getMessage()]
    # where it failed, for the operator; not the message, which may name people
    assert "RuntimeError at test_pages.py:" in logged and "broken" in logged and "gaps.py" in logged
    assert "Faucon" not in logged and "/srv/secret" not in logged


def test_suggestions_say_what_belongs_to_the_pair(home):
    """Lianes Coopération attended one workshop: its record is said to be
    thin, and its three suggestions, resting on that workshop alone, are
    shown once. Cap Solidarités works with ESSOR and the Grdr on the CAAC:
    listed apart, not suggested."""
    page = visit("actor", org="org:lianes-cooperation")
    lianes = texts(page).replace("\\", "")
    assert "Le dossier de Lianes Coopération est encore mince" in lianes
    assert any("3 suggestions pour la même raison" in e.label for e in page.expander)
    assert lianes.count("présents tous deux à") == 1
    cap = visit("actor", org="org:cap-solidarites")
    said = texts(cap).replace("\\", "")
    assert "Travaillent déjà ensemble" in said and "ESSOR : sur " in said
    titles = [e.label for e in cap.expander]
    assert not any("ESSOR" in t or "Grdr" in t for t in titles if t[:1].isdigit())


def map_spec(at) -> tuple[dict, list, list]:
    """The map's Vega-Lite spec, its dots (the data of the layer with
    `places`) and its outlines (the sets of named rings), as the browser
    receives them."""
    import pyarrow as pa
    (chart,) = at.get("vega_lite_chart")
    frames = [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.proto.datasets]
    dots = next(f for f in frames if "places" in f.columns)
    rings = [set(f["name"]) for f in frames if "ring" in f.columns]
    return json.loads(chart.proto.spec), dots[dots["zoom"] == 0].to_dict("records"), rings


def test_a_grouped_dot_splits_as_the_map_is_zoomed_in(home):
    """The dots are sent grouped for each zoom of the wheel (×2 each): at
    every zoom each placed territory is in exactly one dot, fewer are grouped
    as the zoom grows, and the chart shows the zoom the wheel is at."""
    import pyarrow as pa
    from graph.store.memory import MemoryStore
    from ui.territories import ZOOMS
    at = visit("territories")
    (chart,) = at.get("vega_lite_chart")
    frames = [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.proto.datasets]
    dots = next(f for f in frames if "places" in f.columns)
    graph = MemoryStore(home).graph()
    placed = {n for n, d in graph.nodes(data=True) if d.get("kind") == "Territory" and d.get("lat") is not None}
    by_zoom = [dots[dots["zoom"] == z] for z in range(ZOOMS)]
    assert all(z["count"].sum() == len(placed) for z in by_zoom)
    shown = [len(z) for z in by_zoom]
    assert shown == sorted(shown) and shown[-1] > shown[0]                  # more dots as one zooms in
    nord = [set(z[z["name"] == "Nord-Pas-de-Calais"]["places"].str.split(", ").iloc[0]) for z in by_zoom]
    assert "Calais" in nord[0] and "Calais" not in nord[-1]
    filters = [t["filter"] for layer in json.loads(chart.proto.spec)["layer"] for t in layer.get("transform", [])]
    assert len(filters) == 3 and all("zoom.x" in f for f in filters)        # dots, names and lines follow the wheel


def test_the_map_draws_bundled_outlines_and_places_a_country_without_coordinates(home):
    """Outlines sent with the page (nothing fetched), a country that came
    without coordinates at its label point, close places grouped, and
    framing on one country separating them; the map zooms with the wheel."""
    from graph.model import Batch, Node
    from graph.store.memory import MemoryStore
    from conftest import BUNDLED
    from loaders import load_paths
    from loaders.reference import countries
    MemoryStore(home).apply(load_paths(BUNDLED))
    MemoryStore(home).apply(Batch(nodes=[Node("ter:senegal", "Territory", {"name": "Sénégal", "level": "country",
                                                                           "country_code": "SN"}, ["t.csv:2"])]))
    spec, dots, rings = map_spec(visit("territories"))
    text = json.dumps(spec)
    assert '"url"' not in text and any({"Chad", "Mali", "France"} <= names for names in rings)    # the outlines
    assert [p["bind"] for p in spec["params"] if p["name"] == "zoom"] == ["scales"]     # the wheel zooms
    senegal = next(d for d in dots if d["id"] == "ter:senegal")
    assert (senegal["lat"], senegal["lon"]) == (countries()["SN"]["lat"], countries()["SN"]["lon"])
    assert senegal["position"] == "centre du pays (sans coordonnées)"
    grouped = {d["name"]: d["count"] for d in dots}
    graph = MemoryStore(home).graph()
    placed = [n for n, d in graph.nodes(data=True) if d.get("kind") == "Territory" and d.get("lat") is not None]
    assert sum(grouped.values()) == len(placed) + 1 and max(grouped.values()) > 1      # some are grouped
    assert not any("Pas-de-Calais" in names for names in rings)      # France's départements only on France
    french_spec, french, french_rings = map_spec(visit("territories", zoom="FR"))
    framed = {d["name"]: d["count"] for d in french}
    assert framed["Nord-Pas-de-Calais"] < grouped["Nord-Pas-de-Calais"]          # framed: apart
    # on France, its régions and départements, named on hover
    inside = [names for names in french_rings if "Île-de-France" in names or "Ain" in names]
    assert sorted(len(names) for names in inside) == [13, 96]
    # France's land from its régions (the world's outline at 1:110m covers the Channel's coast)
    assert any("Chad" in names and "France" not in names for names in french_rings)
    assert '"url"' not in json.dumps(french_spec)


@pytest.mark.parametrize("page, query, shown", [
    ("overview", {}, "Intermédiarité"),                                # the brokers' table
    ("actor", {"org": "org:grdr"}, "Indicateur"),                      # the organisation's metrics
])
def test_a_page_does_not_wait_for_slow_metrics(home, monkeypatch, page, query, shown):
    """On a big network (here: the limit lowered to 10 organisations) whose
    metrics are not computed yet, the Vue d'ensemble and the Fiche acteur
    show the rest at once and say that the metrics are being computed;
    once they are, they are shown."""
    import graph.analytics.metrics as metrics_module
    from graph.analytics import worker
    big_from(monkeypatch)
    monkeypatch.setattr(worker, "available", lambda: False)        # computed here, where it is held back
    release = held_back(monkeypatch, metrics_module, "organisation_metrics")
    at = visit(page, **query)
    assert "Calcul des indicateurs du réseau en cours" in texts(at)
    if page == "overview":
        assert [m.label for m in at.metric][:1] == ["Organisations"]               # the rest is there
    else:
        assert "Grdr" in texts(at) and "Partenaires potentiels" in texts(at)
    assert not any(shown in str(list(f.value.columns)) for f in at.dataframe)
    release.set()
    background_done()
    at.run()
    assert "Calcul des indicateurs du réseau en cours" not in texts(at)
    assert any(shown in str(list(f.value.columns)) for f in at.dataframe)


def test_the_actor_page_does_not_wait_for_the_potential_partners(home, monkeypatch):
    """On a big network (the limit lowered to 10 organisations) whose score
    index is not built yet, the Fiche acteur shows the organisation, its
    ties and its neighbourhood at once and says that the partners are being
    looked for; the index is built on a server thread, and once it is, the
    next run shows the partners."""
    import threading
    from graph.analytics import partners as partners_module
    big_from(monkeypatch)
    release = held_back(monkeypatch, partners_module.Context, "index")
    at = visit("actor", org="org:cap-solidarites")
    said = texts(at)
    assert "Recherche des partenaires possibles en cours" in said and "Cap Solidarités" in said
    assert not [e for e in at.expander if " — " in e.label] and frames(at)        # no partner; the drawing is there
    assert "Comité Français pour la Solidarité Internationale" in set(at.dataframe[-1].value["Avec"])
    assert any(t.name == "passerelles-context" and t.is_alive() for t in threading.enumerate())
    release.set()
    background_done()
    at.run()
    assert "Recherche des partenaires possibles en cours" not in texts(at)
    assert len([e for e in at.expander if " — " in e.label]) >= 3


def test_synergies_of_a_big_network_are_scored_in_the_background(home, monkeypatch):
    """On a big network (the limit lowered to 10 organisations) the
    Synergies page does not score every pair during the run: it says so, a
    server thread does it once, and the next run shows the pairs."""
    import threading
    from graph.analytics import partners as partners_module
    from graph.store.memory import MemoryStore
    real = partners_module.synergies
    big_from(monkeypatch)
    release = held_back(monkeypatch, partners_module, "synergies")
    at = visit("opportunities")
    assert "Comparaison de toutes les paires d'organisations en cours" in texts(at) and not at.dataframe
    assert any(t.name == "passerelles-synergies" and t.is_alive() for t in threading.enumerate())
    release.set()
    background_done()
    at.run()
    assert "Comparaison de toutes les paires" not in texts(at)
    expected = real(MemoryStore(home).graph(), top=500)[:20]                # computed here, not by the app
    assert list(at.dataframe[0].value.iloc[:, 1]) == [p["names"][1] for p in expected]


def test_metrics_that_failed_in_the_background_are_computed_by_the_page(home, monkeypatch):
    """If the background computing of the brokers stops (an error), the page
    does not wait for ever: at its next run it computes them itself."""
    import graph.analytics.metrics as metrics_module
    from graph.analytics import worker
    real, calls = metrics_module.organisation_metrics, []

    def failing_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError("the background computing ran out of memory")
        return real(*args, **kwargs)
    monkeypatch.setattr(metrics_module, "organisation_metrics", failing_once)
    big_from(monkeypatch)
    monkeypatch.setattr(worker, "available", lambda: False)
    at = visit("overview")
    background_done()
    at.run()
    assert len(calls) == 2 and "Calcul des indicateurs du réseau en cours" not in texts(at)
    assert any("Intermédiarité" in str(list(f.value.columns)) for f in at.dataframe)
