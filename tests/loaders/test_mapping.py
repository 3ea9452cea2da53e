"""Column mappings: roles guessed from headers and from content, read and
written as TOML."""
import pytest
from conftest import ROOT

from graph.names import NameIndex
from loaders.mapping import Mapping, MappingError, content_role, header_role, propose
from loaders.tables import Table, read_tables

DIRECTORY = ROOT / "tests" / "data" / "annuaire-reseau-2026.csv"


@pytest.mark.parametrize("header, role", [
    ("Nom de la structure", "name"), ("Raison sociale", "name"), ("Sigle", "acronym"),
    ("Type de structure", "category"), ("Statut juridique", "category"), ("Commune", "commune"),
    ("Ville", "commune"), ("Code postal", "postcode"), ("Département", "departement"), ("Région", "region"),
    ("Pays", "country"), ("Pays d'intervention", "active_in"), ("Zones d'intervention", "active_in"),
    ("Secteurs d'intervention", "themes"), ("Thématiques", "themes"), ("Site internet", "website"),
    ("Courriel", "email"), ("E-mail", "email"), ("Téléphone", "phone"), ("N° RNA", "identifier"),
    ("SIRET", "identifier"), ("Objet", "description"), ("Nom du contact", "ignore"), ("Prénom", "ignore"),
    ("Adresse", "ignore"), ("Colonne 7", None),
])
def test_the_role_a_header_announces(header, role):
    assert header_role(header) == role


def table(header, values):
    return Table("t.csv", None, [(1, [header])] + [(i + 2, [v]) for i, v in enumerate(values)])


@pytest.mark.parametrize("values, role", [
    (["a@b.org", "c.d@e.fr", "x@y.example"], "email"),
    (["https://grdr.org", "www.lianes.example", "http://a.fr"], "website"),
    (["W595012345", "123 456 789 00012", "W751085568"], "identifier"),
    (["59000", "62000", "80000"], "postcode"),
    (["03 20 00 00 01", "+33 3 20 00 00 02", "06.12.34.56.78"], "phone"),
    (["Mali", "Sénégal", "Burkina Faso"], "country"),
    (["Mali, Sénégal", "Tchad", "RDC / Bénin"], "active_in"),
    (["Lille", "Roubaix", "Clermont-Ferrand", "Villeneuve-d'Ascq"], "commune"),
    (["Association", "ONG", "Association", "Collectivité territoriale", "Association", "ONG"], "category"),
    (["Bonjour", "Une phrase", "Autre chose"], None),
])
def test_the_role_a_columns_content_suggests(values, role):
    assert content_role(values, NameIndex()) == role


def test_a_directory_with_meaningless_headers_is_guessed_from_its_content():
    """The same directory, its headers replaced by « Colonne 1 »...: the
    content alone tells e-mails, communes, postcodes, countries, sites."""
    original = read_tables(DIRECTORY)[0]
    header_row, header = original.rows[0]
    renamed = Table(original.file, None, [(header_row, [f"Colonne {i + 1}" for i in range(len(header))])]
                    + original.rows[1:])
    roles = {header[i]: column.role for i, column in enumerate(propose(renamed)[0])}
    assert roles["Code postal"] == "postcode" and roles["Commune"] == "commune"
    assert roles["Pays d'intervention"] == "active_in" and roles["Site internet"] == "website"
    assert roles["Courriel"] == "email" and roles["Téléphone"] == "phone"
    assert roles["Type de structure"] == "category"


def test_category_values_are_proposed_and_unknown_ones_left_to_the_user():
    columns, categories = propose(read_tables(DIRECTORY)[0])
    assert [c.role for c in columns if c.header == "Type de structure"] == ["category"]
    assert categories["Collectivité territoriale"] == "local_authority"
    assert categories["Établissement scolaire"] == "research"
    assert categories["Réseau"] == "network" and categories["ONG"] == "ngo"
    assert categories["Structure d'insertion"] is None and categories["Structure d'accompagnement"] is None


def test_a_mapping_is_written_and_read_back():
    mapping = Mapping({"Nom de la structure": "name", "Pays d'intervention": "active_in", "Adresse": "ignore"},
                      {"Collectivité territoriale": "local_authority"}, "org:lianes-cooperation", "Annuaire")
    assert Mapping.from_toml(mapping.to_toml()) == mapping


@pytest.mark.parametrize("text, code", [
    ("[columns]\n\"Nom\" = \"nom\"\n", "mapping_unknown_role"),
    ("[columns]\n\"Nom\" = \"name\"\n[categories]\n\"Asso\" = \"assoc\"\n", "mapping_unknown_category"),
    ("name = \"x\"\n", "mapping_no_columns"),
    ("[columns\n", "mapping_unreadable"),
])
def test_a_wrong_mapping_file_says_what_is_wrong(text, code):
    with pytest.raises(MappingError) as err:
        Mapping.from_toml(text, "m.toml")
    assert [p.code for p in err.value.problems] == [code]


def test_a_mapping_fits_the_next_export_of_the_same_directory():
    mapping = Mapping({"Nom de la structure": "name", "Commune": "commune", "Courriel": "email"})
    assert mapping.fits(read_tables(DIRECTORY)[0])
    assert not mapping.fits(table("Label", ["A"]))
