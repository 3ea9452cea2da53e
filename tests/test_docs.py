"""The README says what the code does: its table of settings is the
settings table, and every command of the command line is in it."""
import re

from conftest import ROOT

from cli.main import parser
from graph.settings import SETTINGS

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_lists_every_setting_with_its_value():
    rows = re.findall(r"^\| `([\w.]+)` \| ([\d_.]+) \| (.+?) \|$", README, re.M)
    documented = [(name, float(value.replace("_", "")), text) for name, value, text in rows]
    assert documented == [(s.name, float(s.value), s.help) for s in SETTINGS]


def test_every_command_is_in_the_readme():
    commands = parser()._subparsers._group_actions[0].choices
    assert len(commands) >= 8
    assert [c for c in commands if f"python -m cli {c}" not in README] == []


def test_the_method_page_quotes_the_settings(home):
    from apptest import texts, visit
    said = texts(visit("method")).replace("\\", "")
    assert "Au-delà de 5\u202f000 organisations, l'intermédiarité est estimée à partir de 500 sources" in said
    assert "un partenariat pèse 1, une adhésion 0,6" in said
