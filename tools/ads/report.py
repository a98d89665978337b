"""The per-campaign report, from recorded events only.

Spend, clicks, orders, GMV, ROI,
pacing against the plan, paid vs organic orders, and CTR per creative variant with a
two-proportion z-test against the first variant.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge import ads as ledger
from knowledge.campaigns import Campaign
from knowledge.models import Event
from tools.ads import pacing


def z_test(clicks_a: float, n_a: float, clicks_b: float, n_b: float) -> float:
    """Two-sided p-value that two click-through rates differ (pooled z-test; 1 if no data)."""
    if min(n_a, n_b) <= 0:
        return 1.0
    pooled = (clicks_a + clicks_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    if se == 0:
        return 1.0
    z = (clicks_b / n_b - clicks_a / n_a) / se
    return math.erfc(abs(z) / math.sqrt(2))


def hourly_series(engine: Engine, campaign: Campaign, now: datetime) -> dict[str, list[float]]:
    """Cumulative spend, GMV and planned spend at the end of each flight hour so far."""
    first, last = pacing.flight_bounds(campaign.start, campaign.end)
    end = min(pacing.aware(now), last)
    hours = max(0, math.ceil((end - first).total_seconds() / 3600))
    spend, gmv = [0.0] * hours, [0.0] * hours
    for e in ledger.events(engine, campaign.id, ("click", "order")):
        h = pacing.hour_index(campaign.start, e.ts)
        if 0 <= h < hours:
            spend[h] += e.cost
            gmv[h] += e.gmv
    cum_s, cum_g, plan = [], [], []
    s = g = 0.0
    for h in range(hours):
        s, g = s + spend[h], g + gmv[h]
        cum_s.append(round(s, 4))
        cum_g.append(round(g, 4))
        share = pacing.planned_share(campaign.start, campaign.end, first + timedelta(hours=h + 1))
        plan.append(round(campaign.budget_total * share, 4))
    return {"spend": cum_s, "gmv": cum_g, "plan": plan}


def pacing_error(series: dict[str, list[float]], budget: float) -> float:
    """The largest gap between cumulative spend and plan, as a share of the budget."""
    gaps = [abs(s - p) for s, p in zip(series["spend"], series["plan"], strict=True)]
    return max(gaps, default=0.0) / budget if budget else 0.0


def _organic_orders(engine: Engine, campaign: Campaign, paid: float) -> int:
    with Session(engine) as session:
        bought = session.exec(select(func.count()).select_from(Event).where(
            Event.type == "purchase", col(Event.product_id).in_(campaign.product_ids),
            col(Event.ts) >= campaign.created_at)).one()
    return max(0, int(bought) - int(paid))


def variants(engine: Engine, campaign_id: str) -> list[dict[str, Any]]:
    """Impressions, clicks and CTR per creative, each tested against the first."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: {"impression": 0, "click": 0})
    with Session(engine) as session:
        for cid, kind, n in session.exec(
                select(ledger.AdEvent.creative_id, ledger.AdEvent.kind, func.count())
                .where(ledger.AdEvent.campaign_id == campaign_id,
                       col(ledger.AdEvent.kind).in_(("impression", "click")))
                .group_by(ledger.AdEvent.creative_id, ledger.AdEvent.kind)):
            counts[cid or "(no creative)"][kind] = float(n)
    labels = {link.creative_id: link.variant
              for link in ledger.campaign_creatives(engine, [campaign_id])}
    rows = [{"creative_id": k, "variant": labels.get(k, "-"), "impressions": int(v["impression"]),
             "clicks": int(v["click"]),
             "ctr": v["click"] / v["impression"] if v["impression"] else 0.0}
            for k, v in sorted(counts.items())]
    if rows:
        first = counts[str(rows[0]["creative_id"])]
        for row in rows:
            these = counts[str(row["creative_id"])]
            row["p_value_vs_first"] = round(z_test(first["click"], first["impression"],
                                                   these["click"], these["impression"]), 4)
    return rows


def campaign_report(engine: Engine, campaign: Campaign, now: datetime) -> dict[str, Any]:
    """Everything the merchant sees about a running campaign, from recorded data."""
    t = ledger.totals(engine, [campaign.id])[campaign.id]
    state = ledger.states(engine, [campaign.id]).get(campaign.id)
    spend = state.spent if state else 0.0
    series = hourly_series(engine, campaign, now)
    planned = campaign.budget_total * pacing.planned_share(campaign.start, campaign.end, now)
    return {
        "campaign_id": campaign.id, "name": campaign.name, "status": campaign.status,
        "recorded": t["impression"] > 0,
        "impressions": int(t["impression"]), "clicks": int(t["click"]),
        "ctr": t["click"] / t["impression"] if t["impression"] else 0.0,
        "carts": int(t["cart"]), "orders": int(t["order"]),
        "organic_orders": _organic_orders(engine, campaign, t["order"]),
        "spend": round(spend, 2), "gmv": round(t["gmv"], 2),
        "roi": round(t["gmv"] / spend, 3) if spend else 0.0, "target_roi": campaign.target_roi,
        "budget": campaign.budget_total, "planned_spend": round(planned, 2),
        "pacing": round(spend / planned, 3) if planned else 0.0,
        "pacing_error": round(pacing_error(series, campaign.budget_total), 4),
        "series": series, "variants": variants(engine, campaign.id),
        "forecast": {k: campaign.forecast.get(k) for k in ("p10", "p50", "p90", "daily_spend",
                                                            "daily_gmv") if campaign.forecast},
    }


def report_text(report: dict[str, Any]) -> str:
    """One paragraph for the merchant chat."""
    if not report["recorded"]:
        return (f"{report['name']}: no sponsored impressions yet (the campaign shows once its "
                f"flight starts and its products are relevant to what shoppers search).")
    return (f"{report['name']}: {report['impressions']} impressions, {report['clicks']} clicks "
            f"(CTR {report['ctr']:.1%}), {report['orders']} paid orders and "
            f"{report['organic_orders']} organic; spend {report['spend']:.2f} of "
            f"{report['budget']:.0f} ({report['pacing']:.0%} of plan so far), GMV "
            f"{report['gmv']:.2f}, ROI {report['roi']:.2f} against a target of "
            f"{report['target_roi']:g}.")
