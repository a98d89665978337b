"""The browser tests' demo store, built once for each change of what it is built from.

Building the 600-product demo store takes about a minute on 2 cores, and ``make test`` needs
it twice: in the parallel run and again when the wall-clock tests run alone. So the built data
dir is kept under pytest's cache (``.pytest_cache/d/web-demo-store/<key>``). The key hashes
everything the build reads: the build commands and the merchant catalogue, every file of the
packages it runs (``SOURCES``) and of the project files, the installed distributions and their
versions, the ``SHOPMAGE_*`` settings in the environment, and the UTC date (anything dated at
build time is at most a day old). Any change builds afresh; only the newest store is kept.

Each test session serves its own copy, so what one session writes never reaches another. A
file lock makes concurrent sessions (xdist workers, a second run) build it once.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock

REPO = Path(__file__).resolve().parents[2]
SOURCES = ("agents", "cli", "knowledge", "server", "tools", "migrations")
PROJECT_FILES = ("pyproject.toml", "alembic.ini")
# set per session by the fixtures, or only read by tests: not build inputs
NOT_INPUTS = ("SHOPMAGE_DATA_DIR", "SHOPMAGE_TEST_", "SHOPMAGE_WEB_TEST_")
READY = "meta.json"


def _source_files() -> list[Path]:
    files = [REPO / name for name in PROJECT_FILES if (REPO / name).is_file()]
    for name in SOURCES:
        files += [p for p in (REPO / name).rglob("*") if p.is_file()
                  and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    return sorted(files)


def inputs(recipe: object) -> list[str]:
    """One line per build input: the recipe, the date, settings, distributions, file hashes."""
    lines = [f"recipe {json.dumps(recipe, sort_keys=True, default=str)}",
             f"date {datetime.now(UTC).date().isoformat()}"]
    lines += [f"env {name}={os.environ[name]}" for name in sorted(os.environ)
              if name.startswith("SHOPMAGE_") and not name.startswith(NOT_INPUTS)]
    lines += sorted({f"dist {d.metadata['Name']}=={d.version}"
                     for d in importlib.metadata.distributions()})
    lines += [f"file {path.relative_to(REPO)} {hashlib.sha256(path.read_bytes()).hexdigest()}"
              for path in _source_files()]
    return lines


def inputs_key(lines: list[str]) -> str:
    """The cache key of :func:`inputs`."""
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:24]


def copy_of_built_store(cache: Path, recipe: object, build: Callable[[Path], dict[str, Any]],
                        target: Path) -> dict[str, Any]:
    """Copy the data dir built from ``recipe`` to ``target``; build it first if not cached.

    ``build(data_dir)`` builds a store into ``data_dir`` and returns what the tests need to
    know about it (JSON-ready), which is returned here. A failed build leaves nothing cached.
    Each store keeps its inputs in ``inputs.txt``; the one it replaced left its own in
    ``previous-inputs.txt`` (diff the two to see why the store was rebuilt).
    """
    cache.mkdir(parents=True, exist_ok=True)
    lines = inputs(recipe)
    built = cache / inputs_key(lines)
    with FileLock(str(cache / "build.lock")):
        if not (built / READY).is_file():
            for old in cache.iterdir():
                if (old / "inputs.txt").is_file():
                    shutil.copy(old / "inputs.txt", cache / "previous-inputs.txt")
                if old.is_dir():
                    shutil.rmtree(old)
            partial = cache / f"{built.name}.partial"
            meta = build(partial / "data")
            (partial / "inputs.txt").write_text("\n".join(lines) + "\n")
            (partial / READY).write_text(json.dumps(meta))
            partial.rename(built)
        shutil.copytree(built / "data", target)
        result: dict[str, Any] = json.loads((built / READY).read_text())
    return result
