"""The app's access to the graph: which store this session uses, the graph
and the analytics, cached for every session and refreshed when the store's
version changes (each write gives a new version, so a load committed by one
session is seen by the others on their next interaction, and an upload
still being checked is seen by no one).

Caching: a store (and its Neo4j driver) is a resource; the graph and the
actor graph are resources too (large, read-only, shared: copying them for
every session, as cache_data would, costs more than it saves); results
(metrics, gaps, partners, layouts) are data. Every cached function is keyed
on (store key, version); the graph objects are passed as `_`-arguments,
which Streamlit does not hash.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import Counter
from dataclasses import dataclass

import networkx as nx
import streamlit as st

from graph.settings import value as setting
from graph.store import StoreUnavailable, configured
from interface import sentences
from interface.workspace import open_workspace

from interface.i18n import DEFAULT, LANGUAGES, t


# --- language ------------------------------------------------------------------

def lang() -> str:
    value = st.session_state.get("lang")       # the sidebar's switch, bound to ?lang=
    return value if value in LANGUAGES else DEFAULT


def tr(key: str, **values) -> str:
    return t(key, lang(), **values)


def word(prefix: str, value) -> str:
    """The interface's word for a value of the vocabulary (`kind`,
    `sphere`, `category`, `relation`), or the value itself."""
    return sentences.word(prefix, value, lang())


@st.cache_resource(show_spinner=False)
def titles() -> dict:
    """The titles of the source documents the bundled dataset cites."""
    from loaders.bundled import document_titles
    return document_titles()


def store_word(kind: str) -> str:
    """« stockage intégré » or « Neo4j »."""
    return tr(f"store.{kind}")


# --- the store of this session ---------------------------------------------------

# A session's choice is one of:
#   {"kind": "embedded"}                      the workspace the server is configured with
#   {"kind": "neo4j", "source": "configured"} the Neo4j the server is configured with (NEO4J_*):
#                                             its address may be shown, its password never leaves the server
#   {"kind": "neo4j", "source": "custom", "uri", "user", "password", "database"}
#                                             a server the visitor typed, with only what they typed; offered
#                                             only to someone on the machine itself (see custom_allowed)
CONFIGURED = {"kind": "neo4j", "source": "configured"}


def default_choice() -> dict:
    return dict(CONFIGURED) if configured()["kind"] == "neo4j" else {"kind": "embedded"}


def settings() -> dict:
    """This session's store choice (the Data page changes it; never written
    to disk, never put in the URL, never holding the server's password).
    A session whose role may not choose the store works on the server's."""
    from ui import access
    if not access.allowed("store"):
        return default_choice()
    if "store_settings" not in st.session_state:
        st.session_state["store_settings"] = default_choice()
    return st.session_state["store_settings"]


def custom_allowed() -> bool:
    """Whether this session may point the server at a Neo4j of its choosing:
    only when the app listens on this machine alone (one person, their own
    machine). On a shared instance, a visitor must not make the server
    connect to hosts and ports of their choice."""
    return str(st.get_option("server.address") or "") in ("127.0.0.1", "localhost", "::1")


@st.cache_resource(show_spinner=False)
def _embedded(home: str):
    return open_workspace("embedded", {"home": home})


@st.cache_resource(show_spinner=False)
def _neo4j(uri: str, user: str, database: str, secret: str, _password: str):
    """One driver per (server, user, database, password digest). A failed
    connection raises, and Streamlit does not cache exceptions."""
    store = open_workspace("neo4j", {"uri": uri, "user": user, "password": _password, "database": database})
    store.describe()            # fails now, with a clear message, if unreachable
    return store


def connection(choice: dict) -> dict:
    """The settings a choice stands for, read on the server."""
    server = configured()
    if choice["kind"] == "embedded":
        return {"kind": "embedded", "home": server["home"]}
    if choice.get("source") == "custom":
        if not custom_allowed():
            raise StoreUnavailable("custom_not_allowed")
        return dict(choice)
    return dict(server, kind="neo4j")


def open_store(choice: dict):
    config = connection(choice)
    if config["kind"] == "neo4j":
        secret = hashlib.sha256(config["password"].encode()).hexdigest()
        return _neo4j(config["uri"], config["user"], config["database"], secret, config["password"])
    return _embedded(config["home"])


def store_key(choice: dict) -> str:
    config = connection(choice)
    if config["kind"] == "neo4j":
        return f"neo4j:{config['user']}@{config['uri']}/{config['database']}"
    return f"embedded:{config['home']}"


