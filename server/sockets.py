"""What both chat sockets share: one frame check, bounded per-session rate limits, one guard.

``/ws/shopper`` and ``/ws/merchant`` read frames the same way: a frame larger than the
message limit (from settings) plus a small envelope is refused, a frame that is not a
JSON object is refused, a session over its rate is told to wait, and a turn that raises
sends an ``error`` event while the socket stays open. The rate limiter keeps a sliding
window counter per session in the ``limits`` package's memory storage, whose keys expire
with their window, so ten thousand sessions leave nothing behind two minutes later.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import psycopg
from fastapi import WebSocket
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage
from limits.strategies import SlidingWindowCounterRateLimiter
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from starlette.websockets import WebSocketDisconnect, WebSocketState

from agents.protocol import event
from knowledge.sql import database_unavailable, lost_connection

log = logging.getLogger(__name__)
FRAME_OVERHEAD = 500  # characters of JSON envelope allowed around a maximal message


class SessionRateLimits:
    """At most ``per_minute`` turns per session in any 60-second window; memory bounded."""

    def __init__(self, per_minute: int, scope: str) -> None:
        """One limiter per socket kind (``scope``), sessions keyed inside it."""
        self.item = RateLimitItemPerMinute(per_minute)
        self.scope = scope
        self.limiter = SlidingWindowCounterRateLimiter(MemoryStorage())

    def allow(self, session_id: str) -> bool:
        """Count one turn for ``session_id``; False when its window is full."""
        return self.limiter.hit(self.item, self.scope, session_id)


def read_frame(raw: str, max_chars: int) -> dict[str, Any]:
    """Parse one client frame, or raise ``ValueError`` naming what was wrong with it."""
    if len(raw) > max_chars + FRAME_OVERHEAD:
        raise FrameError("message_too_large", f"the frame is {len(raw)} characters; messages "
                         f"are limited to {max_chars}")
    try:
        frame = json.loads(raw)
    except ValueError as exc:
        raise FrameError("malformed_frame", f"malformed frame: {exc}") from exc
    if not isinstance(frame, dict):
        raise FrameError("malformed_frame", "malformed frame: a frame must be a JSON object")
    return frame


class FrameError(ValueError):
    """A frame refused before any turn ran; ``code`` is the error event's code."""

    def __init__(self, code: str, message: str) -> None:
        """Keep the event code beside the message."""
        super().__init__(message)
        self.code = code


async def send(ws: WebSocket, payload: dict[str, Any]) -> None:
    """Send one protocol event (dates and other values as their string form)."""
    await ws.send_text(json.dumps(payload, default=str))


async def guarded_turn(ws: WebSocket, raw: str, *, max_chars: int, allow: Callable[[], bool],
                       run: Callable[[dict[str, Any]], AsyncIterator[dict[str, Any]]],
                       engine: Engine, what: str) -> None:
    """Check one frame, then stream its turn; any failure becomes an ``error`` event.

    The socket stays usable after every error; only a client that has gone away ends it.
    """
    try:
        frame = read_frame(raw, max_chars)
    except FrameError as exc:
        await send(ws, event("error", code=exc.code, message=str(exc)))
        return
    if not allow():
        await send(ws, event("error", code="rate_limited",
                             message="too many messages; wait a moment and try again"))
        await send(ws, event("done"))
        return
    try:
        async for payload in run(frame):
            await send(ws, payload)
    except Exception as exc:  # a bug or a lost engine must not close the chat: say so
        if isinstance(exc, WebSocketDisconnect) or ws.client_state != WebSocketState.CONNECTED:
            raise  # the client is gone; the caller stops this connection
        await send(ws, failure_event(exc, engine, what))
        await send(ws, event("done"))


def failure_event(exc: Exception, engine: Engine, what: str) -> dict[str, Any]:
    """The error event for a turn that raised: a lost database is named, a bug is logged."""
    lost = (isinstance(exc, DBAPIError) and lost_connection(exc)) or isinstance(
        exc, psycopg.OperationalError)  # the latter: the conversation checkpointer's driver
    if lost:
        return event("error", code="unavailable", message=str(database_unavailable(exc, engine)))
    log.exception("%s turn failed", what)
    return event("error", code="internal_error",
                 message="something went wrong with that message; please try again")


async def _reader(ws: WebSocket, queue: asyncio.Queue[str | None]) -> None:
    """Put every text (or decoded binary) frame on ``queue``; ``None`` when the client leaves."""
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


async def serve_turns(ws: WebSocket, turn_for: Callable[[str], Awaitable[None]]) -> None:
    """Run one turn per incoming frame until the client leaves; a leaving client cancels it.

    Frames are read while a turn runs, so a disconnect mid-turn stops the turn cleanly
    instead of streaming into a closed socket.
    """
    queue: asyncio.Queue[str | None] = asyncio.Queue()
    reader = asyncio.create_task(_reader(ws, queue))
    try:
        while (raw := await queue.get()) is not None:
            turn = asyncio.ensure_future(turn_for(raw))
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
