"""The ad server's controls: the one-page auction, the ROI and pacing controllers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

from knowledge import ads as ledger
from knowledge.db import make_engine
from knowledge.settings import Settings
from tools.ads import auction, pacing, upkeep
from tools.ads.model import ClickModel
from tools.ads.pacing import Control, Evidence


def test_one_page_auction_is_the_vectorised_auction() -> None:
    rng = np.random.default_rng(7)
    for trial in range(400):
        m, slots = int(rng.integers(0, 7)), int(rng.integers(1, 4))
        if trial % 3 == 0:  # ties and bids under the reserve
            bids = rng.choice([0.0, 0.03, 0.5, 1.0], size=(1, m))
        else:
            bids = rng.lognormal(0, 1, (1, m))
        ctr = rng.uniform(0.001, 0.2, (1, m))
        one = auction.gsp(bids, ctr, slots, 0.05)
        two = auction.gsp(np.vstack([bids, bids]), np.vstack([ctr, ctr]), slots, 0.05)
        assert np.array_equal(one.winners[0], two.winners[0])
        assert np.allclose(one.prices[0], two.prices[0])
    # second price: the winner pays what keeps it ahead of the runner-up, not its bid
    won = auction.gsp(np.array([[2.0, 1.0]]), np.array([[0.1, 0.1]]), 1, 0.05)
    assert won.winners[0, 0] == 0 and won.prices[0, 0] == 1.0


def step(control: Control, **kw: object) -> Control:
    """One hourly step of a 1,000 budget, target 4 campaign (overrides in ``kw``)."""
    base: dict[str, object] = {"spent": 100.0, "gmv": 0.0, "budget": 1000.0,
                               "target_roi": 4.0, "plan_share": 0.1, "typical_cpc": 1.0}
    return pacing.update(control, **{**base, **kw})  # type: ignore[arg-type]


def test_an_unlucky_start_without_recent_clicks_probes_upwards_instead_of_stalling() -> None:
    control = Control(0.2, 0.4)  # bids cut after clicks that sold nothing
    quiet = Evidence(expected_gmv=300.0, recent_expected=0.0, recent_spent=0.0)
    behind = step(control, spent=40.0, plan_share=0.3, evidence=quiet)
    assert behind.multiplier > control.multiplier and behind.pace > control.pace
    on_plan = step(control, spent=300.0, plan_share=0.3, evidence=quiet)
    assert on_plan.multiplier == control.multiplier  # no evidence, no need: hold


def test_roi_multiplier_follows_what_the_present_bids_buy() -> None:
    control = Control(1.0, 1.0)
    cheap = Evidence(expected_gmv=600.0, recent_expected=150.0, recent_spent=20.0)  # ROI 7.5
    dear = Evidence(expected_gmv=600.0, recent_expected=40.0, recent_spent=20.0)  # ROI 2
    up = step(control, gmv=600.0, plan_share=0.1, evidence=cheap)
    down = step(control, gmv=600.0, plan_share=0.1, evidence=dear)
    assert up.multiplier > 1.0 > down.multiplier


def test_a_deficit_asks_more_of_the_remaining_budget() -> None:
    even = pacing.roi_error(spent=100.0, gmv=440.0, budget=1000.0, target_roi=4.0,
                            typical_cpc=1.0, evidence=Evidence(440.0, 100.0, 20.0))
    short = pacing.roi_error(spent=100.0, gmv=100.0, budget=1000.0, target_roi=4.0,
                             typical_cpc=1.0, evidence=Evidence(440.0, 100.0, 20.0))
    assert even is not None and short is not None and short < even


def test_pace_rises_behind_plan_and_falls_ahead() -> None:
    evidence = Evidence(400.0, 90.0, 20.0)
    behind = step(Control(1.0, 1.0), spent=50.0, gmv=200.0, plan_share=0.2, evidence=evidence)
    ahead = step(Control(1.0, 1.0), spent=250.0, gmv=1000.0, plan_share=0.2,
                 evidence=evidence)
    assert behind.pace > 1.0 > ahead.pace


def test_only_recent_clicks_tell_what_the_present_bids_buy(tmp_path: Path) -> None:
    """Clicks from before a bid cut are stale: without fresh ones the controller probes up."""
    engine = make_engine(Settings(data_dir=tmp_path))
    now = datetime(2026, 6, 2, 12, tzinfo=UTC)
    ledger.record_impressions(engine, [
        {"ts": now - timedelta(hours=hours_ago), "campaign_id": "c1", "creative_id": None,
         "product_id": "P1", "session_id": f"s{i}", "impression_id": f"i{i}", "query": "mat",
         "placement": "search", "position": 0, "relevance": 1.0, "organic_rank": 0,
         "cpc": 2.0, "cost": 0.0, "gmv": 0.0, "dedupe": None}
        for i, hours_ago in enumerate([10] * 5 + [1] * 3)])
    ledger.ensure_state(engine, "c1", 1000.0)
    for i, hours_ago in enumerate([10] * 5 + [1] * 3):
        ledger.charge_click(engine, f"i{i}", now=now - timedelta(hours=hours_ago))
    model = ClickModel(prior_cvr=0.1)
    seen = upkeep.evidence(engine, model, "c1", {"P1": 50.0}, now)
    assert seen.recent_spent == 3 * 2.0 and seen.expected_gmv > seen.recent_expected > 0
    later = upkeep.evidence(engine, model, "c1", {"P1": 50.0}, now + timedelta(hours=8))
    assert later.recent_spent == 0.0  # every click is older than six hours
    cut = Control(0.05, 0.1)
    after = step(cut, spent=50.0, plan_share=0.3, evidence=later)
    assert after.multiplier > cut.multiplier  # behind plan and no fresh evidence: probe up


def test_a_nights_few_worthless_clicks_cannot_collapse_the_bids() -> None:
    """Two clicks that the model values at a tenth of the need are weak evidence; forty are not."""
    few = pacing.roi_error(spent=2.0, gmv=0.0, budget=1000.0, target_roi=4.0, typical_cpc=1.0,
                           evidence=Evidence(1.0, 1.0, 2.0))
    many = pacing.roi_error(spent=40.0, gmv=0.0, budget=1000.0, target_roi=4.0,
                            typical_cpc=1.0, evidence=Evidence(20.0, 20.0, 40.0))
    assert few is not None and many is not None
    assert -1.0 < few < 0 and many < -1.5


def test_behind_plan_with_roi_headroom_the_bids_catch_up_fast() -> None:
    rich = Evidence(expected_gmv=800.0, recent_expected=300.0, recent_spent=20.0)  # ROI 15
    # ROI 4.1: behind plan the aim falls to the target 4, leaving almost no headroom
    tight = Evidence(expected_gmv=205.0, recent_expected=82.0, recent_spent=20.0)
    fast = step(Control(1.0, 1.0), spent=50.0, gmv=800.0, plan_share=0.2, evidence=rich)
    slow = step(Control(1.0, 1.0), spent=50.0, gmv=205.0, plan_share=0.2, evidence=tight)
    assert fast.shade > 1.5  # the ROI headroom lets the pace step through
    assert 1.0 <= slow.shade <= 1.0 * np.exp(pacing.EXPLORE_STEP) + 1e-9


def test_behind_plan_the_margin_above_the_target_is_spent_on_catching_up() -> None:
    """Bids buying ROI 4.2 at target 4 (under the 1.15x aim): held on plan, raised behind it."""
    margin = Evidence(expected_gmv=420.0, recent_expected=84.0, recent_spent=20.0)  # ROI 4.2
    on_plan = step(Control(1.0, 1.0), spent=200.0, gmv=840.0, plan_share=0.2,
                   evidence=Evidence(840.0, 84.0, 20.0))
    behind = step(Control(1.0, 1.0), spent=100.0, gmv=420.0, plan_share=0.2, evidence=margin)
    assert on_plan.shade < 1.0 < behind.shade
    # still under the target, being behind plan buys no catch-up
    poor = Evidence(expected_gmv=380.0, recent_expected=76.0, recent_spent=20.0)  # ROI 3.8
    assert step(Control(1.0, 1.0), spent=100.0, gmv=380.0, plan_share=0.2,
                evidence=poor).shade < 1.0