# --- the graph and the analytics -----------------------------------------------------

@dataclass
class Data:
    """What a page needs: the store, its description and the graph."""
    store: object
    key: str
    version: str | None
    description: dict
    graph: nx.MultiDiGraph

    @property
    def stamp(self):
        return self.key, self.version


@st.cache_resource(show_spinner=False, max_entries=4)
def _graph(key: str, version, _store) -> nx.MultiDiGraph:
    return _store.graph()


def current() -> Data:
    """The graph of this session's store, as of its latest version. Stops
    the page with one clear line if the store cannot be reached."""
    found = reach()
    if isinstance(found, StoreUnavailable):
        st.error(tr("app.store_error", error=sentences.unavailable(found, lang())))
        st.stop()
    st.session_state["_shown"] = found.stamp          # for after_run
    return found


def reach():
    """The session's Data, or the StoreUnavailable saying why not (for a
    page that goes on without the graph: the Data page's store choice)."""
    from ui import access
    config = settings()
    try:
        store = open_store(config)
        description = store.describe()
        key = store_key(config)
        graph = _graph(key, description.get("version"), store)
    except StoreUnavailable as exc:
        return exc
    if not access.allowed("see_persons"):
        # a role that may not see persons gets a graph without them: no page can show what is not there
        # (a key of its own, so that no cached result is shared between the two graphs)
        key += "#sans-personnes"
        graph = _without_persons(key, description.get("version"), graph)
    return Data(store, key, description.get("version"), description, graph)


@st.cache_resource(show_spinner=False, max_entries=4)
def _without_persons(key: str, version, _graph) -> nx.MultiDiGraph:
    from graph.model import PERSON
    from graph.subgraph import induced
    return induced(_graph, {n for n, kind in _graph.nodes(data="kind") if kind != PERSON})


# The actor graph, the metrics and the partner score's context depend only
# on the graph's structure (graph.analytics.actor.structure): they are kept
# by that fingerprint, so that an edit that changes no tie, kind, category or
# sphere (a description, a name, a website) reuses them; the names they
# carry are read again from the version at hand.

# Each store's last fingerprinted version: the next one is fingerprinted from
# it, at the cost of what changed (graph.analytics.actor.structure's `since`).
_LAST_SHAPE = {}


@st.cache_data(show_spinner=False, max_entries=8)
def _shape(key, version, _graph) -> int:
    from graph.analytics.actor import structure
    value = structure(_graph, since=_LAST_SHAPE.get(key))
    _LAST_SHAPE[key] = (_graph, value)
    return value


def shape(data: Data) -> int:
    return _shape(*data.stamp, data.graph)


@st.cache_resource(show_spinner=False, max_entries=4)
def _actor(key, shape, _graph):
    from graph.analytics.actor import actor_graph
    return actor_graph(_graph)


def actor(data: Data) -> nx.Graph:
    return _actor(data.key, shape(data), data.graph)


@st.cache_data(show_spinner=False, max_entries=4)
def _metrics(key, shape, _actor) -> dict:
    from graph.analytics.metrics import computed_apart, organisation_metrics
    # betweenness sampled on big networks (graph/settings.py; stated on the Method page)
    big = _actor.number_of_nodes() > setting("betweenness_sample_from")
    sample = setting("betweenness_sources") if big else None
    if _actor.number_of_nodes() >= setting("metrics_later_from"):       # the server keeps answering meanwhile
        return computed_apart(_actor, seed=0, betweenness_sample=sample)
    return organisation_metrics(_actor, seed=0, betweenness_sample=sample)


@st.cache_data(show_spinner=False, max_entries=4)
def _named_metrics(key, version, _graph, _computed) -> dict:
    """The metrics (`_computed()`, called only when this version's are not
    kept yet) with each organisation's name as of this version."""
    result = _computed()
    rows = [dict(r, name=_graph.nodes[r["id"]].get("name", r["id"])) if r["id"] in _graph else r
            for r in result["rows"]]
    _finished(("metrics", key, version))
    return dict(result, rows=rows)


def _metrics_of(key, version, graph, form, actor_) -> dict:
    """The one way to a version's metrics: kept by structure, named by version."""
    return _named_metrics(key, version, graph, lambda: _metrics(key, form, actor_))


