"""A team instance in a real browser: Streamlit's own sign-in (st.login,
OpenID Connect) against a local provider started here on 127.0.0.1
(oidc-provider-mock: Authlib's server side behind Flask, the real
authorisation-code flow: redirect, token, signed ID token, cookie). A
reader, an editor and an administrator sign in in turn; each sees and can
do what the role allows, no more. Screenshots of the actor page for each
role go to $PASSERELLES_SCREENSHOTS (or the test's temporary folder)."""
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT
from test_browser import LOCAL, chromium, drawn, free_port, served  # noqa: F401  (chromium: the fixture)

from graph.model import Batch, Node
from graph.store.memory import MemoryStore
from interface.workspace import open_workspace

USERS = {"reader": "lea@reseau.org", "editor": "edith@reseau.org", "admin": "admin@reseau.org"}
ROLES = """
[roles]
"admin@reseau.org" = "administrateur"
"edith@reseau.org" = "éditeur"
"@reseau.org" = "lecteur"
"""
# the provider's own page styles itself from a CDN: that request is the
# provider's, aborted here (no request leaves the machine), and not the app's
PROVIDER_STYLE = "https://cdn.jsdelivr.net/"


@pytest.fixture(scope="module")
def provider():
    """The identity provider, on 127.0.0.1, with the three accounts."""
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"          # http on the loopback, for the test only
    import oidc_provider_mock
    import werkzeug.serving
    accounts = [oidc_provider_mock.User(sub=role, claims={"email": email, "name": role})
                for role, email in USERS.items()]
    server = werkzeug.serving.make_server("127.0.0.1", free_port(), oidc_provider_mock.app(user_claims=accounts),
                                          threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def team(provider, tmp_path):
    """The app with sign-in configured as the README says ([auth] in a
    secrets file, a roles file), on the bundled data plus one contact."""
    home, port = tmp_path / "ws", free_port()
    url = f"http://127.0.0.1:{port}"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(f'[auth]\nredirect_uri = "{url}/oauth2callback"\ncookie_secret = "{os.urandom(16).hex()}"\n'
                       f'client_id = "passerelles"\nclient_secret = "test"\n'
                       f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n')
    (tmp_path / "roles.toml").write_text(ROLES)
    open_workspace("embedded", {"home": str(home)}).apply(Batch(nodes=[Node(
        "org:cap-solidarites", "Organisation", {"name": "Cap Solidarités", "email": "contact@example.org"},
        ["annuaire.csv:2"])]))
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update(PASSERELLES_HOME=str(home), PASSERELLES_ROLES=str(tmp_path / "roles.toml"))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.port", str(port), "--secrets.files", str(secrets)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert served(url, proc)
    yield url, home
    proc.terminate()
    log = proc.communicate(timeout=30)[0]
    assert "Traceback" not in log and "deprecat" not in log.lower(), log
    assert not any(email in log for email in USERS.values()) and "contact@example.org" not in log, log


def signed_in(chromium, url, provider, role, path):
    """A new browser (no cookie) at `path`: the sign-in page, the provider,
    back signed in as `role`. Returns (page, requests sent outside)."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    outside = []

    def only_local(route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    page.route("**/*", only_local)
    page.goto(f"{url}/{path}")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(f"{provider}/**", timeout=30_000)
    page.get_by_role("button", name=role, exact=True).click()
    page.wait_for_url(f"{url}/**", timeout=30_000)
    page.get_by_text(f"Connecté : {USERS[role]}").wait_for(timeout=60_000)
    page.goto(f"{url}/{path}")              # Streamlit's sign-in comes back to the home page
    drawn(page)
    return page, outside


def settled(page):
    """The run over and the previous run's elements gone (Streamlit keeps
    them on the page, marked stale, while it reruns): what is absent is
    absent, not yet to come, and what is there is there once."""
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)


def actor_page_drawn(page):
    """The actor page to its last section (its neighbourhood, drawn)."""
    page.get_by_text("Son voisinage", exact=True).wait_for(timeout=60_000)
    drawn(page)
    settled(page)


def menu(page) -> set:
    return set(page.locator('[data-testid="stSidebarNav"] a').all_inner_texts())


def test_three_roles_sign_in_and_do_what_their_role_allows(chromium, provider, team, tmp_path):
    url, home = team
    shots = Path(os.environ.get("PASSERELLES_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)

    # before signing in: nothing of the graph, only the way in
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{url}/acteur?org=org%3Acap-solidarites")
    page.get_by_role("button", name="Se connecter").wait_for(timeout=60_000)
    assert "Cap Solidarités" not in page.content() and not menu(page)
    context.close()

    # the reader: reads, no contacts, no edit, no editors' pages, no upload
    page, outside = signed_in(chromium, url, provider, "reader", "acteur?org=org%3Acap-solidarites")
    actor_page_drawn(page)
    assert page.locator("h2", has_text="Cap Solidarités").count() == 1
    page.screenshot(path=shots / "role-lecteur.png", full_page=False)
    assert "(lecteur)" in page.locator('[data-testid="stSidebar"]').inner_text()
    assert not page.get_by_text("Afficher les coordonnées").count()
    assert not page.get_by_text("Modifier, relier, ajouter").count()
    assert not page.get_by_role("button", name="Enregistrer la suite").count()
    assert {"Journal", "Suivi", "Doublons"}.isdisjoint(menu(page)) and "Fiche acteur" in menu(page)
    page.goto(f"{url}/journal")                         # a forged URL: the page does not exist for a reader
    drawn(page)
    settled(page)
    assert page.locator("h1").first.inner_text() != "Journal" and not page.get_by_text("Annuler un changement").count()
    page.goto(f"{url}/donnees")
    drawn(page)
    page.get_by_text("ne permet pas de charger des fichiers").wait_for(timeout=60_000)
    settled(page)
    assert not page.locator('[data-testid="stFileUploaderDropzoneInput"]').count()
    assert page.get_by_text("ne permet pas de charger des fichiers").count()
    assert not page.get_by_role("button", name="Préparer l'export").count()
    assert set(outside) <= {u for u in outside if u.startswith(PROVIDER_STYLE)}
    page.context.close()

    # the editor: edits, loads under their own name, exports without contacts; no erasure, no store choice
    page, outside = signed_in(chromium, url, provider, "editor", "acteur?org=org%3Acap-solidarites")
    actor_page_drawn(page)
    page.get_by_text("Modifier, relier, ajouter").wait_for()
    page.get_by_text("Modifier, relier, ajouter").click()
    page.screenshot(path=shots / "role-editeur.png", full_page=False)
    page.get_by_text("Afficher les coordonnées").wait_for(timeout=60_000)
    assert {"Journal", "Suivi", "Doublons"} <= menu(page)
    sheet = tmp_path / "membres.csv"
    sheet.write_text("Label,Type\nAtelier Nouveau,association\n", encoding="utf-8")
    page.goto(f"{url}/donnees")
    drawn(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(sheet))
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=60_000)
    page.get_by_role("button", name="Vérifier").click()
    page.get_by_text("Si vous chargez").wait_for(timeout=60_000)
    page.get_by_role("button", name="Charger dans le graphe").click()
    page.get_by_text("Chargé :").wait_for(timeout=60_000)
    page.get_by_text("Inclure les personnes").last.wait_for(timeout=60_000)      # the export section, below
    settled(page)
    latest = MemoryStore(home).journal()[0]
    assert latest["kind"] == "load" and latest["who"] == USERS["editor"]
    assert page.get_by_text("Derniers chargements").count() == 1 and page.get_by_text(USERS["editor"]).count()
    assert page.get_by_role("button", name="Préparer l'export").count() == 1
    assert not page.get_by_text("Inclure les coordonnées").count()
    assert not page.get_by_text("Effacer une personne").count()
    assert not page.get_by_text("Stockage", exact=True).count()
    assert set(outside) <= {u for u in outside if u.startswith(PROVIDER_STYLE)}
    page.context.close()

    # the administrator: contacts, erasure, the store choice
    page, outside = signed_in(chromium, url, provider, "admin", "acteur?org=org%3Acap-solidarites")
    actor_page_drawn(page)
    page.get_by_text("Afficher les coordonnées").click()
    page.get_by_text("contact@example.org").wait_for(state="attached", timeout=60_000)   # a cell of the table
    page.screenshot(path=shots / "role-administrateur.png", full_page=False)
    page.goto(f"{url}/donnees")
    page.get_by_text("Stockage", exact=True).wait_for(timeout=60_000)
    for shown in ("Effacer une personne", "Inclure les coordonnées", "Un autre serveur Neo4j"):
        page.get_by_text(shown).first.wait_for(timeout=60_000)
    assert set(outside) <= {u for u in outside if u.startswith(PROVIDER_STYLE)}
    page.context.close()
