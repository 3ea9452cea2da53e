"""The spreadsheet template a new user starts from: an elements sheet, a
connections sheet and a help sheet, headers and words in the user's
language, with example rows that load as they are (tests check it)."""
from __future__ import annotations

import io

from graph.model import CATEGORIES, KINDS, RELATIONS
from interface.i18n import t

# key of the header's text -> the example rows' cells, in that order
ELEMENTS = ("name", "type", "acronym", "territory", "active_in", "themes", "website", "description")
CONNECTIONS = ("from", "to", "type", "since")


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


def template_workbook(lang: str) -> bytes:
    """The template as .xlsx bytes."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    elements, connections = _examples(lang)
    sheets = ((book.active, "template.sheet.elements", ELEMENTS, elements),
              (book.create_sheet(), "template.sheet.connections", CONNECTIONS, connections))
    for sheet, title, columns, rows in sheets:
        sheet.title = t(title, lang)
        sheet.append([t(f"template.column.{c}", lang) for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 24
    help_sheet = book.create_sheet(t("template.sheet.help", lang))
    lines = [t("template.help.intro", lang), "",
             t("template.help.kinds", lang, words=", ".join(t(f"kind.{k}", lang) for k in KINDS)),
             t("template.help.categories", lang, words=", ".join(t(f"category.{c}", lang) for c in CATEGORIES)),
             t("template.help.relations", lang, words=", ".join(t(f"relation.{r}", lang) for r in RELATIONS)),
             t("template.help.several", lang), t("template.help.own_columns", lang)]
    for line in lines:
        help_sheet.append([line])
    help_sheet.column_dimensions["A"].width = 120
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
