"""Keeping the network in the browser: how long an animator waits.

Starts `streamlit run app.py` twice, on the bundled network (the baseline)
and on a synthetic one of --organisations organisations (20,000 by
default, about 8 ties each, with one duplicate pair planted), and walks an
animator's day in Debian's Chromium, headless, in one session:

1. edit an organisation from its page (its description);
2. record an introduction under its first suggested partner;
3. merge two duplicates from the Doublons page;
4. undo the merge from the Journal page.

For each action: `shown`, the seconds from the click to the page saying it
is done with the change visible, and `settled`, to the page having
finished (every analytics the change made stale recomputed); `said` tells
whether a spinner said what was being recomputed in between. The ratio compares
the big network with the bundled one, measured in the same run.

    python -m bench.keeping [--organisations 20000]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.app_load import CHROMIUM, start_server

NOT_RUNNING = '[data-test-script-state="notRunning"]'
TIMEOUT = 600_000         # ms: the big network's first metrics may take minutes on this machine


def prepare(organisations: int) -> tuple:
    """A workspace, the organisation the day is about, and its twin (id, name)."""
    home = Path(tempfile.mkdtemp(prefix="passerelles-keeping-")) / "ws"
    if not organisations:
        from interface.workspace import open_workspace
        from graph.model import Batch, Node
        store = open_workspace("embedded", {"home": str(home)})
        store.apply(Batch(nodes=[Node("org:grdr-france", "Organisation", {"name": "Grdr France",
                                                                          "category": "association"}, ["b.csv:2"])]))
        return home, "org:grdr", ("org:grdr-france", "Grdr France")
    from bench.synthetic import generate
    from graph.model import Node
    from graph.store.memory import MemoryStore
    batch = generate(organisations=organisations, ties=organisations * 8, seed=1)
    batch.nodes[[n.id for n in batch.nodes].index("org:17")].props["website"] = "https://org17.example"
    batch.nodes.append(Node("org:twin", "Organisation", {"name": "Org. 17", "category": "association",
                                                        "website": "org17.example"}, ["b.csv:2"]))
    store = MemoryStore(home)
    store.reset()
    store.apply(batch)
    return home, "org:17", ("org:twin", "Org. 17")


def settle(page):
    page.wait_for_selector(NOT_RUNNING, timeout=TIMEOUT)


def timed(page, click, done_text) -> dict:
    """Click, then time the confirmation and the end of the run; whether a
    spinner said what was being recomputed in between."""
    page.evaluate("""() => { window.__spun = false;
        window.__watch = window.__watch || new MutationObserver(() => {
            if (document.querySelector('[data-testid="stSpinner"]')) window.__spun = true; });
        window.__watch.observe(document.body, {subtree: true, childList: true}); }""")
    started = time.monotonic()
    click()
    page.get_by_text(done_text).first.wait_for(timeout=TIMEOUT)
    shown = time.monotonic() - started
    settle(page)
    return {"shown": shown, "settled": time.monotonic() - started, "said": page.evaluate("() => window.__spun")}


def choose(page, label, text, within=None):
    """Pick, in the selectbox `label`, the option showing `text`."""
    (within or page).get_by_label(label, exact=True).click()
    page.keyboard.type(text)
    page.get_by_role("option").filter(has_text=text).first.click()
    settle(page)


def visit_menu(page, name):
    page.get_by_role("link", name=name, exact=True).first.click()      # the same session: the name stays
    page.wait_for_function(f"() => document.querySelector('h1') && document.querySelector('h1').innerText"
                           f".includes({name!r})", timeout=TIMEOUT)
    settle(page)


def day(browser, url, org, twin) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    started = time.monotonic()
    page.goto(f"{url}/acteur?org={org.replace(':', '%3A')}")
    settle(page)
    out = {"first view": {"shown": time.monotonic() - started, "settled": time.monotonic() - started, "said": False}}
    who = page.get_by_label("Votre nom (pour le journal)", exact=True)
    who.fill("Camille")
    who.press("Enter")
    settle(page)
    page.get_by_text("Modifier, relier, ajouter").click()
    page.get_by_label("Description", exact=True).fill("Rencontrée à la réunion du 30 novembre.")
    out["edit"] = timed(page, lambda: page.get_by_role("button", name="Enregistrer", exact=True).click(),
                        "enregistré (voir le journal)")
    form = page.locator('[data-testid="stForm"]').filter(has_text="Enregistrer la suite").first
    choose(page, "Suite donnée", "mise en relation faite", within=form)
    out["follow-up"] = timed(page, lambda: form.get_by_role("button", name="Enregistrer la suite").click(),
                             "Suite enregistrée")
    twin_id, twin_name = twin
    visit_menu(page, "Doublons")
    choose(page, "Paire à examiner", twin_name)
    page.get_by_text(f"({twin_id})").first.wait_for(timeout=TIMEOUT)
    out["merge"] = timed(page, lambda: page.get_by_role("button", name="Fusionner").click(), "fusionnée dans")
    visit_menu(page, "Journal")
    choose(page, "Changement à annuler", "fusion")
    out["undo"] = timed(page, lambda: page.get_by_role("button", name="Annuler ce changement").click(), "annulé")
    page.close()
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=20_000)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    results = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for label, size in (("bundled", 0), (f"{args.organisations:,} organisations", args.organisations)):
            t = time.monotonic()
            home, org, twin = prepare(size)
            proc, url = start_server(home)
            try:
                print(f"{label}: workspace ready in {time.monotonic() - t:.0f} s; app on {url}")
                results[label] = day(browser, url, org, twin)
            finally:
                proc.terminate()
                proc.wait(timeout=30)
        browser.close()
    (small, big), (small_label, big_label) = results.values(), results.keys()
    print(f"\n{'action':12} {small_label + ' shown/settled':>28} {big_label + ' shown/settled':>40} "
          f"{'ratio shown':>12}  spinner said (big)")
    for action in small:
        a, b = small[action], big[action]
        print(f"{action:12} {a['shown']:>14.2f} s / {a['settled']:6.2f} s {b['shown']:>26.2f} s / "
              f"{b['settled']:6.2f} s {b['shown'] / a['shown']:>11.1f}x  {'yes' if b['said'] else 'no'}")


if __name__ == "__main__":
    main()
