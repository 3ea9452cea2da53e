"""Helpers of the app's tests: open a page through app.py, read what it says."""
from streamlit.testing.v1 import AppTest

from conftest import ROOT

PAGE_FILES = {"overview": "ui/overview.py", "explorer": "ui/explorer.py", "actor": "ui/actor.py",
              "opportunities": "ui/opportunities.py", "gaps": "ui/gaps.py", "territories": "ui/territories.py", "duplicates": "ui/duplicates.py",
              "followups": "ui/followups.py",
              "journal": "ui/journal.py",
              "data": "ui/data.py", "method": "ui/method.py"}


# [auth] as Streamlit reads it (st.login is not called by AppTest: the browser test signs in for real)
SIGN_IN = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "test-only",
           "client_id": "passerelles", "client_secret": "test-only",
           "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}


def visit(page: str, at: AppTest | None = None, signed_in=None, **query) -> AppTest:
    """Open `page` through app.py, as a browser would, with `query` in the
    URL; a new session unless `at` is given. `signed_in`: None, no sign-in
    configured (one person on their own machine); False, sign-in
    configured and nobody signed in; an e-mail, signed in as that e-mail."""
    if at is None:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        if signed_in is not None:
            at.secrets["auth"] = dict(SIGN_IN)
            at.user = {"is_logged_in": True, "email": signed_in} if signed_in else {"is_logged_in": False}
        for key, value in query.items():        # a shared link: the URL is there from the first run
            at.query_params[key] = value
        at.run()
    at.switch_page(PAGE_FILES[page])
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    """Everything the page says in Markdown, captions, headings and alerts."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                                  "error", "success") for e in getattr(at, kind)]
    return "\n".join(map(str, parts))


def frames(at: AppTest) -> list:
    """The HTML of every st.iframe on the page (the network drawings)."""
    return [element.proto.srcdoc for element in at.get("iframe")]


def shown_cells(table) -> "pd.DataFrame":
    """What a table (at.dataframe[i]) shows in its cells: the values as
    formatted for the reader where the app formats them, else the values."""
    import pyarrow as pa
    styler = table.proto.arrow_data.styler
    if not styler.display_values:
        return table.value
    return pa.ipc.open_stream(styler.display_values).read_pandas()


def background_done(timeout: float = 120):
    """Wait for the app's server threads (ui/state._in_background names
    them passerelles-...) to end."""
    import threading
    for thread in threading.enumerate():
        if thread.name.startswith("passerelles-"):
            thread.join(timeout=timeout)


def held_back(monkeypatch, owner, name: str):
    """`owner.name` (a function or a method) made to wait for the returned
    event before it does its work: what a page computes in the background,
    caught while it is still under way."""
    import threading
    release, real = threading.Event(), getattr(owner, name)

    def slow(*args, **kwargs):
        release.wait(timeout=60)
        return real(*args, **kwargs)
    monkeypatch.setattr(owner, name, slow)
    return release


def big_from(monkeypatch, organisations: int = 10):
    """The app treats a network of `organisations` as big (metrics_later_from):
    what is slow there is computed after the page is shown."""
    from graph.settings import value as setting
    from ui import state
    monkeypatch.setattr(state, "setting", lambda name: organisations if name == "metrics_later_from"
                        else setting(name))
