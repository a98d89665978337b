"""The clash-probe harness: clash and honest briefs refused, by split, kind and naming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.clash_probe import check, main, summary

ROWS = [
    {"id": "c1", "brief": "Cotton tee\n100% cotton\n100% polyester", "clash": True,
     "sides": ["100% cotton", "100% polyester"], "kind": "material", "split": "dev"},
    {"id": "h1", "brief": "Cotton tee\n100% cotton, machine washable", "clash": False,
     "sides": [], "kind": "material", "split": "test"},
]


def test_a_refused_clash_and_a_passing_lookalike_are_counted_apart() -> None:
    figures = summary(check(ROWS))
    assert figures["clashes_refused"] == {"all": "1/1", "dev": "1/1", "test": "0/0"}
    assert figures["honest_refused"] == {"all": "0/1", "dev": "0/0", "test": "0/1"}
    assert figures["clashes_refused_by_kind"] == {"material": "1/1"}
    assert figures["named_loose"] == 1


def test_a_set_whose_rows_lack_the_fields_is_rejected(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "probe.jsonl"
    bad.write_text(json.dumps({"id": "x", "brief": "a tee"}) + "\n")
    with pytest.raises(SystemExit):
        main(["--set", str(bad)])
    assert "lack id, brief, clash or sides" in capsys.readouterr().err
