"""Choosing one element among thousands (organisations, a tie's target):
beyond `search_from` of them the whole list is not sent to the browser at
every click (490 kB for 25,000 organisations); a search box comes first and
the list holds what it finds, and the current choice."""
from __future__ import annotations

from graph.settings import value as setting
from interface.search import matching
from ui import url
from ui.state import tr


def searched(container, label: str, options: dict, key: str, keep=(), disabled: bool = False) -> list | None:
    """None when `options` (id -> label) are few enough to list whole; else
    the search box for the list called `label` (in `container`: st or a
    column, not a form, where it would wait for the form's button) and the
    ids to list: those found, after the ids of `keep` (the current choice)."""
    if len(options) <= setting("search_from"):
        return None
    query = container.text_input(tr("search.label", what=label, count=len(options)), key=f"{key}__search",
                                 placeholder=tr("search.placeholder"), disabled=disabled)
    found, total = matching(options, query, setting("search_most"))
    if query.strip() and not total:
        container.caption(tr("search.none", query=query.strip()))
    elif total > len(found):
        container.caption(tr("search.more", total=total, shown=len(found)))
    return list(dict.fromkeys([k for k in keep if k in options] + found))


def element(container, label: str, options: dict, key: str, default=None, remember: bool = False, **kwargs):
    """A selectbox over `options` (id -> label) bound to ?key= (ui.url.choice),
    searched first when they are many."""
    listed = searched(container, label, options, key, keep=url.wanted(key) + [default],
                      disabled=kwargs.get("disabled", False))
    return url.choice(container.selectbox, label, list(options) if listed is None else listed, key, options.get,
                      default=default, remember=remember, **kwargs)
