"""Checks for the ``shopper`` suite: did each scripted turn do its job, and stay grounded.

Expectations are checked against the catalogue the eval runs on, never against fixed ids:
a result must satisfy the shopper's constraints, or, when no product in the catalogue
satisfies all of them, the agent must say so ("we don't carry that") with alternatives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from knowledge.carts import show_cart
from knowledge.models import Product
from knowledge.store import Store
from tools.catalog import filters_for, products_by_ids

_PRICE = re.compile(r"\$\s?(\d+(?:\.\d{1,2})?)|(\d+(?:\.\d{1,2})?)\s?(?:dollars?|usd)\b", re.I)


@dataclass
class TurnOutcome:
    """What the agent did in one turn, as the eval sees it."""

    intent: str
    slots: dict[str, Any]
    cards: list[dict[str, Any]]
    cart: dict[str, Any] | None
    clarified: bool
    reply: str
    relaxed: list[str]
    constraints: dict[str, Any]
    comparison: dict[str, Any] | None = None
    cart_before: dict[str, Any] | None = None
    failures: list[str] = field(default_factory=list)


def slot_hits(expected: dict[str, Any], parsed: dict[str, Any]) -> tuple[int, int]:
    """(correct, total) over the expected slot keys."""
    correct = 0
    for key, want in expected.items():
        got = parsed.get(key)
        if isinstance(want, list):
            correct += int(isinstance(got, list) and all(w in got for w in want))
        elif isinstance(want, int | float) and not isinstance(want, bool):
            correct += int(got is not None and abs(float(got) - float(want)) < 0.01)
        else:
            correct += int(str(got).lower() == str(want).lower())
    return correct, len(expected)


def satisfiable(store: Store, constraints: dict[str, Any]) -> bool:
    """Tell whether some product in the catalogue meets every constraint (search filters)."""
    return bool(store.search.index.mask(filters_for(constraints)).any())


_CATALOGUES: dict[int, list[Product]] = {}


def catalogue_can_satisfy(store: Store, want: dict[str, Any]) -> bool:
    """Whether some catalogue product meets the turn's *expected* results.

    Computed from the catalogue rows with the same test a shown product must pass
    (:func:`_product_ok`), never from what the parser understood.
    """
    from sqlmodel import Session, select

    if id(store) not in _CATALOGUES:
        with Session(store.engine) as session:
            _CATALOGUES[id(store)] = list(session.exec(select(Product)))
    return any(not _product_ok(p, want) for p in _CATALOGUES[id(store)])


def _product_ok(p: Product, want: dict[str, Any]) -> list[str]:
    tags = p.tags()
    problems = []
    if want.get("category") and p.category != want["category"]:
        problems.append(f"category {p.category} != {want['category']}")
    if want.get("product_type") and (p.attributes or {}).get("type") != want["product_type"]:
        problems.append(f"type {(p.attributes or {}).get('type')} != {want['product_type']}")
    if want.get("color") and (p.color or "").lower() != want["color"]:
        problems.append(f"color {p.color} != {want['color']}")
    if want.get("audience") and want["audience"] not in tags:
        problems.append(f"audience {want['audience']} missing")
    for attribute in want.get("attributes", []):
        if attribute not in tags:
            problems.append(f"feature {attribute} missing")
    if want.get("max_price") is not None and (p.price or 0) > want["max_price"]:
        problems.append(f"price {p.price} > {want['max_price']}")
    return problems


def check_results(store: Store, want: dict[str, Any], out: TurnOutcome,
                  previous: list[dict[str, Any]]) -> list[str]:
    """Failures of a results expectation (empty list: the turn succeeded)."""
    said = "don't carry" in out.reply.lower() or "do not carry" in out.reply.lower()
    if said or out.relaxed:
        if not want.get("any") and catalogue_can_satisfy(store, want):
            return [f"said we don't carry it (relaxed {out.relaxed}) though the catalogue "
                    "has a match"]
        return [] if said else ["relaxed without saying so"]
    if not out.cards:
        return ["no products shown"]
    if want.get("any"):
        return []
    products = products_by_ids(store, [c["id"] for c in out.cards])
    problems = _product_ok(products[0], want)
    if want.get("category"):
        problems += [f"card {p.id} off-category" for p in products
                     if p.category != want["category"]]
    if want.get("cheaper_than_before") and previous:
        before = max(c["price"] or 0 for c in previous)
        if max(c["price"] or 0 for c in out.cards) >= before:
            problems.append("not cheaper than before")
    return problems


def check_turn(store: Store, session_id: str, expect: dict[str, Any], out: TurnOutcome,
               previous: list[dict[str, Any]]) -> list[str]:
    """Every failure of one turn against its expectations."""
    fails: list[str] = []
    if expect.get("intent") and out.intent != expect["intent"]:
        fails.append(f"intent {out.intent} != {expect['intent']}")
    if "clarify" in expect and out.clarified != expect["clarify"]:
        fails.append(f"clarified={out.clarified}")
    if "results" in expect:
        fails += check_results(store, expect["results"], out, previous)
    if "about" in expect:
        want = previous[expect["about"]]["id"] if len(previous) > expect["about"] else None
        if not out.cards or out.cards[0]["id"] != want:
            fails.append(f"answered about the wrong product (wanted {want})")
    if "compared" in expect:
        want_ids = {previous[i]["id"] for i in expect["compared"] if i < len(previous)}
        if {c["id"] for c in out.cards} != want_ids or len(want_ids) < 2:
            fails.append("compared the wrong products")
    if "cart_has" in expect:
        i = expect["cart_has"]
        want = previous[i]["id"] if i < len(previous) else None
        ids = [line["product_id"] for line in (out.cart or {}).get("items", [])]
        if want is None or want not in ids:
            fails.append(f"cart lacks {want}")
    if "cart_size" in expect:
        lines = len(show_cart(store.engine, session_id).items)
        if lines != expect["cart_size"]:
            fails.append(f"cart has {lines} lines, expected {expect['cart_size']}")
    if expect.get("unchanged") and (out.cards or out.cart):
        fails.append("out-of-scope turn showed products or touched the cart")
    return fails


@dataclass
class GroundingChecker:
    """Independent check of a reply: prices, titles and brands must come from this turn."""

    titles: set[str]
    brands: set[str]

    @classmethod
    def for_store(cls, store: Store) -> GroundingChecker:
        """Read every catalogue title and brand once."""
        from sqlmodel import Session, select

        with Session(store.engine) as session:
            rows = list(session.exec(select(Product.title, Product.brand)))
        return cls({t for t, _ in rows if t and len(t) > 8}, {b for _, b in rows if b})

    def violations(self, store: Store, out: TurnOutcome, user_text: str) -> list[str]:
        """Names and prices in the reply that the turn's tool results do not contain."""
        allowed_ids = [c["id"] for c in out.cards]
        lines = [*(out.cart or {}).get("items", []), *(out.cart_before or {}).get("items", [])]
        allowed_ids += [line["product_id"] for line in lines]
        products = products_by_ids(store, allowed_ids)
        titles = {p.title for p in products} | {line["title"] for line in lines}
        brands = {p.brand for p in products if p.brand}
        prices = [p.price for p in products if p.price is not None]
        prices += [(out.cart or {}).get("total", -1.0)]
        prices += [float(n) for n in re.findall(r"\d+(?:\.\d+)?", user_text)]
        prices += [v for k, v in out.constraints.items() if k.endswith("price") and v]
        problems = []
        for m in _PRICE.finditer(out.reply):
            value = float(m.group(1) or m.group(2))
            if not any(abs(value - p) < 0.011 for p in prices):
                problems.append(f"price {m.group(0)}")
        for title in self.titles - titles:
            if title in out.reply and not any(title in t for t in titles):
                problems.append(f"title {title}")
        for brand in self.brands - brands:
            if re.search(rf"(?<!\w){re.escape(brand)}(?!\w)", out.reply):
                problems.append(f"brand {brand}")
        return problems
