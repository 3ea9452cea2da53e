"""Text from the data is shown as text, never as Markdown or HTML: every
name, reason or source that goes into a Markdown element passes here."""
from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:~$=])")


def plain(text) -> str:
    """`text` escaped for st.markdown: data such as `[x](javascript:…)`,
    `<b>` or `:red[x]` is shown as typed.

    >>> plain("**Grdr** <b>:red[x]</b>")
    '\\\\*\\\\*Grdr\\\\*\\\\* \\\\<b\\\\>\\\\:red\\\\[x\\\\]\\\\<\\\\/b\\\\>'
    """
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("/", "\\/")


def cells(frame):
    """A copy of `frame` with every text cell a spreadsheet would run as a
    formula neutralised (a leading apostrophe, as graph.export writes CSV):
    a table's own « Download as CSV » then gives text, never a live
    formula, whatever the store holds."""
    from graph.export import spreadsheet_cell
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or str(safe[column].dtype).startswith("str"):
            safe[column] = safe[column].map(lambda v: spreadsheet_cell(v) if isinstance(v, str) else v)
    return safe


# pandas' Styler renders every cell in Python (and refuses beyond 262,144):
# bigger tables keep the browser's own number format
STYLED_CELLS = 50_000


def table(frame, **kwargs):
    """st.dataframe of `frame` with its cells neutralised (cells), and its
    decimal numbers written the reader's way (a decimal comma in French);
    the columns still sort by value."""
    import streamlit as st

    from interface.sentences import number
    from ui.state import lang
    shown = cells(frame)
    decimals = [c for c in shown.columns if str(shown[c].dtype).startswith("float")]
    if decimals and shown.size <= STYLED_CELLS:
        reader = lang()
        shown = shown.style.format(lambda v: "" if v != v else number(float(v), reader), subset=decimals)
    return st.dataframe(shown, **kwargs)


def csv_bytes(frame, lang: str) -> bytes:
    """A table as a CSV file that opens right in the reader's spreadsheet:
    in French, semicolons between cells and decimal commas (what a French
    Excel expects), in English commas and points; UTF-8 with a BOM (without
    it Excel reads accents wrong); formulas neutralised (cells)."""
    french = lang == "fr"
    text = cells(frame).to_csv(index=False, sep=";" if french else ",", decimal="," if french else ".")
    return text.encode("utf-8-sig")
