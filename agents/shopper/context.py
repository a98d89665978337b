"""Per-run context: the store, router and vocabulary, and whose session this is."""

from __future__ import annotations

from dataclasses import dataclass

from agents.understanding.router import IntentRouter
from agents.understanding.vocabulary import Vocabulary
from knowledge.policies import PolicyBook
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
    policies: PolicyBook | None = None

    def policy_book(self) -> PolicyBook:
        """The store's policy documents (built on first use when none was passed)."""
        if self.policies is None:
            self.policies = PolicyBook.for_settings(self.store.settings, self.store.embedder)
        return self.policies