def metrics(data: Data) -> dict:
    with st.spinner(tr("app.recomputing")):
        return _metrics_of(data.key, data.version, data.graph, shape(data), actor(data))


def metrics_if_ready(data: Data) -> dict | None:
    """The metrics, if they are computed already or the network is small
    enough to compute them now; else None: they are computed on a server
    thread started once this run is over (after_run), so that the page shows
    the rest first and says what it is waiting for. Not while the page is
    drawn: igraph holds Python's lock while it computes, and the page would
    wait for it all the same."""
    if metrics_done(data) or not _big(data):
        return metrics(data)
    st.session_state.setdefault("_later", set()).add(("metrics",))
    return None


@st.fragment(run_every=2)
def waiting(ready, message: str):
    """Where a page shows what is being computed in the background
    (metrics_if_ready, partners_if_ready, synergies_if_ready): says so, and looks every two
    seconds whether `ready()`; once it is, the whole page is drawn again."""
    if ready():
        st.rerun()
    st.info(message)


def waiting_for_metrics(data: Data):
    waiting(lambda: metrics_done(data), tr("app.waiting_metrics"))


def metrics_done(data: Data) -> bool:
    """This version's metrics are computed, or their computing in the
    background stopped (then the page computes them itself)."""
    return _ready(("metrics", *data.stamp))


def _metrics_later(data: Data) -> threading.Thread | None:
    """Compute this version's metrics on a server thread (once)."""
    args = data.key, data.version, data.graph, shape(data), actor(data)
    return _later(("metrics", *data.stamp), lambda: _metrics_of(*args))


def _in_background(name: str, work) -> threading.Thread:
    """Run `work()` on a server thread that may use the caches; a failure
    is logged by its kind (a page will compute the same and say what
    failed)."""
    from streamlit.runtime.scriptrunner import add_script_run_ctx

    def run():
        try:
            work()
        except Exception as exc:
            logging.getLogger("passerelles").warning("%s stopped: %s", name, type(exc).__name__)
    thread = threading.Thread(target=run, name=name, daemon=True)
    add_script_run_ctx(thread)
    thread.start()
    return thread


@st.cache_data(show_spinner=False, max_entries=4)
def _overview(key, version, _graph) -> dict:
    from graph.analytics.overview import overview
    return overview(_graph)


def overview(data: Data) -> dict:
    """The figures of the Vue d'ensemble (the same as `python -m cli stats`)."""
    return _overview(*data.stamp, data.graph)


@st.cache_data(show_spinner=False, max_entries=4)
def _gaps(key, version, _graph, _actor) -> dict:
    from graph.analytics.gaps import gaps
    return gaps(_graph, _actor)


def gaps(data: Data) -> dict:
    with st.spinner(tr("app.recomputing")):
        return _gaps(*data.stamp, data.graph, actor(data))


@st.cache_resource(show_spinner=False, max_entries=4)
def _context(key, shape, _graph, _actor):
    """What the partner score needs about every organisation, and its
    matrices: built once per structure of the data, then each query is
    milliseconds."""
    from graph.analytics.partners import Context
    ctx = Context(_graph, _actor)
    ctx.index()
    _finished(("context", key, shape))
    return ctx


# What a page did not wait for (the metrics, the score index, the synergies),
# computed on a server thread once the run is over; marks are ("what", key, ...).
_DONE = {}                     # marks this process has computed, the last few (a dict: ordered)
_LATER = {}                    # mark -> the thread computing it


def _remember(marks: dict, mark, most: int):
    """Add `mark` to an ordered dict of marks, the oldest forgotten beyond `most`."""
    marks[mark] = True
    while len(marks) > most:
        del marks[next(iter(marks))]


def _finished(mark):
    _remember(_DONE, mark, 64)


def _ready(mark) -> bool:
    """Computed, or its computing in the background stopped (failed: the
    page then computes it itself and says what failed)."""
    running = _LATER.get(mark)
    return mark in _DONE or running is not None and not running.is_alive()


def _later(mark, work) -> threading.Thread | None:
    """Compute `work()` on a server thread, once per mark (if warm or a page
    is computing the same cached value, the thread waits for it: Streamlit
    computes a cached value once)."""
    running = _LATER.get(mark)
    if mark in _DONE or running is not None and running.is_alive():
        return None
    for done in [m for m in _LATER if m in _DONE]:
        del _LATER[done]
    thread = _in_background(f"passerelles-{mark[0]}", work)
    _LATER[mark] = thread
    return thread


