"""Knowledge export and import as JSONL; imports are all-or-nothing.

Each line: ``{head, head_type, relation, tail, score, source, status, evidence}``.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy.engine import Engine

from knowledge.errors import ImportFileError, InvalidRequestError
from knowledge.graph.store import Assertion, list_assertions, normalise, upsert_assertions
from knowledge.ingest import read_rows

FIELDS = ("head", "head_type", "relation", "tail", "score", "source", "status", "evidence")


def read_assertions(path: Path) -> list[Assertion]:
    """Parse and validate a whole file; the first bad line raises naming line and reason."""
    out = []
    for number, row in read_rows(Path(path)):
        try:
            out.append(normalise(row))
        except (InvalidRequestError, TypeError, ValueError) as exc:
            raise ImportFileError(str(path), number, str(exc)) from exc
    return out


def import_assertions(engine: Engine, path: Path) -> int:
    """Import a JSONL file of assertions (all rows or none)."""
    return upsert_assertions(engine, read_assertions(path))


def export_assertions(engine: Engine, path: Path, *, status: str | None = None) -> int:
    """Write every assertion (or those with ``status``) to a JSONL file."""
    rows = list_assertions(engine, status=status)
    with Path(path).open("w", encoding="utf-8") as handle:
        for a in rows:
            handle.write(json.dumps({f: getattr(a, f) for f in FIELDS}) + "\n")
    return len(rows)
