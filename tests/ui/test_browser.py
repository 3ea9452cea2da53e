"""The app in a real browser: Debian's Chromium, headless, driven by
Playwright. Starts `streamlit run app.py` on the bundled data, visits every
page from the menu, focuses an actor, then adds an organisation whose name
is a script and checks that it shows as text and never runs. No request may
leave 127.0.0.1. Screenshots go to $PASSERELLES_SCREENSHOTS (or the test's
temporary folder); the time from server start to the first page fully
drawn is printed."""
import math
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

from graph.model import Batch, Edge, Node
from graph.store.memory import MemoryStore

CHROMIUM = "/usr/bin/chromium"
XSS = '<img src=x onerror="window.__pwned=1">'
LOCAL = ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")
MENU = ["Vue d'ensemble", "Explorer", "Fiche acteur", "Synergies & partenaires", "Lacunes", "Territoires",
        "Doublons", "Journal", "Données", "Méthode"]


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Debian's Chromium is missing: .ci/run installs it (scripts/browser)")
        pytest.skip("the browser test needs Debian's Chromium: run scripts/browser once")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update"])
        yield browser
        browser.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """The app on a fresh workspace; yields (url, workspace, start time)."""
    home, port = tmp_path / "ws", free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["PASSERELLES_HOME"] = str(home)
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    served(url, proc)
    yield url, home, started
    proc.terminate()
    log = proc.communicate(timeout=30)[0]
    assert "Traceback" not in log and "deprecat" not in log.lower(), log


def served(url: str, proc=None) -> bool:
    """Wait until the app at `url` answers (False if it does not, or if
    `proc` ends first: a server that refused to start)."""
    for _ in range(300):
        if proc is not None and proc.poll() is not None:
            return False
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return True
        except OSError:
            time.sleep(0.1)
    return False


def explorer_frame(page, url: str, query: str):
    """Open the explorer with `query`, wait until it is drawn; its drawing's frame."""
    page.goto(f"{url}/explorer?{query}")
    page.wait_for_selector("iframe", timeout=60_000)
    drawn(page)
    return next(f for f in page.frames if f.url.startswith("about:srcdoc"))


