"""The reference tables loaders read (data/geo, data/iati; derived by
scripts/derive_reference_data.py, sources and licences in their README):
countries with their French names and a label point, France's communes,
départements and régions, and IATI's code lists. Read once, on first use."""
from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

from graph.model import fold

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


# Names people write for countries beside the ISO ones (folded).
COUNTRY_WORDS = {
    "rdc": "CD", "rd congo": "CD", "congo kinshasa": "CD", "republique democratique du congo": "CD",
    "congo brazzaville": "CG", "congo": "CG", "syrie": "SY", "coree du sud": "KR", "coree du nord": "KP",
    "birmanie": "MM", "usa": "US", "etats unis d amerique": "US", "uk": "GB", "angleterre": "GB",
    "moldavie": "MD", "palestine": "PS", "territoires palestiniens": "PS", "cap vert": "CV", "laos": "LA",
    "tanzanie": "TZ", "iran": "IR", "russie": "RU", "bolivie": "BO", "venezuela": "VE", "vietnam": "VN",
    "republique centrafricaine": "CF", "centrafrique": "CF", "guinee conakry": "GN",
}


@cache
def country_names() -> dict:
    """Folded country name (French, English, the short form before a comma,
    or the ISO 3 code) -> ISO 3166-1 alpha-2."""
    out = {}
    for code, row in countries().items():
        for name in (row["name_fr"], row["name_en"], row["name_fr"].split(",")[0], row["name_en"].split(",")[0]):
            out.setdefault(fold(name), code)
        out.setdefault(fold(row["iso3"]), code)
    out.update(COUNTRY_WORDS)
    return out


def country_named(text: str):
    """The ISO 3166-1 alpha-2 code a country name means, or None."""
    return country_names().get(fold(text))


@cache
def communes() -> dict:
    """INSEE code -> {code, name, departement, region, parent, postcodes,
    former}: France's current communes and municipal arrondissements."""
    return {row["code"]: dict(row, postcodes=row["postcodes"].split(), former=row["former"].split())
            for row in _rows(DATA / "geo" / "fr-communes.csv")}


@cache
def commune_codes() -> dict:
    """Every code a commune was known by (current and former) -> its current code."""
    out = {}
    for code, row in communes().items():
        for old in row["former"]:
            out.setdefault(old, code)
    out.update((code, code) for code in communes())
    return out


@cache
def communes_named() -> dict:
    """Folded commune name -> INSEE codes (several for homonyms: four
    « Saint-Denis »). Arrondissements are named as « Paris 14e
    Arrondissement »."""
    out = {}
    for code, row in communes().items():
        out.setdefault(commune_key(row["name"]), []).append(code)
    return out


def commune_key(name: str) -> str:
    """A commune's name as looked up: folded, « St » and « Ste » written out."""
    return re.sub(r"\bste\b", "sainte", re.sub(r"\bst\b", "saint", fold(name)))


@cache
def departements() -> dict:
    """Département code (01…95, 2A, 2B, 971…) -> {code, name, region}."""
    return {row["code"]: row for row in _rows(DATA / "geo" / "fr-departements.csv")}


@cache
def regions() -> dict:
    """Région code -> {code, name}."""
    return {row["code"]: row for row in _rows(DATA / "geo" / "fr-regions.csv")}
