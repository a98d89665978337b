"""Graph nodes: understand -> (clarify | act) -> respond. Short functions over plain dicts."""

from __future__ import annotations

import re
import time
from typing import Any, Literal

from langgraph.config import get_stream_writer
from langgraph.runtime import Runtime
from langgraph.types import Command

from agents.protocol import event
from agents.shopper.actions import act as run_action
from agents.shopper.context import ShopperContext
from agents.shopper.guard import Grounding, StreamingGuard
from agents.shopper.honesty import grounding_extras, results_summary
from agents.shopper.policy import order_plan, policy_note, policy_plan
from agents.shopper.prompts import chat_messages, reply_messages
from agents.shopper.state import ShopperState
from agents.shopper.turn import Plan, Understanding
from agents.shopper.understand import clarification_for, understand_text


def _turn_input(state: ShopperState) -> tuple[str, dict[str, Any]]:
    action = state.get("action") or {}
    if action.get("action") == "choose":
        pending = state.get("pending_query") or ""
        return f"{pending} {action.get('value') or ''}".strip(), {}
    return (state.get("user") or "").strip(), action


POLICY_INTENTS = ("policy_question", "order_status")


def understand(state: ShopperState, runtime: Runtime[ShopperContext]
               ) -> Command[Literal["clarify", "act", "policy"]]:
    """Route the message (safety rules + trained model) and parse its slots; pick the step."""
    ctx = runtime.context
    started = time.perf_counter()
    text, action = _turn_input(state)
    if action.get("action") in ("add_to_cart", "remove_from_cart"):
        turn: Understanding = {
            "intent": action["action"], "routed": action["action"], "confidence": 1.0,
            "source": "action", "slots": {}, "vague": False, "text": text,
            "product_id": action.get("product_id"), "quantity": action.get("quantity")}
    else:
        turn = understand_text(ctx.router, ctx.vocabulary, text, dict(state))
    answering = state.get("last_clarified") and state.get("pending_query")
    if (state.get("action") or {}).get("action") == "choose":
        turn.update({"intent": "search", "vague": False})
    elif answering and turn["intent"] in ("search", "refine"):
        text = f"{state.get('pending_query')} {text}"
        turn = understand_text(ctx.router, ctx.vocabulary, text, dict(state))
        turn.update({"intent": "search", "vague": False})
    turn["timing"] = {"understand_ms": (time.perf_counter() - started) * 1000}
    goto: Literal["clarify", "act", "policy"] = (
        "clarify" if turn["vague"] else "policy" if turn["intent"] in POLICY_INTENTS else "act")
    return Command(update={"turn": turn}, goto=goto)


def answer_policy(state: ShopperState, runtime: Runtime[ShopperContext]) -> dict[str, Any]:
    """Quote the store's policy (or hand an order question over); never invent either."""
    started = time.perf_counter()
    turn = state["turn"].copy()
    book = runtime.context.policy_book()
    plan = (order_plan(book) if turn["intent"] == "order_status"
            else policy_plan(book, turn["text"]))
    write = get_stream_writer()
    for extra in plan.get("events", []):
        write(extra)
    turn["plan"] = plan
    turn["timing"]["act_ms"] = (time.perf_counter() - started) * 1000
    return {"turn": turn}


def clarify(state: ShopperState, runtime: Runtime[ShopperContext]) -> dict[str, Any]:
    """Ask one short question with concrete options (never twice in a row)."""
    turn = state["turn"].copy()
    question, options = clarification_for(turn["text"], runtime.context.vocabulary)
    get_stream_writer()(event("clarification", question=question, options=options))
    turn["plan"] = {"clarification": {"question": question, "options": options}}
    return {"turn": turn, "last_clarified": True, "pending_query": turn["text"],
            "reply": question,
            "messages": [{"role": "user", "content": turn["text"]},
                         {"role": "assistant", "content": question}]}


