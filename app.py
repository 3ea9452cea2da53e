"""Passerelles, the app: `streamlit run app.py`.

One module per page under ui/, routed here by st.navigation. The language
(French by default, kept in the URL) is chosen here, in the sidebar, for
every page; then ui/access.py decides who this session is (sign-in, role)
and the menu holds the pages its role may see; a page that fails says so in
a sentence (ui/failure.py)."""


def main():
    import streamlit as st

    from interface.i18n import DEFAULT, LANGUAGES
    from ui import access, url
    from ui.failure import failures_said
    from ui.routes import PAGES, page
    from ui.state import after_run, settings, store_word, tr

    st.set_page_config(page_title="Passerelles", page_icon="🌍", layout="wide")
    with st.sidebar:
        url.choice(st.segmented_control, "Langue / Language", LANGUAGES, "lang",
                   {"fr": "Français", "en": "English"}.get, default=DEFAULT, required=True)
    access.gate()
    navigation = st.navigation([page(key) for key in PAGES if access.page_allowed(key)])
    with st.sidebar:
        st.caption(tr("app.store", store=store_word(settings()["kind"])))
    with failures_said():
        navigation.run()
    after_run()             # what the page asked for once it is shown: analytics computed in the background


# Streamlit runs this file as __main__; the helper process of
# graph.analytics.worker ("spawn") imports it again as __mp_main__, where the
# app must not run.
if __name__ == "__main__":
    main()
