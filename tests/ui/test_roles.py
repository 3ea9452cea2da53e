"""Roles checked on the server, page by page (AppTest, with Streamlit's
st.user seeded as a signed-in identity; the real sign-in through an OpenID
Connect provider is in test_sign_in.py)."""
import pytest
from apptest import PAGE_FILES, SIGN_IN, texts, visit
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from graph.model import Batch, Node
from graph.store.memory import MemoryStore

ROLES = """
[roles]
"admin@reseau.org" = "administrateur"
"edith@reseau.org" = "éditeur"
"@reseau.org" = "lecteur"
"""
READER, EDITOR, ADMIN = "lea@reseau.org", "edith@reseau.org", "admin@reseau.org"
PERSON = "Faucon Elisabeth"             # a participant of the Lille workshop, in the bundled data


@pytest.fixture
def team(bundled_store, tmp_path, monkeypatch):
    """The bundled workspace, a roles file, and a contact on Cap Solidarités."""
    (tmp_path / "roles.toml").write_text(ROLES, encoding="utf-8")
    bundled_store.apply(Batch(nodes=[Node("org:cap-solidarites", "Organisation",
                                          {"name": "Cap Solidarités", "email": "contact@example.org"},
                                          ["annuaire.csv:2"])]))
    return bundled_store


def said(at) -> str:
    """What the page says, as read (Markdown's escapes removed)."""
    return texts(at).replace("\\", "")


def everything(at) -> str:
    return texts(at) + "".join(df.value.to_csv() for df in at.dataframe) + "".join(
        e.proto.srcdoc for e in at.get("iframe"))


def keys(at) -> set:
    return {getattr(w, "key", None) for kind in ("button", "toggle", "checkbox", "radio", "selectbox",
                                                  "text_input", "multiselect", "file_uploader")
            for w in getattr(at, kind)}


def test_nobody_enters_before_signing_in(team):
    at = visit("overview", signed_in=False)
    assert [b.label for b in at.button] == ["Se connecter"]
    assert "connectez-vous" in texts(at) and "Vue d'ensemble" not in texts(at)
    at = visit("actor", org="org:cap-solidarites", signed_in=False)
    assert "Cap Solidarités" not in everything(at)


def test_an_account_without_a_role_is_told_so(team):
    at = visit("overview", signed_in="lou@ailleurs.fr")
    assert "Le compte lou@ailleurs.fr n'a pas de rôle" in said(at)
    assert [b.label for b in at.button] == ["Se déconnecter"]


def test_an_email_the_provider_has_not_verified_gives_no_role(team):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.secrets["auth"] = dict(SIGN_IN)
    at.user = {"is_logged_in": True, "email": ADMIN, "email_verified": False}
    at.run()
    assert f"Le compte {ADMIN} n'a pas de rôle" in said(at) and "Vue d'ensemble" not in texts(at)
    at.user = {"is_logged_in": True, "email": ADMIN, "email_verified": True}
    at.run()
    assert "(administrateur)" in texts(at)


def test_a_reader_reads_and_changes_nothing(team):
    at = visit("actor", org="org:cap-solidarites", signed_in=READER)
    assert "Connecté : lea@reseau.org (lecteur)" in said(at)
    assert at.header[0].value == "Cap Solidarités" and "Liens" in everything(at)
    assert "contact@example.org" not in everything(at) and "contacts" not in keys(at)
    assert not at.get("form") and "Modifier" not in "".join(e.label for e in at.expander)    # no edit, no follow-up
    focused = visit("explorer", focus="org:cap-solidarites", signed_in=READER)
    assert not focused.get("form") and "Modifier" not in "".join(e.label for e in focused.expander)
    assert visit("explorer", focus="org:cap-solidarites", signed_in=EDITOR).get("form")
    # persons are not in this session's graph: not drawn, not listed
    arras = visit("actor", org="org:artisans-du-monde-arras", signed_in=READER)
    assert "Artisans du Monde" in everything(arras) and PERSON not in everything(arras)
    data = visit("data", signed_in=READER)
    assert not {"upload", "check", "prepare", "erase_who", "store_kind", "with_contacts"} & keys(data)
    assert "ne permet pas de charger des fichiers" in texts(data)
    synergies = visit("opportunities", signed_in=READER)
    assert not synergies.get("download_button") and "fu_pair" not in keys(synergies)


def test_readers_see_persons_when_the_instance_allows_it(team, tmp_path):
    (tmp_path / "roles.toml").write_text(ROLES + "\n[instance]\nreaders_see_persons = true\n", encoding="utf-8")
    arras = visit("actor", org="org:artisans-du-monde-arras", signed_in=READER)
    assert PERSON in everything(arras) and "contact@example.org" not in everything(visit(
        "actor", org="org:cap-solidarites", signed_in=READER))


@pytest.mark.parametrize("page", ["journal", "followups", "duplicates"])
def test_a_reader_cannot_open_the_editors_pages(team, page):
    """Not in the menu, and refused when reached anyway (a page's script run
    directly, as a forged URL would)."""
    at = AppTest.from_file(str(ROOT / PAGE_FILES[page]), default_timeout=120)
    at.secrets["auth"] = dict(SIGN_IN)
    at.user = {"is_logged_in": True, "email": READER}
    at.run()
    assert "Votre rôle (lecteur) ne permet pas de voir" in texts(at)
    assert not at.dataframe and not at.button


