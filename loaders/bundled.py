"""The bundled dataset (data/): the network of the founding documents, in
the spreadsheet layout the loaders read."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def bundled_files() -> list:
    return sorted(str(p) for p in DATA.glob("*.csv"))


def document_titles() -> dict:
    """The title of each source document the bundled dataset cites, by the
    name its sources give (a hashed file name says nothing to a reader)."""
    import csv
    with open(DATA / "sources" / "titles.csv", encoding="utf-8", newline="") as fh:
        return {row["File"]: row["Title"] for row in csv.DictReader(fh)}


def bundled_batch():
    from loaders import load_paths
    return load_paths(bundled_files())
