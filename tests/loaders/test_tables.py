import pytest

from loaders.tables import TableError, read_tables


def rows(path):
    (table,) = read_tables(path)
    return [cells for _, cells in table.rows]


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_french_files_keep_their_accents(tmp_path, encoding, bom, delimiter):
    text = delimiter.join(["Label", "Type"]) + "\r\n" + delimiter.join(["Élevages sans frontières", "ONG"]) + "\r\n"
    path = tmp_path / "f.csv"
    path.write_bytes(bom + text.encode(encoding))
    assert rows(path) == [["Label", "Type"], ["Élevages sans frontières", "ONG"]]


def test_rows_are_numbered_as_a_spreadsheet_shows_them(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("Label;Type\n\nA;ONG\n", encoding="utf-8")
    (table,) = read_tables(path)
    assert [n for n, cells in table.rows if any(cells)] == [1, 3]


@pytest.mark.parametrize("content, code", [
    (b"", "empty_file"),
    (b"   \n\n", "empty_file"),
    (b"\x00\x01\x02\x03binary\x00", "binary_file"),
    (b'Label,Type\n"unterminated,ONG\n', "damaged_csv"),
    (b"PK\x03\x04truncated zip", "damaged_workbook"),
])
def test_broken_files_give_a_clear_problem(tmp_path, content, code):
    path = tmp_path / ("f.xlsx" if content.startswith(b"PK") else "f.csv")
    path.write_bytes(content)
    with pytest.raises(TableError) as err:
        read_tables(path)
    assert err.value.problem.code == code
    assert err.value.problem.file == str(path)


def test_workbook_sheets(tmp_path):
    import openpyxl
    book = openpyxl.Workbook()
    book.active.title = "Elements"
    book.active.append(["Label", "Type"])
    book.active.append(["Cap Solidarités", "association"])
    book.create_sheet("Connections").append(["From", "To", "Type"])
    book.save(tmp_path / "b.xlsx")
    tables = read_tables(tmp_path / "b.xlsx")
    assert [t.sheet for t in tables] == ["Elements", "Connections"]
    assert tables[0].rows[1] == (2, ["Cap Solidarités", "association"])


def test_a_file_mixing_utf8_and_windows_1252_is_read_line_by_line_and_reported(tmp_path):
    from loaders import load_paths
    path = tmp_path / "mixed.csv"
    path.write_bytes("Label;Type\nCafé solidaire;ONG\n".encode("utf-8") + "Élan Éducation;ONG\n".encode("cp1252"))
    batch = load_paths([path])
    assert {n.props["name"] for n in batch.nodes} == {"Café solidaire", "Élan Éducation"}
    (warning,) = [w for w in batch.warnings if w.code == "mixed_encoding"]
    assert (warning.row, warning.values) == (3, {"count": 1, "rows": [3]})


def test_a_sheet_with_only_its_header_says_so(tmp_path):
    from loaders import load_paths
    path = tmp_path / "empty.csv"
    path.write_text("Label;Type\n", encoding="utf-8")
    batch = load_paths([path])
    assert batch.errors == [] and [(w.code, w.row) for w in batch.warnings] == [("no_rows", 1)]
