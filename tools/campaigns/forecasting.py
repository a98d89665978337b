"""Forecast a campaign plan before launch (the bridge from the store).

When the store has recorded searches, the forecast plays the plan through the production
ad server on that traffic, with the store's learned click and order models
(:mod:`tools.ads.forecast`): the same serving path, auction and models the live campaign
will meet. A store with no search log yet falls back to the traffic simulator
(``method: "simulator"``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import numpy as np

from knowledge.campaigns import Campaign
from knowledge.models import Product
from knowledge.store import Store
from tools.campaigns.bidding import RoiTargetBidder, best_achievable_roi
from tools.campaigns.chart import forecast_chart
from tools.campaigns.service import CampaignDraft
from tools.campaigns.simulator import SimulationConfig, forecast
from tools.campaigns.traffic import estimate_rates

OPPORTUNITIES_PER_PRODUCT_DAY = 5000
REPLAY_RUNS = 3  # plays of the replay forecast (each replays the whole flight)


def config_for(store: Store, products: list[Product], draft: CampaignDraft) -> SimulationConfig:
    """Simulator inputs from the catalogue and the behaviour log."""
    pctr, pcvr = estimate_rates(store.engine, [p.id for p in products])
    return SimulationConfig(
        price=np.array([p.price or 0.0 for p in products]), pctr=pctr, pcvr=pcvr,
        budget_total=draft.budget_total, budget_daily=draft.budget_daily,
        target_roi=draft.target_roi, days=draft.days,
        n_opportunities=OPPORTUNITIES_PER_PRODUCT_DAY * len(products) * draft.days)


# Fewer orders than this in the median replayed play: the recorded searches cannot tell
# whether the target is reachable, so the simulator's best achievable ROI decides.
MIN_ORDERS_TO_TELL = 3


def forecast_campaign(store: Store, products: list[Product], draft: CampaignDraft, *,
                      runs: int = 12, seed: int = 0, now: datetime | None = None
                      ) -> dict[str, Any]:
    """p10/p50/p90 outcomes, feasibility, best achievable ROI and a chart URL."""
    replayed = replay_forecast(store, products, draft, runs=min(runs, REPLAY_RUNS), seed=seed,
                               now=now)
    if replayed is not None and replayed["p50"]["orders"] >= MIN_ORDERS_TO_TELL:
        return _with_chart(store, replayed)
    cfg = config_for(store, products, draft)
    best = best_achievable_roi(cfg, seed=seed)
    if replayed is not None:  # too little recorded traffic to tell: the simulator's bound decides
        # (a thin play's expected GMV over a few cents of spend is no bound: its ROI can be huge)
        replayed["best_roi"] = best
        replayed["feasible"] = draft.target_roi <= best
        return _with_chart(store, replayed)
    result: dict[str, Any] = {"target_roi": draft.target_roi, "best_roi": best,
                              "feasible": draft.target_roi <= best, "method": "simulator"}
    if not result["feasible"]:
        return result
    result.update(forecast(cfg, RoiTargetBidder, runs=runs, seed=seed).as_dict())
    result["feasible"] = True
    return _with_chart(store, result)


def _with_chart(store: Store, result: dict[str, Any]) -> dict[str, Any]:
    if not result.get("feasible"):
        return result
    name = f"forecast-{uuid.uuid4().hex[:10]}.png"
    forecast_chart(result, store.settings.media_dir / "charts" / name)
    result["chart_url"] = f"/media/charts/{name}"
    return result


def replay_forecast(store: Store, products: list[Product], draft: CampaignDraft, *, runs: int,
                    seed: int = 0, now: datetime | None = None) -> dict[str, Any] | None:
    """The plan played through the ad server on the store's recorded searches (None: none)."""
    from tools.ads.forecast import forecast_from_store
    from tools.ads.relevance import Relevance

    campaign = Campaign(id="c_forecast", merchant_id="forecast", name=draft.name or "forecast",
                        product_ids=[p.id for p in products], budget_total=draft.budget_total,
                        target_roi=draft.target_roi, start=draft.start, end=draft.end)
    return forecast_from_store(store.engine, campaign, _organic(store),
                               relevance=Relevance.for_store(store), runs=runs, seed=seed,
                               now=now)


def _organic(store: Store) -> Callable[[str], list[Any]]:
    """The store's organic top 50 for a query, as ad candidates (cached per query)."""
    from tools.ads.slots import Candidate

    pages: dict[str, list[Candidate]] = {}

    def organic(query: str) -> list[Candidate]:
        if query not in pages:
            hits = store.search.search(query, k=50)
            pages[query] = [Candidate(h.product, h.score, i) for i, h in enumerate(hits)]
        return pages[query]
    return organic


def reforecast_campaign(store: Store, campaign: Campaign, *, runs: int = REPLAY_RUNS,
                        seed: int = 0, now: datetime | None = None) -> dict[str, Any]:
    """A launched campaign re-forecast on the searches it met, beside its recorded results.

    The re-forecast (:mod:`tools.ads.reforecast`) replays the searches logged in the
    campaign's window with the models learned before its start; it reads none of the
    campaign's own clicks or orders. ``realised`` (the ledger's totals so far) is read only to
    be shown beside it, with the gap between the two ROIs.
    """
    from knowledge import ads as ledger
    from knowledge.errors import InvalidRequestError
    from tools.ads.reforecast import reforecast_from_store
    from tools.ads.relevance import Relevance

    out = reforecast_from_store(store.engine, campaign, _organic(store),
                                relevance=Relevance.for_store(store), runs=runs, seed=seed,
                                now=now)
    if out is None:
        raise InvalidRequestError(f"campaign {campaign.id!r} has no recorded searches in its "
                                  "period yet; nothing to re-forecast")
    t = ledger.totals(store.engine, [campaign.id]).get(campaign.id, {})
    spend, gmv = float(t.get("spend", 0.0)), float(t.get("gmv", 0.0))
    realised = {"spend": round(spend, 2), "gmv": round(gmv, 2),
                "clicks": int(t.get("click", 0)), "orders": int(t.get("order", 0)),
                "roi": round(gmv / spend, 3) if spend else 0.0}
    gap = (abs(out["pooled_roi"] / realised["roi"] - 1) if realised["roi"] else None)
    return {"campaign_id": campaign.id, "reforecast": out, "realised": realised,
            "roi_gap": None if gap is None else round(gap, 4)}
