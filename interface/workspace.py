"""Opening the store an interface works on. A new embedded workspace starts
with the bundled dataset: the store itself knows nothing of the loaders, so
whoever opens it seeds it."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from graph.model import slug
from graph.store import BatchRejected, Store, open_store, workspace_home
from loaders.bundled import bundled_batch
from loaders.mapping import Mapping, MappingError


def seed(store: Store) -> bool:
    """Load the bundled dataset into an embedded workspace never written to;
    True when it did. Two sessions seeding at once: the second finds the
    data there and changes nothing (the merge rule)."""
    if store.name != "embedded" or store.describe().get("version") is not None:
        return False
    batch = bundled_batch()
    if batch.errors:
        raise BatchRejected(batch.errors)
    store.apply(batch)
    return True


def open_workspace(kind: str | None = None, settings: dict | None = None) -> Store:
    """open_store, seeded when new."""
    store = open_store(kind, settings)
    seed(store)
    return store


# --- column mappings saved for the next export of a directory ----------------------------

def mappings_folder(home: Path | None = None) -> Path:
    """Where the instance keeps its saved column mappings (TOML files), beside
    the embedded store's workspace whichever store a session uses."""
    return Path(home or workspace_home()) / "mappings"


def saved_mappings(home: Path | None = None) -> dict:
    """Name -> Mapping of every mapping saved on this instance (a file that
    no longer reads is left out)."""
    out = {}
    folder = mappings_folder(home)
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        try:
            mapping = Mapping.from_toml(path.read_text(encoding="utf-8"), path.name)
        except (MappingError, OSError, UnicodeDecodeError):
            continue
        out[mapping.name or path.stem] = mapping
    return out


def save_mapping(mapping: Mapping, home: Path | None = None) -> Path:
    """Write a mapping under its name, whole or not at all (a temporary file
    renamed over the old one)."""
    folder = mappings_folder(home)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{slug(mapping.name) or 'correspondance'}.toml"
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=".mapping-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as fh:
            fh.write(mapping.to_toml())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target
