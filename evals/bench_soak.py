"""``shopmage bench soak``: many distinct shopper sessions, two turns each; memory stays flat.

Every per-session structure in the server (rate limits, turn locks, turn stats) must be
bounded, so the server's resident memory after warm-up must not grow with the number of
sessions it has seen. The soak builds a small demo store in a temporary data dir (or
drives ``--url``), starts a real server process, and opens ``sessions`` WebSocket sessions,
``concurrency`` at a time, each sending an add-to-cart action and a "show my cart"
message (both answered without the language model, so the soak measures the server, not
the model). It prints the server's RSS after warm-up, at the end, and the growth.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import psutil
import websockets

from evals.bench_load import start_server

WARMUP_SESSIONS = 500


def _build_store(data_dir: Path) -> None:
    env = {**os.environ, "SHOPMAGE_DATA_DIR": str(data_dir)}
    subprocess.run([sys.executable, "-m", "cli.main", "demo", "build", "--products", "300",
                    "--shoppers", "30"], env=env, check=True, capture_output=True)


async def _session(ws_url: str, product_id: str) -> int:
    """One session: connect, add a product, show the cart; returns the error events seen."""
    errors = 0
    async with websockets.connect(ws_url, max_size=2**20) as ws:
        json.loads(await ws.recv())  # session
        for frame in ({"type": "action", "action": "add_to_cart", "product_id": product_id},
                      {"type": "message", "text": "show my cart"}):
            await ws.send(json.dumps(frame))
            while True:
                event = json.loads(await asyncio.wait_for(ws.recv(), timeout=60))
                errors += event.get("type") == "error"
                if event.get("type") == "done":
                    break
    return errors


async def _drive(base: str, sessions: int, concurrency: int, pid: int | None,
                 product_id: str) -> dict[str, Any]:
    ws_base = base.replace("http", "ws", 1) + "/ws/shopper?session_id=soak-{}-" + str(os.getpid())
    gate = asyncio.Semaphore(concurrency)
    rss: dict[str, float] = {}
    done, errors, failed = 0, 0, 0

    async def one(index: int) -> None:
        nonlocal done, errors, failed
        async with gate:
            try:
                errors += await _session(ws_base.format(index), product_id)
            except (OSError, websockets.WebSocketException, TimeoutError):
                failed += 1
            done += 1
            if pid is not None and done % WARMUP_SESSIONS == 0:
                now = psutil.Process(pid).memory_info().rss / 2**20
                rss.setdefault("warm", now)
                print(f"soak: {done} sessions, server RSS {now:.1f} MB", file=sys.stderr,
                      flush=True)

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(sessions)))
    elapsed = time.perf_counter() - started
    if pid is not None:
        rss["end"] = psutil.Process(pid).memory_info().rss / 2**20
    return {"sessions": sessions, "turns": 2 * sessions, "seconds": round(elapsed, 1),
            "turns_per_s": round(2 * sessions / elapsed, 1), "error_events": errors,
            "sessions_failed": failed, "rss_after_warmup_mb": rss.get("warm"),
            "rss_end_mb": rss.get("end"),
            "rss_growth_mb": (rss["end"] - rss["warm"]) if "warm" in rss else None}


def run_soak(sessions: int = 10_000, concurrency: int = 16, url: str | None = None,
             port: int = 8013) -> dict[str, Any]:
    """Run the soak and return its figures (``rss_growth_mb`` is the headline)."""
    work = Path(tempfile.mkdtemp(prefix="shopmage-soak-"))
    proc = None
    if url is None:
        _build_store(work / "data")
        os.environ["SHOPMAGE_DATA_DIR"] = str(work / "data")
        proc = start_server(port, work / "server.log")
    base = url or f"http://127.0.0.1:{port}"
    try:
        product_id = httpx.get(base + "/api/products", params={"per_page": 1},
                               timeout=30).json()["items"][0]["id"]
        figures = asyncio.run(_drive(base, sessions, concurrency,
                                     proc.pid if proc else None, product_id))
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(20)
    figures["target_rss_growth_mb"] = 50
    return figures
