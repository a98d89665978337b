"""The shopper WebSocket and cart route on the real app (Starlette's test client)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from knowledge.store import Store
from server.app import create_app

pytestmark = pytest.mark.llm


@pytest.fixture(scope="module")
def client(shop: Store) -> Iterator[TestClient]:
    settings = shop.settings.model_copy(update={"rate_limit_per_minute": 6})
    with TestClient(create_app(settings, shop)) as test_client:
        yield test_client


def until_done(ws: Any) -> list[dict[str, Any]]:
    events = []
    while True:
        events.append(ws.receive_json())
        if events[-1]["type"] == "done":
            return events


def test_chat_streams_tokens_products_and_done(client: TestClient) -> None:
    sid = uuid.uuid4().hex
    with client.websocket_connect(f"/ws/shopper?session_id={sid}") as ws:
        assert ws.receive_json() == {"type": "session", "session_id": sid}
        ws.send_text(json.dumps({"type": "message", "text": "show me yoga mats"}))
        events = until_done(ws)
    kinds = [e["type"] for e in events]
    assert "products" in kinds and kinds.count("token") >= 1 and kinds[-1] == "done"
    cards = next(e["items"] for e in events if e["type"] == "products")
    assert {"id", "title", "price", "image", "why"} <= set(cards[0])
    text = "".join(e["text"] for e in events if e["type"] == "token")
    assert cards[0]["title"] in text


def test_malformed_frames_get_errors_and_socket_still_answers(client: TestClient) -> None:
    with client.websocket_connect("/ws/shopper") as ws:
        sid = ws.receive_json()["session_id"]
        ws.send_text("{not json")
        assert ws.receive_json()["type"] == "error"
        ws.send_text(json.dumps({"type": "dance"}))
        assert [e["type"] for e in until_done(ws)] == ["error", "done"]
        ws.send_text(json.dumps({"type": "message", "text": "x" * 2001}))
        assert until_done(ws)[0]["type"] == "error"
        ws.send_text(json.dumps({"type": "action", "action": "add_to_cart",
                                 "product_id": "KIT00", "quantity": 2}))
        cart = next(e for e in until_done(ws) if e["type"] == "cart")
        assert cart["items"][0]["product_id"] == "KIT00" and cart["items"][0]["quantity"] == 2
    assert client.get("/api/cart", params={"session_id": sid}).json()["items"][0]["quantity"] == 2


def test_reconnect_shows_cart_and_rate_limit(client: TestClient) -> None:
    sid = uuid.uuid4().hex
    with client.websocket_connect(f"/ws/shopper?session_id={sid}") as ws:
        ws.receive_json()
        ws.send_text(json.dumps({"type": "action", "action": "add_to_cart",
                                 "product_id": "SHO00"}))
        until_done(ws)
    with client.websocket_connect(f"/ws/shopper?session_id={sid}") as ws:
        assert ws.receive_json()["type"] == "session"
        assert ws.receive_json()["items"][0]["product_id"] == "SHO00"
        codes = []
        for _ in range(7):
            ws.send_text(json.dumps({"type": "message", "text": "what's in my cart"}))
            codes.append(until_done(ws)[0].get("code"))
        assert "rate_limited" in codes


def test_disconnect_mid_turn_then_resume(client: TestClient) -> None:
    sid = uuid.uuid4().hex
    with client.websocket_connect(f"/ws/shopper?session_id={sid}") as ws:
        ws.receive_json()
        ws.send_text(json.dumps({"type": "message", "text": "show me tents"}))
    with client.websocket_connect(f"/ws/shopper?session_id={sid}") as ws:
        ws.receive_json()
        ws.send_text(json.dumps({"type": "message", "text": "show me frying pans"}))
        events = until_done(ws)
    assert any(e["type"] == "products" for e in events)
