"""The shopper chat over WebSocket (``/ws/shopper``) and the session cart over REST."""

from __future__ import annotations

import re
import uuid
from typing import Annotated

from fastapi import APIRouter, Query, WebSocket

from agents.protocol import event
from agents.shopper.service import ShopperService
from knowledge.carts import CartView, show_cart
from server.checkpoints import close_for, open_for
from server.deps import AppState, StateDep
from server.routes.ads import with_chat_ads
from server.sockets import guarded_turn, send, serve_turns

router = APIRouter(tags=["shopper"])
_SESSION = re.compile(r"^[A-Za-z0-9_\-]{1,100}$")


async def setup(state: AppState) -> None:
    """Build the shopper graph once over the conversation checkpointer (SQLite or Postgres)."""
    state.shopper = ShopperService(state.store, await open_for(state, "shopper"))


async def teardown(state: AppState) -> None:
    """Close the checkpointer."""
    await close_for(state, "shopper")


@router.get("/api/cart")
def get_cart(state: StateDep, session_id: Annotated[str, Query(min_length=1, max_length=100)]
             ) -> CartView:
    """Return the session's cart: lines and total."""
    return show_cart(state.store.engine, session_id)


@router.websocket("/ws/shopper")
async def shopper_socket(ws: WebSocket, session_id: str | None = None) -> None:
    """Serve the chat: first a ``session`` event, then one streamed turn per frame."""
    state: AppState = ws.app.state.shopmage
    service = state.shopper_service()
    sid = session_id if session_id and _SESSION.match(session_id) else uuid.uuid4().hex
    await ws.accept()
    await send(ws, event("session", session_id=sid))
    cart = show_cart(state.store.engine, sid)
    if cart.items:
        await send(ws, event("cart", **cart.model_dump()))
    await serve_turns(ws, lambda raw: guarded_turn(
        ws, raw, max_chars=state.settings.max_message_chars,
        allow=lambda: state.shopper_limits.allow(sid),
        run=lambda frame: with_chat_ads(state, sid, frame, service.run_turn(sid, frame)),
        engine=state.store.engine, what=f"shopper session {sid}"))
