"""Ordinary contradictions in a brief: how many the check refuses, and how many honest lookalikes.

A clash probe (``evals/data/creative/clash_probe_vN.jsonl``) holds hand-written briefs, each
``{"id", "brief", "clash", "sides", "kind", "split"}``: ``clash`` briefs hold one everyday
contradiction of the product's own facts (``sides`` are its two exact spans), honest ones look
like a clash and must never be refused. Written and frozen by an independent writer before the
code it measures (docs/EVALUATION_PROCESS.md).

The figure is the share of clash briefs refused and of honest briefs refused, by split and by
kind. A refusal "names" the planted clash when each side overlaps a different quoted phrase of
the message (loose: one contains the other) or occurs in it whole (strict)::

    python -m evals.clash_probe --set evals/data/creative/clash_probe_v1.jsonl [--out F.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from evals.datasets.esci import read_jsonl, write_jsonl
from evals.listing_refusals import refusal

SPLITS = ("all", "dev", "test")
_QUOTED = re.compile(r"['\"‘’“”]([^'\"‘’“”]{1,200})['\"‘’“”]")


def _names(message: str, sides: list[str], strict: bool) -> bool:
    """Whether each planted side is a different quoted phrase of ``message``."""
    if len(sides) != 2:
        return False
    if strict:
        return all(side.lower() in message.lower() for side in sides)
    quoted = [q.lower() for q in _QUOTED.findall(message)]
    hits = [{i for i, q in enumerate(quoted) if side.lower() in q or q in side.lower()}
             for side in (s.lower() for s in sides)]
    return any(a != b for a in hits[0] for b in hits[1])


def check(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each brief with the check's message (None when it passes)."""
    return [{**row, "message": refusal(str(row["brief"]))} for row in rows]


def _share(rows: list[dict[str, Any]]) -> str:
    return f"{sum(r['message'] is not None for r in rows)}/{len(rows)}"


def summary(checked: list[dict[str, Any]]) -> dict[str, Any]:
    """Refused clash and honest briefs, by split and kind; how many refusals name the clash."""
    def part(clash: bool, split: str) -> list[dict[str, Any]]:
        return [r for r in checked if bool(r["clash"]) is clash
                and split in ("all", r.get("split"))]

    clashes = part(True, "all")
    refused = [r for r in clashes if r["message"] is not None]
    kinds = Counter(str(r.get("kind")) for r in clashes)
    return {
        "clashes_refused": {s: _share(part(True, s)) for s in SPLITS},
        "honest_refused": {s: _share(part(False, s)) for s in SPLITS},
        "named_loose": sum(_names(r["message"], list(r["sides"]), False) for r in refused),
        "named_strict": sum(_names(r["message"], list(r["sides"]), True) for r in refused),
        "clashes_refused_by_kind": {
            k: f"{sum(r['message'] is not None for r in clashes if r.get('kind') == k)}/{n}"
            for k, n in sorted(kinds.items())},
        "honest_refused_ids": [r["id"] for r in part(False, "all") if r["message"] is not None],
    }


def main(argv: list[str] | None = None) -> None:
    """Command line: check every brief of a probe set and print the summary."""
    parser = argparse.ArgumentParser(prog="python -m evals.clash_probe")
    parser.add_argument("--set", type=Path, required=True, help="a clash_probe_vN.jsonl")
    parser.add_argument("--out", type=Path, help="write each brief with its message here")
    args = parser.parse_args(argv)
    if not args.set.is_file():
        parser.error(f"{args.set} is not a file")
    rows = [row for _, row in read_jsonl(args.set)]
    missing = [i for i, r in enumerate(rows) if not {"id", "brief", "clash", "sides"} <= set(r)]
    if missing:
        parser.error(f"rows {missing[:5]} lack id, brief, clash or sides")
    checked = check(rows)
    if args.out is not None:
        write_jsonl(checked, args.out)
    print(json.dumps(summary(checked), indent=1))


if __name__ == "__main__":
    main()
