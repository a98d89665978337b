"""``shopmage bench simulate``: one 14-day, 1M-opportunity simulation, timed."""

from __future__ import annotations

import resource
import time
from typing import Any

import numpy as np

from tools.campaigns.bidding import RoiTargetBidder
from tools.campaigns.simulator import SimulationConfig, simulate


def bench_simulation(n_opportunities: int = 1_000_000, days: int = 14,
                     seed: int = 0) -> dict[str, Any]:
    """Seconds, opportunities/s and peak RSS for one run of the ROI bidder."""
    rng = np.random.default_rng(seed)
    cfg = SimulationConfig(price=rng.uniform(10, 200, 50), pctr=rng.uniform(0.005, 0.05, 50),
                           pcvr=rng.uniform(0.005, 0.05, 50), budget_total=50_000,
                           target_roi=3.0, days=days, n_opportunities=n_opportunities)
    simulate(cfg, RoiTargetBidder(cfg), seed=seed + 1)  # warm-up (imports, allocations)
    start = time.perf_counter()
    result = simulate(cfg, RoiTargetBidder(cfg), seed=seed)
    seconds = time.perf_counter() - start
    return {"opportunities": n_opportunities, "days": days, "seconds": round(seconds, 3),
            "opportunities_per_s": round(n_opportunities / seconds),
            "roi": round(result.roi, 3), "spend": round(result.spend, 2),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
