"""What the learned ranker adds to one search at 10k products: wall and CPU p50/p95.

``python -m evals.ranker_latency [--products 10000] [--repeats 3]``: the repo's ESCI products
(6,597, topped up to ``--products`` with renamed copies) are indexed as the ranker indexes a
store; for each of the 121 judged queries, 40 candidates (the ranker's depth) are scored
the way :func:`knowledge.ranking.serve.rerank_fused` does after hybrid search: the
candidates' catalogue BM25 scores (taken from the array search computed for its own BM25
list, as search passes it), the features and the ensemble's prediction. Vectors come from the
ranker's in-memory cache in a served store (:meth:`Reranker.warm`) and the query vector from
the embedder's cache, so they are random unit vectors here: they change no amount of work.
The model has the shipped shape: an ensemble of :data:`~knowledge.ranking.select.MEMBERS`
boosters of the grid's largest size (300 rounds of 3 leaves each), scores averaged.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

import numpy as np

from knowledge.catalog_index import CatalogIndex
from knowledge.models import Product
from knowledge.ranking.reranker import DEPTH, Reranker
from knowledge.ranking.select import MEMBERS, ROUND_CHOICES, fit_ensemble
from knowledge.ranking.train import (
    ESCI_JUDGMENTS,
    ESCI_PRODUCTS,
    LABELS,
    Config,
    QueryRows,
    _judgments,
    _products,
)

Case = tuple[str, list[str], np.ndarray, np.ndarray, np.ndarray]


def main(argv: list[str] | None = None) -> None:
    """Print the rerank step's wall and CPU p50/p95 per search (and the machine's load)."""
    import os

    from knowledge.extraction.apply import apply_extraction

    parser = argparse.ArgumentParser(prog="python -m evals.ranker_latency")
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    catalogue = _products(ESCI_PRODUCTS)
    apply_extraction(catalogue)
    copies: list[Product] = []
    while len(catalogue) + len(copies) < args.products:
        source = catalogue[len(copies) % len(catalogue)]
        copies.append(source.model_copy(update={"id": f"{source.id}-{len(copies)}"}))
    catalogue += copies
    index = CatalogIndex()
    index.upsert(catalogue)
    rng = np.random.default_rng(0)
    queries = _judgments(ESCI_JUDGMENTS)
    cases: list[Case] = []
    for q in queries:
        ids = [j["product_id"] for j in q["judgments"]][:DEPTH]
        vectors = rng.normal(size=(len(ids), 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        qvec = vectors.mean(axis=0) / np.linalg.norm(vectors.mean(axis=0))
        labels = np.array([LABELS[j["esci_label"]] for j in q["judgments"]][:DEPTH])
        cases.append((q["query"], ids, vectors, qvec, labels))
    reranker = Reranker(_booster(cases, catalogue, index))
    reranker.index_products(catalogue)
    index.bm25_scores("warm up")
    wall, cpu = [], []
    for _ in range(args.repeats):
        for query, ids, vectors, qvec, _labels in cases:
            scores = index.bm25_scores(query)  # search's own BM25 list computed this
            w, c = time.perf_counter(), time.thread_time()
            bm25 = scores[[index.position[i] for i in ids]]
            reranker.scores(query, ids, bm25, vectors, qvec, np.zeros(len(ids)), None)
            wall.append((time.perf_counter() - w) * 1000)
            cpu.append((time.thread_time() - c) * 1000)
    print(f"rerank of {DEPTH} candidates at {len(catalogue)} products, {len(wall)} searches, "
          f"{MEMBERS} boosters, load {os.getloadavg()[0]:.1f}:")
    for name, values in (("wall", wall), ("cpu", cpu)):
        print(f"  {name:>4} p50 {np.percentile(values, 50):.2f} ms  "
              f"p95 {np.percentile(values, 95):.2f} ms")


def _booster(cases: list[Case], catalogue: list[Product], index: CatalogIndex) -> Any:
    """A model of the shipped shape (an ensemble), trained on these candidates' features."""
    from knowledge.ranking.features import candidate_features
    from knowledge.ranking.fields import FieldIndex

    fields = FieldIndex()
    fields.upsert(catalogue)
    rows = []
    for n, (query, ids, vectors, qvec, labels) in enumerate(cases):
        scores = index.bm25_scores(query)
        bm25 = scores[[index.position[i] for i in ids]]
        x = candidate_features(query, [fields.docs[i] for i in ids], fields, bm25,
                               vectors @ qvec, np.zeros(len(ids)), None, vectors)
        rows.append(QueryRows(str(n), query, ids, x, labels))
    return fit_ensemble(rows, 0, Config("lambdarank", 1.0, max(ROUND_CHOICES)))


if __name__ == "__main__":
    main()
