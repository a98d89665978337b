"""Shared fixtures: every test gets its own real data dir, SQLite database and Chroma."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from knowledge.db import make_engine  # noqa: E402
from knowledge.embeddings import Embedder  # noqa: E402
from knowledge.settings import Settings  # noqa: E402
from knowledge.store import Store  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at a fresh data dir under the test's tmp_path."""
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def engine(settings: Settings) -> Iterator[Engine]:
    """A real SQLite database (WAL) in the test's data dir."""
    eng = make_engine(settings)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def embedder(tmp_path_factory: pytest.TempPathFactory) -> Embedder:
    """The real packaged embedding model, loaded once per test session."""
    return Embedder(Settings(data_dir=tmp_path_factory.mktemp("embedder")))


@pytest.fixture
def store(settings: Settings, embedder: Embedder) -> Iterator[Store]:
    """A real, empty store (SQLite + on-disk Chroma) in the test's data dir."""
    opened = Store(settings, embedder=embedder)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def llm(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The real packaged SmolLM2 model (temperature 0), loaded once per test session."""
    from knowledge.llm import LLMBackend

    return LLMBackend(Settings(data_dir=tmp_path_factory.mktemp("llm")))
