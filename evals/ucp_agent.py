"""A scripted outside shopping agent speaking UCP over MCP (the ``mcp`` package's client).

For one WebShop goal it does what an agent platform does: discover the store's profile at
``/.well-known/ucp``, connect to the MCP endpoint it names, ``search_catalog`` with the
goal's words, put the first available product in a cart, open a checkout session from the
cart, and read it back. It then cancels the session (releasing the reserved stock) so goals
do not starve each other. Deciding whether the checkout is *right* is not its job: see
:mod:`evals.ucp_goals`.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx
from mcp import Client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

PROFILE = {"ucp-agent": {"profile": "https://eval-agent.example/.well-known/ucp"}}
LEADING_ASK = re.compile(r"^(?:i\s*(?:am|'m)?\s*|im\s+)?(?:would like|need|want|looking for|"
                         r"searching for|find me|get me|show me)\s+(?:to\s+(?:buy|find|get)\s+)?",
                         re.I)


@dataclass
class GoalRun:
    """What the agent reached for one goal."""

    goal: str
    query: str
    checkout_id: str | None = None
    status: str | None = None
    product_id: str | None = None
    title: str | None = None
    price: float | None = None
    quantity: int | None = None
    seconds: float = 0.0
    error: str | None = None


def agent_query(goal: str) -> str:
    """The words the agent searches for: the goal without its leading request phrase."""
    return LEADING_ASK.sub("", " ".join(goal.split()), count=1)[:300]


def discover(base_url: str) -> str:
    """The MCP endpoint of the store's UCP shopping service, from its profile."""
    profile = httpx.get(f"{base_url}/.well-known/ucp", timeout=30).json()
    services = profile["ucp"]["services"]["dev.ucp.shopping"]
    return next(s["endpoint"] for s in services if s["transport"] == "mcp")


async def _call(client: Client, tool: str, **arguments: Any) -> dict[str, Any]:
    meta = {**PROFILE, "idempotency-key": str(uuid.uuid4())}
    result = await client.call_tool(tool, {"meta": meta, **arguments})
    body = result.structured_content
    if not isinstance(body, dict):
        raise RuntimeError(f"{tool} returned no structured content: {result}")
    if body.get("ucp", {}).get("status") == "error":
        raise RuntimeError(f"{tool}: {body['messages'][0]['content']}")
    return body


async def shop(client: Client, goal: str) -> GoalRun:
    """Search, cart and check out one goal through an open MCP session."""
    run = GoalRun(goal=goal, query=agent_query(goal))
    started = time.perf_counter()
    try:
        found = await _call(client, "search_catalog",
                            catalog={"query": run.query, "pagination": {"limit": 10}})
        products = [p for p in found["products"]
                    if p["variants"][0].get("availability", {}).get("available")]
        if not products:
            raise RuntimeError("no available product found")
        chosen = products[0]
        cart = await _call(client, "create_cart", cart={
            "line_items": [{"item": {"id": chosen["id"]}, "quantity": 1}]})
        made = await _call(client, "create_checkout", checkout={"cart_id": cart["id"]})
        checkout = await _call(client, "get_checkout", id=made["id"])
        line = checkout["line_items"][0]
        run.checkout_id, run.status = checkout["id"], checkout["status"]
        run.product_id, run.title = line["item"]["id"], line["item"]["title"]
        run.price, run.quantity = line["item"]["price"] / 100, line["quantity"]
        await _call(client, "cancel_checkout", id=checkout["id"])
    except (RuntimeError, KeyError, StopIteration) as exc:
        run.error = str(exc)
    run.seconds = time.perf_counter() - started
    return run


async def shop_goals(base_url: str, api_key: str, goals: list[str]) -> list[GoalRun]:
    """Discover the store, open one MCP session with the agent key, shop every goal."""
    endpoint = discover(base_url)
    http = create_mcp_http_client(headers={"X-API-Key": api_key})
    async with Client(streamable_http_client(endpoint, http_client=http)) as client:
        return [await shop(client, goal) for goal in goals]
