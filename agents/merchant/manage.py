"""Merchant graph nodes for existing campaigns: list, report, pause, resume, update, why.

A change touches one campaign only when the message names exactly one (by id, name or
the products it promotes); none or several: ask, change nothing. "All", "every", "both",
"losing money" and the like list the campaigns affected and wait for confirmation.
"""

from __future__ import annotations

import re
from typing import Any

from langgraph.runtime import Runtime

from agents.merchant.context import MerchantContext
from agents.merchant.emit import emit
from agents.merchant.phrases import chunks, content_tokens
from agents.merchant.resolve import campaigns_named
from agents.merchant.slots import GoalSlots, parse_goal
from agents.merchant.state import MerchantState
from agents.merchant.understand import ALL
from knowledge.ads import totals
from knowledge.campaigns import Campaign
from knowledge.errors import InvalidRequestError, NotFoundError
from tools.campaigns import service

PRONOUN = re.compile(r"\b(it|this one|that one|this campaign|that campaign|the same)\b", re.I)
LOSING = re.compile(r"\b(losing|lose|lost|bleeding|burning) money\b|\bunprofitable\b|"
                    r"\bnot (?:profitable|making money)\b|\bin the red\b|\bmoney pits?\b|"
                    r"\bnegative (?:roi|roas|return)\b", re.I)
BELOW = re.compile(r"\b(?:below|under|less than|<)\s*(?:the\s+|their\s+|its\s+)?target\b|"
                   r"\b(?:missing|not hitting|short of)\s+(?:the\s+|their\s+|its\s+)?target", re.I)
SELECTOR_WORDS = {"profitable", "profit", "lose", "losing", "money", "red", "bleeding", "pit",
                  "negative", "unprofitable", "below", "under", "missing", "hitting", "short",
                  "active", "live", "close", "closing", "holiday"}
BELOW_N = re.compile(r"\b(?:t?roas|roi|return)\s*(?:is\s+|of\s+)?(?:below|under|less than|<)\s*"
                     r"(\d+(?:\.\d+)?)", re.I)
ACTIONABLE = {"pause": "active", "resume": "paused"}
EXPLICIT_CHANGE = re.compile(r"\b(?:campaigns?|promos?|ads)\b|\bc_[0-9a-f]{10}\b|\b(?:raise|lower|"
                             r"increase|decrease|change|set|bump|cut|reduce|double|halve|triple|"
                             r"update|adjust|scale|drop|tweak|add|up the|make the)\b", re.I)


def _line(c: Campaign) -> str:
    return (f"'{c.name}' ({c.id}): {c.status}, budget {c.budget_total:g}, ROI target "
            f"{c.target_roi:g}, {c.start} to {c.end}")


def _changes(c: Campaign, slots: GoalSlots) -> dict[str, float]:
    changes: dict[str, float] = {}
    if slots.budget_total is not None:
        changes["budget_total"] = slots.budget_total
    elif slots.budget_change is not None:
        kind, value = slots.budget_change
        changes["budget_total"] = round(c.budget_total * value if kind == "mul"
                                        else c.budget_total + value, 2)
    if slots.target_roi is not None:
        changes["target_roi"] = slots.target_roi
    return changes


def _apply(ctx: MerchantContext, intent: str, c: Campaign, changes: dict[str, float]) -> Campaign:
    if intent == "update":
        return service.change_campaign(ctx.store.engine, ctx.merchant_id, c.id, "update",
                                       **changes)
    return service.change_campaign(ctx.store.engine, ctx.merchant_id, c.id, intent)


def _roi(stats: dict[str, float]) -> float | None:
    return stats["gmv"] / stats["spend"] if stats["spend"] > 0 else None


def _bulk_selection(ctx: MerchantContext, intent: str, text: str, slots: GoalSlots,
                    campaigns: list[Campaign]) -> list[Campaign]:
    chosen = [c for c in campaigns if c.status == ACTIONABLE.get(intent, c.status)]
    below_n = BELOW_N.search(text)
    if LOSING.search(text) or BELOW.search(text) or below_n:
        stats = totals(ctx.store.engine, [c.id for c in chosen])
        floor = float(below_n.group(1)) if below_n else 1.0
        keep = []
        for c in chosen:
            roi = _roi(stats[c.id])
            limit = c.target_roi if BELOW.search(text) else floor
            if roi is not None and roi < limit:
                keep.append(c)
        chosen = keep
    ref = [t for t in content_tokens(slots.residue) if t not in SELECTOR_WORDS]
    if ref:
        named = {c.id for c in campaigns_named(ctx.store, ctx.merchant_id, campaigns,
                                               " ".join(ref))}
        chosen = [c for c in chosen if c.id in named]
    return chosen


