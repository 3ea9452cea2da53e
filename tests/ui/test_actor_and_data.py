"""The actor page's privacy, and the Data page: a validation report before
anything is written, a load seen by other sessions only once committed,
exports without contacts unless asked, and the store settings."""
import io
import zipfile

from apptest import texts, visit
from conftest import KUMU, need

from graph.model import Batch, Node
from graph.store.memory import MemoryStore
from graph.merge import plan_against
from loaders import load_paths
from graph.names import NameIndex

ELEMENTS = "Label,Type,Sources\nAtelier Nouveau,association,test\nCoopérative Lointaine,company,test\n"
CONNECTIONS = "From,To,Type,Sources\nAtelier Nouveau,Coopérative Lointaine,partner,test\n"


def with_contacts(home):
    store = MemoryStore(home)
    store.apply(Batch(nodes=[Node("org:cap-solidarites", "Organisation",
                                  {"name": "Cap Solidarités", "email": "contact@example.org",
                                   "phone": "+33 3 20 00 00 00"}, ["annuaire.csv:2"])]))
    return store


def everything(at) -> str:
    return texts(at) + "".join(df.value.to_csv() for df in at.dataframe)


def test_contacts_are_hidden_until_asked(home):
    with_contacts(home)
    at = visit("actor", org="org:cap-solidarites")
    assert "contact@example.org" not in everything(at) and "Coordonnées masquées" in texts(at)
    at.toggle(key="contacts").set_value(True).run()
    assert "contact@example.org" in everything(at) and "+33 3 20 00 00 00" in everything(at)


def upload(at, files, fmt=None):
    for name, content in files.items():
        at.file_uploader(key="upload").upload(name, content if isinstance(content, bytes) else content.encode())
    at.run()
    if fmt:
        at.selectbox(key="format").set_value(fmt).run()
    at.button(key="check").click().run()
    assert not at.exception, at.exception
    return at


def test_a_load_is_checked_first_and_seen_by_others_once_committed(bundled_store):
    store = bundled_store
    before = store.describe()["version"]
    at = upload(visit("data"), {"elements.csv": ELEMENTS, "connections.csv": CONNECTIONS})
    assert "Si vous chargez : 3 créés" in texts(at)            # two organisations, one partnership
    assert store.describe()["version"] == before and "org:atelier-nouveau" not in store.graph()
    other = visit("actor")                                   # another session
    assert "org:atelier-nouveau" not in other.selectbox(key="org").options
    at.button(key="load").click().run()
    assert "Chargé : " in texts(at) and "org:atelier-nouveau" in store.graph()
    assert store.journal()[0]["note"] == "elements.csv, connections.csv" and store.journal()[0]["kind"] == "load"
    other = visit("actor", other)
    assert "Atelier Nouveau" in other.selectbox(key="org").options


def test_bad_input_is_reported_with_file_row_and_column_and_nothing_written(bundled_store):
    store = bundled_store
    before = store.path.read_bytes()
    at = upload(visit("data"), {"membres.csv": "Label,Type\nBonne Asso,association\nMauvaise,licorne\n"})
    problems = at.dataframe[0].value
    assert list(problems.iloc[0][["Fichier", "Ligne", "Colonne"]]) == ["membres.csv", "3", "Type"]
    assert "licorne" in problems.iloc[0]["Problème"]
    assert "rien ne sera écrit" in texts(at) and not [b for b in at.button if b.key == "load"]
    assert store.path.read_bytes() == before


def test_the_real_kumu_board_loads_through_the_page(home, bundled_store):
    need(KUMU)
    files = {p.name: p.read_bytes() for p in (KUMU / "elements.csv", KUMU / "connections.csv")}
    graph = bundled_store.graph()
    at = upload(visit("data"), files)
    batch = load_paths([KUMU / "elements.csv", KUMU / "connections.csv"], known=NameIndex.from_graph(graph))
    counts = plan_against(graph, batch).counts
    assert counts["created"] > 400
    assert "Si vous chargez : {created} créés, {updated} modifiés, {unchanged} inchangés.".format(**counts) \
        in texts(at)
    at.button(key="load").click().run()
    after = MemoryStore(home).graph()
    assert after.number_of_nodes() > graph.number_of_nodes() + 100
    assert {n.id for n in batch.nodes} <= set(after)


