"""Listing drafts for the frozen brief set, graded independently; dev beside test.

``python -m evals.listing_briefs [--no-llm] [--show] [--json PATH]`` drafts a listing for
each of the 70 briefs in evals/data/creative/briefs.jsonl (real store in a scratch folder,
real packaged model unless ``--no-llm``), grades it with :mod:`evals.listing_grading`
(written before the listing code, not the checker that filtered the draft) and prints:
facts present (numbers exact), drafts with every fact, drafts with any unsupported word,
the type named in the title, model sentences kept, and draft time p50/p95.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from evals.listing_grading import grade
from evals.metrics import percentile

DATA = Path(__file__).resolve().parent / "data" / "creative" / "briefs.jsonl"


def load_briefs(path: Path = DATA) -> list[dict[str, Any]]:
    """The frozen brief set, one dict per brief."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def draft_all(store: Any, merchant_id: str, briefs: list[dict[str, Any]], *,
              use_llm: bool = True) -> list[dict[str, Any]]:
    """Draft and grade every brief; each row has the grade, the draft and its seconds."""
    from tools.creatives.listing import draft_listing

    rows = []
    for i, brief in enumerate(briefs):
        if i % 10 == 0:
            print(f"{i}/{len(briefs)} briefs drafted", file=sys.stderr, flush=True)
        start = time.perf_counter()
        creative = draft_listing(store, merchant_id=merchant_id, brief=brief["brief"],
                                 use_llm=use_llm)
        seconds = time.perf_counter() - start
        row = grade(creative.content, brief)
        row.update(seconds=seconds, content=creative.content)
        rows.append(row)
    return rows


def summary(rows: list[dict[str, Any]]) -> dict[str, float]:
    """The figures for one split."""
    facts = sum(r["facts"] for r in rows)
    missing = sum(len(r["missing"]) for r in rows)
    secs = [r["seconds"] for r in rows]
    return {
        "briefs": len(rows),
        "facts_present": (facts - missing) / facts if facts else 0.0,
        "drafts_all_facts": sum(not r["missing"] for r in rows) / len(rows) if rows else 0.0,
        "drafts_unsupported": sum(bool(r["unsupported"]) for r in rows) / len(rows)
        if rows else 0.0,
        "type_in_title": sum(r["type_in_title"] for r in rows) / len(rows) if rows else 0.0,
        "drafts_with_model_sentence": sum(r["content"].get("model_sentences_kept", 0) > 0
                                          for r in rows) / len(rows) if rows else 0.0,
        "seconds_p50": percentile(secs, 50) if secs else 0.0,
        "seconds_p95": percentile(secs, 95) if secs else 0.0,
    }


def by_split(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Figures for dev and test."""
    return {s: summary([r for r in rows if r["split"] == s]) for s in ("dev", "test")}


def table(figures: dict[str, dict[str, float]]) -> str:
    """Dev beside test, test being the headline."""
    keys = list(figures["test"])
    lines = [f"{'figure':32} {'dev':>8} {'test':>8}"]
    for key in keys:
        lines.append(f"{key:32} {figures['dev'][key]:8.3f} {figures['test'][key]:8.3f}")
    return "\n".join(lines)


def run(use_llm: bool = True) -> list[dict[str, Any]]:
    """Draft and grade every brief in a scratch store."""
    from knowledge.merchants import create_merchant
    from knowledge.settings import Settings
    from knowledge.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Settings(data_dir=Path(tmp) / "data"))
        try:
            merchant, _ = create_merchant(store.engine, name="brief eval")
            if use_llm:
                _ = store.llm  # load the model before timing the first draft
            return draft_all(store, merchant.id, load_briefs(), use_llm=use_llm)
        finally:
            store.close()


def main() -> None:
    """Print the figures (and, with --show, every miss and unsupported word)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-llm", action="store_true", help="templates only (no model)")
    parser.add_argument("--show", action="store_true",
                        help="print misses per brief of the dev split (tune on dev only)")
    parser.add_argument("--json", type=Path, help="write rows and figures here")
    args = parser.parse_args()
    rows = run(use_llm=not args.no_llm)
    if args.show:
        for r in rows:
            if r["split"] == "dev" and (r["missing"] or r["unsupported"]):
                print(f"{r['id']} [{r['split']}] missing={r['missing']} "
                      f"unsupported={r['unsupported']}")
    figures = by_split(rows)
    print(table(figures))
    if args.json:
        args.json.write_text(json.dumps({"figures": figures, "rows": rows}, indent=1,
                                        default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
