"""Fuzz every REST route of a live server from its OpenAPI schema with schemathesis.

Starts ``shopmage serve`` on a free port over the configured data dir, runs
``schemathesis run`` checking for server errors (5xx), prints the summary and exits with
its status.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from evals.bench_load import _start_server

PORT = 8012


def main() -> int:
    """Run the fuzz and return schemathesis' exit code."""
    proc = _start_server(PORT)
    try:
        cmd = [str(Path(sys.executable).parent / "schemathesis"), "run",
               f"http://127.0.0.1:{PORT}/openapi.json", "--checks", "not_a_server_error",
               "--max-examples", "30", "--workers", "2", "--phases", "examples,fuzzing",
               "--suppress-health-check", "all"]
        return subprocess.call(cmd)
    finally:
        proc.terminate()
        proc.wait(20)


if __name__ == "__main__":
    raise SystemExit(main())
