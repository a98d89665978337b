"""What the assistant understood from one message, as ``shopmage understand`` prints it.

The evals share this code with the command, and it decides as the live service does.

Shopper messages go through exactly the live decision (``understand_text``: safety rules,
the trained intent model with the conversation context, then the state adjustments) with a
conversation state built from "N products on screen" and "N items in the cart". Merchant
messages go through the merchant assistant's own ``understand_merchant``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from agents.understanding.router import IntentRouter
from agents.understanding.vocabulary import Vocabulary
from knowledge.embeddings import Embedder
from knowledge.settings import Settings

ROLES = ("shopper", "merchant")


def message_problem(text: str, max_chars: int) -> str | None:
    """Why a message cannot be understood (empty, too long, binary), or None when it can."""
    stripped = (text or "").strip()
    if not stripped:
        return "the message is empty; type what you are looking for"
    if len(stripped) > max_chars:
        return f"the message is {len(stripped)} characters; the limit is {max_chars}"
    controls = sum(1 for ch in stripped if unicodedata.category(ch) in ("Cc", "Cs", "Co")
                   and ch not in "\n\t\r")
    if controls or "\ufffd" in stripped:
        return "the message holds binary or unreadable characters; send plain text"
    letters = [ch for ch in stripped if ch.isalpha()]
    latin = sum(1 for ch in letters if "LATIN" in unicodedata.name(ch, ""))
    if len(letters) >= 3 and latin < 0.5 * len(letters):
        return ("I can only read messages written in English (Latin letters) for now; "
                "please write what you are looking for in English")
    return None


def shopper_state(results: int = 0, cart: int = 0) -> dict[str, Any]:
    """A conversation state with ``results`` products on screen and ``cart`` items in the cart."""
    shown = [f"shown-{i + 1}" for i in range(max(0, results))]
    return {"last_results": shown, "constraints": {"query": "shown"} if shown else {},
            "cart_count": max(0, cart)}


class MessageUnderstanding:
    """One message in, ``{intent, confidence, slots, source}`` out, for either role."""

    def __init__(self, settings: Settings, embedder: Embedder,
                 vocabulary: Vocabulary | None = None, router: IntentRouter | None = None
                 ) -> None:
        """Load the shopper router (training it once if needed) and the store vocabulary."""
        self.settings, self.embedder = settings, embedder
        self.router = router or IntentRouter(embedder, cache_dir=settings.model_cache_dir)
        self.vocabulary = vocabulary or Vocabulary()

    def shopper(self, text: str, results: int = 0, cart: int = 0) -> dict[str, Any]:
        """The live shopper decision for ``text`` in the given context."""
        from agents.shopper.understand import understand_text

        turn = understand_text(self.router, self.vocabulary, text, shopper_state(results, cart))
        return {"intent": turn["intent"], "confidence": turn["confidence"],
                "slots": turn.get("report", {}),
                "source": "rule" if turn["source"] == "rule" else "model",
                "routed": turn["routed"]}

    def merchant(self, text: str) -> dict[str, Any]:
        """The merchant assistant's reading of ``text`` (intent, slots, source)."""
        from agents.merchant.understand import understand_merchant

        out = understand_merchant(text, embedder=self.embedder, settings=self.settings)
        return {"intent": out["intent"], "confidence": round(float(out["confidence"]), 3),
                "slots": {k: v for k, v in out["slots"].items() if v not in (None, "", [])},
                "source": out["source"]}

    def understand(self, text: str, role: str = "shopper", results: int = 0,
                   cart: int = 0) -> dict[str, Any]:
        """Understand one message; bad input returns ``{"error": ...}`` and changes nothing."""
        if role not in ROLES:
            return {"error": f"unknown role {role!r}; use shopper or merchant"}
        problem = message_problem(text, self.settings.max_message_chars)
        if problem:
            return {"error": problem}
        out = self.shopper(text, results, cart) if role == "shopper" else self.merchant(text)
        return {"text": text, "role": role, **out}