def drawn(page):
    """Wait until the script has finished and every network drawing is drawn."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=60_000)
    for frame in page.frames[1:]:
        if frame.url.startswith("about:srcdoc"):
            frame.wait_for_selector('body[data-drawn="yes"]', timeout=60_000)


def title(page) -> str:
    return page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text()


def test_every_page_in_a_real_browser(chromium, server, tmp_path, capsys):
    url, home, started = server
    shots = Path(os.environ.get("PASSERELLES_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page.goto(url)
    drawn(page)
    page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
    first_page = time.monotonic() - started
    assert title(page) == "Passerelles"
    page.screenshot(path=shots / "overview.png", full_page=True)

    for name in MENU[1:]:
        page.get_by_role("link", name=name, exact=True).first.click()
        page.wait_for_function(f"() => document.querySelector('h1') && "
                               f"document.querySelector('h1').innerText.includes({name!r})", timeout=60_000)
        drawn(page)
        assert name in title(page)
        page.screenshot(path=shots / f"{MENU.index(name)}.png", full_page=True)

    # focus an actor in the explorer, as a user would
    page.get_by_role("link", name="Explorer", exact=True).first.click()
    drawn(page)
    before = page.get_by_text("liens affichés").inner_text()
    page.get_by_label("Centrer sur un acteur").click()
    page.keyboard.type("Cap Solidarités")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => !document.body.innerText.includes({before!r})", timeout=60_000)
    drawn(page)
    assert "focus=org%3Acap-solidarites" in page.url                     # the id, not the name
    page.screenshot(path=shots / "explorer.png", full_page=False)
    page.get_by_role("link", name="Ouvrir la fiche de Cap Solidarités").click()
    page.wait_for_url("**/acteur?org=org%3Acap-solidarites**", timeout=60_000)   # not the explorer still shown
    page.locator("h2", has_text="Cap Solidarités").first.wait_for(timeout=60_000)
    drawn(page)
    page.screenshot(path=shots / "actor.png", full_page=False)

    # an organisation named with a script, tied to Cap Solidarités
    MemoryStore(home).apply(Batch(
        nodes=[Node("org:piege", "Organisation", {"name": XSS, "category": "association"}, ["piege.csv:2"])],
        edges=[Edge("org:piege", "PARTNER_OF", "org:cap-solidarites", {}, ["piege.csv:3"])]))
    page.goto(f"{url}/explorer?focus=org%3Acap-solidarites")
    page.locator("iframe").first.wait_for(timeout=60_000)       # a run may end before the one that draws (seen once)
    drawn(page)
    frame = next(f for f in page.frames if f.url.startswith("about:srcdoc"))
    labels = frame.evaluate("() => network.body.data.nodes.get().map(n => n.label)")
    assert XSS in labels                                         # drawn, as text, on the canvas
    page.goto(f"{url}/acteur?org=org%3Apiege")
    drawn(page)
    assert page.locator("h2", has_text="<img src=x").count() == 1     # the name, shown as typed
    for frame in page.frames:
        assert frame.evaluate("() => window.__pwned === undefined")
    assert dialogs == []
    page.screenshot(path=shots / "xss.png", full_page=False)

    # the uploader speaks French: Streamlit's « Upload » and « 200MB per file » hidden, ours drawn instead
    page.goto(f"{url}/donnees")
    page.wait_for_selector('[data-testid="stFileUploaderDropzone"]', timeout=60_000)
    drawn_words = page.evaluate("""() => {
        const p = document.querySelector('[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p');
        const s = document.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span');
        return [getComputedStyle(p).fontSize, getComputedStyle(p, '::after').content,
                getComputedStyle(s).fontSize, getComputedStyle(s, '::after').content]; }""")
    assert drawn_words[0] == drawn_words[2] == "0px"
    assert drawn_words[1] == '"Choisir des fichiers"' and "100 Mo au plus par fichier" in drawn_words[3]
    page.screenshot(path=shots / "upload.png", full_page=False)

    # English stays chosen from page to page, and a view's link keeps its values
    page.goto(f"{url}/explorer?focus=org%3Acap-solidarites&colour=community")
    drawn(page)
    page.get_by_text("English", exact=True).click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Explore')", timeout=60_000)
    page.wait_for_function("() => location.search.includes('lang=en')", timeout=30_000)
    assert "colour=community" in page.url and "focus=org%3Acap-solidarites" in page.url and "lang=en" in page.url
    page.get_by_role("link", name="Data", exact=True).first.click()
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText.includes('Data')", timeout=60_000)
    page.get_by_role("link", name="Overview", exact=True).first.click()
    page.wait_for_function("() => document.querySelector('h1') && document.body.innerText.includes('Organisations by sphere')",
                           timeout=60_000)

    outside = [u for u in requests if not u.startswith(LOCAL)]
    assert outside == [] and len(requests) > 20
    with capsys.disabled():
        print(f"\n[browser] server start to first page fully drawn: {first_page:.1f} s; "
              f"{len(requests)} requests, all to 127.0.0.1; screenshots in {shots}")


SVG = '<svg onload="window.__pwned=2">'
HOSTILE = Batch(
    nodes=[Node("org:piege", "Organisation", {"name": XSS, "category": "association"}, ["piege.csv:2"]),
           Node("org:twin", "Organisation", {"name": "Cap Solidarités", "category": "ngo"}, ["piege.csv:3"]),
           Node("org:cyrillic", "Organisation", {"name": "Саp Solidarités", "category": "ngo"}, ["piege.csv:4"]),
           Node("ter:piege", "Territory", {"name": SVG, "level": "city", "lat": 50.6, "lon": 3.1}, ["piege.csv:5"]),
           Node("thm:piege", "Theme", {"name": "<b>thème</b>](javascript:alert(3))"}, ["piege.csv:6"])],
    edges=[Edge("org:piege", "PARTNER_OF", "org:cap-solidarites", {}, ["piege.csv:7"]),
           Edge("org:twin", "MEMBER_OF", "org:cfsi", {}, ["piege.csv:8"]),
           Edge("org:cyrillic", "ATTENDED", "evt:atelier-lille-2016", {}, ["piege.csv:9"]),
           Edge("org:piege", "BASED_IN", "ter:piege", {}, ["piege.csv:10"]),
           Edge("ter:piege", "PART_OF", "ter:nord-pas-de-calais", {}, ["piege.csv:11"]),
           Edge("org:piege", "WORKS_ON", "thm:piege", {}, ["piege.csv:12"]),
           Edge("org:twin", "WORKS_ON", "thm:piege", {}, ["piege.csv:13"])],
    change={"who": XSS, "note": SVG})
PAGES = ["", "explorer?focus=org%3Acap-solidarites&radius=2", "acteur?org=org%3Acap-solidarites",
         "acteur?org=org%3Apiege", "synergies", "lacunes", "territoires?place=ter%3Apiege", "doublons", "journal",
         "donnees", "methode"]


def test_hostile_and_look_alike_names_on_every_page(chromium, server, tmp_path):
    """Names that are markup or scripts, and two impostors of Cap
    Solidarités (a twin under another id, a Cyrillic look-alike), on every
    page: nothing runs, nothing is fetched from outside, and links open the
    real organisation."""
    url, home, _ = server
    from interface.workspace import open_workspace
    open_workspace("embedded", {"home": str(home)}).apply(HOSTILE)
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    requests, dialogs = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in PAGES:
        page.goto(f"{url}/{path}")
        drawn(page)
        for frame in page.frames:
            assert frame.evaluate("() => window.__pwned === undefined"), path
        assert not page.locator('[data-testid="stException"]').count(), path
        if path.startswith("acteur?org=org%3Acap"):
            assert page.locator("h2").first.inner_text() == "Cap Solidarités"
            assert "org:cap-solidarites" in page.get_by_text("org:cap-solidarites").first.inner_text()
        if path.startswith("explorer"):
            link = page.get_by_role("link", name="Ouvrir la fiche de Cap Solidarités")
            assert "org=org%3Acap-solidarites" in link.get_attribute("href")
            link.click()
            page.wait_for_url("**/acteur?org=org%3Acap-solidarites**", timeout=60_000)
            page.locator("h2").first.wait_for(timeout=60_000)
            drawn(page)
            assert page.locator("h2").first.inner_text() == "Cap Solidarités"
        if path.startswith("territoires"):
            assert page.get_by_text(SVG, exact=False).count()           # the name, shown as typed
    page.screenshot(path=tmp_path / "hostile.png", full_page=False)
    assert dialogs == []
    assert [u for u in requests if not u.startswith(LOCAL)] == []


IATI_FILES = ("es_maec_aecid_indonesia_v201.xml", "dportal_dflat_activities_100_multi_publisher_2020-03-27a.xml",
              "dportal_dflat_activities_100_ngo_2020-03-27b.xml")


def choose(page, label, option):
    """Pick `option` in the Streamlit selectbox whose label is `label`. While
    a rerun is under way the previous run's widget is still on the page,
    marked stale: the run must be over and its stale elements gone first
    (typing into a widget being replaced loses the keys)."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)
    current = page.locator('[data-testid="stElementContainer"]:not([data-stale="true"])')
    current.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).click()
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)


