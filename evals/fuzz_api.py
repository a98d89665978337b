"""Fuzz every REST route of a live server from its OpenAPI schema with schemathesis.

Copies the configured data dir (so fuzzed writes never touch the real store), starts
``shopmage serve`` over the copy, runs ``schemathesis run`` checking for server errors
(5xx), prints the summary and the server's logged tracebacks, and exits with its status.
"""

from __future__ import annotations

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


def main() -> int:
    """Run the fuzz and return schemathesis' exit code."""
    work = Path(tempfile.mkdtemp(prefix="shopmage-fuzz-"))
    shutil.copytree(Settings().data_dir, work / "data")
    os.environ["SHOPMAGE_DATA_DIR"] = str(work / "data")
    key = _merchant_key(Settings())
    log = work / "server.log"
    proc = start_server(PORT, log)
    try:
        cmd = [str(Path(sys.executable).parent / "schemathesis"), "run",
               f"http://127.0.0.1:{PORT}/openapi.json", "--checks", "not_a_server_error",
               "--max-examples", "30", "--workers", "2", "--phases", "examples,fuzzing",
               "--suppress-health-check", "all", "-H", f"X-API-Key: {key}"]
        return subprocess.call(cmd)
    finally:
        proc.terminate()
        proc.wait(20)
        print(f"server log: {log} ({_tracebacks(log)} tracebacks)")


if __name__ == "__main__":
    raise SystemExit(main())