def test_exports_leave_contacts_out_unless_asked(home):
    with_contacts(home)
    at = visit("data")
    at.selectbox(key="export_format").set_value("csv").run()          # the value, not its label
    at.button(key="prepare").click().run()
    name, payload = at.session_state["export"]
    files = zipfile.ZipFile(io.BytesIO(payload))
    assert name.endswith(".zip") and set(files.namelist()) == {"elements.csv", "connections.csv"}
    assert b"contact@example.org" not in files.read("elements.csv")
    assert b"Cap Solidarit" in files.read("elements.csv")
    at.checkbox(key="with_contacts").check().run()
    at.button(key="prepare").click().run()
    assert b"contact@example.org" in zipfile.ZipFile(io.BytesIO(at.session_state["export"][1])).read("elements.csv")


def custom_neo4j(at, uri, password, user="neo4j"):
    """Type another Neo4j server in the Data page and press « Tester »."""
    at.radio(key="store_kind").set_value("custom").run()
    at.text_input(key="neo4j_uri").input(uri)
    at.text_input(key="neo4j_user").input(user)
    at.text_input(key="neo4j_password").input(password)
    next(b for b in at.button if b.label == "Tester la connexion").click().run()
    return at


def test_a_wrong_neo4j_password_is_one_clear_line(home, neo4j_settings):
    at = custom_neo4j(visit("data"), neo4j_settings["uri"], "not-the-password")
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and neo4j_settings["uri"] in errors[0] and "not-the-password" not in errors[0]
    assert "En cours : stockage intégré" in texts(at)


def everything_sent(at) -> str:
    """Every element the page sends to the browser, as text."""
    return "".join(str(node.proto) for node in at._tree.children.values()) + repr(at.text_input.values)


def test_the_servers_neo4j_password_never_reaches_the_page(home, neo4j_store, neo4j_settings, monkeypatch):
    """With NEO4J_* set, the Data page names the server's Neo4j by its
    address only, and a visitor typing another address is asked for that
    server's own password: the configured one is never sent there."""
    import socket
    import threading
    for name in ("uri", "user", "password", "database"):
        monkeypatch.setenv(f"NEO4J_{name.upper()}", neo4j_settings[name])
    at = visit("data")
    assert neo4j_settings["password"] not in everything_sent(at)
    at.radio(key="store_kind").set_value("custom").run()
    assert at.text_input(key="neo4j_password").value == ""
    assert neo4j_settings["password"] not in everything_sent(at)

    listener, received = socket.socket(), []
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)

    def listen():
        """Answers Bolt's handshake (version 5.4) and SUCCESS to every
        message, recording what the driver sends: its LOGON carries the
        password it was given."""
        for _ in range(2):
            conn, _ = listener.accept()
            conn.settimeout(3)
            try:
                received.append(conn.recv(20))
                conn.sendall(b"\x00\x00\x04\x05")
                while chunk := conn.recv(65536):
                    received.append(chunk)
                    conn.sendall(b"\x00\x03\xb1\x70\xa0\x00\x00")
            except OSError:
                pass
            conn.close()
    threading.Thread(target=listen, daemon=True).start()
    custom_neo4j(at, f"bolt://127.0.0.1:{listener.getsockname()[1]}", "typed-by-the-visitor")
    sent = b"".join(received)
    assert b"typed-by-the-visitor" in sent                      # the listener saw the HELLO
    assert neo4j_settings["password"].encode() not in sent
    assert len(at.error) == 1


def test_another_server_is_offered_on_the_machine_itself(home):
    """(On a shared address it is not: tests/ui/test_access.py.)"""
    at = visit("data")
    assert "Un autre serveur Neo4j" in at.radio(key="store_kind").options


def test_the_store_choice_shows_when_the_servers_neo4j_is_down(home, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "configured-secret")
    at = visit("data")
    assert len(at.error) == 1 and "configured-secret" not in at.error[0].value
    at.radio(key="store_kind").set_value("embedded").run()
    at.button(key="use_store").click().run()
    assert not at.error and "En cours : stockage intégré" in texts(at)


def test_the_app_works_on_neo4j_when_configured(home, neo4j_store, neo4j_settings, monkeypatch):
    for name in ("uri", "user", "password", "database"):
        monkeypatch.setenv(f"NEO4J_{name.upper()}", neo4j_settings[name])
    at = visit("overview")
    assert "Données : Neo4j" in texts(at) and "Le graphe est vide" in texts(at)
    at = upload(visit("data", at), {"elements.csv": ELEMENTS, "connections.csv": CONNECTIONS})
    at.button(key="load").click().run()
    assert "Chargé : 3 créés" in texts(at)
    assert {"org:atelier-nouveau", "org:cooperative-lointaine"} <= set(neo4j_store.graph())
    at = visit("actor", at)
    assert set(at.selectbox(key="org").options) == {"Atelier Nouveau", "Coopérative Lointaine"}
    assert not at.exception


