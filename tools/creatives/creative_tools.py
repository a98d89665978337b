"""Merchant-only LangChain tools over the creative functions.

The merchant id is never a tool argument: it is bound when the merchant graph builds its
tools (``build_creative_tools(store, merchant_id=...)``) or read from the run's context
(``Context.merchant_id`` in LangGraph, or ``configurable["merchant_id"]``). Domain errors
come back as short text the model can act on; nothing is written when one occurs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from langchain_core.runnables import RunnableConfig
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from knowledge.errors import InvalidRequestError, PermissionDeniedError, ShopmageError
from tools.creatives.adcopy import write_ad_copy
from tools.creatives.banner_creatives import make_banners
from tools.creatives.listing import draft_listing
from tools.creatives.selling_points import save_selling_points
from tools.creatives.variants import check_campaign, compare_variants

if TYPE_CHECKING:
    from knowledge.store import Store


class ListingArgs(BaseModel):
    """Arguments of write_listing."""

    product_id: str | None = Field(None, description="id of an existing product to rewrite")
    brief: str | None = Field(None, max_length=500,
                              description="a few words describing a new product")


class ProductArgs(BaseModel):
    """Arguments naming one product."""

    product_id: str = Field(description="the product's id")


class AdArgs(BaseModel):
    """Arguments of write_ad_copy."""

    product_id: str = Field(description="the product's id")
    audience: str | None = Field(None, max_length=80, description="who the ads are aimed at")
    n: int = Field(3, ge=1, le=10, description="how many variants")
    campaign_id: str | None = Field(None, description="attach the variants to this campaign")


class BannerArgs(BaseModel):
    """Arguments of make_banners."""

    product_id: str | None = Field(None, description="the product's id")
    campaign_id: str | None = Field(None, description="a campaign whose product to use")
    sizes: list[str] | None = Field(None, max_length=6, description='e.g. ["1200x628"]')
    headline: str | None = Field(None, max_length=80)


class CampaignArgs(BaseModel):
    """Arguments naming one campaign."""

    campaign_id: str = Field(description="the campaign's id")


def merchant_from_context(config: RunnableConfig | None) -> str | None:
    """Return the merchant id of the current run (LangGraph context, then ``configurable``)."""
    try:
        from langgraph.runtime import get_runtime

        context = getattr(get_runtime(), "context", None)
        found = (context.get("merchant_id") if isinstance(context, dict)
                 else getattr(context, "merchant_id", None))
        if found:
            return str(found)
    except (RuntimeError, LookupError, ImportError):
        pass
    return ((config or {}).get("configurable") or {}).get("merchant_id")


def campaign_product(store: Store, merchant_id: str, campaign_id: str) -> str:
    """Return the product a campaign promotes (``product_id`` or the first ``product_ids``)."""
    check_campaign(store.engine, merchant_id=merchant_id, campaign_id=campaign_id)
    from sqlmodel import Session

    from knowledge.campaigns import Campaign

    with Session(store.engine) as session:
        campaign = session.get(Campaign, campaign_id)
    ids = getattr(campaign, "product_ids", None) or [getattr(campaign, "product_id", None)]
    if not ids or not ids[0]:
        raise InvalidRequestError(f"campaign {campaign_id!r} names no product")
    return str(ids[0])


def build_creative_tools(store: Store, merchant_id: str | None = None) -> list[BaseTool]:
    """Return the creative tools for the merchant graph (identity bound here or from context)."""

    def who(config: RunnableConfig | None) -> str:
        found = merchant_id or merchant_from_context(config)
        if not found:
            raise PermissionDeniedError("creative tools need a signed-in merchant")
        return found

    def write_listing(product_id: str | None = None, brief: str | None = None,
                      config: RunnableConfig = None) -> str:  # type: ignore[assignment]
        c = draft_listing(store, merchant_id=who(config), product_id=product_id, brief=brief)
        flagged = len(c.content["flagged"])
        return (f"Listing draft {c.id} for product {c.product_id}: {c.content['title']!r}; "
                f"{flagged} unsupported claim(s) removed. Approve it to publish.")

    def selling_points(product_id: str, config: RunnableConfig = None) -> str:  # type: ignore[assignment]
        c = save_selling_points(store, merchant_id=who(config), product_id=product_id)
        return f"Selling points {c.id}: " + "; ".join(p["text"] for p in c.content["points"])

    def ad_copy(product_id: str, audience: str | None = None, n: int = 3,
                campaign_id: str | None = None, config: RunnableConfig = None) -> str:  # type: ignore[assignment]
        mid = who(config)
        if campaign_id:
            check_campaign(store.engine, merchant_id=mid, campaign_id=campaign_id)
        made = write_ad_copy(store, merchant_id=mid, product_id=product_id, audience=audience,
                             n=n, campaign_id=campaign_id)
        return "Ad variants: " + "; ".join(
            f"{c.id}: {c.content['headline']} / {c.content['description']}" for c in made)

    def banners(product_id: str | None = None, campaign_id: str | None = None,
                sizes: list[str] | None = None, headline: str | None = None,
                config: RunnableConfig = None) -> str:  # type: ignore[assignment]
        mid = who(config)
        if not product_id:
            if not campaign_id:
                raise InvalidRequestError("name a product or a campaign for the banners")
            product_id = campaign_product(store, mid, campaign_id)
        made = make_banners(store, merchant_id=mid, product_id=product_id, sizes=sizes,
                            headline=headline, campaign_id=campaign_id)
        return "Banners: " + "; ".join(f"{c.id} {c.content['size']} {c.image}" for c in made)

    def variant_report(campaign_id: str, config: RunnableConfig = None) -> str:  # type: ignore[assignment]
        report = compare_variants(store.engine, merchant_id=who(config), campaign_id=campaign_id)
        rows = ", ".join(f"{r['creative_id']} prior {r['prior_ctr']:.2%} ctr {r['ctr']:.2%}"
                         for r in report["variants"])
        return f"Variants ({report['traffic']}): {rows}; winner: {report['winner'] or 'none yet'}"

    specs: list[tuple[Callable[..., str], str, type[BaseModel], str]] = [
        (write_listing, "write_listing", ListingArgs,
         "Draft a product listing (title, 5 bullets, description, keywords) for a product id "
         "or from a short brief; every claim is checked against the product's attributes."),
        (selling_points, "extract_selling_points", ProductArgs,
         "Rank a product's selling points with the evidence behind each."),
        (ad_copy, "write_ad_copy", AdArgs,
         "Write ad headline/description variants (30/90 characters) for a product."),
        (banners, "make_banners", BannerArgs,
         "Render banner images (1200x628, 1080x1080, 800x800) for a product or campaign."),
        (variant_report, "compare_variants", CampaignArgs,
         "Compare a campaign's creative variants (CTR prior, clicks, winner)."),
    ]
    return [StructuredTool.from_function(func=_guarded(fn), name=name, args_schema=schema,
                                         description=text) for fn, name, schema, text in specs]


def _guarded(fn: Callable[..., str]) -> Callable[..., str]:
    """Turn domain errors into text the model can act on."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> str:
        try:
            return fn(*args, **kwargs)
        except ShopmageError as exc:
            return f"Could not do that: {exc}"

    return run
