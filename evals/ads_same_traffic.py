"""Issue 14's "realised ROI vs forecast ROI, same campaign, same traffic", and its noise.

For each ROI flight of :mod:`evals.ads_bidding`: the re-forecast (the production
:mod:`tools.ads.reforecast`, run on the flight's database after the flight: its logged
searches, replayed with the models learned before the flight) against the flight's realised
ROI, and two measures of what no forecast could know:

- ``expected_roi``: the flight's own clicks' orders at the shoppers' true order chances (the
  eval knows them; the re-forecast never reads them). ``realised / expected - 1`` is the
  noise of the order draws alone; the share of flights within 15% of their expected ROI is
  the ceiling that noise leaves a perfect same-traffic forecast.
- with ``--luck N``: the same flight flown again on the same traffic with other draws of
  the shoppers' clicks and orders; the spread of its realised ROI.
"""

from __future__ import annotations

import statistics
from typing import Any

WITHIN = 0.15


def _gap(forecast: float, realised: float) -> float | None:
    return round(abs(forecast / realised - 1), 4) if realised else None


def _share(gaps: list[float | None]) -> float | None:
    return sum(g is not None and g <= WITHIN for g in gaps) / len(gaps) if gaps else None


def same_traffic(runs: list[dict[str, Any]], reforecasts: list[dict[str, Any]],
                 lucky: list[dict[str, Any]]) -> dict[str, Any]:
    """Per flight and in total: re-forecast vs realised ROI, and the realisation noise."""
    rows = []
    for real, again in zip(runs, reforecasts, strict=True):
        others = [r["roi"] for r in lucky
                  if (r["seed"], r["target_roi"]) == (real["seed"], real["target_roi"])]
        rois = [real["roi"], *others]
        rows.append({
            "seed": real["seed"], "target_roi": real["target_roi"],
            "realised_roi": real["roi"], "reforecast_roi": round(again["pooled_roi"], 3),
            "gap": _gap(again["pooled_roi"], real["roi"]),
            "realised_spend": real["spend"], "reforecast_spend": again["spend"],
            "searches_replayed": again["searches"], "plays": again["plays"],
            "play_rois": again["play_rois"], "orders": real["orders"],
            "expected_roi": real["expected_roi"],
            "order_draw_noise": _gap(real["roi"], real["expected_roi"]),
            "gap_vs_expected": _gap(again["pooled_roi"], real["expected_roi"]),
            "luck_rois": rois if others else None,
            "luck_roi_cv": (round(statistics.stdev(rois) / statistics.mean(rois), 4)
                            if len(rois) > 1 and statistics.mean(rois) else None)})
    spend = sum(r["spend"] for r in runs)
    re_spend = sum(a["spend"] for a in reforecasts)
    noise = [r["order_draw_noise"] for r in rows if r["order_draw_noise"] is not None]
    cvs = [r["luck_roi_cv"] for r in rows if r["luck_roi_cv"] is not None]
    within = sum(r["gap"] is not None and r["gap"] <= WITHIN for r in rows)
    return {
        "reforecast": rows,
        "reforecast_within_15pct_share": _share([r["gap"] for r in rows]),
        "reforecast_within_15pct_count": f"{within} of {len(rows)}",
        "reforecast_pooled_roi": round(sum(a["pooled_roi"] * a["spend"] for a in reforecasts)
                                       / re_spend, 3) if re_spend else None,
        "realised_pooled_roi": round(sum(r["gmv"] for r in runs) / spend, 3) if spend else None,
        "reforecast_within_15pct_of_expected_share": _share([r["gap_vs_expected"]
                                                              for r in rows]),
        "order_draw_noise_median": statistics.median(noise) if noise else None,
        "order_draw_ceiling_share": _share(noise),
        "luck_roi_cv_median": statistics.median(cvs) if cvs else None,
    }
