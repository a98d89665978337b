"""Campaign flights driven through the serving path, for evals and re-forecasts.

A :class:`ReplayWorld` is a real store's catalogue and real organic search results for
persona queries. :func:`run_flight` plays a campaign's whole flight hour by hour on a
compressed clock: simulated shoppers search (the cached organic results), the production
:class:`~tools.ads.serving.AdServer` fills the sponsored slots against rival campaigns,
and the shoppers click and buy by their hidden persona reactions (or, for a re-forecast,
by the rates estimated from a recorded run). Every impression, click and order goes
through the same ledger as in the store; the figures are read back from it.
"""

from __future__ import annotations

import random
import statistics
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from knowledge import ads as ledger
from knowledge.ads import AdSettings
from knowledge.campaigns import Campaign
from knowledge.db import make_engine
from knowledge.models import Event, Product
from knowledge.settings import Settings
from knowledge.sql import transaction
from knowledge.store import Store
from tools.ads import shoppers
from tools.ads.flight import FlightResult, Reaction, Search, play, read_back
from tools.ads.forecast import expected_outcome, forecast_from_store
from tools.ads.reforecast import reforecast_from_store
from tools.ads.relevance import Relevance
from tools.ads.serving import AdServer
from tools.ads.slots import Candidate
from tools.campaigns.traffic import hourly_shape

FLIGHT_START = date(2026, 6, 1)
PERSONAS = ("yogi", "runner", "expecting_mother")
OUR_BRANDS = ("IronLeaf", "Zenflow")


@dataclass
class ReplayWorld:
    """Products, typical prices, persona queries and their organic top-50 results."""

    products: list[Product]
    organic: dict[str, list[Candidate]]
    queries: dict[str, list[str]]  # persona ("" = none) -> queries
    ours: list[str]
    rivals: list[list[str]]
    world: shoppers.World
    relevance: Relevance | None = None  # query and product vectors, as the store serves them


@dataclass
class FlightSpec:
    """One campaign flight to play."""

    target_roi: float
    budget: float
    seed: int
    days: int = 4
    requests_per_day: int = 2500
    strategy: str = "roi"
    fixed_bid: float | None = None
    rival_bid: float = 0.6
    history_searches: int = 4000
    luck: int = 0  # another draw of the shoppers' clicks and orders on the same traffic


def build_world(store: Store, *, category: str = "fitness", queries_per_persona: int = 30,
                seed: int = 0) -> ReplayWorld:
    """Persona queries about ``category`` and their real organic results from ``store``."""
    with Session(store.engine) as session:
        products = list(session.exec(select(Product)))
    prices: dict[str, list[float]] = defaultdict(list)
    for p in products:
        prices[p.category or ""].append(float(p.price or 0.0))
    world = shoppers.World({c: statistics.median(v) for c, v in prices.items()})
    rng = random.Random(seed)
    queries: dict[str, list[str]] = {}
    for persona in (*PERSONAS, ""):
        people = [shoppers.Shopper("q", persona or None,
                                   set(world.personas.get(persona, {}).get("needs", [])))]
        found = {shoppers.query_for(rng, people[0], [category])[0] for _ in range(200)}
        queries[persona] = sorted(found)[:queries_per_persona]
    organic = {}
    for q in sorted({q for qs in queries.values() for q in qs}):
        hits = store.search.search(q, k=50)
        organic[q] = [Candidate(h.product, h.score, i) for i, h in enumerate(hits)]
    in_cat = [p for p in products if p.category == category]
    ours = [p.id for p in in_cat if p.brand in OUR_BRANDS]
    rivals = [[p.id for p in in_cat if p.brand == b]
              for b in sorted({p.brand or "" for p in in_cat} - set(OUR_BRANDS))]
    qvecs = {q: store.embedder.embed_query(q) for q in organic}
    pvecs = store.vectors.vectors_for(sorted({*ours, *(p for g in rivals for p in g)}))
    relevance = Relevance(qvecs.__getitem__, lambda ids: {i: pvecs[i] for i in ids if i in pvecs})
    return ReplayWorld(products, organic, queries, ours, rivals, world, relevance)


