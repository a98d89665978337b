"""Cross-validated nDCG@10 of the learned ranker, and of a random order, on ESCI judgments.

Folds are query-grouped (a fixed hash of the query id, :func:`knowledge.ranking.train.fold_of`):
a query's products are never split between training and scoring. Every query is scored by
the model trained on the other folds, over the same judged candidates the other systems of
the ``retrieval`` suite re-rank.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from evals.metrics import ndcg_at_k
from knowledge.ranking.train import (
    FOLDS,
    LABELS,
    cross_validated_scores,
    fold_of,
    training_rows,
    write_model,
)

GAIN_OF_LABEL = {3: 1.0, 2: 0.1, 1: 0.01, 0: 0.0}
assert set(LABELS.values()) == set(GAIN_OF_LABEL)


def ranker_cv(judgments: Path, products: Path, embed: Callable[[list[str]], np.ndarray],
              k: int = 10, seed: int = 0) -> dict[str, Any]:
    """Per-query out-of-fold nDCG@k of the learned ranker, plus fold sizes and importances."""
    rows = training_rows(judgments, products, embed)
    scores = cross_validated_scores(rows, seed)
    per_query: dict[str, float] = {}
    for r in rows:
        order = np.argsort(-scores[r.query_id], kind="stable")
        ranked = [r.ids[int(i)] for i in order]
        gains = {pid: GAIN_OF_LABEL[int(y)] for pid, y in zip(r.ids, r.labels, strict=True)}
        per_query[r.query_id] = ndcg_at_k(ranked, gains, k)
    folds = [sum(fold_of(r.query_id) == f for r in rows) for f in range(FOLDS)]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        meta = write_model(Path(folder), rows, seed)
    return {"per_query": per_query, "fold_sizes": folds, "importance": meta["importance"]}


def random_order(queries: list[Any], k: int = 10, seed: int = 0,
                 repeats: int = 20) -> dict[str, float]:
    """Mean nDCG@k of seeded random orders of each query's judged products."""
    rng = random.Random(f"{seed}:random")
    out = {}
    for q in queries:
        ids = list(q.product_ids)
        values = []
        for _ in range(repeats):
            rng.shuffle(ids)
            values.append(ndcg_at_k(ids, q.gains, k))
        out[q.query_id] = float(np.mean(values))
    return out


def main() -> None:
    """Print CV nDCG@10 of the learned ranker beside BM25, dense, their RRF and a random order.

    ``python -m evals.ranker_cv``: the repo's ESCI files, no store (the ``retrieval`` suite
    gives the same ranker row beside the store's own hybrid search).
    """
    from evals.datasets.esci import load_judgments
    from knowledge.embeddings import Embedder
    from knowledge.ranking.features import FEATURES
    from knowledge.ranking.train import ESCI_JUDGMENTS, ESCI_PRODUCTS
    from knowledge.settings import Settings

    embedder = Embedder(Settings())
    rows = training_rows(ESCI_JUDGMENTS, ESCI_PRODUCTS, embedder.embed)
    scores = cross_validated_scores(rows, 0)
    shuffled = random_order(load_judgments(ESCI_JUDGMENTS))

    def ndcg(r: Any, s: np.ndarray) -> float:
        order = np.argsort(-np.nan_to_num(s, nan=-1.0), kind="stable")
        gains = {pid: GAIN_OF_LABEL[int(y)] for pid, y in zip(r.ids, r.labels, strict=True)}
        return ndcg_at_k([r.ids[int(i)] for i in order], gains, 10)

    table = {"learned_ranker_cv": [ndcg(r, scores[r.query_id]) for r in rows]}
    for name, column in (("bm25", "bm25_norm"), ("dense", "cosine"), ("rrf_bm25_dense", "rrf")):
        j = FEATURES.index(column)
        table[name] = [ndcg(r, r.features[:, j]) for r in rows]
    table["random"] = [shuffled[r.query_id] for r in rows]
    for name, values in table.items():
        print(f"{name:>20}  nDCG@10 {np.mean(values):.4f}  ({len(values)} queries)")


if __name__ == "__main__":
    main()
