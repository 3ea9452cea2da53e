"""Who this browser session is and what it may do, checked on the server at
every page and every action (interface/access.py says the rules).

Sign-in is Streamlit's own (st.login, OpenID Connect), configured in
.streamlit/secrets.toml under [auth]; roles come from the roles file
(PASSERELLES_ROLES, by default .streamlit/roles.toml). Without sign-in the
app is one person's on their own machine (every right), or the read-only
public mode when the roles file chooses it; on any other address it serves
nothing but how to configure sign-in."""
from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from interface import access
from interface.access import Policy, PolicyError
from ui.safe import plain
from ui.state import tr

def policy() -> Policy:
    """The roles file's policy (re-read when the file changes: no restart)."""
    return access.policy_at(access.roles_path())


def sign_in() -> bool:
    """Whether sign-in is configured ([auth] in the secrets)."""
    try:
        return "auth" in st.secrets
    except StreamlitSecretNotFoundError:        # no secrets file, or one that cannot be read
        return False


def address() -> str:
    return str(st.get_option("server.address") or "")


def email() -> str | None:
    """The signed-in e-mail, if the provider vouches for it: an e-mail the
    provider says is not verified (email_verified false) gives no role."""
    if sign_in() and st.user.is_logged_in and st.user.get("email_verified") is not False:
        return str(st.user.get("email") or "") or None
    return None


def role() -> str | None:
    """This session's role, decided on the server at every run from the
    signed-in identity (nothing the page sends can set it)."""
    return access.session_role(sign_in(), email(), address(), policy())


def allowed(action: str) -> bool:
    return access.allows(role(), action, policy())


def refused(action: str) -> bool:
    """For an action's own code: True, with a sentence saying so, when this
    session may not do it (a forged click lands here, not in the store)."""
    if allowed(action):
        return False
    st.error(refusal(action))
    return True


def refusal(action: str) -> str:
    """« Votre rôle (lecteur) ne permet pas de charger des fichiers… »"""
    return tr("access.refused", action=tr(f"access.action.{action}"), role=role_word(role()))


def require(action: str) -> None:
    """Stop the page here unless this session may do `action`."""
    if refused(action):
        st.stop()


def role_word(value: str | None) -> str:
    return tr(f"access.role.{value or 'none'}")


def who() -> str:
    """The author recorded on a change: the signed-in e-mail; without
    sign-in, the name typed in the sidebar."""
    signed = email()
    if signed:
        return signed
    return str(st.session_state.get("who") or "").strip()


def page_allowed(key: str) -> bool:
    return access.may_see_page(role(), key, policy())


def gate() -> None:
    """Before any page: refuse to serve an exposed instance without
    sign-in; ask to sign in; say when an account has no role. Stops the run
    in each case; otherwise shows who is signed in, in the sidebar."""
    try:
        rules = policy()
    except PolicyError as exc:
        st.error(tr("access.roles_error", path=str(access.roles_path()), error=tr(f"access.{exc.code}", **exc.values)))
        st.stop()
    if access.exposure(address(), sign_in(), rules):
        st.title("Passerelles")
        st.error(tr("access.exposed", address=address() or "0.0.0.0", how=tr("access.how")))
        st.stop()
    current = role()
    if current is None:
        st.title("Passerelles")
        if not st.user.is_logged_in:
            st.write(tr("access.sign_in_intro"))
            st.button(tr("access.sign_in"), type="primary", on_click=st.login, key="sign_in")
        else:
            st.warning(tr("access.no_role", email=plain(str(st.user.get("email") or "?"))))
            st.button(tr("access.sign_out"), on_click=st.logout, key="sign_out")
        st.stop()
    with st.sidebar:
        if email():
            st.caption(tr("access.signed_in", email=plain(email()), role=role_word(current)))
            st.button(tr("access.sign_out"), on_click=st.logout, key="sign_out")
        elif current == access.PUBLIC:
            st.caption(tr("access.public"))
            if sign_in():
                st.button(tr("access.sign_in"), on_click=st.login, key="sign_in")
        else:
            st.text_input(tr("app.who"), key="who", help=tr("app.who_help"))
