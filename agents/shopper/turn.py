"""Typed turn data: what one shopper turn understood, planned and how long it took.

These are ``TypedDict`` s rather than dataclasses on purpose: the turn lives in the
checkpointed graph state, which must stay plain JSON. The types document the keys the
nodes pass along and let mypy check every read and write of them.
"""

from __future__ import annotations

from typing import Any, TypedDict


class Timing(TypedDict, total=False):
    """Milliseconds spent in each step of the turn."""

    understand_ms: float
    """Routing the message and parsing its slots (no model call)."""
    act_ms: float
    """Running the chosen tool (search, cart, question, policy)."""
    llm_ms: float
    """Streaming the model's sentence (0 when the reply is all template)."""


class Plan(TypedDict, total=False):
    """What the chosen action found and how the reply should be worded."""

    cards: list[dict[str, Any]]
    """Product cards to show, in order."""
    llm: bool
    """Whether the model may word one guarded sentence before the template."""
    chat: bool
    """Small talk: the model answers the message itself, no product summary."""
    template: str
    """The grounded reply text (all of it when ``llm`` is false)."""
    relaxed: list[str]
    """Constraints dropped to find anything, named in the reply."""
    not_carried: str
    """The product type the store does not carry, when the reply says so."""
    keep_results: bool
    """Leave the previous results on screen (ordinals keep pointing at them)."""
    events: list[dict[str, Any]]
    """Extra events to stream (cart, policy passage)."""
    state: dict[str, Any]
    """Conversation-state updates (focus, cart count, constraints)."""
    type_check: dict[str, Any]
    """The requested product type and whether the catalogue carries it."""
    comparison: Any
    """The comparison table for a compare turn."""
    policy: dict[str, Any]
    """How a policy question was answered (section, score) or handed over."""
    clarification: dict[str, Any]
    """The question and options of a clarifying turn."""
    error: str
    """Why a widget action could not be done (bad product id, quantity)."""


class Understanding(TypedDict, total=False):
    """One turn: the message's intent and slots, then its plan, timing and guard output."""

    intent: str
    """The intent the turn acts on (after context rules)."""
    routed: str
    """The intent the classifier chose before context rules."""
    confidence: float
    source: str
    """Who decided: ``model``, ``safety`` rule or widget ``action``."""
    slots: dict[str, Any]
    report: dict[str, Any]
    """The slot parser's spans, for the eval report."""
    vague: bool
    """True when the request is too vague to search; the next step asks."""
    text: str
    product_id: str | None
    quantity: int | None
    timing: Timing
    plan: Plan
    dropped: list[str]
    """Model sentences the streaming guard held back."""
