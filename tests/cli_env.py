"""An environment for running the real ``shopmage`` CLI over a fresh data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.knowledge.test_ingest_search import write_jsonl

SHOPMAGE = str(Path(sys.executable).parent / "shopmage")
"""The installed CLI next to the running interpreter."""


def ingested_env(tmp_path: Path, catalog: list[dict[str, Any]]) -> dict[str, str]:
    """``os.environ`` pointing at a new data dir into which ``catalog`` was ingested."""
    env = {**os.environ, "SHOPMAGE_DATA_DIR": str(tmp_path / "data")}
    path = write_jsonl(tmp_path / "c.jsonl", catalog)
    subprocess.run([SHOPMAGE, "ingest", "catalog", str(path)], env=env, check=True,
                   capture_output=True)
    return env
