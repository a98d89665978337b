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
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
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
from tools.ads import report, shoppers
from tools.ads.relevance import Relevance
from tools.ads.serving import AdServer, Candidate
from tools.campaigns.traffic import hourly_shape

FLIGHT_START = date(2026, 6, 1)
PERSONAS = ("yogi", "runner", "expecting_mother")
OUR_BRANDS = ("IronLeaf", "Zenflow")
Outcomes = Callable[[shoppers.Shopper, Product, int, str], tuple[float, float]]


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


@dataclass
class FlightResult:
    """What the recorded events say about the flight."""

    spend: float
    gmv: float
    clicks: int
    orders: int
    impressions: int
    pacing_error: float
    auction_ms: list[float] = field(default_factory=list)
    auction_cpu_ms: list[float] = field(default_factory=list)  # this thread's CPU time
    shown: list[tuple[str, str]] = field(default_factory=list)  # (query, product) per impression

    @property
    def roi(self) -> float:
        """GMV / spend."""
        return self.gmv / self.spend if self.spend else 0.0


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
    with transaction(engine) as session:
        session.add_all([p.model_copy() for p in world.products])
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

    Organic searches, clicks and purchases by the same kind of shoppers: what the ad
    server's order model first learns from.
    """
    rng = random.Random(spec.seed + 5_000)
    people = shoppers.make_shoppers(rng, 400, list(PERSONAS))
    before = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC) - timedelta(days=7)
    rows = []
    for n in range(spec.history_searches):
        shopper = rng.choice(people)
        query = rng.choice(world.queries[shopper.persona or ""])
        ts = before + timedelta(seconds=n * 60)
        for rank, cand in enumerate(world.organic[query][:12]):
            if rng.random() >= shoppers.click_chance(shopper, cand.product, min(3, rank // 2),
                                                     query, world.world):
                continue
            rows.append({"user_id": shopper.session_id, "type": "click",
                         "product_id": cand.product.id, "ts": ts, "query": None})
            if rng.random() < shoppers.buy_chance(shopper, cand.product, world.world):
                rows.append({"user_id": shopper.session_id, "type": "purchase",
                             "product_id": cand.product.id, "ts": ts, "query": None})
            break
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(Event.__table__), rows)  # type: ignore[attr-defined]


def truth(world: ReplayWorld) -> Outcomes:
    """Outcomes from the shoppers' hidden persona reactions."""
    def chances(s: shoppers.Shopper, p: Product, pos: int, q: str) -> tuple[float, float]:
        return (shoppers.click_chance(s, p, pos, q, world.world),
                shoppers.buy_chance(s, p, world.world))
    return chances


def run_flight(world: ReplayWorld, spec: FlightSpec, workdir: Path,
               outcomes: Outcomes | None = None) -> FlightResult:
    """Play the flight through the serving path; figures come from the recorded ledger."""
    engine, cid = _fresh_engine(world, workdir, spec)
    server = AdServer(engine, AdSettings(slots=2), relevance=world.relevance, background=False)
    traffic = random.Random(spec.seed)
    luck = random.Random(spec.seed + 10_000 + 7919 * spec.luck)
    people = shoppers.make_shoppers(traffic, 600, list(PERSONAS))
    shape, _ = hourly_shape()
    react = outcomes or truth(world)
    result = FlightResult(0, 0, 0, 0, 0, 0)
    start = datetime.combine(FLIGHT_START, datetime.min.time(), tzinfo=UTC)
    for day in range(spec.days):
        for hour in range(24):
            n = int(np.random.default_rng(spec.seed * 1000 + day * 24 + hour).poisson(
                spec.requests_per_day * shape[hour]))
            for i in range(n):
                now = start + timedelta(days=day, hours=hour, seconds=3600 * i / max(n, 1))
                shopper = traffic.choice(people)
                query = traffic.choice(world.queries[shopper.persona or ""])
                server.upkeep(now)  # the store's background thread, on the compressed clock
                t0, c0 = time.perf_counter(), time.thread_time()
                ads = server.sponsored(world.organic[query], session_id=shopper.session_id,
                                       now=now, query=query)
                result.auction_ms.append((time.perf_counter() - t0) * 1000)
                result.auction_cpu_ms.append((time.thread_time() - c0) * 1000)
                for ad in ads:
                    if ad.campaign_id == cid:
                        result.shown.append((query, ad.product.id))
                    p_click, p_buy = react(shopper, ad.product, ad.position, query)
                    if luck.random() >= p_click:
                        continue
                    server.click(ad.impression_id, now)
                    if luck.random() < p_buy:
                        server.order(session_id=shopper.session_id, product_id=ad.product.id,
                                     value=float(ad.product.price or 0.0),
                                     order_key=ad.impression_id,
                                     now=now + timedelta(minutes=4))
    return _read_back(engine, cid, start + timedelta(days=spec.days), result)


