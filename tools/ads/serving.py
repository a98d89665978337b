"""The ad server: fills a page's sponsored slots by a real-time auction, records, charges.

Every placement (search results, category pages, the "for you" row, chat cards) calls
:meth:`AdServer.sponsored` with the page's organic candidates. Only products of active,
in-flight campaigns that are in the organic top N and above the relevance floor take
part; bids come from the ROI-target bidder (learned pCTR/pCVR x price / target, shaded by
the pacing and ROI controllers); :func:`tools.ads.auction.gsp` prices the winners. The
page's impressions are written before it is served: if the database is lost, the page is
served without ads. Clicks are charged in :func:`knowledge.ads.charge_click`.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import numpy as np
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from knowledge import ads as ledger
from knowledge.ads import AdSettings, AdState
from knowledge.campaigns import Campaign
from knowledge.creatives import Creative
from knowledge.models import Product
from tools.ads import pacing
from tools.ads.auction import gsp
from tools.ads.model import ClickModel, Context, storefront_cvr

log = logging.getLogger("shopmage.ads")
REFRESH_SECONDS = 5.0
RETRAIN_HOURS = 6
LABEL = "Sponsored"


@dataclass
class Candidate:
    """An organic result the page would show, with its search score and rank."""

    product: Product
    score: float
    rank: int


@dataclass
class Sponsored:
    """One filled sponsored slot."""

    product: Product
    campaign_id: str
    impression_id: str
    position: int
    cpc: float
    creative_id: str | None = None
    headline: str | None = None
    text: str | None = None
    banner: str | None = None
    label: str = LABEL

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (the product as the API shows it)."""
        return {"product": self.product.model_dump(mode="json"), "label": self.label,
                "campaign_id": self.campaign_id, "impression_id": self.impression_id,
                "position": self.position, "creative_id": self.creative_id,
                "headline": self.headline, "text": self.text, "banner": self.banner}


@dataclass
class Live:
    """An active campaign as the server holds it between refreshes."""

    campaign: Campaign
    state: AdState
    variants: list[Creative] = field(default_factory=list)

    def __post_init__(self) -> None:
        """Plain copies of what every request reads (ORM attributes are slow to read)."""
        self.start, self.end = self.campaign.start, self.campaign.end
        self.first, self.last = pacing.flight_bounds(self.start, self.end)
        self.target_roi = self.campaign.target_roi
        self.id = self.campaign.id


