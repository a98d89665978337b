"""Campaign operations: validated, transactional, audited, and always owner-checked."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.ads import AdSettings, AdState, campaigns_changed
from knowledge.campaigns import Campaign, CampaignAudit
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product, utcnow
from knowledge.sql import transaction
from tools.campaigns.naming import campaign_name

MAX_DAYS = 365


@dataclass
class CampaignDraft:
    """What a merchant asked for, before anything is written."""

    product_ids: list[str]
    budget_total: float
    target_roi: float
    start: date
    end: date
    name: str = ""
    budget_daily: float | None = None
    audiences: list[dict[str, Any]] = field(default_factory=list)

    @property
    def days(self) -> int:
        """Length of the period in days (both ends included)."""
        return (self.end - self.start).days + 1


def owned_products(engine: Engine, merchant_id: str, product_ids: list[str]) -> list[Product]:
    """The merchant's own products among ``product_ids``; anything else is 'not found'."""
    if not product_ids:
        raise InvalidRequestError("a campaign needs at least one product")
    with Session(engine) as session:
        rows = list(session.exec(select(Product).where(col(Product.id).in_(product_ids),
                                                       Product.merchant_id == merchant_id)))
    missing = sorted(set(product_ids) - {p.id for p in rows})
    if missing:
        raise NotFoundError(f"no product of yours with id {', '.join(missing)}")
    return rows


def validate(engine: Engine, merchant_id: str, draft: CampaignDraft) -> list[Product]:
    """Check every field; raises with a message naming what is wrong."""
    if draft.budget_total <= 0:
        raise InvalidRequestError(f"the budget must be above 0, got {draft.budget_total:g}")
    if draft.target_roi <= 0:
        raise InvalidRequestError(f"the ROI target must be above 0, got {draft.target_roi:g}")
    if draft.end < draft.start:
        raise InvalidRequestError(f"the end ({draft.end}) is before the start ({draft.start})")
    if draft.days > MAX_DAYS:
        raise InvalidRequestError(f"a campaign can run at most {MAX_DAYS} days")
    if draft.budget_daily is not None and draft.budget_daily <= 0:
        raise InvalidRequestError("the daily budget must be above 0")
    reserve = AdSettings().reserve_cpc
    if draft.budget_total < reserve:
        raise InvalidRequestError(
            f"the budget {draft.budget_total:g} is below one click's reserve price {reserve:g}")
    products = owned_products(engine, merchant_id, draft.product_ids)
    if all((p.stock or 0) <= 0 for p in products):
        raise InvalidRequestError(
            "every product in this campaign is out of stock, so no ad could be shown: "
            + ", ".join(sorted(p.id for p in products)))
    _check_overlap(engine, merchant_id, draft)
    return products


def _check_overlap(engine: Engine, merchant_id: str, draft: CampaignDraft | Campaign,
                   exclude: str | None = None) -> None:
    """Two active campaigns may not promote the same product over overlapping dates.

    A paused campaign does not block a new one; resuming it is checked again instead.
    """
    wanted = set(draft.product_ids)
    for other in list_campaigns(engine, merchant_id):
        if other.id == exclude or other.status != "active":
            continue
        shared = wanted & set(other.product_ids)
        if shared and other.start <= draft.end and draft.start <= other.end:
            raise InvalidRequestError(
                f"campaign {other.id} '{other.name}' already promotes "
                f"{', '.join(sorted(shared))} from {other.start} to {other.end}; pause it or "
                f"choose other products or dates")


def _snapshot(c: Campaign) -> dict[str, Any]:
    return c.model_dump(mode="json", exclude={"forecast", "created_at", "updated_at"})