def _read_back(engine: Engine, cid: str, end: datetime, result: FlightResult) -> FlightResult:
    with Session(engine) as session:
        campaign = session.get(Campaign, cid)
    assert campaign is not None
    t = ledger.totals(engine, [cid])[cid]
    series = report.hourly_series(engine, campaign, end)
    result.spend, result.gmv = t["spend"], t["gmv"]
    result.clicks, result.orders, result.impressions = (int(t["click"]), int(t["order"]),
                                                        int(t["impression"]))
    result.pacing_error = report.pacing_error(series, campaign.budget_total)
    engine.dispose()
    return result


def estimated_outcomes(workdir: Path) -> Outcomes:
    """Click and order chances estimated from a recorded flight's ledger.

    Smoothed rates per product and a position effect per slot, for re-forecasting on the
    same traffic.
    """
    engine = make_engine(Settings(data_dir=workdir))
    shown: dict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
    clicks_orders: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    with Session(engine) as session:
        rows = list(session.exec(select(ledger.AdEvent)))
    engine.dispose()
    clicked = {e.impression_id for e in rows if e.kind == "click"}
    for e in rows:
        if e.kind == "impression":
            cell = shown[(e.product_id, min(e.position, 1))]
            cell[0] += 1
            cell[1] += int(e.impression_id in clicked)
        elif e.kind == "click":
            clicks_orders[e.product_id][0] += 1
        elif e.kind == "order":
            clicks_orders[e.product_id][1] += 1
    by_pos = [sum(v[1] for k, v in shown.items() if k[1] == pos) /
              max(1, sum(v[0] for k, v in shown.items() if k[1] == pos)) for pos in (0, 1)]
    base_ctr = by_pos[0] or 0.01
    pos_factor = [1.0, (by_pos[1] / base_ctr) if by_pos[0] else 1.0]
    total = [sum(v[0] for v in clicks_orders.values()), sum(v[1] for v in clicks_orders.values())]
    base_cvr = total[1] / max(1, total[0])

    def chances(_s: shoppers.Shopper, p: Product, pos: int, _q: str) -> tuple[float, float]:
        imp = [shown[(p.id, 0)][i] + shown[(p.id, 1)][i] for i in (0, 1)]
        ctr = (imp[1] + 20 * base_ctr) / (imp[0] + 20)
        co = clicks_orders[p.id]
        cvr = (co[1] + 10 * base_cvr) / (co[0] + 10)
        return ctr * pos_factor[min(pos, 1)], cvr
    return chances


def summary(result: FlightResult, spec: FlightSpec) -> dict[str, Any]:
    """The figures of one flight, JSON-ready."""
    return {"target_roi": spec.target_roi, "seed": spec.seed, "strategy": spec.strategy,
            "budget": spec.budget, "fixed_bid": spec.fixed_bid, "spend": round(result.spend, 2),
            "gmv": round(result.gmv, 2), "roi": round(result.roi, 3), "clicks": result.clicks,
            "orders": result.orders, "impressions": result.impressions,
            "pacing_error": round(result.pacing_error, 4)}
