"""Merchant graph nodes for existing campaigns: list, pause, resume, update, report, why."""

from __future__ import annotations

import re
from typing import Any

from langgraph.runtime import Runtime

from evals.baselines.merchant_old.context import MerchantContext
from evals.baselines.merchant_old.nodes import _emit
from evals.baselines.merchant_old.slots import parse_goal
from evals.baselines.merchant_old.state import MerchantState
from knowledge.campaigns import Campaign
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.text import tokens
from tools.campaigns import service

CAMPAIGN_ID = re.compile(r"\bc_[0-9a-f]{10}\b")


def _which(ctx: MerchantContext, text: str, last: str | None) -> Campaign:
    campaigns = service.list_campaigns(ctx.store.engine, ctx.merchant_id)
    named = CAMPAIGN_ID.search(text)
    if named:
        return service.get_campaign(ctx.store.engine, ctx.merchant_id, named.group(0))
    words = set(tokens(text)) - {"campaign", "pause", "resume", "budget", "roi", "report"}
    scored = [(len(words & set(tokens(c.name))), c) for c in campaigns]
    best = max(scored, key=lambda s: s[0], default=(0, None))
    if best[0] > 0 and best[1] is not None:
        return best[1]
    if last:
        return service.get_campaign(ctx.store.engine, ctx.merchant_id, last)
    if len(campaigns) == 1:
        return campaigns[0]
    raise NotFoundError("which campaign do you mean? Name it or give its id (c_...)")


def _line(c: Campaign) -> str:
    return (f"{c.id} '{c.name}': {c.status}, budget {c.budget_total:g}, ROI target "
            f"{c.target_roi:g}, {c.start} to {c.end}")


def manage(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """List, pause, resume, change budget/ROI, or report on a campaign."""
    ctx, intent, text = runtime.context, state.get("intent", ""), state.get("text", "")
    if intent == "list":
        campaigns = service.list_campaigns(ctx.store.engine, ctx.merchant_id)
        return {"reply": "\n".join(_line(c) for c in campaigns) or "You have no campaigns yet."}
    try:
        campaign = _which(ctx, text, state.get("last_campaign"))
        if intent in ("pause", "resume"):
            campaign = service.change_campaign(ctx.store.engine, ctx.merchant_id, campaign.id,
                                               intent)
        elif intent == "update":
            slots = parse_goal(text)
            if slots.budget_total is None and slots.target_roi is None:
                raise InvalidRequestError("tell me the new budget or ROI, e.g. 'budget 6000'")
            campaign = service.change_campaign(ctx.store.engine, ctx.merchant_id, campaign.id,
                                               "update", budget_total=slots.budget_total,
                                               target_roi=slots.target_roi)
    except (InvalidRequestError, NotFoundError) as exc:
        return {"reply": f"I can't do that: {exc}."}
    if intent == "report":
        return {"reply": _report(campaign), "last_campaign": campaign.id}
    _emit("campaign", campaign=campaign.model_dump(mode="json"))
    return {"reply": f"Done: {_line(campaign)}.", "last_campaign": campaign.id}


def _report(c: Campaign) -> str:
    f = c.forecast or {}
    if not f.get("p50"):
        return f"{_line(c)}. No forecast is stored for it."
    p10, p50, p90 = f["p10"], f["p50"], f["p90"]
    return (f"{_line(c)}. No live traffic is recorded yet, so this is the simulator's forecast: "
            f"spend {p50['spend']:.0f} (p10 {p10['spend']:.0f}, p90 {p90['spend']:.0f}), GMV "
            f"{p50['gmv']:.0f} (p10 {p10['gmv']:.0f}, p90 {p90['gmv']:.0f}), ROI {p50['roi']:.2f}, "
            f"orders {p50['orders']:.0f}.")


def why(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Answer a "why" from the simulator's numbers for the draft or campaign at hand."""
    forecast = state.get("forecast")
    if not forecast and state.get("last_campaign"):
        forecast = service.get_campaign(runtime.context.store.engine, runtime.context.merchant_id,
                                        state["last_campaign"] or "").forecast
    if not forecast or not forecast.get("p50"):
        return {"reply": "There is no forecast to explain yet; describe a campaign first."}
    p50 = forecast["p50"]
    return {"reply": (
        f"The simulator ran {forecast.get('runs', '?')} seeded traffic scenarios. In the median "
        f"one the bidder won {p50['impressions']:.0f} impressions, {p50['clicks']:.0f} clicks and "
        f"{p50['orders']:.0f} orders: spend {p50['spend']:.0f} for GMV {p50['gmv']:.0f}, so ROI "
        f"{p50['roi']:.2f} against a target of {forecast.get('target_roi', 0):g}. Bids are "
        f"capped at expected order value / target ROI, which is why spend can stay under budget.")}


def chat(state: MerchantState) -> dict[str, Any]:
    """Anything else: say what the assistant can do."""
    return {"reply": ("I can plan campaigns ('promote the yoga mats, budget 3000 over two weeks, "
                      "ROI at least 3'), list them, pause or resume them, change their budget or "
                      "ROI, report on them and explain the forecast.")}
