"""A flight's first hours: thin evidence must not cut the bids (issue 14 day-1 pacing)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from knowledge import ads as ledger
from knowledge.db import make_engine
from knowledge.models import Event
from knowledge.settings import Settings
from tools.ads import pacing
from tools.ads.model import ClickModel, Context
from tools.ads.pacing import Control, Evidence

START = datetime(2026, 5, 1, tzinfo=UTC)
PRICES = {f"P{i}": 40.0 for i in range(20)}


def _store(tmp_path: Path, ad_clicks: int, ad_orders: int):  # type: ignore[no-untyped-def]
    """A behaviour log (each click bought with chance 0.2) and a flight's first ad clicks."""
    rng = random.Random(5)
    rows = []
    for n in range(40):
        for i in range(len(PRICES)):
            user, ts = f"u{n}-{i}", START + timedelta(minutes=n * 20 + i)
            rows.append({"user_id": user, "type": "search", "product_id": None, "ts": ts,
                         "query": "yoga mat"})
            rows.append({"user_id": user, "type": "click", "product_id": f"P{i}", "ts": ts,
                         "query": "yoga mat"})
            if rng.random() < 0.2:
                rows.append({"user_id": user, "type": "purchase", "product_id": f"P{i}",
                             "ts": ts, "query": None})
    engine = make_engine(Settings(data_dir=tmp_path))
    with engine.begin() as conn:
        conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]
    now = START + timedelta(days=2)
    shown = 300
    ledger.record_impressions(engine, [
        {"ts": now, "campaign_id": "c1", "creative_id": None, "product_id": f"P{i % 20}",
         "session_id": f"s{i}", "impression_id": f"i{i}", "query": "yoga mat",
         "placement": "search", "position": i % 2, "relevance": 0.6, "organic_rank": 4,
         "cpc": 2.0, "cost": 0.0, "gmv": 0.0, "dedupe": None} for i in range(shown)])
    ledger.ensure_state(engine, "c1", 1000.0)
    for i in range(ad_clicks):
        ledger.charge_click(engine, f"i{i}", now=now)
    for i in range(ad_orders):
        ledger.attribute(engine, session_id=f"s{i}", product_id=f"P{i % 20}", kind="order",
                         value=40.0, order_key=f"o{i}", now=now + timedelta(minutes=5))
    return engine


def _ad_cvr(engine) -> float:  # type: ignore[no-untyped-def]
    model = ClickModel()
    model.fit(engine, PRICES)
    _, cvr = model.predict([Context("P3", 40.0, 0.6, 4, "search", "yoga mat")])
    return float(cvr[0])


def test_a_handful_of_ad_clicks_without_an_order_leaves_the_order_model_alone(
        tmp_path: Path) -> None:
    """Ten sponsored clicks at a 20% order rate expect two orders: none is no evidence.

    They are the only rows with an organic rank and a relevance below the top; learning
    from them alone taught the model that sponsored clicks never buy (every bid cut).
    """
    before = _ad_cvr(_store(tmp_path / "a", ad_clicks=0, ad_orders=0))
    after = _ad_cvr(_store(tmp_path / "b", ad_clicks=10, ad_orders=0))
    assert 0.1 < before < 0.3
    assert after > 0.8 * before


def test_sponsored_clicks_with_orders_teach_the_order_model(tmp_path: Path) -> None:
    """Enough sponsored orders, far above the storefront's rate: the model learns it."""
    before = _ad_cvr(_store(tmp_path / "a", ad_clicks=0, ad_orders=0))
    after = _ad_cvr(_store(tmp_path / "b", ad_clicks=60, ad_orders=40))
    assert after > 1.5 * before


def step(control: Control, evidence: Evidence, **kw: float) -> Control:
    """One hourly step of a 1,000 budget, target 4 campaign, on plan, no GMV yet."""
    base = {"spent": 20.0, "gmv": 0.0, "budget": 1000.0, "target_roi": 4.0,
            "plan_share": 0.02, "typical_cpc": 2.0}
    return pacing.update(control, evidence=evidence, **{**base, **kw})


def test_first_clicks_with_an_order_barely_expected_do_not_cut_the_bids() -> None:
    """Ten clicks the model values at ROI 6 and two orders, none yet: the bids hold.

    (Read with a prior of 20 clicks' GMV, as before, the missing two orders cut them 40%.)
    """
    early = Evidence(expected_gmv=120.0, expected_orders=2.0)
    assert step(Control(1.0, 1.0), early).shade == 1.0


def test_clicks_that_should_have_sold_many_times_over_cut_the_bids() -> None:
    """Thirty orders expected and none came: the model is wrong about this campaign."""
    late = Evidence(expected_gmv=1500.0, expected_orders=30.0)
    assert step(Control(1.0, 1.0), late, spent=300.0, plan_share=0.3).shade < 0.5
