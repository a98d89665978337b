"""Traffic simulation (numpy, vectorised, seeded): opportunities, second-price auctions, budgets.

The campaign period is played hour by hour. Each hour brings a share of the opportunity
stream (the hourly traffic shape): a shopper x query x product impression chance with its
own pCTR/pCVR (product rate x noise x audience-match uplift) and order value. Our bidder
sees only the *estimated* value (the product's estimated rates and the audience match,
never the hidden noise) and learns from realised outcomes. The highest competing bid is
lognormal; the auction is the store's own :func:`tools.ads.auction.gsp` (one slot, priced
per impression). Wins are cut where the budget (total, and daily when set) would be
exceeded. Paid exposure also lifts organic orders ("paid + free
linkage"), counted separately and added to GMV.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from tools.ads.auction import gsp
from tools.campaigns.traffic import hourly_shape


@dataclass
class SimulationConfig:
    """Everything a simulation needs; build it directly or via ``forecasting``."""

    price: np.ndarray
    pctr: np.ndarray
    pcvr: np.ndarray
    budget_total: float
    target_roi: float
    days: int = 14
    n_opportunities: int = 200_000
    budget_daily: float | None = None
    audience_match_share: float = 0.3
    audience_uplift: float = 1.6
    competition: float = 0.8  # competitors' typical bid, as a share of expected value
    competition_spread: float = 0.5
    reserve_price: float = 0.001
    organic_uplift: float = 0.15  # organic orders per paid order
    noise: float = 0.35


@dataclass
class HourBatch:
    """The opportunities of one hour, as the bidder sees them."""

    expected_value: np.ndarray  # estimated pCTR x pCVR x order value, per impression
    hour: int
    day: int


@dataclass
class Outcome:
    """What one hour brought the bidder (fed back for control)."""

    spend: float
    gmv: float
    expected_gmv: float  # estimated (pCTR x pCVR x value) GMV of the wins
    hour_index: int


class Bidder(Protocol):
    """One bid per opportunity, and feedback after every hour."""

    def bid(self, batch: HourBatch) -> np.ndarray:
        """Bids (per impression) for the batch."""
        ...

    def observe(self, outcome: Outcome) -> None:
        """Learn from the hour that just ended."""
        ...


@dataclass
class SimulationResult:
    """Totals and per-day series of one run."""

    impressions: int = 0
    clicks: int = 0
    orders: int = 0
    organic_orders: int = 0
    spend: float = 0.0
    gmv: float = 0.0
    daily_spend: list[float] = field(default_factory=list)
    daily_gmv: list[float] = field(default_factory=list)

    @property
    def roi(self) -> float:
        """GMV / spend (0 when nothing was spent)."""
        return self.gmv / self.spend if self.spend > 0 else 0.0

    def totals(self) -> dict[str, float]:
        """The headline figures."""
        return {"impressions": self.impressions, "clicks": self.clicks, "orders": self.orders,
                "organic_orders": self.organic_orders, "spend": self.spend, "gmv": self.gmv,
                "roi": self.roi}


def _hour(cfg: SimulationConfig, rng: np.random.Generator, n: int) -> tuple[np.ndarray, ...]:
    idx = rng.integers(0, len(cfg.price), n)
    match = rng.random(n) < cfg.audience_match_share
    uplift = np.where(match, cfg.audience_uplift, 1.0)
    ctr = np.clip(cfg.pctr[idx] * uplift * rng.lognormal(0, cfg.noise, n), 0, 1)
    cvr = np.clip(cfg.pcvr[idx] * uplift * rng.lognormal(0, cfg.noise, n), 0, 1)
    value = cfg.price[idx]
    expected = cfg.pctr[idx] * cfg.pcvr[idx] * uplift ** 2 * value  # what a bidder can know
    scale = cfg.competition * float(np.mean(cfg.pctr * cfg.pcvr * cfg.price))
    competitor = rng.lognormal(np.log(max(scale, 1e-9)), cfg.competition_spread, n)
    return ctr, cvr, value, expected, competitor


def simulate(cfg: SimulationConfig, bidder: Bidder, *, seed: int) -> SimulationResult:
    """Play the whole period once; spend never exceeds the budget."""
    rng = np.random.default_rng(seed)
    shape, _ = hourly_shape()
    per_hour = cfg.n_opportunities / cfg.days * shape
    result = SimulationResult()
    for day in range(cfg.days):
        day_spend = day_gmv = 0.0
        for hour in range(24):
            n = int(rng.poisson(per_hour[hour]))
            ctr, cvr, value, expected, competitor = _hour(cfg, rng, n)
            bids = bidder.bid(HourBatch(expected, hour, day))
            auction = gsp(np.column_stack([bids, competitor]), np.ones((n, 2)), 1,
                          cfg.reserve_price)
            win = auction.winners[:, 0] == 0
            price = auction.prices[:, 0]
            cap = cfg.budget_total - result.spend
            if cfg.budget_daily is not None:
                cap = min(cap, cfg.budget_daily - day_spend)
            cost = np.where(win, price, 0.0)
            win &= np.cumsum(cost) <= max(cap, 0.0)
            spend = float(price[win].sum())
            clicks = rng.random(n) < ctr
            orders = win & clicks & (rng.random(n) < cvr)
            organic = rng.poisson(cfg.organic_uplift * orders.sum())
            gmv = float(value[orders].sum() + organic * value[win].mean()) if win.any() else 0.0
            result.impressions += int(win.sum())
            result.clicks += int((win & clicks).sum())
            result.orders += int(orders.sum())
            result.organic_orders += int(organic)
            result.spend += spend
            result.gmv += gmv
            day_spend, day_gmv = day_spend + spend, day_gmv + gmv
            expected_gmv = float(expected[win].sum()) * (1 + cfg.organic_uplift)
            bidder.observe(Outcome(spend, gmv, expected_gmv, day * 24 + hour))
        result.daily_spend.append(day_spend)
        result.daily_gmv.append(day_gmv)
    return result


@dataclass
class Forecast:
    """Monte Carlo percentiles over seeded runs."""

    runs: list[SimulationResult]
    target_roi: float

    def percentile(self, q: float) -> dict[str, float]:
        """The q-th percentile of every headline figure."""
        keys = self.runs[0].totals().keys()
        return {k: float(np.percentile([r.totals()[k] for r in self.runs], q)) for k in keys}

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: p10/p50/p90, run count and the median run's daily series."""
        median = sorted(self.runs, key=lambda r: r.gmv)[len(self.runs) // 2]
        return {"p10": self.percentile(10), "p50": self.percentile(50),
                "p90": self.percentile(90), "runs": len(self.runs),
                "target_roi": self.target_roi, "daily_spend": median.daily_spend,
                "daily_gmv": median.daily_gmv}


def forecast(cfg: SimulationConfig, make_bidder: Any, *, runs: int = 20,
             seed: int = 0) -> Forecast:
    """Run ``runs`` seeded simulations with fresh bidders."""
    return Forecast([simulate(cfg, make_bidder(cfg), seed=seed + i) for i in range(runs)],
                    cfg.target_roi)
