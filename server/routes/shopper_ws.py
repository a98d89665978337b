"""The shopper chat over WebSocket (``/ws/shopper``) and the session cart over REST."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
import time
import uuid
from collections import deque
from typing import Annotated, Any

from fastapi import APIRouter, Query, WebSocket
from starlette.websockets import WebSocketDisconnect, WebSocketState

from agents.shopper.service import ShopperService
from knowledge.carts import CartView, show_cart
from knowledge.sql import database_unavailable, lost_connection
from server.checkpoints import close_for, open_for
from server.deps import AppState, StateDep

log = logging.getLogger(__name__)
router = APIRouter(tags=["shopper"])
_SESSION = re.compile(r"^[A-Za-z0-9_\-]{1,100}$")
FRAME_OVERHEAD = 500


async def setup(state: AppState) -> None:
    """Build the shopper graph once over the conversation checkpointer (SQLite or Postgres)."""
    state.services["shopper"] = ShopperService(state.store, await open_for(state, "shopper"))


async def teardown(state: AppState) -> None:
    """Close the checkpointer."""
    await close_for(state, "shopper")


class RateLimiter:
    """At most ``per_minute`` turns in any 60-second window."""

    def __init__(self, per_minute: int) -> None:
        """Start with an empty window."""
        self.per_minute, self.times = per_minute, deque[float]()

    def allow(self) -> bool:
        """Count one turn; False when the window is full."""
        now = time.monotonic()
        while self.times and now - self.times[0] > 60:
            self.times.popleft()
        if len(self.times) >= self.per_minute:
            return False
        self.times.append(now)
        return True


@router.get("/api/cart")
def get_cart(state: StateDep, session_id: Annotated[str, Query(min_length=1, max_length=100)]
             ) -> CartView:
    """Return the session's cart: lines and total."""
    return show_cart(state.store.engine, session_id)


async def _send(ws: WebSocket, event: dict[str, Any]) -> None:
    await ws.send_text(json.dumps(event))


def _error(code: str, message: str) -> dict[str, Any]:
    return {"type": "error", "code": code, "message": message}


async def _turn(ws: WebSocket, service: ShopperService, session_id: str, raw: str,
                limiter: RateLimiter, max_chars: int) -> None:
    """Handle one incoming frame: checks, then stream the turn's events."""
    if len(raw) > max_chars + FRAME_OVERHEAD:
        await _send(ws, _error("message_too_large",
                               f"the frame is {len(raw)} characters; messages are limited to "
                               f"{max_chars}"))
        return
    try:
        frame = json.loads(raw)
        if not isinstance(frame, dict):
            raise ValueError("a frame must be a JSON object")
    except ValueError as exc:
        await _send(ws, _error("malformed_frame", f"malformed frame: {exc}"))
        return
    if not limiter.allow():
        await _send(ws, _error("rate_limited", "too many messages; wait a moment and try again"))
        await _send(ws, {"type": "done"})
        return
    try:
        async for event in service.run_turn(session_id, frame):
            await _send(ws, event)
    except Exception as exc:  # a bug or a lost engine must not close the chat: say so
        if isinstance(exc, WebSocketDisconnect) or ws.client_state != WebSocketState.CONNECTED:
            raise  # the client is gone; the caller stops this connection
        await _send(ws, _failure(exc, service, session_id))
        await _send(ws, {"type": "done"})


def _failure(exc: Exception, service: ShopperService, session_id: str) -> dict[str, Any]:
    """The error event for a turn that raised: a lost database is named, a bug is logged."""
    import psycopg
    from sqlalchemy.exc import DBAPIError

    lost = (isinstance(exc, DBAPIError) and lost_connection(exc)) or isinstance(
        exc, psycopg.OperationalError)  # the latter: the conversation checkpointer's driver
    if lost:
        return _error("unavailable", str(database_unavailable(exc, service.store.engine)))
    log.exception("shopper turn failed for session %s", session_id)
    return _error("internal_error", "something went wrong with that message; please try again")


async def _reader(ws: WebSocket, queue: asyncio.Queue[str | None]) -> None:
    try:
        while True:
            message = await ws.receive()
            if message["type"] == "websocket.disconnect":
                break
            text = message.get("text")
            if text is None:
                text = (message.get("bytes") or b"").decode("utf-8", "replace")
            await queue.put(text)
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        await queue.put(None)


@router.websocket("/ws/shopper")
async def shopper_socket(ws: WebSocket, session_id: str | None = None) -> None:
    """Serve the chat: first a ``session`` event, then one streamed turn per frame."""
    state: AppState = ws.app.state.shopmage
    service: ShopperService = state.services["shopper"]
    sid = session_id if session_id and _SESSION.match(session_id) else uuid.uuid4().hex
    await ws.accept()
    await _send(ws, {"type": "session", "session_id": sid})
    cart = show_cart(state.store.engine, sid)
    if cart.items:
        await _send(ws, {"type": "cart", **cart.model_dump()})
    queue: asyncio.Queue[str | None] = asyncio.Queue()
    reader = asyncio.create_task(_reader(ws, queue))
    limits: dict[str, RateLimiter] = state.services.setdefault("shopper_rate_limits", {})
    limiter = limits.setdefault(sid, RateLimiter(state.settings.rate_limit_per_minute))
    try:
        while (raw := await queue.get()) is not None:
            turn = asyncio.create_task(_turn(ws, service, sid, raw, limiter,
                                             state.settings.max_message_chars))
            await asyncio.wait({turn, reader}, return_when=asyncio.FIRST_COMPLETED)
            if not turn.done():  # the client went away mid-turn: stop the turn cleanly
                turn.cancel()
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
                await turn
            if reader.done() and queue.empty():
                break
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
        if ws.client_state == WebSocketState.CONNECTED:
            with contextlib.suppress(RuntimeError):
                await ws.close()
