"""Train the learned ranker on ESCI judgments (LightGBM lambdarank), with grouped CV.

The training set is built with the serving code: each judged product's per-field tokens
(:class:`FieldIndex` over the whole ESCI catalogue), the catalogue BM25 score
(:class:`CatalogIndex`), the embedding cosine (the store's embedder over the importer's
embedding text), popularity (zero: ESCI has no behaviour log; its rating counts, tried as
popularity, did not help cross-validated nDCG) and the matches of
:mod:`knowledge.ranking.features`. Labels E/S/C/I map to 3/2/1/0 with the KDD Cup gains
1.0/0.1/0.01/0 as LightGBM's ``label_gain``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.catalog_index import CatalogIndex
from knowledge.ingest import parse_product, read_rows
from knowledge.models import Product
from knowledge.ranking.features import candidate_features
from knowledge.ranking.fields import FieldIndex
from knowledge.settings import REPO_ROOT
from knowledge.text import embedding_text

DATA = Path(__file__).with_name("data")
ESCI_JUDGMENTS = DATA / "esci_judgments.dev.jsonl"
ESCI_PRODUCTS = REPO_ROOT / "knowledge" / "demo" / "esci" / "products.jsonl.gz"
LABELS = {"E": 3, "S": 2, "C": 1, "I": 0}
GAINS = [0.0, 0.01, 0.1, 1.0]
PARAMS: dict[str, Any] = {
    "objective": "lambdarank", "metric": "ndcg", "eval_at": [10], "label_gain": GAINS,
    "learning_rate": 0.05, "num_leaves": 3, "min_data_in_leaf": 80, "feature_fraction": 0.8,
    "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0, "verbose": -1,
    "deterministic": True, "force_row_wise": True, "num_threads": 1,
    "lambdarank_truncation_level": 20,
}
ROUNDS = 300
FOLDS = 5


@dataclass
class QueryRows:
    """One query's candidates: ids, feature matrix, integer labels."""

    query_id: str
    query: str
    ids: list[str]
    features: np.ndarray
    labels: np.ndarray


def fold_of(query_id: str, folds: int = FOLDS) -> int:
    """The CV fold of a query (a fixed hash of its id)."""
    return int(hashlib.sha1(query_id.encode()).hexdigest(), 16) % folds


def _judgments(path: Path) -> list[dict[str, Any]]:
    return [row for _, row in read_rows(path)]


def _products(path: Path) -> list[Product]:
    """The catalogue as the importer parses it (extraction applied by the caller)."""
    out: dict[str, Product] = {}
    for _, row in read_rows(path):
        product = parse_product(row)
        out[product.id] = product
    return list(out.values())


def training_rows(judgments: Path, products: Path,
                  embed: Callable[[list[str]], np.ndarray]) -> list[QueryRows]:
    """Feature rows for every judged (query, product) pair; ``embed`` maps texts to unit vectors."""
    from knowledge.extraction.apply import apply_extraction

    catalogue = _products(products)
    apply_extraction(catalogue)  # as the importer does, so features see the same attributes
    by_id = {p.id: p for p in catalogue}
    index, fields = CatalogIndex(), FieldIndex()
    index.upsert(catalogue)
    fields.upsert(catalogue)
    queries = _judgments(judgments)
    judged = sorted({j["product_id"] for q in queries for j in q["judgments"]})
    vectors = dict(zip(judged, embed([embedding_text(by_id[i]) for i in judged]), strict=True))
    qvecs = embed([q["query"] for q in queries])
    out = []
    for q, qvec in zip(queries, qvecs, strict=True):
        ids = [j["product_id"] for j in q["judgments"]]
        scores = index.bm25_scores(q["query"])
        bm25 = np.array([scores[index.position[i]] for i in ids])
        mat = np.array([vectors[i] for i in ids])
        cosine = mat @ qvec
        pop = np.zeros(len(ids))  # no behaviour log, as in an imported ESCI store
        x = candidate_features(q["query"], [fields.docs[i] for i in ids], fields, bm25, cosine,
                               pop, None, mat)
        y = np.array([LABELS[j["esci_label"]] for j in q["judgments"]])
        out.append(QueryRows(str(q["query_id"]), q["query"], ids, x, y))
    return out


def fit(rows: list[QueryRows], seed: int = 0, rounds: int | None = None) -> Any:
    """Train a lambdarank booster on the given queries (seeded, deterministic)."""
    import lightgbm as lgb

    data = lgb.Dataset(np.vstack([r.features for r in rows]),
                       label=np.concatenate([r.labels for r in rows]),
                       group=[len(r.ids) for r in rows], free_raw_data=False)
    params = {**PARAMS, "seed": seed, "bagging_seed": seed, "feature_fraction_seed": seed,
              "data_random_seed": seed}
    return lgb.train(params, data, num_boost_round=rounds or ROUNDS)


def cross_validated_scores(rows: list[QueryRows], seed: int = 0,
                           folds: int = FOLDS) -> dict[str, np.ndarray]:
    """Out-of-fold ranker scores per query id (query-grouped folds by hash of query id)."""
    scores: dict[str, np.ndarray] = {}
    for fold in range(folds):
        train = [r for r in rows if fold_of(r.query_id, folds) != fold]
        test = [r for r in rows if fold_of(r.query_id, folds) == fold]
        if not train:  # every query in one fold: nothing to learn from, keep the file order
            scores |= {r.query_id: np.zeros(len(r.ids)) for r in test}
            continue
        if not test:
            continue
        booster = fit(train, seed)
        for r in test:
            scores[r.query_id] = booster.predict(r.features)
    return scores


def write_model(folder: Path, rows: list[QueryRows], seed: int = 0) -> dict[str, Any]:
    """Train on every query and write ``model.txt`` + ``meta.json`` into ``folder``."""
    from knowledge.ranking.features import FEATURES

    booster = fit(rows, seed)
    booster.save_model(str(folder / "model.txt"))
    gains = booster.feature_importance(importance_type="gain")
    meta = {"features": list(FEATURES), "queries": len(rows), "seed": seed,
            "pairs": int(sum(len(r.ids) for r in rows)),
            "importance": {f: round(float(g), 2) for f, g in zip(FEATURES, gains, strict=True)}}
    (folder / "meta.json").write_text(json.dumps(meta, indent=1))
    return meta
