"""Policy answers, order handoff and bad input through the real shopper WebSocket."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from knowledge.policies import DEMO_POLICIES
from knowledge.store import Store
from server.app import create_app

pytestmark = pytest.mark.llm
POLICY_TEXT = " ".join(" ".join(p.read_text().split()) for p in DEMO_POLICIES.glob("*.md"))


@pytest.fixture(scope="module")
def client(shop: Store) -> Iterator[TestClient]:
    with TestClient(create_app(shop.settings, shop)) as test_client:
        yield test_client


def turn(ws: Any, text: str) -> list[dict[str, Any]]:
    ws.send_text(json.dumps({"type": "message", "text": text}))
    events = []
    while True:
        events.append(ws.receive_json())
        if events[-1]["type"] == "done":
            return events


def reply(events: list[dict[str, Any]]) -> str:
    return "".join(e["text"] for e in events if e["type"] == "token")


def test_policy_question_is_quoted_with_its_passage(client: TestClient) -> None:
    with client.websocket_connect("/ws/shopper") as ws:
        ws.receive_json()
        events = turn(ws, "do you deliver to canada and what does it cost?")
    shown = [e for e in events if e["type"] == "policy"]
    assert shown and shown[0]["doc"] == "shipping", events
    assert shown[0]["passage"] in POLICY_TEXT and shown[0]["passage"] in reply(events)
    assert not any(e["type"] == "products" for e in events)


def test_order_status_is_handed_over_without_a_status(client: TestClient) -> None:
    with client.websocket_connect("/ws/shopper") as ws:
        ws.receive_json()
        events = turn(ws, "my parcel never showed up, it's been ten days")
    text = reply(events)
    assert text.startswith("I can't see orders") and "My orders" in text
    assert [e["doc"] for e in events if e["type"] == "policy"] == ["contact"]


def test_bad_input_gets_a_clear_error_and_changes_nothing(client: TestClient) -> None:
    with client.websocket_connect("/ws/shopper") as ws:
        sid = ws.receive_json()["session_id"]
        before = client.get("/api/cart", params={"session_id": sid}).json()
        for text, said in [("   ", "empty"), ("x" * 2100, "characters"),
                           ("show me \x00\x01\x02 mats", "binary"),
                           ("我想买一双跑步鞋", "English")]:
            events = turn(ws, text)
            assert [e["type"] for e in events] == ["error", "done"], (text, events)
            assert said in events[0]["message"]
        assert client.get("/api/cart", params={"session_id": sid}).json() == before
        events = turn(ws, "show me yoga mats")
        assert any(e["type"] == "products" for e in events)
