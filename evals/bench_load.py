"""``shopmage bench load``: N concurrent WebSocket shopper sessions against a server.

Starts its own server over the configured data dir (or drives ``--url``), runs scripted
shopper turns for a fixed duration, and reports throughput, time to first token and turn
latency percentiles, "busy" answers, errors and the server's peak RSS.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import numpy as np
import psutil
import websockets

THINK_SECONDS = 2.0
UTTERANCES = [
    "shoes for pregnant women", "a yoga mat under 40", "cheaper", "in black",
    "waterproof tent for 2 people", "add the first one to my cart", "show my cart",
    "wireless headphones with noise cancelling", "compare the first two",
    "something for a new runner", "baby bowls that are bpa free", "what about for kids",
]


@dataclass
class Tally:
    """What every session saw."""

    ttft_ms: list[float] = field(default_factory=list)
    turn_ms: list[float] = field(default_factory=list)
    turns: int = 0
    busy: int = 0
    errors: list[str] = field(default_factory=list)
    unanswered: int = 0
    rate_limited: int = 0
    answered: int = 0


async def _turn(ws: Any, text: str, tally: Tally) -> None:
    start = time.perf_counter()
    await ws.send(json.dumps({"type": "message", "text": text}))
    first: float | None = None
    while True:
        event = json.loads(await asyncio.wait_for(ws.recv(), timeout=120))
        kind = event.get("type")
        if kind == "token" and first is None:
            first = time.perf_counter()
        elif kind == "busy":
            tally.busy += 1
        elif kind == "error" and event.get("code") == "rate_limited":
            tally.rate_limited += 1
        elif kind == "error":
            tally.errors.append(str(event.get("message")))
        if kind == "done":
            break
    end = time.perf_counter()
    tally.turns += 1
    if first is not None:
        tally.answered += 1
        tally.turn_ms.append((end - start) * 1000)
        tally.ttft_ms.append((first - start) * 1000)


async def _session(url: str, index: int, deadline: float, tally: Tally) -> None:
    ws_url = url.replace("http", "ws", 1) + f"/ws/shopper?session_id=bench-{index}-{os.getpid()}"
    try:
        async with websockets.connect(ws_url, max_size=2**20) as ws:
            json.loads(await ws.recv())  # session event
            turn = index
            while time.monotonic() < deadline:
                await _turn(ws, UTTERANCES[turn % len(UTTERANCES)], tally)
                turn += 1
                await asyncio.sleep(THINK_SECONDS)  # a person reads the answer
    except (OSError, websockets.WebSocketException, TimeoutError) as exc:
        tally.errors.append(f"session {index}: {exc!r}")
        tally.unanswered += 1


def start_server(port: int, log_path: Path) -> subprocess.Popen[bytes]:
    """Start `shopmage serve` on ``port`` (logging to ``log_path``); return once it is ready."""
    log_file = log_path.open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--port", str(port)],
                            stdout=log_file, stderr=subprocess.STDOUT)
    for _ in range(240):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the server did not become ready")


def _pct(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def run_load(sessions: int, seconds: float, url: str | None = None,
             port: int = 8011) -> dict[str, Any]:
    """Drive the sessions and return the figures."""
    log_path = Path(tempfile.mkdtemp(prefix="shopmage-load-")) / "server.log"
    proc = None if url else start_server(port, log_path)
    base = url or f"http://127.0.0.1:{port}"
    tally, peak = Tally(), 0.0

    async def main() -> None:
        nonlocal peak
        deadline = time.monotonic() + seconds
        tasks = [asyncio.create_task(_session(base, i, deadline, tally)) for i in range(sessions)]
        while not all(t.done() for t in tasks):
            if proc is not None:
                peak = max(peak, psutil.Process(proc.pid).memory_info().rss / 2**20)
            await asyncio.sleep(0.5)

    started = time.perf_counter()
    try:
        asyncio.run(main())
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(20)
    elapsed = time.perf_counter() - started
    return {
        "sessions": sessions, "seconds": round(elapsed, 1), "turns": tally.turns,
        "turns_per_s": tally.turns / elapsed, "answered": tally.answered, "busy": tally.busy,
        "rate_limited": tally.rate_limited, "errors": len(tally.errors),
        "error_samples": tally.errors[:5], "sessions_failed": tally.unanswered,
        "ttft_p50_ms": _pct(tally.ttft_ms, 50), "ttft_p95_ms": _pct(tally.ttft_ms, 95),
        "turn_p50_ms": _pct(tally.turn_ms, 50), "turn_p95_ms": _pct(tally.turn_ms, 95),
        "server_peak_rss_mb": peak or None,
        "server_log": None if url else str(log_path),
        "server_tracebacks": None if url else _tracebacks(log_path),
    }


def _tracebacks(log_path: Path) -> int:
    """Unhandled errors the server logged during the run (each one is worth reading)."""
    if not log_path.is_file():
        return 0
    return log_path.read_text(errors="replace").count("Traceback (most recent call last)")
