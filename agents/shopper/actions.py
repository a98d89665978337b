"""The act step: call the tool the router chose and plan the reply (never the model's choice).

Each handler returns a plan: ``cards`` (shown products), ``events`` (cart...), ``template``
(a grounded reply built from tool results) and ``llm`` (whether the model may word it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agents.protocol import event
from agents.shopper.context import ShopperContext
from agents.shopper.honesty import TypeCheck, check_type, dont_carry_sentence, plural
from agents.shopper.turn import Plan, Understanding
from agents.shopper.understand import constraints_from, merge_constraints
from knowledge import carts as cart_tools
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.search import Hit
from tools.catalog import card, compare_products, find_products, match_reasons, product_details
from tools.recommend import for_you, note_event, profile_vector

OUT_OF_SCOPE = ("I can help you find products, compare them and manage your cart. I can't "
                "share other shoppers' data or change anything in the store.")
_LABELS = {"attributes": "those features", "size": "that size", "color": "that colour",
           "material": "that material", "brand": "that brand", "audience": "that audience",
           "product_type": "that exact product", "min_price": "that price",
           "max_price": "that budget", "category": "that category"}


def money(value: float | None) -> str:
    """Format a price as the shopper reads it."""
    return "price on request" if value is None else f"${value:.2f}"


def _cards(hits: list[Hit], constraints: dict[str, Any]) -> list[dict[str, Any]]:
    return [card(h, match_reasons(h.product, constraints)) for h in hits]


def _results_plan(hits: list[Hit], constraints: dict[str, Any], relaxed: list[str]) -> Plan:
    cards = _cards(hits, constraints)
    what = (constraints.get("product_type") or (constraints.get("category") or "").replace(
        "_", " ") or constraints.get("query") or "that")
    if not cards:
        return {"cards": [], "llm": False, "template": f"We don't carry {what}, sorry."}
    top = cards[0]
    if relaxed:
        dropped = " or ".join(dict.fromkeys(_LABELS[r] for r in relaxed))
        names = " and ".join(f"{c['title']} ({money(c['price'])})" for c in cards[:2])
        subject = "products" if "product_type" in relaxed else plural(what)  # cards: other types
        template = (f"None of our {subject} match {dropped}. We don't carry that exact "
                    f"combination; the closest alternatives are {names}.")
        return {"cards": cards, "llm": False, "template": template, "relaxed": relaxed}
    template = (f"I found {len(cards)} options. The top pick is {top['title']} at "
                f"{money(top['price'])}.")
    return {"cards": cards, "llm": True, "template": template, "relaxed": []}


def do_search(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Search anew, or refine the active constraints."""
    text, slots = turn["text"], _slots(turn)
    if turn["intent"] == "refine":
        constraints = merge_constraints(state.get("constraints") or {}, slots, text,
                                        state.get("last_prices") or [])
        check = TypeCheck()
    else:
        constraints = constraints_from(text, slots)
        check = check_type(ctx.store, ctx.vocabulary, text, turn["slots"])
        _narrow_to_type(ctx, constraints, check)
    note_event(ctx.store, ctx.session_id, "search", query=constraints.get("query") or text)
    if not check.carried:
        plan = _not_carried_plan(ctx, constraints, check)
    else:
        outcome = find_products(ctx.store, constraints, k=ctx.results_k,
                                profile_vector=profile_vector(ctx.store, ctx.session_id))
        plan = _results_plan(outcome.hits, constraints, outcome.relaxed)
    plan["state"] = {"constraints": constraints}
    plan["type_check"] = {"requested": check.requested, "carried": check.carried,
                          "nearest": check.nearest, "source": check.source}
    return plan


def _narrow_to_type(ctx: ShopperContext, constraints: dict[str, Any], check: TypeCheck) -> None:
    """A carried type named by its head ("headphones") searches that catalogue type only."""
    if constraints.get("product_type") or not check.matches:
        return
    categories = {ctx.vocabulary.type_category.get(t) for t in check.matches}
    if len(categories) == 1 and None not in categories:
        constraints["category"] = categories.pop()  # "gym" read as fitness yields to the type
    if len(check.matches) == 1:
        constraints["product_type"] = check.matches[0]


