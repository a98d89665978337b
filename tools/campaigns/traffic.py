"""Traffic inputs for the simulator: ad pCTR/pCVR per product and the hourly traffic shape.

Storefront funnels are not ad funnels (a demo "view" converts to a click far more often
than an ad impression does), so each product's click and order rates from the behaviour
log are used *relative* to the catalogue mean and scaled to the real AuctionNet medians,
then clipped to the range that sample shows.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.models import Event
from knowledge.settings import REPO_ROOT

BIDDING_DATA = REPO_ROOT.parent / "shared" / "data" / "bidding"
# Used only when the AuctionNet sample is absent: its medians and ranges, as read once.
FALLBACK_RANGES = {"pctr": (0.0018, 0.0219, 0.4718), "pcvr": (1e-5, 0.0217, 0.241),
                   "source": "built-in (AuctionNet sample medians)"}
PRIOR = 20.0  # pseudo-counts pulling sparse products to the catalogue mean


@cache
def auctionnet_ranges(path: Path | None = None) -> dict[str, Any]:
    """(min, median, max) of calibrated pCTR and pCVR in the AuctionNet opportunity sample."""
    path = path or BIDDING_DATA / "auctionnet_opportunities_sample.csv"
    if not path.is_file():
        return FALLBACK_RANGES
    with path.open() as handle:
        rows = list(csv.DictReader(handle))
    out: dict[str, Any] = {"source": str(path)}
    for name, column in (("pctr", "pctr_clbr"), ("pcvr", "pcvr_clbr")):
        values = np.array([float(r[column]) for r in rows])
        out[name] = (float(values.min()), float(np.median(values)), float(values.max()))
    return out


@cache
def hourly_shape(path: Path | None = None) -> tuple[np.ndarray, str]:
    """24 traffic weights summing to 1 (the real BAT hourly shares when present)."""
    path = path or BIDDING_DATA / "bat_traffic_share.csv"
    if not path.is_file():
        hours = np.arange(24)
        curve = 1.0 + 0.8 * np.sin((hours - 9) / 24 * 2 * np.pi)
        return curve / curve.sum(), "built-in diurnal curve"
    totals = np.zeros(24)
    with path.open() as handle:
        for row in csv.DictReader(handle):
            totals[int(row["hour"])] += float(row["traffic_share"])
    return totals / totals.sum(), str(path)


def estimate_rates(engine: Engine, product_ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Ad pCTR and pCVR per product, from behaviour relative to the catalogue mean."""
    stmt = (select(Event.product_id, Event.type, func.count())
            .where(col(Event.type).in_(("view", "click", "purchase")))
            .group_by(Event.product_id, Event.type))
    counts: dict[str, dict[str, int]] = {}
    with Session(engine) as session:
        for pid, kind, n in session.exec(stmt):
            counts.setdefault(pid or "", {})[kind] = n
    views = sum(c.get("view", 0) for c in counts.values()) or 1
    clicks = sum(c.get("click", 0) for c in counts.values()) or 1
    orders = sum(c.get("purchase", 0) for c in counts.values())
    mean_ctr, mean_cvr = clicks / views, max(orders, 1) / clicks
    ranges = auctionnet_ranges()
    lo_c, med_c, hi_c = ranges["pctr"]
    lo_v, med_v, hi_v = ranges["pcvr"]
    ctr, cvr = [], []
    for pid in product_ids:
        c = counts.get(pid, {})
        rel_ctr = (c.get("click", 0) + PRIOR * mean_ctr) / (c.get("view", 0) + PRIOR) / mean_ctr
        rel_cvr = (c.get("purchase", 0) + PRIOR * mean_cvr) / (c.get("click", 0) + PRIOR) / mean_cvr
        ctr.append(float(np.clip(med_c * rel_ctr, lo_c, hi_c)))
        cvr.append(float(np.clip(med_v * rel_cvr, max(lo_v, 1e-4), hi_v)))
    return np.array(ctr), np.array(cvr)