def test_look_alike_organisations_do_not_take_over_links(bundled_store):
    """A twin with another id and a Cyrillic look-alike: the list tells them
    apart, a link by id opens the real one, a link by name opens neither."""
    bundled_store.apply(Batch(nodes=[
        Node("org:twin", "Organisation", {"name": "Cap Solidarités", "category": "association"}, ["t.csv:2"]),
        Node("org:cyrillic", "Organisation", {"name": "Саp Solidarités", "category": "association"}, ["t.csv:3"])]))
    at = visit("actor", org="org:cap-solidarites")
    assert at.selectbox(key="org").value == "org:cap-solidarites"
    labels = [label for label in at.selectbox(key="org").options if "p Solidarités" in label]
    assert len(labels) == len(set(labels)) == 3 and all("(org:" in label for label in labels)
    by_name = visit("actor", org="Cap Solidarités")
    assert by_name.selectbox(key="org").value not in ("org:twin", "org:cyrillic")


def test_tables_never_hand_a_live_formula_to_a_spreadsheet(bundled_store):
    """A store written before formulas were neutralised at load: the page's
    tables (whose toolbar downloads CSV) show the text neutralised."""
    from graph.bulk import writable_copy
    graph, journal = bundled_store._read(journal=True)
    graph = writable_copy(graph)
    graph.nodes["org:cap-solidarites"]["website"] = '=HYPERLINK("http://evil","clic")'
    bundled_store._write(graph, journal)          # as an older version could have written it
    at = visit("actor", org="org:cap-solidarites")
    values = set(at.dataframe[0].value["Valeur"])
    assert '\'=HYPERLINK("http://evil","clic")' in values and '=HYPERLINK("http://evil","clic")' not in values


def test_uploads_are_read_from_memory_and_never_left_on_disk(bundled_store, tmp_path, monkeypatch):
    """A participants list holds e-mails and phones: nothing of an upload is
    written to the temporary folder, checked or loaded."""
    import tempfile
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    at = upload(visit("data"), {"participants.csv": "Structure;Nom et prénom;Email\nGrdr;Dupont Jean;jean@grdr.org\n"})
    assert "Si vous chargez" in texts(at)
    at.button(key="load").click().run()
    assert "Chargé" in texts(at)
    assert list(temporary.iterdir()) == []


def test_an_iati_file_loads_through_the_data_page(bundled_store):
    from conftest import REALDATA
    path = need(REALDATA / "iati" / "es_maec_aecid_indonesia_v201.xml")
    at = upload(visit("data"), {path.name: path.read_bytes()})
    assert "Si vous chargez" in texts(at)
    assert "catégorie ou un canal" in "".join(df.value.to_csv() for df in at.dataframe)      # the warnings, in French
    at.button(key="load").click().run()
    assert "Chargé" in texts(at)
    graph = bundled_store.graph()
    assert sum(1 for n, d in graph.nodes(data=True) if n.startswith("prj:ES-DIR3")) == 83
    assert graph.nodes["ter:indonesie"]["lat"] < 0
    # who acts in Indonesia: the publisher, through the projects it leads there
    import xml.etree.ElementTree as ET
    root = ET.parse(path).getroot()
    publisher = root.find("iati-activity/reporting-org/narrative").text.strip()
    targeted = sum(1 for a in root.iter("iati-activity") if any(c.get("code") == "ID"
                                                                for c in a.findall("recipient-country")))
    shown = visit("territories", place="ter:indonesie").dataframe[0].value
    row = shown[shown["Organisations"] == publisher].iloc[0]
    assert f"porte {targeted} projet(s) qui y sont menés" in row["Lien au territoire"]


