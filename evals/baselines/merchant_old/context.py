"""Per-conversation context: who the merchant is (from the API key), never from the model."""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.store import Store


@dataclass
class MerchantContext:
    """Injected into every node; the graph cannot change whose data it touches."""

    store: Store
    merchant_id: str
    forecast_runs: int = 8