def _bulk(ctx: MerchantContext, intent: str, text: str, slots: GoalSlots,
          campaigns: list[Campaign]) -> dict[str, Any]:
    chosen = _bulk_selection(ctx, intent, text, slots, campaigns)
    if not chosen:
        return {"reply": f"No campaign matches that, so nothing would be {intent}d. Which of "
                         f"your campaigns do you mean?\n" + "\n".join(_line(c) for c in campaigns)}
    changes = {c.id: _changes(c, slots) for c in chosen} if intent == "update" else {}
    if intent == "update" and not any(changes.values()):
        return {"reply": "Tell me the new budget or ROI for them, e.g. 'budget 6000'."}
    verb = {"pause": "paused", "resume": "resumed", "update": "changed"}[intent]
    listing = "\n".join(f"- {_line(c)}" for c in chosen)
    return {"reply": f"These {len(chosen)} campaign(s) would be {verb}:\n{listing}\n"
                     f"Confirm to go ahead, or cancel. Nothing has changed yet.",
            "pending": True, "bulk": {"action": intent, "campaign_ids": [c.id for c in chosen],
                                      "changes": changes}}


def apply_bulk(ctx: MerchantContext, bulk: dict[str, Any]) -> dict[str, Any]:
    """Apply a confirmed bulk change to exactly the campaigns that were listed."""
    done, failed = [], []
    for cid in bulk.get("campaign_ids", []):
        try:
            c = service.get_campaign(ctx.store.engine, ctx.merchant_id, cid)
            c = _apply(ctx, bulk["action"], c, (bulk.get("changes") or {}).get(cid, {}))
            emit("campaign", campaign=c.model_dump(mode="json"))
            done.append(c)
        except (InvalidRequestError, NotFoundError) as exc:
            failed.append(f"{cid}: {exc}")
    reply = "Done:\n" + "\n".join(f"- {_line(c)}" for c in done) if done else "Nothing changed."
    if failed:
        reply += "\nNot changed: " + "; ".join(failed)
    return {"reply": reply, "pending": False, "bulk": None}


def _ask_which(intent: str, ref: str, options: list[Campaign], all_campaigns: list[Campaign],
               changes: dict[str, float]) -> dict[str, Any]:
    if options:
        listing = "\n".join(f"- {_line(c)}" for c in options)
        reply = f"Several campaigns match '{ref}'. Which one do you mean?\n{listing}"
    else:
        listing = "\n".join(f"- {_line(c)}" for c in all_campaigns) or "(none yet)"
        reply = (f"I found no campaign matching '{ref}', so nothing was changed. Which of "
                 f"your campaigns do you mean?\n{listing}")
    pool = options or all_campaigns
    return {"reply": reply, "awaiting": {"intent": intent, "options": [c.id for c in pool],
                                         "changes": changes}}


def _targets(ctx: MerchantContext, state: MerchantState, slots: GoalSlots,
             campaigns: list[Campaign]) -> list[Campaign]:
    if state.get("target"):
        return [c for c in campaigns if c.id == state.get("target")]
    if slots.campaign_id:
        return [service.get_campaign(ctx.store.engine, ctx.merchant_id, slots.campaign_id)]
    if not content_tokens(slots.residue) and not slots.quoted:
        last = state.get("last_campaign")
        if PRONOUN.search(state.get("text", "")) and last:
            return [c for c in campaigns if c.id == last]
        return campaigns  # no words naming one: acted on only if it is the only campaign
    return campaigns_named(ctx.store, ctx.merchant_id, campaigns, slots.residue, slots.quoted)


