"""UCP over REST: the business profile and the shopping service.

``/.well-known/ucp`` is the profile; ``/ucp`` serves catalog, carts, checkout sessions and
orders. Thin: every operation is one call of :class:`tools.ucp.service.ShoppingService`,
which MCP shares.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from server.deps import AppState
from server.errors import ServiceUnavailableError
from tools.ucp.errors import UcpError
from tools.ucp.profile import business_profile
from tools.ucp.service import (
    OPERATIONS,
    Outcome,
    ShoppingService,
    api_key_from,
    parse_ucp_agent,
)

router = APIRouter(tags=["ucp"])


async def setup(state: AppState) -> None:
    """Build the shopping service once."""
    state.ucp = ShoppingService(state.store)


def base_url(request: Request) -> str:
    """The server's own origin, as the caller reached it."""
    return str(request.base_url).rstrip("/")


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
        service.call, operation, api_key=api_key_from(request.headers), agent_profile=profile,
        base_url=base_url(request), resource_id=resource_id, request=body,
        idempotency_key=key if write else None)
    return _reply(outcome, request)


@router.get("/.well-known/ucp")
def profile(request: Request) -> dict[str, Any]:
    """The UCP business profile: services, capabilities, no payment handlers."""
    return business_profile(base_url(request))


# method, path, operation (tools.ucp.service.OPERATIONS says if it takes a body, is a write),
# the path's id parameter, and the one-line description shown in the OpenAPI document.
ROUTES: list[tuple[str, str, str, str | None, str]] = [
    ("POST", "/ucp/catalog/search", "search_catalog", None,
     "Search the catalogue (query, categories, price filters, pagination)."),
    ("POST", "/ucp/catalog/lookup", "lookup_catalog", None, "Products by id."),
    ("POST", "/ucp/catalog/product", "get_product", None, "One product's detail."),
    ("POST", "/ucp/carts", "create_cart", None, "Create a cart."),
    ("GET", "/ucp/carts/{cart_id}", "get_cart", "cart_id", "A cart."),
    ("PUT", "/ucp/carts/{cart_id}", "update_cart", "cart_id", "Replace a cart's lines."),
    ("POST", "/ucp/carts/{cart_id}/cancel", "cancel_cart", "cart_id", "Cancel a cart."),
    ("POST", "/ucp/checkout-sessions", "create_checkout", None,
     "Open a checkout session (reserves stock; hands off to the store's page)."),
    ("GET", "/ucp/checkout-sessions/{checkout_id}", "get_checkout", "checkout_id",
     "A checkout session."),
    ("PUT", "/ucp/checkout-sessions/{checkout_id}", "update_checkout", "checkout_id",
     "Replace an open session's lines."),
    ("POST", "/ucp/checkout-sessions/{checkout_id}/complete", "complete_checkout", "checkout_id",
     "Complete: the buyer places the order on the store's page (continue_url)."),
    ("POST", "/ucp/checkout-sessions/{checkout_id}/cancel", "cancel_checkout", "checkout_id",
     "Cancel a session and release its stock."),
    ("GET", "/ucp/orders/{order_id}", "get_order", "order_id",
     "An order placed from one of the agent's checkout sessions."),
]


def _endpoint(operation: str, id_param: str | None) -> Callable[..., Awaitable[JSONResponse]]:
    """The route function of one operation (with its path id, when it has one)."""
    _, _, has_body, write = OPERATIONS[operation]
    if id_param is None:
        async def call(request: Request) -> JSONResponse:
            return await _serve(request, operation, has_body=has_body, write=write)
        return call

    async def call_with_id(request: Request,
                           resource_id: str = Path(alias=id_param)) -> JSONResponse:
        return await _serve(request, operation, resource_id, has_body=has_body, write=write)
    return call_with_id


for _method, _path, _operation, _id_param, _description in ROUTES:
    router.add_api_route(_path, _endpoint(_operation, _id_param), methods=[_method],
                         name=_operation, description=_description,
                         response_class=JSONResponse)
