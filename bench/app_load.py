"""Several people on one instance: the app under load, in a real browser.

Starts `streamlit run app.py` on a fresh workspace (the bundled network, or
a synthetic one), then opens VISITORS browser contexts at once (Debian's
Chromium, headless, each its own session), each walking the pages in turn
for SECONDS. Reports errors (a page that raised, a page that did not draw
in time), the median and 95th percentile of page times (from the address
asked to the page fully drawn), and the server process's memory. The
baseline, measured first in the same run, is one visitor alone: the ratio
says what sharing the instance costs each visitor.

    python -m bench.app_load [--visitors 8] [--seconds 60] [--organisations 0]

(--organisations N loads a synthetic network of N organisations first.)
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PAGES = ["", "explorer", "acteur?org=org%3Acap-solidarites", "synergies", "lacunes", "territoires", "donnees",
         "methode"]
DRAWN = 60_000          # ms a page may take before it counts as an error


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def memory_mb(pid: int) -> tuple:
    """(resident now, peak) of a process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    now, peak = (int(re.search(rf"{k}:\s+(\d+)", status).group(1)) / 1024 for k in ("VmRSS", "VmHWM"))
    return now, peak


def start_server(home: Path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["PASSERELLES_HOME"] = str(home)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the app did not start")


async def visit(page, url, path, times, errors):
    """Open `path`, wait until it is fully drawn; its time, or an error."""
    started = time.monotonic()
    try:
        await page.goto(f"{url}/{path}")
        await _drawn(page)
        if await page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]').count():
            errors.append(f"{path}: the page shows an error")
        times.setdefault(path or "(overview)", []).append(time.monotonic() - started)
    except Exception as exc:            # a page not drawn in time is what is measured, not a crash
        errors.append(f"{path}: {type(exc).__name__}")


async def by_menu(page, path, times, errors):
    """Go to `path` by the menu, as a visitor moves once the app is open
    (Streamlit changes page without reloading itself): from the click to
    the page fully drawn."""
    try:
        before = await page.locator('[data-testid="stMainBlockContainer"] h1').first.inner_text()
        link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first
        started = time.monotonic()
        await link.click()
        await page.wait_for_function(           # the new page's run has begun: its title is written first
            "before => { const h = document.querySelector('[data-testid=stMainBlockContainer] h1');"
            " return h !== null && h.innerText !== before; }", arg=before, timeout=DRAWN)
        await _drawn(page)
        times.setdefault(path or "(overview)", []).append(time.monotonic() - started)
    except Exception as exc:            # a page not drawn in time is what is measured, not a crash
        errors.append(f"{path} (menu): {type(exc).__name__}")


async def _drawn(page):
    await page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=DRAWN)
    await page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=DRAWN)
    for frame in page.frames[1:]:
        if frame.url.startswith("about:srcdoc"):
            await frame.wait_for_selector('body[data-drawn="yes"]', timeout=DRAWN)


# a drawing redrawn since `clicks` marked the old ones (window.passerellesOld)
_REDRAWN = """() => [...document.querySelectorAll('iframe')].some(f => {
    try { return !f.contentWindow.passerellesOld && f.contentDocument.body.dataset.drawn === 'yes'; }
    catch (e) { return false; } })"""


async def clicks(url, path, label, options, passes):
    """On `path`, the selectbox `label` set to each of `options` in turn,
    `passes` times: from the click on an option to the drawing redrawn
    (seconds by option, errors)."""
    from playwright.async_api import async_playwright
    times, errors = {}, []
    async with async_playwright() as p:
        browser = await _browser(p)
        page = await (await browser.new_context(viewport={"width": 1400, "height": 1000})).new_page()
        await visit(page, url, path, {}, errors)
        for _ in range(passes):
            for option in options:
                try:
                    await page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')",
                                                 timeout=DRAWN)
                    await page.locator('[data-testid="stElementContainer"]:not([data-stale="true"])') \
                        .get_by_label(label, exact=True).click()
                    await page.evaluate("() => document.querySelectorAll('iframe').forEach(f => {"
                                        " try { f.contentWindow.passerellesOld = true; } catch (e) {} })")
                    started = time.monotonic()
                    await page.get_by_role("option", name=option, exact=True).click()
                    await page.wait_for_function(_REDRAWN, timeout=DRAWN)
                    await _drawn(page)
                    times.setdefault(option, []).append(time.monotonic() - started)
                except Exception as exc:
                    errors.append(f"{path} {label} = {option}: {type(exc).__name__}")
        await browser.close()
    return times, errors