def act(state: ShopperState, runtime: Runtime[ShopperContext]) -> dict[str, Any]:
    """Call the tool the router chose; emit products / cart events at once."""
    started = time.perf_counter()
    turn = state["turn"].copy()
    plan = run_action(runtime.context, dict(state), turn)
    if turn["intent"] == "product_question" and plan.get("cards"):
        _add_policy_note(runtime.context, turn["text"], plan)
    write = get_stream_writer()
    if plan.get("cards"):
        write(event("products", items=plan["cards"]))
    for extra in plan.get("events", []):
        write(extra)
    if plan.get("error") and turn.get("source") == "action":
        write(event("error", code="invalid_request", message=plan["error"]))
    update: dict[str, Any] = dict(plan.pop("state", {}))
    if plan.get("cards") and not plan.get("keep_results"):
        update["last_results"] = [c["id"] for c in plan["cards"]]
        update["last_prices"] = [c["price"] for c in plan["cards"] if c["price"] is not None]
        update["focus"] = None
    turn["plan"] = plan
    turn["timing"]["act_ms"] = (time.perf_counter() - started) * 1000
    update["turn"] = turn
    return update


def _add_policy_note(ctx: ShopperContext, text: str, plan: Plan) -> None:
    """A product question about shipping, returns or payment also quotes that policy."""
    note = policy_note(ctx.policy_book(), text)
    if note:
        plan["template"] = f"{plan.get('template', '')} {note['sentence']}".strip()
        plan.setdefault("events", []).append(note["event"])
        plan["llm"] = False


def _grounding(ctx: ShopperContext, state: ShopperState, plan: Plan) -> Grounding:
    c = state.get("constraints") or {}
    numbers = [c[k] for k in ("min_price", "max_price") if c.get(k) is not None]
    numbers += [float(n) for n in re.findall(r"\d+(?:\.\d+)?", state["turn"].get("text", ""))]
    types, tags = grounding_extras(ctx.store, ctx.vocabulary, plan)
    return Grounding.from_cards(plan.get("cards", []), ctx.vocabulary.brands.values(), numbers,
                                type_terms=types, card_tags=tags)


def _summary(plan: Plan, state: ShopperState) -> str:
    """What was found, named by the real product types of the cards (never the request)."""
    return results_summary(plan.get("cards", [])) or "no products"


async def respond(state: ShopperState, runtime: Runtime[ShopperContext]) -> dict[str, Any]:
    """Stream the reply: model wording where allowed (guarded per sentence) + grounded facts."""
    ctx, turn = runtime.context, state["turn"].copy()
    plan, write = turn["plan"], get_stream_writer()
    text, llm_ms, dropped = "", 0.0, []
    if plan.get("llm") and ctx.use_llm:
        guard = StreamingGuard(_grounding(ctx, state, plan))
        messages = (chat_messages(turn["text"]) if plan.get("chat")
                    else reply_messages(turn["text"], _summary(plan, state)))
        started = time.perf_counter()
        async for token in ctx.store.llm.astream(messages, max_tokens=ctx.max_reply_tokens,
                                                 temperature=0.0):
            if released := guard.feed(token):
                write(event("token", text=released))
                break  # one sentence is all we ask for; leaving stops the model
        if not guard.shown and (released := guard.finish()):
            write(event("token", text=released))
        llm_ms = (time.perf_counter() - started) * 1000
        text, dropped = guard.text, guard.dropped
    tail = _template_tail(plan, bool(text))
    if tail:
        write(event("token", text=(" " if text else "") + tail))
        text = f"{text} {tail}".strip()
    turn["timing"]["llm_ms"] = llm_ms
    turn["dropped"] = dropped
    return {"turn": turn, "reply": text, "last_clarified": False, "pending_query": None,
            "messages": [{"role": "user", "content": turn["text"]},
                         {"role": "assistant", "content": text}]}


def _template_tail(plan: Plan, has_llm_text: bool) -> str:
    """Pick the grounded facts after the model's sentence (all of the template when it had none)."""
    template = str(plan.get("template", ""))
    if not has_llm_text or not plan.get("llm"):
        return template
    if plan.get("chat"):
        return ""
    sentences = re.split(r"(?<=[.!?])\s+", template)
    return " ".join(sentences[1:]) if len(sentences) > 1 else ""
