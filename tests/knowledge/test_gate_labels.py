"""The served-line gate learns each labelled line once, however many label files repeat it."""

import json
from pathlib import Path

from knowledge.graph.gate_train import labelled_rows


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _line(query: str, attribute: str, right: int) -> dict[str, object]:
    return {"catalogue": "esci", "query": query, "product_id": "B01", "attribute": attribute,
            "line": f"{attribute} line", "knowledge": right, "product": 1, "sentence": 1}


def test_a_census_labelled_again_at_other_code_adds_only_its_new_lines(tmp_path: Path) -> None:
    headline = _write(tmp_path / "served_labels_v20.jsonl",
                      [_line("tent for snow", "waterproof", 0), _line("pan for 6", "non-stick", 1)])
    again = _write(tmp_path / "served_labels_v20_at_abc.jsonl",
                   [_line("tent for snow", "waterproof", 0), _line("tent for snow", "4-season", 1)])
    rows = labelled_rows([headline, again])
    assert [(row["query"], row["attribute"]) for row in rows] == [
        ("tent for snow", "waterproof"), ("pan for 6", "non-stick"), ("tent for snow", "4-season")]


def test_rows_set_aside_when_labelled_are_left_out(tmp_path: Path) -> None:
    kept = _line("pan for 6", "non-stick", 1)
    aside = {**_line("mat", "non-slip", 1), "excluded": "x"}
    assert labelled_rows([_write(tmp_path / "served_labels_v1.jsonl", [kept, aside])]) == [kept]
