"""Per-run context: the store, router and vocabulary, and whose session this is."""

from __future__ import annotations

from dataclasses import dataclass

from agents.understanding.router import IntentRouter
from agents.understanding.vocabulary import Vocabulary
from knowledge.store import Store


@dataclass
class ShopperContext:
    """Passed as the graph's ``context``; never filled in by the model."""

    store: Store
    router: IntentRouter
    vocabulary: Vocabulary
    session_id: str
    use_llm: bool = True
    max_reply_tokens: int = 48
    results_k: int = 5
