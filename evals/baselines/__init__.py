"""Replaced components, loaded from git history only to report old-vs-new figures.

The old code (the exemplar router, the regex slot parser and vocabulary, the merchant
graph before issue 12) is not kept in the working tree: a second copy of live code is a
trap for the next engineer. It is read from commit :data:`COMMIT` with ``git archive``
into ``data/baselines/<commit>/`` on first use, and this package's path points there, so
``from evals.baselines.regex_slots import parse_slots`` keeps working in the evals.
Nothing in the product or the tests imports it.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

COMMIT = "9b2655d6304ea8a8ba7c21c52f2b643e5992e90b"
"""The last commit whose tree still held the baseline modules."""

_ROOT = Path(__file__).resolve().parents[2]


def _extracted(commit: str) -> Path:
    """The baseline modules of commit, extracted once under data/baselines."""
    target = _ROOT / "data" / "baselines" / commit
    package = target / "evals" / "baselines"
    if (package / "regex_slots.py").exists():
        return package
    try:
        archive = subprocess.run(["git", "archive", commit, "evals/baselines"], cwd=_ROOT,
                                 capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        raise ImportError(f"the old-vs-new baselines need the git history of commit {commit} "
                          f"(a full clone, not a shallow one): {exc}") from exc
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    (package / "__init__.py").write_text('"""Baseline modules extracted from git."""\n')
    return package


__path__.append(str(_extracted(COMMIT)))
