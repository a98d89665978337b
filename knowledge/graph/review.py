"""Human review: the queue of unreviewed candidates and the decisions on them."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from knowledge.errors import ImportFileError, InvalidRequestError, NotFoundError
from knowledge.graph.store import SERVE_SCORE, Assertion, list_assertions, set_status
from knowledge.ingest import read_rows

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
