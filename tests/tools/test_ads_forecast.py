"""The pre-flight forecast plays the plan through the ad server on the store's recorded
searches; the order model reads what the query says about the shopper."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlmodel import Session, func, select

from knowledge.ads import AdEvent
from knowledge.campaigns import Campaign
from knowledge.db import make_engine
from knowledge.ingest import import_catalog
from knowledge.merchants import create_merchant
from knowledge.models import Event, Product
from knowledge.settings import Settings
from knowledge.store import Store
from tests.agents.catalog import catalogue_rows
from tools.ads import query_features as qf
from tools.ads.model import ClickModel, Context
from tools.campaigns import service
from tools.campaigns.forecasting import forecast_campaign

TODAY = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def test_query_words_and_product_terms() -> None:
    assert qf.tokens("The best Yoga mat for Pilates!") == ("yoga", "mat", "pilates")
    terms = ("type:yoga mat", "f:non-slip", "f:eco-friendly")
    assert qf.dense("non slip yoga mat", terms) == (1.0, 1.0)
    assert qf.dense("water bottle", terms) == (0.0, 0.0)
    assert "pilates|f:non-slip" in qf.crosses("mat for pilates", terms)


def test_order_model_learns_what_the_query_says_about_the_shopper(tmp_path: Path) -> None:
    engine = make_engine(Settings(data_dir=tmp_path))
    rows = []
    # pilates shoppers buy the non-slip mat, runners the lightweight one (3 in 10 vs 1 in 20)
    for n in range(400):
        query = "yoga mat for pilates" if n % 2 else "yoga mat for running"
        pid = "MAT_GRIP" if (n // 2) % 2 else "MAT_LIGHT"
        suits = (query.endswith("pilates")) == (pid == "MAT_GRIP")
        bought = (n // 4) % 10 < 3 if suits else (n // 4) % 20 == 0
        user = f"s{n}"
        rows.append({"user_id": user, "type": "click", "product_id": pid, "query": query,
                     "ts": TODAY})
        if bought:
            rows.append({"user_id": user, "type": "purchase", "product_id": pid,
                         "query": None, "ts": TODAY})
    with engine.begin() as conn:
        conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]
    prices = {"MAT_GRIP": 40.0, "MAT_LIGHT": 40.0}
    terms: dict[str, tuple[str, ...]] = {"MAT_GRIP": ("type:yoga mat", "f:non-slip"),
             "MAT_LIGHT": ("type:yoga mat", "f:lightweight")}
    pairs = [Context(p, 40.0, 1.0, 0, "search", q) for p in ("MAT_GRIP", "MAT_LIGHT")
             for q in ("yoga mat for pilates", "yoga mat for running")]
    reading = ClickModel(terms=terms)
    reading.fit(engine, prices)
    _, cvr = reading.predict(pairs)
    assert cvr[0] > 1.5 * cvr[1] and cvr[3] > 1.5 * cvr[2]  # (shrunk towards each other)
    blind = ClickModel()  # without product terms the query says nothing
    blind.fit(engine, prices)
    _, flat = blind.predict(pairs)
    assert abs(flat[0] - flat[1]) < 1e-9


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> tuple[Store, str, list[Product]]:
    """The agent catalogue; merchant Acme owns the Zenflow products."""
    rows = catalogue_rows()
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    import_catalog(store, path)
    merchant, _ = create_merchant(store.engine, name="Acme")
    service.assign_products(store.engine, merchant.id, brands=["Zenflow"])
    with Session(store.engine) as session:
        zen = list(session.exec(select(Product).where(Product.brand == "Zenflow")))
    return store, merchant.id, zen


def record_searches(store: Store, days: int = 3, per_day: int = 40) -> None:
    """Shoppers' searches over the last ``days`` days; some click and buy a Zenflow mat."""
    rows = []
    for n in range(days * per_day):
        ts = TODAY - timedelta(days=days) + timedelta(minutes=n * 24 * 60 * days
                                                      // (days * per_day))
        query = ("yoga mat", "foam roller", "non slip yoga mat")[n % 3]
        rows.append({"user_id": f"s{n}", "type": "search", "query": query, "ts": ts,
                     "product_id": None})
        if n % 4 == 0:
            pid = "FIT00" if n % 3 != 1 else "FIT31"
            rows.append({"user_id": f"s{n}", "type": "click", "query": query, "ts": ts,
                         "product_id": pid})
            if n % 12 == 0:
                rows.append({"user_id": f"s{n}", "type": "purchase", "query": None, "ts": ts,
                             "product_id": pid})
    with store.engine.begin() as conn:
        conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]


def count(store: Store, table: type[AdEvent] | type[Campaign]) -> int:
    with Session(store.engine) as session:
        return int(session.exec(select(func.count()).select_from(table)).one())


def plan(products: list[Product], budget: float = 30.0) -> service.CampaignDraft:
    """A three-day plan starting tomorrow."""
    start = TODAY.date() + timedelta(days=1)
    return service.CampaignDraft(product_ids=[p.id for p in products], budget_total=budget,
                                 target_roi=2.0, start=start, end=start + timedelta(days=2))


def test_forecast_plays_the_plan_through_the_ad_server_on_recorded_searches(shop) -> None:  # type: ignore[no-untyped-def]
    store, _, zen = shop
    record_searches(store)
    result = forecast_campaign(store, zen, plan(zen), runs=2, now=TODAY)
    assert result["method"] == "replay" and result["runs"] == 2
    assert result["p50"]["impressions"] > 0  # the replayed searches met the campaign's ads
    assert result["p50"]["spend"] <= 30.0 + 5.0  # the budget cap, at most one click over
    assert len(result["daily_spend"]) == len(result["daily_gmv"]) == 3
    assert result["p10"]["gmv"] <= result["p50"]["gmv"] <= result["p90"]["gmv"]
    # the forecast ran on a scratch copy: the store itself records nothing
    assert count(store, AdEvent) == 0 and count(store, Campaign) == 0


def test_a_store_without_recorded_searches_falls_back_to_the_simulator(shop) -> None:  # type: ignore[no-untyped-def]
    store, _, zen = shop
    result = forecast_campaign(store, zen, plan(zen, budget=300.0), runs=2, now=TODAY)
    assert result["method"] == "simulator"
