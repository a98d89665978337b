"""The real shopmage app on loopback, serving what an outside agent meets (health + UCP)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn

from knowledge.store import Store
from server import app as server_app
from server.routes import health, ucp, ucp_mcp, ucp_store

UCP_CAPABILITIES = (health, ucp, ucp_store, ucp_mcp)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_ucp(store: Store, timeout: float = 120.0) -> Iterator[str]:
    """Serve ``store`` with the UCP capabilities (``create_app``'s own code); yield its URL.

    The chat capabilities are left out: their start-up (model loading, training) has nothing
    to do with what agents are measured on here.
    """
    saved = server_app.CAPABILITIES
    server_app.CAPABILITIES = UCP_CAPABILITIES
    try:
        app = server_app.create_app(store.settings, store)
    finally:
        server_app.CAPABILITIES = saved
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the UCP server did not start")
            time.sleep(0.1)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
