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
from tests.postgres import fresh_database  # noqa: E402
from tests.scheduling import KEY, GroupTimes, group_of, order_groups  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(params=["sqlite"])
def database(request: pytest.FixtureRequest) -> str:
    """Which database the test's store uses: SQLite unless a module asks for both with
    ``pytestmark = pytest.mark.parametrize("database", BOTH_DATABASES, indirect=True)``."""
    return str(request.param)


BOTH_DATABASES = ["sqlite", "postgresql"]


@pytest.fixture
def settings(tmp_path: Path, database: str) -> Iterator[Settings]:
    """Settings pointing at a fresh data dir under the test's tmp_path (and, for PostgreSQL,
    a fresh database on the test server)."""
    if database == "postgresql":
        with fresh_database() as url:
            yield Settings(data_dir=tmp_path / "data", database_url=url)
    else:
        yield Settings(data_dir=tmp_path / "data")


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


GROUP_TIMES = GroupTimes()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under pytest-xdist (``make test``: ``-n 2 --dist loadgroup``) keep each module's tests on
    one worker (module fixtures start servers and build stores once), and every browser test on
    one worker: they share one package-scoped demo server that takes a minute to build. The
    groups go longest first (:mod:`tests.scheduling`)."""
    for item in items:
        item.add_marker(pytest.mark.xdist_group(group_of(item.nodeid)))
    cache = getattr(config, "cache", None)
    order_groups(items, cache.get(KEY, {}) if cache is not None else {})


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Time each group (on the xdist controller, every worker's reports arrive here)."""
    GROUP_TIMES.add(report)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Keep the parallel run's group times for the next run's order."""
    GROUP_TIMES.save(session.config, int(exitstatus))
