"""Campaign tables: campaigns and their audit log."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from knowledge.models import utcnow

CAMPAIGN_STATUSES = ("draft", "active", "paused", "finished")


class Campaign(SQLModel, table=True):
    """A merchant's promotion: products, budget, ROI target, period, audiences."""

    id: str = Field(primary_key=True)
    merchant_id: str = Field(index=True)
    name: str
    product_ids: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    budget_total: float
    budget_daily: float | None = None
    target_roi: float
    start: date
    end: date
    audiences: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    status: str = Field(default="active", index=True)
    forecast: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CampaignAudit(SQLModel, table=True):
    """One change to a campaign: who, what, before and after."""

    id: int | None = Field(default=None, primary_key=True)
    campaign_id: str = Field(index=True)
    merchant_id: str = Field(index=True)
    action: str
    before: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    after: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    ts: datetime = Field(default_factory=utcnow)
