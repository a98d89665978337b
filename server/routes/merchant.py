"""Merchant REST (campaigns, simulations, audiences) and the ``/ws/merchant`` chat.

Every route authenticates the ``X-API-Key`` (WebSocket: the first frame,
``{"type": "auth", "api_key": ...}``) and acts only on that merchant's data; another
merchant's campaign is simply "not found".
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, WebSocket
from pydantic import BaseModel, Field

from agents.merchant.service import MerchantService
from agents.protocol import event
from knowledge.checkouts import merchant_sales_by_channel
from knowledge.errors import PermissionDeniedError
from knowledge.merchants import authenticate
from knowledge.models import Merchant
from server.bodies import CampaignPlanIn
from server.checkpoints import close_for, open_for
from server.deps import AppState, MerchantDep, StateDep
from server.sockets import FrameError, guarded_turn, read_frame, send, serve_turns
from tools.campaigns import service
from tools.campaigns.audiences import suggest_audiences
from tools.campaigns.forecasting import forecast_campaign

router = APIRouter(tags=["merchant"])


async def setup(state: AppState) -> None:
    """Compile the merchant graph once over the conversation checkpointer."""
    state.merchant = MerchantService(state.store, await open_for(state, "merchant"))


async def teardown(state: AppState) -> None:
    """Close the checkpointer."""
    await close_for(state, "merchant")


class CampaignChange(BaseModel):
    """A budget or ROI change."""

    budget_total: float | None = Field(default=None, gt=0)
    target_roi: float | None = Field(default=None, gt=0)


class SimulationIn(CampaignPlanIn):
    """A campaign plan to forecast (nothing is written)."""

    budget_daily: float | None = Field(default=None, gt=0)
    runs: int = Field(default=12, ge=1, le=50)


@router.get("/api/merchant/me")
def me(merchant: MerchantDep) -> dict[str, str]:
    """Who this API key belongs to."""
    return {"id": merchant.id, "name": merchant.name}


@router.get("/api/sales/channels")
def sales_channels(merchant: MerchantDep, state: StateDep) -> dict[str, Any]:
    """Orders, units and revenue (minor units) of the merchant's products per sales channel.

    ``ucp_agent`` is what outside AI agents sold over UCP; ``store`` the storefront's own.
    """
    return {"channels": merchant_sales_by_channel(state.store.engine, merchant.id)}


@router.get("/api/campaigns")
def campaigns(merchant: MerchantDep, state: StateDep) -> dict[str, Any]:
    """List the calling merchant's campaigns."""
    rows = service.list_campaigns(state.store.engine, merchant.id)
    return {"items": [c.model_dump(mode="json") for c in rows]}


@router.get("/api/campaigns/{campaign_id}")
def campaign(campaign_id: str, merchant: MerchantDep, state: StateDep) -> dict[str, Any]:
    """One campaign with its audit log."""
    row = service.get_campaign(state.store.engine, merchant.id, campaign_id)
    log = service.audit_log(state.store.engine, merchant.id, campaign_id)
    return {**row.model_dump(mode="json"), "audit": [a.model_dump(mode="json") for a in log]}


@router.post("/api/campaigns/{campaign_id}/{action}")
def change_status(campaign_id: str, action: str, merchant: MerchantDep,
                  state: StateDep) -> dict[str, Any]:
    """Pause or resume a campaign."""
    if action not in ("pause", "resume"):
        from knowledge.errors import NotFoundError

        raise NotFoundError(f"no action {action!r}; use pause or resume")
    row = service.change_campaign(state.store.engine, merchant.id, campaign_id, action)
    return row.model_dump(mode="json")


@router.patch("/api/campaigns/{campaign_id}")
def change(campaign_id: str, body: CampaignChange, merchant: MerchantDep,
           state: StateDep) -> dict[str, Any]:
    """Change a campaign's budget or ROI target."""
    row = service.change_campaign(state.store.engine, merchant.id, campaign_id, "update",
                                  budget_total=body.budget_total, target_roi=body.target_roi)
    return row.model_dump(mode="json")


@router.post("/api/simulations")
def simulate(body: SimulationIn, merchant: MerchantDep, state: StateDep) -> dict[str, Any]:
    """Forecast a plan with the traffic simulator; nothing is stored."""
    draft = service.CampaignDraft(product_ids=body.product_ids, budget_total=body.budget_total,
                                  target_roi=body.target_roi, start=body.start, end=body.end,
                                  budget_daily=body.budget_daily)
    products = service.validate(state.store.engine, merchant.id, draft)
    return forecast_campaign(state.store, products, draft, runs=body.runs)


@router.get("/api/campaigns/{campaign_id}/audiences")
def audiences(campaign_id: str, merchant: MerchantDep, state: StateDep) -> dict[str, Any]:
    """Suggested shopper segments for a campaign's products."""
    row = service.get_campaign(state.store.engine, merchant.id, campaign_id)
    products = service.owned_products(state.store.engine, merchant.id, row.product_ids)
    return {"items": [s.as_dict() for s in suggest_audiences(state.store, products)]}


AUTH_TIMEOUT_S = 10.0


async def _authenticate_first_frame(ws: WebSocket, state: AppState) -> Merchant | None:
    """The merchant named by the first frame, ``{"type": "auth", "api_key": ...}``.

    Keys never travel in the URL, where proxies and access logs record them. A missing,
    malformed or wrong first frame gets an ``unauthorized`` event and close code 4401.
    """
    try:
        raw = await asyncio.wait_for(ws.receive_text(), AUTH_TIMEOUT_S)
        frame = read_frame(raw, state.settings.max_message_chars)
        if frame.get("type") != "auth" or not isinstance(frame.get("api_key"), str):
            raise FrameError("unauthorized", 'the first frame must be {"type": "auth", '
                             '"api_key": "..."}')
        return authenticate(state.store.engine, frame["api_key"])
    except (FrameError, PermissionDeniedError, TimeoutError) as exc:
        reason = str(exc) or "no auth frame within 10 seconds"
        await send(ws, event("error", code="unauthorized", message=reason))
    await ws.close(code=4401)
    return None


@router.websocket("/ws/merchant")
async def merchant_socket(ws: WebSocket, api_key: Annotated[str | None, Query()] = None) -> None:
    """The merchant chat: an ``auth`` frame first, then one streamed turn per frame."""
    state: AppState = ws.app.state.shopmage
    await ws.accept()
    if api_key is not None:
        await send(ws, event("error", code="key_in_url", message=(
            "API keys are not accepted in the URL (proxies and logs record URLs); connect "
            'without it and send {"type": "auth", "api_key": "..."} as the first frame')))
        await ws.close(code=4400)
        return
    merchant = await _authenticate_first_frame(ws, state)
    if merchant is None:
        return
    session = uuid.uuid4().hex[:12]
    await send(ws, event("session", session_id=session))
    svc = state.merchant_service()
    await serve_turns(ws, lambda raw: guarded_turn(
        ws, raw, max_chars=state.settings.max_message_chars,
        allow=lambda: state.merchant_limits.allow(session),
        run=lambda frame: svc.run_turn(merchant.id, session, frame),
        engine=state.store.engine, what=f"merchant session {session}"))
