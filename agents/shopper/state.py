"""The shopper graph's state: small, JSON-serialisable, checkpointed per session."""

from __future__ import annotations

from typing import Annotated, Any, TypedDict

from agents.shopper.turn import Understanding

MAX_MESSAGES = 12


Messages = list[dict[str, str]]


def keep_recent(old: Messages | None, new: Messages | None) -> Messages:
    """Reducer for ``messages``: append, keeping the last :data:`MAX_MESSAGES`."""
    return [*(old or []), *(new or [])][-MAX_MESSAGES:]


class ShopperState(TypedDict, total=False):
    """What one conversation remembers between turns (and the current turn's scratch)."""

    user: str
    """The current turn's input text (after "choose" answers are folded in)."""
    action: dict[str, Any] | None
    """The current turn's action frame (add/remove by id, choose), if any."""
    messages: Annotated[list[dict[str, str]], keep_recent]
    """Recent conversation as ``{"role", "content"}`` pairs."""
    constraints: dict[str, Any]
    """Active search constraints: query, category, product_type, brand, color, size,
    material, audience, attributes, min_price, max_price. Refinements edit them."""
    last_results: list[str]
    """Product ids shown in the last results, in order (ordinals point into this)."""
    last_prices: list[float]
    """Prices of ``last_results`` (for "cheaper" / "more premium")."""
    focus: str | None
    """The product the shopper last singled out ("that one")."""
    cart_count: int
    """Items in the cart after the last cart change."""
    last_clarified: bool
    """True when the previous turn asked a clarifying question (never twice in a row)."""
    pending_query: str | None
    """The vague request a clarification is completing."""
    turn: Understanding
    """This turn's understanding and tool results (intent, slots, cards, facts, reply plan)."""
    reply: str
    """The final (guarded) reply text of the last turn."""
