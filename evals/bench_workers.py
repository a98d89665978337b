"""Two-worker conversation continuity: scripted shopper conversations, turns alternating workers.

Every conversation runs turn by turn on worker a, then b, then a... Each turn is checked
against what the shopper was shown before (on the other worker): the category and price
cap are kept, "cheaper" is cheaper, "the first one" is the first product shown, and the
cart holds exactly what was added. The figure is the share of conversations with no
broken turn.

Usage, against two workers serving the same database, Chroma and model server and holding
:data:`CATALOG` (``--write-catalog FILE`` writes it for ``shopmage ingest catalog``)::

    python -m evals.bench_workers ws://127.0.0.1:8001 ws://127.0.0.1:8002
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets

CATALOG: list[dict[str, Any]] = [
    {"product_id": "S1", "product_title": "Comfora Slip-Resistant Walking Shoes", "price": 59.0,
     "category": "shoes", "product_brand": "Comfora", "product_color": "black", "stock": 5,
     "attributes": {"type": "walking shoes", "features": ["slip-resistant", "wide-fit"]}},
    {"product_id": "S2", "product_title": "PaceLab Cushioned Running Shoes", "price": 99.0,
     "category": "shoes", "product_brand": "PaceLab", "product_color": "blue", "stock": 3,
     "attributes": {"type": "running shoes", "features": ["cushioned", "breathable"]}},
    {"product_id": "S3", "product_title": "TerraStep Waterproof Hiking Boots", "price": 140.0,
     "category": "shoes", "product_brand": "TerraStep", "product_color": "brown", "stock": 0,
     "attributes": {"type": "hiking boots", "features": ["waterproof"]}},
    {"product_id": "C1", "product_title": "Bloomline Maternity Leggings", "price": 35.0,
     "category": "clothing", "product_brand": "Bloomline", "product_color": "black", "stock": 9,
     "product_bullet_point": "Stretch fabric\nAdjustable waist",
     "attributes": {"type": "maternity leggings", "features": ["stretch", "adjustable-waist"]}},
    {"product_id": "C2", "product_title": "Stridewell Quick-Dry Running Shorts", "price": 24.0,
     "category": "clothing", "product_brand": "Stridewell", "product_color": "blue", "stock": 7,
     "attributes": {"type": "running shorts", "features": ["quick-dry", "breathable"]}},
    {"product_id": "C3", "product_title": "Northvale Waterproof Rain Jacket", "price": 89.0,
     "category": "clothing", "product_brand": "Northvale", "product_color": "green", "stock": 4,
     "attributes": {"type": "rain jacket", "features": ["waterproof", "packable"]}},
    {"product_id": "K1", "product_title": "Hearthware Non-Stick Frying Pan 10 inch", "price": 42.0,
     "category": "kitchen", "product_brand": "Hearthware", "product_color": "black", "stock": 2,
     "attributes": {"type": "frying pan", "features": ["non-stick", "induction-compatible"]}},
    {"product_id": "K2", "product_title": "Hearthware Stainless Steel Saucepan 2 quart",
     "price": 28.0, "category": "kitchen", "product_brand": "Hearthware",
     "product_color": "silver", "stock": 6,
     "attributes": {"type": "saucepan", "features": ["stainless", "dishwasher-safe"]}},
    {"product_id": "K3", "product_title": "Edgecraft Chef Knife 8 inch", "price": 65.0,
     "category": "kitchen", "product_brand": "Edgecraft", "product_color": "black", "stock": 8,
     "attributes": {"type": "chef knife", "features": ["forged", "full-tang"]}},
]


@dataclass(frozen=True)
class Step:
    """One shopper turn and what it must show.

    ``kind``: ``search`` (results of ``category`` within ``cap``), ``refine`` (same category
    as before, now within ``cap``), ``cheaper`` (same category, all below the dearest shown
    before), ``add`` (the cart gains the ``index``-th product shown), ``cart`` (the cart is
    unchanged).
    """

    text: str
    kind: str
    category: str | None = None
    cap: float | None = None
    index: int = 0


def _s(text: str, category: str, cap: float | None = None) -> Step:
    """A new search that must show only ``category``, within ``cap`` when given."""
    return Step(text, "search", category, cap)


FIRST, SECOND = Step("add the first one to my cart", "add"), Step(
    "add the second one to my cart", "add", index=1)
CART, CHEAPER = Step("show my cart", "cart"), Step("cheaper", "cheaper")

CONVERSATIONS: list[list[Step]] = [
    [_s("shoes under 150", "shoes", 150), FIRST, CHEAPER, CART],
    [_s("show me clothing under 100", "clothing", 100), CHEAPER, FIRST, CART],
    [_s("kitchen things under 70", "kitchen", 70), CHEAPER, FIRST, CART],
    [_s("shoes under 100", "shoes", 100), SECOND, CHEAPER, CART],
    [_s("clothing under 50", "clothing", 50), FIRST, SECOND, CART],
    [_s("kitchen under 50", "kitchen", 50), SECOND, CART],
    [_s("frying pans under 60", "kitchen", 60), FIRST, _s("shoes under 100", "shoes", 100),
     FIRST, CART],
    [_s("show me shoes", "shoes"), Step("under 100", "refine", cap=100), FIRST, CART],
    [_s("show me clothing", "clothing"), Step("under 50", "refine", cap=50), FIRST, CART],
    [_s("kitchen under 45", "kitchen", 45), CHEAPER, FIRST, CART],
    [_s("running shoes under 120", "shoes", 120), FIRST, CART],
    [_s("clothing under 100", "clothing", 100), FIRST, _s("kitchen under 100", "kitchen", 100),
     FIRST, CART],
    [_s("kitchen under 100", "kitchen", 100), FIRST, SECOND, CART],
    [_s("show me shoes under 120", "shoes", 120), FIRST, CART, CHEAPER],
    [_s("clothing", "clothing"), CHEAPER, FIRST, CART],
    [_s("shoes", "shoes"), FIRST, _s("clothing under 40", "clothing", 40), FIRST, CART],
    [_s("kitchen under 70", "kitchen", 70), SECOND, Step("under 50", "refine", cap=50), FIRST,
     CART],
    [_s("walking shoes under 80", "shoes", 80), FIRST, CART],
    [_s("a chef knife under 100", "kitchen", 100), FIRST, CART],
    [_s("rain jacket under 100", "clothing", 100), FIRST, CART],
    [_s("what do you have for the kitchen", "kitchen"), Step("under 60", "refine", cap=60), CHEAPER,
     FIRST, CART],
    [_s("clothing under 90", "clothing", 90), SECOND, CHEAPER, FIRST, CART],
]


@dataclass
class Memory:
    """What the shopper has seen so far in one conversation."""

    shown: list[dict[str, Any]] = field(default_factory=list)
    category: str | None = None
    cart: dict[str, int] = field(default_factory=dict)


def _products(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The product cards a turn showed."""
    return [item for e in events if e["type"] == "products" for item in e["items"]]


