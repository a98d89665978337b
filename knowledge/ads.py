"""Sponsored placements: ads settings and each campaign's serving state.

``AdSettings`` are the ``SHOPMAGE_ADS_*`` variables. A campaign's serving state (its
:class:`~knowledge.ad_tables.AdState` row: hard cap, spend, the pacing/ROI controller) is
read and written here, as are its attached A/B creatives. The tables are defined in
:mod:`knowledge.ad_tables`; recorded events and charging (``charge_click``, ``attribute``,
``totals``, ``events``, the impression queue) are in :mod:`knowledge.ad_ledger`. Both are
re-exported here, so ``from knowledge import ads as ledger`` reaches the whole ledger.
"""

from __future__ import annotations

import secrets

from pydantic import Field as SettingField
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.ad_ledger import (
    ClickResult,
    attribute,
    charge_click,
    events,
    flush_impressions,
    impression_queue,
    record_impressions,
    totals,
)
from knowledge.ad_tables import AD_EVENT_KINDS, AdEvent, AdState, CampaignCreative
from knowledge.sql import rows_changed, transaction

__all__ = ["AD_EVENT_KINDS", "AdEvent", "AdSettings", "AdState", "CampaignCreative",
           "ClickResult", "attach_creative", "attribute", "campaign_creatives",
           "campaigns_changed", "campaigns_version", "charge_click", "ensure_state", "events",
           "flush_impressions", "impression_queue", "new_impression_id", "record_impressions",
           "save_controller", "states", "totals"]


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


def save_controller(engine: Engine, campaign_id: str, hour: int, multiplier: float,
                    pace: float) -> bool:
    """Store the controller's new state once per flight hour (False: another worker did)."""
    with transaction(engine) as session:
        done = rows_changed(session.execute(
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
