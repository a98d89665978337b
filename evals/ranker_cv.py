"""Cross-validated nDCG@10 of the learned ranker beside hybrid, BM25, dense and random (ESCI).

Folds are query-grouped (a fixed hash of the query id, :func:`knowledge.ranking.train.fold_of`):
a query's products are never split between training and scoring. Every query is scored by
the model trained on the other folds, whose model choice (objective, L2, rounds) was made by
an inner CV on those folds alone (nested CV), over the same judged candidates the store's
own search re-ranks for the baseline rows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from evals.judged import judged_ndcg
from evals.metrics import ndcg_at_k
from knowledge.ranking.select import (
    cross_validated_scores,
    member_seeds,
    select_config,
    write_model,
)
from knowledge.ranking.train import FOLDS, LABELS, QueryRows, fold_of, training_rows

if TYPE_CHECKING:
    from evals.datasets.esci import EsciQuery
    from knowledge.search import Mode
    from knowledge.store import Store

SYSTEMS: tuple[Mode, ...] = ("bm25", "dense", "hybrid")

GAIN_OF_LABEL = {3: 1.0, 2: 0.1, 1: 0.01, 0: 0.0}
assert set(LABELS.values()) == set(GAIN_OF_LABEL)


def ranker_cv(judgments: Path, products: Path, embed: Callable[[list[str]], np.ndarray],
              k: int = 10, seed: int = 0,
              stored: Callable[[list[str]], dict[str, np.ndarray]] | None = None
              ) -> dict[str, Any]:
    """Per-query out-of-fold nDCG@k of the learned ranker (nested CV), fold sizes, importances."""
    rows = training_rows(judgments, products, embed, stored)
    scores = cross_validated_scores(rows, seed)
    per_query = {r.query_id: _ndcg(r, scores[r.query_id], k) for r in rows}
    folds = [sum(fold_of(r.query_id) == f for r in rows) for f in range(FOLDS)]
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        meta = write_model(Path(folder), rows, seed)
    return {"per_query": per_query, "fold_sizes": folds, "importance": meta["importance"],
            "config": meta["config"]}


def _ndcg(r: QueryRows, scores: np.ndarray, k: int = 10) -> float:
    order = np.argsort(-np.nan_to_num(scores, nan=-1.0), kind="stable")
    gains = {pid: GAIN_OF_LABEL[int(y)] for pid, y in zip(r.ids, r.labels, strict=True)}
    return ndcg_at_k([r.ids[int(i)] for i in order], gains, k)


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


def search_baselines(store: Store, queries: list[EsciQuery], seed: int = 0
                     ) -> dict[str, dict[str, float]]:
    """Per-query nDCG@10 of the store's own bm25, dense and hybrid search on the judged products.

    The same call as the ``retrieval`` suite (knowledge off, no ranker attached), so the
    hybrid row is the baseline the learned ranker has to beat, on the same candidates.
    """
    out: dict[str, dict[str, float]] = {}
    for system in SYSTEMS:
        rng = random.Random(f"{seed}:{system}")
        out[system] = {q.query_id: judged_ndcg(store, q, system, rng)[0] for q in queries}
    return out


def split_salts(repeats: int) -> list[str]:
    """Fold salts of ``repeats`` outer splits: the reported figure's folds ("") first."""
    return [""] + [f"repeat{n}" for n in range(1, max(1, repeats))]


def main(argv: list[str] | None = None) -> None:
    """Print nested-CV nDCG@10 of the learned ranker beside the store's BM25, dense and hybrid.

    ``python -m evals.ranker_cv [--seeds 0 1 2] [--repeats 1]``: the repo's ESCI files are
    imported into a temporary store with the real importer; hybrid, BM25 and dense are that
    store's search on each query's judged products, the ranker's features read the same
    stored vectors, and every query is ranked by a model whose training and model choice
    never saw it. Each seed is one ensemble (disjoint member seeds); seed 0 is the shipped
    one, the others show how much the figure moves with the seeds. ``--repeats N`` also
    scores N - 1 other fixed outer splits per ensemble (the default figure is unchanged).
    """
    import argparse
    import tempfile

    from evals.datasets.esci import load_judgments
    from knowledge.ingest import import_catalog
    from knowledge.ranking.train import ESCI_JUDGMENTS, ESCI_PRODUCTS
    from knowledge.settings import Settings
    from knowledge.store import Store

    parser = argparse.ArgumentParser(prog="python -m evals.ranker_cv")
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--repeats", type=int, default=1,
                        help="outer splits per ensemble: 1 (the reported figure) uses the fixed "
                        "folds; N > 1 adds N - 1 other fixed query-grouped splits (salted "
                        "hashes) and prints the mean over all, a quieter reading of the same "
                        "nested CV")
    args = parser.parse_args(argv)
    queries = load_judgments(ESCI_JUDGMENTS)
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Settings(data_dir=Path(folder), database_url=None, chroma_url=None,
                               ranker_enabled=False))
        try:
            print(f"importing {ESCI_PRODUCTS.name} into a temporary store ...", flush=True)
            import_catalog(store, ESCI_PRODUCTS)
            table = search_baselines(store, queries)
            rows = training_rows(ESCI_JUDGMENTS, ESCI_PRODUCTS, store.embedder.embed,
                                 store.vectors.vectors_for)
        finally:
            store.close()
    table["random"] = random_order(queries)
    hybrid = float(np.mean(list(table["hybrid"].values())))
    for name in ("random", *SYSTEMS):
        print(f"{name:>22}  nDCG@10 {np.mean(list(table[name].values())):.4f}"
              f"  ({len(table[name])} queries)")
    deltas = []
    for seed in args.seeds:
        for salt in split_salts(args.repeats):
            scores = cross_validated_scores(rows, seed, salt=salt)
            value = float(np.mean([_ndcg(r, scores[r.query_id]) for r in rows]))
            deltas.append(value - hybrid)
            members = member_seeds(seed)
            split = f"; split {salt!r}" if salt else ""
            print(f"{f'learned (ensemble {seed})':>22}  nDCG@10 {value:.4f}  "
                  f"delta vs hybrid {value - hybrid:+.4f}  (nested 5-fold CV; {len(members)} "
                  f"boosters, seeds {members[0]}-{members[-1]}{split})", flush=True)
    if len(deltas) > 1:
        print(f"{'mean of the above':>22}  delta vs hybrid {np.mean(deltas):+.4f}  "
              f"({len(deltas)} runs, spread {np.min(deltas):+.4f} to {np.max(deltas):+.4f})")
    config, _ = select_config(rows, member_seeds(args.seeds[0])[0])
    print(f"shipped model choice (inner CV on all {len(rows)} queries, seed {args.seeds[0]}): "
          f"{config}")


if __name__ == "__main__":
    main()