def _cart(events: list[dict[str, Any]]) -> dict[str, int] | None:
    """The cart a turn showed last, as {product id: quantity}; None when it showed none."""
    carts = [e for e in events if e["type"] == "cart"]
    return {i["product_id"]: i["quantity"] for i in carts[-1]["items"]} if carts else None


def _check_results(step: Step, shown: list[dict[str, Any]], memory: Memory) -> list[str]:
    """Problems with a search/refine/cheaper turn's products, given what came before."""
    if not shown:
        return ["no products shown"]
    category = step.category if step.kind == "search" else memory.category
    problems = [f"{p['id']} is {p['category']}, not {category}" for p in shown
                if p["category"] != category]
    if step.cap is not None:
        problems += [f"{p['id']} costs {p['price']} > {step.cap}" for p in shown
                     if p["price"] > step.cap]
    if step.kind == "cheaper":
        dearest = max(p["price"] for p in memory.shown)
        problems += [f"{p['id']} at {p['price']} is not cheaper than {dearest}" for p in shown
                     if p["price"] >= dearest]
    return problems


def check_turn(step: Step, events: list[dict[str, Any]], memory: Memory) -> list[str]:
    """What went wrong in one turn (empty when it continued the conversation); updates memory."""
    errors = [str(e.get("message")) for e in events if e["type"] in ("error", "busy")]
    if errors:
        return errors
    if step.kind == "add":
        if step.index >= len(memory.shown):
            return [f"script error: nothing at position {step.index + 1}"]
        picked = memory.shown[step.index]["id"]
        memory.cart[picked] = memory.cart.get(picked, 0) + 1
    if step.kind in ("add", "cart"):
        cart = _cart(events)
        return [] if cart == memory.cart else [f"cart {cart}, expected {memory.cart}"]
    shown = _products(events)
    problems = _check_results(step, shown, memory)
    memory.shown, memory.category = shown, step.category or memory.category
    return problems


Say = Callable[[int, str, str], Awaitable[list[dict[str, Any]]]]


async def run_conversation(say: Say, session: str, steps: list[Step]) -> list[str]:
    """Play one conversation, turn ``n`` on worker ``n % 2``; the problems found."""
    memory, problems = Memory(), []
    for n, step in enumerate(steps):
        events = await say(n % 2, session, step.text)
        problems += [f"turn {n + 1} {step.text!r} on worker {'ab'[n % 2]}: {p}"
                     for p in check_turn(step, events, memory)]
    return problems


async def run_all(say: Say, prefix: str = "") -> dict[str, Any]:
    """Every scripted conversation; the continuity share, the problems and the time taken."""
    prefix = prefix or uuid.uuid4().hex[:8]
    started, broken = time.perf_counter(), {}
    for n, steps in enumerate(CONVERSATIONS):
        problems = await run_conversation(say, f"{prefix}-{n}", steps)
        if problems:
            broken[n] = problems
    total = len(CONVERSATIONS)
    return {"conversations": total, "turns": sum(len(s) for s in CONVERSATIONS),
            "continuity": (total - len(broken)) / total, "broken": broken,
            "seconds": round(time.perf_counter() - started, 1)}


def websocket_say(urls: list[str]) -> Say:
    """A ``say`` that sends each turn over a fresh ``/ws/shopper`` socket to ``urls[worker]``."""

    async def say(worker: int, session: str, text: str) -> list[dict[str, Any]]:
        url = f"{urls[worker]}/ws/shopper?session_id={session}"
        async with websockets.connect(url) as ws:
            events = [json.loads(await ws.recv())]
            await ws.send(json.dumps({"type": "message", "text": text}))
            while events[-1]["type"] != "done":
                events.append(json.loads(await asyncio.wait_for(ws.recv(), 120)))
        return events

    return say


def main() -> None:
    """Print the continuity figure for two running workers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="*", help="ws://host:port of worker a and worker b")
    parser.add_argument("--write-catalog", type=Path, help="write CATALOG as JSONL and stop")
    args = parser.parse_args()
    if args.write_catalog:
        args.write_catalog.write_text("".join(json.dumps(r) + "\n" for r in CATALOG))
        return
    if len(args.urls) != 2:
        parser.error("give the two workers' ws:// addresses")
    figures = asyncio.run(run_all(websocket_say(args.urls)))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
