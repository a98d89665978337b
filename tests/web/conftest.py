"""Real-browser fixtures: the real server on loopback over a small demo store, and Chromium.

The server is the ``shopmage`` command itself, started as a subprocess over a fresh data dir
built with ``shopmage demo build``; the browser is Debian's Chromium driven by Playwright (never
downloaded). Set ``SHOPMAGE_WEB_TEST_URL`` and ``SHOPMAGE_WEB_TEST_KEY`` to run the same tests
against a server you already started (and ``SHOPMAGE_WEB_TEST_DATA`` to its data folder for the
test that stores a draft there).
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, WebSocket, sync_playwright

from tests.web.pages import DESKTOP, Watched, record
from tests.web.store_cache import copy_of_built_store

SHOPMAGE = Path(sys.executable).parent / "shopmage"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@dataclass
class Server:
    """A running shopmage server: its base URL, a merchant API key and (when this fixture
    started it) the data folder it serves."""

    url: str
    merchant_key: str
    data: Path | None = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _cli(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [str(SHOPMAGE), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"shopmage {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text()[-3000:]
            raise RuntimeError(f"the server exited ({process.returncode}):\n{tail}")
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer /health in 120 s:\n{log.read_text()[-3000:]}")


def merchant_products() -> list[dict[str, object]]:
    """A few products the test merchant owns, so its assistant has something to promote."""
    return [
        {
            "product_id": f"MAT{n}",
            "product_title": f"Maternity sneakers {name}",
            "product_description": "Slip-resistant, wide-fit maternity sneakers with arch support.",
            "product_brand": "Bloomstep",
            "product_color": color,
            "category": "shoes",
            "price": price,
            "stock": 50,
            "attributes": {
                "type": "sneakers",
                "features": ["slip-resistant", "wide-fit"],
                "audience": "women",
            },
        }
        for n, (name, color, price) in enumerate(
            [("Comfort", "black", 79.0), ("Breeze", "white", 89.0), ("Cloud", "pink", 99.0)]
        )
    ]


BUILD = ("demo", "build", "--products", "600", "--shoppers", "80")
MERCHANT = "Browser Test Shop"


def _build_store(data: Path, env: dict[str, str]) -> dict[str, str]:
    """Build the demo store and the test merchant's products into ``data``; the merchant key."""
    env = {**env, "SHOPMAGE_DATA_DIR": str(data)}
    _cli(env, *BUILD)
    created = _cli(env, "merchant", "create", MERCHANT)
    match = re.search(r"API key: (\S+)", created)
    owner = re.search(r"merchant (m_\w+)", created)
    assert match and owner, f"shopmage merchant create printed no id and key: {created}"
    catalog = data.parent / "merchant_catalog.jsonl"
    catalog.write_text("\n".join(json.dumps(row) for row in merchant_products()) + "\n")
    _cli(env, "ingest", "catalog", str(catalog), "--merchant", owner.group(1))
    return {"merchant_key": match.group(1)}


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory,
           request: pytest.FixtureRequest) -> Iterator[Server]:
    """The real server (``shopmage serve``) over a fresh 600-product demo store.

    The store is built once per change of its inputs and copied for each session
    (:mod:`tests.web.store_cache`); without pytest's cache it is built here every time.
    """
    given = os.environ.get("SHOPMAGE_WEB_TEST_URL")
    if given:
        served = os.environ.get("SHOPMAGE_WEB_TEST_DATA")
        yield Server(given.rstrip("/"), os.environ.get("SHOPMAGE_WEB_TEST_KEY", ""),
                     Path(served) if served else None)
        return
    data = tmp_path_factory.mktemp("web") / "data"
    env = {
        **os.environ,
        "SHOPMAGE_DATA_DIR": str(data),
        "HF_HUB_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    }
    started = time.monotonic()
    cache = getattr(request.config, "cache", None)
    if cache is None:
        meta = _build_store(data, env)
    else:
        recipe = {"build": BUILD, "merchant": MERCHANT, "products": merchant_products()}
        meta = copy_of_built_store(cache.mkdir("web-demo-store"), recipe,
                                   lambda folder: _build_store(folder, env), data)
    print(f"\ndemo store ready in {time.monotonic() - started:.1f} s")
    port = _free_port()
    log = data.parent / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(SHOPMAGE), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process, log)
        yield Server(url, meta["merchant_key"], data)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, driven by Playwright."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    """A fresh browser context and page (desktop size) whose errors and frames are recorded."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(20_000)
    w = Watched(page)
    page.on("pageerror", lambda exc: w.errors.append(str(exc)))

    def on_socket(ws: WebSocket) -> None:
        ws.on("framereceived", lambda payload: record(w.received, payload))
        ws.on("framesent", lambda payload: record(w.sent, payload))

    page.on("websocket", on_socket)
    yield w
    context.close()
