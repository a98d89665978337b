"""An engine that goes away mid-run: the request fails with a clear error, nothing is
half-written, and the next request works once the engine is back.

Each test runs a real server (uvicorn on loopback) over a store whose engine is a real
process of the test's own (Chroma server, model server, PostgreSQL cluster), kills that
process (SIGKILL, or PostgreSQL's ``immediate`` stop), then starts it again on the same
port and data.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
from sqlmodel import Session, select, text

from knowledge.errors import EngineUnavailableError
from knowledge.ingest import import_catalog
from knowledge.models import Event, Product
from knowledge.settings import Settings
from knowledge.store import Store
from tests.knowledge.test_ingest_search import CATALOG, write_jsonl
from tests.scale.conftest import Postgres, chroma_engine, model_engine
from tests.server.conftest import LiveServer

NEW = {"product_id": "N1", "product_title": "Kettlewise Electric Kettle 1.7 litre", "price": 30.0,
       "category": "kitchen", "product_brand": "Kettlewise", "product_color": "white",
       "stock": 4, "attributes": {"type": "kettle", "features": ["auto-off"]}}


@pytest.fixture
def open_store(tmp_path: Path, embedder) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    """``open_store(**settings)``: a store holding CATALOG, closed after the test.

    An in-process model gets one thread: two spin-waiting on a busy two-core machine crawl.
    """
    stores: list[Store] = []

    def make(**settings: Any) -> Store:
        settings.setdefault("llm_threads", 1)
        store = Store(Settings(data_dir=tmp_path / "data", **settings), embedder=embedder)
        stores.append(store)
        import_catalog(store, write_jsonl(tmp_path / "catalog.jsonl", CATALOG))
        return store

    yield make
    for store in stores:
        store.close()


def assert_unavailable(response: httpx.Response, setting: str, address: str) -> None:
    """A 503 whose JSON error names the setting and the address (no traceback)."""
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"]
    error = response.json()["error"]
    assert error["code"] == "unavailable"
    assert setting in error["message"] and address in error["message"], error["message"]
    assert "Traceback" not in response.text


def search_skillet(url: str) -> httpx.Response:
    """``/api/search`` for a skillet under $50 (answer: the frying pan K1)."""
    return httpx.get(f"{url}/api/search", params={"q": "skillet", "max_price": 50, "k": 2},
                     timeout=30)


def sql_ids(store: Store) -> set[str]:
    """Product ids in the SQL database."""
    with Session(store.engine) as session:
        return set(session.exec(select(Product.id)))


def test_chroma_server_lost_and_back(tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    """Search answers 503 naming SHOPMAGE_CHROMA_URL, an import writes nothing, then both work."""
    chroma = chroma_engine(tmp_path / "chroma").start()
    try:
        store = open_store(chroma_url=chroma.url)
        new_file = write_jsonl(tmp_path / "new.jsonl", [NEW])
        with LiveServer(store) as server:
            assert search_skillet(server.url).json()["items"][0]["id"] == "K1"
            chroma.kill()
            assert_unavailable(search_skillet(server.url), "SHOPMAGE_CHROMA_URL", chroma.url)
            with pytest.raises(EngineUnavailableError, match="SHOPMAGE_CHROMA_URL"):
                import_catalog(store, new_file)
            assert sql_ids(store) == {row["product_id"] for row in CATALOG}  # N1 rolled back
            chroma.start()
            assert search_skillet(server.url).json()["items"][0]["id"] == "K1"
            import_catalog(store, new_file)
            assert httpx.get(f"{server.url}/api/products/N1").status_code == 200
            assert store.vectors.count() == len(CATALOG) + 1
    finally:
        chroma.stop()


async def chat(ws: Any, text: str) -> list[dict[str, Any]]:
    """Send one shopper message on an open socket; the turn's events up to ``done``."""
    await ws.send(json.dumps({"type": "message", "text": text}))
    events = [json.loads(await ws.recv())]
    while events[-1]["type"] != "done":
        events.append(json.loads(await ws.recv()))
    return events


