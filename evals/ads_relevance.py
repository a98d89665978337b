"""The sponsored-slot relevance floor, calibrated on real judged queries (ESCI).

``python -m evals.ads_relevance`` prints one JSON object. The ad server refuses a sponsored
product whose embedding cosine to the query is below ``AdSettings.relevance_min_similarity``
(besides being in the organic top N). The threshold is chosen by a rule fixed before any
figure was read: the 10th percentile of the cosine over Exact-labelled pairs of the *dev*
queries, rounded down to 0.05 (so about nine in ten exact matches may show an ad). The
*test* queries (the other half, by a fixed hash of the query id) report how many E, S, C
and I pairs the floor keeps. Cosines use the store's embedder over the importer's
embedding text, as served.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.ingest import parse_product, read_rows
from knowledge.settings import REPO_ROOT, Settings
from knowledge.text import embedding_text

DATA = REPO_ROOT.parent / "shared" / "data" / "esci"
PERCENTILE = 10.0


def split_of(query_id: str) -> str:
    """The split of a query: dev (hash 0-4) or test (5-9), by a fixed hash of its id."""
    return "dev" if int(hashlib.sha1(query_id.encode()).hexdigest(), 16) % 10 < 5 else "test"


def pair_cosines(data: Path, settings: Settings) -> list[dict[str, Any]]:
    """(split, label, cosine) for every judged (query, product) pair."""
    from knowledge.embeddings import Embedder
    from knowledge.extraction.apply import apply_extraction

    queries = [row for _, row in read_rows(data / "judgments.dev.jsonl")]
    judged = {j["product_id"] for q in queries for j in q["judgments"]}
    products = [p for p in (parse_product(r) for _, r in read_rows(data / "products.jsonl.gz"))
                if p.id in judged]
    apply_extraction(products)  # as the importer does: the served text carries attributes
    embedder = Embedder(settings)
    ids = sorted({p.id for p in products})
    by_id = {p.id: p for p in products}
    vectors = dict(zip(ids, embedder.embed([embedding_text(by_id[i]) for i in ids]), strict=True))
    qvecs = embedder.embed([q["query"] for q in queries])
    rows = []
    for q, qvec in zip(queries, qvecs, strict=True):
        for j in q["judgments"]:
            if j["product_id"] in vectors:
                rows.append({"split": split_of(q["query_id"]), "label": j["esci_label"],
                             "cosine": float(vectors[j["product_id"]] @ qvec)})
    return rows


def choose_threshold(rows: list[dict[str, Any]]) -> float:
    """The rule: 10th percentile of dev E-pair cosines, rounded down to 0.05."""
    exact = [r["cosine"] for r in rows if r["split"] == "dev" and r["label"] == "E"]
    return math.floor(float(np.percentile(exact, PERCENTILE)) * 20) / 20


def kept_shares(rows: list[dict[str, Any]], threshold: float) -> dict[str, dict[str, float]]:
    """Per split and label: the share of pairs at or above the threshold."""
    cells: dict[str, dict[str, list[bool]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        cells[r["split"]][r["label"]].append(r["cosine"] >= threshold)
    return {s: {lab: round(float(np.mean(v)), 3) for lab, v in sorted(by.items())}
            for s, by in sorted(cells.items())}


def main() -> None:
    """Print the chosen threshold and what it keeps, dev beside test."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    settings = Settings()
    rows = pair_cosines(args.data, settings)
    threshold = choose_threshold(rows)
    from knowledge.ads import AdSettings

    print(json.dumps({"pairs": len(rows), "threshold_by_rule": threshold,
                      "served_setting": AdSettings().relevance_min_similarity,
                      "kept_share_by_split_and_label": kept_shares(rows, threshold)}, indent=1))


if __name__ == "__main__":
    main()
