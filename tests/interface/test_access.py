"""The rules of a shared instance: roles from the roles file, what each role
allows, and when the app must refuse to serve."""
import pytest

from interface.access import (ACTIONS, LOCAL, PUBLIC, Policy, PolicyError, allows, exposure, is_loopback,
                              may_see_page, read_policy, role_of, session_role)

ROLES_FILE = """
[roles]
"camille@reseau.org" = "administrateur"
"@reseau.org" = "éditeur"
"sam@ailleurs.fr" = "Lecteur"
"""


def test_a_role_comes_from_the_email_then_the_domain_then_anyone():
    policy = read_policy(ROLES_FILE)
    assert role_of(policy, "camille@reseau.org") == "admin"
    assert role_of(policy, " CAMILLE@Reseau.ORG ") == "admin"
    assert role_of(policy, "dominique@reseau.org") == "editor"
    assert role_of(policy, "sam@ailleurs.fr") == "reader"
    assert role_of(policy, "lou@ailleurs.fr") is None
    assert role_of(policy, "lou@sous.reseau.org") is None         # a domain is not its subdomains
    assert role_of(policy, None) is None
    anyone = read_policy(ROLES_FILE + '"*" = "reader"\n')
    assert role_of(anyone, "lou@ailleurs.fr") == "reader" and role_of(anyone, "camille@reseau.org") == "admin"


def test_what_each_role_may_do():
    policy = Policy()
    table = {action: [allows(role, action, policy) for role in ("reader", "editor", "admin")] for action in ACTIONS}
    assert table["load"] == table["edit"] == table["undo"] == table["follow_up"] == [False, True, True]
    assert table["export"] == table["merge"] == table["see_contacts"] == [False, True, True]
    assert table["erase"] == table["store"] == table["export_contacts"] == [False, False, True]
    assert table["see_persons"] == [False, True, True]
    assert allows("reader", "see_persons", Policy(readers_see_persons=True))
    assert all(allows(LOCAL, action, policy) for action in ACTIONS)
    assert not any(allows(PUBLIC, action, Policy(readers_see_persons=True, public=True)) for action in ACTIONS)
    assert not any(allows(None, action, policy) for action in ACTIONS)
    assert not allows("admin", "launch_rockets", policy)


def test_pages_a_reader_does_not_see():
    policy = Policy()
    hidden = {p for p in ("overview", "actor", "journal", "followups", "duplicates", "data")
              if not may_see_page("reader", p, policy)}
    assert hidden == {"journal", "followups", "duplicates"}
    assert may_see_page("editor", "journal", policy) and not may_see_page(None, "overview", policy)


def test_an_unreadable_roles_file_says_what_and_where():
    with pytest.raises(PolicyError) as bad_word:
        read_policy('[roles]\n"a@b.org" = "chef"\n')
    assert bad_word.value.code == "roles_word" and bad_word.value.values == {"who": "a@b.org", "word": "chef"}
    with pytest.raises(PolicyError) as bad_section:
        read_policy('[role]\n"a@b.org" = "lecteur"\n')
    assert bad_section.value.values == {"section": "role"}
    with pytest.raises(PolicyError) as syntax:
        read_policy('[roles]\na@b.org = lecteur\n')
    assert syntax.value.code == "roles_syntax"


@pytest.mark.parametrize("address, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                               ("[::1]", True), ("127.0.0.2", True), ("0.0.0.0", False),
                                               ("::", False), ("192.168.1.10", False), ("", False),
                                               ("passerelles.reseau.org", False)])
def test_loopback_addresses(address, loopback):
    assert is_loopback(address) is loopback


def test_an_exposed_instance_needs_sign_in_or_the_public_mode():
    assert exposure("127.0.0.1", False, Policy()) is None
    assert exposure("0.0.0.0", False, Policy()) == "open_without_sign_in"
    assert exposure("", False, Policy()) == "open_without_sign_in"       # Streamlit's default: every interface
    assert exposure("0.0.0.0", True, Policy()) is None
    assert exposure("0.0.0.0", False, Policy(public=True)) is None


def test_the_role_of_a_session():
    policy = read_policy(ROLES_FILE)
    assert session_role(False, None, "127.0.0.1", policy) == LOCAL
    assert session_role(False, None, "0.0.0.0", policy) is None
    assert session_role(True, None, "127.0.0.1", policy) is None          # sign-in configured: sign in first
    assert session_role(True, "camille@reseau.org", "0.0.0.0", policy) == "admin"
    assert session_role(True, "lou@ailleurs.fr", "0.0.0.0", policy) is None
    public = Policy(policy.roles, public=True)
    assert session_role(False, None, "0.0.0.0", public) == PUBLIC
    assert session_role(True, None, "0.0.0.0", public) == PUBLIC
    assert session_role(True, "lou@ailleurs.fr", "0.0.0.0", public) == PUBLIC
    assert session_role(True, "dominique@reseau.org", "0.0.0.0", public) == "editor"