def kinds(events: list[dict[str, Any]]) -> set[str]:
    """The event types of a turn."""
    return {e["type"] for e in events}


async def test_model_server_lost_and_back(tmp_path: Path, open_store) -> None:  # type: ignore[no-untyped-def]
    """A chat turn reports the lost model server; the same socket chats again once it is back."""
    model = model_engine(tmp_path / "model").start()
    try:
        store = open_store(llm_base_url=model.url)
        with LiveServer(store) as server:
            ws_url = server.url.replace("http", "ws", 1) + "/ws/shopper?session_id=model-loss"
            async with websockets.connect(ws_url, open_timeout=10) as ws:
                assert json.loads(await ws.recv())["type"] == "session"
                first = await chat(ws, "shoes under 150")
                assert {"products", "token"} <= kinds(first) and "error" not in kinds(first)
                model.kill()
                lost = await chat(ws, "show me frying pans")
                errors = [e for e in lost if e["type"] == "error"]
                assert [e["code"] for e in errors] == ["assistant_error"], lost
                assert "SHOPMAGE_LLM_BASE_URL" in errors[0]["message"]
                assert model.url in errors[0]["message"]
                model.start()  # same socket: the chat survived the failed turn
                back = await chat(ws, "show me frying pans")
                assert {"products", "token"} <= kinds(back) and "error" not in kinds(back)
    finally:
        model.stop()


def post_event(url: str, kind: str, product_id: str) -> httpx.Response:
    """POST a storefront event for the session ``db-loss``."""
    return httpx.post(f"{url}/api/events", timeout=30,
                      json={"session_id": "db-loss", "type": kind, "product_id": product_id})


def test_database_lost_and_back(own_postgres: Postgres, open_store) -> None:  # type: ignore[no-untyped-def]
    """A write answers 503 naming SHOPMAGE_DATABASE_URL and leaves no row; then writes work."""
    store = open_store(database_url=own_postgres.url)
    with LiveServer(store) as server:
        assert post_event(server.url, "view", "K1").status_code == 200
        own_postgres.kill()
        assert_unavailable(post_event(server.url, "click", "S1"), "SHOPMAGE_DATABASE_URL",
                           f"127.0.0.1:{own_postgres.port}")
        own_postgres.start()
        assert post_event(server.url, "cart", "K1").status_code == 200
        with Session(store.engine) as session:
            seen = session.exec(select(Event.type).where(Event.user_id == "db-loss")
                                .order_by(Event.id)).all()
        assert seen == ["view", "cart"]  # the click made while it was down left no trace


def test_a_schema_bug_is_not_reported_as_an_outage(open_store) -> None:  # type: ignore[no-untyped-def]
    """Only a lost or busy database is a retryable 503; a missing table stays a plain 500."""
    store = open_store()  # SQLite: "no such table" is an OperationalError too
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE event"))
    with LiveServer(store) as server:
        response = post_event(server.url, "view", "K1")
    assert response.status_code == 500 and "SHOPMAGE_DATABASE_URL" not in response.text


async def test_shopper_chat_works_again_after_database_restart(  # type: ignore[no-untyped-def]
        own_postgres: Postgres, open_store) -> None:
    """The shopper chat (checkpoints in PostgreSQL) works again after a database restart."""
    store = open_store(database_url=own_postgres.url)
    with LiveServer(store) as server:
        ws_url = server.url.replace("http", "ws", 1) + "/ws/shopper?session_id=db-chat"
        async with websockets.connect(ws_url, open_timeout=10) as ws:
            assert json.loads(await ws.recv())["type"] == "session"
            assert "products" in kinds(await chat(ws, "shoes under 150"))
            own_postgres.kill()
            assert "error" in kinds(await chat(ws, "cheaper"))
            own_postgres.start()
            back = await chat(ws, "cheaper")
            assert "products" in kinds(back) and "error" not in kinds(back), back
