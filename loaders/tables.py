"""Reading the tables users really have: CSV with `;` or `,` or tabs, UTF-8
with or without BOM or Windows-1252, and XLSX workbooks. Every problem is a
Problem with its file (and row where it has one); nothing here raises on bad
input.

A file is read within limits set deliberately (graph/settings.py, limit.*):
its size before it is read, what a workbook unpacks to and how much its
parts are compressed before it is parsed, rows, columns, cell size and time
while it is read. A small file that would take the server down (a 1 MB
workbook unpacking to 1 GB) is refused with a sentence saying which limit.
"""
from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from defusedxml import DefusedXmlException

from graph import settings
from graph.model import Problem, clean_text

MB = 1024 * 1024
FILE_MB = settings.value("limit.file_mb")
UNPACKED_MB = settings.value("limit.unpacked_mb")
ZIP_RATIO = settings.value("limit.zip_ratio")
MAX_ROWS = settings.value("limit.rows")
MAX_COLUMNS = settings.value("limit.columns")
CELL_CHARS = settings.value("limit.cell_chars")
SECONDS = settings.value("limit.seconds")


class TableError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Table:
    """One sheet: its name, and its rows as (spreadsheet row number, cells);
    `latin_lines`, the lines read as Windows-1252 in a file that mixes it
    with UTF-8."""
    file: str
    sheet: str
    rows: list
    encoding: str = "utf-8"
    latin_lines: tuple = ()


# A multi-byte UTF-8 sequence: a file that has some and is not UTF-8 as a
# whole mixes encodings (a UTF-8 export pasted into a Windows-1252 sheet).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def decode(data: bytes, file: str):
    """(text, encoding, latin lines). UTF-8 (BOM or not) first, then
    Windows-1252, which is what Excel on a French Windows writes; a file
    that mixes both is read line by line, each in its own encoding, and the
    lines read as Windows-1252 are returned for the report."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            try:
                return data.decode("utf-16"), "utf-16", ()
            except UnicodeDecodeError:
                pass
        raise TableError(Problem(file, None, None, "binary_file", {}))
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    try:
        if not _UTF8_SEQUENCE.search(data):
            return data.decode("cp1252"), "cp1252", ()
        lines, latin = [], []
        for number, line in enumerate(data.splitlines(keepends=True), start=1):
            try:
                lines.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                lines.append(line.decode("cp1252"))
                latin.append(number)
        return "".join(lines), "mixed", tuple(latin)
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


class Limits:
    """Rows, columns and time while one file is read."""

    def __init__(self, file: str, sheet: str | None = None):
        self.file, self.sheet, self.rows = file, sheet, 0
        self.end = time.monotonic() + SECONDS

    def row(self, number, cells):
        self.rows += 1
        if self.rows > MAX_ROWS:
            raise TableError(Problem(self.file, number, self.sheet, "too_many_rows", {"most": MAX_ROWS}))
        if len(cells) > MAX_COLUMNS:
            raise TableError(Problem(self.file, number, self.sheet, "too_many_columns",
                                     {"count": len(cells), "most": MAX_COLUMNS}))
        if self.rows % 1000 == 0 and time.monotonic() > self.end:
            raise TableError(Problem(self.file, number, self.sheet, "too_slow", {"seconds": SECONDS}))


def read_csv_text(text: str, file: str, encoding: str = "utf-8", first_line: int = 1) -> Table:
    """Rows numbered by the line they start on (a spreadsheet's row number
    when no cell holds a line break). `text` starts at line `first_line`."""
    delim = sniff_delimiter(text)
    csv.field_size_limit(CELL_CHARS)          # Python's default, 131,072, called a valid 1 MB cell damaged
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    rows, ended, limits = [], 0, Limits(file)
    try:
        for cells in reader:
            limits.row(first_line + ended, cells)
            rows.append((first_line + ended, [clean_text(c).strip() for c in cells]))
            ended = reader.line_num
    except csv.Error as exc:
        code = "cell_too_long" if "field larger than field limit" in str(exc) else "damaged_csv"
        raise TableError(Problem(file, first_line + ended, None, code,
                                 {"detail": str(exc), "most": CELL_CHARS})) from None
    return Table(file, Path(file).stem, rows, encoding)


def check_workbook(data: bytes, file: str):
    """Before parsing: what the workbook's parts unpack to, in all and each
    against its compressed size (the directory of a zip says both)."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TableError(Problem(file, None, None, "damaged_workbook", {"detail": str(exc)[:200]})) from None
    unpacked = sum(p.file_size for p in parts)
    if unpacked > UNPACKED_MB * MB:
        raise TableError(Problem(file, None, None, "workbook_too_big",
                                 {"size": round(unpacked / MB), "most": UNPACKED_MB}))
    for part in parts:
        if part.file_size > 10 * MB and part.file_size > ZIP_RATIO * max(part.compress_size, 1):
            raise TableError(Problem(file, None, part.filename, "workbook_bomb",
                                     {"size": round(part.file_size / MB),
                                      "ratio": round(part.file_size / max(part.compress_size, 1)),
                                      "most": ZIP_RATIO}))


def read_xlsx(data: bytes, file: str) -> list:
    """Every sheet of a workbook. Whatever a damaged or hostile workbook
    makes openpyxl raise is a problem with the file, not a traceback."""
    import openpyxl
    check_workbook(data, file)
    tables, number, sheet = [], None, None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        for sheet in book.worksheets:
            sheet.reset_dimensions()          # rows as long as their cells, not as the sheet's declared size
            rows, limits = [], Limits(file, sheet.title)
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                limits.row(number, values)
                cells = ["" if v is None else clean_text(str(v)).strip() for v in values]
                rows.append((number, cells))
            tables.append(Table(file, sheet.title, rows, "xlsx"))
        book.close()
    except TableError:
        raise
    except Exception as exc:           # openpyxl, zlib and XML errors have no common base
        if _caused_by(exc, DefusedXmlException):      # openpyxl wraps it in a ValueError
            raise TableError(Problem(file, None, None, "xml_entities", {})) from None
        raise TableError(Problem(file, number, getattr(sheet, "title", None), "damaged_workbook",
                                 {"detail": f"{type(exc).__name__}: {exc}"[:200]})) from None
    return tables


def _caused_by(exc, kind) -> bool:
    while exc is not None:
        if isinstance(exc, kind):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


class Upload:
    """A file received in memory (the app's uploads): never written to disk.
    Its name stands for its path in reports and sources."""

    def __init__(self, name: str, data: bytes):
        self.name, self.data = Path(name).name, data

    def __fspath__(self):
        return self.name

    def __str__(self):
        return self.name


def read_bytes(path) -> bytes:
    file = str(path)
    if isinstance(path, Upload):
        if len(path.data) > FILE_MB * MB:
            raise TableError(Problem(file, None, None, "file_too_big",
                                     {"size": round(len(path.data) / MB), "most": FILE_MB}))
        if not path.data.strip():
            raise TableError(Problem(file, None, None, "empty_file", {}))
        return path.data
    try:
        size = Path(path).stat().st_size
        if size > FILE_MB * MB:
            raise TableError(Problem(file, None, None, "file_too_big", {"size": round(size / MB), "most": FILE_MB}))
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
    text, encoding, latin = decode(data, str(path))
    table = read_csv_text(text, str(path), encoding)
    table.latin_lines = latin
    return [table]


def is_blank(cells) -> bool:
    return not any(c.strip() for c in cells)
