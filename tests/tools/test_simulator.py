"""Traffic simulator: determinism, budget caps, the second-price rule, organic linkage, inputs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
from sqlalchemy.engine import Engine
from sqlmodel import Session

from knowledge.models import Event
from tools.campaigns.bidding import FixedBidder, PIDRoiBidder, RoiTargetBidder
from tools.campaigns.chart import forecast_chart
from tools.campaigns.simulator import (
    HourBatch,
    Outcome,
    SimulationConfig,
    forecast,
    simulate,
)
from tools.campaigns.traffic import (
    BIDDING_DATA,
    FALLBACK_RANGES,
    auctionnet_ranges,
    estimate_rates,
    hourly_shape,
)


def small_config(**overrides: object) -> SimulationConfig:
    """Twenty products, a week, 50k opportunities."""
    cfg = SimulationConfig(price=np.linspace(30, 90, 20), pctr=np.linspace(0.03, 0.08, 20),
                           pcvr=np.linspace(0.12, 0.05, 20), budget_total=2_000.0,
                           target_roi=3.0, days=7, n_opportunities=50_000)
    return replace(cfg, **overrides)


class ConstantBidder:
    """A real bidder that bids the same amount everywhere and records what it saw."""

    def __init__(self, amount: float) -> None:
        """Bid ``amount`` on every opportunity."""
        self.amount = amount
        self.outcomes: list[Outcome] = []

    def bid(self, batch: HourBatch) -> np.ndarray:
        """The same bid for every opportunity."""
        return np.full(len(batch.expected_value), self.amount)

    def observe(self, outcome: Outcome) -> None:
        """Keep the hour's outcome."""
        self.outcomes.append(outcome)


def test_same_seed_same_result_other_seed_differs() -> None:
    cfg = small_config()
    first = simulate(cfg, RoiTargetBidder(cfg), seed=11)
    again = simulate(cfg, RoiTargetBidder(cfg), seed=11)
    other = simulate(cfg, RoiTargetBidder(cfg), seed=12)
    assert first.totals() == again.totals()
    assert first.daily_gmv == again.daily_gmv
    assert first.totals() != other.totals()
    assert len(first.daily_spend) == cfg.days


def test_spend_never_exceeds_total_or_daily_budget_with_aggressive_bidders() -> None:
    cfg = small_config(budget_total=900.0, budget_daily=150.0)
    for seed in range(5):
        for bidder in (ConstantBidder(1e6), FixedBidder(cfg), PIDRoiBidder(cfg)):
            run = simulate(cfg, bidder, seed=seed)
            assert run.spend <= cfg.budget_total + 1e-9
            assert max(run.daily_spend) <= cfg.budget_daily + 1e-9
            assert abs(sum(run.daily_spend) - run.spend) < 1e-6
        greedy = simulate(cfg, ConstantBidder(1e6), seed=seed)
        assert greedy.spend > 0.99 * cfg.budget_total  # it really ran into the caps
        assert all(day > 0.99 * cfg.budget_daily for day in greedy.daily_spend[:6])


def test_total_budget_caps_a_bidder_without_daily_limit() -> None:
    cfg = small_config(budget_total=300.0)
    run = simulate(cfg, ConstantBidder(1e6), seed=3)
    assert 0.99 * cfg.budget_total < run.spend <= cfg.budget_total + 1e-9
    assert run.daily_spend[-1] == 0.0  # the money ran out before the last day


def test_winner_pays_second_price_not_its_bid() -> None:
    cfg = small_config(competition_spread=0.0, budget_total=1e9, reserve_price=0.0001)
    second = cfg.competition * float(np.mean(cfg.pctr * cfg.pcvr * cfg.price))
    run = simulate(cfg, ConstantBidder(1000.0), seed=0)
    assert run.impressions > 40_000
    assert abs(run.spend / run.impressions - second) < 1e-9
    below = simulate(cfg, ConstantBidder(second * 0.99), seed=0)
    assert below.impressions == 0 and below.spend == 0.0


def test_reserve_price_sets_the_floor() -> None:
    reserve = 0.5
    cfg = small_config(competition_spread=0.0, budget_total=1e9, reserve_price=reserve)
    run = simulate(cfg, ConstantBidder(1.0), seed=0)
    assert run.impressions > 40_000
    assert abs(run.spend / run.impressions - reserve) < 1e-9
    under_reserve = simulate(cfg, ConstantBidder(reserve * 0.9), seed=0)
    assert under_reserve.impressions == 0


