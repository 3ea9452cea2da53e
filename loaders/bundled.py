"""The bundled dataset (data/): the network of the founding documents, in
the spreadsheet layout the loaders read."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def bundled_files() -> list:
    return sorted(str(p) for p in DATA.glob("*.csv"))


def bundled_batch():
    from loaders import load_paths
    return load_paths(bundled_files())
