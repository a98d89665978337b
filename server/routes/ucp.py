"""UCP over REST: the business profile and the shopping service.

``/.well-known/ucp`` is the profile; ``/ucp`` serves catalog, carts, checkout sessions and
orders. Thin: every operation is one call of :class:`tools.ucp.service.ShoppingService`,
which MCP shares.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server.deps import AppState
from server.errors import ServiceUnavailableError
from tools.ucp.errors import UcpError
from tools.ucp.profile import business_profile
from tools.ucp.service import Outcome, ShoppingService, parse_ucp_agent

router = APIRouter(tags=["ucp"])


async def setup(state: AppState) -> None:
    """Build the shopping service once."""
    state.ucp = ShoppingService(state.store)


def base_url(request: Request) -> str:
    """The server's own origin, as the caller reached it."""
    return str(request.base_url).rstrip("/")


def _api_key(request: Request) -> str | None:
    key = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if key is None and auth.lower().startswith("bearer "):
        key = auth[7:].strip()
    return key


def _reply(outcome: Outcome, request: Request) -> JSONResponse:
    headers = dict(outcome.headers)
    if request_id := request.headers.get("request-id"):
        headers["Request-Id"] = request_id
    if outcome.replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(outcome.body, outcome.status, headers)


async def _body(request: Request) -> Any:
    raw = await request.body()
    if not raw:
        raise UcpError("a JSON request body is required", code="invalid_request", status=400)
    try:
        return json.loads(raw)
    except ValueError as exc:
        raise UcpError(f"the request body is not JSON: {exc}", code="invalid_request",
                       status=400) from exc


async def _serve(request: Request, operation: str, resource_id: str | None = None, *,
                 has_body: bool = False, write: bool = False) -> JSONResponse:
    service = request.app.state.shopmage.ucp
    if service is None:
        raise ServiceUnavailableError("the UCP shopping service is not set up on this server")
    try:
        profile = parse_ucp_agent(request.headers.get("ucp-agent"))
        key = request.headers.get("idempotency-key")
        if write and key is None:
            raise UcpError("the Idempotency-Key header is required on this operation",
                           code="invalid_idempotency_key", status=400)
        body = await _body(request) if has_body else None
    except UcpError as exc:
        return _reply(Outcome(exc.status, exc.body(), exc.headers), request)
    outcome = await run_in_threadpool(
        service.call, operation, api_key=_api_key(request), agent_profile=profile,
        base_url=base_url(request), resource_id=resource_id, request=body,
        idempotency_key=key if write else None)
    return _reply(outcome, request)


@router.get("/.well-known/ucp")
def profile(request: Request) -> dict[str, Any]:
    """The UCP business profile: services, capabilities, no payment handlers."""
    return business_profile(base_url(request))


@router.post("/ucp/catalog/search")
async def search_catalog(request: Request) -> JSONResponse:
    """Search the catalogue (query, categories, price filters, pagination)."""
    return await _serve(request, "search_catalog", has_body=True)


@router.post("/ucp/catalog/lookup")
async def lookup_catalog(request: Request) -> JSONResponse:
    """Products by id."""
    return await _serve(request, "lookup_catalog", has_body=True)


@router.post("/ucp/catalog/product")
async def get_product(request: Request) -> JSONResponse:
    """One product's detail."""
    return await _serve(request, "get_product", has_body=True)


@router.post("/ucp/carts")
async def create_cart(request: Request) -> JSONResponse:
    """Create a cart."""
    return await _serve(request, "create_cart", has_body=True, write=True)


@router.get("/ucp/carts/{cart_id}")
async def get_cart(request: Request, cart_id: str) -> JSONResponse:
    """A cart."""
    return await _serve(request, "get_cart", cart_id)


@router.put("/ucp/carts/{cart_id}")
async def update_cart(request: Request, cart_id: str) -> JSONResponse:
    """Replace a cart's lines."""
    return await _serve(request, "update_cart", cart_id, has_body=True, write=True)


@router.post("/ucp/carts/{cart_id}/cancel")
async def cancel_cart(request: Request, cart_id: str) -> JSONResponse:
    """Cancel a cart."""
    return await _serve(request, "cancel_cart", cart_id, write=True)


@router.post("/ucp/checkout-sessions")
async def create_checkout(request: Request) -> JSONResponse:
    """Open a checkout session (reserves stock; hands off to the store's page)."""
    return await _serve(request, "create_checkout", has_body=True, write=True)


@router.get("/ucp/checkout-sessions/{checkout_id}")
async def get_checkout(request: Request, checkout_id: str) -> JSONResponse:
    """A checkout session."""
    return await _serve(request, "get_checkout", checkout_id)


@router.put("/ucp/checkout-sessions/{checkout_id}")
async def update_checkout(request: Request, checkout_id: str) -> JSONResponse:
    """Replace an open session's lines."""
    return await _serve(request, "update_checkout", checkout_id, has_body=True, write=True)


@router.post("/ucp/checkout-sessions/{checkout_id}/complete")
async def complete_checkout(request: Request, checkout_id: str) -> JSONResponse:
    """Complete: the buyer places the order on the store's page (continue_url)."""
    return await _serve(request, "complete_checkout", checkout_id, write=True)


@router.post("/ucp/checkout-sessions/{checkout_id}/cancel")
async def cancel_checkout(request: Request, checkout_id: str) -> JSONResponse:
    """Cancel a session and release its stock."""
    return await _serve(request, "cancel_checkout", checkout_id, write=True)


@router.get("/ucp/orders/{order_id}")
async def get_order(request: Request, order_id: str) -> JSONResponse:
    """An order placed from one of the agent's checkout sessions."""
    return await _serve(request, "get_order", order_id)
