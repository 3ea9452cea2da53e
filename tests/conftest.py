import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REALDATA = SHARED / "realdata"
SOURCES = SHARED / "sources"
REPORT = SOURCES / "003_b1508604df3e3375.txt"
KUMU = REALDATA / "networks" / "deep_sea_mining_kumu"
BUNDLED = sorted((ROOT / "data").glob("*.csv"))
ATELIER = "Atelier territorial « Agir ensemble à l'international pour innover ici ! »"


def need(path: Path):
    """Skip, with the reason, when a shared file is not beside the project."""
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared folder is not beside the project)")
    return path


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh workspace for the embedded store."""
    monkeypatch.setenv("PASSERELLES_HOME", str(tmp_path / "ws"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    return tmp_path / "ws"


@pytest.fixture
def empty_store(home):
    from graph.store.memory import MemoryStore
    store = MemoryStore(home)
    store.reset()
    return store


@pytest.fixture
def bundled_store(home):
    from graph.store.memory import MemoryStore
    return MemoryStore(home)


def run_cli(*args, home=None, check=None):
    """Run `python -m graph` in a subprocess, as a user would."""
    env = dict(os.environ)
    if home is not None:
        env["PASSERELLES_HOME"] = str(home)
    env.pop("NEO4J_URI", None)
    proc = subprocess.run([sys.executable, "-m", "graph", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


def cli_json(*args, home=None, check=0):
    return json.loads(run_cli(*args, "--json", home=home, check=check).stdout)
