"""Merchant conversation state: small and serialisable (checkpointed per session)."""

from __future__ import annotations

from typing import Any, TypedDict


class MerchantState(TypedDict, total=False):
    """What the merchant graph remembers between turns."""

    text: str                      # this turn's message ("" for an action frame)
    action: str | None             # confirm / cancel from a button, if any
    intent: str                    # what this turn is about
    confidence: float              # the intent model's probability (1.0 for rules)
    draft: dict[str, Any] | None   # slots collected so far (JSON-ready)
    pending: bool                  # a draft or a bulk change is shown and awaits confirmation
    bulk: dict[str, Any] | None    # {action, campaign_ids, changes}: listed, not yet applied
    awaiting: dict[str, Any] | None  # {intent, options, changes}: asked which campaign
    target: str | None             # the campaign this turn resolved to (from a follow-up)
    forecast: dict[str, Any] | None  # the shown draft's simulated forecast
    last_campaign: str | None      # the campaign spoken about last
    reply: str                     # this turn's reply text
