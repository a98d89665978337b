"""Attribute extraction against the hand-labelled ESCI set: micro precision / recall per field.

    python -m evals.extraction_eval [--split dev|test|all] [--errors N] [--products PATH]
                                    [--gold PATH] [--raw]

Scores the attributes as the importer stores them: the finders' values that pass the
calibrated filter (trained on the gold sets v1-v31, ``shopmage train extraction``); ``--raw``
scores the finders alone.

``--gold evals/data/extraction/esci_attributes_v2.jsonl`` scores the second set (200 more
products, labelled by another person apart from the extractor under the same guideline).

Gold: evals/data/extraction/esci_attributes.jsonl (labelled per GUIDELINE.md before the extractor
existed). Scoring follows the guideline: lower case, gray->grey, aluminium->aluminum, hyphens and
spaces alike, each word singular; a type is right when it equals the gold type or an alternative.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from knowledge.extraction.apply import extract_listing, title_tagger
from knowledge.extraction.calibration_model import load_filter
from knowledge.extraction.extract import LIST_KEYS
from knowledge.extraction.gold import label_space, norm
from knowledge.extraction.types import Tagger
from knowledge.settings import REPO_ROOT

GOLD = REPO_ROOT / "evals" / "data" / "extraction" / "esci_attributes.jsonl"
PRODUCTS = REPO_ROOT / "knowledge" / "demo" / "esci" / "products.jsonl.gz"
FIELDS = ("type", *LIST_KEYS)
GUIDELINE = GOLD.parent / "GUIDELINE.md"


def predicted(row: dict[str, Any], tagger: Tagger | None = None,
              model: dict[str, Any] | None = None) -> dict[str, Any]:
    """The extractor's output for one ESCI product row (``model``: the filter, None: raw)."""
    bullets = [b for b in str(row.get("product_bullet_point") or "").splitlines() if b.strip()]
    return extract_listing(row.get("product_title") or "", bullets,
                           row.get("product_description") or "", model=model,
                           color=row.get("product_color") or None, tagger=tagger,
                           brand=row.get("product_brand") or None).attributes


def score(gold: Iterable[dict[str, Any]], products: dict[str, dict[str, Any]],
          tagger: Tagger | None = None, *, scoped: bool = True,
          model: dict[str, Any] | None = None) -> dict[str, Any]:
    """Micro precision / recall / F1 per field and overall, plus the errors.

    ``scoped``: feature tags outside the guideline's label space (e.g. knowledge tails such
    as "anti-fog", which no labeller was allowed to write) are left unscored and counted in
    ``unscored_features``; ``scoped=False`` counts them as wrong. ``model``: the calibrated
    filter the values pass (None: the finders' values, unfiltered).
    """
    counts = {f: [0, 0, 0] for f in FIELDS}  # true positives, predicted, gold
    errors: list[dict[str, Any]] = []
    space, outside = label_space(), 0
    for g in gold:
        pred = predicted(products[g["product_id"]], tagger, model)
        for f in FIELDS:
            if f == "type":
                ok_set = {norm(t) for t in [g["type"], *g.get("type_alt", [])] if t}
                p = {norm(pred["type"])} if pred.get("type") else set()
                tp = len(p & ok_set)
                counts[f][0] += tp
                counts[f][1] += len(p)
                counts[f][2] += 1 if g["type"] else 0
                if g["type"] and not tp:
                    errors.append({"id": g["product_id"], "field": f, "gold": g["type"],
                                   "pred": sorted(p)})
                continue
            p = {norm(v) for v in pred.get(f, [])}
            if f == "features" and scoped:
                outside += len(p - space)
                p &= space
            t = {norm(v) for v in g.get(f, [])}
            counts[f][0] += len(p & t)
            counts[f][1] += len(p)
            counts[f][2] += len(t)
            if p != t:
                errors.append({"id": g["product_id"], "field": f, "missed": sorted(t - p),
                               "wrong": sorted(p - t)})
    out: dict[str, Any] = {f: _prf(*c) for f, c in counts.items()}
    out["overall"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    out["errors"], out["unscored_features"] = errors, outside
    return out


def _prf(tp: int, pred: int, gold: int) -> dict[str, float | int]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "gold": gold, "predicted": pred}


def load(split: str, products_path: Path = PRODUCTS, gold_path: Path = GOLD,
         ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """Gold rows of ``split`` ("dev", "test" or "all") and the product rows they name."""
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    gold = [g for g in gold if split == "all" or g["split"] == split]
    wanted = {g["product_id"] for g in gold}
    with gzip.open(products_path, "rt", encoding="utf-8") as handle:
        rows = (json.loads(line) for line in handle)
        products = {r["product_id"]: r for r in rows if r["product_id"] in wanted}
    return gold, products


def run(split: str = "dev", products_path: Path = PRODUCTS,
        tagger: Tagger | None = None, *, scoped: bool = True,
        gold_path: Path = GOLD, raw: bool = False) -> dict[str, Any]:
    """Score one split; returns the metrics dict (errors included).

    ``raw``: score the finders' values without the calibrated filter.
    """
    gold, products = load(split, products_path, gold_path)
    result = score(gold, products, tagger, scoped=scoped, model=None if raw else load_filter())
    result["split"], result["products"] = split, len(gold)
    return result


def main() -> None:
    """Print per-field precision / recall for the chosen split(s)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="both", choices=("dev", "test", "all", "both"))
    parser.add_argument("--errors", type=int, default=0, help="print this many errors (dev only)")
    parser.add_argument("--products", type=Path, default=PRODUCTS)
    parser.add_argument("--gold", type=Path, default=GOLD, help="labelled set to score")
    parser.add_argument("--tagger", action="store_true",
                        help="also ask the QueryNER tagger for types the dictionaries miss")
    parser.add_argument("--raw", action="store_true",
                        help="score the finders alone, without the calibrated filter")
    args = parser.parse_args()
    tagger = title_tagger() if args.tagger else None
    splits = ("dev", "test") if args.split == "both" else (args.split,)
    for split in splits:
        result = run(split, args.products, tagger, gold_path=args.gold, raw=args.raw)
        strict = run(split, args.products, tagger, scoped=False, gold_path=args.gold,
                     raw=args.raw)
        print(f"{split} ({result['products']} products)  "
              "field: precision / recall (gold, predicted)")
        for f in (*FIELDS, "overall"):
            m = result[f]
            print(f"  {f:10s} {m['precision']:.3f} / {m['recall']:.3f}  "
                  f"({m['gold']}, {m['predicted']})")
        print(f"  {result['unscored_features']} feature tags outside the guideline's label space "
              f"were not scored; counting them as wrong: features precision "
              f"{strict['features']['precision']:.3f}, overall "
              f"{strict['overall']['precision']:.3f} / {strict['overall']['recall']:.3f}")
        if args.errors and split == "dev":
            for e in result["errors"][:args.errors]:
                print("   ", json.dumps(e))


if __name__ == "__main__":
    main()
