"""Creatives REST API (merchant only): listings, ad copy, banners, selling points, review."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from knowledge.creatives import Creative, list_creatives
from server.deps import MerchantDep, StateDep
from tools.creatives.adcopy import write_ad_copy
from tools.creatives.banner_creatives import make_banners
from tools.creatives.listing import draft_listing
from tools.creatives.review import approve_creative, preview, reject_creative
from tools.creatives.selling_points import save_selling_points
from tools.creatives.variants import attach_variant, compare_variants

router = APIRouter(prefix="/api/creatives", tags=["creatives"])
T = TypeVar("T")


class CreativePublic(BaseModel):
    """A creative as the API shows it."""

    id: str
    kind: str
    status: str
    product_id: str | None
    campaign_id: str | None
    content: dict[str, Any]
    claims: dict[str, Any]
    image: str | None
    created_at: datetime
    diff: list[dict[str, Any]] = Field(default_factory=list)


class CreativeList(BaseModel):
    """Several creatives."""

    items: list[CreativePublic]


class ListingIn(BaseModel):
    """Ask for a listing: an existing product, or a brief and/or attributes for a new one."""

    product_id: str | None = Field(None, max_length=100)
    brief: str | None = Field(None, max_length=20_000)  # the brief check names the limit
    attributes: dict[str, Any] | None = None
    campaign_id: str | None = Field(None, max_length=100)


class AdCopyIn(BaseModel):
    """Ask for ad variants."""

    product_id: str = Field(min_length=1, max_length=100)
    audience: str | None = Field(None, max_length=80)
    n: int = Field(3, ge=1, le=10)
    campaign_id: str | None = Field(None, max_length=100)


class BannersIn(BaseModel):
    """Ask for banners."""

    product_id: str = Field(min_length=1, max_length=100)
    sizes: list[str] | None = Field(None, min_length=1, max_length=6)
    headline: str | None = Field(None, max_length=80)
    cta: str = Field("Shop now", min_length=1, max_length=24)
    campaign_id: str | None = Field(None, max_length=100)


class SellingPointsIn(BaseModel):
    """Ask for selling points."""

    product_id: str = Field(min_length=1, max_length=100)
    k: int = Field(5, ge=1, le=12)


class RejectIn(BaseModel):
    """Why a draft was rejected (optional)."""

    reason: str | None = Field(None, max_length=500)


class AttachIn(BaseModel):
    """Attach a creative to a campaign as an A/B variant."""

    campaign_id: str = Field(min_length=1, max_length=100)


def public(creative: Creative, diff: list[Any] | None = None) -> CreativePublic:
    """Return the API shape of a creative (with the listing diff when given)."""
    return CreativePublic(id=creative.id, kind=creative.kind, status=creative.status,
                          product_id=creative.product_id, campaign_id=creative.campaign_id,
                          content=creative.content, claims=creative.claims, image=creative.image,
                          created_at=creative.created_at,
                          diff=[d.as_dict() for d in diff or []])


async def _with_model(state: StateDep, fn: Callable[..., T], **kwargs: Any) -> T:
    """Run a generation that uses the model off the event loop, behind the model's queue."""
    async with state.store.llm.gate.slot():
        return await asyncio.to_thread(fn, state.store, **kwargs)


@router.get("")
def list_all(state: StateDep, merchant: MerchantDep, kind: str | None = None,
             campaign_id: str | None = None, product_id: str | None = None,
             limit: Annotated[int, Query(ge=1, le=500)] = 100) -> CreativeList:
    """List this merchant's creatives, newest first."""
    rows = list_creatives(state.store.engine, merchant_id=merchant.id, kind=kind,
                          campaign_id=campaign_id, product_id=product_id, limit=limit)
    return CreativeList(items=[public(c) for c in rows])


@router.post("/listing")
async def listing(body: ListingIn, state: StateDep, merchant: MerchantDep) -> CreativePublic:
    """Draft a listing; the response carries the diff against the live listing."""
    created = await _with_model(state, draft_listing, merchant_id=merchant.id,
                                product_id=body.product_id, brief=body.brief,
                                attributes=body.attributes, campaign_id=body.campaign_id)
    creative, diff = preview(state.store, merchant_id=merchant.id, creative_id=created.id)
    return public(creative, diff)


@router.post("/adcopy")
async def adcopy(body: AdCopyIn, state: StateDep, merchant: MerchantDep) -> CreativeList:
    """Write ad copy variants."""
    made = await _with_model(state, write_ad_copy, merchant_id=merchant.id,
                             product_id=body.product_id, audience=body.audience, n=body.n,
                             campaign_id=body.campaign_id)
    return CreativeList(items=[public(c) for c in made])


@router.post("/banners")
async def banners(body: BannersIn, state: StateDep, merchant: MerchantDep) -> CreativeList:
    """Render banners (PNG files under /media/banners/)."""
    made = await asyncio.to_thread(make_banners, state.store, merchant_id=merchant.id,
                                   product_id=body.product_id, sizes=body.sizes,
                                   headline=body.headline, cta=body.cta,
                                   campaign_id=body.campaign_id)
    return CreativeList(items=[public(c) for c in made])


@router.post("/selling-points")
async def selling_points(body: SellingPointsIn, state: StateDep,
                         merchant: MerchantDep) -> CreativePublic:
    """Extract ranked selling points with their evidence."""
    made = await asyncio.to_thread(save_selling_points, state.store, merchant_id=merchant.id,
                                   product_id=body.product_id, k=body.k)
    return public(made)


@router.get("/campaigns/{campaign_id}/report")
def variant_report(campaign_id: str, state: StateDep, merchant: MerchantDep) -> dict[str, Any]:
    """Compare a campaign's creative variants."""
    return compare_variants(state.store.engine, merchant_id=merchant.id, campaign_id=campaign_id)


@router.get("/{creative_id}")
def get_one(creative_id: str, state: StateDep, merchant: MerchantDep) -> CreativePublic:
    """One creative; listings come with the diff against the live listing."""
    creative, diff = preview(state.store, merchant_id=merchant.id, creative_id=creative_id)
    return public(creative, diff)


@router.post("/{creative_id}/approve")
async def approve(creative_id: str, state: StateDep, merchant: MerchantDep) -> CreativePublic:
    """Approve a draft; an approved listing is written to the catalogue."""
    creative, diff = await asyncio.to_thread(approve_creative, state.store,
                                             merchant_id=merchant.id, creative_id=creative_id)
    return public(creative, diff)


@router.post("/{creative_id}/reject")
def reject(creative_id: str, state: StateDep, merchant: MerchantDep,
           body: RejectIn | None = None) -> CreativePublic:
    """Reject a draft."""
    return public(reject_creative(state.store, merchant_id=merchant.id, creative_id=creative_id,
                                  reason=body.reason if body else None))


@router.post("/{creative_id}/attach")
def attach(creative_id: str, body: AttachIn, state: StateDep,
           merchant: MerchantDep) -> CreativePublic:
    """Attach an ad or banner to a campaign as an A/B variant."""
    return public(attach_variant(state.store.engine, merchant_id=merchant.id,
                                 creative_id=creative_id, campaign_id=body.campaign_id))
