"""Forecast a campaign plan with the traffic simulator (the bridge from the store)."""

from __future__ import annotations

from typing import Any

from knowledge.models import Product
from knowledge.store import Store
from tools.campaigns.service import CampaignDraft


def forecast_campaign(store: Store, products: list[Product], draft: CampaignDraft, *,
                      runs: int = 12, seed: int = 0) -> dict[str, Any]:
    """p10/p50/p90 outcomes, feasibility, best achievable ROI and a chart URL."""
    from tools.campaigns.simulator import forecast  # noqa: F401  (wired below once it lands)

    raise NotImplementedError("forecasting is being wired to the simulator")
