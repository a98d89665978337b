"""Sponsored-placement tables and the ledger: serving state, recorded ad events, charging.

``AdState`` holds one row per campaign that has ever served: its hard budget cap, what it
has spent, and the pacing/ROI controller's state. ``AdEvent`` records impressions, clicks,
add-to-carts and orders, each carrying campaign and creative ids. Money moves only in
:func:`charge_click`, one transaction that records the click and raises the spend with a
single conditional ``UPDATE`` (so concurrent clicks cannot overspend by more than one
click's cost, and a repeated click is never charged twice). The ad server queues a page's
impressions (:func:`impression_queue`) instead of writing them on the request path; a click
and every ledger read here write the waiting ones first.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import Field as SettingField
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import CursorResult, Index, func, insert, update
from sqlalchemy import select as sql_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, select

from knowledge.models import utcnow
from knowledge.pending_writes import PendingRows, flush, queue_for
from knowledge.sql import transaction

AD_EVENT_KINDS = ("impression", "click", "cart", "order")


class AdSettings(BaseSettings):
    """Ads settings, read from ``SHOPMAGE_ADS_*`` variables."""

    model_config = SettingsConfigDict(env_prefix="SHOPMAGE_ADS_", extra="ignore")

    slots: int = SettingField(default=2, ge=0, le=10,
                              description="sponsored slots per page; 0 = off")
    reserve_cpc: float = SettingField(default=0.05, gt=0, description="lowest price of a click")
    attribution_days: float = SettingField(default=7.0, gt=0, description="last-click window")
    relevance_top: int = SettingField(default=50, ge=1, description="ads only from organic top N")
    relevance_floor: float = SettingField(
        default=0.5, ge=0, le=1, description="share of the top organic score an ad needs")
    relevance_min_similarity: float = SettingField(
        default=0.3, ge=-1, le=1,
        description="query-product embedding cosine a search or chat ad needs "
                    "(python -m evals.ads_relevance calibrates it on ESCI)")
    clock: str = SettingField(default="wall", pattern="^(wall|request)$",
                              description="'request': trust the X-Shopmage-Time header (demos)")


class AdState(SQLModel, table=True):
    """A campaign's serving state: hard cap, spend so far, controller state."""

    campaign_id: str = Field(primary_key=True)
    budget: float
    spent: float = 0.0
    multiplier: float = 1.0  # the ROI controller's bid multiplier
    pace: float = 1.0  # the pacing controller's bid multiplier
    strategy: str = "roi"  # "roi" (the ROI-target bidder) or "fixed" (a constant CPC bid)
    fixed_bid: float | None = None
    control_hour: int = -1  # the last flight hour the controller updated on
    updated_at: datetime = Field(default_factory=utcnow)


