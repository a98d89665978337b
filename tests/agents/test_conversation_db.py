"""A shopper conversation survives a restart on both databases (SQLite and PostgreSQL):
the configured checkpointer keeps the constraints and the cart between service instances."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest

from agents.shopper.service import ShopperService
from knowledge.carts import show_cart
from knowledge.ingest import import_catalog
from knowledge.store import Store
from server.checkpoints import open_checkpointer
from tests.agents.catalog import catalogue_rows
from tests.conftest import BOTH_DATABASES

pytestmark = pytest.mark.parametrize("database", BOTH_DATABASES, indirect=True)


async def turn(service: ShopperService, sid: str, frame: dict[str, Any]) -> list[dict[str, Any]]:
    return [e async for e in service.run_turn(sid, frame)]


async def test_conversation_resumes_after_a_restart(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in catalogue_rows()))
    import_catalog(store, path)
    sid = uuid.uuid4().hex
    async with open_checkpointer(store.settings) as saver:
        first = ShopperService(store, saver, use_llm=False)
        events = await turn(first, sid, {"type": "message", "text": "running shoes under 200"})
        shown = [c["id"] for e in events if e["type"] == "products" for c in e["items"]]
        assert shown
        await turn(first, sid, {"type": "action", "action": "add_to_cart",
                                "product_id": shown[0]})
    async with open_checkpointer(store.settings) as saver:  # a new process, same database
        second = ShopperService(store, saver, use_llm=False)
        state = await second.state(sid)
        assert state["last_results"][: len(shown)] == shown
        assert state["constraints"].get("max_price") == 200
        assert [line.product_id for line in show_cart(store.engine, sid).items] == [shown[0]]
