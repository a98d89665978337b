"""A flight logs its searches as the store does; its re-forecast replays exactly those
searches with the models learned before the flight, and never reads the flight's clicks,
orders or spend: tampering with them changes nothing, dropping searches does."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from knowledge.ads import AdEvent, AdState
from knowledge.campaigns import Campaign
from knowledge.db import make_engine
from knowledge.demo.catalog import make_catalog
from knowledge.ingest import import_catalog
from knowledge.models import Event
from knowledge.settings import Settings
from knowledge.store import Store
from tools.ads.reforecast import recorded_searches, reforecast_from_store, window
from tools.ads.replay import FLIGHT_START, FlightSpec, ReplayWorld, build_world, run_flight

START = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC)
SPEC = FlightSpec(target_roi=3.0, budget=40.0, seed=3, days=1, requests_per_day=300,
                  rival_bid=1.0, history_searches=1200)


@pytest.fixture
def flown(store: Store, tmp_path: Path) -> tuple[ReplayWorld, Path, Any]:
    """The generated fitness shelf, and one day's flight flown in ``tmp_path / 'flight'``."""
    rows = [r for r in make_catalog(11, 400) if r["category"] == "fitness"]
    path = tmp_path / "catalog.jsonl"
    path.write_text("\n".join(json.dumps({k: v for k, v in r.items() if k != "image"})
                              for r in rows))
    import_catalog(store, path)
    world = build_world(store, queries_per_persona=6)
    result = run_flight(world, SPEC, tmp_path / "flight")
    return world, tmp_path / "flight", result


def _reforecast(world: ReplayWorld, folder: Path, scratch: Path) -> dict[str, Any]:
    engine = make_engine(Settings(data_dir=folder))
    with Session(engine) as session:
        campaign = session.get(Campaign, "c_ours")
    assert campaign is not None
    scratch.mkdir(exist_ok=True)
    out = reforecast_from_store(engine, campaign, world.organic.__getitem__,
                                relevance=world.relevance, runs=1, seed=SPEC.seed,
                                now=START + timedelta(days=1), folder=scratch)
    engine.dispose()
    assert out is not None
    return out


def test_a_flight_logs_each_search_it_served(flown) -> None:  # type: ignore[no-untyped-def]
    world, folder, result = flown
    engine = make_engine(Settings(data_dir=folder))
    logged = recorded_searches(engine, START, START + timedelta(days=1))
    assert len(logged) == len(result.auction_ms) > 200  # one row per served search
    assert all(START <= ts < START + timedelta(days=1) for ts, _, _ in logged)
    assert {q for _, _, q in logged} <= set(world.organic)
    assert [ts for ts, _, _ in logged] == sorted(ts for ts, _, _ in logged)
    engine.dispose()


def test_reforecast_reads_the_flights_searches_and_not_its_outcomes(  # type: ignore[no-untyped-def]
        flown, tmp_path: Path) -> None:
    world, folder, result = flown
    assert result.clicks >= 5 and result.orders >= 1
    first = _reforecast(world, folder, tmp_path / "r1")
    assert first["method"] == "reforecast" and first["searches"] == len(result.auction_ms)
    assert first["p50"]["impressions"] > 0 and first["pooled_roi"] > 0

    # the flight's outcomes rewritten: ten times the GMV, no clicks, its budget spent,
    # and a purchase logged for every searcher; the re-forecast must not move
    engine = make_engine(Settings(data_dir=folder))
    with engine.begin() as conn:
        conn.execute(update(AdEvent).values(gmv=AdEvent.gmv * 10))
        conn.execute(delete(AdEvent).where(col(AdEvent.kind) == "click"))
        conn.execute(update(AdState).where(col(AdState.campaign_id) == "c_ours")
                     .values(multiplier=0.01, pace=0.01, spent=SPEC.budget))
    with Session(engine) as session:
        people = {e.user_id for e in session.exec(select(Event).where(
            Event.type == "search", col(Event.ts) >= START))}
        pid = world.ours[0]
        for user in people:
            session.add(Event(user_id=user, type="purchase", product_id=pid,
                              ts=START + timedelta(hours=12)))
        session.commit()
    engine.dispose()
    again = _reforecast(world, folder, tmp_path / "r2")
    assert again["plays"] == first["plays"] and again["pooled_roi"] == first["pooled_roi"]

    # half the flight's searches gone: the re-forecast replays the other half only
    engine = make_engine(Settings(data_dir=folder))
    with Session(engine) as session:
        ids = list(session.exec(select(Event.id).where(Event.type == "search",
                                                       col(Event.ts) >= START)))
    with engine.begin() as conn:
        conn.execute(delete(Event).where(col(Event.id).in_(ids[::2])))
    engine.dispose()
    half = _reforecast(world, folder, tmp_path / "r3")
    assert half["searches"] == len(ids) - len(ids[::2])
    assert half["p50"]["impressions"] < first["p50"]["impressions"]


def test_the_window_of_a_running_campaign_ends_now() -> None:
    campaign = Campaign(id="c", merchant_id="m", name="n", budget_total=10.0, target_roi=2.0,
                        start=FLIGHT_START, end=FLIGHT_START + timedelta(days=2))
    assert window(campaign, START + timedelta(hours=30)) == (START, START + timedelta(hours=30))
    assert window(campaign, START + timedelta(days=9))[1] == START + timedelta(days=3)
