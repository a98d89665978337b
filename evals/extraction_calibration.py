"""The calibrated extraction filter, cross-validated by gold set: precision / recall before, after.

    python -m evals.extraction_calibration [--min-recall 0.80] [--json PATH]

Leave-one-set-out over the named training sets (v1-v31; never a later set): for each set, the
filter is trained on the others (its threshold chosen by set-grouped CV inside them, so the
held-out set never picks its own cut) and applied to the held-out set. Prints, per set, the
finders' micro precision / recall before and after the filter, the leave-set-out mean and
pooled figures, the v26-v31 detail per field and split (dev / test halves), and the figure
when trained on v1-v25 only and applied to v26 and v27 (the least tuned-on sets). v26 is also
scored against its second labelling (``_v26_e18``).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from knowledge.extraction.calibration_model import choose_threshold, counts, held_out, predict
from knowledge.extraction.calibration_train import (
    KEYS,
    MIN_RECALL,
    Labelled,
    fit,
    labelled,
    offered,
)
from knowledge.extraction.gold import GOLD_DIR, TRAIN_SETS

SECOND_OPINION = GOLD_DIR / "esci_attributes_v26_e18.jsonl"


def _prf(right: int, kept: int, total: int) -> dict[str, float]:
    """Precision, recall and the counts behind them."""
    return {"precision": round(right / kept, 4) if kept else 0.0,
            "recall": round(right / total, 4) if total else 0.0,
            "right": right, "kept": kept, "gold": total}


def _subset(data: Labelled, groups: set[str], split: str | None = None) -> Labelled:
    """The candidates and gold counts of some sets (and one split, when named)."""
    keep = [c for c in data.candidates if c.group in groups and split in (None, c.split)]
    gold = {k: n for k, n in data.gold.items() if k[0] in groups and split in (None, k[1])}
    return Labelled(keep, gold)


def trained(data: Labelled, groups: set[str], min_recall: float) -> dict[str, Any]:
    """A filter trained on ``groups`` only, its threshold chosen by grouped CV inside them."""
    train = _subset(data, groups)
    cuts = choose_threshold(train.candidates, held_out(train.candidates), train.gold, min_recall)
    model = fit(train.candidates)
    model["thresholds"] = cuts
    return model


def figures(model: dict[str, Any], test: Labelled) -> dict[str, Any]:
    """Before / after per field on ``test``.

    Before: every value the finders found (not the guesses ``offers`` makes for the filter
    alone, which extraction without the filter never states).
    """
    probs = predict(model, test.candidates)
    found = [(c, p) for c, p in zip(test.candidates, probs, strict=True) if not offered(c)]
    before = counts([c for c, _ in found], [p for _, p in found], test.gold, 0.0)
    after = counts(test.candidates, probs, test.gold, model["thresholds"])
    return {k: {"before": _prf(*before[k]), "after": _prf(*after[k])} for k in (*KEYS, "overall")}


def _line(name: str, fig: dict[str, Any]) -> str:
    """One printed row: overall before -> after."""
    b, a = fig["overall"]["before"], fig["overall"]["after"]
    return (f"  {name:14s} P {b['precision']:.3f} -> {a['precision']:.3f}   "
            f"R {b['recall']:.3f} -> {a['recall']:.3f}   kept {a['kept']}/{b['kept']}")


def _detail(name: str, model: dict[str, Any], data: Labelled, group: str) -> dict[str, Any]:
    """Per-field, per-split figures of one held-out set, printed."""
    out = {}
    for split in ("dev", "test", None):
        fig = figures(model, _subset(data, {group}, split))
        out[split or "all"] = fig
        print(_line(f"{name} {split or 'all'}", fig))
        for key in KEYS:
            b, a = fig[key]["before"], fig[key]["after"]
            print(f"      {key:10s} P {b['precision']:.3f} -> {a['precision']:.3f}   "
                  f"R {b['recall']:.3f} -> {a['recall']:.3f}   ({a['kept']}/{b['kept']} kept)")
    return out


def main() -> None:
    """Leave-one-set-out figures, the v26-v31 detail and the v1-v25 -> v26 / v27 figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-recall", type=float, default=MIN_RECALL)
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()
    began = time.perf_counter()
    data = labelled([GOLD_DIR / name for name in TRAIN_SETS])
    second = labelled([SECOND_OPINION])
    print(f"{len(data.candidates)} extracted values of {len(TRAIN_SETS)} gold sets "
          f"({time.perf_counter() - began:.0f} s)")
    groups = sorted({c.group for c in data.candidates}, key=lambda g: int(g[1:]))
    out: dict[str, Any] = {"sets": {}, "min_recall": args.min_recall}
    print("leave one set out (overall, scoped as the eval):")
    for group in groups:
        model = trained(data, set(groups) - {group}, args.min_recall)
        fig = figures(model, _subset(data, {group}))
        out["sets"][group] = {"threshold": model["thresholds"]["default"], **fig}
        cuts = "/".join(f"{v:.2f}" for v in model["thresholds"].values())
        print(_line(f"{group} t={cuts}", fig))
        if group in ("v26", "v27", "v28", "v29", "v30", "v31"):
            out[f"{group}_detail"] = _detail(group, model, data, group)
        if group == "v26":
            e18 = Labelled([c for c in second.candidates], second.gold)
            out["v26_e18"] = figures(model, e18)
            print(_line("v26 (e18 labels)", out["v26_e18"]))
    for when in ("before", "after"):
        p = [out["sets"][g]["overall"][when]["precision"] for g in groups]
        r = [out["sets"][g]["overall"][when]["recall"] for g in groups]
        out[f"mean_{when}"] = {"precision": round(sum(p) / len(p), 4),
                               "recall": round(sum(r) / len(r), 4)}
        print(f"  leave-set-out mean {when}: P {out[f'mean_{when}']['precision']:.3f}  "
              f"R {out[f'mean_{when}']['recall']:.3f}")
    early = {g for g in groups if int(g[1:]) <= 25}
    model = trained(data, early, args.min_recall)
    print(f"trained on v1-v25 only (threshold {model['thresholds']['default']:.2f}):")
    out["v1_v25"] = {"threshold": model["thresholds"]["default"]}
    for group in ("v26", "v27"):
        out["v1_v25"][group] = _detail(group, model, data, group)
    out["v1_v25"]["v26_v27"] = figures(model, _subset(data, {"v26", "v27"}))
    print(_line("v26+v27", out["v1_v25"]["v26_v27"]))
    print(f"({time.perf_counter() - began:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
