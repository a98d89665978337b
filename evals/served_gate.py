"""How the served-line gate would have done on rounds it never saw (issue 13, served precision).

Forward in time: for each of the last rounds vN, the gate is trained (and its bar chosen) on
the labelled rounds before vN only, then applied to vN's labelled lines. Printed per round:
precision of all lines, of the lines the gate keeps, and how many right lines it withholds::

    python -m evals.served_gate [--rounds 12,13,14] [--served replay.jsonl]

The lines are scored exactly as served (same features, same code); the labels are the
independent labellers', unchanged. With ``--served`` (the records ``python -m
evals.served_replay --out`` writes) a line counts as kept only when today's reading rules
still serve it too: the figure of rules and gate together.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np

from knowledge.embeddings import Embedder
from knowledge.graph.gate_train import WITHHOLD as DEFAULT_WITHHOLD
from knowledge.graph.gate_train import (
    Rates,
    Row,
    base_features,
    fit,
    label_files,
    labelled_rows,
    matrix,
    out_of_fold,
    right,
    score,
)
from knowledge.settings import Settings


def round_of(path: Path) -> int:
    """The labelling round of a label file (``served_labels.jsonl`` is round 1)."""
    found = re.search(r"_v(\d+)", path.name)
    return int(found.group(1)) if found else 1


def round_rows(files: list[Path], round_no: int) -> list[Row]:
    """One round's labelled lines, each card's line once: the headline census first.

    A census labelled again at other code (``served_labels_v20_at_<rev>.jsonl``) repeats the
    lines both codes served, sometimes worded otherwise; a round's figure counts each (query,
    product, attribute) once, with the headline file's label where it has one.
    """
    mine = sorted((p for p in files if round_of(p) == round_no),
                  key=lambda p: ("_at_" in p.name, p.name))
    rows: list[Row] = []
    seen: set[tuple[str, ...]] = set()
    for row in labelled_rows(mine):
        key = tuple(str(row.get(f, "")) for f in ("catalogue", "query", "product_id", "attribute"))
        if key not in seen:
            seen.add(key)
            rows.append(row)
    return rows


Served = dict[tuple[int, str, str, str], bool]  # (round, query, product, attribute) -> kept


def served_by_code(path: Path) -> Served:
    """Which labelled lines today's code still serves (``evals.served_replay`` records)."""
    out: Served = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            rec = json.loads(raw)
            out[(rec["round"], rec["query"], rec["product_id"], rec["attribute"])] = rec["kept"]
    return out


def held_out(round_no: int, withhold: float, embed: object,
             served: Served | None = None) -> dict[str, object]:
    """Train on the rounds before ``round_no``; measure on ``round_no``."""
    files = label_files()
    past = labelled_rows(p for p in files if round_of(p) < round_no)
    now = round_rows(files, round_no)
    base_past = base_features(past, embed)  # type: ignore[arg-type]
    base_now = base_features(now, embed)  # type: ignore[arg-type]
    y_past = np.array([right(r) for r in past])
    y_now = np.array([right(r) for r in now])
    bar = float(np.quantile(out_of_fold(past, base_past), withhold))
    rates = Rates(past)
    model = fit(matrix(past, base_past, rates), y_past)
    extra = np.array([rates.features(r, None) for r in now], dtype=float)
    kept = score(model, np.hstack([base_now, extra])) >= bar
    if served is not None:
        kept &= np.array([served.get((round_no, r["query"], r["product_id"], r["attribute"]),
                                     True) for r in now])
    return {"round": round_no, "trained_on": len(past), "lines": len(now),
            "precision_all": round(float(y_now.mean()), 3),
            "kept": int(kept.sum()), "precision_kept": round(float(y_now[kept].mean()), 3),
            "right_withheld": f"{int((~kept & (y_now == 1)).sum())}/{int(y_now.sum())}",
            "wrong_withheld": f"{int((~kept & (y_now == 0)).sum())}/{int((y_now == 0).sum())}",
            "bar": round(bar, 3)}


def main() -> None:
    """Print the forward held-out figures as JSON lines."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", default="12,13,14")
    parser.add_argument("--withhold", type=float, default=DEFAULT_WITHHOLD)
    parser.add_argument("--served", type=Path,
                        help="evals.served_replay records: also withhold what the rules drop")
    args = parser.parse_args()
    served = served_by_code(args.served) if args.served is not None else None
    embedder = Embedder(Settings())
    for round_no in (int(r) for r in args.rounds.split(",")):
        print(json.dumps(held_out(round_no, args.withhold, embedder.embed_cached, served)),
              flush=True)


if __name__ == "__main__":
    main()
