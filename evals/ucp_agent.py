"""A scripted outside shopping agent speaking UCP over MCP (the ``mcp`` package's client).

For one WebShop goal it does what an agent platform does: discover the store's profile at
``/.well-known/ucp``, connect to the MCP endpoint it names, ``search_catalog`` with the
goal's words (and its price cap as a filter), put the listed product that best fits the goal
(:func:`choose`) in a cart, open a checkout session from the
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


OPTIONS = re.compile(r"[,.]?\s*(?:and\s+)?(?:also\b|please\s+choose\b|choose\b|select\b|"
                     r"with\s+(?:a\s+)?price\b|(?:and\s+)?price\s+(?:lower|less)\b|"
                     r"(?:lower|less)\s+than\s+\$?\d).*$", re.I)
PRICE_CAP = re.compile(r"(?:lower|less)\s+than\s+\$?(\d+(?:\.\d+)?)|(?:under|below)\s+\$?"
                       r"(\d+(?:\.\d+)?)\s*(?:dollars|\$|usd)?", re.I)
FILLER = frozenset("""a an the and or for with of to in on at by from that this it is are be
i im me my want need would like looking find get buy some one which who what also choose
please search searching size color colour pack high quality""".split())


def agent_query(goal: str) -> str:
    """The words the agent searches for: the goal without its request and option phrases.

    WebShop goals end with an option or price clause ("also choose 3ft", "price lower than
    40 dollars"): those pick among a product's options or filter it, they do not name it.
    """
    text = LEADING_ASK.sub("", " ".join(goal.split()), count=1)
    core = OPTIONS.sub("", text).strip(" ,.")
    return (core or text)[:300]


def goal_price_cap(goal: str) -> float | None:
    """The most the shopper will pay, when the goal says so ("lower than 40 dollars")."""
    match = PRICE_CAP.search(goal)
    return float(next(g for g in match.groups() if g)) if match else None


def _words(text: str) -> list[str]:
    out = []
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word not in FILLER and len(word) > 1:
            out.append(word)
    return out


def product_type(query: str) -> str | None:
    """The product type the query names (the tagger's first ``product_type`` span), folded."""
    from knowledge.nlp.tagger import tag

    for span in tag(query):
        if span.label == "product_type" and _words(span.text):
            return " ".join(_words(span.text))
    return None


def goal_weights(query: str) -> dict[str, float]:
    """How much each word of the search matters when reading titles.

    The product type (tagged by the store's QueryNER slot tagger, standing in for the
    language model a real agent platform would use) counts most, its last word, the head,
    above all; the other words a little.
    """
    from knowledge.nlp.tagger import tag

    weights = {w: 0.5 for w in _words(query)}
    for span in tag(query):
        if span.label == "product_type":
            words = _words(span.text)
            for w in words:
                weights[w] = max(weights.get(w, 0.0), 1.0)
            if words:
                weights[words[-1]] = 2.0
    return weights


def choose(goal: str, products: list[dict[str, Any]]) -> dict[str, Any]:
    """The listed product that best fits the goal, as a careful shopper reads a result page.

    A title scores the weights (:func:`goal_weights`) of the goal words it holds, less a
    little per place down the list (the store's order breaks ties). Products over the goal's
    price cap are passed over.
    """
    cap = goal_price_cap(goal)
    fitting = [p for p in products
               if cap is None or p["price_range"]["min"]["amount"] <= cap * 100] or products
    weights = goal_weights(agent_query(goal))

    def score(i: int) -> float:
        title = set(_words(fitting[i]["title"]))
        return sum(v for w, v in weights.items() if w in title) - 0.1 * i
    return fitting[max(range(len(fitting)), key=score)]


def discover(base_url: str) -> str:
    """The MCP endpoint of the store's UCP shopping service, from its profile."""
    profile = httpx.get(f"{base_url}/.well-known/ucp", timeout=30).json()
    services = profile["ucp"]["services"]["dev.ucp.shopping"]
    return str(next(s["endpoint"] for s in services if s["transport"] == "mcp"))


async def _call(client: Client, tool: str, **arguments: Any) -> dict[str, Any]:
    meta = {**PROFILE, "idempotency-key": str(uuid.uuid4())}
    result = await client.call_tool(tool, {"meta": meta, **arguments})
    body = result.structured_content
    if not isinstance(body, dict):
        raise RuntimeError(f"{tool} returned no structured content: {result}")
    if body.get("ucp", {}).get("status") == "error":
        raise RuntimeError(f"{tool}: {body['messages'][0]['content']}")
    return body


async def _search(client: Client, query: str, goal: str) -> list[dict[str, Any]]:
    """Available products for ``query``, within the goal's price cap when it has one."""
    catalog: dict[str, Any] = {"query": query, "pagination": {"limit": 20}}
    cap = goal_price_cap(goal)
    if cap is not None:
        catalog["filters"] = {"price": {"max": int(round(cap * 100))}}
    found = await _call(client, "search_catalog", catalog=catalog)
    return [p for p in found["products"]
            if p["variants"][0].get("availability", {}).get("available")]


async def shop(client: Client, goal: str) -> GoalRun:
    """Search, cart and check out one goal through an open MCP session."""
    run = GoalRun(goal=goal, query=agent_query(goal))
    started = time.perf_counter()
    try:
        products = await _search(client, run.query, goal)
        head = product_type(run.query)
        if head and not any(head.split()[-1] in _words(p["title"]) for p in products):
            more = await _search(client, head, goal)  # the type alone, as shoppers re-search
            known = {p["id"] for p in products}
            products += [p for p in more if p["id"] not in known]
        if not products:
            raise RuntimeError("no available product found")
        chosen = choose(goal, products)
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
