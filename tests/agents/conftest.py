"""A shared real store (SQLite + Chroma + embedder) with a small catalogue, built once."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from knowledge.embeddings import Embedder
from knowledge.ingest import import_catalog
from knowledge.settings import Settings
from knowledge.store import Store
from tests.agents.catalog import catalogue_rows


@pytest.fixture(scope="session")
def shop(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder) -> Iterator[Store]:
    """A store holding the test catalogue (80 products over 10 categories)."""
    data = tmp_path_factory.mktemp("shop")
    store = Store(Settings(data_dir=data / "data"), embedder=embedder)
    path = data / "catalog.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in catalogue_rows()))
    import_catalog(store, path)
    yield store
    store.close()
