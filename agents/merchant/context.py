"""Per-conversation context: who the merchant is (from the API key), never from the model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from knowledge.store import Store


@dataclass
class MerchantContext:
    """Injected into every node; the graph cannot change whose data it touches."""

    store: Store
    merchant_id: str
    forecast_runs: int = 8
    today: date | None = None  # evals and tests pin the day; None: the real date
    creative_llm: bool = True  # creatives may use the local model for their first draft
    simulate: bool = True  # forecast drafts with the traffic simulator (evals may skip it)

    def day(self) -> date:
        """Today for this conversation."""
        return self.today or date.today()
