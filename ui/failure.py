"""A page that fails shows a sentence in the user's language with a short
reference, and where it failed (the exception's type and the traceback's
files, lines and functions) goes to the server's log under that reference:
the visitor learns nothing of the server, the operator finds the place, and
the log holds no data (the exception's message and values may name
people). Streamlit's own error display is off (.streamlit/config.toml,
client.showErrorDetails = "none") for what happens outside a page."""
from __future__ import annotations

import logging
import secrets
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from ui.state import tr

log = logging.getLogger("passerelles")


def where(info) -> str:
    """The exception's type and its traceback, without its message."""
    kind, _, tb = info
    frames = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(traceback.extract_tb(tb)))
    return f"{kind.__name__} at {frames}"


@contextmanager
def failures_said():
    try:
        yield
    except Exception:                     # st.stop and st.rerun are not Exceptions: they pass
        reference = secrets.token_hex(4)
        log.error("page failure %s: %s", reference, where(sys.exc_info()))
        st.error(tr("app.failure", reference=reference))
