"""Idempotency records: a retried request with the same key gets the first answer back.

A record is keyed by (caller, key) and remembers a hash of the request it answered; the same
key with a different request is refused rather than silently answered with the old result.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, select

from knowledge.models import utcnow
from knowledge.sql import transaction


class IdempotencyRecord(SQLModel, table=True):
    """The stored answer to one keyed request of one caller."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("caller", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    caller: str = Field(index=True)
    key: str
    request_hash: str
    status: int
    response: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


def request_hash(operation: str, payload: Any) -> str:
    """A stable hash of an operation and its (JSON) payload."""
    text = json.dumps([operation, payload], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def recall(engine: Engine, *, caller: str, key: str) -> IdempotencyRecord | None:
    """The stored answer for ``(caller, key)``, if any."""
    with Session(engine) as session:
        stmt = select(IdempotencyRecord).where(IdempotencyRecord.caller == caller,
                                               IdempotencyRecord.key == key)
        return session.exec(stmt).first()


def remember(engine: Engine, *, caller: str, key: str, digest: str, status: int,
             response: dict[str, Any]) -> IdempotencyRecord:
    """Store an answer; if a concurrent request stored one first, return that one instead."""
    record = IdempotencyRecord(caller=caller, key=key, request_hash=digest, status=status,
                               response=response)
    try:
        with transaction(engine) as session:
            session.add(record)
    except IntegrityError:
        existing = recall(engine, caller=caller, key=key)
        assert existing is not None
        return existing
    return record
