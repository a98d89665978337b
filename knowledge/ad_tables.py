"""The sponsored-placement tables: serving state, recorded ad events, attached creatives.

``AdState`` holds one row per campaign that has ever served: its hard budget cap, what it
has spent, and the pacing/ROI controller's state. ``AdEvent`` records impressions, clicks,
add-to-carts and orders, each carrying campaign and creative ids. ``CampaignCreative``
attaches an approved creative to a campaign as one A/B variant. Their reads and writes are
in :mod:`knowledge.ads` (serving state) and :mod:`knowledge.ad_ledger` (events, charging).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from knowledge.models import utcnow

AD_EVENT_KINDS = ("impression", "click", "cart", "order")


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
