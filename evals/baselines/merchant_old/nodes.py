"""Merchant graph nodes: understand, ask, propose (draft + forecast), confirm, manage, respond.

Every write happens in ``confirm`` and only after a shown draft was confirmed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from langgraph.config import get_stream_writer
from langgraph.runtime import Runtime
from sqlmodel import Session, select

from evals.baselines.merchant_old.context import MerchantContext
from evals.baselines.merchant_old.intents import route
from evals.baselines.merchant_old.slots import parse_goal
from evals.baselines.merchant_old.state import MerchantState
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product
from knowledge.search import SearchFilters
from knowledge.text import tokens
from tools.campaigns import service
from tools.campaigns.audiences import suggest_audiences
from tools.campaigns.forecasting import forecast_campaign

REQUIRED = ("product_ids", "budget_total", "target_roi", "start")
QUESTIONS = {"product_ids": "Which of your products should the campaign promote?",
             "budget_total": "What total budget should it have?",
             "target_roi": "What ROI (GMV / spend) must it reach at least?",
             "start": "Over what period should it run (e.g. 'over two weeks')?"}


def _emit(kind: str, **data: Any) -> None:
    get_stream_writer()({"type": kind, **data})


def _own_products(ctx: MerchantContext, phrase: str) -> list[Product]:
    with Session(ctx.store.engine) as session:
        ids = tuple(session.exec(select(Product.id).where(Product.merchant_id == ctx.merchant_id)))
    if not ids:
        return []
    hits = ctx.store.search.search(phrase, SearchFilters(product_ids=ids), k=3,
                                   use_knowledge=False)
    words = set(tokens(phrase))  # a product must share a word with the phrase, not just be near
    return [h.product for h in hits if words & set(tokens(
        f"{h.product.title} {h.product.brand} {h.product.attributes.get('type', '')}"))]


def understand(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Route the message and merge any campaign slots it names into the draft."""
    text = state.get("text", "")
    pending = bool(state.get("pending"))
    intent = state.get("action") or route(text, pending)
    draft = dict(state.get("draft") or {})
    if intent in ("create", "chat", "update") and text:
        slots = parse_goal(text, date.today())
        if intent == "update":
            return {"intent": intent, "draft": draft, "update": slots}
        for key in ("budget_total", "budget_daily", "target_roi"):
            if getattr(slots, key) is not None:
                draft[key] = getattr(slots, key)
        if slots.start and slots.end:
            draft["start"], draft["end"] = slots.start.isoformat(), slots.end.isoformat()
        if slots.product_phrase:
            products = _own_products(runtime.context, slots.product_phrase)
            draft["product_ids"] = [p.id for p in products]
            draft["product_titles"] = [p.title for p in products]
            draft["product_phrase"] = slots.product_phrase
        if slots.found:
            intent = "create"
    return {"intent": intent, "draft": draft}


def next_step(state: MerchantState) -> str:
    """Where the turn goes after understanding."""
    intent = state.get("intent", "chat")
    if intent == "create":
        missing = [k for k in REQUIRED if not (state.get("draft") or {}).get(k)]
        return "ask" if missing else "propose"
    return {"confirm": "confirm", "cancel": "cancel", "pause": "manage", "resume": "manage",
            "update": "manage", "list": "manage", "report": "manage",
            "why": "why"}.get(intent, "chat")


def ask(state: MerchantState) -> dict[str, Any]:
    """Ask for the first missing slot (with what was understood so far)."""
    draft = state.get("draft") or {}
    missing = [k for k in REQUIRED if not draft.get(k)]
    if "product_ids" in missing and draft.get("product_phrase"):
        return {"reply": f"I found none of your products matching '{draft['product_phrase']}'. "
                         + QUESTIONS["product_ids"], "pending": False}
    return {"reply": QUESTIONS[missing[0]], "pending": False}


def _draft(d: dict[str, Any]) -> service.CampaignDraft:
    return service.CampaignDraft(
        product_ids=list(d["product_ids"]), budget_total=float(d["budget_total"]),
        target_roi=float(d["target_roi"]), start=date.fromisoformat(d["start"]),
        end=date.fromisoformat(d["end"]), budget_daily=d.get("budget_daily"))


def propose(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Validate, simulate and show the draft; infeasible targets create nothing."""
    ctx = runtime.context
    draft = dict(state.get("draft") or {})
    try:
        products = service.validate(ctx.store.engine, ctx.merchant_id, _draft(draft))
    except (InvalidRequestError, NotFoundError) as exc:
        text = str(exc)
        bad = "budget_total" if "budget" in text else "target_roi" if "ROI" in text else None
        if bad:
            draft.pop(bad, None)
        return {"reply": f"I can't plan that: {exc}.", "draft": draft, "pending": False}
    forecast = forecast_campaign(ctx.store, products, _draft(draft), runs=ctx.forecast_runs)
    if not forecast["feasible"]:
        draft.pop("target_roi", None)
        return {"reply": (f"An ROI of {forecast['target_roi']:g} is not reachable for these "
                          f"products: the simulator's best achievable ROI is "
                          f"{forecast['best_roi']:.2f}. Nothing was created; give a lower target."),
                "draft": draft, "pending": False, "forecast": forecast}
    draft["audiences"] = [s.as_dict() for s in suggest_audiences(ctx.store, products)]
    _emit("campaign_draft", draft=draft)
    _emit("forecast", forecast=forecast, chart_url=forecast.get("chart_url"))
    p50 = forecast["p50"]
    return {"reply": (f"Draft: {len(products)} product(s), budget {draft['budget_total']:g} from "
                      f"{draft['start']} to {draft['end']}, ROI target {draft['target_roi']:g}. "
                      f"Forecast (median of {forecast['runs']} simulations): spend "
                      f"{p50['spend']:.0f}, GMV {p50['gmv']:.0f}, ROI {p50['roi']:.2f}. "
                      f"Confirm to create it, or cancel."),
            "draft": draft, "pending": True, "forecast": forecast}


def confirm(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """Create the shown draft: the only node that writes a campaign."""
    ctx = runtime.context
    if not state.get("pending") or not state.get("draft"):
        return {"reply": "There is no draft to confirm."}
    draft = state["draft"] or {}
    plan = _draft(draft)
    plan.audiences = draft.get("audiences", [])
    campaign = service.create_campaign(ctx.store.engine, ctx.merchant_id, plan,
                                       state.get("forecast") or {})
    _emit("campaign", campaign=campaign.model_dump(mode="json"))
    return {"reply": f"Campaign {campaign.id} '{campaign.name}' is live.", "pending": False,
            "draft": None, "last_campaign": campaign.id}


def cancel(state: MerchantState) -> dict[str, Any]:
    """Drop the shown draft; nothing was written."""
    return {"reply": "Cancelled; nothing was created.", "pending": False, "draft": None}
