"""Reading the tables users really have: CSV with `;` or `,` or tabs, UTF-8
with or without BOM or Windows-1252, and XLSX workbooks. Every problem is a
Problem with its file (and row where it has one); nothing here raises on bad
input.
"""
from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from graph.model import Problem


class TableError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Table:
    """One sheet: its name, and its rows as (spreadsheet row number, cells)."""
    file: str
    sheet: str
    rows: list
    encoding: str = "utf-8"


def decode(data: bytes, file: str):
    """Text and the encoding it was read with. UTF-8 (BOM or not) first, then
    Windows-1252, which is what Excel on a French Windows writes."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            try:
                return data.decode("utf-16"), "utf-16"
            except UnicodeDecodeError:
                pass
        raise TableError(Problem(file, None, None, "binary_file", {}))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise TableError(Problem(file, None, None, "unreadable_text", {"byte": exc.start})) from None


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently."""
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    if not lines:
        return ","
    best, best_score = ",", -1
    for delim in ("\t", ";", ","):
        counts = [ln.count(delim) for ln in lines]
        if counts[0] == 0:
            continue
        score = sum(1 for c in counts if c == counts[0]) * 10 + counts[0]
        if score > best_score:
            best, best_score = delim, score
    return best


def read_csv_text(text: str, file: str, encoding: str = "utf-8", first_line: int = 1) -> Table:
    """Rows numbered by the line they start on (a spreadsheet's row number
    when no cell holds a line break). `text` starts at line `first_line`."""
    delim = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    rows, ended = [], 0
    try:
        for cells in reader:
            rows.append((first_line + ended, [c.strip() for c in cells]))
            ended = reader.line_num
    except csv.Error as exc:
        raise TableError(Problem(file, first_line + ended, None, "damaged_csv", {"detail": str(exc)})) from None
    return Table(file, Path(file).stem, rows, encoding)


def read_xlsx(data: bytes, file: str) -> list:
    import openpyxl
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError(Problem(file, None, None, "damaged_workbook", {"detail": str(exc)[:200]})) from None
    tables = []
    for sheet in book.worksheets:
        rows = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = ["" if v is None else str(v).strip() for v in values]
            rows.append((number, cells))
        tables.append(Table(file, sheet.title, rows, "xlsx"))
    book.close()
    return tables


def read_bytes(path) -> bytes:
    file = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise TableError(Problem(file, None, None, "cannot_open", {"detail": exc.strerror or ""})) from None
    if not data.strip():
        raise TableError(Problem(file, None, None, "empty_file", {}))
    return data


def is_workbook(path, data: bytes) -> bool:
    return data[:4] == b"PK\x03\x04" or Path(path).suffix.lower() in (".xlsx", ".xlsm")


def read_tables(path) -> list:
    """All tables of a file (one for a CSV, one per sheet for a workbook)."""
    data = read_bytes(path)
    if is_workbook(path, data):
        return read_xlsx(data, str(path))
    text, encoding = decode(data, str(path))
    return [read_csv_text(text, str(path), encoding)]


def is_blank(cells) -> bool:
    return not any(c.strip() for c in cells)
