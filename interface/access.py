"""Who may do what on a shared instance: the roles, the actions each one
allows, and the roles file that gives them (an e-mail, a domain or anyone
signed in → a role). Pure: the app (ui/access.py) asks it with the
signed-in identity; the CLI is the operator's tool and asks nothing.

    >>> policy = read_policy('[roles]\\n"camille@reseau.org" = "administrateur"\\n"@reseau.org" = "éditeur"')
    >>> role_of(policy, "Camille@Reseau.org"), role_of(policy, "sam@reseau.org"), role_of(policy, "x@ailleurs.fr")
    ('admin', 'editor', None)
    >>> allows("editor", "load", policy), allows("editor", "erase", policy), allows("reader", "see_persons", policy)
    (True, False, False)
"""
from __future__ import annotations

import functools
import ipaddress
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

# Each role includes what the one before allows. "public" is the read-only
# public mode (no sign-in): a reader who never sees a person. "local" is one
# person on their own machine, without sign-in: every right, as an admin.
ROLES = ("reader", "editor", "admin")
PUBLIC, LOCAL = "public", "local"

# the words a roles file may use, in French or English
ROLE_WORDS = {"lecteur": "reader", "lectrice": "reader", "reader": "reader",
              "éditeur": "editor", "editeur": "editor", "éditrice": "editor", "editrice": "editor", "editor": "editor",
              "administrateur": "admin", "administratrice": "admin", "admin": "admin"}

# action -> the least role that may do it
ACTIONS = {
    "see_persons": "editor",        # readers too when the instance says so ([instance] readers_see_persons)
    "see_contacts": "editor",
    "see_journal": "editor",        # who changed what, with colleagues' e-mails and persons' names
    "see_follow_ups": "editor",
    "see_duplicates": "editor",
    "load": "editor",               # upload, check, load, map columns
    "edit": "editor",               # fields, ties, new elements
    "follow_up": "editor",
    "merge": "editor",              # merge two duplicates or say they differ (undoable from the journal)
    "undo": "editor",
    "export": "editor",             # every download of the graph or of a table, without contacts
    "export_contacts": "admin",
    "erase": "admin",               # erase a person with every trace (not undoable)
    "store": "admin",               # choose the store this session works on
}

# the pages a role needs an action to see
PAGE_ACTIONS = {"followups": "see_follow_ups", "duplicates": "see_duplicates", "journal": "see_journal"}

class PolicyError(ValueError):
    """A roles file that cannot be read: what is wrong, and where."""

    def __init__(self, code: str, **values):
        super().__init__(code)
        self.code, self.values = code, values


@dataclass(frozen=True)
class Policy:
    roles: dict = field(default_factory=dict)   # "e-mail", "@domain" or "*" -> role
    readers_see_persons: bool = False
    public: bool = False                        # read-only public mode when nobody signs in


def read_policy(text: str) -> Policy:
    """The policy a roles file says; PolicyError for a role word it does
    not know or a section it does not expect."""
    try:
        found = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError("roles_syntax", error=str(exc)) from None
    unknown = set(found) - {"roles", "instance"}
    if unknown:
        raise PolicyError("roles_section", section=sorted(unknown)[0])
    roles = {}
    for who, word in found.get("roles", {}).items():
        role = ROLE_WORDS.get(str(word).strip().casefold())
        if role is None:
            raise PolicyError("roles_word", who=who, word=word)
        roles[who.strip().casefold()] = role
    instance = found.get("instance", {})
    return Policy(roles, bool(instance.get("readers_see_persons", False)), bool(instance.get("public", False)))


ROLES_FILE = Path(__file__).resolve().parents[1] / ".streamlit" / "roles.toml"


def roles_path(env=os.environ) -> Path:
    """The roles file: PASSERELLES_ROLES, else .streamlit/roles.toml."""
    return Path(env.get("PASSERELLES_ROLES") or ROLES_FILE)


def policy_at(path: Path) -> Policy:
    """The policy a roles file says (none: nobody signed in has a role,
    nothing is public). Read again only when the file changes: the app
    asks at every check of every run."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return Policy()
    return _read(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _read(path: str, mtime_ns: int, size: int) -> Policy:
    return read_policy(Path(path).read_text(encoding="utf-8"))


def role_of(policy: Policy, email: str | None) -> str | None:
    """The role of a signed-in e-mail: its own line, else its domain's
    ("@reseau.org"), else anyone's ("*"); None when the file gives none."""
    if not email:
        return None
    email = email.strip().casefold()
    domain = "@" + email.rpartition("@")[2] if "@" in email else None
    for key in (email, domain, "*"):
        if key in policy.roles:
            return policy.roles[key]
    return None


def allows(role: str | None, action: str, policy: Policy) -> bool:
    """Whether `role` may do `action` (an unknown action is refused)."""
    if action not in ACTIONS or role is None:
        return False
    if role == LOCAL:
        return True
    if role == PUBLIC:
        return False
    if action == "see_persons" and role == "reader" and policy.readers_see_persons:
        return True
    return ROLES.index(role) >= ROLES.index(ACTIONS[action])


def may_see_page(role: str | None, page: str, policy: Policy) -> bool:
    return role is not None and (page not in PAGE_ACTIONS or allows(role, PAGE_ACTIONS[page], policy))


def is_loopback(address: str | None) -> bool:
    """Whether the server listens on this machine alone. Streamlit's
    default (no address) listens on every interface."""
    address = (address or "").strip().strip("[]")
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False                    # "", a host name, "0.0.0.0" is not an address of this machine alone


def exposure(address: str | None, sign_in: bool, policy: Policy) -> str | None:
    """Why the app must not serve, or None: on an address other machines
    reach, without sign-in, unless the read-only public mode is chosen."""
    if is_loopback(address) or sign_in or policy.public:
        return None
    return "open_without_sign_in"


def session_role(sign_in: bool, signed_in_email: str | None, address: str | None, policy: Policy) -> str | None:
    """The role of a browser session: from the roles file once signed in;
    the read-only public mode (when chosen) for whoever has no role; every
    right for one person on their own machine (no sign-in, loopback); None
    otherwise (not signed in yet, or signed in without a role)."""
    if sign_in and signed_in_email:
        role = role_of(policy, signed_in_email)
        if role is not None:
            return role
    if policy.public:
        return PUBLIC
    if sign_in:
        return None
    return LOCAL if is_loopback(address) else None
