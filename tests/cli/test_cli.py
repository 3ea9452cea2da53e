import json

import networkx as nx
from graph.store.memory import MemoryStore
from conftest import ATELIER, KUMU, REPORT, cli_json, need, run_cli


def by_territory(stats) -> dict:
    return {row["name"]: row["count"] for row in stats["organisations_by_territory"]}


def test_stats_on_the_bundled_dataset(home):
    stats = cli_json("stats", home=home)
    assert stats["store"] == "embedded"
    assert stats["kinds"]["Organisation"] >= 60
    assert stats["relations"]["PARTNER_OF"] >= 15
    assert set(stats["spheres"]) >= {"civil_society", "public", "economic", "research"}
    assert by_territory(stats)["Lille"] >= 3
    text = run_cli("stats", home=home, check=0).stdout
    assert "Stockage : embedded" in text and "Nœuds par type" in text and "Organisation" in text
    english = run_cli("--lang", "en", "stats", home=home, check=0).stdout
    assert "Store: embedded" in english and "Nodes by kind" in english


def test_stats_follow_the_territory_tree_as_the_overview_page_does(home):
    """Organisations based in Lille count in France too, in the command line
    as on the Vue d'ensemble page (one function computes both)."""
    import pyarrow
    from apptest import visit
    counts = by_territory(cli_json("stats", home=home))
    chart = visit("overview").get("vega_lite_chart")[2].proto          # organisations by territory
    shown = pyarrow.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pandas()
    assert dict(zip(shown["Territoires"], shown["Nombre"])) == {name: counts[name] for name in shown["Territoires"]}
    assert counts["France"] > counts["Nord-Pas-de-Calais"] > counts["Lille"] >= 3
    assert counts["France"] >= 20          # `stats` said 4 (based in France itself), the page 21


def test_load_report_json_and_idempotence(home):
    need(KUMU)
    files = [KUMU / "elements.csv", KUMU / "connections.csv"]
    first = cli_json("load", *files, home=home)
    assert set(first) == {"created", "updated", "unchanged", "changes", "held", "warnings", "errors"}
    assert first["created"] > 250 and first["errors"] == []
    assert set(first["warnings"][0]) == {"file", "row", "column", "code", "values", "message"}
    before = (home / "graph.json").read_bytes()
    second = cli_json("load", *files, home=home)
    assert (second["created"], second["updated"], second["errors"]) == (0, 0, [])
    # the countries it created the first time are now found in the graph
    assert second["unchanged"] > 250
    stats = by_territory(cli_json("stats", home=home))
    # 18 contractors hold contracts in that zone (RELATED_TO), none is based there
    assert "Clarion-Clipperton Zone" not in stats and stats["United States"] >= 5
    assert (home / "graph.json").read_bytes() == before


def test_bad_input_exits_non_zero_and_writes_nothing(home, tmp_path):
    cli_json("stats", home=home)   # seed the workspace
    before = (home / "graph.json").read_bytes()
    bad = tmp_path / "bad.csv"
    bad.write_text("Label;Type\nA;ONG\nB;licorne\n", encoding="utf-8")
    result = cli_json("load", bad, home=home, check=1)
    (error,) = result["errors"]
    assert (error["file"], error["row"], error["column"], error["code"]) == (str(bad), 3, "Type", "unknown_type")
    assert error["values"]["value"] == "licorne"
    assert error["message"].startswith("type inconnu « licorne » : indiquez un type de nœud (Organisation, Territoire")
    assert result["created"] == 0
    assert (home / "graph.json").read_bytes() == before
    text = run_cli("load", bad, home=home, check=1).stdout
    assert text.startswith("Rien n'a été écrit : 1 erreur(s).") and f"{bad}:3:Type" in text
    english = run_cli("load", bad, "--lang", "en", home=home, check=1).stdout
    assert english.startswith("Nothing was written") and "unknown type “licorne”" in english