def create_campaign(engine: Engine, merchant_id: str, draft: CampaignDraft,
                    forecast: dict[str, Any]) -> Campaign:
    """Write a validated campaign and its audit row together."""
    products = validate(engine, merchant_id, draft)
    campaign = Campaign(
        id="c_" + uuid.uuid4().hex[:10], merchant_id=merchant_id,
        name=draft.name or campaign_name(products), product_ids=draft.product_ids,
        budget_total=draft.budget_total, budget_daily=draft.budget_daily,
        target_roi=draft.target_roi, start=draft.start, end=draft.end,
        audiences=draft.audiences, forecast=forecast, status="active")
    with transaction(engine) as session:
        session.add(campaign)
        session.add(CampaignAudit(campaign_id=campaign.id, merchant_id=merchant_id,
                                  action="create", after=_snapshot(campaign)))
        session.add(AdState(campaign_id=campaign.id, budget=campaign.budget_total))
    campaigns_changed()
    return campaign


def list_campaigns(engine: Engine, merchant_id: str) -> list[Campaign]:
    """List a merchant's campaigns, newest first."""
    with Session(engine) as session:
        return list(session.exec(select(Campaign).where(Campaign.merchant_id == merchant_id)
                                 .order_by(col(Campaign.created_at).desc())))


def get_campaign(engine: Engine, merchant_id: str, campaign_id: str) -> Campaign:
    """One of this merchant's campaigns (another merchant's is 'not found')."""
    with Session(engine) as session:
        campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.merchant_id != merchant_id:
        raise NotFoundError(f"no campaign of yours with id {campaign_id!r}")
    return campaign


def change_campaign(engine: Engine, merchant_id: str, campaign_id: str, action: str,
                    **changes: Any) -> Campaign:
    """Pause, resume or change budget/ROI, with an audit row, in one transaction."""
    if action == "resume":
        _check_overlap(engine, merchant_id, get_campaign(engine, merchant_id, campaign_id),
                       exclude=campaign_id)
    with transaction(engine) as session:
        campaign = session.get(Campaign, campaign_id)
        if campaign is None or campaign.merchant_id != merchant_id:
            raise NotFoundError(f"no campaign of yours with id {campaign_id!r}")
        before = _snapshot(campaign)
        _apply(campaign, action, changes)
        campaign.updated_at = utcnow()
        session.add(campaign)
        state = session.get(AdState, campaign_id)
        if state is not None and state.budget != campaign.budget_total:
            state.budget = campaign.budget_total  # the hard cap follows the budget
            session.add(state)
        session.add(CampaignAudit(campaign_id=campaign_id, merchant_id=merchant_id,
                                  action=action, before=before, after=_snapshot(campaign)))
    campaigns_changed()
    return campaign


def _apply(campaign: Campaign, action: str, changes: dict[str, Any]) -> None:
    if action == "pause":
        if campaign.status != "active":
            raise InvalidRequestError(
                f"only an active campaign can be paused; it is {campaign.status}")
        campaign.status = "paused"
    elif action == "resume":
        if campaign.status != "paused":
            raise InvalidRequestError(f"only a paused campaign can resume; it is {campaign.status}")
        campaign.status = "active"
    elif action == "update":
        budget, roi = changes.get("budget_total"), changes.get("target_roi")
        if budget is not None and budget <= 0:
            raise InvalidRequestError(f"the budget must be above 0, got {budget:g}")
        if roi is not None and roi <= 0:
            raise InvalidRequestError(f"the ROI target must be above 0, got {roi:g}")
        campaign.budget_total = budget if budget is not None else campaign.budget_total
        campaign.target_roi = roi if roi is not None else campaign.target_roi
    else:
        raise InvalidRequestError(f"unknown campaign action {action!r}")


def audit_log(engine: Engine, merchant_id: str, campaign_id: str) -> list[CampaignAudit]:
    """The changes made to one of this merchant's campaigns."""
    get_campaign(engine, merchant_id, campaign_id)
    with Session(engine) as session:
        return list(session.exec(select(CampaignAudit).where(
            CampaignAudit.campaign_id == campaign_id).order_by(col(CampaignAudit.id))))


def assign_products(engine: Engine, merchant_id: str, *, brands: list[str]) -> int:
    """Give a merchant every product of some brands (demo set-up)."""
    with transaction(engine) as session:
        rows = list(session.exec(select(Product).where(col(Product.brand).in_(brands))))
        for product in rows:
            product.merchant_id = merchant_id
            session.add(product)
    return len(rows)
