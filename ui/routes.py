"""The pages, in menu order, and links between them."""
from __future__ import annotations

import streamlit as st

from ui.state import tr

# key (ui module, and nav.<key> text) -> url path
PAGES = {"overview": "", "explorer": "explorer", "actor": "acteur", "opportunities": "synergies",
         "gaps": "lacunes", "territories": "territoires", "followups": "suivi", "duplicates": "doublons",
         "journal": "journal", "data": "donnees",
         "method": "methode"}


def page(key: str) -> st.Page:
    """The page ui/<key>.py: Streamlit runs it as a script (__main__), and
    tests import it as a module."""
    default = key == "overview"         # served at the root of the site
    return st.Page(f"ui/{key}.py", title=tr(f"nav.{key}"), url_path=None if default else PAGES[key],
                   default=default)


def link(key: str, label: str, **query):
    """A link to another page, carrying its state in the URL."""
    st.page_link(page(key), label=label, query_params=query or None)
