"""Deep links and safe text: a page's state lives in the URL
(st.query_params), so that a view can be shared; text from the data is
shown as text, never as Markdown or HTML."""
from __future__ import annotations

import re

import streamlit as st

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:~$=])")


def plain(text) -> str:
    """`text` escaped for st.markdown: data such as `[x](javascript:…)`,
    `<b>` or `:red[x]` is shown as typed.

    >>> plain("**Grdr** <b>:red[x]</b>")
    '\\\\*\\\\*Grdr\\\\*\\\\* \\\\<b\\\\>\\\\:red\\\\[x\\\\]\\\\<\\\\/b\\\\>'
    """
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("/", "\\/")


def start(key: str, default, allowed=None, many: bool = False):
    """Give the widget `key` its first value from the URL (when valid),
    before the widget is drawn. Later runs keep what the user chose."""
    if key in st.session_state:
        return
    if many:
        values = [v for v in st.query_params.get_all(key) if allowed is None or v in allowed]
        st.session_state[key] = values or default
    else:
        value = st.query_params.get(key)
        if value is not None and allowed is not None and value not in allowed:
            value = None
        st.session_state[key] = value if value is not None else default


def publish(defaults: dict):
    """Write the widgets' values to the URL; values equal to their default
    are left out, so that a plain link stays plain."""
    for key, default in defaults.items():
        value = st.session_state.get(key)
        if value is None or value == default or value == []:
            st.query_params.pop(key, None)
        elif isinstance(value, (list, tuple)):
            st.query_params[key] = [str(v) for v in value]
        else:
            st.query_params[key] = str(value)
