"""Fuzz every REST route of a live server from its OpenAPI schema with schemathesis.

Copies the data dir (the configured one, or ``--data-dir``) so fuzzed writes never touch
the real store, starts ``shopmage serve`` over the copy, runs ``schemathesis run`` checking
for server errors (5xx) within ``--seconds``, prints the summary and the server's logged
tracebacks, and exits non-zero when schemathesis failed or the server logged a traceback.
``make fuzz`` runs it long; the test suite runs a 60-second, seeded pass on every CI run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from evals.bench_load import _tracebacks, start_server
from knowledge.settings import Settings

PORT = 8012


def _merchant_key(settings: Settings) -> str:
    """Create a merchant owning one brand's products in the copied store; return its key.

    With it, the merchant routes get past authentication and reach their real logic.
    """
    from sqlmodel import Session, col, select

    from knowledge.db import make_engine
    from knowledge.merchants import create_merchant
    from knowledge.models import Product
    from tools.campaigns.service import assign_products

    engine = make_engine(settings)
    merchant, key = create_merchant(engine, name="Fuzz Merchant")
    with Session(engine) as session:
        brand = session.exec(select(Product.brand).where(col(Product.brand).is_not(None))).first()
    assign_products(engine, merchant.id, brands=[brand] if brand else [])
    engine.dispose()
    return key


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz; 0 when no server error and no server traceback was seen."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=None, help="store to copy and fuzz")
    parser.add_argument("--seconds", type=int, default=None, help="time budget of the run")
    parser.add_argument("--seed", type=int, default=None, help="seed for a reproducible run")
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="shopmage-fuzz-"))
    shutil.copytree(args.data_dir or Settings().data_dir, work / "data")
    os.environ["SHOPMAGE_DATA_DIR"] = str(work / "data")
    key = _merchant_key(Settings())
    log = work / "server.log"
    proc = start_server(args.port, log)
    try:
        cmd = [str(Path(sys.executable).parent / "schemathesis"), "run",
               f"http://127.0.0.1:{args.port}/openapi.json", "--checks", "not_a_server_error",
               "--max-examples", "30", "--workers", "2", "--phases", "examples,fuzzing",
               "--suppress-health-check", "all", "--request-timeout", "60",
               "--generation-allow-x00", "false", "--generation-codec", "ascii",
               "-H", f"X-API-Key: {key}"]
        if args.seconds:
            cmd += ["--max-time", str(args.seconds)]
        if args.seed is not None:
            cmd += ["--seed", str(args.seed), "--generation-deterministic"]
        status = subprocess.call(cmd)
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:  # a lingering keep-alive: the run is over anyway
            proc.kill()
            proc.wait(10)
    tracebacks = _tracebacks(log)
    print(f"server log: {log} ({tracebacks} tracebacks)")
    return status or int(tracebacks > 0)


if __name__ == "__main__":
    raise SystemExit(main())