def _fresh_engine(world: ReplayWorld, workdir: Path, spec: FlightSpec) -> tuple[Engine, str]:
    engine = make_engine(Settings(data_dir=workdir))
    end = FLIGHT_START + timedelta(days=spec.days - 1)
    ours = Campaign(id="c_ours", merchant_id="m_ours", name="ours", product_ids=world.ours,
                    budget_total=spec.budget, target_roi=spec.target_roi,
                    start=FLIGHT_START, end=end)
    rivals = [pid for group in world.rivals for pid in group]
    with engine.begin() as conn:  # (model_copy()'d table rows are not inserted by add_all)
        conn.execute(insert(Product.__table__),  # type: ignore[attr-defined]
                     [p.model_dump() for p in world.products])
    with transaction(engine) as session:
        session.add(ours)
        for i, pid in enumerate(rivals):
            session.add(Campaign(id=f"c_rival{i}", merchant_id=f"m_rival{i}", name=f"rival {i}",
                                 product_ids=[pid], budget_total=1e9, target_roi=1.0,
                                 start=FLIGHT_START, end=end))
    ledger.ensure_state(engine, "c_ours", spec.budget, strategy=spec.strategy,
                        fixed_bid=spec.fixed_bid)
    _history(engine, world, spec)
    bids = random.Random(99)  # the same rivals in every flight: only the shoppers change
    for i, _ in enumerate(rivals):
        bid = spec.rival_bid * bids.lognormvariate(0, 0.5)
        ledger.ensure_state(engine, f"c_rival{i}", 1e9, strategy="fixed", fixed_bid=bid)
    return engine, "c_ours"


def _history(engine: Engine, world: ReplayWorld, spec: FlightSpec) -> None:
    """Write the store's behaviour log from before the flight.

    Organic searches, clicks and purchases by the same kind of shoppers, at the flight's
    daily volume and hourly shape: what the ad server's order model first learns from, and
    the recorded traffic the pre-flight forecast replays.
    """
    rng = random.Random(spec.seed + 5_000)
    people = shoppers.make_shoppers(rng, 400, list(PERSONAS))
    days = max(1, round(spec.history_searches / spec.requests_per_day))
    before = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC) - timedelta(days=days)
    shape = list(hourly_shape()[0])
    rows = []
    for n in range(spec.history_searches):
        shopper = rng.choice(people)
        query = rng.choice(world.queries[shopper.persona or ""])
        hour = rng.choices(range(24), weights=shape)[0]
        ts = before + timedelta(days=n * days // spec.history_searches, hours=hour,
                                seconds=rng.randrange(3600))
        rows.append({"user_id": shopper.session_id, "type": "search", "product_id": None,
                     "ts": ts, "query": query})
        for rank, cand in enumerate(world.organic[query][:12]):
            if rng.random() >= shoppers.click_chance(shopper, cand.product, min(3, rank // 2),
                                                     query, world.world):
                continue
            rows.append({"user_id": shopper.session_id, "type": "click",
                         "product_id": cand.product.id, "ts": ts, "query": query})
            if rng.random() < shoppers.buy_chance(shopper, cand.product, world.world):
                rows.append({"user_id": shopper.session_id, "type": "purchase",
                             "product_id": cand.product.id, "ts": ts, "query": None})
            break
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]


def truth(world: ReplayWorld, people: list[shoppers.Shopper]) -> Reaction:
    """Outcomes from the shoppers' hidden persona reactions."""
    by_id = {s.session_id: s for s in people}

    def chances(session_id: str, p: Product, pos: int, q: str, _c: Candidate, _t: float,
                _before: tuple[str, ...] = ()) -> tuple[float, float]:
        s = by_id[session_id]
        return (shoppers.click_chance(s, p, pos, q, world.world),
                shoppers.buy_chance(s, p, world.world))
    return chances


def searches(world: ReplayWorld, spec: FlightSpec, people: list[shoppers.Shopper],
             traffic: random.Random, start: datetime) -> Iterator[Search]:
    """The flight's searches: Poisson volume per hour by the traffic shape."""
    shape, _ = hourly_shape()
    for day in range(spec.days):
        for hour in range(24):
            n = int(np.random.default_rng(spec.seed * 1000 + day * 24 + hour).poisson(
                spec.requests_per_day * shape[hour]))
            for i in range(n):
                now = start + timedelta(days=day, hours=hour, seconds=3600 * i / max(n, 1))
                shopper = traffic.choice(people)
                yield now, shopper.session_id, traffic.choice(world.queries[shopper.persona or ""])


