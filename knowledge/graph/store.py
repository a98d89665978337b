"""Assertions in SQL: the candidate queue, review decisions and what is served."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, col, select

from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.graph.relations import (
    HEAD_TYPES,
    SOURCES,
    STATUSES,
    check_choice,
    check_relation,
)
from knowledge.models import utcnow
from knowledge.sql import transaction

SERVE_SCORE = 0.8  # candidates at or above this critic score are served without review


class Assertion(SQLModel, table=True):
    """One typed assertion (head, relation, tail) with where it came from and its review."""

    __table_args__ = (UniqueConstraint("head", "relation", "tail", "source"),)
    id: int | None = Field(default=None, primary_key=True)
    head: str = Field(index=True)
    head_type: str = "audience"
    relation: str = Field(index=True)
    tail: str = Field(index=True)
    score: float = 0.5
    source: str = "seed"
    status: str = Field(default="candidate", index=True)
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def served(self) -> bool:
        """Accepted, or a candidate the critics scored high enough."""
        return self.status == "accepted" or (self.status == "candidate"
                                             and self.score >= SERVE_SCORE)


def normalise(row: dict[str, Any]) -> Assertion:
    """Validate one assertion-shaped dict; raises InvalidRequestError naming the problem."""
    head, tail = str(row.get("head", "")).strip().lower(), str(row.get("tail", "")).strip().lower()
    if not head or not tail:
        raise InvalidRequestError("head and tail must not be empty")
    score = float(row.get("score", 0.5))
    if not 0.0 <= score <= 1.0:
        raise InvalidRequestError(f"score must be between 0 and 1, got {score}")
    return Assertion(
        head=head, tail=tail, relation=check_relation(str(row.get("relation", ""))),
        head_type=check_choice(str(row.get("head_type", "audience")), "head_type", HEAD_TYPES),
        source=check_choice(str(row.get("source", "seed")), "source", SOURCES),
        status=check_choice(str(row.get("status", "candidate")), "status", STATUSES),
        score=score, evidence=dict(row.get("evidence") or {}),
    )


def upsert_assertions(engine: Engine, assertions: Iterable[Assertion]) -> int:
    """Insert new assertions and refresh the score/evidence of known ones, in one transaction.

    A reviewer's rejection stands: rebuilding from the seed does not serve a rejected row again.
    """
    count = 0
    with transaction(engine) as session:
        for a in assertions:
            existing = session.exec(select(Assertion).where(
                Assertion.head == a.head, Assertion.relation == a.relation,
                Assertion.tail == a.tail, Assertion.source == a.source)).first()
            if existing is None:
                session.add(a)
            else:
                existing.score, existing.evidence = a.score, a.evidence
                if a.status != "candidate" and existing.status != "rejected":
                    existing.status = a.status
                existing.updated_at = utcnow()
            count += 1
    return count


def retire_missing(engine: Engine, source: str, current: Iterable[Assertion]) -> int:
    """Delete ``source``'s assertions that ``current`` no longer holds; returns how many.

    A seed row corrected or removed in the repo must leave stores built from the old seed:
    an upgraded store would otherwise keep serving it.
    """
    keep = {(a.head, a.relation, a.tail) for a in current}
    removed = 0
    with transaction(engine) as session:
        for row in session.exec(select(Assertion).where(Assertion.source == source)):
            if (row.head, row.relation, row.tail) not in keep:
                session.delete(row)
                removed += 1
    return removed


def list_assertions(engine: Engine, *, status: str | None = None, source: str | None = None,
                    limit: int | None = None) -> list[Assertion]:
    """Assertions filtered by status and source, highest score first."""
    stmt = select(Assertion).order_by(col(Assertion.score).desc(), col(Assertion.id))
    if status:
        stmt = stmt.where(Assertion.status == status)
    if source:
        stmt = stmt.where(Assertion.source == source)
    if limit:
        stmt = stmt.limit(limit)
    with Session(engine) as session:
        return list(session.exec(stmt))


def served_assertions(engine: Engine) -> list[Assertion]:
    """What search and explanations may use: accepted, or high-scoring unreviewed ones."""
    with Session(engine) as session:
        rows = session.exec(select(Assertion).where(Assertion.status != "rejected"))
        return [a for a in rows if a.served]


def set_status(engine: Engine, assertion_id: int, status: str) -> Assertion:
    """Record a review decision (accepted or rejected)."""
    if status not in ("accepted", "rejected"):
        raise InvalidRequestError("a review decision is 'accepted' or 'rejected'")
    with transaction(engine) as session:
        row = session.get(Assertion, assertion_id)
        if row is None:
            raise NotFoundError(f"no assertion with id {assertion_id}")
        row.status, row.updated_at = status, utcnow()
        session.add(row)
    return row