class AdServer:
    """One per process: caches live campaigns, runs auctions, updates controllers hourly."""

    def __init__(self, engine: Engine, settings: AdSettings | None = None,
                 model: ClickModel | None = None) -> None:
        """Nothing is read until the first request."""
        self.engine, self.settings = engine, settings or AdSettings()
        self.model = model or ClickModel()
        self.live: dict[str, Live] = {}
        self.by_product: dict[str, list[str]] = {}
        self.prices: dict[str, float] = {}
        self._lock = threading.Lock()
        self._refreshed = -1e9
        self._hour: int | None = None
        self._trained_hour: int | None = None
        self._prior_ready = False

    # -- state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload active campaigns, their serving state and their approved creatives."""
        with Session(self.engine) as session:
            rows = list(session.exec(select(Campaign).where(Campaign.status == "active")))
            ids = [c.id for c in rows]
            products = list(session.exec(select(Product).where(col(Product.id).in_(
                sorted({p for c in rows for p in c.product_ids})))))
        known = ledger.states(self.engine, ids)
        for c in rows:
            if c.id not in known:
                known[c.id] = ledger.ensure_state(self.engine, c.id, c.budget_total)
        links = ledger.campaign_creatives(self.engine, ids)
        creatives = _approved(self.engine, [link.creative_id for link in links])
        live: dict[str, Live] = {}
        by_product: dict[str, list[str]] = {}
        for c in rows:
            variants = [creatives[link.creative_id] for link in links
                        if link.campaign_id == c.id and link.creative_id in creatives]
            live[c.id] = Live(c, known[c.id], sorted(variants, key=lambda v: v.id))
            for pid in c.product_ids:
                by_product.setdefault(pid, []).append(c.id)
        self.live, self.by_product = live, by_product
        self.prices = {p.id: float(p.price or 0.0) for p in products}
        if not self._prior_ready:
            self.model.prior_cvr = storefront_cvr(self.engine)
            self._prior_ready = True

    def tick(self, now: datetime) -> None:
        """Refresh every few seconds; on a new hour update controllers and maybe retrain."""
        hour = int(pacing.aware(now).timestamp() // 3600)
        with self._lock:
            stale = time.monotonic() - self._refreshed > REFRESH_SECONDS
            if stale or hour != self._hour:
                self.refresh()
                self._refreshed = time.monotonic()
            if hour != self._hour:
                self._hour = hour
                self._control(now)
                if self._trained_hour is None or hour - self._trained_hour >= RETRAIN_HOURS:
                    self.model.fit(self.engine, self.prices)
                    self._trained_hour = hour

    def _control(self, now: datetime) -> None:
        ids = list(self.live)
        done = ledger.totals(self.engine, ids)
        fresh = ledger.states(self.engine, ids)
        for cid, item in self.live.items():
            c, state = item.campaign, fresh.get(cid, item.state)
            if state.strategy == "fixed":
                item.state = state
                continue
            clicks = done[cid]["click"]
            typical = state.spent / clicks if clicks else 4 * self.settings.reserve_cpc
            new = pacing.update(pacing.Control(state.multiplier, state.pace), spent=state.spent,
                                gmv=done[cid]["gmv"], budget=state.budget,
                                target_roi=c.target_roi,
                                plan_share=pacing.planned_share(c.start, c.end, now),
                                typical_cpc=typical)
            step = pacing.hour_index(c.start, now)
            if ledger.save_controller(self.engine, cid, step, new.multiplier, new.pace):
                state.multiplier, state.pace, state.control_hour = new.multiplier, new.pace, step
            item.state = state

    # -- serving ----------------------------------------------------------------------------

    def sponsored(self, candidates: list[Candidate], *, session_id: str, now: datetime,
                  query: str | None = None, placement: str = "search",
                  slots: int | None = None) -> list[Sponsored]:
        """Fill up to ``slots`` sponsored slots from ``candidates``.

        Returns [] when ads are off,
        nothing relevant bids, or the database cannot record the impressions.
        """
        n_slots = self.settings.slots if slots is None else slots
        if n_slots <= 0 or not candidates:
            return []
        try:
            self.tick(now)
            entries = self._entries(candidates, now, placement)
            if not entries:
                return []
            return self._auction(entries, n_slots, session_id, now, query, placement)
        except SQLAlchemyError as exc:
            log.warning("ads skipped for this page: %s", exc)
            return []

    def _entries(self, candidates: list[Candidate], now: datetime, placement: str
                 ) -> list[tuple[Candidate, Live, Context]]:
        top = max((c.score for c in candidates), default=0.0)
        if top <= 0:
            return []
        eligible: dict[str, bool] = {}
        out = []
        for cand in candidates:
            cids = self.by_product.get(cand.product.id)
            if not cids or cand.rank >= self.settings.relevance_top:
                continue
            share = cand.score / top
            if share < self.settings.relevance_floor or (cand.product.stock or 0) <= 0:
                continue
            for cid in cids:
                item = self.live[cid]
                if cid not in eligible:
                    eligible[cid] = self._eligible(item, now)
                if eligible[cid]:
                    ctx = Context(cand.product.id, float(cand.product.price or 0.0), share,
                                  cand.rank, placement)
                    out.append((cand, item, ctx))
        return out

    def _eligible(self, item: Live, now: datetime) -> bool:
        state = item.state
        now = pacing.aware(now)
        if not item.first <= now < item.last:
            return False
        if state.spent >= state.budget - self.settings.reserve_cpc:
            return False
        next_hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        return not pacing.throttled(spent=state.spent, budget=state.budget,
                                    plan_share_next_hour=pacing.planned_share(
                                        item.start, item.end, next_hour))

    def _bids(self, entries: list[tuple[Candidate, Live, Context]]) -> tuple[np.ndarray, ...]:
        ctr, cvr = self.model.predict([e[2] for e in entries])
        bids = np.zeros(len(entries))
        for i, (_, item, ctx) in enumerate(entries):
            state = item.state
            if state.strategy == "fixed" and state.fixed_bid is not None:
                bids[i] = state.fixed_bid
            else:
                shade = min(state.multiplier, state.pace)
                bids[i] = cvr[i] * ctx.price / item.target_roi * shade
        return bids, ctr

    def _auction(self, entries: list[tuple[Candidate, Live, Context]], n_slots: int,
                 session_id: str, now: datetime, query: str | None, placement: str
                 ) -> list[Sponsored]:
        bids, ctr = self._bids(entries)
        result = gsp(bids[None, :], ctr[None, :], n_slots, self.settings.reserve_cpc)
        chosen: list[Sponsored] = []
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for slot in range(n_slots):
            col_ = int(result.winners[0, slot])
            if col_ < 0:
                break
            cand, item, ctx = entries[col_]
            if cand.product.id in seen:  # one product, one slot
                continue
            seen.add(cand.product.id)
            ad = Sponsored(cand.product, item.id, ledger.new_impression_id(),
                           len(chosen), float(result.prices[0, slot]))
            _dress(ad, item.variants, session_id)
            chosen.append(ad)
            rows.append({"ts": now, "campaign_id": ad.campaign_id, "creative_id": ad.creative_id,
                         "product_id": cand.product.id, "session_id": session_id,
                         "impression_id": ad.impression_id, "query": query,
                         "placement": placement, "position": ad.position,
                         "relevance": ctx.relevance, "organic_rank": cand.rank,
                         "cpc": ad.cpc, "cost": 0.0, "gmv": 0.0, "dedupe": None})
        ledger.record_impressions(self.engine, rows)
        return chosen

    # -- outcomes ---------------------------------------------------------------------------

    def click(self, impression_id: str, now: datetime) -> ledger.ClickResult | None:
        """Record and charge a click (see :func:`knowledge.ads.charge_click`)."""
        done = ledger.charge_click(self.engine, impression_id, now=now)
        if done is not None and done.cost and done.campaign_id in self.live:
            self.live[done.campaign_id].state.spent += done.cost
        return done

    def order(self, *, session_id: str, product_id: str, value: float, order_key: str,
              now: datetime, kind: str = "order") -> ledger.AdEvent | None:
        """Credit an order (or cart) to the last ad click within the attribution window."""
        return ledger.attribute(self.engine, session_id=session_id, product_id=product_id,
                                kind=kind, value=value, order_key=order_key, now=now,
                                window_days=self.settings.attribution_days)


def _approved(engine: Engine, ids: list[str]) -> dict[str, Creative]:
    if not ids:
        return {}
    with Session(engine) as session:
        rows = session.exec(select(Creative).where(col(Creative.id).in_(ids),
                                                   Creative.status == "approved"))
        return {c.id: c for c in rows}


def variant_for(session_id: str, campaign_id: str, n: int) -> int:
    """The A/B variant a shopper sees for a campaign (stable per shopper)."""
    digest = hashlib.sha1(f"{session_id}|{campaign_id}".encode()).hexdigest()
    return int(digest[:8], 16) % n


def _dress(ad: Sponsored, variants: list[Creative], session_id: str) -> None:
    usable = [v for v in variants if v.product_id in (None, ad.product.id)]
    if not usable:
        return
    chosen = usable[variant_for(session_id, ad.campaign_id, len(usable))]
    content = chosen.content or {}
    ad.creative_id = chosen.id
    ad.headline = content.get("headline")
    ad.text = content.get("description") or content.get("subline")
    ad.banner = chosen.image if chosen.kind == "banner" else None