def test_every_page_for_every_role(team):
    """Each role sees the pages it may see, each without an error."""
    for who, hidden in ((READER, {"journal", "followups", "duplicates"}), (EDITOR, set()), (ADMIN, set())):
        for page in PAGE_FILES:
            if page in hidden:                  # not in this session's menu: no way to it
                with pytest.raises(ValueError, match="Could not find a navigation page"):
                    visit(page, signed_in=who)
                continue
            at = visit(page, signed_in=who)
            assert "ne permet pas de voir" not in texts(at), (who, page)


def test_an_editor_loads_and_edits_under_their_own_name(team):
    from tests.ui.test_actor_and_data import upload
    at = upload(visit("data", signed_in=EDITOR), {"membres.csv": "Label,Type\nAtelier Nouveau,association\n"})
    assert not {"erase_who", "store_kind", "with_contacts"} & keys(at)
    assert {"prepare", "with_persons"} <= keys(at)
    at.button(key="load").click().run()
    latest = team.journal()[0]
    assert latest["kind"] == "load" and latest["who"] == EDITOR
    assert "Derniers chargements" in texts(at) and EDITOR in everything(at)
    actor = visit("actor", org="org:cap-solidarites", signed_in=EDITOR)
    assert "contacts" in keys(actor)
    assert PERSON in everything(visit("actor", org="org:artisans-du-monde-arras", signed_in=EDITOR))


def test_an_administrator_erases_exports_contacts_and_chooses_the_store(team):
    at = visit("data", signed_in=ADMIN)
    assert {"erase_who", "store_kind", "with_contacts", "upload"} <= keys(at)
    at.text_input(key="erase_who").input(PERSON).run()
    at.checkbox(key="erase_ok:per:faucon-elisabeth").check().run()
    at.button(key="erase").click().run()
    assert "per:faucon-elisabeth" not in team.graph()
    assert team.journal()[0]["kind"] == "erase" and team.journal()[0]["who"] == ADMIN


def test_a_readers_forged_requests_are_refused(team, monkeypatch):
    """What a reader's session could send without the widgets: its store
    choice set by hand, an edit reaching the write path. The server
    refuses both; the store is unchanged."""
    at = visit("data", signed_in=READER)
    at.session_state["store_settings"] = {"kind": "neo4j", "source": "custom", "uri": "bolt://10.0.0.1:7687",
                                          "user": "neo4j", "password": "x", "database": "neo4j"}
    at.run()
    assert not at.exception and "10.0.0.1" not in everything(at)
    before = team.describe()["version"]

    def forged():
        import streamlit as st

        from graph.edits import add_node
        from ui import edit, state
        data = state.current()
        st.session_state["written"] = edit.write(data, add_node(data.graph, "Organisation", "Intrus"), "écrit")

    at = AppTest.from_function(forged, default_timeout=60)
    at.secrets["auth"] = dict(SIGN_IN)
    at.user = {"is_logged_in": True, "email": READER}
    at.run()
    assert at.session_state["written"] is False and "ne permet pas de modifier le graphe" in texts(at)
    assert team.describe()["version"] == before


def test_an_exposed_instance_without_sign_in_shows_nothing(team, monkeypatch):
    import streamlit
    real = streamlit.get_option
    monkeypatch.setattr(streamlit, "get_option", lambda key: "0.0.0.0" if key == "server.address" else real(key))
    at = visit("overview")
    assert "écoute sur 0.0.0.0" in texts(at) and "Pour une équipe" in texts(at)
    assert not at.dataframe and not at.button


def test_the_public_mode_reads_without_persons_downloads_or_edits(team, tmp_path, monkeypatch):
    (tmp_path / "roles.toml").write_text("[instance]\npublic = true\nreaders_see_persons = true\n")
    import streamlit
    real = streamlit.get_option
    monkeypatch.setattr(streamlit, "get_option", lambda key: "0.0.0.0" if key == "server.address" else real(key))
    assert "Lecture publique" in texts(visit("overview"))
    explorer = visit("explorer", focus="org:artisans-du-monde-arras")
    assert PERSON not in everything(explorer) and not explorer.get("download_button")
    data = visit("data")
    assert not {"upload", "prepare", "erase_who", "store_kind"} & keys(data)
    actor = visit("actor", org="org:cap-solidarites")
    assert "contact@example.org" not in everything(actor) and "contacts" not in keys(actor)


def test_a_signed_in_administrator_on_a_shared_address_cannot_point_the_server_elsewhere(team, monkeypatch):
    import streamlit
    real = streamlit.get_option
    monkeypatch.setattr(streamlit, "get_option", lambda key: "0.0.0.0" if key == "server.address" else real(key))
    at = visit("data", signed_in=ADMIN)
    assert "Un autre serveur Neo4j" not in at.radio(key="store_kind").options
