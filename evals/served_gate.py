"""How the served-line gate would have done on rounds it never saw (issue 13, served precision).

Forward in time: for each of the last rounds vN, the gate is trained (and its bar chosen) on
the labelled rounds before vN only, then applied to vN's labelled lines. Printed per round:
precision of all lines, of the lines the gate keeps, and how many right lines it withholds::

    python -m evals.served_gate [--rounds 12,13,14]

The lines are scored exactly as served (same features, same code); the labels are the
independent labellers', unchanged.
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


def held_out(round_no: int, withhold: float, embed: object) -> dict[str, object]:
    """Train on the rounds before ``round_no``; measure on ``round_no``."""
    files = label_files()
    past = labelled_rows(p for p in files if round_of(p) < round_no)
    now = labelled_rows(p for p in files if round_of(p) == round_no)
    base_past = base_features(past, embed)  # type: ignore[arg-type]
    base_now = base_features(now, embed)  # type: ignore[arg-type]
    y_past = np.array([right(r) for r in past])
    y_now = np.array([right(r) for r in now])
    bar = float(np.quantile(out_of_fold(past, base_past), withhold))
    rates = Rates(past)
    model = fit(matrix(past, base_past, rates), y_past)
    extra = np.array([rates.features(r, None) for r in now], dtype=float)
    kept = score(model, np.hstack([base_now, extra])) >= bar
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
    args = parser.parse_args()
    embedder = Embedder(Settings())
    for round_no in (int(r) for r in args.rounds.split(",")):
        print(json.dumps(held_out(round_no, args.withhold, embedder.embed_cached)), flush=True)


if __name__ == "__main__":
    main()
