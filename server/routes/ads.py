"""Sponsored placements over HTTP: slots, clicks and the merchant's campaign report.

Category pages and the "for you" row ask ``/api/ads``. Search results get their slots from
:func:`search_ads`, called by the search route; purchases are attributed by
:func:`attribute_purchase`, called wherever an order is recorded.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlmodel import Session

from knowledge.ads import AdSettings
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Event, Product
from knowledge.profiles import recommend
from knowledge.search import Hit, SearchFilters
from server.bodies import CampaignPlanIn
from server.deps import AppState, MerchantDep, StateDep
from server.errors import ServiceUnavailableError
from tools.ads.relevance import Relevance
from tools.ads.report import campaign_report
from tools.ads.serving import AdServer
from tools.ads.slots import Candidate
from tools.campaigns import service
from tools.campaigns.chart import report_chart
from tools.campaigns.forecasting import forecast_campaign, reforecast_campaign

router = APIRouter(tags=["ads"])
log = logging.getLogger("shopmage.ads")
CLOCK_HEADER = "X-Shopmage-Time"


async def setup(state: AppState) -> None:
    """One ad server per process."""
    state.ads = AdServer(state.store.engine, AdSettings(),
                         relevance=Relevance.for_store(state.store))


async def teardown(state: AppState) -> None:
    """Shutdown: the impressions still waiting are written (logged if the database is gone)."""
    if state.ads is not None:
        try:
            await asyncio.to_thread(state.ads.close)
        except Exception as exc:  # noqa: BLE001 - the other capabilities still shut down
            log.error("sponsored impressions not written at shutdown: %s", exc)


def ad_server(state: AppState) -> AdServer:
    """The process's ad server."""
    if state.ads is None:
        raise ServiceUnavailableError("sponsored slots are not set up on this server")
    return state.ads


def now_for(request: Request | None, state: AppState) -> datetime:
    """Wall time, or the request's simulated time when the clock setting allows it."""
    stamp = request.headers.get(CLOCK_HEADER) if request is not None else None
    if stamp and ad_server(state).settings.clock == "request":
        try:
            parsed = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        except ValueError as exc:
            raise InvalidRequestError(f"{CLOCK_HEADER} is not an ISO time: {stamp!r}") from exc
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return datetime.now(UTC)


def candidates(hits: list[Hit]) -> list[Candidate]:
    """Organic hits as auction candidates (score and rank kept)."""
    return [Candidate(h.product, h.score, i) for i, h in enumerate(hits)]


def search_ads(state: AppState, request: Request | None, query: str, hits: list[Hit],
               session_id: str | None, placement: str = "search") -> list[dict[str, Any]]:
    """Sponsored slots for a results page (``hits``: the organic top N, best first)."""
    ads = ad_server(state).sponsored(candidates(hits), session_id=session_id or "anonymous",
                                     now=now_for(request, state), query=query,
                                     placement=placement)
    return [a.as_dict() for a in ads]


def ads_pool(state: AppState) -> int:
    """How many organic results a search page should fetch for its sponsored slots."""
    settings = ad_server(state).settings
    return settings.relevance_top if settings.slots > 0 else 0


def attribute_event(state: AppState, request: Request | None, event: Event) -> bool:
    """Credit a storefront cart or purchase event (value: the product's price)."""
    with Session(state.store.engine) as session:
        product = session.get(Product, event.product_id)
    value = float(product.price or 0.0) if product is not None else 0.0
    kind = "order" if event.type == "purchase" else "cart"
    return attribute_purchase(state, request, session_id=event.user_id,
                              product_id=event.product_id or "", value=value,
                              order_key=f"event:{event.id}", kind=kind)


def attribute_purchase(state: AppState, request: Request | None, *, session_id: str,
                       product_id: str, value: float, order_key: str,
                       kind: str = "order") -> bool:
    """Credit a purchase (or cart) to the last ad click in the window; True if it was paid."""
    done = ad_server(state).order(session_id=session_id, product_id=product_id, value=value,
                                  order_key=order_key, now=now_for(request, state), kind=kind)
    return done is not None


