"""The UCP shopping service: one entry point, ``ShoppingService.call``, for REST and MCP alike.

``call`` checks, in order: the caller's UCP-Agent profile, its agent API key, its rate limit,
and for writes its idempotency key (a replay with the same key and request returns the stored
answer and creates nothing; the same key with another request is refused). Then it runs the
operation; any refusal is a UCP ``error_response`` and writes nothing.
"""

from __future__ import annotations

import re
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from knowledge import idempotency
from knowledge.agents import AgentKey, authenticate_agent
from knowledge.errors import ShopmageError
from knowledge.store import Store
from tools.ucp import catalog, commerce
from tools.ucp.errors import UcpError, from_domain
from tools.ucp.rate import MovingWindow, rate, retry_after

Handler = Callable[..., dict[str, Any]]
# name -> (handler, takes a resource id, takes a request object, is a write)
OPERATIONS: dict[str, tuple[Handler, bool, bool, bool]] = {
    "search_catalog": (catalog.search, False, True, False),
    "lookup_catalog": (catalog.lookup, False, True, False),
    "get_product": (catalog.get_product, False, True, False),
    "create_cart": (commerce.create_cart, False, True, True),
    "get_cart": (commerce.get_cart, True, False, False),
    "update_cart": (commerce.update_cart, True, True, True),
    "cancel_cart": (commerce.cancel_cart, True, False, True),
    "create_checkout": (commerce.create_checkout, False, True, True),
    "get_checkout": (commerce.get_checkout, True, False, False),
    "update_checkout": (commerce.update_checkout, True, True, True),
    "complete_checkout": (commerce.complete_checkout, True, False, True),
    "cancel_checkout": (commerce.cancel_checkout, True, False, True),
    "get_order": (commerce.get_order, True, False, False),
}
CREATES = {"create_cart", "create_checkout"}
PROFILE_ITEM = re.compile(r'(?:^|[,;]\s*)profile="(https?://[^"\s]+)"')
MAX_KEY = 255
AUTH_TTL = 10.0  # seconds a checked agent key is trusted without a database read
MAX_TRUSTED = 10_000


@dataclass
class Outcome:
    """What the caller gets: an HTTP status, the UCP body, extra headers, replay or not."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str] = field(default_factory=dict)
    replayed: bool = False


def api_key_from(headers: Mapping[str, str]) -> str | None:
    """The agent's key from ``X-API-Key``, or from ``Authorization: Bearer KEY``."""
    key = headers.get("x-api-key")
    auth = headers.get("authorization", "")
    if key is None and auth.lower().startswith("bearer "):
        key = auth[7:].strip()
    return key


def parse_ucp_agent(header: str | None) -> str:
    """The profile URI of a ``UCP-Agent: profile="https://..."`` header (400 otherwise)."""
    match = PROFILE_ITEM.search(header or "")
    if match is None:
        raise UcpError('the UCP-Agent header is required, as profile="https://<platform>/'
                       '.well-known/ucp"', code="invalid_ucp_agent", status=400,
                       severity="unrecoverable")
    return match.group(1)


class ShoppingService:
    """The store's UCP shopping operations for authenticated outside agents."""

    def __init__(self, store: Store) -> None:
        """Serve ``store``; rate limits are counted in this process."""
        self.store = store
        self.limiter = MovingWindow()
        self._agents: dict[str, tuple[float, AgentKey]] = {}
        self._locks = [threading.Lock() for _ in range(64)]

    def agent_for(self, api_key: str | None) -> AgentKey:
        """The agent owning ``api_key`` (a UCP 401 error otherwise).

        A key that passed is trusted for ``AUTH_TTL`` seconds without a database read (agents
        are never edited or removed; a wrong key is checked every time).
        """
        now = time.monotonic()
        known = self._agents.get(api_key or "")
        if known is not None and now - known[0] < AUTH_TTL:
            return known[1]
        try:
            agent = authenticate_agent(self.store.engine, api_key)
        except ShopmageError as exc:
            raise from_domain(exc) from exc
        if len(self._agents) >= MAX_TRUSTED:
            self._agents.clear()
        self._agents[str(api_key)] = (now, agent)
        return agent

    def _throttle(self, agent: AgentKey) -> None:
        wait = self.limiter.hit(rate(agent.rate_limit), agent.id)
        if wait:
            raise UcpError(f"rate limit of {agent.rate_limit} reached for agent {agent.name}; "
                           "retry shortly", code="rate_limited", status=429,
                           headers={"Retry-After": retry_after(wait)})

    def call(self, operation: str, *, api_key: str | None, agent_profile: str | None,
             base_url: str, resource_id: str | None = None, request: Any = None,
             idempotency_key: str | None = None) -> Outcome:
        """Run one UCP operation for the agent behind ``api_key``; never raises a UcpError."""
        try:
            if agent_profile is None:
                parse_ucp_agent(None)
            agent = self.agent_for(api_key)
            self._throttle(agent)
            return self._run(operation, agent, base_url, resource_id, request, idempotency_key)
        except UcpError as exc:
            return Outcome(exc.status, exc.body(), exc.headers)

    def _run(self, operation: str, agent: AgentKey, base_url: str, resource_id: str | None,
             request: Any, key: str | None) -> Outcome:
        handler, takes_id, takes_request, write = OPERATIONS[operation]
        if not write or key is None:
            return self._execute(handler, operation, agent, base_url, resource_id, request)
        if not key or len(key) > MAX_KEY:
            raise UcpError(f"Idempotency-Key must be 1 to {MAX_KEY} characters",
                           code="invalid_idempotency_key", status=400)
        digest = idempotency.request_hash(operation, [resource_id, request])
        with self._locks[zlib.crc32(f"{agent.id}:{key}".encode()) % len(self._locks)]:
            stored = idempotency.recall(self.store.engine, caller=agent.id, key=key)
            if stored is not None:
                if stored.request_hash != digest:
                    raise UcpError("this Idempotency-Key was already used for a different "
                                   "request; use a new key", code="idempotency_conflict",
                                   status=409, severity="unrecoverable")
                return Outcome(stored.status, stored.response, replayed=True)
            outcome = self._execute(handler, operation, agent, base_url, resource_id, request)
            if outcome.status < 400:
                idempotency.remember(self.store.engine, caller=agent.id, key=key,
                                     digest=digest, status=outcome.status,
                                     response=outcome.body)
            return outcome

    def _execute(self, handler: Handler, operation: str, agent: AgentKey, base_url: str,
                 resource_id: str | None, request: Any) -> Outcome:
        _, takes_id, takes_request, _ = OPERATIONS[operation]
        args: list[Any] = [self.store]
        if operation.endswith(("_cart", "_checkout", "_order")):
            args.append(agent.id)
        if takes_id:
            if not isinstance(resource_id, str) or not resource_id:
                raise UcpError("an id is required", code="invalid_request", status=400,
                               path="$.id")
            args.append(resource_id)
        if takes_request:
            request = {} if request is None else request
            if not isinstance(request, dict):
                raise UcpError("the request must be a JSON object", code="invalid_request",
                               status=400, path="$")
            args.append(request)
        try:
            body = handler(*args, base_url)
        except ShopmageError as exc:
            raise from_domain(exc) from exc
        return Outcome(201 if operation in CREATES else 200, body)
