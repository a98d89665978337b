"""Which labelled served lines today's code still shows (issue 13, served precision).

Every labelled line (``evals/data/served_labels*.jsonl``) is replayed on the current code: the
query is expanded and the labelled product explained, and the line counts as kept when its
attribute is still explained for that product. Printed per round: right and wrong lines the
reading rules withhold (the gate off unless ``--gate``)::

    python -m evals.served_replay --esci-dir D --demo-dir D [--rounds 13,14,15,16] [--out F]

A line the code now words differently (another head, another benefit) still counts as kept
with its old label; lines the code newly serves are not labelled and not counted. A round's
lines labelled again at other code (``served_labels_v20_at_<rev>.jsonl``) count once each.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlmodel import Session

from evals.implicit_needs import demo_store, esci_store
from evals.served_gate import round_rows
from knowledge.graph.gate_train import label_files, right
from knowledge.graph.serve import KnowledgeExpander
from knowledge.models import Product
from knowledge.settings import Settings


def replay(folders: dict[str, Path], rounds: set[int], gate: bool) -> list[dict[str, Any]]:
    """One record per labelled line of ``rounds``: its label and whether it is still served."""
    files = label_files()
    rows = [{**r, "round": n} for n in sorted(rounds) for r in round_rows(files, n)]
    out: list[dict[str, Any]] = []
    for name, build in (("esci", esci_store), ("demo", demo_store)):
        store = build(Settings(data_dir=folders[name], ranker_enabled=False))
        try:
            expander = KnowledgeExpander(store, gate=gate)
            expansions: dict[str, Any] = {}
            with Session(store.engine) as session:
                for row in (r for r in rows if r["catalogue"] == name):
                    product = session.get(Product, row["product_id"])
                    if row["query"] not in expansions:
                        expansions[row["query"]] = expander.expand(row["query"])
                    matched = [] if product is None else expander.explain(
                        expansions[row["query"]], product)[1]
                    out.append({"round": row["round"], "catalogue": name,
                                "query": row["query"], "product_id": row["product_id"],
                                "attribute": row["attribute"], "right": right(row),
                                "kept": row["attribute"] in matched,
                                "missing": product is None})
        finally:
            store.close()
    return out


def summary(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per round: lines, precision of all and of the kept lines, right/wrong withheld."""
    by: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for rec in records:
        by[rec["round"]].append(rec)
    out = []
    for round_no in sorted(by):
        recs = by[round_no]
        kept = [r for r in recs if r["kept"]]
        ok = sum(r["right"] for r in recs)
        out.append({"round": round_no, "lines": len(recs),
                    "precision_all": round(ok / len(recs), 3),
                    "kept": len(kept),
                    "precision_kept": round(sum(r["right"] for r in kept) / max(1, len(kept)), 3),
                    "right_withheld": f"{sum(r['right'] and not r['kept'] for r in recs)}/{ok}",
                    "wrong_withheld": (f"{sum(not r['right'] and not r['kept'] for r in recs)}"
                                       f"/{len(recs) - ok}"),
                    "products_missing": sum(r["missing"] for r in recs)})
    return out


def main() -> None:
    """Replay the labelled lines and print the per-round figures as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--esci-dir", type=Path, required=True)
    parser.add_argument("--demo-dir", type=Path, required=True)
    parser.add_argument("--rounds", default="13,14,15,16")
    parser.add_argument("--gate", action="store_true", help="apply the served-line gate too")
    parser.add_argument("--out", type=Path, help="write one record per labelled line (JSONL)")
    args = parser.parse_args()
    rounds = {int(r) for r in args.rounds.split(",")}
    records = replay({"esci": args.esci_dir, "demo": args.demo_dir}, rounds, args.gate)
    if args.out is not None:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in records))
    for line in summary(records):
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
