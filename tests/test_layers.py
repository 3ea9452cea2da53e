"""Imports run one way: files → loaders → graph → interfaces. graph/ (the
vocabulary, the store, the analytics) imports neither the loaders nor an
interface; loaders/ imports no interface. Every import counts, including
those inside functions."""
import ast
from pathlib import Path

from conftest import ROOT

PACKAGES = ("graph", "loaders", "interface", "ui", "cli", "bench")
INTERFACES = {"interface", "ui", "cli", "app"}
FORBIDDEN = {"graph": {"loaders"} | INTERFACES, "loaders": INTERFACES}


def imports_between_folders() -> set:
    """(importing folder, imported folder) for every import of the project's
    own packages."""
    arrows = set()
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top in PACKAGES + ("app",) and top != package:
                        arrows.add((package, top))
    return arrows


def test_no_import_runs_back_up():
    arrows = imports_between_folders()
    backwards = sorted((a, b) for a, b in arrows if b in FORBIDDEN.get(a, ()))
    assert backwards == [], backwards
    # the drawing the README shows is what the code does
    assert ("loaders", "graph") in arrows and ("cli", "loaders") in arrows and ("ui", "graph") in arrows


def test_the_app_only_routes():
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "st.navigation" in source and len(source.splitlines()) < 40
    assert not Path(ROOT / "graph" / "__main__.py").exists()
