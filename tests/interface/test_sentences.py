"""Findings and problems come from graph/ and loaders/ as codes and values;
the interfaces write them in the user's language. Every code the code can
produce has its sentence in both languages."""
import re

import networkx as nx
import pytest
from conftest import BUNDLED, ROOT

from graph.analytics.gaps import gaps
from graph.analytics.partners import Context, evidence, potential_partners
from graph.merge import apply_batch
from graph.model import Problem
from interface import sentences
from interface.i18n import TEXTS
from loaders import load_paths

CODE = re.compile(r"""(?:where\([^,()]*,\s*|Problem\([^()]*?,\s*[^,()]*,\s*[^,()]*,\s*)"([a-z_]+)"|(?:return|else)\s+\("([a-z_]+)",\s*\{""")


def problem_codes() -> set:
    codes = set()
    for folder in ("graph", "loaders"):
        for path in (ROOT / folder).rglob("*.py"):
            for match in CODE.finditer(path.read_text(encoding="utf-8")):
                codes.add(match.group(1) or match.group(2))
    return codes


def test_every_problem_code_has_a_sentence():
    codes = problem_codes()
    assert len(codes) > 60 and {"not_in_graph", "unknown_type", "formula", "control_character"} <= codes
    assert sorted(c for c in codes if f"problem.{c}" not in TEXTS) == []


@pytest.fixture(scope="module")
def graph():
    return apply_batch(nx.MultiDiGraph(), load_paths(BUNDLED))[0]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_finding_is_said_in_both_languages(graph, lang):
    name_of = sentences.names_in(graph)
    said = [sentences.finding(f, name_of, lang) for found in gaps(graph).values() for f in found]
    assert len(said) > 50 and all(s and "{" not in s for s in said)
    ctx = Context(graph)
    reasons = [sentences.reason(item, name_of, lang) for org in list(ctx.actor)[:20]
               for cand in potential_partners(graph, org, context=ctx) for item in cand["evidence"]]
    assert {"partners", "themes", "paired", "co_event"} <= {item["code"] for org in list(ctx.actor)[:20]
                                             for cand in potential_partners(graph, org, context=ctx)
                                             for item in cand["evidence"]}
    assert all("org:" not in r and "ter:" not in r for r in reasons)      # names, never ids


def test_french_and_english_say_the_same_evidence(graph):
    ctx = Context(graph)
    items = evidence(ctx, "org:emdk", "org:cr-npdc-picardie")
    name_of = sentences.names_in(graph)
    french, english = sentences.reasons(items, name_of, "fr"), sentences.reasons(items, name_of, "en")
    assert "territoires jumelés (ici / là-bas) : Kayes ↔ Nord-Pas-de-Calais" in french
    assert french[-1] == "sphère complémentaire : pouvoirs publics"
    assert "paired territories (here / there): Kayes ↔ Nord-Pas-de-Calais" in english
    assert english[-1] == "complementary sphere: public authorities" and len(english) == len(french)


def test_a_problem_names_its_element_in_a_graph_file():
    found = Problem("g.json", 3, "name", "empty_name", {"element": "node", "element_id": "org:x"})
    assert sentences.problem(found, "fr") == "nœud « org:x » : le nom est vide"
    assert sentences.problem(found, "en") == "node “org:x”: the name is empty"
    assert sentences.place(found) == "g.json:3:name"


def test_numbers_the_french_way():
    assert sentences.number(20_000, "fr") == "20\u202f000" and sentences.number(0.5, "fr") == "0,5"
