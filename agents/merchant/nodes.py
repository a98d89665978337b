"""Merchant graph nodes: understand, ask, propose (draft + forecast), confirm, cancel.

Every write happens in ``confirm`` (a shown draft or a listed bulk change) or in ``manage``
for one campaign the merchant named unambiguously.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from langgraph.runtime import Runtime

from agents.merchant.context import MerchantContext
from agents.merchant.emit import emit
from agents.merchant.manage import apply_bulk
from agents.merchant.phrases import chunks
from agents.merchant.resolve import campaigns_named, find_products
from agents.merchant.slots import GoalSlots, parse_goal
from agents.merchant.state import MerchantState
from agents.merchant.understand import understand_merchant
from knowledge.errors import InvalidRequestError, NotFoundError
from tools.campaigns import service
from tools.campaigns.audiences import suggest_audiences
from tools.campaigns.forecasting import forecast_campaign

DEFAULT_DAYS = 30
REQUIRED = ("product_ids", "budget_total", "target_roi")
QUESTIONS = {"product_ids": "Which of your products should the campaign promote?",
             "budget_total": "What total budget should it have?",
             "target_roi": "What return must it reach at least (ROAS = GMV / spend, e.g. "
                           "'roas 3')?"}
FOLLOW_UP = ("update", "chat", "create")
EXISTING = re.compile(r"\b(?:the|my|our|this|that)\s+([\w&' -]{2,40}?)\s+(?:campaign|promo|ads)\b",
                      re.I)


def _merge_values(draft: dict[str, Any], slots: GoalSlots) -> None:
    for key in ("budget_total", "budget_daily", "target_roi"):
        if getattr(slots, key) is not None:
            draft[key] = getattr(slots, key)
    if slots.start:
        draft["start"] = slots.start.isoformat()
        draft["end"] = slots.end.isoformat() if slots.end else None
        draft["days"] = slots.days


def _merge_products(ctx: MerchantContext, draft: dict[str, Any], slots: GoalSlots) -> None:
    if not chunks(slots.residue):
        return
    found = find_products(ctx.store, ctx.merchant_id, slots.residue)
    if found.products:
        draft["product_ids"] = [p.id for p in found.products]
        draft["product_titles"] = [p.title for p in found.products]
        draft["product_phrase"] = found.phrase
    elif not draft.get("product_ids"):
        draft["product_phrase"] = " / ".join(found.tried)


def understand(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Read the message: intent (model + safety rules), values, and the products it names."""
    ctx, text = runtime.context, state.get("text", "")
    pending = bool(state.get("pending"))
    update: dict[str, Any] = {"target": None}
    if state.get("action"):
        intent, confidence = str(state.get("action")), 1.0
    else:
        read = understand_merchant(text, today=ctx.day(), pending=pending,
                                   embedder=ctx.store.embedder, settings=ctx.store.settings)
        intent, confidence = read["intent"], read["confidence"]
    slots = parse_goal(text, ctx.day())
    awaiting = state.get("awaiting")
    update["awaiting"] = None  # a question about which campaign holds for one turn
    if awaiting and intent in (awaiting.get("intent"), "chat"):
        picked = _pick(ctx, awaiting, slots)
        if picked:
            intent, update["target"], update["awaiting"] = awaiting["intent"], picked, awaiting
    draft = dict(state.get("draft") or {})
    collecting = bool(draft) and not awaiting and not state.get("bulk")
    if collecting and intent in FOLLOW_UP and (slots.found or not chunks(slots.residue)):
        intent = "create"  # a value for the draft being collected ("3000", "roas 3")
    if intent == "create" and _changes_existing(ctx, text, slots):
        intent = "update"  # "make the tents campaign 5,000": a change to a campaign that exists
    if intent == "create":
        _merge_values(draft, slots)
        _merge_products(ctx, draft, slots)
    update.update(intent=intent, confidence=confidence, draft=draft)
    if intent not in ("confirm", "cancel") and pending:
        update.update(pending=False, bulk=None)  # a new request drops what was awaiting
    return update


def _changes_existing(ctx: MerchantContext, text: str, slots: GoalSlots) -> bool:
    """The message gives new values for "the X campaign", and such a campaign exists."""
    named = EXISTING.search(text)
    if not named or not (slots.found or slots.budget_change):
        return False
    campaigns = service.list_campaigns(ctx.store.engine, ctx.merchant_id)
    return bool(campaigns_named(ctx.store, ctx.merchant_id, campaigns, named.group(1)))


def _pick(ctx: MerchantContext, awaiting: dict[str, Any], slots: GoalSlots) -> str | None:
    """The one campaign, among those just offered, that a follow-up names."""
    options = [c for c in service.list_campaigns(ctx.store.engine, ctx.merchant_id)
               if c.id in awaiting.get("options", [])]
    picked = campaigns_named(ctx.store, ctx.merchant_id, options, slots.residue, slots.quoted)
    return picked[0].id if len(picked) == 1 else None


def next_step(state: MerchantState) -> str:
    """Where the turn goes after understanding."""
    intent = state.get("intent", "chat")
    if intent == "create":
        return "ask" if _missing(state.get("draft") or {}) else "propose"
    return {"confirm": "confirm", "cancel": "cancel", "pause": "manage", "resume": "manage",
            "update": "manage", "list": "manage", "report": "manage", "why": "why",
            "audience": "audience", "creative": "creative"}.get(intent, "chat")


def _missing(draft: dict[str, Any]) -> list[str]:
    have_total = draft.get("budget_total") is not None or (
        draft.get("budget_daily") and draft.get("days"))
    return [k for k in REQUIRED if not (have_total if k == "budget_total" else
                                        draft.get(k) is not None and draft.get(k) != [])]