def _big(data: Data) -> bool:
    """A network on which what is slow is computed after the page is shown."""
    return len(organisations(data)) >= setting("metrics_later_from")


def partners_if_ready(data: Data) -> bool:
    """Whether the potential partners can be given now: the score index is
    built, or the network is small enough to build it during the run. Else
    it is built on a server thread started once this run is over
    (after_run), and the page says what it is waiting for (waiting)."""
    if partners_done(data) or not _big(data):
        return True
    st.session_state.setdefault("_later", set()).add(("context",))
    return False


def partners_done(data: Data) -> bool:
    return _ready(("context", data.key, shape(data)))


def _context_later(data: Data) -> threading.Thread | None:
    form = shape(data)
    args = data.key, form, data.graph, actor(data)
    return _later(("context", data.key, form), lambda: _context(*args))


@st.cache_resource(show_spinner=False, max_entries=4)
def _rebased(key, version, _context, _graph):
    return _context.rebased(_graph)


def _context_of(key, version, graph, form, actor_):
    """The one way to a version's score index: built by structure, rebased on the version."""
    return _rebased(key, version, _context(key, form, graph, actor_), graph)


@st.cache_data(show_spinner=False, max_entries=16)
def _synergies(key, version, top, _graph, _context) -> list:
    from graph.analytics.partners import synergies
    found = synergies(_graph, top=top, context=_context)
    _finished(("synergies", key, version, top))
    return found


def synergies_if_ready(data: Data, top: int) -> list | None:
    """The network-wide pairs, if computed already or the network is small
    enough to score every pair during the run (25 s at 25,000
    organisations); else None, and they are computed on a server thread
    once this run is over (after_run). Raises partners.TooManyPairs for a
    network too big for every pair."""
    if synergies_done(data, top) or not _big(data):
        return synergies(data, top)
    st.session_state.setdefault("_later", set()).add(("synergies", top))
    return None


def synergies_done(data: Data, top: int) -> bool:
    return _ready(("synergies", *data.stamp, top))


def _synergies_later(data: Data, top: int) -> threading.Thread | None:
    key, version, graph, form, actor_ = data.key, data.version, data.graph, shape(data), actor(data)
    return _later(("synergies", key, version, top), lambda: _synergies(
        key, version, top, graph, _context_of(key, version, graph, form, actor_)))


def synergies(data: Data, top: int) -> list:
    """The best pairs network-wide, on the shared score index (a network
    too big for every pair is refused at once, from the cached index:
    partners.TooManyPairs, which Streamlit does not cache)."""
    with st.spinner(tr("app.recomputing")):
        return _synergies(*data.stamp, top, data.graph, context(data))


@st.cache_data(show_spinner=False, max_entries=64)
def _partners(key, version, org, top, _graph, _context) -> list:
    from graph.analytics.partners import potential_partners
    return potential_partners(_graph, org, top=top, context=_context)


def context(data: Data):
    """What the partner score needs, built once per version of the data."""
    with st.spinner(tr("app.recomputing")):
        return _context_of(data.key, data.version, data.graph, shape(data), actor(data))


def thin_record(data: Data, org: str) -> list:
    """What the organisation's record lacks for good suggestions (partners.thin_record)."""
    from graph.analytics.partners import thin_record as thin
    return thin(context(data), org)


def working_together(data: Data, org: str) -> dict:
    """Organisations already working with `org` on a project, and which."""
    from graph.analytics.partners import working_together as together
    return together(actor(data), org)


def partners(data: Data, org: str, top: int = 10) -> list:
    return _partners(*data.stamp, org, top, data.graph, context(data))


@st.cache_data(show_spinner=False, max_entries=4)
def _map_places(key, version, _graph) -> tuple:
    from graph.analytics.partners import territory_pairs
    from interface import maps
    rows, missing = maps.placed(_graph)
    return rows, missing, maps.pair_strength(_graph, territory_pairs(_graph))


def map_places(data: Data) -> tuple:
    """(territories placed on the map, how many could not be, organisations
    acting on both sides of each pairing): once per version of the data,
    not at every click on the map page."""
    return _map_places(*data.stamp, data.graph)


@st.cache_data(show_spinner=False, max_entries=4)
def _duplicates(key, version, _graph) -> list:
    from graph.analytics.duplicates import probable_duplicates
    return probable_duplicates(_graph)


