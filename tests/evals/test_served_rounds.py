"""A round's labelled served lines count once each, however many label files repeat them."""

import json
from pathlib import Path

from evals.served_gate import round_rows


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _line(query: str, attribute: str, right: int, line: str = "") -> dict[str, object]:
    return {"catalogue": "esci", "query": query, "product_id": "B01", "attribute": attribute,
            "line": line or f"{attribute} line", "knowledge": right, "product": 1, "sentence": 1}


def test_comparison_labels_add_only_cards_the_headline_census_lacks(tmp_path: Path) -> None:
    again = _write(tmp_path / "served_labels_v20_at_abc.jsonl", [
        _line("tent for snow", "waterproof", 1, "worded otherwise"),
        _line("tent for snow", "4-season", 1)])
    headline = _write(tmp_path / "served_labels_v20.jsonl", [
        _line("tent for snow", "waterproof", 0), _line("pan for 6", "non-stick", 1)])
    other = _write(tmp_path / "served_labels_v19.jsonl", [_line("mat", "non-slip", 1)])
    rows = round_rows([again, headline, other], 20)
    assert [(r["query"], r["attribute"], r["knowledge"]) for r in rows] == [
        ("tent for snow", "waterproof", 0), ("pan for 6", "non-stick", 1),
        ("tent for snow", "4-season", 1)]
