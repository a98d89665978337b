"""Human review: the queue of unreviewed candidates and the decisions on them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from knowledge.errors import ImportFileError, InvalidRequestError, NotFoundError
from knowledge.graph.relations import check_relation
from knowledge.graph.store import SERVE_SCORE, Assertion, list_assertions, set_status
from knowledge.ingest import read_rows
from knowledge.models import utcnow
from knowledge.sql import transaction

DECISIONS = {"accept": "accepted", "accepted": "accepted", "reject": "rejected",
             "rejected": "rejected"}


def review_queue(engine: Engine, limit: int = 50) -> list[Assertion]:
    """Candidates waiting for a person, the ones closest to being served first."""
    waiting = [a for a in list_assertions(engine, status="candidate") if a.score < SERVE_SCORE]
    return waiting[:limit]


def decide(engine: Engine, assertion_id: int, decision: str) -> Assertion:
    """Accept or reject one assertion."""
    status = DECISIONS.get(decision.strip().lower())
    if status is None:
        raise InvalidRequestError("a decision is 'accept' or 'reject'")
    return set_status(engine, assertion_id, status)


def edit(engine: Engine, assertion_id: int, *, head: str | None = None,
         relation: str | None = None, tail: str | None = None) -> Assertion:
    """Correct an assertion by hand; the corrected one is accepted, with the human as source.

    Every value is checked before anything changes; an edit that would duplicate another
    assertion is refused.
    """
    changes = {"head": head, "relation": relation, "tail": tail}
    if all(v is None for v in changes.values()):
        raise InvalidRequestError("an edit changes at least one of head, relation, tail")
    for key in ("head", "tail"):
        value = changes[key]
        if value is not None and not (value := value.strip().lower()):
            raise InvalidRequestError(f"{key} must not be empty")
        changes[key] = value
    if relation is not None:
        changes["relation"] = check_relation(relation)
    with transaction(engine) as session:
        row = session.get(Assertion, assertion_id)
        if row is None:
            raise NotFoundError(f"no assertion with id {assertion_id}")
        for key, value in changes.items():
            if value is not None:
                setattr(row, key, value)
        row.status, row.source, row.updated_at = "accepted", "human", utcnow()
        with session.no_autoflush:  # check before the changed row is written
            _refuse_duplicate(session, row)
        session.add(row)
    return row


def _refuse_duplicate(session: Session, row: Assertion) -> None:
    same = select(Assertion).where(Assertion.head == row.head, Assertion.relation == row.relation,
                                   Assertion.tail == row.tail, Assertion.source == row.source,
                                   Assertion.id != row.id)
    if session.exec(same).first() is not None:
        raise InvalidRequestError(
            f"({row.head}, {row.relation}, {row.tail}) already exists as a human assertion")


def apply_decisions(engine: Engine, path: Path) -> int:
    """Apply a JSONL file of ``{id, decision}``; every line is checked before any is applied."""
    planned: list[tuple[int, str]] = []
    known = {a.id for a in list_assertions(engine)}
    for number, row in read_rows(Path(path)):
        decision = DECISIONS.get(str(row.get("decision", "")).lower())
        if decision is None:
            raise ImportFileError(str(path), number, "decision must be 'accept' or 'reject'")
        if row.get("id") not in known:
            raise ImportFileError(str(path), number, f"no assertion with id {row.get('id')!r}")
        planned.append((int(row["id"]), decision))
    for assertion_id, status in planned:
        try:
            set_status(engine, assertion_id, status)
        except NotFoundError as exc:  # deleted meanwhile
            raise ImportFileError(str(path), 0, str(exc)) from exc
    return len(planned)