async def saves(url, org, passes):
    """On `org`'s page, its description changed and saved `passes` times:
    from the click on « Enregistrer » to the page saying it is saved, run
    over and drawn (seconds, errors)."""
    from playwright.async_api import async_playwright

    from interface.i18n import t
    times, errors = [], []
    async with async_playwright() as p:
        browser = await _browser(p)
        page = await (await browser.new_context(viewport={"width": 1400, "height": 1000})).new_page()
        await visit(page, url, f"acteur?org={org}", {}, errors)
        for i in range(passes):
            try:
                panel = page.get_by_text(t("edit.title", "fr"), exact=True)
                if not await page.get_by_label(t("field.description", "fr"), exact=True).is_visible():
                    await panel.click()
                await page.get_by_label(t("field.description", "fr"), exact=True).fill(f"Rencontrée ({i + 1})")
                started = time.monotonic()
                await page.get_by_role("button", name=t("edit.save", "fr"), exact=True).click()
                await page.get_by_text("(voir le journal)").first.wait_for(timeout=DRAWN)
                await _drawn(page)
                times.append(time.monotonic() - started)
            except Exception as exc:
                errors.append(f"acteur?org={org} save {i + 1}: {type(exc).__name__}")
        await browser.close()
    return times, errors


async def visitor(browser, url, seconds, times, errors):
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        await visit(page, url, PAGES[i % len(PAGES)], times, errors)
        i += 1
    await context.close()


async def _browser(p):
    return await p.chromium.launch(executable_path=CHROMIUM, args=[
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
        "--disable-background-networking", "--disable-component-update"])


async def run(url, visitors, seconds):
    from playwright.async_api import async_playwright
    times, errors = {}, []
    async with async_playwright() as p:
        browser = await _browser(p)
        await asyncio.gather(*(visitor(browser, url, seconds, times, errors) for _ in range(visitors)))
        await browser.close()
    return times, errors


async def run_pages(url, paths, passes, menu: bool = False):
    """One visitor walking `paths` in order, `passes` times: (times by path,
    errors); each page's address opened, or with `menu` the app opened once
    and the pages reached by its menu."""
    from playwright.async_api import async_playwright
    times, errors = {}, []
    async with async_playwright() as p:
        browser = await _browser(p)
        context = await browser.new_context(viewport={"width": 1400, "height": 1000})
        page = await context.new_page()
        if menu:
            await visit(page, url, paths[-1], {}, errors)
        for _ in range(passes):
            for path in paths:
                if menu:
                    await by_menu(page, path, times, errors)
                else:
                    await visit(page, url, path, times, errors)
        await browser.close()
    return {("" if k == "(overview)" else k): v for k, v in times.items()}, errors


def summary(times) -> tuple:
    every = sorted(t for ts in times.values() for t in ts)
    if not every:
        return 0, 0.0, 0.0
    p95 = every[min(len(every) - 1, int(0.95 * len(every)))]
    return len(every), statistics.median(every), p95


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--visitors", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--organisations", type=int, default=0, help="a synthetic network of this size (0: bundled)")
    args = parser.parse_args(argv)
    home = Path(tempfile.mkdtemp(prefix="passerelles-bench-")) / "ws"
    if args.organisations:
        from bench.synthetic import generate
        from graph.store.memory import MemoryStore
        store = MemoryStore(home)
        store.reset()
        store.apply(generate(organisations=args.organisations, ties=args.organisations * 8, seed=1))
    proc, url = start_server(home)
    try:
        print(f"app on {url}, {'bundled network' if not args.organisations else f'{args.organisations:,} organisations'}")
        results = {}
        for label, visitors in (("alone (baseline)", 1), (f"{args.visitors} at once", args.visitors)):
            times, errors = asyncio.run(run(url, visitors, args.seconds))
            count, median, p95 = summary(times)
            now, peak = memory_mb(proc.pid)
            results[label] = median
            print(f"  {label:>18}: {count} pages in {args.seconds} s, median {median:.2f} s, p95 {p95:.2f} s, "
                  f"{len(errors)} error(s){': ' + '; '.join(sorted(set(errors))[:5]) if errors else ''}; "
                  f"server memory {now:.0f} MB now, {peak:.0f} MB at most")
            for path, ts in sorted(times.items()):
                print(f"      {path:40} median {statistics.median(ts):.2f} s over {len(ts)}")
        alone, shared = results.values()
        print(f"  each visitor's median page time, shared / alone: {shared / alone:.1f}x" if alone else "")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
