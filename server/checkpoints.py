"""The LangGraph checkpointer for conversations, on the store's database family.

SQLite (``<data_dir>/checkpoints.db``) by default; the Postgres saver when
``SHOPMAGE_DATABASE_URL`` is PostgreSQL, so stateless workers share conversations.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.engine import make_url

from knowledge.errors import ConfigError
from knowledge.settings import Settings


def postgres_dsn(url: str) -> str:
    """A libpq DSN from a SQLAlchemy URL (drops the ``+driver`` part)."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


@asynccontextmanager
async def open_checkpointer(settings: Settings) -> AsyncIterator[Any]:
    """Yield a set-up async checkpointer; closes its connection afterwards."""
    url = settings.sql_url
    if url.startswith("postgresql"):
        from langgraph.checkpoint.postgres.aio import AsyncPostgresSaver

        try:
            async with AsyncPostgresSaver.from_conn_string(postgres_dsn(url)) as saver:
                await saver.setup()
                yield saver
        except OSError as exc:
            raise ConfigError(f"SHOPMAGE_DATABASE_URL: checkpointer cannot connect: {exc}") from exc
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
