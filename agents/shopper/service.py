"""The streaming interface the server (and evals) use: one turn in, protocol events out."""

from __future__ import annotations

import asyncio
import time
import weakref
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from cachetools import LRUCache
from pydantic import ValidationError

from agents.protocol import ClientFrame, event
from agents.shopper.context import ShopperContext
from agents.shopper.graph import build_graph
from agents.understanding.explain import message_problem
from agents.understanding.router import IntentRouter
from agents.understanding.vocabulary import Vocabulary, vocabulary_from_engine
from knowledge.errors import BusyError, ShopmageError
from knowledge.policies import PolicyBook
from knowledge.store import Store

LAST_STATS_KEPT = 1024  # sessions whose last turn's stats evals and benches can read


@dataclass
class TurnStats:
    """What one turn did and how long it took (for evals and logs)."""

    intent: str = ""
    slots: dict[str, Any] = field(default_factory=dict)
    reply: str = ""
    cards: list[dict[str, Any]] = field(default_factory=list)
    clarified: bool = False
    ttft_ms: float | None = None
    total_ms: float = 0.0
    llm_ms: float = 0.0
    dropped: list[str] = field(default_factory=list)
    turn: dict[str, Any] = field(default_factory=dict)


class StoreModel:
    """The store's model, loaded only when first asked (for the router's fallback)."""

    def __init__(self, store: Store) -> None:
        """Remember the store."""
        self.store = store

    def complete_json(self, messages: list[dict[str, str]], schema: dict[str, Any],
                      **kwargs: Any) -> dict[str, Any]:
        """Schema-constrained completion on the store's model."""
        return self.store.llm.complete_json(messages, schema, **kwargs)


class ShopperService:
    """Owns the compiled graph, router and vocabulary; one instance per process."""

    def __init__(self, store: Store, checkpointer: Any = None, *, use_llm: bool = True,
                 router: IntentRouter | None = None, vocabulary: Vocabulary | None = None,
                 max_message_chars: int | None = None, llm_fallback: bool = False) -> None:
        """Build the router (embedding the exemplars once) and compile the graph.

        ``llm_fallback`` lets the router ask the model (under a JSON schema) when its
        embedding vote is unsure. Off by default: measured with SmolLM2-135M on the
        ``shopper`` suite it lowered routing accuracy (see the suite's router ablation);
        turn it on with a bigger model. ``use_llm=False`` replies from templates only.
        """
        self.store = store
        fallback = StoreModel(store) if (llm_fallback and use_llm) else None
        self.router = router or IntentRouter(store.embedder, fallback,
                                             cache_dir=store.settings.model_cache_dir)
        self.policies = PolicyBook.for_settings(store.settings, store.embedder)
        self.vocabulary = vocabulary or vocabulary_from_engine(store.engine)
        self._vocab_size = len(store.search.index)
        self.graph = build_graph(checkpointer)
        self.use_llm = use_llm
        self.max_chars = max_message_chars or store.settings.max_message_chars
        # Bounded: stats of the most recent sessions only; a lock lives while a turn holds it.
        self.last: LRUCache[str, TurnStats] = LRUCache(maxsize=LAST_STATS_KEPT)
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = (
            weakref.WeakValueDictionary())

    def refresh_vocabulary(self) -> None:
        """Re-read brands, categories and features after the catalogue changed."""
        self.vocabulary = vocabulary_from_engine(self.store.engine)
        self._vocab_size = len(self.store.search.index)

    def _check(self, frame: ClientFrame | dict[str, Any]) -> ClientFrame:
        if isinstance(frame, dict):
            frame = ClientFrame.model_validate(frame)
        if frame.type == "message":
            problem = message_problem(frame.text or "", self.max_chars)
            if problem:
                raise ValueError(problem)
        elif frame.action in ("add_to_cart", "remove_from_cart") and not frame.product_id:
            raise ValueError(f"the {frame.action} action needs a product_id")
        elif frame.action == "choose" and not (frame.value or "").strip():
            raise ValueError("the choose action needs a value")
        elif frame.action not in ("add_to_cart", "remove_from_cart", "choose"):
            raise ValueError(f"the shopper chat does not support the action {frame.action!r}")
        return frame

    async def run_turn(self, session_id: str, frame: ClientFrame | dict[str, Any]
                       ) -> AsyncIterator[dict[str, Any]]:
        """Run one turn, yielding protocol events; always ends with ``done``."""
        started = time.perf_counter()
        try:
            checked = self._check(frame)
        except (ValueError, ValidationError) as exc:
            yield event("error", code="invalid_request", message=_message(exc))
            yield event("done")
            return
        if len(self.store.search.index) != self._vocab_size:
            await asyncio.to_thread(self.refresh_vocabulary)
        lock = self._locks.get(session_id)
        if lock is None:  # the strong reference held by this turn keeps it alive
            lock = self._locks[session_id] = asyncio.Lock()
        async with lock:
            async for item in self._run(session_id, checked, started):
                yield item
        yield event("done")

    async def _run(self, session_id: str, frame: ClientFrame, started: float
                   ) -> AsyncIterator[dict[str, Any]]:
        ctx = ShopperContext(store=self.store, router=self.router, vocabulary=self.vocabulary,
                             session_id=session_id, use_llm=self.use_llm,
                             policies=self.policies)
        inputs = {"user": (frame.text or "").strip(), "action": _action(frame)}
        config = {"configurable": {"thread_id": session_id}}
        stats = TurnStats()
        try:
            async for mode, chunk in self.graph.astream(inputs, config, context=ctx,
                                                        stream_mode=["custom", "values"]):
                if mode == "values":
                    _note(stats, chunk)
                    continue
                if chunk["type"] == "token" and stats.ttft_ms is None:
                    stats.ttft_ms = (time.perf_counter() - started) * 1000
                yield chunk
        except BusyError as exc:
            yield event("busy", message=str(exc))
        except ShopmageError as exc:
            yield event("error", code="assistant_error", message=str(exc))
        stats.total_ms = (time.perf_counter() - started) * 1000
        self.last[session_id] = stats

    async def state(self, session_id: str) -> dict[str, Any]:
        """Read the checkpointed conversation state of one session (empty for a new one)."""
        snapshot = await self.graph.aget_state({"configurable": {"thread_id": session_id}})
        return dict(snapshot.values or {})


def _action(frame: ClientFrame) -> dict[str, Any] | None:
    if frame.type != "action":
        return None
    return {"action": frame.action, "product_id": frame.product_id, "quantity": frame.quantity,
            "value": frame.value}


def _note(stats: TurnStats, values: dict[str, Any]) -> None:
    turn = values.get("turn") or {}
    plan = turn.get("plan") or {}
    stats.turn = turn
    stats.intent = turn.get("intent", "")
    stats.slots = turn.get("slots", {})
    stats.cards = plan.get("cards", [])
    stats.clarified = "clarification" in plan
    stats.reply = values.get("reply", "")
    stats.llm_ms = (turn.get("timing") or {}).get("llm_ms", 0.0)
    stats.dropped = turn.get("dropped", [])


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "frame"
        return f"malformed frame: {where}: {first.get('msg')}"
    return str(exc)
