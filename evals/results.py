"""What suites and the runner share: the registry, a suite's context and its result.

The runner (``evals.harness``) and the report (``evals.report``) both import this module;
it imports neither, so there is no cycle between them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.errors import ShopmageError
from knowledge.settings import Settings

Progress = Callable[[str], Any]
SuiteFn = Callable[["SuiteContext"], "SuiteResult"]
_REGISTRY: dict[str, SuiteFn] = {}



class EvalError(ShopmageError):
    """An evaluation cannot run as asked (unknown suite, bad result, unusable data)."""


@dataclass
class DataFile:
    """A data file a suite read: recorded with its checksum so runs can be reproduced."""

    path: str
    sha256: str
    rows: int


@dataclass
class SuiteContext:
    """What a suite runs with: settings, a scratch folder, its data, a seed, a progress hook."""

    settings: Settings
    work_dir: Path
    data: Path | None = None
    seed: int = 0
    progress: Progress = field(default=lambda _message: None)
    data_files: list[DataFile] = field(default_factory=list)
    engines: str = "embedded"

    def record_data_file(self, path: Path, rows: int) -> None:
        """Note that the suite read ``path`` (``rows`` records); its SHA-256 goes in the meta."""
        self.data_files.append(DataFile(str(Path(path).resolve()), sha256_of(path), rows))

    def store_settings(self, name: str = "store") -> Settings:
        """Settings for a fresh, empty store of the suite's own (models as configured).

        ``engines="embedded"``: SQLite and on-disk Chroma under the work dir. ``"configured"``:
        the configured engines (``SHOPMAGE_DATABASE_URL``, ``SHOPMAGE_CHROMA_URL``), with a
        new database on that PostgreSQL server and a collection prefix of the run's own, so
        an eval never reads or changes anybody's data.
        """
        values = self.settings.model_dump()
        values.update(data_dir=self.work_dir / name, database_url=None, chroma_url=None)
        if self.engines == "configured":
            from knowledge.db import create_database

            tag = f"eval_{self.work_dir.name[-8:].lower()}_{name}".replace("-", "_")
            url = self.settings.database_url
            values.update(
                database_url=create_database(url, tag) if url else None,
                chroma_url=self.settings.chroma_url, chroma_collection_prefix=tag[:39] + "_")
        return Settings(**values)


@dataclass
class Table:
    """A small table for the report (e.g. a confusion matrix or per-query scores)."""

    title: str
    columns: list[str]
    rows: list[list[Any]]


@dataclass
class Plot:
    """A figure for the report: a matplotlib ``Figure`` or PNG bytes."""

    title: str
    figure: Any


@dataclass
class SuiteResult:
    """What a suite returns: ``{system: {metric: value}}`` plus report material.

    ``details`` holds run facts that are not per-system metrics (index time, counts);
    it lands in ``meta.details`` of results.json.
    """

    metrics: dict[str, dict[str, float]]
    tables: list[Table] = field(default_factory=list)
    plots: list[Plot] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


def register_suite(name: str) -> Callable[[SuiteFn], SuiteFn]:
    """Register ``run(ctx) -> SuiteResult`` as the suite called ``name``."""

    def decorate(fn: SuiteFn) -> SuiteFn:
        _REGISTRY[name] = fn
        return fn

    return decorate


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
