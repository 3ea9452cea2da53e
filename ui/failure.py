"""A page that fails shows a sentence in the user's language with a short
reference, and the details (traceback, server paths) go to the server's log
under that reference: the visitor learns nothing of the server, the
operator finds the cause. Streamlit's own error display is off
(.streamlit/config.toml, client.showErrorDetails = "none") for what happens
outside a page."""
from __future__ import annotations

import logging
import secrets
from contextlib import contextmanager

import streamlit as st

from ui.state import tr

log = logging.getLogger("passerelles")


@contextmanager
def failures_said():
    try:
        yield
    except Exception:                     # st.stop and st.rerun are not Exceptions: they pass
        reference = secrets.token_hex(4)
        log.exception("page failure %s", reference)
        st.error(tr("app.failure", reference=reference))