class AdEvent(SQLModel, table=True):
    """One sponsored-placement event: impression, click, cart or order."""

    __table_args__ = (Index("ix_adevent_campaign_kind", "campaign_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    ts: datetime = Field(default_factory=utcnow, index=True)
    kind: str = Field(index=True)
    campaign_id: str
    creative_id: str | None = None
    product_id: str
    session_id: str = Field(index=True)
    impression_id: str = Field(index=True)
    query: str | None = None
    placement: str = "search"
    position: int = 0
    relevance: float = 0.0  # the organic score share (1 = the top organic result)
    organic_rank: int = 0
    cpc: float = 0.0  # the GSP price of a click on this impression
    cost: float = 0.0  # charged (clicks only)
    gmv: float = 0.0  # attributed order value (orders only)
    dedupe: str | None = Field(default=None, unique=True)


class CampaignCreative(SQLModel, table=True):
    """An approved creative attached to a campaign as one A/B variant."""

    campaign_id: str = Field(primary_key=True)
    creative_id: str = Field(primary_key=True)
    variant: str = "A"
    weight: float = 1.0
    created_at: datetime = Field(default_factory=utcnow)


@dataclass
class ClickResult:
    """What a click did: its cost (0 when not charged) and why."""

    impression_id: str
    campaign_id: str
    product_id: str
    cost: float
    status: str  # "charged", "repeat" (already counted), "over_budget"


class _Changes:
    """A process-wide count of campaign writes (create, pause, resume, budget or ROI change).

    The ad server compares it before every auction: a change made in this process reaches
    the next page's auction at once; other worker processes pick it up on their periodic
    reload.
    """

    count = 0


def campaigns_changed() -> None:
    """Note that a campaign was written (the ad server reloads before its next auction)."""
    _Changes.count += 1


def campaigns_version() -> int:
    """How many campaign writes this process has noted."""
    return _Changes.count


def new_impression_id() -> str:
    """A fresh impression id (16 random hex digits)."""
    return "im_" + secrets.token_hex(8)


def ensure_state(engine: Engine, campaign_id: str, budget: float, *, strategy: str = "roi",
                 fixed_bid: float | None = None) -> AdState:
    """The campaign's serving state, created (or its cap updated) as needed."""
    with transaction(engine) as session:
        state = session.get(AdState, campaign_id)
        if state is None:
            state = AdState(campaign_id=campaign_id, budget=budget, strategy=strategy,
                            fixed_bid=fixed_bid)
        else:
            state.budget = budget
        session.add(state)
    return state


def states(engine: Engine, campaign_ids: list[str]) -> dict[str, AdState]:
    """Serving states by campaign id."""
    if not campaign_ids:
        return {}
    with Session(engine) as session:
        rows = session.exec(select(AdState).where(col(AdState.campaign_id).in_(campaign_ids)))
        return {r.campaign_id: r for r in rows}


def record_impressions(engine: Engine, rows: list[dict[str, Any]]) -> None:
    """Write a page's impressions in one statement (all or none)."""
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(AdEvent.__table__), [{**r, "kind": "impression"} for r in rows])  # type: ignore[attr-defined]


def impression_queue(engine: Engine) -> PendingRows:
    """The impressions of this process waiting to be written (rows carry ``kind``)."""
    return queue_for(engine, AdEvent.__table__)  # type: ignore[attr-defined]


def flush_impressions(engine: Engine) -> None:
    """Write this process's waiting impressions (every ledger read does this first)."""
    flush(engine, AdEvent.__table__)  # type: ignore[attr-defined]


def _impression(session: Session, impression_id: str) -> AdEvent | None:
    return session.exec(select(AdEvent).where(AdEvent.impression_id == impression_id,
                                              AdEvent.kind == "impression")).first()


def charge_click(engine: Engine, impression_id: str, *, now: datetime | None = None
                 ) -> ClickResult | None:
    """Record a click on an impression and charge its CPC, together or not at all.

    Returns None for an unknown impression. A repeated click is recorded once and charged
    once. The spend rises only while it is below the cap, in one conditional UPDATE, so
    concurrent clicks overspend by at most one click's cost; a click after the cap is
    reached is recorded with cost 0 ("over_budget").
    """
    ts = now or utcnow()
    flush_impressions(engine)  # a click right after its page: the impression lands first
    with Session(engine) as session:  # impressions never change: read outside the write
        shown = _impression(session, impression_id)
    if shown is None:
        return None
    try:
        with transaction(engine) as session:  # the first statement writes: SQLite locks here
            charged = _rows_changed(session.execute(
                update(AdState).where(col(AdState.campaign_id) == shown.campaign_id,
                                      col(AdState.spent) < col(AdState.budget))
                .values(spent=col(AdState.spent) + shown.cpc, updated_at=ts)))
            cost = shown.cpc if charged else 0.0
            session.add(AdEvent(**_copy(shown), kind="click", ts=ts, cost=cost,
                                dedupe=f"click:{impression_id}"))
            session.flush()
    except IntegrityError:
        return ClickResult(impression_id, shown.campaign_id, shown.product_id, 0.0, "repeat")
    return ClickResult(impression_id, shown.campaign_id, shown.product_id, cost,
                       "charged" if charged else "over_budget")


def _copy(e: AdEvent) -> dict[str, Any]:
    keep = ("campaign_id", "creative_id", "product_id", "session_id", "impression_id", "query",
            "placement", "position", "relevance", "organic_rank", "cpc")
    return {k: getattr(e, k) for k in keep}


def attribute(engine: Engine, *, session_id: str, product_id: str, kind: str, value: float,
              order_key: str, now: datetime | None = None, window_days: float = 7.0
              ) -> AdEvent | None:
    """Credit a cart or order to the last ad click on this product within the window.

    ``order_key`` names the order line (an order id or event id) so it is credited once.
    Returns the recorded event, or None when no click qualifies (an organic order).
    """
    if kind not in ("cart", "order"):
        raise ValueError(f"kind must be cart or order, got {kind!r}")
    ts = now or utcnow()
    since = ts - timedelta(days=window_days)
    with Session(engine) as session:
        click = session.exec(
            select(AdEvent).where(AdEvent.session_id == session_id,
                                  AdEvent.product_id == product_id, AdEvent.kind == "click",
                                  col(AdEvent.ts) >= _aware(since), col(AdEvent.ts) <= _aware(ts))
            .order_by(col(AdEvent.ts).desc(), col(AdEvent.id).desc())).first()
    if click is None:
        return None
    event = AdEvent(**_copy(click), kind=kind, ts=ts, gmv=value if kind == "order" else 0.0,
                    dedupe=f"{kind}:{order_key}")
    try:
        with transaction(engine) as session:
            session.add(event)
    except IntegrityError:
        return None
    return event


def _aware(ts: datetime) -> datetime:
    """Timestamps are stored timezone-aware (UTC)."""
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def _rows_changed(result: Any) -> int:
    """How many rows an UPDATE changed (its result is a cursor result)."""
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


def totals(engine: Engine, campaign_ids: list[str], *, since: datetime | None = None
           ) -> dict[str, dict[str, float]]:
    """Impressions, clicks, carts, orders, spend and GMV per campaign from recorded events."""
    out = {c: {k: 0.0 for k in ("impression", "click", "cart", "order", "spend", "gmv")}
           for c in campaign_ids}
    if not campaign_ids:
        return out
    flush_impressions(engine)
    stmt = (sql_select(col(AdEvent.campaign_id), col(AdEvent.kind), func.count(),
                       func.sum(AdEvent.cost), func.sum(AdEvent.gmv))
            .where(col(AdEvent.campaign_id).in_(campaign_ids)))
    if since is not None:
        stmt = stmt.where(col(AdEvent.ts) >= _aware(since))
    stmt = stmt.group_by(AdEvent.campaign_id, AdEvent.kind)
    with Session(engine) as session:
        for cid, kind, n, cost, gmv in session.execute(stmt):
            row = out[cid]
            row[kind] = float(n)
            row["spend"] += float(cost or 0.0)
            row["gmv"] += float(gmv or 0.0)
    return out


def events(engine: Engine, campaign_id: str, kinds: tuple[str, ...] = AD_EVENT_KINDS
           ) -> list[AdEvent]:
    """A campaign's recorded events, oldest first."""
    flush_impressions(engine)
    with Session(engine) as session:
        return list(session.exec(select(AdEvent).where(
            AdEvent.campaign_id == campaign_id, col(AdEvent.kind).in_(kinds))
            .order_by(col(AdEvent.ts), col(AdEvent.id))))


def save_controller(engine: Engine, campaign_id: str, hour: int, multiplier: float,
                    pace: float) -> bool:
    """Store the controller's new state once per flight hour (False: another worker did)."""
    with transaction(engine) as session:
        done = _rows_changed(session.execute(
            update(AdState).where(col(AdState.campaign_id) == campaign_id,
                                  col(AdState.control_hour) < hour)
            .values(control_hour=hour, multiplier=multiplier, pace=pace)))
    return bool(done)


def attach_creative(engine: Engine, campaign_id: str, creative_id: str, variant: str) -> None:
    """Attach (or re-label) a creative as one variant of a campaign."""
    with transaction(engine) as session:
        row = session.get(CampaignCreative, (campaign_id, creative_id))
        row = row or CampaignCreative(campaign_id=campaign_id, creative_id=creative_id)
        row.variant = variant
        session.add(row)


def campaign_creatives(engine: Engine, campaign_ids: list[str]) -> list[CampaignCreative]:
    """The creatives attached to these campaigns."""
    if not campaign_ids:
        return []
    with Session(engine) as session:
        return list(session.exec(select(CampaignCreative).where(
            col(CampaignCreative.campaign_id).in_(campaign_ids))))
