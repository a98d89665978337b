"""The ad server's upkeep, kept off the request path: campaigns, controllers, click model.

Every few seconds the server reloads the active campaigns (with their serving state,
creatives and product vectors) into a :class:`Book`, swapped in whole so a request always
reads one consistent view. Once per hour it steps each campaign's controller
(:func:`tools.ads.pacing.update`) from the recorded ledger and, every few hours, retrains
the click model. In the store this runs on a background thread that a request starts when
it is due; evals call it between requests on their compressed clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge import ads as ledger
from knowledge.ads import AdState
from knowledge.campaigns import Campaign
from knowledge.creatives import Creative
from knowledge.models import Product
from tools.ads import history, pacing
from tools.ads.model import ClickModel, Context
from tools.ads.query_features import product_terms


@dataclass
class Live:
    """An active campaign as the server holds it between refreshes."""

    campaign: Campaign
    state: AdState
    variants: list[Creative] = field(default_factory=list)
    hour: int = -(10**9)  # the wall hour ``throttle_at`` was computed for
    throttle_at: float = 0.0  # spend at which the campaign sits out until the next hour

    def __post_init__(self) -> None:
        """Plain copies of what every request reads (ORM attributes are slow to read)."""
        self.start, self.end = self.campaign.start, self.campaign.end
        self.first, self.last = pacing.flight_bounds(self.start, self.end)
        self.target_roi = self.campaign.target_roi
        self.id = self.campaign.id
        self.merchant = self.campaign.merchant_id  # the auction's owner of this campaign's ads

    def eligible(self, now: datetime, hour: int, reserve: float) -> bool:
        """In flight, a click's reserve left under the cap, and not ahead of plan."""
        if not self.first <= now < self.last:
            return False
        state = self.state
        spent, budget = state.spent, state.budget  # (each ORM attribute read once)
        if spent >= budget - reserve:
            return False
        if hour != self.hour:
            next_hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
            share = pacing.planned_share(self.start, self.end, next_hour)
            self.throttle_at = budget * (share + pacing.AHEAD_SLACK)
            self.hour = hour
        return spent < self.throttle_at


@dataclass
class Book:
    """Everything a request reads: live campaigns, who promotes each product, prices."""

    live: dict[str, Live] = field(default_factory=dict)
    by_product: dict[str, list[str]] = field(default_factory=dict)
    prices: dict[str, float] = field(default_factory=dict)
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # product type and tags


def load_book(engine: Engine) -> Book:
    """Active campaigns with their serving state and approved creatives."""
    with Session(engine) as session:
        rows = list(session.exec(select(Campaign).where(Campaign.status == "active")))
        products = list(session.exec(select(Product).where(col(Product.id).in_(
            sorted({p for c in rows for p in c.product_ids})))))
    ids = [c.id for c in rows]
    known = ledger.states(engine, ids)
    for c in rows:
        if c.id not in known:
            known[c.id] = ledger.ensure_state(engine, c.id, c.budget_total)
    links = ledger.campaign_creatives(engine, ids)
    creatives = _approved(engine, [link.creative_id for link in links])
    book = Book(prices={p.id: float(p.price or 0.0) for p in products},
                terms={p.id: product_terms(p) for p in products})
    for c in rows:
        variants = [creatives[link.creative_id] for link in links
                    if link.campaign_id == c.id and link.creative_id in creatives]
        book.live[c.id] = Live(c, known[c.id], sorted(variants, key=lambda v: v.id))
        for pid in c.product_ids:
            book.by_product.setdefault(pid, []).append(c.id)
    return book


def _approved(engine: Engine, ids: list[str]) -> dict[str, Creative]:
    if not ids:
        return {}
    with Session(engine) as session:
        rows = session.exec(select(Creative).where(col(Creative.id).in_(ids),
                                                   Creative.status == "approved"))
        return {c.id: c for c in rows}


def evidence(engine: Engine, model: ClickModel, campaign_id: str,
             prices: dict[str, float]) -> pacing.Evidence:
    """The click model's value of the campaign's recorded clicks, and the orders it expects."""
    clicks = ledger.events(engine, campaign_id, ("click",))
    if not clicks:
        return pacing.Evidence(0.0, 0.0)
    before = history.from_log(engine, [(e.session_id, e.ts) for e in clicks])
    items = [Context(e.product_id, prices.get(e.product_id, 0.0), e.relevance, e.organic_rank,
                     e.placement, e.query, h) for e, h in zip(clicks, before, strict=True)]
    _, cvr = model.predict(items)
    value = cvr * np.array([i.price for i in items])
    return pacing.Evidence(float(value.sum()), float(cvr.sum()))


def step_controllers(engine: Engine, book: Book, model: ClickModel, now: datetime,
                     reserve: float) -> None:
    """One hourly controller step per ROI-bidding campaign, stored once per flight hour."""
    ids = list(book.live)
    done = ledger.totals(engine, ids)
    fresh = ledger.states(engine, ids)
    for cid, item in book.live.items():
        c, state = item.campaign, fresh.get(cid, item.state)
        item.state = state
        if state.strategy == "fixed":
            continue
        clicks = done[cid]["click"]
        new = pacing.update(
            pacing.Control(state.multiplier, state.pace), spent=state.spent,
            gmv=done[cid]["gmv"], evidence=evidence(engine, model, cid, book.prices),
            budget=state.budget, target_roi=c.target_roi,
            plan_share=pacing.planned_share(c.start, c.end, now),
            typical_cpc=state.spent / clicks if clicks else 4 * reserve)
        step = pacing.hour_index(c.start, now)
        if ledger.save_controller(engine, cid, step, new.multiplier, new.pace):
            state.multiplier, state.pace, state.control_hour = new.multiplier, new.pace, step
