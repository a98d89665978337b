"""A real server on loopback, in a background thread, over a real store."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from knowledge.ingest import import_catalog
from knowledge.store import Store
from server.app import create_app
from tests.knowledge.test_ingest_search import CATALOG, write_jsonl
from tests.server.ucp_shop import Agent, new_agent, stock_catalog, ucp_app_only


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class LiveServer:
    """uvicorn serving ``create_app`` until stopped."""

    def __init__(self, store: Store) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(store.settings, store), host="127.0.0.1",
                                port=self.port, log_level="warning", ws_max_size=64 * 1024)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 240  # generous: a loaded 2-core box starts slowly
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server_for() -> Iterator[type[LiveServer]]:
    """Start a live server over a given store: ``with live_server_for(store) as srv``."""
    yield LiveServer


UcpShop = tuple[LiveServer, Agent]
"""The UCP-only server and one agent's client."""


@pytest.fixture
def ucp_shop(store: Store, tmp_path: Path,
             monkeypatch: pytest.MonkeyPatch) -> Iterator[UcpShop]:
    """A UCP-only server on loopback over a stocked catalogue, and one agent's client."""
    ucp_app_only(monkeypatch)
    stock_catalog(store, tmp_path)
    with LiveServer(store) as server:
        yield server, new_agent(store, server.url, "agent-one")


@pytest.fixture
def loaded(store: Store, tmp_path: Path) -> Store:
    """The store with the five-product test catalogue imported."""
    import_catalog(store, write_jsonl(tmp_path / "catalog.jsonl", CATALOG))
    return store
