"""One merchant turn in, protocol events out (token, campaign_draft, forecast, campaign, ...)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

from agents.merchant.context import MerchantContext
from agents.merchant.graph import build_graph
from agents.protocol import event
from knowledge.errors import BusyError, ShopmageError
from knowledge.store import Store


def _binary(text: str) -> bool:
    """More than a tenth of the characters are control characters (not text)."""
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t" or ch == "\ufffd")
    return bad > max(1, len(text) // 10)


class MerchantService:
    """Owns the compiled merchant graph; the merchant id always comes from the caller's key."""

    def __init__(self, store: Store, checkpointer: Any = None, *, today: date | None = None,
                 creative_llm: bool = True, forecast_runs: int = 8,
                 simulate: bool = True) -> None:
        """Compile the graph once (``today`` pins the date for evals and tests)."""
        from langgraph.checkpoint.memory import InMemorySaver

        self.store = store
        self.today = today
        self.creative_llm = creative_llm
        self.forecast_runs = forecast_runs
        self.simulate = simulate
        self.max_chars = store.settings.max_message_chars
        self.graph = build_graph(checkpointer or InMemorySaver())

    async def run_turn(self, merchant_id: str, session_id: str,
                       frame: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
        """Run one turn; always ends with ``done``."""
        kind, text = frame.get("type"), str(frame.get("text") or "").strip()
        action = frame.get("action") if kind == "action" else None
        problem = _problem(kind, text, action, self.max_chars)
        if problem:
            yield event("error", code="invalid_request", message=problem)
        else:
            async for payload in self._run(merchant_id, session_id, text, action):
                yield payload
        yield event("done")

    async def _run(self, merchant_id: str, session_id: str, text: str,
                   action: str | None) -> AsyncIterator[dict[str, Any]]:
        ctx = MerchantContext(store=self.store, merchant_id=merchant_id, today=self.today,
                              creative_llm=self.creative_llm,
                              forecast_runs=self.forecast_runs, simulate=self.simulate)
        config = {"configurable": {"thread_id": f"{merchant_id}:{session_id}"}}
        reply = ""
        try:
            async for mode, chunk in self.graph.astream(
                    {"text": text, "action": action, "reply": ""}, config, context=ctx,
                    stream_mode=["custom", "values"]):
                if mode == "custom":
                    yield chunk
                else:
                    reply = chunk.get("reply", "")
        except BusyError as exc:
            yield event("busy", message=str(exc))
            return
        except ShopmageError as exc:
            yield event("error", code="assistant_error", message=str(exc))
            return
        for word in reply.split(" "):
            yield event("token", text=word + " ")


def _problem(kind: object, text: str, action: object, max_chars: int) -> str | None:
    """What is wrong with a frame before any turn runs (None: nothing)."""
    if kind == "message" and not text:
        return "the message is empty"
    if _binary(text):
        return "the message looks like binary data, not text; nothing was changed"
    if len(text) > max_chars:
        return f"the message is {len(text)} characters; the limit is {max_chars}"
    if kind == "action" and action not in ("confirm", "cancel"):
        return f"the merchant chat does not support the action {action!r}"
    return None