def test_open_aid_data_and_a_directory_through_the_data_page(chromium, server, tmp_path):
    """The Spanish ministry's IATI file and two d-portal exports uploaded,
    checked and loaded through the Données page, then seen in the explorer
    and on the map; then a directory with headers of its own mapped and
    loaded. Screenshots: iati-explorer.png, iati-map.png, mapping.png."""
    from conftest import REALDATA, need
    url, home, _ = server
    shots = Path(os.environ.get("PASSERELLES_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    files = [need(REALDATA / "iati" / name) for name in IATI_FILES]
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{url}/donnees")
    drawn(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files([str(f) for f in files])
    page.get_by_role("button", name="Vérifier").click()
    page.get_by_text("Si vous chargez").wait_for(timeout=120_000)
    page.get_by_role("button", name="Charger dans le graphe").click()
    page.get_by_text("Chargé :").wait_for(timeout=120_000)
    graph = MemoryStore(home).graph()
    import xml.etree.ElementTree as ET
    spanish = {e.text.strip() for f in files for e in ET.parse(f).iter("iati-identifier")
               if e.text and e.text.strip().startswith("ES-DIR3")}
    assert {n[4:] for n in graph if n.startswith("prj:ES-DIR3")} == spanish and "ter:indonesie" in graph

    page.goto(f"{url}/explorer?focus=org%3Aspain&radius=2")
    page.wait_for_selector("iframe", timeout=60_000)      # drawn() waits only for frames already there
    drawn(page)
    frame = next(f for f in page.frames if f.url.startswith("about:srcdoc"))
    labels = frame.evaluate("() => network.body.data.nodes.get().map(n => n.label)")
    assert "Spain" in labels and len(labels) > 20
    page.screenshot(path=shots / "iati-explorer.png", full_page=True)
    page.goto(f"{url}/territoires?place=ter%3Aindonesie")
    drawn(page)
    page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
    assert page.get_by_text("Indonésie").count()
    page.screenshot(path=shots / "iati-map.png", full_page=True)

    directory = ROOT / "tests" / "data" / "annuaire-reseau-2026.csv"
    page.goto(f"{url}/donnees")
    drawn(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(directory))
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.get_by_role("button", name="Vérifier").click()
    page.get_by_text("Correspondance enregistrée").wait_for(timeout=60_000)      # the mapping, open at once
    choose(page, "Structure d'insertion", "Association")
    choose(page, "Structure d'accompagnement", "Entreprise")
    choose(page, "Ce fichier est la liste des membres de", "Lianes Coopération")
    page.get_by_role("button", name="Vérifier").click()
    page.get_by_text("Si vous chargez").wait_for(timeout=60_000)
    page.screenshot(path=shots / "mapping.png", full_page=True)
    page.get_by_role("button", name="Charger dans le graphe").click()
    page.get_by_text("Chargé :").wait_for(timeout=60_000)
    graph = MemoryStore(home).graph()
    assert graph.has_edge("org:ville-de-roubaix", "org:lianes-cooperation", "MEMBER_OF")
    assert graph.nodes["org:grdr"]["name"] == "Grdr Migration-Citoyenneté-Développement"
    assert [u for u in requests if not u.startswith(LOCAL)] == []


def timed(page, action, wait_text) -> float:
    """Seconds from a click to the page saying `wait_text`, fully drawn."""
    started = time.monotonic()
    action()
    page.get_by_text(wait_text).first.wait_for(timeout=60_000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    return time.monotonic() - started


def test_an_animators_day_in_the_browser(chromium, server, tmp_path, capsys):
    """After a meeting: a partnership added from the actor page, two
    duplicates merged from the Doublons page, an introduction recorded under
    a suggested partner, the merge undone from the Journal; the store
    checked after each, the time of each action printed. Screenshots:
    day-*.png."""
    url, home, _ = server
    shots = Path(os.environ.get("PASSERELLES_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    from interface.workspace import open_workspace
    open_workspace("embedded", {"home": str(home)}).apply(Batch(nodes=[
        Node("org:grdr-france", "Organisation", {"name": "Grdr France", "category": "association"}, ["annuaire.csv:2"])]))
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{url}/acteur?org=org%3Agrdr")
    drawn(page)
    page.get_by_label("Votre nom (pour le journal)", exact=True).fill("Camille")
    page.get_by_label("Votre nom (pour le journal)", exact=True).press("Enter")
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.get_by_text("Modifier, relier, ajouter").click()
    choose(page, "Lien", "partenaire de")
    choose(page, "Avec", "Lianes Coopération (Organisation)")
    page.get_by_label("Depuis", exact=True).fill("2026")
    tie = timed(page, lambda: page.get_by_role("button", name="Ajouter ce lien").click(), "Lien ajouté")
    page.screenshot(path=shots / "day-tie.png", full_page=False)
    graph = MemoryStore(home).graph()
    assert graph.edges["org:grdr", "org:lianes-cooperation", "PARTNER_OF"]["since"] == "2026"

    page.get_by_role("link", name="Doublons", exact=True).first.click()      # the same session: the name stays
    page.wait_for_function("() => document.querySelector('h1') && document.querySelector('h1').innerText"
                           ".includes('Doublons')", timeout=60_000)
    drawn(page)
    choose(page, "Paire à examiner", "55 % — Grdr Migration-Citoyenneté-Développement ≈ Grdr France")
    page.get_by_text("un nom contient l'autre").wait_for()
    page.get_by_text("Grdr France (org:grdr-france)").wait_for()         # the pair's own choice of the one kept
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    assert "pair=org%3Agrdr~org%3Agrdr-france" in page.url
    page.screenshot(path=shots / "day-duplicates.png", full_page=True)
    merge = timed(page, lambda: page.get_by_role("button", name="Fusionner").click(), "fusionnée dans")
    graph = MemoryStore(home).graph()
    assert "org:grdr-france" not in graph and "Grdr France" in graph.nodes["org:grdr"]["aliases"]
    journal = MemoryStore(home).journal()
    assert [(e["kind"], e["who"]) for e in journal[:2]] == [("merge", "Camille"), ("edit", "Camille")]
    page.screenshot(path=shots / "day-merged.png", full_page=False)

    # back on the Grdr's page: an introduction made to its first suggested partner
    page.get_by_role("link", name="Fiche acteur", exact=True).first.click()
    drawn(page)
    form = page.locator('[data-testid="stForm"]').filter(has_text="Enregistrer la suite").first
    form.get_by_label("Suite donnée", exact=True).click()
    page.keyboard.type("mise en relation faite")
    page.get_by_role("option", name="mise en relation faite", exact=True).click()
    form.get_by_label("Note pour le journal", exact=True).fill("présentés au salon du 12")
    follow = timed(page, lambda: form.get_by_role("button", name="Enregistrer la suite").click(), "Suite enregistrée")
    page.get_by_text("présentés au salon du 12").first.scroll_into_view_if_needed()
    page.screenshot(path=shots / "day-followup.png", full_page=False)
    records = [(u, d) for u, _, d in MemoryStore(home).graph().edges(data=True) if d["type"] == "FOLLOWS_UP"]
    assert len(records) == 1 and records[0][0] == "org:grdr", (records, page.url)
    record = records[0][1]
    assert (record["status"], record["who"], record["note"]) == ("introduced", "Camille", "présentés au salon du 12")

    # a mistake: the merge is undone from the journal
    page.get_by_role("link", name="Journal", exact=True).first.click()
    drawn(page)
    page.get_by_label("Changement à annuler", exact=True).click()
    page.keyboard.type("fusion")
    page.get_by_role("option").filter(has_text="fusion").first.click()
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    undo = timed(page, lambda: page.get_by_role("button", name="Annuler ce changement").click(), "annulé")
    page.screenshot(path=shots / "day-journal.png", full_page=False)
    graph = MemoryStore(home).graph()
    assert "org:grdr-france" in graph and "Grdr France" not in graph.nodes["org:grdr"].get("aliases", [])
    assert graph.has_edge("org:grdr", "org:lianes-cooperation", "PARTNER_OF")      # the tie stays: not undone
    assert [u for u in requests if not u.startswith(LOCAL)] == []
    with capsys.disabled():
        print(f"\nanimator's day, bundled data: tie added in {tie:.2f} s, merge {merge:.2f} s, "
              f"introduction recorded {follow:.2f} s, merge undone {undo:.2f} s")


def test_a_template_and_a_gephi_export_through_the_data_page(chromium, server, tmp_path):
    """Download the 3W template, load it back as it is; then prepare and
    download a GEXF of the organisations' graph: valid GEXF 1.3, every
    organisation of the store in it, no person."""
    from lxml import etree

    from graph.analytics.actor import actor_graph
    url, home, _ = server
    page = chromium.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{url}/donnees")
    drawn(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Modèle qui fait quoi où (3W)").click()
    template = tmp_path / download.value.suggested_filename
    download.value.save_as(template)
    assert template.name == "passerelles-modele-3w.xlsx"
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(template))
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.get_by_role("button", name="Vérifier").click()
    page.get_by_text("Si vous chargez").wait_for(timeout=60_000)
    page.get_by_role("button", name="Charger dans le graphe").click()
    page.get_by_text("Chargé :").wait_for(timeout=60_000)
    graph = MemoryStore(home).graph()
    places = {graph.nodes[v]["name"] for _, v, rel in graph.out_edges("org:association-solidarite-exemple", keys=True)
              if rel == "ACTIVE_IN"}
    assert places == {"Kayes", "Koulikoro"}

    choose(page, "Format d'export", "GEXF (Gephi)")
    choose(page, "Quel graphe", "Les organisations entre elles (le graphe des indicateurs)")
    page.get_by_role("button", name="Préparer l'export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger passerelles.gexf").click()
    exported = tmp_path / "passerelles.gexf"
    download.value.save_as(exported)
    schema = etree.RelaxNG(etree.parse(str(ROOT / "tests" / "data" / "gexf-1.3" / "gexf.rng")))
    document = etree.parse(str(exported))
    assert schema.validate(document), schema.error_log
    ids = {n.get("id") for n in document.iter("{*}node")}
    assert ids == set(actor_graph(graph)) and not any(i.startswith("per:") for i in ids)
    assert [u for u in requests if not u.startswith(LOCAL)] == []


def blue_dots(chart) -> list:
    """Centres (page pixels) of the « là-bas » dots drawn in the map's area,
    its legend below left out."""
    return map_dots(chart, (74, 138, 189))          # #377eb8 at 0.9 over the land


def map_dots(chart, colour) -> list:
    """Centres (page pixels) of the dots of `colour` drawn in the map's area."""
    import io

    from PIL import Image
    box = chart.bounding_box()
    image = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    blue = [(x, y) for x in range(image.width) for y in range(min(image.height, 520))
            if _near(image.getpixel((x, y)), colour)]
    dots = []                                     # blue pixels grouped into dots
    for x, y in blue:
        near = next((d for d in dots if abs(d[0] / d[2] - x) < 12 and abs(d[1] / d[2] - y) < 12), None)
        if near:
            near[0] += x
            near[1] += y
            near[2] += 1
        else:
            dots.append([x, y, 1])
    return [(box["x"] + sx / n, box["y"] + sy / n) for sx, sy, n in dots]


def test_a_click_on_the_map_shows_who_acts_there(chromium, server, tmp_path):
    """Framed on Mali, the map has two blue dots (« là-bas »); the mouse
    wheel zooms in between them (they move apart); hovered, each names its
    territory; a click on Kayes shows who acts in Kayes. The outlines come
    from the page itself: no request leaves 127.0.0.1."""
    url, _, _ = server
    page = chromium.new_page(viewport={"width": 1300, "height": 1200})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{url}/territoires?zoom=ML")
    drawn(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.locator("canvas, svg").first.wait_for(timeout=60_000)
    time.sleep(1)
    before = blue_dots(chart)
    assert len(before) == 2, before
    middle = ((before[0][0] + before[1][0]) / 2, (before[0][1] + before[1][1]) / 2)
    page.mouse.move(*middle)
    page.mouse.wheel(0, -100)         # Vega-Lite zooms by 1.001 ** 100: about 10 %, the dots stay in sight
    time.sleep(1)
    after = blue_dots(chart)
    assert len(after) == 2 and math.dist(*after) > 1.05 * math.dist(*before), (before, after)
    named = {}
    for x, y in after:
        page.mouse.move(x, y)
        tooltip = page.locator("#vg-tooltip-element.visible")
        tooltip.wait_for(timeout=5_000)
        named[tooltip.inner_text()] = (x, y)
    kayes = next(where for said, where in named.items() if "Kayes" in said)
    assert len(named) == 2 and any("Mali" in said for said in named)
    page.mouse.click(*kayes)
    page.get_by_text("Qui agit dans ce territoire : Kayes").wait_for(timeout=60_000)
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    assert "place=ter%3Akayes" in page.url                # a link to share says which territory
    assert [u for u in requests if not u.startswith(LOCAL)] == []


def test_a_grouped_dot_splits_when_the_map_is_zoomed_in_on_it(chromium, server):
    """On the world, « Nord-Pas-de-Calais +7 » is one dot; eight wheel
    steps over it (×11) and its places are dots of their own, Calais among
    them, named on hover."""
    url, _, _ = server
    page = chromium.new_page(viewport={"width": 1300, "height": 1200})
    page.goto(f"{url}/territoires")
    drawn(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.locator("canvas, svg").first.wait_for(timeout=60_000)
    time.sleep(1)
    here = (230, 48, 49)                               # « ici », #e41a1c at 0.9 over the land
    before = map_dots(chart, here)
    tooltip = page.locator("#vg-tooltip-element.visible")
    grouped = next(d for d in before if _hover(page, d) and "Calais" in tooltip.inner_text()
                   and "Nord-Pas-de-Calais" in tooltip.inner_text())
    for _ in range(8):
        page.mouse.move(*grouped)
        page.mouse.wheel(0, -300)                     # 1.001 ** 300: ×1.35 a step
        time.sleep(0.3)
    time.sleep(1)
    after = map_dots(chart, here)
    assert len(after) >= len(before) + 3, (before, after)
    named = []
    for dot in after:
        if _hover(page, dot):
            named.append(tooltip.inner_text())
    # the tooltip names the dot first (« Territoire », its name): Calais alone now
    assert ["Territoire", "Calais"] in [[line.strip() for line in said.split("\n") if line.strip()][:2]
                                        for said in named], named


def _hover(page, where) -> bool:
    """Move onto `where`; whether a tooltip shows."""
    page.mouse.move(where[0] + 3, where[1] + 3)
    page.mouse.move(*where)
    try:
        page.locator("#vg-tooltip-element.visible").wait_for(timeout=2_000)
        return True
    except Exception:
        return False


def _near(colour, wanted, tolerance=16) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, wanted))


def click_node(page, frame, node: str, name: str):
    """Click `node` in the drawing until its panel shows `name`."""
    page.locator("iframe").first.scroll_into_view_if_needed()      # a click lands only inside the window
    box = page.locator("iframe").first.bounding_box()
    panel = frame.locator("#panel")
    for _ in range(5):          # the frame may still fit the drawing to its width: ask again, click again
        time.sleep(0.5)
        spot = frame.evaluate("""(id) => {
            const at = network.canvasToDOM(network.getPositions([id])[id]);
            const frame = document.getElementById("network").getBoundingClientRect();   // below the tools
            return {x: at.x + frame.left, y: at.y + frame.top}; }""", node)
        page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
        if panel.is_visible() and name in frame.locator("#details").inner_text():
            break
    panel.wait_for(state="visible", timeout=10_000)


def test_a_node_unfolds_its_neighbours_in_the_drawing(chromium, server):
    """« Déplier ses voisins » in a node's panel: its neighbours not yet
    drawn appear around it with their ties, nothing drawn before moves, and
    the names still do not overlap."""
    url, home, _ = server
    page = chromium.new_page(viewport={"width": 1300, "height": 1000})
    frame = explorer_frame(page, url, "kinds=Organisation&focus=org%3Aemdk&radius=1")
    visible = "() => nodes.get({filter: n => !n.hidden}).map(n => n.id).sort()"
    before, places = frame.evaluate(visible), frame.evaluate("() => network.getPositions()")
    graph = MemoryStore(home).graph()
    orgs = {n for n, d in graph.nodes(data=True) if d.get("kind") == "Organisation"}
    grdr_near = {m for m in graph.to_undirected(as_view=True)["org:grdr"] if m in orgs}
    expected = sorted(set(before) | grdr_near)
    assert len(expected) > len(before)
    click_node(page, frame, "org:grdr", "Grdr")
    unfold = frame.locator("#unfold")
    assert unfold.inner_text() == f"Déplier ses voisins ({len(expected) - len(before)})"
    unfold.click()
    frame.wait_for_function(f"() => nodes.get({{filter: n => !n.hidden}}).length === {len(expected)}",
                            timeout=10_000)
    assert frame.evaluate(visible) == expected
    after = frame.evaluate("() => network.getPositions()")
    assert all(after[n] == places[n] for n in before)
    shown_ties = frame.evaluate("() => edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to])")
    for node in set(expected) - set(before):        # each new one drawn with its tie to the Grdr
        assert [node, "org:grdr"] in shown_ties or ["org:grdr", node] in shown_ties, node
    hidden_ends = frame.evaluate("() => edges.get({filter: e => !e.hidden})"
                                 ".filter(e => nodes.get(e.from).hidden || nodes.get(e.to).hidden).length")
    assert hidden_ends == 0                         # no tie shown toward what is still folded
    names_at_rest(frame)
    assert frame.locator("#unfold").is_hidden()     # nothing more to unfold from the Grdr


def test_a_click_on_a_node_opens_its_page(chromium, server):
    """In the explorer, a click on an organisation opens a panel with its
    details and a link; the link opens the organisation's page in a new tab
    (Streamlit's frame may open tabs, not navigate the page)."""
    url, _, _ = server
    page = chromium.new_page(viewport={"width": 1300, "height": 1000})
    frame = explorer_frame(page, url, "focus=org%3Acap-solidarites")
    click_node(page, frame, "org:cfsi", "Comité Français")
    assert "Comité Français pour la Solidarité Internationale" in frame.locator("#details").inner_text()
    with page.expect_popup() as opened:         # a new tab: the explorer stays as it was
        frame.get_by_text("Ouvrir sa fiche ↗").click()
    actor = opened.value
    actor.wait_for_url("**/acteur?org=org%3Acfsi**", timeout=30_000)
    drawn(actor)
    actor.get_by_role("heading", name="Comité Français pour la Solidarité Internationale").wait_for(timeout=30_000)


def test_the_view_downloads_as_png_and_svg_with_its_legend(chromium, server, tmp_path):
    """The explorer's « PNG » and « SVG »: what is on screen, legend beside.
    The PNG is the drawing's pixels plus the legend; the SVG has one shape
    per node, the names as text, the legend's words, at the frame's size."""
    import io

    from lxml import etree
    from PIL import Image
    url, _, _ = server
    page = chromium.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    frame = explorer_frame(page, url, "focus=org%3Acap-solidarites&radius=1")
    canvas = frame.evaluate("() => { const c = document.querySelector('#network canvas');"
                            " return [c.width, c.height, c.clientWidth, c.clientHeight]; }")
    shown = frame.evaluate("() => nodes.get({filter: n => !n.hidden}).map(n => n.label)")
    with page.expect_download() as download:
        frame.get_by_role("button", name="PNG").click()
    assert download.value.suggested_filename == "passerelles-vue.png"
    shots = Path(os.environ.get("PASSERELLES_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    download.value.save_as(shots / "vue.png")
    image = Image.open(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert image.format == "PNG" and image.width > canvas[0] and image.height >= canvas[1]
    drawing = image.convert("RGB").crop((0, 0, canvas[0], canvas[1]))
    assert len(drawing.getcolors(maxcolors=1 << 20)) > 50            # a drawing, not a blank
    legend = image.convert("RGB").crop((canvas[0], 0, image.width, image.height))
    assert len(legend.getcolors(maxcolors=1 << 20)) > 5              # the legend's words and symbols

    with page.expect_download() as download:
        frame.get_by_role("button", name="SVG").click()
    assert download.value.suggested_filename == "passerelles-vue.svg"
    download.value.save_as(shots / "vue.svg")
    svg = etree.fromstring(Path(download.value.path()).read_bytes(), etree.XMLParser(resolve_entities=False,
                                                                                    no_network=True))
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert float(svg.get("width")) > canvas[2] and float(svg.get("height")) >= canvas[3]
    assert len(svg.xpath("//s:*[@class='node']", namespaces=ns)) == len(shown)
    labels = svg.xpath("//s:text[@class='label']/text()", namespaces=ns)
    assert "Cap Solidarités" in labels and set(labels) <= set(shown)
    assert "Société civile" in svg.xpath("//s:text[@class='legend']/text()", namespaces=ns)
    assert not svg.xpath("//s:script | //s:foreignObject", namespaces=ns)
    assert [u for u in requests if not u.startswith(LOCAL)] == []


def test_find_a_name_in_the_drawing(chromium, server):
    """« Chercher dans le dessin » : typed, the drawing goes to that element,
    selects it and opens its panel; a name not drawn selects nothing."""
    url, _, _ = server
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    frame = explorer_frame(page, url, "focus=org%3Acap-solidarites&radius=1")
    box = frame.get_by_placeholder("Chercher dans le dessin…")
    box.fill("lille")
    box.press("Enter")
    frame.wait_for_function("() => network.getSelectedNodes().length === 1", timeout=10_000)
    chosen = frame.evaluate("() => nodes.get(network.getSelectedNodes()[0]).label")
    assert chosen == "Lille"
    assert frame.locator("#panel").is_visible() and "Lille" in frame.locator("#details").inner_text()
    box.fill("Personne de ce nom")
    box.press("Enter")
    assert box.get_attribute("aria-invalid") == "true"


# vis-network's own boxes of the names it draws (in the drawing's units),
# read after a redraw: what the page shows, not what our script planned
DRAWN_NAMES = """() => {
  network.redraw();
  const scale = network.getScale(), shown = {};
  for (const id of network.body.nodeIndices) {
    const label = network.body.nodes[id].labelModule;
    if (label.elementOptions.label !== undefined && label.visible()) {
      const s = label.size;
      shown[id] = {px: label.fontOptions.size * scale,
                   box: [s.left * scale, s.top * scale, (s.left + s.width) * scale, (s.top + s.height) * scale]};
    }
  }
  return shown;
}"""


def names_at_rest(frame) -> dict:
    """The names drawn, after checking that no two overlap and that each is
    12 to 18 pixels high on screen."""
    shown = frame.evaluate(DRAWN_NAMES)
    boxes = list(shown.items())
    for i, (a, first) in enumerate(boxes):
        assert 11.9 <= first["px"] <= 18.1, (a, first["px"])
        for b, second in boxes[i + 1:]:
            (l1, t1, r1, b1), (l2, t2, r2, b2) = first["box"], second["box"]
            assert min(r1, r2) - max(l1, l2) <= 1 or min(b1, b2) - max(t1, t2) <= 1, (a, b)
    return shown


def test_names_are_readable_and_never_overlap_at_rest(chromium, server):
    """On the bundled network's default view (94 elements) and on 500
    organisations: names the same size on screen, the biggest nodes' first,
    none over another; zooming in shows more of them, hovering a node shows
    its own."""
    from bench.synthetic import generate
    url, home, _ = server
    page = chromium.new_page(viewport={"width": 1400, "height": 1000})
    frame = explorer_frame(page, url, "")
    shown = names_at_rest(frame)
    biggest = frame.evaluate("() => nodes.get().sort((a, b) => b.size - a.size)[0].id")
    assert biggest in shown and 10 < len(shown) < frame.evaluate("() => nodes.length")

    store = MemoryStore(home)
    store.reset()
    store.apply(generate(organisations=500, ties=2_500, seed=3))
    frame = explorer_frame(page, url, "kinds=Organisation")
    rest = names_at_rest(frame)
    assert frame.evaluate("() => nodes.length") == 500 and 20 < len(rest) < 500
    page.locator("iframe").first.scroll_into_view_if_needed()
    box = page.locator("iframe").first.bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(*centre)
    before = frame.evaluate("() => network.getScale()")
    for _ in range(12):                             # zoom in where the mouse is, a notch at a time
        page.mouse.wheel(0, -100)
        time.sleep(0.05)
    frame.wait_for_function(f"() => network.getScale() > {before} * 1.5", timeout=10_000)
    time.sleep(0.6)                                 # the names are placed again once the zoom rests
    zoomed = names_at_rest(frame)
    assert set(zoomed) - set(rest)                  # names hidden at rest, readable now

    hidden = frame.evaluate("""() => {
        const at = network.getPositions(), frame = document.getElementById("network").getBoundingClientRect();
        const shown = new Set(Object.keys((%s)()));
        for (const id of network.body.nodeIndices) {
            const p = network.canvasToDOM(at[id]);
            if (!shown.has(id) && p.x > 40 && p.y > 40 && p.x < frame.width - 40 && p.y < frame.height - 40) {
                return {id: id, x: p.x + frame.left, y: p.y + frame.top};
            }
        }
        return null; }""" % DRAWN_NAMES)
    assert hidden is not None
    page.mouse.move(box["x"] + hidden["x"], box["y"] + hidden["y"])
    frame.wait_for_function(f"() => ({DRAWN_NAMES})()[{hidden['id']!r}] !== undefined", timeout=10_000)
