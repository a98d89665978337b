"""The database engine and sessions: SQLite in WAL mode by default, any SQLAlchemy URL at scale."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlmodel import SQLModel, create_engine, text

# every module that defines tables, so create_all and Alembic see them all
from knowledge import (  # noqa: F401
    ad_tables,
    agents,
    campaigns,
    carts,
    commerce,
    creatives,
    idempotency,
    models,
)
from knowledge.errors import ConfigError
from knowledge.graph import store as _graph_store  # noqa: F401
from knowledge.settings import Settings


def register_tables() -> None:
    """Every table module is imported above, so ``SQLModel.metadata`` holds them all."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(settings: Settings) -> Engine:
    """Create the engine, check it answers, and create any missing tables."""
    url = settings.sql_url
    is_sqlite = url.startswith("sqlite")
    connect_args: dict[str, Any] = (
        {"check_same_thread": False} if is_sqlite else {"connect_timeout": 5})
    try:
        engine = create_engine(url, connect_args=connect_args, pool_pre_ping=True)
    except (SQLAlchemyError, ModuleNotFoundError) as exc:
        raise ConfigError(f"SHOPMAGE_DATABASE_URL cannot be used: {exc}") from exc
    if is_sqlite:
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        where = engine.url.render_as_string(hide_password=True)
        raise ConfigError(f"SHOPMAGE_DATABASE_URL: cannot connect to {where}: {exc.orig}") from exc
    register_tables()
    if is_sqlite:
        SQLModel.metadata.create_all(engine)
        add_missing_columns(engine)
    else:
        migrate(url)
    return engine


def add_missing_columns(engine: Engine) -> list[str]:
    """Add nullable columns a newer version declares to tables an older one created.

    SQLite only (servers use Alembic). Returns the ``table.column`` names added.
    """
    from sqlalchemy import inspect

    added: list[str] = []
    inspector = inspect(engine)
    existing_tables = set(inspector.get_table_names())
    with engine.begin() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name not in existing_tables:
                continue
            have = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in have or not column.nullable:
                    continue
                kind = column.type.compile(dialect=engine.dialect)
                conn.execute(text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))
                added.append(f"{table.name}.{column.name}")
    return added


def create_database(server_url: str, name: str) -> str:
    """Create database ``name`` on the PostgreSQL server of ``server_url``; return its URL.

    Only for PostgreSQL (a SQLite URL is returned unchanged): evals and tests use it to get
    an empty store on a shared server.
    """
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    if not url.drivername.startswith("postgresql"):
        return server_url
    if not name.isidentifier():
        raise ConfigError(f"{name!r} is not a usable database name")
    import psycopg

    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as exc:
        raise ConfigError(f"SHOPMAGE_DATABASE_URL: cannot create database {name}: {exc}") from exc
    return url.set(database=name).render_as_string(hide_password=False)


def migrate(url: str) -> None:
    """Bring a server database's schema to the latest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    from knowledge.settings import REPO_ROOT

    config = Config(str(REPO_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")
