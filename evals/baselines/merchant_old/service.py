"""One merchant turn in, protocol events out (token, campaign_draft, forecast, campaign, ...)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from evals.baselines.merchant_old.context import MerchantContext
from evals.baselines.merchant_old.graph import build_graph
from knowledge.errors import BusyError, ShopmageError
from knowledge.store import Store

MAX_CHARS = 2000


class MerchantService:
    """Owns the compiled merchant graph; the merchant id always comes from the caller's key."""

    def __init__(self, store: Store, checkpointer: Any = None) -> None:
        """Compile the graph once."""
        from langgraph.checkpoint.memory import InMemorySaver

        self.store = store
        self.graph = build_graph(checkpointer or InMemorySaver())

    async def run_turn(self, merchant_id: str, session_id: str,
                       frame: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
        """Run one turn; always ends with ``done``."""
        kind, text = frame.get("type"), str(frame.get("text") or "").strip()
        action = frame.get("action") if kind == "action" else None
        if kind == "message" and not text:
            yield {"type": "error", "code": "invalid_request", "message": "the message is empty"}
        elif len(text) > MAX_CHARS:
            yield {"type": "error", "code": "invalid_request",
                   "message": f"the message is {len(text)} characters; the limit is {MAX_CHARS}"}
        elif kind == "action" and action not in ("confirm", "cancel"):
            yield {"type": "error", "code": "invalid_request",
                   "message": f"the merchant chat does not support the action {action!r}"}
        else:
            async for event in self._run(merchant_id, session_id, text, action):
                yield event
        yield {"type": "done"}

    async def _run(self, merchant_id: str, session_id: str, text: str,
                   action: str | None) -> AsyncIterator[dict[str, Any]]:
        ctx = MerchantContext(store=self.store, merchant_id=merchant_id)
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
            yield {"type": "busy", "message": str(exc)}
            return
        except ShopmageError as exc:
            yield {"type": "error", "code": "assistant_error", "message": str(exc)}
            return
        for word in reply.split(" "):
            yield {"type": "token", "text": word + " "}