def test_paid_exposure_lifts_organic_orders() -> None:
    none = simulate(small_config(organic_uplift=0.0, budget_total=1e5), ConstantBidder(1.0),
                    seed=4)
    lifted = simulate(small_config(organic_uplift=0.5, budget_total=1e5), ConstantBidder(1.0),
                      seed=4)
    assert none.organic_orders == 0
    assert none.orders > 300
    assert 0.35 < lifted.organic_orders / lifted.orders < 0.65
    paid_value = np.mean(small_config().price)
    assert lifted.gmv > none.gmv + 0.2 * lifted.orders * paid_value * 0.5


def test_bidder_sees_hourly_batches_shaped_by_traffic() -> None:
    cfg = small_config(budget_total=1e9)
    bidder = ConstantBidder(1.0)
    simulate(cfg, bidder, seed=0)
    assert len(bidder.outcomes) == cfg.days * 24
    shape, _ = hourly_shape()
    spend_by_hour = np.zeros(24)
    for outcome in bidder.outcomes:
        spend_by_hour[outcome.hour_index % 24] += outcome.spend
    busiest, quietest = int(np.argmax(shape)), int(np.argmin(shape))
    assert spend_by_hour[busiest] > 1.5 * spend_by_hour[quietest]


def test_forecast_percentiles_and_chart(tmp_path: Path) -> None:
    cfg = small_config(days=5, n_opportunities=30_000)
    result = forecast(cfg, RoiTargetBidder, runs=6, seed=0)
    summary = result.as_dict()
    assert summary["runs"] == 6
    for key in ("impressions", "clicks", "orders", "spend", "gmv", "roi"):
        assert summary["p10"][key] <= summary["p50"][key] <= summary["p90"][key]
    assert summary["p10"]["gmv"] < summary["p90"]["gmv"]
    assert len(summary["daily_spend"]) == len(summary["daily_gmv"]) == 5
    path = forecast_chart(summary, tmp_path / "charts" / "forecast.png")
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 5_000


def test_hourly_shape_from_real_shares_and_fallback(tmp_path: Path) -> None:
    shape, source = hourly_shape()
    assert shape.shape == (24,)
    assert abs(shape.sum() - 1.0) < 1e-9
    if (BIDDING_DATA / "bat_traffic_share.csv").is_file():
        assert source.endswith("bat_traffic_share.csv")
    built_in, fallback = hourly_shape(tmp_path / "missing.csv")
    assert fallback == "built-in diurnal curve"
    assert abs(built_in.sum() - 1.0) < 1e-9 and built_in.min() > 0


def test_auctionnet_ranges_from_sample_and_fallback(tmp_path: Path) -> None:
    ranges = auctionnet_ranges()
    for name in ("pctr", "pcvr"):
        low, median, high = ranges[name]  # type: ignore[misc]
        assert 0 <= low <= median <= high <= 1
    if (BIDDING_DATA / "auctionnet_opportunities_sample.csv").is_file():
        assert str(ranges["source"]).endswith("auctionnet_opportunities_sample.csv")
    assert auctionnet_ranges(tmp_path / "missing.csv") is FALLBACK_RANGES


def _events(user: str, kind: str, product: str, n: int) -> list[Event]:
    return [Event(user_id=f"{user}{i}", type=kind, product_id=product) for i in range(n)]


def test_rates_estimated_from_a_real_event_table(engine: Engine) -> None:
    with Session(engine) as session:
        session.add_all(_events("u", "view", "hot", 200) + _events("u", "click", "hot", 80)
                        + _events("u", "purchase", "hot", 24)
                        + _events("v", "view", "cold", 200) + _events("v", "click", "cold", 4)
                        + _events("w", "view", "mid", 200) + _events("w", "click", "mid", 30)
                        + _events("w", "purchase", "mid", 8))
        session.commit()
    pctr, pcvr = estimate_rates(engine, ["hot", "cold", "mid", "never-seen"])
    assert pctr[0] > pctr[2] > pctr[1]
    assert pcvr[0] > pcvr[2] > pcvr[1]
    ranges = auctionnet_ranges()
    lo_c, med_c, hi_c = ranges["pctr"]  # type: ignore[misc]
    lo_v, _, hi_v = ranges["pcvr"]  # type: ignore[misc]
    assert np.all((pctr >= lo_c) & (pctr <= hi_c))
    assert np.all((pcvr >= lo_v) & (pcvr <= hi_v))
    assert abs(pctr[3] - med_c) < 1e-12  # no evidence: the AuctionNet median
