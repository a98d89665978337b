"""Forecast a campaign plan with the traffic simulator (the bridge from the store)."""

from __future__ import annotations

import uuid
from typing import Any

import numpy as np

from knowledge.models import Product
from knowledge.store import Store
from tools.campaigns.bidding import RoiTargetBidder, best_achievable_roi
from tools.campaigns.chart import forecast_chart
from tools.campaigns.service import CampaignDraft
from tools.campaigns.simulator import SimulationConfig, forecast
from tools.campaigns.traffic import estimate_rates

OPPORTUNITIES_PER_PRODUCT_DAY = 5000


def config_for(store: Store, products: list[Product], draft: CampaignDraft) -> SimulationConfig:
    """Simulator inputs from the catalogue and the behaviour log."""
    pctr, pcvr = estimate_rates(store.engine, [p.id for p in products])
    return SimulationConfig(
        price=np.array([p.price or 0.0 for p in products]), pctr=pctr, pcvr=pcvr,
        budget_total=draft.budget_total, budget_daily=draft.budget_daily,
        target_roi=draft.target_roi, days=draft.days,
        n_opportunities=OPPORTUNITIES_PER_PRODUCT_DAY * len(products) * draft.days)


def forecast_campaign(store: Store, products: list[Product], draft: CampaignDraft, *,
                      runs: int = 12, seed: int = 0) -> dict[str, Any]:
    """p10/p50/p90 outcomes, feasibility, best achievable ROI and a chart URL."""
    cfg = config_for(store, products, draft)
    best = best_achievable_roi(cfg, seed=seed)
    result: dict[str, Any] = {"target_roi": draft.target_roi, "best_roi": best,
                              "feasible": draft.target_roi <= best}
    if not result["feasible"]:
        return result
    result.update(forecast(cfg, RoiTargetBidder, runs=runs, seed=seed).as_dict())
    name = f"forecast-{uuid.uuid4().hex[:10]}.png"
    forecast_chart(result, store.settings.media_dir / "charts" / name)
    result["chart_url"] = f"/media/charts/{name}"
    result["feasible"] = True
    return result
