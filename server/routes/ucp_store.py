"""The buyer's side of agent checkouts, and the ACP feed.

- ``/api/checkout/{id}``: what the store's checkout page (``/store/checkout.html``, the
  ``continue_url`` of a UCP checkout session) shows, and the buyer's confirmation, which
  places the order. The link's token proves the buyer holds the hand-off link.
- ``/.well-known/acp.json`` and ``/acp/feed.jsonl|csv``: the ACP product feed.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from knowledge import checkouts
from knowledge.commerce import CheckoutSession
from server.deps import StateDep
from server.routes.ucp import base_url
from tools.feed.acp import feed_lines, products
from tools.ucp.profile import acp_declaration

router = APIRouter(tags=["ucp"])


class Confirmation(BaseModel):
    """The buyer's confirmation from the store's checkout page."""

    token: str = Field(min_length=1, max_length=200)
    name: str | None = Field(default=None, max_length=120)
    email: str | None = Field(default=None, max_length=200)


def _summary(c: CheckoutSession) -> dict[str, Any]:
    lines = [{"product_id": line["product_id"], "title": line["title"],
              "quantity": line["quantity"], "unit_price": line["unit_price"] / 100}
             for line in c.lines]
    total = sum(line["unit_price"] * line["quantity"] for line in c.lines) / 100
    return {"id": c.id, "status": c.status, "currency": c.currency, "lines": lines,
            "total": round(total, 2), "order_id": c.order_id}


@router.get("/api/checkout/{checkout_id}")
def checkout_page_data(state: StateDep, checkout_id: str, token: str = "") -> dict[str, Any]:
    """The session behind a hand-off link (403-style 401 for a wrong token)."""
    return _summary(checkouts.checkout_for_buyer(state.store.engine, checkout_id=checkout_id,
                                                 token=token))


@router.post("/api/checkout/{checkout_id}/confirm")
def confirm(state: StateDep, checkout_id: str, body: Confirmation) -> dict[str, Any]:
    """The buyer places the order: stock stays sold, purchases are recorded."""
    buyer = {k: v for k, v in (("name", body.name), ("email", body.email)) if v}
    order = checkouts.confirm_checkout(state.store.engine, checkout_id=checkout_id,
                                       token=body.token, buyer=buyer)
    return {"order_id": order.id, "status": "completed", "total": order.total / 100,
            "currency": order.currency, "channel": order.channel}


@router.get("/.well-known/acp.json")
def acp(request: Request) -> dict[str, Any]:
    """The ACP discovery document declaring the product feed."""
    return acp_declaration(base_url(request))


@router.get("/acp/feed.{fmt}")
async def feed(request: Request, state: StateDep, fmt: str) -> StreamingResponse:
    """The whole catalogue as an ACP JSONL feed (``feed.jsonl``) or flat CSV (``feed.csv``)."""
    kind = {"jsonl": "acp", "csv": "csv"}.get(fmt)
    if kind is None:
        from knowledge.errors import NotFoundError

        raise NotFoundError("feeds are /acp/feed.jsonl and /acp/feed.csv")
    lines = await run_in_threadpool(
        lambda: list(feed_lines(products(state.store.engine), kind,  # type: ignore[arg-type]
                                base_url(request))))
    media = "application/x-ndjson" if kind == "acp" else "text/csv"
    return StreamingResponse(iter(lines), media_type=media)
