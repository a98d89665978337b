"""Two stateless `shopmage serve` workers sharing PostgreSQL, a Chroma server and a model
server: a conversation started on one continues on the other.

The scripted conversations (turns alternating workers) and their checks live in
:mod:`evals.bench_workers`, which also runs them as a benchmark against any two workers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from evals.bench_workers import CATALOG, CONVERSATIONS, run_all, websocket_say
from tests.knowledge.test_ingest_search import write_jsonl
from tests.scale.conftest import start
from tests.server.conftest import free_port

SHOPMAGE = str(Path(sys.executable).parent / "shopmage")


@pytest.fixture
def workers(pg_url: str, chroma_server: str, model_server: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Ingest CATALOG once, then serve it from two workers with nothing local shared."""
    env = {**os.environ, "SHOPMAGE_DATABASE_URL": pg_url, "SHOPMAGE_CHROMA_URL": chroma_server,
           "SHOPMAGE_LLM_BASE_URL": model_server, "SHOPMAGE_DATA_DIR": str(tmp_path / "w"),
           # its own collection on the session's Chroma server: other tests count theirs
           "SHOPMAGE_CHROMA_COLLECTION_PREFIX": f"w{uuid.uuid4().hex[:8]}-"}
    subprocess.run([SHOPMAGE, "ingest", "catalog", str(write_jsonl(tmp_path / "c.jsonl", CATALOG))],
                   env=env, check=True, capture_output=True)
    procs, urls = [], []
    for name in ("a", "b"):
        port = free_port()
        worker_env = {**env, "SHOPMAGE_DATA_DIR": str(tmp_path / name)}  # nothing local shared
        procs.append(start([SHOPMAGE, "serve", "--port", str(port)],
                           f"http://127.0.0.1:{port}/ready", tmp_path / f"{name}.log",
                           env=worker_env))
        urls.append(f"ws://127.0.0.1:{port}")
    yield urls
    for proc in procs:
        proc.terminate()
        proc.wait(20)


async def test_conversations_continue_on_another_worker(workers) -> None:  # type: ignore[no-untyped-def]
    """Every scripted conversation keeps its constraints, references and cart across workers."""
    assert len(CONVERSATIONS) >= 20
    figures = await run_all(websocket_say(workers), prefix="two-workers")
    print(f"\ntwo-worker continuity: {figures['continuity']:.0%} of "
          f"{figures['conversations']} conversations ({figures['turns']} turns, "
          f"{figures['seconds']} s)")
    assert figures["continuity"] == 1.0, figures["broken"]
