"""The reference tables loaders read (data/geo, data/iati; derived by
scripts/derive_reference_data.py, sources and licences in their README):
countries with their French names and a label point, and IATI's code
lists. Read once, on first use."""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def _rows(path: Path) -> list:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def countries() -> dict:
    """ISO 3166-1 alpha-2 -> {iso2, iso3, name_fr, name_en, lat, lon}."""
    return {row["iso2"]: dict(row, lat=float(row["lat"]), lon=float(row["lon"]))
            for row in _rows(DATA / "geo" / "countries.csv")}


@cache
def iati(codelist: str) -> dict:
    """An IATI code list: code -> {name_fr, name_en, ...}."""
    return {row["code"]: row for row in _rows(DATA / "iati" / f"{codelist}.csv")}
