"""Données: a directory with headers of its own is mapped, checked and
loaded through the page; the mapping saved is proposed for its next export."""
from apptest import texts, visit
from conftest import ROOT

DIRECTORY = ROOT / "tests" / "data" / "annuaire-reseau-2026.csv"


def upload(at, name, content):
    at.file_uploader(key="upload").upload(name, content)
    at.run()
    at.button(key="check").click().run()
    assert not at.exception, at.exception
    return at


def report(at) -> str:
    return texts(at) + "".join(df.value.to_csv() for df in at.dataframe)


def test_a_directory_is_mapped_checked_and_loaded_through_the_page(bundled_store, home):
    data = DIRECTORY.read_bytes()
    at = upload(visit("data"), DIRECTORY.name, data)
    assert "En-têtes trouvés : Nom de la structure, Sigle, Type de structure" in report(at)
    assert at.toggle(key="map_columns").value                            # offered at once
    roles = {s.key.split(":", 1)[1]: s.value for s in at.selectbox if s.key and s.key.startswith("role:")}
    assert roles["Pays d'intervention"] == "active_in" and roles["Nom du contact"] == "ignore"
    assert roles["Commune"] == "commune" and roles["Courriel"] == "email"
    assert at.selectbox(key="category:Collectivité territoriale").value == "local_authority"
    assert at.selectbox(key="category:Structure d'insertion").value is None            # left to the user
    at.button(key="check").click().run()
    assert "« Structure d'insertion » (1 ligne(s)) ne correspond à aucune catégorie" in report(at)
    at.selectbox(key="category:Structure d'insertion").set_value("association")
    at.selectbox(key="category:Structure d'accompagnement").set_value("company")
    at.selectbox(key="mapping_member_of").set_value("org:lianes-cooperation").run()
    at.button(key="check").click().run()
    assert "Si vous chargez" in texts(at)
    assert "Grdr Migration-Citoyenneté-Développement — Nom : Grdr Migration-Citoyenneté-Développement → GRDR" \
        in at.multiselect(key="replace").options                         # kept unless picked
    assert "colonnes ignorées (non chargées) : Adresse, Nom du contact" in report(at)
    at.button(key="mapping_save").click().run()
    assert (home / "mappings" / "annuaire-reseau-2026.toml").exists()
    at.button(key="load").click().run()
    graph = bundled_store.graph()
    assert graph.has_edge("org:ville-de-roubaix", "org:lianes-cooperation", "MEMBER_OF")
    assert graph.nodes["org:grdr"]["name"] == "Grdr Migration-Citoyenneté-Développement"
    assert graph.nodes["org:incubateur-solidaire-du-hainaut"]["category"] == "company"
    # the directory's next export: the saved mapping is proposed, its choices kept
    again = visit("data")
    again.file_uploader(key="upload").upload(DIRECTORY.name, data)
    again.run()
    again.toggle(key="map_columns").set_value(True).run()
    assert again.selectbox(key="mapping_saved").value == "annuaire-reseau-2026"
    assert again.selectbox(key="category:Structure d'insertion").value == "association"
    assert again.selectbox(key="mapping_member_of").value == "org:lianes-cooperation"


def test_the_template_is_offered_on_the_data_page(bundled_store):
    at = visit("data")
    button = at.get("download_button")
    assert any("modèle" in b.proto.label for b in button)
