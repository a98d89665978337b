"""The re-forecast: a launched campaign played again on its own recorded traffic.

The pre-flight forecast (:mod:`tools.ads.forecast`) can only draw searches from the store's
log before launch; the shoppers the flight then meets are others. Once a campaign has run
(finished, or still running), the behaviour log holds the very searches it met: each
session, query and time, written by the search route. The re-forecast replays exactly those
searches, in order and at their recorded times, through the same
:class:`~tools.ads.serving.AdServer` (relevance floors, bidder, pacing, GSP, charging,
attribution) against the other campaigns of that period, in a scratch database.

What it may read is fixed by the flight's start: the catalogue, the campaigns, and the
behaviour and ad logs recorded BEFORE the start (what the pre-flight forecast's models are
trained on, :func:`tools.ads.forecast.shopper_reaction`); from the flight itself only its
searches. Never its impressions, clicks, orders or spend: shoppers click and buy as the
models learned before the flight predict, and a play's GMV is the expectation of its own
clicks' orders (:func:`tools.ads.forecast.expected_outcome`). Comparing its ROI with the
recorded one then measures the models and the serving replay on the same traffic, with the
traffic draw taken out.
"""

from __future__ import annotations

import random
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge import ads as ledger
from knowledge.ads import AdEvent, AdSettings, AdState
from knowledge.campaigns import Campaign
from knowledge.db import make_engine
from knowledge.models import Event, Product
from knowledge.settings import Settings
from tools.ads import flight
from tools.ads.forecast import Organic, _copy, expected_outcome, shopper_reaction, summarise
from tools.ads.model import TRAIN_ROWS
from tools.ads.relevance import Relevance
from tools.ads.serving import AdServer

RIVAL_STATUSES = ("active", "finished")  # campaigns that may have competed in the window


def window(campaign: Campaign, now: datetime | None = None) -> tuple[datetime, datetime]:
    """The flight's recorded period: its first day's midnight to its end, or ``now`` if sooner."""
    start = datetime.combine(campaign.start, datetime.min.time(), tzinfo=UTC)
    end = datetime.combine(campaign.end + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return start, min(now or datetime.now(UTC), end)


def recorded_searches(engine: Engine, start: datetime, until: datetime) -> list[flight.Search]:
    """The searches the behaviour log holds in [start, until), in the order they were logged."""
    with Session(engine) as session:
        rows = session.exec(
            select(Event.ts, Event.user_id, Event.query)
            .where(Event.type == "search", col(Event.query).is_not(None),
                   col(Event.ts) >= start, col(Event.ts) < until)
            .order_by(col(Event.id)))
        return [(_aware(ts), user, query or "") for ts, user, query in rows]


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def prepare_before(source: Engine, folder: Path, campaign: Campaign, start: datetime,
                   until: datetime) -> Engine:
    """A scratch database as the store stood at ``start``, with ``campaign`` fresh and active.

    The catalogue; the other campaigns that overlap the window (active or finished) and
    their serving states as they stand now; the behaviour and ad logs recorded before
    ``start`` only. The campaign gets a new serving state at its full budget, with its own
    bidding strategy (ROI target or fixed bid) and nothing of its recorded spend or controller.
    The other campaigns' states are as they stand at the re-forecast (their state at the
    start is not kept; fixed-bid rivals do not change during a flight but for their spend).
    """
    engine = make_engine(Settings(data_dir=folder))
    first, last = start.date(), until.date()
    with Session(source) as session:
        products = list(session.exec(select(Product)))
        others = [c for c in session.exec(select(Campaign).where(
            col(Campaign.status).in_(RIVAL_STATUSES)))
            if c.id != campaign.id and c.start <= last and c.end >= first]
        states = list(session.exec(select(AdState).where(
            col(AdState.campaign_id).in_([c.id for c in others]))))
        events = list(session.exec(select(Event).where(col(Event.ts) < start)
                                   .order_by(col(Event.id).desc()).limit(3 * TRAIN_ROWS)))
        ads = list(session.exec(select(AdEvent).where(col(AdEvent.ts) < start)
                                .order_by(col(AdEvent.id).desc()).limit(2 * TRAIN_ROWS)))
        own = session.get(AdState, campaign.id)  # its bidding strategy only, not its spend
    _copy(engine, Product, products)
    _copy(engine, Campaign, [*(c.model_copy(update={"status": "active"}) for c in others),
                             campaign.model_copy(update={"status": "active"})])
    _copy(engine, AdState, states)
    _copy(engine, Event, events[::-1])
    _copy(engine, AdEvent, ads[::-1])
    ledger.ensure_state(engine, campaign.id, campaign.budget_total,
                        strategy=own.strategy if own else "roi",
                        fixed_bid=own.fixed_bid if own else None)
    return engine


def reforecast_from_store(source: Engine, campaign: Campaign, organic: Organic, *,
                          relevance: Relevance | None, runs: int, seed: int = 0,
                          now: datetime | None = None, folder: Path | None = None
                          ) -> dict[str, Any] | None:
    """The campaign replayed on the searches it met (None: no search recorded in its window).

    ``runs`` plays differ only in the shoppers' click luck (GMV is each play's expectation).
    Same keys as the pre-flight forecast (p10/p50/p90, plays, ...), ``method: "reforecast"``,
    plus ``pooled_roi`` (all plays' GMV over their spend), ``searches`` and the window.
    """
    start, until = window(campaign, now)
    searches = recorded_searches(source, start, until)
    if not searches:
        return None
    scratch = Path(tempfile.mkdtemp(prefix="shopmage-reforecast-", dir=folder))
    try:
        base = scratch / "base"
        engine = prepare_before(source, base, campaign, start, until)
        react = shopper_reaction(engine, organic)
        engine.dispose()
        results = [_play(base, run, campaign.id, searches, organic, react, relevance,
                         random.Random(seed * 7919 + run), start, until) for run in range(runs)]
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    spend = sum(r.spend for r in results)
    return {**summarise(results, campaign.target_roi), "method": "reforecast",
            "pooled_roi": sum(r.gmv for r in results) / spend if spend else 0.0,
            "searches": len(searches), "window": [start.isoformat(), until.isoformat()]}


def _play(base: Path, run: int, campaign_id: str, searches: list[flight.Search],
          organic: Organic, react: flight.Reaction, relevance: Relevance | None,
          rng: random.Random, start: datetime, until: datetime) -> flight.FlightResult:
    """One play of the recorded searches on a copy of the scratch database."""
    folder = base.parent / f"{base.name}-run{run}"
    shutil.copytree(base, folder)
    engine = make_engine(Settings(data_dir=folder))
    try:
        server = AdServer(engine, AdSettings(), relevance=relevance, background=False)
        result = flight.play(server, campaign_id, iter(searches), organic, react, rng,
                             log_searches=True)
        result = flight.read_back(engine, campaign_id, until, result)
        return expected_outcome(engine, campaign_id, react, start, result)
    finally:
        engine.dispose()
        shutil.rmtree(folder, ignore_errors=True)