def manage(state: MerchantState, runtime: Runtime[MerchantContext]) -> dict[str, Any]:
    """List, report on, pause, resume or change campaigns the merchant names."""
    ctx, intent, text = runtime.context, state.get("intent", ""), state.get("text", "")
    campaigns = service.list_campaigns(ctx.store.engine, ctx.merchant_id)
    if intent == "list":
        return {"reply": "\n".join(_line(c) for c in campaigns) or "You have no campaigns yet."}
    slots = parse_goal(text, ctx.day())
    if intent == "report":
        return _report_node(ctx, slots, campaigns, state)
    if ALL.search(text) and not state.get("target"):
        return _bulk(ctx, intent, text, slots, campaigns)
    try:
        targets = _targets(ctx, state, slots, campaigns)
    except NotFoundError as exc:
        return {"reply": f"I can't do that: {exc}."}
    ref = slots.quoted or " ".join(chunks(slots.residue)) or "your campaign"
    pending_changes = (state.get("awaiting") or {}).get("changes") or {}
    if len(targets) != 1:
        changes = _changes(targets[0], slots) if targets else {}
        return _ask_which(intent, ref, targets if len(targets) > 1 else [], campaigns,
                          changes or pending_changes)
    campaign = targets[0]
    changes = _changes(campaign, slots) or pending_changes
    if intent == "update" and not changes:
        return {"reply": f"What should change on '{campaign.name}'? Tell me the new budget or "
                         f"ROI, e.g. 'budget 6000'.", "last_campaign": campaign.id}
    if intent == "update" and not EXPLICIT_CHANGE.search(text) and not state.get("target"):
        return _confirm_change(campaign, changes)
    try:
        campaign = _apply(ctx, intent, campaign, changes)
    except (InvalidRequestError, NotFoundError) as exc:
        return {"reply": f"I can't do that: {exc}.", "awaiting": None}
    emit("campaign", campaign=campaign.model_dump(mode="json"))
    return {"reply": f"Done: {_line(campaign)}.", "last_campaign": campaign.id, "awaiting": None}


def _confirm_change(campaign: Campaign, changes: dict[str, float]) -> dict[str, Any]:
    """Values with products but no word of changing a campaign: it may be a new goal; ask."""
    wanted = ", ".join(f"{k.replace('_total', '').replace('_', ' ')} {v:g}"
                       for k, v in changes.items())
    return {"reply": f"Should I change '{campaign.name}' ({campaign.id}) to {wanted}? Confirm "
                     f"to change it; to plan a new campaign instead, say 'new campaign for ...'. "
                     f"Nothing has changed yet.",
            "pending": True, "last_campaign": campaign.id,
            "bulk": {"action": "update", "campaign_ids": [campaign.id],
                     "changes": {campaign.id: changes}}}


def _report_node(ctx: MerchantContext, slots: GoalSlots, campaigns: list[Campaign],
                 state: MerchantState) -> dict[str, Any]:
    if not campaigns:
        return {"reply": "You have no campaigns yet."}
    named = content_tokens(slots.residue) or slots.quoted or slots.campaign_id
    chosen = campaigns if not named or ALL.search(state.get("text", "")) else \
        _targets(ctx, state, slots, campaigns)
    if not chosen:
        return _ask_which("report", " ".join(chunks(slots.residue)), [], campaigns, {})
    stats = totals(ctx.store.engine, [c.id for c in chosen])
    lines = [report_line(c, stats[c.id]) for c in chosen]
    last = chosen[0].id if len(chosen) == 1 else state.get("last_campaign")
    return {"reply": "\n".join(lines), "last_campaign": last}


def report_line(c: Campaign, stats: dict[str, float]) -> str:
    """One campaign's recorded results, or its forecast when nothing has been recorded."""
    if stats.get("impression") or stats.get("spend"):
        roi = _roi(stats)
        roi_text = f"ROI {roi:.2f}" if roi is not None else "no spend yet"
        return (f"{_line(c)}. Recorded: {stats['impression']:.0f} impressions, "
                f"{stats['click']:.0f} clicks, {stats['order']:.0f} orders, spend "
                f"{stats['spend']:.2f}, GMV {stats['gmv']:.2f}, {roi_text}.")
    f = c.forecast or {}
    if not f.get("p50"):
        return f"{_line(c)}. Nothing recorded yet and no forecast stored."
    p50 = f["p50"]
    return (f"{_line(c)}. Nothing recorded yet; the simulator's forecast: spend "
            f"{p50['spend']:.0f}, GMV {p50['gmv']:.0f}, ROI {p50['roi']:.2f}.")


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
                      "roas 3'), list them, pause or resume them, change their budget or ROI, "
                      "report on them, explain a forecast, suggest who to target ('who should I "
                      "target for the tents?') and write listings, ad copy or banners ('write a "
                      "listing for the headlamps').")}
