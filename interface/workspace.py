"""Opening the store an interface works on. A new embedded workspace starts
with the bundled dataset: the store itself knows nothing of the loaders, so
whoever opens it seeds it."""
from __future__ import annotations

from graph.store import BatchRejected, Store, open_store
from loaders.bundled import bundled_batch


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