async def with_chat_ads(state: AppState, session_id: str, frame: dict[str, Any],
                        events: AsyncIterator[dict[str, Any]]) -> AsyncIterator[dict[str, Any]]:
    """Pass a chat turn's events through, adding ``sponsored`` slots to its product cards.

    The candidates are the organic top N for the shopper's message; a failure to serve ads
    never disturbs the turn (the cards go out without them).
    """
    async for payload in events:
        text = str(frame.get("text") or "").strip()
        if payload.get("type") == "products" and text and ad_server(state).settings.slots:
            try:
                hits = await asyncio.to_thread(state.store.search.search, text[:500],
                                               None, ads_pool(state))
                ads = await asyncio.to_thread(
                    ad_server(state).sponsored, candidates(hits), session_id=session_id,
                    now=datetime.now(UTC), query=text[:500], placement="chat")
                payload = {**payload, "sponsored": [a.as_dict() for a in ads]}
            except Exception as exc:  # noqa: BLE001 - ads are a bonus in the chat
                log.warning("chat ads skipped: %s", exc)
        yield payload


class ClickIn(BaseModel):
    """A shopper's click on a sponsored slot."""

    impression_id: str = Field(min_length=4, max_length=60)


@router.get("/api/ads")
def placement_ads(state: StateDep, request: Request,
                  placement: Literal["category", "for_you"],
                  session_id: Annotated[str, Query(min_length=1, max_length=100)],
                  category: Annotated[str | None, Query(max_length=100)] = None
                  ) -> dict[str, Any]:
    """Sponsored slots for a category page or the "for you" row."""
    if placement == "category":
        if not category:
            raise InvalidRequestError("a category page's ads need ?category=")
        hits = state.store.search.popular(SearchFilters(category=category, in_stock=True), k=50)
        pool = [Candidate(h.product, 1.0, i) for i, h in enumerate(hits)]
    else:
        pool = candidates(recommend(state.store, session_id, 50))
    ads = ad_server(state).sponsored(pool, session_id=session_id, now=now_for(request, state),
                                     placement=placement, query=category)
    return {"items": [a.as_dict() for a in ads]}


@router.post("/api/ads/click")
def click(body: ClickIn, state: StateDep, request: Request) -> dict[str, Any]:
    """Record a click on a sponsored slot (charged once, at the click)."""
    done = ad_server(state).click(body.impression_id, now_for(request, state))
    if done is None:
        raise NotFoundError(f"no sponsored impression {body.impression_id!r}")
    return {"ok": True, "product_id": done.product_id, "counted": done.status != "repeat"}


class CampaignIn(CampaignPlanIn):
    """A campaign to create (validated; nothing is written on a bad field)."""

    name: str | None = Field(default=None, max_length=60)
    forecast: bool = True


@router.post("/api/campaigns", status_code=201)
def create(body: CampaignIn, merchant: MerchantDep, state: StateDep) -> dict[str, Any]:
    """Create and start a campaign (its forecast is stored beside it)."""
    draft = service.CampaignDraft(product_ids=body.product_ids, budget_total=body.budget_total,
                                  target_roi=body.target_roi, start=body.start, end=body.end,
                                  name=body.name or "")
    products = service.validate(state.store.engine, merchant.id, draft)
    forecast = forecast_campaign(state.store, products, draft, runs=4) if body.forecast else {}
    return service.create_campaign(state.store.engine, merchant.id, draft,
                                   forecast).model_dump(mode="json")


@router.get("/api/campaigns/{campaign_id}/reforecast")
def reforecast(campaign_id: str, merchant: MerchantDep, state: StateDep, request: Request,
               runs: Annotated[int, Query(ge=1, le=10)] = 3) -> dict[str, Any]:
    """The campaign re-forecast on the searches it met so far, beside its recorded results.

    It replays the searches logged in the campaign's period through the ad server with the
    click and order models learned before the campaign started; nothing is written.
    """
    row = service.get_campaign(state.store.engine, merchant.id, campaign_id)
    return reforecast_campaign(state.store, row, runs=runs, now=now_for(request, state))


@router.get("/api/campaigns/{campaign_id}/report")
def report(campaign_id: str, merchant: MerchantDep, state: StateDep,
           request: Request) -> dict[str, Any]:
    """The campaign's recorded results, with a chart beside the forecast."""
    row = service.get_campaign(state.store.engine, merchant.id, campaign_id)
    out = campaign_report(state.store.engine, row, now_for(request, state))
    name = f"report-{row.id}.png"
    report_chart(out, state.settings.media_dir / "charts" / name)
    out["chart_url"] = f"/media/charts/{name}"
    return out
