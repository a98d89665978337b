"""The eval runner: a registry of suites, the context they run in, and ``run_suite``.

A suite is a module ``evals/suites/<name>.py`` holding a function decorated with
``@register_suite("<name>")`` (from :mod:`evals.results`), imported by
``evals/suites/__init__.py``. ``run_suite`` records the
settings, versions, seeds, data files and git commit next to the metrics in
``results.json`` and writes a self-contained ``report.html`` beside it.
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import shutil
import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import evals.suites  # noqa: F401  (registers every suite)
from evals.report import render_report
from evals.results import (
    _REGISTRY,
    DataFile,
    EvalError,
    Plot,
    Progress,
    SuiteContext,
    SuiteFn,
    SuiteResult,
    Table,
    register_suite,
    sha256_of,
)
from knowledge.settings import REPO_ROOT, Settings

__all__ = ["DataFile", "EvalError", "Plot", "Progress", "SuiteContext", "SuiteFn", "SuiteResult",
           "Table", "available_suites", "get_suite", "load_results", "register_suite",
           "run_suite", "sha256_of"]

KEY_PACKAGES = (
    "numpy", "torch", "sentence-transformers", "chromadb", "bm25s", "llama-cpp-python",
    "langgraph", "langchain-core", "scikit-learn", "sqlmodel", "matplotlib",
)
SECRET_SUFFIXES = ("_key", "secret", "password")

def available_suites() -> list[str]:
    """Names of the registered suites."""
    return sorted(_REGISTRY)


def get_suite(name: str) -> SuiteFn:
    """Return the suite called ``name``."""
    if name not in _REGISTRY:
        raise EvalError(
            f"unknown suite {name!r}; available: {', '.join(available_suites()) or 'none'}")
    return _REGISTRY[name]


def _engines(settings: Settings, engines: str) -> dict[str, str]:
    """Which engines the suite's stores ran on (addresses without passwords)."""
    if engines == "embedded":
        return {"data": "sqlite", "vectors": "chroma on disk",
                "model": "model server" if settings.llm_base_url else "llama.cpp in-process"}
    from sqlalchemy.engine import make_url

    database = settings.database_url
    return {"data": make_url(database).render_as_string(hide_password=True) if database
            else "sqlite", "vectors": settings.chroma_url or "chroma on disk",
            "model": settings.llm_base_url or "llama.cpp in-process"}


def run_suite(name: str, out_dir: Path, *, data: Path | None = None,
              settings: Settings | None = None, seed: int = 0,
              progress: Progress | None = None, work_dir: Path | None = None,
              engines: str = "embedded") -> Path:
    """Run suite ``name`` and write ``results.json`` and ``report.html`` under ``out_dir``.

    Returns the path of results.json. The work dir (a temp folder unless given) holds
    scratch stores and is removed afterwards when it was a temp folder.
    """
    suite = get_suite(name)
    if engines not in ("embedded", "configured"):
        raise EvalError(f"--engines must be 'embedded' or 'configured', got {engines!r}")
    if data is not None and not Path(data).exists():
        raise EvalError(f"--data {str(data)!r}: no such file or folder")
    settings = settings or Settings()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    scratch = work_dir or Path(tempfile.mkdtemp(prefix=f"shopmage-eval-{name}-"))
    ctx = SuiteContext(settings=settings, work_dir=scratch, data=Path(data) if data else None,
                       seed=seed, progress=progress or (lambda _message: None),
                       engines=engines)
    started, clock = datetime.now(UTC), time.perf_counter()
    try:
        result = suite(ctx)
    finally:
        if work_dir is None:
            shutil.rmtree(scratch, ignore_errors=True)
    metrics = _check_metrics(name, result.metrics)
    results = {
        "suite": name,
        "metrics": metrics,
        "meta": {
            "settings": _public_settings(settings),
            "versions": versions(),
            "seeds": {"seed": seed},
            "engines": _engines(settings, engines),
            "data_files": [vars(f) for f in ctx.data_files],
            "started": started.isoformat(timespec="seconds"),
            "seconds": round(time.perf_counter() - clock, 3),
            "git_commit": git_commit(),
            "details": _jsonable(result.details),
        },
    }
    path = out_dir / "results.json"
    path.write_text(json.dumps(results, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    (out_dir / "report.html").write_text(render_report(results, result), encoding="utf-8")
    return path


def _check_metrics(name: str, metrics: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for system, values in metrics.items():
        out[str(system)] = {}
        for metric, value in values.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise EvalError(f"suite {name!r}: {system}/{metric} is not a number: {value!r}")
            out[str(system)][str(metric)] = float(value)
    return out


def _public_settings(settings: Settings) -> dict[str, Any]:
    """Return the settings as JSON with secrets masked and database passwords hidden."""
    from sqlalchemy.engine import make_url

    values = settings.model_dump(mode="json")
    for key, value in values.items():
        if key.endswith(SECRET_SUFFIXES) and value:
            values[key] = "***"
    if values.get("database_url"):
        values["database_url"] = make_url(values["database_url"]).render_as_string(
            hide_password=True)
    return values


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def versions() -> dict[str, str | None]:
    """Python, shopmage and the key packages' versions (None when not installed)."""
    out: dict[str, str | None] = {"python": platform.python_version()}
    for package in ("shopmage", *KEY_PACKAGES):
        try:
            out[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            out[package] = None
    return out


def git_commit() -> str | None:
    """Return the repository's HEAD commit (with ``-dirty`` when files changed), or None."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=REPO_ROOT, capture_output=True, text=True, timeout=10,
                               check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{head}-dirty" if dirty else head


def load_results(run: Path) -> dict[str, Any]:
    """Read a run's results.json (``run`` is the run folder or the file itself)."""
    path = Path(run)
    if path.is_dir():
        path = path / "results.json"
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EvalError(f"{str(path)!r}: no results.json there") from exc
    except json.JSONDecodeError as exc:
        raise EvalError(f"{str(path)!r} is not valid JSON: {exc.msg} (line {exc.lineno})") from exc
    if not isinstance(results, dict) or not isinstance(results.get("metrics"), dict):
        raise EvalError(f"{str(path)!r} is not a results.json (no 'metrics' object)")
    return results