def test_known_names_and_categories_are_kept_unless_the_user_chooses(bundled_store):
    """The report lists each value a load replaces (before → after) and
    keeps the names and categories another source gave, the new name as
    another name, unless the user picks them."""
    sheet = "Nom;Type;Site web\nGRDR;Association;grdr.org\nLianes Coopération;Association;lianes.org\n"
    at = upload(visit("data"), {"annuaire.csv": sheet})
    assert "3 nom(s) ou catégorie(s) qu'une autre source donnait" in texts(at)
    held = next(t.value for t in at.dataframe if "Gardé" in t.value.columns)
    assert set(zip(held["Élément"], held["Champ"])) == {
        ("Grdr Migration-Citoyenneté-Développement", "Nom"), ("Grdr Migration-Citoyenneté-Développement",
                                                              "Catégorie"),
        ("Lianes Coopération", "Catégorie")}
    choice = at.multiselect(key="replace")
    lianes = next(i for i in choice.options if "Lianes" in i)
    choice.select(lianes).run()
    at.button(key="load").click().run()
    graph = bundled_store.graph()
    assert graph.nodes["org:lianes-cooperation"]["category"] == "association"
    grdr = graph.nodes["org:grdr"]
    assert (grdr["name"], grdr["category"]) == ("Grdr Migration-Citoyenneté-Développement", "ngo")
    assert "GRDR" in grdr["aliases"] and grdr["website"] == "grdr.org"


def test_the_association_register_loads_through_the_data_page(bundled_store):
    from conftest import REALDATA
    path = need(REALDATA / "associations" / "etalab_rna_as_api_rna_sample_waldec.csv")
    at = upload(visit("data"), {path.name: path.read_bytes()})
    assert "Si vous chargez : " in texts(at)
    assert "téléphones et e-mails de 1 association(s) non chargés" in everything(at)
    at.button(key="load").click().run()
    graph = bundled_store.graph()
    assert graph.nodes["org:FR-RNA-W632007046"]["name"] == "BLACK OWL" and "phone" not in graph.nodes[
        "org:FR-RNA-W632007046"]
    assert graph.has_edge("org:FR-RNA-W632007046", "ter:fr-63113", "BASED_IN")
    assert graph.has_edge("ter:fr-reg-84", "ter:france", "PART_OF")            # the bundled France


def test_a_who_does_what_where_sheet_loads_through_the_data_page(bundled_store):
    from conftest import REALDATA
    path = need(REALDATA / "presence" / "3w_august_2025.csv")
    at = upload(visit("data"), {path.name: path.read_bytes()})
    assert "Si vous chargez" in texts(at) and "colonnes non utilisées" in everything(at)
    at.button(key="load").click().run()
    graph = bundled_store.graph()
    pcoded = [n for n, d in graph.nodes(data=True) if d.get("kind") == "Territory" and n.startswith("ter:ET")]
    assert pcoded and graph.has_edge(pcoded[0], next(iter(graph[pcoded[0]])), "PART_OF")


def test_gephi_export_of_the_organisations_graph_carries_the_apps_metrics(home):
    """GEXF of the organisations graph: every node an organisation, with the
    metrics the app computes, titled in French; the full graph leaves people
    out until asked."""
    from lxml import etree

    from conftest import BUNDLED
    from graph import gexf
    from graph.analytics.actor import actor_graph
    from graph.analytics.metrics import organisation_metrics
    store = MemoryStore(home)
    store.apply(load_paths(BUNDLED))
    store.apply(Batch(nodes=[Node("per:zoe", "Person", {"name": "Zoé Traçable"}, ["liste.csv:2"])]))
    graph = store.graph()
    at = visit("data")
    at.selectbox(key="export_format").set_value("gexf").run()
    at.selectbox(key="export_scope").set_value("organisations").run()
    at.button(key="prepare").click().run()
    name, payload = at.session_state["export"]
    root = etree.fromstring(payload)
    nodes, _ = gexf.read(root)
    expected = {r["id"]: r for r in organisation_metrics(actor_graph(graph), seed=0)["rows"]}
    assert name == "passerelles.gexf" and {n for n, _, _ in nodes} == set(expected)
    for node, _, attrs in nodes:
        assert attrs["degree"] == expected[node]["degree"]
        assert abs(attrs["pagerank"] - expected[node]["pagerank"]) < 1e-9
    titles = {a.get("id"): a.get("title") for a in root.iter("{*}attribute")}
    assert titles["sphere_label"] == "Sphère"
    at.selectbox(key="export_scope").set_value("full").run()
    at.button(key="prepare").click().run()
    assert b"per:zoe" not in at.session_state["export"][1] and b"Zo\xc3\xa9" not in at.session_state["export"][1]
    at.checkbox(key="with_persons").check().run()
    at.button(key="prepare").click().run()
    assert b"per:zoe" in at.session_state["export"][1]
