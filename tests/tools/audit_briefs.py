"""The listing audits' stored briefs, read by id for the contradiction tests."""

from __future__ import annotations

import json
from pathlib import Path

AUDIT_DATA = Path(__file__).resolve().parents[2] / "evals" / "data" / "creative"


def audit_briefs(version: int) -> dict[str, str]:
    """Audit ``version``'s briefs (``audit_briefs_v<version>.jsonl``) by id."""
    path = AUDIT_DATA / f"audit_briefs_v{version}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row["brief"] for row in rows}
