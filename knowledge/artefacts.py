"""Trained artefacts (understanding models, rankers) built from files in the repo, cached.

An artefact is never committed: it is built by a seeded function from source files that
are, and cached under ``SHOPMAGE_MODEL_CACHE_DIR`` by a hash of those files, the builder's
name and its version. The first process that needs it builds it (others wait on a file
lock); later processes and later runs load it in milliseconds. Changing a source file or
bumping ``version`` builds a fresh one.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from knowledge.errors import ConfigError


def artefact_key(name: str, version: str, sources: Sequence[Path]) -> str:
    """A short hash of the artefact's name, version and the bytes of every source file."""
    digest = hashlib.sha256(f"{name}\0{version}".encode())
    for path in sorted(Path(p) for p in sources):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def built_artefact(cache_dir: Path, name: str, version: str, sources: Sequence[Path],
                   build: Callable[[Path], None]) -> Path:
    """Return the folder holding artefact ``name``, building it with ``build(folder)`` once.

    ``build`` writes its files into the empty folder it is given; the folder is moved into
    place only when ``build`` returns, so a crash never leaves a half-built artefact.
    """
    missing = [str(p) for p in sources if not Path(p).is_file()]
    if missing:
        raise ConfigError(f"artefact {name!r} needs source files that are missing: {missing}")
    target = Path(cache_dir) / f"{name}-{artefact_key(name, version, sources)}"
    if target.is_dir():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"SHOPMAGE_MODEL_CACHE_DIR {str(cache_dir)!r} cannot be created: {exc}") from exc
    with open(target.parent / f".{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if target.is_dir():  # another process built it while we waited
            return target
        work = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=target.parent))
        try:
            build(work)
            os.replace(work, target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return target
