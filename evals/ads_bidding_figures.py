"""The bidding eval's figures: scores against the best constant bid, pacing, forecasts.

A flight's score is GMV x min(1, (ROI / target)^2); the baseline is the constant-bid grid's
ROI interpolated (log-linear in spend) at the ROI flight's spend. ``OLD_GRID``: the grid
before 2026-11-30, whose score ratio is printed beside (see :mod:`evals.ads_bidding`).
"""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np

from knowledge.store import Store
from tools.ads.replay import ReplayWorld

OLD_GRID = (0.8, 1.6, 3.2)  # the grid before 2026-11-30: its score ratio is printed beside


def interp_roi(grid: list[dict[str, Any]], spend: float) -> float:
    """A constant bid's ROI at ``spend``: log-linear between the grid's flights."""
    pts = sorted((g["spend"], g["roi"]) for g in grid if g["spend"] > 0)
    xs = [math.log(s) for s, _ in pts]
    return float(np.interp(math.log(max(spend, 1e-9)), xs, [r for _, r in pts]))


def feasible_spend(grid: list[dict[str, Any]], target: float) -> float:
    """The most a constant bid spends while keeping ROI at ``target`` (0: infeasible)."""
    pts = sorted((g["spend"], g["roi"]) for g in grid if g["spend"] > 0 and g["orders"] >= 10)
    best = 0.0
    for (s0, r0), (s1, r1) in zip(pts, pts[1:], strict=False):
        if r0 >= target > r1:  # cross between the two: log-linear
            w = (r0 - target) / (r0 - r1)
            best = max(best, math.exp(math.log(s0) + w * (math.log(s1) - math.log(s0))))
    return float(max([best] + [s for s, r in pts if r >= target]))


def score(gmv: float, roi: float, target: float) -> float:
    """GMV x min(1, (ROI / target)^2)."""
    return gmv * min(1.0, (roi / target) ** 2) if gmv > 0 else 0.0


def bidding_figures(store: Store, world: ReplayWorld, runs: list[dict[str, Any]],
                    plans: list[dict[str, Any]], by_seed: dict[int, list[dict[str, Any]]],
                    replays: list[dict[str, Any]]) -> dict[str, Any]:
    """The eval's figures from the ROI flights, their plans, the grid and the forecasts."""
    rows = scored_rows(runs, plans, by_seed)
    feasible = [r for r in rows if r["feasible"]]
    ms = np.concatenate([np.array(r["auction_ms"]) for r in runs])
    cpu = np.concatenate([np.array(r["auction_cpu_ms"]) for r in runs])
    shown = [pair for r in runs for pair in r["shown"]]
    rng = random.Random(0)
    sample = rng.sample(shown, min(300, len(shown)))
    top50 = {q: {h.product.id for h in store.search.search(q, k=50)} for q, _ in sample}
    forecast = forecast_rows(runs, replays)
    return {
        "runs": rows,
        "pacing_error_le_0.10_share": float(np.mean([r["pacing_error"] <= 0.10 for r in rows])),
        "pacing_error_median": float(np.median([r["pacing_error"] for r in rows])),
        "roi_at_target_share_feasible": (float(np.mean([r["roi"] >= r["target_roi"]
                                                        for r in feasible])) if feasible else None),
        "feasible_runs": len(feasible),
        "score_ratio_vs_constant_at_equal_spend": round(
            sum(r["score"] for r in rows) / max(1e-9, sum(r["baseline_score"] for r in rows)), 3),
        "score_ratio_vs_constant_old_3pt_grid": round(
            sum(r["score"] for r in rows)
            / max(1e-9, sum(r["baseline_score_old_grid"] for r in rows)), 3),
        "score_ratio_median": float(np.median([r["score"] / r["baseline_score"]
                                               for r in rows if r["baseline_score"] > 0])),
        "sponsored_in_organic_top50_share": float(np.mean([p in top50[q] for q, p in sample])),
        "auction_ms_p50": round(float(np.percentile(ms, 50)), 3),
        "auction_ms_p95": round(float(np.percentile(ms, 95)), 3),
        "auction_cpu_ms_p50": round(float(np.percentile(cpu, 50)), 3),
        "auction_cpu_ms_p95": round(float(np.percentile(cpu, 95)), 3),
        "sponsored_relevant_share": relevant_share(world, sample),
        "forecast": forecast,
        "forecast_within_15pct_share": float(np.mean([f["gap"] is not None and f["gap"] <= 0.15
                                                      for f in forecast])) if forecast else None,
        "grid": {s: [{k: g[k] for k in ("fixed_bid", "spend", "gmv", "roi", "orders")}
                     for g in grid] for s, grid in by_seed.items()},
    }


def scored_rows(runs: list[dict[str, Any]], plans: list[dict[str, Any]],
                by_seed: dict[int, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Each ROI flight with its score beside the constant bid's at equal spend."""
    rows = []
    for run, plan in zip(runs, plans, strict=True):
        base_roi = interp_roi(by_seed[run["seed"]], run["spend"])
        old_roi = interp_roi([g for g in by_seed[run["seed"]] if g["fixed_bid"] in OLD_GRID],
                              run["spend"])
        ours = score(run["gmv"], run["roi"], run["target_roi"])
        theirs = score(base_roi * run["spend"], base_roi, run["target_roi"])
        rows.append({k: v for k, v in run.items()
                     if k not in ("auction_ms", "auction_cpu_ms", "shown", "workdir")}
                    | {"feasible": plan["feasible"], "score": round(ours, 2),
                       "baseline_roi_at_equal_spend": round(base_roi, 3),
                       "baseline_score": round(theirs, 2),
                       "baseline_score_old_grid": round(score(
                           old_roi * run["spend"], old_roi, run["target_roi"]), 2)})
    return rows


def forecast_rows(runs: list[dict[str, Any]], replays: list[dict[str, Any]]
                  ) -> list[dict[str, Any]]:
    """Each ROI flight's pre-flight forecast (pooled ROI and spend) beside what it realised."""
    forecast = []
    for real, pre in zip(runs, replays, strict=True):
        roi = pre["p50_pooled_roi"]
        forecast.append({"seed": real["seed"], "target_roi": real["target_roi"],
                         "realised_roi": real["roi"], "forecast_roi": round(roi, 3),
                         "forecast_spend": pre["spend"], "realised_spend": real["spend"],
                         "plays": pre["plays"], "play_rois": pre["play_rois"],
                         "gap": round(abs(roi / real["roi"] - 1), 4) if real["roi"] else None})
    return forecast


def relevant_share(world: ReplayWorld, sample: list[tuple[str, str]]) -> float | None:
    """Sampled sponsored impressions whose product's cosine to the query meets the floor."""
    from knowledge.ads import AdSettings

    rel = world.relevance
    if rel is None or not sample:
        return None
    floor = AdSettings().relevance_min_similarity
    rel.prepare({p for _, p in sample})
    sims = [rel.similarity(rel.query_vector(q), p) for q, p in sample]
    return float(np.mean([s is not None and s >= floor for s in sims]))
