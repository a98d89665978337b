"""Two stateless `shopmage serve` workers sharing PostgreSQL, a Chroma server and a model
server: a conversation started on one continues on the other."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import websockets

from tests.knowledge.test_ingest_search import CATALOG, write_jsonl
from tests.scale.conftest import start
from tests.server.conftest import free_port

SHOPMAGE = str(Path(sys.executable).parent / "shopmage")


async def say(url: str, session: str, text: str) -> list[dict]:
    async with websockets.connect(f"{url}/ws/shopper?session_id={session}") as ws:
        events = [json.loads(await ws.recv())]
        await ws.send(json.dumps({"type": "message", "text": text}))
        while events[-1]["type"] != "done":
            events.append(json.loads(await ws.recv()))
    return events


def product_ids(events: list[dict]) -> list[str]:
    return [item["id"] for e in events if e["type"] == "products" for item in e["items"]]


@pytest.fixture
def workers(pg_url: str, chroma_server: str, model_server: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    env = {**os.environ, "SHOPMAGE_DATABASE_URL": pg_url, "SHOPMAGE_CHROMA_URL": chroma_server,
           "SHOPMAGE_LLM_BASE_URL": model_server, "SHOPMAGE_DATA_DIR": str(tmp_path / "w")}
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


async def test_conversation_continues_on_another_worker(workers) -> None:  # type: ignore[no-untyped-def]
    a, b = workers
    for n in range(3):
        session = f"two-workers-{n}"
        first = await say(a, session, "shoes under 150")
        shown = product_ids(first)
        assert shown and set(shown) <= {"S1", "S2", "S3"}
        second = await say(b, session, "add the first one to my cart")
        carts = [e for e in second if e["type"] == "cart"]
        assert carts and [i["product_id"] for i in carts[-1]["items"]] == [shown[0]]
        third = await say(a, session, "cheaper")
        assert set(product_ids(third)) <= {"S1", "S2", "S3"}  # still shoes, still capped
