"""The same store, imports and conversations on PostgreSQL (configuration only)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from knowledge.errors import ImportFileError
from knowledge.ingest import import_catalog, import_events
from knowledge.models import Event, Product
from knowledge.search import SearchFilters
from knowledge.settings import REPO_ROOT
from knowledge.store import Store
from tests.knowledge.test_ingest_search import CATALOG, write_jsonl


def test_migrations_build_the_schema_with_no_drift(pg_store: Store, pg_url: str) -> None:
    env = {**os.environ, "SHOPMAGE_DATABASE_URL": pg_url}
    alembic = str(Path(os.sys.executable).parent / "alembic")
    result = subprocess.run([alembic, "check"], cwd=REPO_ROOT, env=env, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert "No new upgrade operations detected" in result.stdout + result.stderr


def test_import_and_search_on_postgres(pg_store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(write_jsonl(tmp_path / "x.jsonl", CATALOG).read_text() + "{oops\n")
    with pytest.raises(ImportFileError, match="line 6"):
        import_catalog(pg_store, bad)
    with Session(pg_store.engine) as session:
        assert session.exec(select(func.count()).select_from(Product)).one() == 0
    import_catalog(pg_store, write_jsonl(tmp_path / "c.jsonl", CATALOG))
    hits = pg_store.search.search("shoes", SearchFilters(max_price=60, category="shoes"), k=5)
    assert [h.product.id for h in hits] == ["S1"]
    events = write_jsonl(tmp_path / "e.jsonl", [
        {"user_id": "u1", "type": "search", "query": "pan"},
        {"user_id": "u1", "type": "purchase", "product_id": "K1"}])
    assert import_events(pg_store, events) == 2
    with Session(pg_store.engine) as session:
        assert session.exec(select(func.count()).select_from(Event)).one() == 2


async def test_conversation_state_lives_in_postgres(pg_store: Store, tmp_path: Path) -> None:
    from agents.shopper.service import ShopperService
    from server.checkpoints import open_checkpointer

    import_catalog(pg_store, write_jsonl(tmp_path / "c.jsonl", CATALOG))
    async with open_checkpointer(pg_store.settings) as saver:
        first = ShopperService(pg_store, saver, use_llm=False)
        _ = [e async for e in first.run_turn("pg-1", {"type": "message",
                                                       "text": "shoes under 100"})]
    async with open_checkpointer(pg_store.settings) as saver:  # a new worker, same database
        second = ShopperService(pg_store, saver, use_llm=False)
        state = await second.state("pg-1")
    assert state, "the conversation was not found in PostgreSQL"
    assert "100" in str(state)