def run_flight(world: ReplayWorld, spec: FlightSpec, workdir: Path,
               outcomes: Reaction | None = None) -> FlightResult:
    """Play the flight through the serving path; figures come from the recorded ledger."""
    engine, cid = _fresh_engine(world, workdir, spec)
    server = AdServer(engine, AdSettings(slots=2), relevance=world.relevance, background=False)
    traffic = random.Random(spec.seed)
    luck = random.Random(spec.seed + 10_000 + 7919 * spec.luck)
    people = shoppers.make_shoppers(traffic, 600, list(PERSONAS))
    start = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC)
    react = outcomes or truth(world, people)
    result = play(server, cid, searches(world, spec, people, traffic, start),
                  world.organic.__getitem__, react, luck, log_searches=True)
    result = read_back(engine, cid, start + timedelta(days=spec.days), result)
    result.expected_gmv = expected_outcome(engine, cid, react, start, replace(result)).gmv
    engine.dispose()
    return result


def reforecast_flight(world: ReplayWorld, spec: FlightSpec, flown: Path, workdir: Path,
                      plays: int) -> dict[str, Any]:
    """The flown flight's re-forecast on its own recorded searches, as the merchant asks it.

    The production re-forecast (:func:`tools.ads.reforecast.reforecast_from_store`) on the
    flight's database in ``flown`` after the flight: it replays the searches the flight
    logged with the models learned before the flight, never the flight's clicks, orders or
    the shoppers' hidden reactions.
    """
    engine = make_engine(Settings(data_dir=flown))
    with Session(engine) as session:
        campaign = session.get(Campaign, "c_ours")
    assert campaign is not None
    end = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC) + timedelta(
        days=spec.days)
    workdir.mkdir(parents=True, exist_ok=True)
    out = reforecast_from_store(engine, campaign, world.organic.__getitem__,
                                relevance=world.relevance, runs=plays, seed=spec.seed, now=end,
                                folder=workdir)
    engine.dispose()
    assert out is not None, "the flight logged its searches"
    spend = sum(p["spend"] for p in out["plays"])
    return {"plays": plays, "spend": round(spend / plays, 2), "searches": out["searches"],
            "pooled_roi": out["pooled_roi"], "play_rois": [p["roi"] for p in out["plays"]]}


def forecast_flight(world: ReplayWorld, spec: FlightSpec, workdir: Path, plays: int
                    ) -> dict[str, Any]:
    """The flight's pre-flight forecast, as the merchant sees it before launch.

    The production forecast (:func:`tools.ads.forecast.forecast_from_store`) on the store as
    it stands before the flight: its behaviour log and the rival campaigns. It never sees
    the flight's own traffic draw or the shoppers' hidden reactions.
    """
    engine, cid = _fresh_engine(world, workdir / "store", spec)
    with Session(engine) as session:
        campaign = session.get(Campaign, cid)
    assert campaign is not None
    start = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC)
    out = forecast_from_store(engine, campaign, world.organic.__getitem__,
                              relevance=world.relevance, runs=plays, seed=spec.seed, now=start,
                              folder=workdir)
    engine.dispose()
    assert out is not None, "the store before the flight has a search log"
    spend = sum(p["spend"] for p in out["plays"])
    return {"plays": plays, "spend": round(spend / plays, 2),
            "p50_pooled_roi": sum(p["gmv"] for p in out["plays"]) / spend if spend else 0.0,
            "play_rois": [p["roi"] for p in out["plays"]], "forecast": out["p50"]}


def summary(result: FlightResult, spec: FlightSpec) -> dict[str, Any]:
    """The figures of one flight, JSON-ready."""
    return {"target_roi": spec.target_roi, "seed": spec.seed, "strategy": spec.strategy,
            "budget": spec.budget, "fixed_bid": spec.fixed_bid, "spend": round(result.spend, 2),
            "gmv": round(result.gmv, 2), "roi": round(result.roi, 3), "clicks": result.clicks,
            "orders": result.orders, "impressions": result.impressions,
            "pacing_error": round(result.pacing_error, 4)}