def ask(state: MerchantState) -> dict[str, Any]:
    """Ask for the first missing value, saying what was understood so far."""
    draft = state.get("draft") or {}
    missing = _missing(draft)
    if "product_ids" in missing and draft.get("product_phrase"):
        question = (f"I found none of your products matching '{draft['product_phrase']}'. "
                    + QUESTIONS["product_ids"])
    else:
        question = QUESTIONS[missing[0]]
    got = [f"{k.replace('_', ' ')} {draft[k]:g}" for k in ("budget_total", "target_roi")
           if isinstance(draft.get(k), int | float)]
    if draft.get("product_titles"):
        got.insert(0, f"{len(draft['product_titles'])} product(s) like "
                      f"'{draft['product_titles'][0]}'")
    prefix = f"So far: {', '.join(got)}. " if got else ""
    return {"reply": prefix + question, "pending": False}


def _complete(draft: dict[str, Any], today: date) -> list[str]:
    """Fill what the merchant may leave out; return what was assumed, in words."""
    assumed = []
    if not draft.get("start"):
        draft["start"] = (today + timedelta(days=1)).isoformat()
        assumed.append("starting tomorrow")
    if not draft.get("end"):
        days = int(draft.get("days") or DEFAULT_DAYS)
        draft["end"] = (date.fromisoformat(draft["start"]) + timedelta(days=days - 1)).isoformat()
        if not draft.get("days"):
            assumed.append(f"running {DEFAULT_DAYS} days")
    draft["days"] = (date.fromisoformat(draft["end"]) - date.fromisoformat(draft["start"])).days + 1
    if draft.get("budget_total") is None and draft.get("budget_daily"):
        draft["budget_total"] = float(draft["budget_daily"]) * draft["days"]
        assumed.append(f"a total of {draft['budget_total']:g} ({draft['budget_daily']:g} a day)")
    return assumed


def _draft(d: dict[str, Any]) -> service.CampaignDraft:
    return service.CampaignDraft(
        product_ids=list(d["product_ids"]), budget_total=float(d["budget_total"]),
        target_roi=float(d["target_roi"]), start=date.fromisoformat(d["start"]),
        end=date.fromisoformat(d["end"]), budget_daily=d.get("budget_daily"))


def propose(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Validate, simulate and show the draft; infeasible targets create nothing."""
    ctx = runtime.context
    draft = dict(state.get("draft") or {})
    assumed = _complete(draft, ctx.day())
    try:
        products = service.validate(ctx.store.engine, ctx.merchant_id, _draft(draft))
    except (InvalidRequestError, NotFoundError) as exc:
        text = str(exc)
        bad = "budget_total" if "budget" in text else "target_roi" if "ROI" in text else None
        if bad:
            draft.pop(bad, None)
        return {"reply": f"I can't plan that: {exc}.", "draft": draft, "pending": False}
    note = f" (I assumed {', '.join(assumed)}; say so to change it.)" if assumed else ""
    shown = (f"Draft: {len(products)} product(s), budget {draft['budget_total']:g} from "
             f"{draft['start']} to {draft['end']}, ROI target {draft['target_roi']:g}.{note}")
    if not ctx.simulate:
        emit("campaign_draft", draft=draft)
        return {"reply": f"{shown} Confirm to create it, or cancel.", "draft": draft,
                "pending": True, "forecast": None}
    forecast = forecast_campaign(ctx.store, products, _draft(draft), runs=ctx.forecast_runs)
    if not forecast["feasible"]:
        draft.pop("target_roi", None)
        return {"reply": (f"An ROI of {forecast['target_roi']:g} is not reachable for these "
                          f"products: the simulator's best achievable ROI is "
                          f"{forecast['best_roi']:.2f}. Nothing was created; give a lower target."),
                "draft": draft, "pending": False, "forecast": forecast}
    draft["audiences"] = [s.as_dict() for s in suggest_audiences(ctx.store, products)]
    emit("campaign_draft", draft=draft)
    emit("forecast", forecast=forecast, chart_url=forecast.get("chart_url"))
    p50 = forecast["p50"]
    return {"reply": (f"{shown} Forecast (median of {forecast['runs']} simulations): spend "
                      f"{p50['spend']:.0f}, GMV {p50['gmv']:.0f}, ROI {p50['roi']:.2f}. "
                      f"Confirm to create it, or cancel."),
            "draft": draft, "pending": True, "forecast": forecast}


def confirm(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Create the shown draft, or apply the listed bulk change: the confirmed writes."""
    ctx = runtime.context
    if state.get("bulk"):
        return apply_bulk(ctx, state.get("bulk") or {})
    if not state.get("pending") or not state.get("draft"):
        return {"reply": "There is nothing waiting for confirmation.", "pending": False}
    draft = state["draft"] or {}
    plan = _draft(draft)
    plan.audiences = draft.get("audiences", [])
    campaign = service.create_campaign(ctx.store.engine, ctx.merchant_id, plan,
                                       state.get("forecast") or {})
    emit("campaign", campaign=campaign.model_dump(mode="json"))
    return {"reply": f"Campaign {campaign.id} '{campaign.name}' is live.", "pending": False,
            "draft": None, "last_campaign": campaign.id}


def cancel(state: MerchantState) -> dict[str, Any]:
    """Drop the shown draft or listed change; nothing was written."""
    what = "changed" if state.get("bulk") else "created"
    return {"reply": f"Cancelled; nothing was {what}.", "pending": False, "draft": None,
            "bulk": None}
