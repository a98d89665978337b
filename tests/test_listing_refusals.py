"""The ESCI refusal harness: fixed halves, real refusals, counts by the labeller's verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.listing_refusals import count, half_of, refusal


def test_halves_are_fixed_by_the_product_id() -> None:
    ids = [f"B0{i:08d}" for i in range(400)]
    halves = [half_of(pid) for pid in ids]
    assert halves == [half_of(pid) for pid in ids]
    assert 150 < halves.count("held") < 250


def test_a_listing_that_contradicts_itself_is_refused_and_a_plain_one_is_not() -> None:
    assert refusal("Cotton tee\n100% cotton\n100% polyester") is not None
    assert refusal("Cotton tee\n100% cotton, machine washable") is None


def test_count_splits_refusals_by_verdict_and_lists_the_unlabelled(tmp_path: Path) -> None:
    refusals = tmp_path / "r.jsonl"
    refusals.write_text("".join(json.dumps({"product_id": p}) + "\n" for p in "abc"))
    labels = tmp_path / "l.jsonl"
    labels.write_text(json.dumps({"product_id": "a", "verdict": "false"}) + "\n"
                      + json.dumps({"product_id": "b", "verdict": "clash"}) + "\n"
                      + json.dumps({"product_id": "z", "verdict": "false"}) + "\n")
    figures = count(refusals, labels)
    assert (figures["false_refusals"], figures["real_clashes"]) == (1, 1)
    assert figures["unlabelled"] == ["c"]
    assert figures["labelled_no_longer_refused"] == {"clash": 0, "false": 1}


def test_a_label_outside_clash_or_false_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "r.jsonl").write_text("")
    (tmp_path / "l.jsonl").write_text(json.dumps({"product_id": "a", "verdict": "maybe"}) + "\n")
    with pytest.raises(SystemExit, match="clash/false"):
        count(tmp_path / "r.jsonl", tmp_path / "l.jsonl")
