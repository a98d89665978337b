"""The pre-flight forecast reads its orders as the expectation of its recorded clicks, and is
the same forecast every time for the same seed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session

from knowledge.ads import AdEvent
from knowledge.campaigns import Campaign
from knowledge.db import make_engine
from knowledge.models import Event, Product
from knowledge.settings import Settings
from tests.tools.test_ads_forecast import TODAY, plan, record_searches
from tests.tools.test_ads_forecast import shop as shop  # noqa: F401 (the fixture)
from tools.ads.flight import FlightResult
from tools.ads.forecast import expected_outcome, shopper_reaction
from tools.ads.slots import Candidate
from tools.campaigns.forecasting import forecast_campaign

FIRST = datetime(2026, 6, 1, tzinfo=UTC)
CHANCE = {"MAT": 0.25, "ROLLER": 0.1}  # the forecast shoppers' order chance after a click


def buys_by_product(_session: str, product: Product, _position: int, _query: str,
                    _cand: Candidate, _top: float, _before: tuple[str, ...] = ()
                    ) -> tuple[float, float]:
    """A reaction whose order chance depends on the product only."""
    return 0.05, CHANCE[product.id]


def event(kind: str, campaign: str, product: str, impression: str, ts: datetime,
          gmv: float = 0.0) -> dict[str, object]:
    """One ad ledger row (clicks cost 1)."""
    cost = 1.0 if kind == "click" else 0.0
    return {"kind": kind, "campaign_id": campaign, "product_id": product, "ts": ts,
            "session_id": f"s-{impression}", "impression_id": impression, "query": "yoga mat",
            "cost": cost, "cpc": 1.0, "gmv": gmv}


def test_the_forecast_counts_each_click_as_its_order_chance_not_its_draw(tmp_path: Path) -> None:
    engine = make_engine(Settings(data_dir=tmp_path))
    with Session(engine) as session:
        session.add(Product(id="MAT", title="Yoga mat", price=40.0))
        session.add(Product(id="ROLLER", title="Foam roller", price=20.0))
        session.commit()
    clicks = [("MAT", 0), ("MAT", 0), ("ROLLER", 0), ("MAT", 1), ("ROLLER", 1), ("ROLLER", 1)]
    rows = [event("click", "c1", pid, f"i{n}", FIRST + timedelta(days=day, hours=3))
            for n, (pid, day) in enumerate(clicks)]
    # a drawn order, and another campaign's click: neither changes the expectation
    rows += [event("order", "c1", "MAT", "i0", FIRST, gmv=40.0),
             event("click", "c2", "MAT", "x", FIRST)]
    with engine.begin() as conn:
        conn.execute(insert(AdEvent.__table__), rows)  # type: ignore[attr-defined]
    played = FlightResult(spend=6.0, gmv=40.0, clicks=6, orders=1, impressions=60,
                          pacing_error=0.0, daily_spend=[3.0, 3.0], daily_gmv=[40.0, 0.0])
    out = expected_outcome(engine, "c1", buys_by_product, FIRST, played)
    assert abs(out.gmv - (3 * 0.25 * 40.0 + 3 * 0.1 * 20.0)) < 1e-9  # 30 + 6, not the drawn 40
    assert out.daily_gmv == [2 * 10.0 + 2.0, 10.0 + 2 * 2.0]
    assert out.orders == round(3 * 0.25 + 3 * 0.1)
    assert out.spend == 6.0 and out.clicks == 6  # what was charged stays as recorded
    assert abs(out.roi - 36.0 / 6.0) < 1e-9


def test_a_click_counts_the_chance_the_play_drew_it_by(tmp_path: Path) -> None:
    """A play notes each click's order chance (it read the session's earlier searches, as
    the bidder did); the expectation uses that chance, not one asked again without them."""
    engine = make_engine(Settings(data_dir=tmp_path))
    with Session(engine) as session:
        session.add(Product(id="MAT", title="Yoga mat", price=40.0))
        session.commit()
    with engine.begin() as conn:
        conn.execute(insert(AdEvent.__table__),  # type: ignore[attr-defined]
                     [event("click", "c1", "MAT", "i0", FIRST),
                      event("click", "c1", "MAT", "i1", FIRST)])
    played = FlightResult(spend=2.0, gmv=0.0, clicks=2, orders=0, impressions=20,
                          pacing_error=0.0, daily_spend=[2.0], daily_gmv=[0.0],
                          buy_chance={"i0": 0.5})
    out = expected_outcome(engine, "c1", buys_by_product, FIRST, played)
    assert abs(out.gmv - (0.5 + CHANCE["MAT"]) * 40.0) < 1e-9  # i1 was not noted: asked again


def test_a_forecast_is_the_same_for_the_same_seed(shop) -> None:  # type: ignore[no-untyped-def]
    store, _, zen = shop
    record_searches(store)
    first = forecast_campaign(store, zen, plan(zen), runs=2, seed=3, now=TODAY)
    again = forecast_campaign(store, zen, plan(zen), runs=2, seed=3, now=TODAY)
    assert first["p50"] == again["p50"] and first["daily_gmv"] == again["daily_gmv"]
    assert first["p50"]["clicks"] > 0 and first["p50"]["gmv"] > 0


def test_forecast_shoppers_click_an_ad_by_its_slot_not_by_its_usual_organic_rank(
        tmp_path: Path) -> None:
    """Twelve equally attractive mats: the lower-ranked ones get fewer organic clicks only
    because fewer shoppers look that far down. In the ad's top slot each is as likely to
    be clicked as the organic top result."""
    engine = make_engine(Settings(data_dir=tmp_path))
    mats = [Product(id=f"M{i}", title=f"Yoga mat {i}", price=30.0) for i in range(12)]
    with Session(engine, expire_on_commit=False) as session:
        session.add_all(mats)
        session.add(Campaign(id="c1", merchant_id="m1", name="mats", target_roi=2.0,
                             product_ids=[p.id for p in mats], budget_total=100.0,
                             start=FIRST.date(), end=FIRST.date() + timedelta(days=2)))
        session.commit()
    page = [Candidate(p, 10.0 - 0.5 * i, i) for i, p in enumerate(mats)]
    rng = random.Random(5)
    rows: list[dict[str, object]] = []
    for n in range(3000):
        ts = FIRST - timedelta(days=3) + timedelta(seconds=60 * n)
        rows.append({"user_id": f"u{n}", "type": "search", "query": "yoga mat", "ts": ts,
                     "product_id": None})
        for cand in page:  # the shopper scans down until a click; looks less far down
            if rng.random() < 0.12 * (1.0, 0.62, 0.45, 0.35)[min(3, cand.rank // 2)]:
                rows.append({"user_id": f"u{n}", "type": "click", "query": "yoga mat",
                             "ts": ts, "product_id": cand.product.id})
                break
    with engine.begin() as conn:
        conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]
    react = shopper_reaction(engine, lambda _q: page)
    top = react("s", mats[0], 0, "yoga mat", page[0], 10.0)[0]
    deep = react("s", mats[9], 0, "yoga mat", page[9], 10.0)[0]
    assert 0.8 < deep / top < 1.25 and 0.08 < top < 0.17  # each ~0.12 in the top slot
