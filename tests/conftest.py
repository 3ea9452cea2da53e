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
    monkeypatch.setenv("PASSERELLES_ROLES", str(tmp_path / "roles.toml"))     # none until a test writes one
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
    """A new workspace, seeded with the bundled dataset as the interfaces do."""
    from interface.workspace import open_workspace
    return open_workspace("embedded", {"home": str(home)})


def run_cli(*args, home=None, check=None, env=None):
    """Run `python -m cli` in a subprocess, as a user would; `env` adds
    variables (NEO4J_URI is unset unless given there)."""
    extra = env or {}
    env = dict(os.environ)
    if home is not None:
        env["PASSERELLES_HOME"] = str(home)
    env.pop("NEO4J_URI", None)
    env.update(extra)
    proc = subprocess.run([sys.executable, "-m", "cli", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    if check is not None:
        assert proc.returncode == check, proc.stdout + proc.stderr
    return proc


def cli_json(*args, home=None, check=0, env=None):
    return json.loads(run_cli(*args, "--json", home=home, check=check, env=env).stdout)


# --- Neo4j: a real server, started by the project's own script --------------------

def _read_env(path):
    return dict(line.split("=", 1) for line in path.read_text().split() if "=" in line)


@pytest.fixture(scope="session")
def neo4j_settings():
    """Settings of the local Neo4j (scripts/neo4j). Started here when it is not
    running, and stopped at the end. Skipped only when Java or Maven is absent,
    and never in CI."""
    import shutil
    env_file = ROOT / ".neo4j" / "env"
    started = False
    if not env_file.exists():
        missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
        if missing:
            if os.environ.get("CI"):
                pytest.fail(f"{' and '.join(missing)} not found: CI must run the Neo4j tests")
            pytest.skip(f"Neo4j tests need Java 17 and Maven ({' and '.join(missing)} not found)")
        proc = subprocess.run([str(ROOT / "scripts" / "neo4j"), "start"], capture_output=True, text=True,
                              timeout=900)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        started = True
    settings = _read_env(env_file)
    yield {"uri": settings["NEO4J_URI"], "user": settings["NEO4J_USER"],
           "password": settings["NEO4J_PASSWORD"], "database": settings["NEO4J_DATABASE"]}
    if started:
        subprocess.run([str(ROOT / "scripts" / "neo4j"), "stop"], capture_output=True, timeout=120)


@pytest.fixture
def neo4j_store(neo4j_settings):
    from graph.store.neo4j import Neo4jStore
    store = Neo4jStore(**neo4j_settings)
    store.reset()
    yield store
    store.close()


@pytest.fixture(params=["embedded", "neo4j"])
def store(request, home):
    """An empty store of each kind: the contract suite runs on both."""
    if request.param == "embedded":
        from graph.store.memory import MemoryStore
        store = MemoryStore(home)
        store.reset()
        return store
    return request.getfixturevalue("neo4j_store")
