"""Hostile files, loaded as a user would (python -m cli load): for each, no
traceback, a report naming the file and the place, the workspace's
graph.json byte-identical, nothing left beside it, and the process's peak
memory under a stated bound. (Refusals of hostile values by both stores:
tests/graph/test_store_contract.py.)"""
import io
import json
import subprocess
import sys
import zipfile

import pytest
from conftest import ROOT

# The command line's whole process (Python, networkx, openpyxl, rapidfuzz, the
# workspace's graph) stays under this while it refuses any of these files
# (measured: 48 to 66 MB); the 1 MB workbook that unpacked to 1 GB reached
# 4.4 GB before the limits.
PEAK_MB = 150

# VmHWM, the process's own peak (getrusage's maximum would count the test
# runner's memory from before the process started: Linux keeps it across exec).
MEASURED = ("import re, sys\n"
            "from cli.main import main\n"
            "code = main(sys.argv[1:])\n"
            "peak = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
            "sys.stderr.write(f'\\nPEAK_KB {peak}\\n')\n"
            "sys.exit(code)\n")


def load(path, home):
    """The load's JSON report, its exit code, its stderr and its peak memory in MB."""
    env = {"PASSERELLES_HOME": str(home), "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", MEASURED, "load", str(path), "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    peak = int(proc.stderr.rsplit("PEAK_KB ", 1)[1]) / 1024
    return json.loads(proc.stdout), proc.returncode, proc.stderr, peak


@pytest.fixture
def workspace(tmp_path, bundled_store):
    """A seeded workspace, and a check that a refused load left it as it was."""
    before = bundled_store.path.read_bytes()
    yield bundled_store.home
    assert bundled_store.path.read_bytes() == before
    assert sorted(p.name for p in bundled_store.home.iterdir()) == [".lock", "graph.json"]


def node_link(nodes, edges=()):
    return {"directed": True, "multigraph": True, "graph": {}, "nodes": list(nodes), "edges": list(edges)}


ORG = {"id": "org:x", "kind": "Organisation", "name": "X"}

JSON_FILES = {
    "name is a number": (node_link([dict(ORG, name=12)]), "not_text", "name"),
    "name is a list": (node_link([dict(ORG, name=["A", "B"])]), "not_text", "name"),
    "name is a map": (node_link([dict(ORG, name={"fr": "A"})]), "not_text", "name"),
    "name is null": (node_link([dict(ORG, name=None)]), "empty_name", "name"),
    "aliases is a number": (node_link([dict(ORG, aliases=7)]), "not_text_list", "aliases"),
    "sources is a map": (node_link([dict(ORG, sources={"a": 1})]), "bad_sources", "sources"),
    "conflicts of another shape": (node_link([dict(ORG, conflicts={"name": "B"})]), "bad_conflicts", "conflicts"),
    "edge type is a number": (node_link([ORG, dict(ORG, id="org:y")],
                                        [{"source": "org:x", "target": "org:y", "type": 3}]), "unknown_relation",
                              "type"),
    "NUL in a value": (node_link([dict(ORG, description="a\u0000b")]), "control_character", "description"),
    "a 70-bit integer": (node_link([dict(ORG, members=2**70)]), "integer_too_large", "members"),
    "a list of maps": (node_link([dict(ORG, tags=[{"a": 1}])]), "mixed_list", "tags"),
    "an empty field name": (node_link([dict(ORG, **{"": "x"})]), "bad_field_name", None),
    "duplicate ids": (node_link([ORG, dict(ORG, name="Y")]), "duplicate_element_id", "id"),
}


@pytest.mark.parametrize("case", sorted(JSON_FILES))
def test_hostile_json_graphs_are_reported_not_written(workspace, tmp_path, case):
    payload, code, column = JSON_FILES[case]
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    report, exit_code, stderr, peak = load(path, workspace)
    assert exit_code == 1 and "Traceback" not in stderr
    error = next(e for e in report["errors"] if e["code"] == code)
    assert error["file"] == str(path) and error["row"] is not None and error["column"] == column
    assert error["message"] and "{" not in error["message"]
    assert peak < PEAK_MB


def test_json_nan_and_deep_nesting(workspace, tmp_path):
    nan = tmp_path / "nan.json"
    nan.write_text('{"nodes": [{"id": "org:x", "kind": "Organisation", "name": "X", "score": NaN}], "edges": []}')
    report, exit_code, stderr, _ = load(nan, workspace)
    assert exit_code == 1 and report["errors"][0]["code"] == "not_finite"
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    report, exit_code, stderr, peak = load(deep, workspace)
    assert exit_code == 1 and "Traceback" not in stderr and report["errors"][0]["code"] == "json_too_deep"
    assert peak < PEAK_MB


GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
{doctype}<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
<key id="kind" for="node" attr.name="kind" attr.type="string"/>
<key id="name" for="node" attr.name="name" attr.type="{name_type}"/>
<graph edgedefault="directed">{nodes}</graph></graphml>"""


def graphml(nodes, name_type="string", doctype=""):
    body = "".join(f'<node id="{i}"><data key="kind">Organisation</data><data key="name">{n}</data></node>'
                   for i, n in nodes)
    return GRAPHML.format(doctype=doctype, name_type=name_type, nodes=body)


XXE = '<!DOCTYPE graphml [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
LAUGHS = ('<!DOCTYPE graphml [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>\n")

GRAPHML_FILES = {
    "name is a number": (graphml([("org:x", "12")], name_type="int"), "not_text"),
    "an external entity": (graphml([("org:x", "&e;")], doctype=XXE), "xml_entities"),
    "an entity expansion bomb": (graphml([("org:x", "&i;")], doctype=LAUGHS), "xml_entities"),
    "duplicate ids": (graphml([("org:x", "X"), ("org:x", "Y")]), "duplicate_element_id"),
    "not XML": ("<graphml><node", "not_graphml"),
}


@pytest.mark.parametrize("case", sorted(GRAPHML_FILES))
def test_hostile_graphml_is_reported_not_written(workspace, tmp_path, case):
    text, code = GRAPHML_FILES[case]
    path = tmp_path / "hostile.graphml"
    path.write_text(text, encoding="utf-8")
    report, exit_code, stderr, peak = load(path, workspace)
    assert exit_code == 1 and "Traceback" not in stderr and "root:" not in report.__repr__()
    assert report["errors"][0]["code"] == code and report["errors"][0]["file"] == str(path)
    assert peak < PEAK_MB


# --- workbooks ---------------------------------------------------------------------------

def workbook(sheet_xml: bytes | None = None, extra: dict | None = None) -> bytes:
    """A real workbook (openpyxl), its first sheet's XML replaced when given."""
    import openpyxl
    book = openpyxl.Workbook()
    book.active.append(["Label", "Type"])
    book.active.append(["Asso", "association"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml" and sheet_xml is not None:
                data = sheet_xml
            target.writestr(item, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
         b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         b'{dimension}<sheetData>{rows}</sheetData></worksheet>')


def sheet(rows: bytes, doctype: bytes = b"", dimension: bytes = b"") -> bytes:
    return SHEET.replace(b"{doctype}", doctype).replace(b"{dimension}", dimension).replace(b"{rows}", rows)


def cell_row(number, *values):
    cells = b"".join(b'<c t="inlineStr"><is><t>' + v.encode() + b"</t></is></c>" for v in values)
    return b'<row r="%d">' % number + cells + b"</row>"


def bomb() -> bytes:
    """A workbook of about 200 KB whose sheet unpacks to about 60 MB."""
    rows = cell_row(1, "Label", "Type") + cell_row(2, "A", "association") * 600_000
    return workbook(sheet(rows))


WORKBOOKS = {
    "a decompression bomb": (bomb, "workbook_bomb"),
    "an external entity in a sheet": (lambda: workbook(sheet(
        cell_row(1, "Label", "Type") + cell_row(2, "&e;", "association"),
        doctype=b'<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>')), "xml_entities"),
    "an entity expansion in a sheet": (lambda: workbook(sheet(
        cell_row(1, "Label", "Type") + cell_row(2, "&i;", "association"), doctype=LAUGHS.encode()
        .replace(b"graphml", b"worksheet"))), "xml_entities"),
    "a truncated sheet": (lambda: workbook(sheet(cell_row(1, "Label", "Type") + cell_row(2, "A", "asso"))[:-60]),
                          "damaged_workbook"),
    "a truncated zip": (lambda: workbook()[:-200], "damaged_workbook"),
}


@pytest.mark.parametrize("case", sorted(WORKBOOKS))
def test_hostile_workbooks_are_reported_not_parsed(workspace, tmp_path, case):
    make, code = WORKBOOKS[case]
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(make())
    report, exit_code, stderr, peak = load(path, workspace)
    assert exit_code == 1 and "Traceback" not in stderr and "root:" not in json.dumps(report)
    assert report["errors"][0]["code"] == code and report["errors"][0]["file"] == str(path)
    assert peak < PEAK_MB


def test_a_sheet_declaring_a_huge_size_is_read_as_its_cells(tmp_path):
    """A sheet whose dimension claims A1:XFD1048576 but holds two rows: read
    as two short rows, not as a million rows of 16,384 cells."""
    from loaders.tables import read_tables
    path = tmp_path / "wide.xlsx"
    path.write_bytes(workbook(sheet(cell_row(1, "Label", "Type") + cell_row(2, "A", "association"),
                                    dimension=b'<dimension ref="A1:XFD1048576"/>')))
    (table,) = read_tables(path)
    assert table.rows == [(1, ["Label", "Type"]), (2, ["A", "association"])]


def test_rows_and_columns_beyond_the_limits_are_refused(tmp_path, monkeypatch):
    import loaders.tables as tables
    from loaders import load_paths
    monkeypatch.setattr(tables, "MAX_ROWS", 3)
    monkeypatch.setattr(tables, "MAX_COLUMNS", 4)
    many = tmp_path / "many.csv"
    many.write_text("Label,Type\n" + "A,association\n" * 5, encoding="utf-8")
    assert [(e.code, e.row) for e in load_paths([many]).errors] == [("too_many_rows", 4)]
    wide = tmp_path / "wide.csv"
    wide.write_text("Label,Type,a,b,c\nA,association,1,2,3\n", encoding="utf-8")
    assert [(e.code, e.values["count"]) for e in load_paths([wide]).errors] == [("too_many_columns", 5)]
    book = tmp_path / "many.xlsx"
    book.write_bytes(workbook(sheet(b"".join(cell_row(i, "A", "association") for i in range(1, 6)))))
    assert [e.code for e in load_paths([book]).errors] == ["too_many_rows"]


def test_a_file_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    import loaders.tables as tables
    from loaders import load_paths
    monkeypatch.setattr(tables, "FILE_MB", 1)
    path = tmp_path / "big.csv"
    path.write_bytes(b"Label,Type\n" + b"A,association\n" * 100_000)
    (error,) = load_paths([path]).errors
    assert (error.code, error.values["most"]) == ("file_too_big", 1)


def test_a_one_megabyte_cell_is_valid(tmp_path):
    from loaders import load_paths
    path = tmp_path / "long.csv"
    path.write_text(f"Label,Type,Description\nA,association,\"{'x' * 1_000_000}\"\n", encoding="utf-8")
    batch = load_paths([path])
    assert batch.errors == [] and len(batch.nodes[0].props["description"]) == 1_000_000


def test_the_upload_limit_is_the_one_the_settings_table_states():
    import tomllib

    from graph.settings import value
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == value("limit.upload_mb")
