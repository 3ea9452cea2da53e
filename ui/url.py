"""Widgets whose value lives in the address bar, so that a view can be
shared: the URL carries the values themselves (codes, ids, numbers), never
the words shown, so that a link made in French opens the same view in
English and a link to an organisation names its id, not a name an
impostor could share. (Streamlit's own bind="query-params" writes the
shown label.)

A value comes from the URL when the widget first shows in a session, or
when the URL names another value (a link followed); after that the widget
holds it and writes it back. An address without the parameter (moving to
another page) changes nothing: the language stays as chosen."""
from __future__ import annotations

import streamlit as st

_SEEN = "_url_seen"        # key -> the URL value last read or written, per session


def _read(key: str, multi: bool):
    if key not in st.query_params:
        return None
    return tuple(st.query_params.get_all(key)) if multi else st.query_params.get(key)


def _write(key: str, text, default_text):
    if text == default_text or text in (None, ()):
        if key in st.query_params:
            del st.query_params[key]
    elif isinstance(text, tuple):
        st.query_params[key] = list(text)
    else:
        st.query_params[key] = text


def _as_option(text, options: list, format_func):
    """The option the URL names: its value as text, or else the one option
    whose shown label is exactly that text (an older link), else None."""
    by_text = {str(o): o for o in options}
    if text in by_text:
        return by_text[text]
    labelled = [o for o in options if format_func(o) == text]
    return labelled[0] if len(labelled) == 1 else None


def _seed(key, url_value, value):
    st.session_state[_SEEN][key] = url_value
    st.session_state[key] = value


def _from_url(key, url_value) -> bool:
    """Whether the widget takes its value from the URL on this run."""
    seen = st.session_state.setdefault(_SEEN, {})
    return key not in st.session_state or (url_value is not None and url_value != seen.get(key))


def wanted(key: str) -> list:
    """The values `choice` may give `key` on this run (held by the widget,
    named by the URL, shown last), for a caller that lists only some
    options: these must stay among them."""
    values = (st.session_state.get(key), _read(key, multi=False), st.session_state.get(_SEEN, {}).get(key))
    return [v for v in values if v is not None]


def choice(widget, label, options, key, format_func=str, default=None, remember=False, **kwargs):
    """A selectbox, radio or segmented control (`widget`, e.g. st.selectbox
    or a column's) bound to ?key=value. `default` is its value when the URL
    says nothing (None: no choice). `remember`: coming back to the page
    through the menu (no parameter) shows the last value, not the default
    (the organisation of the actor page)."""
    options = list(options)
    seen = st.session_state.setdefault(_SEEN, {})
    url_value = _read(key, multi=False)
    if _from_url(key, url_value):
        # back from another page, whose run dropped the widget: the last value, if asked
        wanted = url_value if url_value is not None or not remember else seen.get(key)
        found = _as_option(wanted, options, format_func) if wanted is not None else None
        _seed(key, url_value, found if found is not None else default)
    elif st.session_state[key] not in options and st.session_state[key] is not None:
        st.session_state[key] = default
    value = widget(label, options, key=key, format_func=format_func, **kwargs)
    text = None if value is None else str(value)
    _write(key, text, None if default is None else str(default))
    seen[key] = text if text != (None if default is None else str(default)) else None
    return value


def choices(widget, label, options, key, format_func=str, default=(), **kwargs):
    """A multiselect bound to ?key=a&key=b."""
    options = list(options)
    seen = st.session_state.setdefault(_SEEN, {})
    url_value = _read(key, multi=True)
    if _from_url(key, url_value):
        if url_value is None:
            found = list(default)
        else:
            found = [o for o in (_as_option(t, options, format_func) for t in url_value) if o is not None]
        _seed(key, url_value, found)
    else:
        st.session_state[key] = [v for v in st.session_state[key] if v in options]
    value = widget(label, options, key=key, format_func=format_func, **kwargs)
    text = tuple(str(v) for v in value)
    default_text = tuple(str(v) for v in default)
    _write(key, text, default_text)
    seen[key] = text if text != default_text else None
    return value


def number(widget, label, key, default, lowest, highest, **kwargs):
    """A slider or number input bound to ?key=N (kept within its bounds)."""
    seen = st.session_state.setdefault(_SEEN, {})
    url_value = _read(key, multi=False)
    if _from_url(key, url_value):
        try:
            found = min(highest, max(lowest, int(url_value)))
        except (TypeError, ValueError):
            found = default
        _seed(key, url_value, found)
    value = widget(label, lowest, highest, key=key, **kwargs)
    _write(key, str(value), str(default))
    seen[key] = str(value) if value != default else None
    return value
