"""The file uploader in the user's language. Streamlit writes its own
words in English inside the drop zone (« Upload », « 200MB per file »);
they are hidden and ours are drawn in their place, from the interface's
words, with the real size limit (the server's maxUploadSize)."""
from __future__ import annotations

import streamlit as st

from ui.state import tr


def _css_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def uploader(label: str, types: list, key: str):
    limit = st.get_option("server.maxUploadSize")
    button = tr("upload.button")
    limits = tr("upload.limits", size=limit, types=", ".join(t.upper() for t in types))
    st.html(f"""<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {_css_text(button)}; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {_css_text(limits)}; font-size: 0.8rem; }}
</style>""")
    return st.file_uploader(label, type=types, accept_multiple_files=True, key=key)
