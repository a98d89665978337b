"""Attribute extraction on hand-labelled ESCI products: micro precision / recall per field.

Gold: evals/data/extraction/esci_attributes.jsonl (labelled per GUIDELINE.md before the
extractor existed, frozen). Dev is where the extractor was tuned; test is the headline.
"""

from __future__ import annotations

from evals.extraction_eval import FIELDS, GOLD, PRODUCTS, run
from evals.results import SuiteContext, SuiteResult, Table, register_suite


@register_suite("extraction")
def run_suite(ctx: SuiteContext) -> SuiteResult:
    """Score the dictionary extractor on dev and test; per-field rows in a table."""
    metrics: dict[str, dict[str, float]] = {}
    rows = []
    for split in ("dev", "test"):
        result = run(split, PRODUCTS)
        ctx.progress(f"{split}: {result['products']} products")
        for f in (*FIELDS, "overall"):
            m = result[f]
            metrics.setdefault(f"extraction_{split}", {})[f"{f}_precision"] = m["precision"]
            metrics[f"extraction_{split}"][f"{f}_recall"] = m["recall"]
            rows.append([split, f, m["precision"], m["recall"], m["gold"], m["predicted"]])
    ctx.record_data_file(GOLD, sum(1 for _ in GOLD.open(encoding="utf-8")))
    notes = ["targets: overall micro precision >= 0.90, recall >= 0.75 (headline: test)",
             "the labeller also wrote the extractor's word lists (after labelling), so figures "
             "on this set are optimistic for unseen catalogues",
             "the calibrated filter was trained on this set too (v1-v31): held-out figures are "
             "python -m evals.extraction_calibration's leave-one-set-out"]
    table = Table("Extraction per field", ["split", "field", "precision", "recall", "gold",
                                           "predicted"], rows)
    return SuiteResult(metrics=metrics, tables=[table], notes=notes)
