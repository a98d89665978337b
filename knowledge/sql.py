"""Sessions and driver-error helpers shared by every table module (no tables here)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import CursorResult
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session, SQLModel

from knowledge.errors import EngineUnavailableError, NotFoundError

_SQLITE_UNAVAILABLE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_IOERR")


def lost_connection(exc: DBAPIError) -> bool:
    """Whether a driver error means the database is gone or busy (worth a retry), not a bug."""
    if exc.connection_invalidated:
        return True
    sqlite_name = getattr(exc.orig, "sqlite_errorname", None)
    if sqlite_name is not None:
        return str(sqlite_name).startswith(_SQLITE_UNAVAILABLE)
    state = getattr(exc.orig, "sqlstate", None)
    if state:  # connection exception, or the server shutting down
        return str(state).startswith(("08", "57P"))
    return isinstance(exc, OperationalError)  # psycopg: no SQLSTATE = no server answered


def database_unavailable(exc: Exception, engine: Engine) -> EngineUnavailableError:
    """A lost or refused database connection as one error naming the setting and address.

    ``exc`` is SQLAlchemy's wrapper or the raw driver error (the checkpointer's psycopg).
    """
    where = engine.url.render_as_string(hide_password=True)
    reason = getattr(exc, "orig", None) or exc
    return EngineUnavailableError("SHOPMAGE_DATABASE_URL", "the database", where, reason)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed together or not at all."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


Row = TypeVar("Row", bound=SQLModel)


def owned_row(engine: Engine, table: type[Row], row_id: str, *, owner: tuple[str, str],
              missing: str) -> Row:
    """The row ``row_id`` of ``table`` if its ``owner`` column holds the owner's id.

    ``owner`` is ``(column, id)``. Another owner's row is reported exactly like a row that
    does not exist (``NotFoundError(missing)``), so ids reveal nothing across accounts.
    """
    with Session(engine) as session:
        row = session.get(table, row_id)
    column, owner_id = owner
    if row is None or getattr(row, column) != owner_id:
        raise NotFoundError(missing)
    return row


def rows_changed(result: Any) -> int:
    """How many rows an UPDATE changed (its result is a cursor result)."""
    assert isinstance(result, CursorResult)
    return int(result.rowcount)
