"""The ads ledger: recorded impressions, charged clicks, attributed carts and orders, totals.

Money moves only in :func:`charge_click`, one transaction that records the click and raises
the spend with a single conditional ``UPDATE`` (so concurrent clicks cannot overspend by
more than one click's cost, and a repeated click is never charged twice). The ad server
queues a page's impressions (:func:`impression_queue`) instead of writing them on the
request path; a click and every ledger read here write the waiting ones first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, update
from sqlalchemy import select as sql_select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from knowledge.ad_tables import AD_EVENT_KINDS, AdEvent, AdState
from knowledge.models import utcnow
from knowledge.pending_writes import PendingRows, flush, queue_for
from knowledge.sql import rows_changed, transaction


@dataclass
class ClickResult:
    """What a click did: its cost (0 when not charged) and why."""

    impression_id: str
    campaign_id: str
    product_id: str
    cost: float
    status: str  # "charged", "repeat" (already counted), "over_budget"


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
            charged = rows_changed(session.execute(
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
