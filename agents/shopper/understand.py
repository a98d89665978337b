"""Turn a shopper message (or button action) into an intent, slots and the next step."""

from __future__ import annotations

import re
from typing import Any

from agents.shopper.turn import Understanding
from agents.understanding.router import Intent, IntentRouter
from agents.understanding.slots import Slots, parse_slots
from agents.understanding.vocabulary import Vocabulary

_GIFT = re.compile(r"\b(gift|present|something nice|surprise (?:for|gift))\b")
_GENERIC = re.compile(r"^(?:i (?:need|want)|show me|find|looking for|get me)?\s*"
                      r"(?:a |an |some )?(?:something|anything|stuff|things?|products?|"
                      r"ideas?|gift|present)\b")
_DROP_PRICE = re.compile(r"\b(?:any price|no (?:budget|price limit)|without the (?:price|budget)"
                         r"|forget the (?:budget|price)|price doesn'?t matter)\b")
_DROP_COLOR = re.compile(r"\b(?:any colou?r|colou?r doesn'?t matter|other colou?rs?)\b")
_DROP_BRAND = re.compile(r"\b(?:any brand|another brand|other brands?|different brand)\b")
_RESET = re.compile(r"\b(?:start over|forget (?:it|that|everything)|new search|reset)\b")

_FILLER = set("""a an the any some in on for of with only please show me do you have it them
those these ones one something what about how instead and but i want need would like maybe
is are there or else too bit little more less options option same like make just colour color
size price budget cheaper cheap dollars bucks usd""".split())
GIFT_OPTIONS = ["for her", "for him", "for kids", "under $30"]


def _leftover_words(text: str, slots: Slots) -> list[str]:
    """Words of ``text`` outside every recognised span and filler word."""
    low = text.lower()
    for span in sorted(slots.spans, key=lambda s: -s.start):
        low = low[:span.start] + " " + low[span.end:]
    return [w for w in re.findall(r"[a-z]+", low) if w not in _FILLER]


def _new_product(slots: Slots, state: dict[str, Any]) -> bool:
    """The message names a catalogue type or category other than the active search's."""
    active = state.get("constraints") or {}
    return bool((slots.product_type and slots.product_type != active.get("product_type"))
                or (slots.category and slots.category != active.get("category")))


def effective_intent(intent: Intent, slots: Slots, state: dict[str, Any],
                     text: str = "") -> str:
    """Adjust the routed intent to the conversation (no search yet -> no refinement...).

    The model already reads the context (products on screen, cart, references); these
    rules only keep the actions consistent with the state: a refinement needs an active
    search and no new product named; a bare filter after a search refines it.
    """
    name = intent.name
    has_results = bool(state.get("last_results"))
    has_constraints = bool(state.get("constraints"))
    if name == "refine" and (not has_constraints or _new_product(slots, state)):
        return "search"
    if name == "search" and has_constraints and not slots.has_product_info and (
            slots.color or slots.size or slots.max_price is not None or slots.cheaper
            or slots.pricier or slots.audience or slots.min_price is not None) and (
            len(_leftover_words(text, slots)) <= 1):
        return "refine"
    if name in ("product_question", "compare") and not has_results:
        return "search" if slots.has_product_info else name
    if name == "add_to_cart" and not has_results and not state.get("focus"):
        return "search" if slots.has_product_info else name
    return name


def is_vague(text: str, slots: Slots, state: dict[str, Any]) -> bool:
    """Too vague to search well: no product, category, audience or budget named."""
    if state.get("last_clarified"):
        return False
    if slots.has_product_info or slots.color or slots.audience:
        return False
    low = text.lower()
    if _GIFT.search(low) and slots.max_price is None:
        return True
    return bool(_GENERIC.search(low)) and len(low.split()) <= 4 and slots.max_price is None


def clarification_for(text: str, vocabulary: Vocabulary) -> tuple[str, list[str]]:
    """One short question with concrete options."""
    if _GIFT.search(text.lower()):
        return "Who is the gift for, and what budget?", GIFT_OPTIONS
    categories = sorted({c.replace("_", " ") for c in vocabulary.categories.values()})[:4]
    return "What kind of product are you looking for?", categories


def merge_constraints(old: dict[str, Any], slots: Slots, text: str,
                      prices: list[float]) -> dict[str, Any]:
    """Apply a refinement to the active constraints (keeping everything not changed)."""
    low = text.lower()
    if _RESET.search(low):
        return {}
    new = dict(old)
    for key in ("brand", "color", "size", "audience", "material", "product_type", "category"):
        value = getattr(slots, key)
        if value:
            new[key] = value
    if slots.attributes:
        new["attributes"] = list(dict.fromkeys([*new.get("attributes", []), *slots.attributes]))
    if slots.exclude:
        new["exclude"] = list(dict.fromkeys([*new.get("exclude", []), *slots.exclude]))
    if _DROP_PRICE.search(low):
        new.pop("max_price", None)
        new.pop("min_price", None)
    if _DROP_COLOR.search(low):
        new.pop("color", None)
    if _DROP_BRAND.search(low):
        new.pop("brand", None)
    _apply_price(new, slots, prices)
    return new


def _apply_price(new: dict[str, Any], slots: Slots, prices: list[float]) -> None:
    shown = sorted(prices)
    if slots.max_price is not None or slots.min_price is not None:
        new["max_price"], new["min_price"] = slots.max_price, slots.min_price
    elif slots.cheaper and shown:
        cap = min(new.get("max_price") or float("inf"), shown[len(shown) // 2])
        new["max_price"] = round(cap * 0.9, 2)
        new.pop("min_price", None)
    elif slots.pricier and shown:
        new["min_price"] = round(shown[len(shown) // 2] * 1.1, 2)
        new.pop("max_price", None)
    for key in ("max_price", "min_price"):
        if new.get(key) is None:
            new.pop(key, None)


def constraints_from(text: str, slots: Slots) -> dict[str, Any]:
    """Fresh constraints for a new search (the query text without its price phrases)."""
    query = text
    for span in sorted(slots.spans, key=lambda s: -s.start):
        if span.type in ("price", "quantity", "exclude"):
            query = query[:span.start] + " " + query[span.end:]
    query = re.sub(r"\s+", " ", query).strip(" ,.?!")
    c: dict[str, Any] = {"query": query[:200]}
    for key in ("brand", "color", "size", "audience", "material", "product_type", "category",
                "min_price", "max_price"):
        value = getattr(slots, key)
        if value is not None:
            c[key] = value
    if slots.attributes:
        c["attributes"] = list(slots.attributes)
    if slots.exclude:
        c["exclude"] = list(slots.exclude)
    return c


def understand_text(router: IntentRouter, vocabulary: Vocabulary, text: str,
                    state: dict[str, Any]) -> Understanding:
    """Intent, slots and next step for one message, as a serialisable dict.

    The router's model reads the conversation context too: how many products are on
    screen and how many items are in the cart.
    """
    intent = router.route(text, results=len(state.get("last_results") or []),
                          cart=int(state.get("cart_count") or 0))
    slots = parse_slots(text, vocabulary)
    name = effective_intent(intent, slots, state, text)
    vague = name in ("search", "recommend_for_me") and is_vague(text, slots, state)
    if vague:
        name = "search"
    return {"intent": name, "routed": intent.name, "confidence": round(intent.confidence, 3),
            "source": intent.source, "slots": slots.as_dict(), "report": slots.report(),
            "vague": vague, "text": text}