def _not_carried_plan(ctx: ShopperContext, constraints: dict[str, Any], check: TypeCheck
                      ) -> Plan:
    """Say first that the type is not carried, then show the nearest carried types."""
    hits: list[Hit] = []
    per_type = max(1, -(-ctx.results_k // max(1, len(check.nearest))))
    for kind in check.nearest:
        wanted = {k: v for k, v in constraints.items() if k not in ("product_type", "category")}
        wanted["product_type"] = kind
        outcome = find_products(ctx.store, wanted, k=per_type)
        if "product_type" not in outcome.relaxed:
            hits += [h for h in outcome.hits if h.product.id not in {x.product.id for x in hits}]
    cards = _cards(hits[:ctx.results_k], constraints)
    return {"cards": cards, "llm": False, "template": dont_carry_sentence(check),
            "relaxed": [], "not_carried": check.requested or ""}


def _slots(turn: Understanding) -> Any:
    from agents.understanding.slots import Slots

    data = {k: v for k, v in turn["slots"].items() if k in Slots.__dataclass_fields__}
    return Slots(**data)


def referent(state: dict[str, Any], turn: Understanding) -> str | None:
    """Find the product a message points at: ordinal, "cheapest", "that one", or the only result."""
    results = state.get("last_results") or []
    slots = turn["slots"]
    if slots.get("ordinals") and results:
        index = slots["ordinals"][0]
        return str(results[index]) if -len(results) <= index < len(results) else None
    if slots.get("cheapest") and results and state.get("last_prices"):
        prices = state["last_prices"]
        return str(results[min(range(len(prices)), key=prices.__getitem__)])
    focus: str | None = state.get("focus") or (results[0] if results else None)
    return focus


def do_question(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Answer about one product from its stored attributes."""
    pid = referent(state, turn)
    if pid is None:
        return {"llm": False, "template": "Which product do you mean? Search first and I'll "
                "answer about any of the results."}
    p = product_details(ctx.store, pid)
    tags, low = p.tags(), turn["text"].lower()
    asked = turn["slots"].get("attributes") or []
    attrs = p.attributes or {}
    if asked:
        yes = [a for a in asked if a in tags]
        no = [a for a in asked if a not in tags]
        parts = [f"{p.title} is {', '.join(yes)}." if yes else "",
                 f"{p.title} is not listed as {', '.join(no)}." if no else ""]
        text = " ".join(x for x in parts if x)
    elif re.search(r"\bsizes?\b", low):
        sizes = ", ".join(map(str, attrs.get("sizes", []))) or "one size"
        text = f"{p.title} comes in sizes {sizes}."
    elif re.search(r"\b(?:colou?rs?)\b", low):
        text = f"{p.title} comes in {p.color or 'one colour'}."
    elif re.search(r"made of|material", low):
        text = f"{p.title} is made of {attrs.get('material', 'unlisted materials')}."
    elif re.search(r"stock|available", low):
        text = f"{p.title} is {'in stock' if p.stock > 0 else 'out of stock'}."
    else:
        feats = ", ".join(attrs.get("features", [])[:4])
        text = (f"{p.title} costs {money(p.price)}" + (f" and is {feats}" if feats else "") + ".")
    hit = Hit(product=p, score=1.0)
    return {"cards": [card(hit)], "llm": False, "template": text, "keep_results": True,
            "state": {"focus": pid}}


def do_compare(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Compare two to four shown products on the attributes that differ."""
    results = state.get("last_results") or []
    picks = [results[i] for i in turn["slots"].get("ordinals", [])
             if -len(results) <= i < len(results)]
    picks = list(dict.fromkeys(picks)) if len(set(picks)) >= 2 else results[:2]
    if len(picks) < 2:
        return {"llm": False, "template": "Show me at least two products first, then I can "
                "compare them."}
    table = compare_products(ctx.store, picks)
    names = [f"{p['title']} ({money(p['price'])})" for p in table["products"]]
    diffs = "; ".join(f"{r['attribute']}: {' vs '.join(r['values'])}"
                      for r in table["rows"] if r["attribute"] != "price")[:400]
    text = f"Comparing {' and '.join(names)}. They differ in {diffs or 'price only'}."
    from tools.catalog import products_by_ids

    cards = [card(Hit(product=p, score=1.0)) for p in products_by_ids(ctx.store, picks)]
    return {"cards": cards, "llm": False, "template": text, "keep_results": True,
            "comparison": table}


def _cart_plan(view: cart_tools.CartView, text: str) -> Plan:
    return {"llm": False, "template": text, "events": [event("cart", **view.model_dump())],
            "state": {"cart_count": sum(i.quantity for i in view.items)}}


def do_add(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Add the referenced product (or the action's id) to this session's cart."""
    pid = turn.get("product_id") or referent(state, turn)
    quantity = next((q for q in (turn.get("quantity"), turn["slots"].get("quantity"))
                     if q is not None), 1)
    if pid is None:
        return {"llm": False, "template": "Which product should I add? Search first, then say "
                "for example \"add the first one\"."}
    view = cart_tools.add_to_cart(ctx.store.engine, ctx.session_id, pid, quantity)
    note_event(ctx.store, ctx.session_id, "cart", product_id=pid)
    line = next(i for i in view.items if i.product_id == pid)
    plan = _cart_plan(view, f"Added {quantity} x {line.title} to your cart. "
                            f"Cart total: {money(view.total)}.")
    plan["state"]["focus"] = pid
    return plan


def do_remove(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Remove a product from the cart (by id, ordinal over the cart, or a word of its title)."""
    current = cart_tools.show_cart(ctx.store.engine, ctx.session_id)
    low = turn["text"].lower()
    wants_all = re.search(r"\b(?:everything|all items|all of it|empty)\b", low)
    if wants_all and not turn.get("product_id"):
        return _cart_plan(cart_tools.clear_cart(ctx.store.engine, ctx.session_id),
                          "Your cart is now empty.")
    pid = turn.get("product_id") or _cart_referent(current, state, turn)
    if pid is None:
        return {"llm": False, "template": "That isn't in your cart, so nothing was changed."}
    title = next((i.title for i in current.items if i.product_id == pid), pid)
    view = cart_tools.remove_from_cart(ctx.store.engine, ctx.session_id, pid,
                                       turn.get("quantity") or turn["slots"].get("quantity"))
    return _cart_plan(view, f"Removed {title} from your cart. Cart total: {money(view.total)}.")


def _cart_referent(view: cart_tools.CartView, state: dict[str, Any],
                   turn: Understanding) -> str | None:
    ids = [i.product_id for i in view.items]
    words = set(re.findall(r"[a-z]{3,}", turn["text"].lower())) - {"remove", "the", "from",
                                                                    "cart", "basket", "one"}
    for line in view.items:
        if words & set(re.findall(r"[a-z]{3,}", line.title.lower())):
            return line.product_id
    ordinals = turn["slots"].get("ordinals") or []
    if ordinals and -len(ids) <= ordinals[0] < len(ids):
        return str(ids[ordinals[0]])
    pid = referent(state, turn)
    return pid if pid in ids else (ids[0] if len(ids) == 1 else None)


def do_show_cart(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Show this session's cart."""
    view = cart_tools.show_cart(ctx.store.engine, ctx.session_id)
    if not view.items:
        return _cart_plan(view, "Your cart is empty.")
    lines = ", ".join(f"{i.quantity} x {i.title}" for i in view.items[:5])
    return _cart_plan(view, f"Your cart: {lines}. Total: {money(view.total)}.")


def do_for_you(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Personal picks for this shopper (popular picks for a new one)."""
    hits = for_you(ctx.store, ctx.session_id, k=ctx.results_k)
    plan = _results_plan(hits, {}, [])
    plan["template"] = f"Here are {len(hits)} picks for you." if hits else "Nothing to suggest yet."
    return plan


def do_chat(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Small talk: the model words a short friendly reply."""
    return {"llm": True, "chat": True, "keep_results": True,
            "template": "Hi! Tell me what you're looking for and I'll find it in our store."}


def do_out_of_scope(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Refuse anything outside shopping (and any request for others' data or store changes)."""
    return {"llm": False, "template": OUT_OF_SCOPE, "keep_results": True}


HANDLERS: dict[str, Callable[[ShopperContext, dict[str, Any], Understanding], Plan]] = {
    "search": do_search, "refine": do_search, "product_question": do_question,
    "compare": do_compare, "add_to_cart": do_add, "remove_from_cart": do_remove,
    "show_cart": do_show_cart, "recommend_for_me": do_for_you, "chit_chat": do_chat,
    "out_of_scope": do_out_of_scope,
}


def act(ctx: ShopperContext, state: dict[str, Any], turn: Understanding) -> Plan:
    """Run the handler for the turn's intent; domain errors become a clear reply."""
    try:
        return HANDLERS[turn["intent"]](ctx, state, turn)
    except (NotFoundError, InvalidRequestError) as exc:
        return {"llm": False, "template": f"{exc}", "error": str(exc), "keep_results": True}
