"""Every page at the size of a real network: time to show each page on
synthetic networks of several sizes, the first visit after a data change
(nothing cached) and later visits (another session, what is cached is
shared), and the peak memory. The baseline, measured first in the same
run, is the bundled network: the ratios say what size costs.

    python -m bench.page_timing [--sizes 3000 10000 25000] [--visits 3] [--browser]
    python -m bench.page_timing --after-load 10 [--sizes 25000]
    python -m bench.page_timing --after-edit 10 [--sizes 25000]

AppTest runs each page's script in this process (no browser: the server's
work alone). --browser also starts the app and walks the pages in a real
headless Chromium (the page fully drawn, as a visitor waits for it), first
visit then later ones (each page's address opened, the app loading
itself again, then each page reached by the app's menu, as a visitor moves
once the app is open), and reads the server's peak memory. Each size runs
in its own process, so that its peak memory is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {"overview": ("ui/overview.py", ""), "explorer": ("ui/explorer.py", "explorer"),
         "actor": ("ui/actor.py", "acteur"), "opportunities": ("ui/opportunities.py", "synergies"),
         "gaps": ("ui/gaps.py", "lacunes"), "territories": ("ui/territories.py", "territoires"),
         "followups": ("ui/followups.py", "suivi"), "duplicates": ("ui/duplicates.py", "doublons"),
         "journal": ("ui/journal.py", "journal"), "data": ("ui/data.py", "donnees"),
         "method": ("ui/method.py", "methode")}
# the explorer's « Couleur selon » set to each in turn (the default, sphere, last): what a click costs when
# the groups drawn change
CLICKS = {"community": "explorer: colour by community", "territory": "explorer: colour by territory",
          "sphere": "explorer: colour by sphere"}
SAVE = {"save": "actor: an edit saved"}         # in the same table as the clicks
TIMEOUT = 900           # s a page may take in AppTest before it counts as failed


def workspace(organisations: int) -> Path:
    """A fresh workspace: the bundled network (0), or a synthetic one."""
    home = Path(tempfile.mkdtemp(prefix="passerelles-pages-")) / "ws"
    from interface.workspace import open_workspace
    store = open_workspace("embedded", {"home": str(home)})        # seeded with the bundled network
    if organisations:
        from bench.synthetic import generate
        store.reset()
        store.apply(generate(organisations=organisations, ties=organisations * 8, seed=1))
    return home


def apptest_visit(page: str) -> tuple[float, bool]:
    """(seconds, failed) for one new session opening `page` through app.py."""
    from streamlit.testing.v1 import AppTest
    started = time.perf_counter()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    if page != "overview":
        at.switch_page(PAGES[page][0]).run()
    return time.perf_counter() - started, bool(at.exception)


def one_size(organisations: int, visits: int) -> dict:
    """In this process: the pages' first visits (caches empty), then
    `visits` later visits of each; the process's peak memory."""
    import streamlit as st
    os.environ["PASSERELLES_HOME"] = str(workspace(organisations))
    st.cache_data.clear()
    st.cache_resource.clear()
    first, later, failed = {}, {}, []
    for page in PAGES:
        first[page], bad = apptest_visit(page)
        failed += [page] if bad else []
    for page in PAGES:
        later[page] = statistics.median(apptest_visit(page)[0] for _ in range(visits))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"first": first, "later": later, "failed": failed, "peak_mb": peak}


