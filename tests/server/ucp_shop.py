"""A small real store served on loopback with UCP agent keys, for the UCP tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from evals.bench_workers import CATALOG  # noqa: F401  (re-exported for tests)
from knowledge.agents import create_agent
from knowledge.ingest import import_catalog
from knowledge.store import Store
from server import app as server_app
from server.routes import health, merchant, ucp, ucp_mcp, ucp_store
from tests.knowledge.test_ingest_search import write_jsonl

PLATFORM = 'profile="https://agent.example/.well-known/ucp"'
# What an outside agent meets, plus the merchant API it must not reach (the chat's start-up
# training is not needed here).
UCP_CAPABILITIES = (health, merchant, ucp, ucp_store, ucp_mcp)


def ucp_app_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Serve only the UCP capabilities (plus health) from ``create_app``."""
    monkeypatch.setattr(server_app, "CAPABILITIES", UCP_CAPABILITIES)


def stock_catalog(store: Store, tmp_path: Path) -> None:
    """Import the nine-product test catalogue (stock 0 to 9)."""
    import_catalog(store, write_jsonl(tmp_path / "catalog.jsonl", CATALOG))


@dataclass
class Agent:
    """An HTTP client speaking UCP REST with one agent key."""

    url: str
    key: str
    name: str
    last_headers: dict[str, str] = field(default_factory=dict)

    def headers(self, idempotency_key: str | None = None, **extra: str) -> dict[str, str]:
        """The UCP headers (a fresh Idempotency-Key unless one is given)."""
        headers = {"UCP-Agent": PLATFORM, "X-API-Key": self.key,
                   "Request-Id": str(uuid.uuid4()),
                   "Idempotency-Key": idempotency_key or str(uuid.uuid4())}
        headers.update(extra)
        return headers

    def send(self, method: str, path: str, body: Any = None, *,
             headers: dict[str, str] | None = None) -> httpx.Response:
        """One request to ``/ucp{path}``."""
        return httpx.request(method, f"{self.url}/ucp{path}", json=body,
                             headers=headers if headers is not None else self.headers(),
                             timeout=30)


def new_agent(store: Store, url: str, name: str, rate_limit: str = "600/minute") -> Agent:
    """Create an agent key and a client using it."""
    _, key = create_agent(store.engine, name=name, rate_limit=rate_limit)
    return Agent(url, key, name)


def lines(*pairs: tuple[str, int]) -> list[dict[str, Any]]:
    """UCP line items from ``(product_id, quantity)`` pairs."""
    return [{"item": {"id": pid}, "quantity": q} for pid, q in pairs]
