"""API keys for any role: made once, stored only as a SHA-256 hash, checked in constant time.

A role's key family is its prefix (``smk_`` merchants, ``sak_`` agents), so a key of one
role never passes another role's check.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any, Protocol, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from knowledge.errors import InvalidRequestError, PermissionDeniedError
from knowledge.sql import transaction


class KeyedRow(Protocol):
    """A table row that owns an API key (by its hash) under a unique name."""

    name: str
    key_hash: str


Row = TypeVar("Row", bound=KeyedRow)


def hash_key(key: str) -> str:
    """The stored form of an API key."""
    return hashlib.sha256(key.encode()).hexdigest()


def new_key(prefix: str) -> str:
    """A fresh API key of the family ``prefix``."""
    return prefix + secrets.token_urlsafe(24)


def save_new_owner(engine: Engine, row: Row, *, role: str) -> Row:
    """Store ``row`` (with its key hash set) unless its name is taken by another of its role."""
    table: Any = type(row)
    with Session(engine) as session:
        if session.exec(select(table).where(table.name == row.name)).first():
            raise InvalidRequestError(f"{role} named {row.name!r} already exists")
    with transaction(engine) as session:
        session.add(row)
    return row


def owner_of_key(engine: Engine, table: type[Row], key: str | None, *, prefix: str,
                 role: str) -> Row:
    """The row owning ``key``; a missing, foreign or wrong key reveals nothing more."""
    denied = PermissionDeniedError(f"a valid {role} API key is required")
    if not key or not key.startswith(prefix):
        raise denied
    digest = hash_key(key)
    columns: Any = table
    with Session(engine) as session:
        row: Row | None = session.exec(select(columns).where(columns.key_hash == digest)).first()
    if row is None or not hmac.compare_digest(row.key_hash, digest):
        raise denied
    return row
