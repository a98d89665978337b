"""The LangGraph checkpointer for conversations, on the store's database family.

SQLite (``<data_dir>/checkpoints.db``) by default; the Postgres saver when
``SHOPMAGE_DATABASE_URL`` is PostgreSQL, so stateless workers share conversations.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import make_url

from knowledge.errors import ConfigError
from knowledge.settings import Settings

if TYPE_CHECKING:
    from server.deps import AppState


def postgres_dsn(url: str) -> str:
    """A libpq DSN from a SQLAlchemy URL (drops the ``+driver`` part)."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


@asynccontextmanager
async def _postgres_saver(url: str) -> AsyncIterator[Any]:
    """The Postgres saver over a pool that checks connections, so it heals after an outage.

    (A single connection stays broken once the server restarts: every later turn fails.)
    """
    from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver
    from psycopg.rows import dict_row
    from psycopg_pool import AsyncConnectionPool, PoolTimeout

    # timeout: how long a turn waits for a connection; psycopg_pool's default, 30 s, left a
    # shopper waiting half a minute for the error while the database was down
    pool = AsyncConnectionPool(
        postgres_dsn(url), min_size=1, max_size=4, open=False, timeout=10,
        kwargs={"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row,
                "connect_timeout": 5},
        check=AsyncConnectionPool.check_connection)
    try:
        await pool.open(wait=True, timeout=10)
    except (PoolTimeout, OSError) as exc:
        await pool.close()
        raise ConfigError(f"SHOPMAGE_DATABASE_URL: checkpointer cannot connect: {exc}") from exc
    try:
        saver = AsyncPostgresSaver(pool)  # type: ignore[arg-type]
        await saver.setup()
        yield saver
    finally:
        await pool.close()


@asynccontextmanager
async def open_checkpointer(settings: Settings) -> AsyncIterator[Any]:
    """Yield a set-up async checkpointer; closes its connection afterwards."""
    url = settings.sql_url
    if url.startswith("postgresql"):
        async with _postgres_saver(url) as saver:
            yield saver
        return
    import aiosqlite
    from langgraph.checkpoint.sqlite.aio import AsyncSqliteSaver

    conn = await aiosqlite.connect(str(settings.data_dir / "checkpoints.db"))
    try:
        saver = AsyncSqliteSaver(conn)
        await saver.setup()
        yield saver
    finally:
        await conn.close()


async def open_for(state: AppState, capability: str) -> Any:
    """Open a checkpointer for one capability's graph; ``close_for`` closes it at shutdown."""
    stack = contextlib.AsyncExitStack()
    saver = await stack.enter_async_context(open_checkpointer(state.settings))
    state.checkpointers[capability] = stack
    return saver


async def close_for(state: AppState, capability: str) -> None:
    """Close what ``open_for`` opened for ``capability`` (nothing if it never opened)."""
    stack = state.checkpointers.pop(capability, None)
    if stack is not None:
        await stack.aclose()
