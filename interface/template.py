"""The spreadsheet templates a new user starts from, one for each kind of
sheet the loaders read: elements and connections (with a help sheet), a
participants list, a "who does what where" sheet; headers and words in the
user's language, with example rows that load as they are (tests check it)."""
from __future__ import annotations

import io

from graph.model import CATEGORIES, KINDS, RELATIONS
from interface.i18n import t

# key of the header's text -> the example rows' cells, in that order
ELEMENTS = ("name", "type", "acronym", "territory", "active_in", "themes", "website", "description")
CONNECTIONS = ("from", "to", "type", "since")
PARTICIPANTS = ("structure", "person", "function", "email")
# a 3W sheet: the header in words, then its HXL hashtags (what the loader reads first)
PRESENCE = (("impl", "#org+impl+name"), ("impl_acronym", "#org+impl+acronym"), ("donor", "#org+funder+name"),
            ("region", "#adm1+name"), ("region_code", "#adm1+code"), ("sector", "#sector"), ("year", "#date+year"))


def _examples(lang: str):
    word = lambda key: t(key, lang)  # noqa: E731
    elements = [
        [word("template.example.org"), word("category.association"), "ASE", "Lille", word("template.example.country"),
         word("template.example.theme"), "https://association.example", word("template.example.description")],
        [word("template.example.network"), word("category.network"), "", "Lille", "", "", "", ""],
        ["Lille", word("kind.Territory"), "", "", "", "", "", ""],
        [word("template.example.country"), word("kind.Territory"), "", "", "", "", "", ""],
    ]
    connections = [[word("template.example.org"), word("template.example.network"), word("relation.MEMBER_OF"),
                    "2024"]]
    return elements, connections


def _workbook(sheets) -> bytes:
    """.xlsx bytes of `sheets`: (title, header, rows), the header in bold."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        if header:
            sheet.append(header)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 24 if header else 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_workbook(lang: str) -> bytes:
    """The elements and connections template as .xlsx bytes."""
    elements, connections = _examples(lang)
    lines = [t("template.help.intro", lang), "",
             t("template.help.kinds", lang, words=", ".join(t(f"kind.{k}", lang) for k in KINDS)),
             t("template.help.categories", lang, words=", ".join(t(f"category.{c}", lang) for c in CATEGORIES)),
             t("template.help.relations", lang, words=", ".join(t(f"relation.{r}", lang) for r in RELATIONS)),
             t("template.help.several", lang), t("template.help.own_columns", lang)]
    return _workbook([
        (t("template.sheet.elements", lang), [t(f"template.column.{c}", lang) for c in ELEMENTS], elements),
        (t("template.sheet.connections", lang), [t(f"template.column.{c}", lang) for c in CONNECTIONS], connections),
        (t("template.sheet.help", lang), None, [[line] for line in lines]),
    ])


def participants_workbook(lang: str) -> bytes:
    """A participants list: one row per person, their structure first (an
    empty structure continues the one above)."""
    word = lambda key: t(key, lang)  # noqa: E731
    rows = [[word("template.example.org"), word("template.example.person"), word("template.example.function"),
             "camille@association.example"],
            ["", word("template.example.person2"), word("template.example.function2"), ""],
            [word("template.example.network"), word("template.example.person3"), "", ""]]
    return _workbook([(t("template.sheet.participants", lang),
                       [t(f"template.column.{c}", lang) for c in PARTICIPANTS], rows)])


def presence_workbook(lang: str) -> bytes:
    """A "who does what where" sheet: one row per organisation, place and
    sector, the HXL hashtags under the header (P-codes as OCHA gives them)."""
    word = lambda key: t(key, lang)  # noqa: E731
    example = (word("template.example.org"), "ASE", word("template.example.donor"))
    rows = [[tag for _, tag in PRESENCE],
            [*example, "Kayes", "ML01", word("template.example.theme"), 2026],
            [*example, "Koulikoro", "ML02", word("template.example.theme2"), 2026]]
    return _workbook([(t("template.sheet.presence", lang),
                       [t(f"template.column.{c}", lang) for c, _ in PRESENCE], rows)])
