"""Train the learned ranker on ESCI judgments (LightGBM), with query-grouped (nested) CV.

The training set is built with the serving code: each judged product's per-field tokens
(:class:`FieldIndex` over the whole ESCI catalogue), the catalogue BM25 score
(:class:`CatalogIndex`), the embedding cosine (the store's embedder over the importer's
embedding text), popularity (zero: ESCI has no behaviour log; its rating counts, tried as
popularity, did not help cross-validated nDCG) and the matches of
:mod:`knowledge.ranking.features`. Labels E/S/C/I map to 3/2/1/0 with the KDD Cup gains
1.0/0.1/0.01/0 as LightGBM's ``label_gain``. The objective (lambdarank, binary "is E" or
regression on the gain), its L2 penalty and rounds are chosen by an inner query-grouped CV
(:mod:`knowledge.ranking.select`).
"""

from __future__ import annotations

import hashlib
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
COMMON: dict[str, Any] = {
    "learning_rate": 0.05, "num_leaves": 3, "min_data_in_leaf": 80, "feature_fraction": 0.8,
    "bagging_fraction": 0.8, "bagging_freq": 1, "verbose": -1,
    "deterministic": True, "force_row_wise": True, "num_threads": 1,
}
OBJECTIVES: dict[str, dict[str, Any]] = {
    "lambdarank": {"objective": "lambdarank", "metric": "ndcg", "eval_at": [10],
                   "label_gain": GAINS, "lambdarank_truncation_level": 20},
    "binary": {"objective": "binary", "metric": "auc"},  # target: labelled E
    "regression": {"objective": "regression", "metric": "l2"},  # target: the label's gain
}
ROUNDS = 300
FOLDS = 5


@dataclass(frozen=True)
class Config:
    """One model choice: the objective, its L2 penalty and the number of boosting rounds."""

    objective: str = "lambdarank"
    lambda_l2: float = 1.0
    rounds: int = ROUNDS

    def params(self, seed: int) -> dict[str, Any]:
        """LightGBM parameters of this choice, seeded."""
        return {**COMMON, **OBJECTIVES[self.objective], "lambda_l2": self.lambda_l2,
                "seed": seed, "bagging_seed": seed, "feature_fraction_seed": seed,
                "data_random_seed": seed}


DEFAULT = Config()


@dataclass
class QueryRows:
    """One query's candidates: ids, feature matrix, integer labels."""

    query_id: str
    query: str
    ids: list[str]
    features: np.ndarray
    labels: np.ndarray


def fold_of(query_id: str, folds: int = FOLDS, salt: str = "") -> int:
    """The CV fold of a query (a fixed hash of its id; ``salt`` draws another fixed split)."""
    key = f"{salt}:{query_id}" if salt else query_id  # no salt: the reported figure's folds
    return int(hashlib.sha1(key.encode()).hexdigest(), 16) % folds


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
                  embed: Callable[[list[str]], np.ndarray],
                  stored: Callable[[list[str]], dict[str, np.ndarray]] | None = None
                  ) -> list[QueryRows]:
    """Feature rows for every judged (query, product) pair; ``embed`` maps texts to unit vectors.

    ``stored``: the products' vectors as a store holds them (``VectorStore.vectors_for``);
    without it the products' embedding texts are embedded here.
    """
    from knowledge.extraction.apply import apply_extraction

    catalogue = _products(products)
    apply_extraction(catalogue)  # as the importer does, so features see the same attributes
    by_id = {p.id: p for p in catalogue}
    index, fields = CatalogIndex(), FieldIndex()
    index.upsert(catalogue)
    fields.upsert(catalogue)
    queries = _judgments(judgments)
    judged = sorted({j["product_id"] for q in queries for j in q["judgments"]})
    if stored is not None:
        vectors = stored(judged)
    else:
        vectors = dict(zip(judged, embed([embedding_text(by_id[i]) for i in judged]),
                           strict=True))
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


def targets(labels: np.ndarray, objective: str) -> np.ndarray:
    """What the objective learns from E/S/C/I labels 3/2/1/0."""
    out: np.ndarray = labels
    if objective == "binary":
        out = (labels == LABELS["E"]).astype(float)
    elif objective == "regression":
        out = np.asarray(GAINS, dtype=float)[labels]
    return out


def fit(rows: list[QueryRows], seed: int = 0, rounds: int | None = None,
        config: Config = DEFAULT) -> Any:
    """Train a booster of ``config`` on the given queries (seeded, deterministic)."""
    import lightgbm as lgb

    labels = np.concatenate([r.labels for r in rows])
    group = [len(r.ids) for r in rows] if config.objective == "lambdarank" else None
    data = lgb.Dataset(np.vstack([r.features for r in rows]),
                       label=targets(labels, config.objective), group=group,
                       free_raw_data=False)
    return lgb.train(config.params(seed), data, num_boost_round=rounds or config.rounds)
