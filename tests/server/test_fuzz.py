"""A short, seeded schemathesis pass over every REST route of a real server (about 60 s).

The long run is ``make fuzz``; this one runs on every CI run so a new route that answers
a malformed request with a 500 fails the build.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from knowledge.ingest import import_catalog
from knowledge.store import Store
from tests.agents.catalog import catalogue_rows
from tests.server.conftest import free_port


def test_short_fuzz_finds_no_server_error(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in catalogue_rows()))
    import_catalog(store, path)
    store.close()
    run = subprocess.run([sys.executable, "-m", "evals.fuzz_api", "--data-dir",
                          str(store.settings.data_dir), "--seconds", "60", "--seed", "7",
                          "--port", str(free_port())],
                         capture_output=True, text=True, timeout=900)
    tail = (run.stdout + run.stderr)[-4000:]
    assert run.returncode == 0, tail
    assert "(0 tracebacks)" in run.stdout, tail
