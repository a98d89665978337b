"""Both chat sockets on a real server on loopback: auth out of the URL, frame limits, guard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from knowledge.merchants import create_merchant
from knowledge.store import Store


@pytest.fixture
def server(store: Store, live_server_for) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    tight = store.settings.model_copy(update={"rate_limit_per_minute": 3,
                                              "max_message_chars": 200})
    store.settings = tight
    with live_server_for(store) as srv:
        yield srv


def ws_url(srv: Any, path: str) -> str:
    return srv.url.replace("http", "ws", 1) + path


def receive(ws: ClientConnection) -> dict[str, Any]:
    return dict(json.loads(ws.recv(timeout=30)))


def until_done(ws: ClientConnection) -> list[dict[str, Any]]:
    events = [receive(ws)]
    while events[-1]["type"] != "done":
        events.append(receive(ws))
    return events


def test_merchant_key_in_the_url_is_refused_with_a_reason(server: Any, store: Store) -> None:
    _, key = create_merchant(store.engine, name="Acme")
    with connect(ws_url(server, f"/ws/merchant?api_key={key}")) as ws:
        first = receive(ws)
        assert first["type"] == "error" and first["code"] == "key_in_url"
        assert "first frame" in first["message"]
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4400


def test_merchant_authenticates_with_the_first_frame(server: Any, store: Store) -> None:
    _, key = create_merchant(store.engine, name="Acme")
    with connect(ws_url(server, "/ws/merchant")) as ws:
        ws.send(json.dumps({"type": "auth", "api_key": "smk_wrong"}))
        assert receive(ws)["code"] == "unauthorized"
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=10)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 4401
    with connect(ws_url(server, "/ws/merchant")) as ws:
        ws.send(json.dumps({"type": "message", "text": "hello"}))  # not an auth frame
        assert receive(ws)["code"] == "unauthorized"
    with connect(ws_url(server, "/ws/merchant")) as ws:
        ws.send(json.dumps({"type": "auth", "api_key": key}))
        assert receive(ws)["type"] == "session"


def test_merchant_socket_has_the_shopper_socket_limits(server: Any, store: Store) -> None:
    _, key = create_merchant(store.engine, name="Acme")
    with connect(ws_url(server, "/ws/merchant")) as ws:
        ws.send(json.dumps({"type": "auth", "api_key": key}))
        assert receive(ws)["type"] == "session"
        ws.send(json.dumps({"type": "message", "text": "x" * 5000}))
        assert receive(ws)["code"] == "message_too_large"
        ws.send("not json at all")
        assert receive(ws)["code"] == "malformed_frame"
        ws.send(json.dumps(["a", "list"]))
        assert receive(ws)["code"] == "malformed_frame"
        codes = []
        for _ in range(4):
            ws.send(json.dumps({"type": "message", "text": "show my campaigns"}))
            codes.append([e.get("code") for e in until_done(ws) if e["type"] == "error"])
        assert codes[-1] == ["rate_limited"] and codes[0] != ["rate_limited"]
        ws.send(json.dumps({"type": "auth", "api_key": key}))  # the socket is still usable
        assert receive(ws)["type"] in ("error", "done")


def test_shopper_socket_refuses_oversized_and_malformed_frames(server: Any) -> None:
    with connect(ws_url(server, "/ws/shopper?session_id=limits-1")) as ws:
        assert receive(ws)["type"] == "session"
        ws.send(json.dumps({"type": "message", "text": "y" * 5000}))
        assert receive(ws)["code"] == "message_too_large"
        ws.send("{broken")
        assert receive(ws)["code"] == "malformed_frame"


def test_openai_errors_use_openai_statuses(server: Any) -> None:
    url = server.url + "/v1/chat/completions"
    empty = httpx.post(url, json={"messages": [{"role": "user", "content": "  "}]}, timeout=30)
    assert empty.status_code == 400
    assert empty.json()["error"]["type"] == "invalid_request_error"
    malformed = httpx.post(url, json={"messages": []}, timeout=30)
    assert malformed.status_code == 400 and "messages" in malformed.json()["error"]["message"]