def duplicates(data: Data) -> list:
    """Probable duplicate organisations, most likely first."""
    with st.spinner(tr("app.recomputing")):
        return _duplicates(*data.stamp, data.graph)


@st.cache_data(show_spinner=False, max_entries=8)
def _names(key, version, kind, _graph) -> dict:
    """id -> the label a list shows: the name, and the id after it when
    another element's name looks the same (a twin or a look-alike must not
    pass for the real one)."""
    from graph.names import skeleton
    found = {n: str(d.get("name", n)) for n, d in _graph.nodes(data=True) if d.get("kind") == kind}
    looks = Counter(skeleton(name) for name in found.values())
    labels = {n: f"{name} ({n})" if looks[skeleton(name)] > 1 else name for n, name in found.items()}
    return dict(sorted(labels.items(), key=lambda kv: (kv[1].casefold(), kv[0])))


@st.cache_data(show_spinner=False, max_entries=4)
def _tie_targets(key, version, language, _graph) -> dict:
    from graph.model import PERSON
    found = {n: f"{d.get('name', n)} ({sentences.word('kind', d.get('kind'), language)})"
             for n, d in _graph.nodes(data=True) if d.get("kind") != PERSON}
    return dict(sorted(found.items(), key=lambda kv: kv[1].casefold()))


def tie_targets(data: Data) -> dict:
    """id -> "name (kind)" of every element a tie may go to, sorted: built
    once per version and language (50,000 labels at 25,000 organisations)."""
    return _tie_targets(*data.stamp, lang(), data.graph)


def organisations(data: Data) -> dict:
    """id -> name of every organisation, sorted by name."""
    return _names(*data.stamp, "Organisation", data.graph)


def named(data: Data, kind: str) -> dict:
    """id -> name of every node of `kind`, sorted by name."""
    return _names(*data.stamp, kind, data.graph)


# --- after a load: the analytics computed in the background ---------------------------

def warm_after_run():
    """Warm the caches for the data as just written once this session's page
    has been drawn again (app.py calls after_run at the end of a run): a
    thread computing meanwhile would slow the page that shows the change
    (measured: ×1.16 at 3,000 organisations), which computes much of it
    anyway."""
    st.session_state["_warm_pending"] = True


_SEEN = {}                     # the versions (stamps) after_run has considered, the last few (a dict: ordered)


def after_run():
    """At the end of a run (app.py): the work a page asked to be done once it
    is shown: warm() after a write (warm_after_run) or for a big network's
    version this server had not seen (changed outside the app: the command
    line, another server), the metrics, the score index and the synergies a
    page did not wait for (metrics_if_ready, partners_if_ready,
    synergies_if_ready)."""
    warm_asked, later = (st.session_state.pop(k, False) for k in ("_warm_pending", "_later"))
    shown = st.session_state.get("_shown")
    new = shown is not None and shown not in _SEEN
    if not (warm_asked or later or new):
        return
    data = current()
    if warm_asked or data.stamp not in _SEEN and _big(data):
        warm(data)
    for stamp in {data.stamp, shown} - {None}:
        _remember(_SEEN, stamp, 16)
    for what in later or ():
        if what == ("metrics",):
            _metrics_later(data)
        elif what == ("context",):
            _context_later(data)
        else:
            _synergies_later(data, what[1])


def warm(data: Data) -> threading.Thread | None:
    """Start computing, on a server thread, what the pages need for the data
    as just written (the graph, the actor graph, the overview, the
    indicators, the gaps, the score index), so that whoever opens a page
    next finds it ready instead of starting it. A page that asks meanwhile
    waits for this work rather than repeating it (Streamlit computes a
    cached value once, under a lock per key). PASSERELLES_WARM=0 turns it
    off (the bench compares)."""
    if os.environ.get("PASSERELLES_WARM", "1") == "0":
        return None
    store, key = data.store, data.key

    def work():
        version = store.describe().get("version")
        graph = _graph(key, version, store)
        form = _shape(key, version, graph)
        actor_ = _actor(key, form, graph)
        _overview(key, version, graph)
        # the metrics on a thread of their own: on a big network they are computed in a helper process, and
        # the gaps and the score index need not wait for them
        metrics = _in_background("passerelles-warm", lambda: _metrics_of(key, version, graph, form, actor_))
        _gaps(key, version, graph, actor_)
        _context_of(key, version, graph, form, actor_)
        metrics.join()
    return _in_background("passerelles-warm", work)
