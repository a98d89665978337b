"""Play a campaign's flight through the production ad server, hour by hour.

One loop serves both the live replay of the bidding eval (shoppers react by their hidden
persona truths) and the pre-flight forecast the merchant sees (shoppers react by the
store's learned click and order models): a stream of searches on a compressed clock, each
page's sponsored slots filled by :class:`~tools.ads.serving.AdServer` against the other
campaigns, clicks charged and orders attributed through the ledger. Every figure is read
back from the recorded events. With ``log_searches`` the flight also writes each search
to the behaviour log (session, query, time), as the storefront's search route does: the
recorded traffic a re-forecast (:mod:`tools.ads.reforecast`) replays.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import Session

from knowledge import ads as ledger
from knowledge.campaigns import Campaign
from knowledge.models import Event, Product
from tools.ads import report
from tools.ads.calibration import IDENTITY, calibrated
from tools.ads.model import ClickModel, Context
from tools.ads.serving import AdServer
from tools.ads.slots import Candidate


class Reaction(Protocol):
    """How shoppers react to an ad: (click chance, order chance after a click).

    Given the session, the product, its slot, the query, its organic candidate, the page's
    top organic score and ``before``: the session's earlier search words, as the ad server
    read them for this search (:meth:`tools.ads.history.Recent.earlier`).
    """

    def __call__(self, session_id: str, product: Product, position: int, query: str,
                 cand: Candidate, top: float, before: tuple[str, ...] = (), /
                 ) -> tuple[float, float]:
        """(click chance, order chance after a click)."""
        ...


Search = tuple[datetime, str, str]  # (when, session id, query)
NO_MODEL_SLOT_FACTOR = 0.6  # lower slots' click share while no ad click model is trained


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
    daily_spend: list[float] = field(default_factory=list)
    daily_gmv: list[float] = field(default_factory=list)
    expected_gmv: float | None = None  # (evals) its clicks' orders by the true order chances
    buy_chance: dict[str, float] = field(default_factory=dict)  # clicked impression -> chance

    @property
    def roi(self) -> float:
        """GMV / spend."""
        return self.gmv / self.spend if self.spend else 0.0


def play(server: AdServer, campaign_id: str, searches: Iterator[Search],
         organic: Callable[[str], list[Candidate]], react: Reaction, luck: random.Random,
         *, log_searches: bool = False) -> FlightResult:
    """Serve every search, let the shoppers react, record; return the timing and shown ads.

    ``log_searches``: each search also goes to the behaviour log (written hour by hour);
    nothing the ad server learns from reads logged searches without a logged organic click.
    """
    result = FlightResult(0, 0, 0, 0, 0, 0)
    log = SearchLog(server.engine if log_searches else None)
    for now, session_id, query in searches:
        log.hour(now)
        server.upkeep(now)  # the store's background thread, on the compressed clock
        page = organic(query)
        t0, c0 = time.perf_counter(), time.thread_time()
        ads = server.sponsored(page, session_id=session_id, now=now, query=query)
        result.auction_ms.append((time.perf_counter() - t0) * 1000)
        result.auction_cpu_ms.append((time.thread_time() - c0) * 1000)
        log.add(now, session_id, query)
        top = max((c.score for c in page), default=1.0) or 1.0
        before = server.recent.earlier(session_id) if ads else ()
        for ad in ads:
            if ad.campaign_id == campaign_id:
                result.shown.append((query, ad.product.id))
            cand = next(c for c in page if c.product.id == ad.product.id)
            p_click, p_buy = react(session_id, ad.product, ad.position, query, cand, top,
                                   before)
            if luck.random() >= p_click:
                continue
            server.click(ad.impression_id, now)
            result.buy_chance[ad.impression_id] = p_buy
            if luck.random() < p_buy:
                server.order(session_id=session_id, product_id=ad.product.id,
                             value=float(ad.product.price or 0.0), order_key=ad.impression_id,
                             now=now + timedelta(minutes=4))
    log.flush()
    return result


class SearchLog:
    """Searches written to the behaviour log as the search route writes them, an hour at a time."""

    def __init__(self, engine: Engine | None) -> None:
        self.engine = engine
        self.rows: list[dict[str, Any]] = []
        self._hour: datetime | None = None

    def hour(self, now: datetime) -> None:
        """Write what is pending when a new hour starts."""
        stamp = now.replace(minute=0, second=0, microsecond=0)
        if stamp != self._hour:
            self.flush()
            self._hour = stamp

    def add(self, now: datetime, session_id: str, query: str) -> None:
        """Queue one search (nothing when no engine is logged to)."""
        if self.engine is not None:
            self.rows.append({"user_id": session_id, "type": "search", "product_id": None,
                              "ts": now, "query": query})

    def flush(self) -> None:
        """Write the queued searches in one statement."""
        if self.engine is not None and self.rows:
            with self.engine.begin() as conn:
                conn.execute(insert(Event.__table__), self.rows)  # type: ignore[attr-defined]
            self.rows = []


def read_back(engine: Engine, campaign_id: str, end: datetime, result: FlightResult
              ) -> FlightResult:
    """Fill the totals, pacing error and daily series from the ledger."""
    with Session(engine) as session:
        campaign = session.get(Campaign, campaign_id)
    assert campaign is not None
    t = ledger.totals(engine, [campaign_id])[campaign_id]
    series = report.hourly_series(engine, campaign, end)
    result.spend, result.gmv = t["spend"], t["gmv"]
    result.clicks, result.orders, result.impressions = (int(t["click"]), int(t["order"]),
                                                        int(t["impression"]))
    result.pacing_error = report.pacing_error(series, campaign.budget_total)
    result.daily_spend = _daily(series["spend"])
    result.daily_gmv = _daily(series["gmv"])
    return result


def _daily(cumulative: list[float]) -> list[float]:
    ends = [cumulative[min(h, len(cumulative)) - 1] for h in range(24, len(cumulative) + 24, 24)
            if cumulative]
    return [round(b - a, 4) for a, b in zip([0.0, *ends], ends, strict=False)]


def model_reaction(model: ClickModel, calibration: tuple[float, float] = IDENTITY) -> Reaction:
    """Shoppers who click and buy as the store's learned models predict (for forecasts).

    ``calibration``: Platt scaling (a, b) of the order model's chances, from its held-out
    predictions (:func:`tools.ads.calibration.order_calibration`).
    """
    cache: dict[tuple[str, int, str, tuple[str, ...]], tuple[float, float]] = {}

    def chances(_session: str, product: Product, position: int, query: str, cand: Candidate,
                top: float, before: tuple[str, ...] = ()) -> tuple[float, float]:
        key = (product.id, min(position, 2), query, before)
        if key not in cache:
            item = Context(product.id, float(product.price or 0.0), cand.score / top, cand.rank,
                           "search", query, before)
            ctr, cvr = model.predict([item], positions=[key[1]])
            slot = NO_MODEL_SLOT_FACTOR if model.ctr_model is None and key[1] else 1.0
            cache[key] = (float(ctr[0]) * slot, calibrated(float(cvr[0]), calibration))
        return cache[key]
    return chances


def summary(result: FlightResult) -> dict[str, Any]:
    """The headline figures of one played flight."""
    return {"impressions": result.impressions, "clicks": result.clicks,
            "orders": result.orders, "organic_orders": 0, "spend": round(result.spend, 2),
            "gmv": round(result.gmv, 2), "roi": round(result.roi, 3)}
