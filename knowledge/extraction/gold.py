"""The labelled ESCI gold sets as the extraction eval reads them: matching, label space, sets.

``norm`` and ``label_space`` are the eval's own matching (``evals.extraction_eval`` imports
them from here), so the calibrated filter learns from exactly the labels the eval scores.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from knowledge.extraction.types import singular
from knowledge.settings import REPO_ROOT

GOLD_DIR = REPO_ROOT / "evals" / "data" / "extraction"
GUIDELINE = GOLD_DIR / "GUIDELINE.md"
PRODUCTS = REPO_ROOT / "knowledge" / "demo" / "esci" / "products.jsonl.gz"
# the sets the filter trains on, named one by one: later sets are fresh evaluation data that
# no builder may read (v26_e18 relabels v26's products, so it is a second opinion, not data)
TRAIN_SETS = ("esci_attributes.jsonl",
              *(f"esci_attributes_v{n}.jsonl" for n in range(2, 32)))


def norm(value: str) -> str:
    """A value as the guideline compares it."""
    text = value.lower().replace("gray", "grey").replace("aluminium", "aluminum")
    return " ".join(singular(w) for w in re.split(r"[\s\-_]+", text) if w)


def label_space(guideline: Path = GUIDELINE) -> frozenset[str]:
    """The feature tags the guideline lets a labeller write (its list is the label space)."""
    text = guideline.read_text(encoding="utf-8")
    block = text.split("### features", 1)[1].split("- \"BPA free\"", 1)[0]
    block = block.split("(synonyms map to the tag):", 1)[1]
    block = re.sub(r"\([^)]*\)", "", block)
    return frozenset(norm(t) for t in re.split(r"[,.\s]+\s*", block.replace("\n", " "))
                     if re.fullmatch(r"[a-z0-9-]+", t))


def set_name(path: Path) -> str:
    """A gold set's short name: "v1" for the first file, "v7" for ``esci_attributes_v7``."""
    stem = Path(path).stem
    return "v1" if stem == "esci_attributes" else stem.rsplit("_", 1)[-1]


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The rows of one gold file; a missing or malformed file raises ValueError naming it."""
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"gold set {path} does not exist")
    rows = []
    for number, line in enumerate(path.open(encoding="utf-8"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or "product_id" not in row:
            raise ValueError(f"{path}:{number}: a gold row needs a product_id")
        rows.append(row)
    return rows


def right_values(row: dict[str, Any], key: str) -> set[str]:
    """The normalised values the eval counts right for ``key`` (type: also its alternatives)."""
    if key == "type":
        return {norm(t) for t in [row.get("type"), *row.get("type_alt", [])] if t}
    return {norm(v) for v in row.get(key, [])}


def gold_count(row: dict[str, Any], key: str) -> int:
    """How many gold values of ``key`` the eval counts toward recall for this row."""
    if key == "type":
        return 1 if row.get("type") else 0
    return len({norm(v) for v in row.get(key, [])})