def after_load(organisations: int, pause: float) -> dict:
    """A load through the Données page, then, `pause` seconds later (a
    person going to another page), another session opening the Vue
    d'ensemble: its time, with the analytics computed in the background
    after the load (ui/state.warm) or not (PASSERELLES_WARM=0)."""
    from streamlit.testing.v1 import AppTest
    os.environ["PASSERELLES_HOME"] = str(workspace(organisations))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.run()
    at.switch_page(PAGES["data"][0]).run()
    at.file_uploader(key="upload").upload("membres.csv", b"Label,Type\nAtelier Nouveau,association\n")
    at.run()
    at.button(key="check").click().run()
    at.button(key="load").click().run()
    time.sleep(pause)
    return {"overview": apptest_visit("overview")[0], "failed": [] if not at.exception else ["load"],
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def background_done():
    """Wait for the app's server threads (ui/state: passerelles-*) to end."""
    import threading
    for thread in threading.enumerate():
        if thread.name.startswith("passerelles-"):
            thread.join()


def after_edit(organisations: int, pause: float) -> dict:
    """An organisation's description edited from its page (the page's rerun
    showing the edit: `edit`), then, `pause` seconds later, another session
    opening the Vue d'ensemble (`overview`), with the analytics of the new
    version computed in the background after the edit (ui/state.warm) or
    not (PASSERELLES_WARM=0)."""
    from streamlit.testing.v1 import AppTest
    os.environ["PASSERELLES_HOME"] = str(workspace(organisations))
    org = "org:1" if organisations else "org:grdr"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.query_params["org"] = org
    at.run()
    at.switch_page(PAGES["actor"][0]).run()          # everything computed for the version before the edit:
    background_done()                                # what the page left to server threads too
    at.run()
    at.text_area(key=f"e_description:{org}").input("Rencontrée le 2 décembre")
    save = next(b for b in at.button if b.label == "Enregistrer")
    started = time.perf_counter()
    save.click().run()
    shown = time.perf_counter() - started
    time.sleep(pause)
    return {"edit": shown, "overview": apptest_visit("overview")[0],
            "failed": [] if not at.exception else ["edit"],
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def browser_size(organisations: int, visits: int) -> dict:
    """The app started on a fresh workspace; one visitor in Chromium walks
    every page (first visits, caches empty), then `visits` more times."""
    import asyncio

    from bench.app_load import clicks, memory_mb, run_pages, saves, start_server
    from interface.i18n import t
    proc, url = start_server(workspace(organisations))
    try:
        first, errors = asyncio.run(run_pages(url, [PAGES[p][1] for p in PAGES], 1))
        later, more = asyncio.run(run_pages(url, [PAGES[p][1] for p in PAGES], visits))
        menu, by_menu = asyncio.run(run_pages(url, [PAGES[p][1] for p in PAGES], visits, menu=True))
        colour = {t(f"explorer.{k}", "fr"): k for k in CLICKS}
        clicked, more_clicks = asyncio.run(clicks(url, "explorer", t("explorer.colour", "fr"), list(colour), visits))
        saved, not_saved = asyncio.run(saves(url, "org:1" if organisations else "org:grdr", visits))
        _, peak = memory_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    by_path = {path: page for page, (_, path) in PAGES.items()}
    return {"first": {by_path[p]: statistics.median(ts) for p, ts in first.items()},
            "later": {by_path[p]: statistics.median(ts) for p, ts in later.items()},
            "menu": {by_path[p]: statistics.median(ts) for p, ts in menu.items()},
            "clicks": {**{colour[o]: statistics.median(ts) for o, ts in clicked.items()},
                       **({"save": statistics.median(saved)} if saved else {})},
            "failed": sorted(set(errors + more + by_menu + more_clicks + not_saved)), "peak_mb": peak}


def measured(organisations: int, visits: int, browser: bool) -> dict:
    """One size, in a child process of its own."""
    out = subprocess.run([sys.executable, "-m", "bench.page_timing", "--one", str(organisations),
                          "--visits", str(visits)] + (["--browser"] if browser else []),
                         cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, PYTHONWARNINGS="ignore"))
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def table(title: str, results: dict, key: str, sizes: list, rows: dict | None = None):
    """One line per page (or per entry of `rows`, key -> label), one column per size."""
    rows = rows or {page: page for page in PAGES}
    width = max(map(len, rows.values())) + 2
    print(f"\n{title}")
    print(f"  {'':{width}}" + "".join(f"{f'{n:,} orgs' if n else 'bundled':>16}" for n in sizes))
    for row, label in rows.items():
        base = results[0][key].get(row)
        cells = []
        for n in sizes:
            value = results[n][key].get(row)
            if value is None:
                cells.append(f"{'—':>16}")
            else:
                ratio = f" ×{value / base:.1f}" if n and base else ""
                cells.append(f"{f'{value:.2f} s{ratio}':>16}")
        print(f"  {label:{width}}" + "".join(cells))


def with_and_without_warm(organisations: int, option: str, pause: float) -> tuple[dict, dict]:
    """One size's `option` (--after-load, --after-edit) in a child process of
    its own, without then with the background computing (PASSERELLES_WARM)."""
    runs = []
    for warm in ("0", "1"):
        out = subprocess.run([sys.executable, "-m", "bench.page_timing", "--one", str(organisations), option,
                              str(pause)], cwd=ROOT, capture_output=True, text=True,
                             env=dict(os.environ, PYTHONWARNINGS="ignore", PASSERELLES_WARM=warm))
        if out.returncode:
            raise SystemExit(out.stderr[-3000:])
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return runs[0], runs[1]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[3000, 10000, 25000])
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--browser", action="store_true", help="also in a real headless Chromium")
    parser.add_argument("--after-load", type=float, metavar="SECONDS",
                        help="instead: the Vue d'ensemble opened SECONDS after a load, with and without the "
                             "background computing")
    parser.add_argument("--after-edit", type=float, metavar="SECONDS",
                        help="instead: an edit from the actor page, then the Vue d'ensemble opened SECONDS "
                             "later, with and without the background computing")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)       # the child process: one size
    args = parser.parse_args(argv)
    if args.one is not None:
        if args.after_edit is not None:
            result = after_edit(args.one, args.after_edit)
        elif args.after_load is not None:
            result = after_load(args.one, args.after_load)
        else:
            result = browser_size(args.one, args.visits) if args.browser else one_size(args.one, args.visits)
        print(json.dumps(result))
        return
    if args.after_load is not None:
        for n in args.sizes:
            without, with_ = with_and_without_warm(n, "--after-load", args.after_load)
            print(f"{n:,} organisations, Vue d'ensemble opened {args.after_load:g} s after a load: "
                  f"{without['overview']:.2f} s computed at the visit (baseline), {with_['overview']:.2f} s with the "
                  f"background computing (×{with_['overview'] / without['overview']:.2f})", flush=True)
        return
    if args.after_edit is not None:
        for n in args.sizes:
            before, after = with_and_without_warm(n, "--after-edit", args.after_edit)
            print(f"{n:,} organisations, an edit from the actor page: shown in {before['edit']:.2f} s without "
                  f"the background computing (baseline), {after['edit']:.2f} s with it "
                  f"(×{after['edit'] / before['edit']:.2f}); the Vue d'ensemble opened {args.after_edit:g} s "
                  f"later: {before['overview']:.2f} s → {after['overview']:.2f} s "
                  f"(×{after['overview'] / before['overview']:.2f})"
                  + (f"; failed: {before['failed'] + after['failed']}" if before["failed"] + after["failed"] else ""),
                  flush=True)
        return
    sizes = [0] + args.sizes
    for label, browser in (("AppTest (the server's work)", False),) + ((("Chromium (page fully drawn)", True),)
                                                                        if args.browser else ()):
        results = {}
        for n in sizes:
            started = time.perf_counter()
            results[n] = measured(n, args.visits, browser)
            failed = f", failed: {', '.join(results[n]['failed'])}" if results[n]["failed"] else ""
            print(f"[{label}] {f'{n:,} organisations' if n else 'bundled network'}: measured in "
                  f"{time.perf_counter() - started:.0f} s, peak memory {results[n]['peak_mb']:.0f} MB{failed}",
                  flush=True)
        table(f"{label}: first visit after a data change (nothing cached), × the bundled network", results,
              "first", sizes)
        table(f"{label}: later visits (median of {args.visits}), × the bundled network", results, "later", sizes)
        if browser:
            table(f"{label}: later visits by the app's menu, the app already open (median of {args.visits}), "
                  "× the bundled network", results, "menu", sizes)
            table(f"{label}: clicks, from the click to the drawing redrawn or the edit said saved (median of "
                  f"{args.visits}), "
                  "× the bundled network", results, "clicks", sizes, {**CLICKS, **SAVE})


if __name__ == "__main__":
    main()