def test_participants_then_export_hides_contacts_unless_asked(home, tmp_path):
    need(REPORT)
    result = cli_json("load", REPORT, "--format", "participants", "--event", ATELIER, home=home)
    assert result["errors"] == [] and any(w["row"] == 368 for w in result["warnings"])
    run_cli("export", "--format", "json", "--output", tmp_path / "g.json", home=home, check=0)
    text = (tmp_path / "g.json").read_text(encoding="utf-8")
    assert "@" not in "".join(n.get("email", "") for n in json.loads(text)["nodes"])
    assert "lebars@cfsi.asso.fr" not in text
    run_cli("export", "--format", "json", "--output", tmp_path / "c.json", "--with-contacts", home=home, check=0)
    assert "lebars@cfsi.asso.fr" not in (tmp_path / "c.json").read_text(encoding="utf-8")   # people left out
    run_cli("export", "--format", "json", "--output", tmp_path / "p.json", "--with-contacts", "--with-persons",
            home=home, check=0)
    assert "lebars@cfsi.asso.fr" in (tmp_path / "p.json").read_text(encoding="utf-8")


def test_exports_open_in_networkx_and_gephi_formats(home, tmp_path):
    for fmt, name in (("json", "g.json"), ("graphml", "g.graphml"), ("gexf", "g.gexf"), ("csv", "csv")):
        run_cli("export", "--format", fmt, "--output", tmp_path / name, home=home, check=0)
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    graph = nx.node_link_graph(data, edges="edges")
    assert all("kind" in d and "name" in d for _, d in graph.nodes(data=True))
    assert all("type" in d for *_, d in graph.edges(keys=True, data=True))
    graphml = nx.read_graphml(tmp_path / "g.graphml")
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert graphml.number_of_nodes() == gexf.number_of_nodes() == graph.number_of_nodes()
    assert gexf.nodes["org:cfsi"]["label"] == "Comité Français pour la Solidarité Internationale"
    assert (tmp_path / "csv" / "elements.csv").exists() and (tmp_path / "csv" / "connections.csv").exists()


def test_reset_then_load_starts_from_nothing(home):
    run_cli("reset", home=home, check=0)
    assert cli_json("stats", home=home)["nodes"] == 0


def test_usage_errors_exit_2(home):
    assert run_cli("export", "--format", "pdf", "--output", "x", home=home).returncode == 2
    assert run_cli("frobnicate", home=home).returncode == 2


import pytest  # noqa: E402


