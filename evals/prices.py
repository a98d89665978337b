"""Price expressions parsed right: the frozen written set (evals/data/price_expressions.jsonl).

Each row gives the expected ``min_price``, ``max_price`` and ``relative`` ("cheaper",
"pricier" or null); a row is right when all three match (prices within 0.01). Split by
sha1(text) % 10: 0-4 dev, 5-9 test. The set was written before the parser and never edited
after (see price_expressions.md). ``--old`` scores the first build's regex parser instead.
An external check follows: the price bounds of ShoppingBench's written shopping intents
(../shared/data/shoppingbench), same hash split.

    python -m evals.prices [--old] [--errors]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from knowledge.nlp.prices import parse_price

DATA = Path(__file__).parent / "data" / "price_expressions.jsonl"
SHOPPINGBENCH = (Path(__file__).resolve().parents[2] / "shared" / "data" / "shoppingbench"
                 / "product_queries.dev.jsonl")


def split_of(text: str) -> str:
    """``dev`` or ``test`` by sha1 of the text."""
    return "dev" if int(hashlib.sha1(text.encode()).hexdigest(), 16) % 10 < 5 else "test"


def _close(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 0.01)


def parsed(text: str, old: bool) -> tuple[float | None, float | None, str | None]:
    """(min, max, relative) from the new parser or the frozen regex one."""
    if old:
        from evals.baselines.regex_slots import Slots
        from evals.baselines.regex_slots import parse_price as old_price

        slots = Slots()
        old_price(text.lower(), slots)
        relative = "cheaper" if slots.cheaper else "pricier" if slots.pricier else None
        return slots.min_price, slots.max_price, relative
    found = parse_price(text)
    return found.min_price, found.max_price, found.relative


def run(old: bool = False) -> dict[str, Any]:
    """Accuracy per split, with the wrong rows."""
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    out: dict[str, Any] = {s: {"right": 0, "rows": 0, "errors": []} for s in ("dev", "test")}
    for row in rows:
        got = parsed(row["text"], old)
        want = (row["min_price"], row["max_price"], row["relative"])
        ok = _close(got[0], want[0]) and _close(got[1], want[1]) and got[2] == want[2]
        split = out[split_of(row["text"])]
        split["rows"] += 1
        split["right"] += int(ok)
        if not ok:
            split["errors"].append({"text": row["text"], "got": got, "want": want})
    for split in out.values():
        split["accuracy"] = round(split["right"] / max(1, split["rows"]), 3)
    return out


def shoppingbench(path: Path, old: bool = False) -> dict[str, Any]:
    """External check: price bounds of ShoppingBench intents (not written by us), dev/test."""
    out: dict[str, Any] = {s: {"right": 0, "rows": 0, "errors": []} for s in ("dev", "test")}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        bounds = (row.get("reward") or {}).get("price") or []
        if not bounds:
            continue
        want_min = want_max = None
        for bound in bounds:
            for relation, (low, high) in bound.items():
                if relation.startswith("greater"):
                    want_min = low
                elif relation.startswith("less"):
                    want_max = high if high is not None else low
                else:
                    want_min, want_max = low, high
        got = parsed(row["query"], old)
        ok = _close(got[0], want_min) and _close(got[1], want_max)
        split = out[split_of(row["query"])]
        split["rows"] += 1
        split["right"] += int(ok)
        if not ok:
            split["errors"].append({"text": row["query"], "got": got[:2],
                                    "want": (want_min, want_max)})
    for split in out.values():
        split["accuracy"] = round(split["right"] / max(1, split["rows"]), 3)
    return out


def main() -> None:
    """Print accuracy on dev and test (and the errors with ``--errors``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", action="store_true", help="score the first build's parser")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--shoppingbench", type=Path, default=SHOPPINGBENCH,
                        help="ShoppingBench product_queries file (external check)")
    args = parser.parse_args()
    name = "old regex parser" if args.old else "knowledge.nlp.prices"
    results = {"written set": run(args.old)}
    if args.shoppingbench.is_file():
        results["ShoppingBench price bounds"] = shoppingbench(args.shoppingbench, args.old)
    for title, result in results.items():
        for split in ("dev", "test"):
            r = result[split]
            print(f"{name}, {title}, {split}: {r['accuracy']:.3f} ({r['right']}/{r['rows']})")
            for error in r["errors"] if args.errors else []:
                print("   ", error)


if __name__ == "__main__":
    main()