@pytest.mark.parametrize("name, content, message", [
    ("empty.csv", b"", "le fichier est vide"),
    ("binary.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "fichier binaire"),
    ("cut.csv", b'Label,Type,Description\nA,ONG,"starts and never ends\n', "tronqué"),
    ("cut.xlsx", b"PK\x03\x04\x14\x00\x00\x00", "abîmé ou tronqué"),
    ("latin.csv", b"Label;Type\nCaf\x81 solidaire;ONG\n", "ni UTF-8 ni Windows-1252"),
    ("missing.csv", None, "impossible d'ouvrir le fichier"),
])
def test_broken_files_leave_the_store_as_it_was(home, tmp_path, name, content, message):
    cli_json("stats", home=home)
    before = (home / "graph.json").read_bytes()
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = cli_json("load", path, home=home, check=1)
    assert message in result["errors"][0]["message"]
    assert result["errors"][0]["file"] == str(path)
    assert (home / "graph.json").read_bytes() == before


@pytest.mark.parametrize("rows", ["0", "-1", "ten"])
def test_transaction_rows_must_be_a_positive_number(home, rows):
    proc = run_cli("load", "x.csv", "--transaction-rows", rows, home=home)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "--transaction-rows" in proc.stderr
    assert not (home / "graph.json").exists()


def test_a_directory_does_not_rename_known_organisations_without_being_asked(home, tmp_path):
    """The new user's directory calls the Grdr « GRDR » and Lianes
    Coopération an association: the load says so, keeps the known name and
    category (the new name becomes another name) until --replace."""
    sheet = tmp_path / "annuaire.csv"
    sheet.write_text("Nom;Type;Site web\nGRDR;Association;grdr.org\nLianes Coopération;Association;lianes.org\n",
                     encoding="utf-8")
    result = run_cli("load", sheet, home=home, check=0).stdout
    assert "Gardés tels quels" in result
    assert "Grdr Migration-Citoyenneté-Développement : le nom reste « Grdr Migration-Citoyenneté-Développement » ; " \
           "« GRDR » ajouté comme autre nom" in result
    assert "Lianes Coopération — Catégorie : reste Réseau (Association proposé)" in result
    graph = MemoryStore(home).graph()
    grdr = graph.nodes["org:grdr"]
    assert (grdr["name"], grdr["category"], grdr["website"]) == (
        "Grdr Migration-Citoyenneté-Développement", "ngo", "grdr.org")
    assert "GRDR" in grdr["aliases"] and graph.nodes["org:lianes-cooperation"]["category"] == "network"
    replaced = cli_json("load", sheet, "--replace", home=home)
    assert replaced["held"] == [] and {(c["id"], c["field"]) for c in replaced["changes"]} >= {
        ("org:grdr", "name"), ("org:lianes-cooperation", "category")}
    assert MemoryStore(home).graph().nodes["org:grdr"]["name"] == "GRDR"


def test_a_directory_is_loaded_through_a_mapping_file(home, tmp_path):
    """`mapping` proposes the mapping of a directory whose headers no reader
    knows; completed, `load --mapping` loads it, and the next export of the
    same directory loads with the same file."""
    import tomllib
    from conftest import ROOT
    directory = ROOT / "tests" / "data" / "annuaire-reseau-2026.csv"
    refused = run_cli("load", directory, home=home, check=1).stdout
    assert "En-têtes trouvés : Nom de la structure, Sigle, Type de structure" in refused
    proposed = tmp_path / "annuaire.toml"
    run_cli("mapping", directory, "--output", proposed, home=home, check=0)
    text = proposed.read_text(encoding="utf-8")
    assert "# À compléter dans [categories] : \"Structure d'insertion\" = \"une catégorie\"" in text
    data = tomllib.loads(text)
    assert data["columns"]["Pays d'intervention"] == "active_in" and data["columns"]["Nom du contact"] == "ignore"
    incomplete = run_cli("load", directory, "--mapping", proposed, home=home, check=1).stdout
    assert "« Structure d'insertion » (1 ligne(s)) ne correspond à aucune catégorie" in incomplete
    assert "association (Association), ngo (ONG)" in incomplete
    proposed.write_text(text + "\"Structure d'insertion\" = \"association\"\n"
                        "\"Structure d'accompagnement\" = \"company\"\n", encoding="utf-8")
    loaded = cli_json("load", directory, "--mapping", proposed, home=home)
    assert loaded["errors"] == [] and loaded["created"] > 40
    graph = MemoryStore(home).graph()
    assert graph.nodes["org:ville-de-roubaix"]["category"] == "local_authority"


def test_a_wrong_mapping_file_is_one_clear_error(home, tmp_path):
    wrong = tmp_path / "m.toml"
    wrong.write_text("[columns]\n\"Nom\" = \"nom\"\n", encoding="utf-8")
    result = run_cli("load", wrong, "--mapping", wrong, home=home, check=1)
    assert "rôle « nom » inconnu ; rôles possibles : name, acronym" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_registers_phones_come_in_only_when_asked(home):
    from conftest import REALDATA
    path = need(REALDATA / "associations" / "etalab_rna_as_api_rna_sample_waldec.csv")
    out = cli_json("load", path, home=home)
    assert [w["code"] for w in out["warnings"]] == ["register_contacts_left_out"]
    assert "phone" not in MemoryStore(home).graph().nodes["org:FR-RNA-W632007046"]
    cli_json("load", path, "--with-contacts", home=home)
    assert MemoryStore(home).graph().nodes["org:FR-RNA-W632007046"]["phone"] == "0676561853"


def test_a_who_does_what_where_sheet_through_the_command_line(home):
    from conftest import REALDATA
    path = need(REALDATA / "presence" / "lbn_sectorsreporting_bydistrict_20240902_hxlated.csv")
    out = cli_json("load", path, home=home)
    assert out["errors"] == [] and out["created"] > 30
    graph = MemoryStore(home).graph()
    assert any(d.get("country_code") == "LB" for _, d in graph.nodes(data=True))


def test_keeping_the_network_from_the_command_line(home):
    """Edit after a meeting, add an organisation and a partnership, read the
    journal, undo a mistake: each a change of the journal, with who and why."""
    out = cli_json("edit", "Grdr", "--set", "acronym=GRDR", "--set", "aliases=Grdr|G.R.D.R.", "--who", "Camille",
                   "--note", "réunion du 30 novembre", home=home)
    assert out["updated"] == 1 and out["element"] == "org:grdr"
    cli_json("add", "association", "Nouvelle Asso", "--set", "website=nouvelle.example", "--who", "Camille",
             home=home)
    cli_json("tie", "add", "Nouvelle Asso", "partenaire de", "Grdr", "--set", "since=2026", "--who", "Camille",
             home=home)
    graph = MemoryStore(home).graph()
    assert graph.nodes["org:grdr"]["aliases"] == ["Grdr", "G.R.D.R."]
    assert graph.has_edge("org:grdr", "org:nouvelle-asso", "PARTNER_OF")
    journal = cli_json("journal", "--element", "Grdr", home=home)
    assert [(e["kind"], e["who"]) for e in journal[:2]] == [("edit", "Camille"), ("edit", "Camille")]
    assert journal[1]["note"] == "réunion du 30 novembre"
    text = run_cli("journal", home=home, check=0).stdout
    assert "modification par Camille" in text and "réunion du 30 novembre" in text and "chargement" in text
    # undoing the new organisation is refused: the partnership built on it
    created = next(e for e in cli_json("journal", home=home) if e["counts"]["created"] == 1
                   and e["elements"] == ["org:nouvelle-asso"])
    refused = run_cli("undo", created["id"], home=home, check=1)
    assert "a changé depuis" in refused.stderr
    tie = cli_json("journal", home=home)[0]
    run_cli("undo", tie["id"], home=home, check=0)
    run_cli("undo", created["id"], home=home, check=0)
    assert "org:nouvelle-asso" not in MemoryStore(home).graph()
    again = run_cli("undo", created["id"], home=home, check=1)
    assert "déjà annulé" in again.stderr
    wrong = run_cli("edit", "Inconnue Totale", "--set", "acronym=X", home=home, check=1)
    assert "Aucun élément ne s'appelle exactement « Inconnue Totale »" in wrong.stderr


def test_duplicates_merge_and_not_same_from_the_command_line(home, tmp_path):
    """A directory brings « Grdr France » and « Lianes » beside the bundled
    Grdr and Lianes Coopération: both proposed; one merged (then undone and
    merged again), the other said distinct and no longer proposed."""
    sheet = tmp_path / "annuaire.csv"
    sheet.write_text("Label,Type,Website\nGrdr France,NGO,https://www.grdr.org/\nLianes,NGO,\n", encoding="utf-8")
    run_cli("load", sheet, home=home, check=0)
    found = cli_json("duplicates", home=home)
    pairs = {tuple(f["ids"]): f for f in found}
    assert ("org:grdr", "org:grdr-france") in pairs and ("org:lianes", "org:lianes-cooperation") in pairs
    assert "un nom contient l'autre : « Grdr »" in pairs["org:grdr", "org:grdr-france"]["reasons"]
    text = run_cli("duplicates", "--lang", "en", home=home, check=0).stdout
    assert "Grdr France (org:grdr-france)" in text and "one name contains the other" in text
    out = cli_json("merge", "Grdr", "org:grdr-france", "--who", "Camille", "--note", "même ONG", home=home)
    graph = MemoryStore(home).graph()
    assert "org:grdr-france" not in graph and "Grdr France" in graph.nodes["org:grdr"]["aliases"]
    assert cli_json("journal", home=home)[0]["kind"] == "merge"
    run_cli("undo", out["entry"], home=home, check=0)
    assert "org:grdr-france" in MemoryStore(home).graph()
    cli_json("not-same", "Lianes", "Lianes Coopération", "--who", "Camille", home=home)
    left = {tuple(f["ids"]) for f in cli_json("duplicates", home=home)}
    assert ("org:grdr", "org:grdr-france") in left and ("org:lianes", "org:lianes-cooperation") not in left
    refused = run_cli("merge", "Grdr", "Grdr", home=home, check=1)
    assert "fusionné avec lui-même" in refused.stderr


def test_follow_ups_from_the_command_line(home):
    """Record what became of suggestions, in words or codes; list them; « déjà
    partenaires » adds the tie only with --add-tie; a wrong status is refused."""
    suggested = cli_json("partners", "Lianes Coopération", "--top", "2", home=home)
    first, second = (c["id"] for c in suggested[:2])
    cli_json("follow-up", "Lianes Coopération", first, "pas pertinent", "--who", "Camille", "--note", "hors sujet",
             home=home)
    cli_json("follow-up", "Lianes Coopération", second, "already_partners", "--add-tie", "--who", "Camille", home=home)
    graph = MemoryStore(home).graph()
    assert graph.edges["org:lianes-cooperation", first, "FOLLOWS_UP"]["status"] == "not_relevant"
    assert graph.has_edge(*sorted(("org:lianes-cooperation", second)), "PARTNER_OF")
    rows = cli_json("follow-ups", "--status", "not relevant", home=home)
    assert [(r["partner"], r["who"], r["note"]) for r in rows] == [(first, "Camille", "hors sujet")]
    after = [c["id"] for c in cli_json("partners", "Lianes Coopération", "--top", "50", home=home)]
    assert first not in after and second not in after
    text = run_cli("follow-ups", "--lang", "en", home=home, check=0).stdout
    assert "not relevant on" in text and "already partners" in text and "(now tied)" in text
    wrong = run_cli("follow-up", "Lianes Coopération", first, "peut-être", home=home, check=2)
    assert "« peut-être » n'est pas une suite possible" in wrong.stderr


def test_a_person_is_erased_from_the_command_line_only_when_confirmed(home):
    need(REPORT)
    cli_json("load", REPORT, "--format", "participants", "--event", ATELIER, home=home)
    graph = MemoryStore(home).graph()
    person, name = next((n, d["name"]) for n, d in graph.nodes(data=True) if d["kind"] == "Person")
    refused = run_cli("erase", name, home=home, check=2)            # no terminal, no --yes: nothing done
    assert "confirmation" in refused.stderr and person in MemoryStore(home).graph()
    done = cli_json("erase", name, "--yes", home=home)
    assert done["removed"] >= 1 and person not in MemoryStore(home).graph()
    assert name not in json.dumps(MemoryStore(home).journal(), ensure_ascii=False)
    assert cli_json("journal", home=home)[0]["kind"] == "erase"
    unknown = run_cli("erase", "Personne Inconnue", "--yes", home=home, check=1)
    assert "Personne Inconnue" in unknown.stderr


def test_a_thin_record_gets_three_leads_and_what_to_add(home):
    """Lianes Coopération's only fact is one workshop: the command line says
    so, as the actor page does, and gives three leads, not ten; an
    organisation with partners, themes and places gets its ten."""
    thin = run_cli("partners", "Lianes Coopération", home=home, check=0).stdout
    assert "dossier encore mince" in thin and "ses partenaires" in thin
    assert [line.split(".")[0].strip() for line in thin.splitlines() if line[:3].strip().isdigit()] == ["1", "2", "3"]
    assert len(cli_json("partners", "Lianes Coopération", home=home)) == 3
    full = run_cli("partners", "Cap Solidarités", home=home, check=0).stdout
    assert "mince" not in full and len(cli_json("partners", "Cap Solidarités", home=home)) == 10
