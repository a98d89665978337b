"""The ranker's fast paths give the figures of the plain ones: trees read as bin tables score as
LightGBM does, per-field BM25 as arrays equals the per-field loop, and the fast "lacks it"
check finds exactly what the whole-text pattern finds."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import lightgbm as lgb
import numpy as np
import pytest

from knowledge.models import Product
from knowledge.ranking.features import _minmax, _minmax_columns, _rank_recip, _rank_recips
from knowledge.ranking.fields import FIELDS, FieldDoc, FieldIndex, field_doc
from knowledge.ranking.forest import Forest
from knowledge.ranking.matches import _lacking, _says_without
from knowledge.ranking.train import ESCI_PRODUCTS, _products


def _booster(x: np.ndarray, y: np.ndarray, leaves: int, seed: int) -> lgb.Booster:
    params = {"objective": "regression", "num_leaves": leaves, "min_data_in_leaf": 5,
              "learning_rate": 0.1, "seed": seed, "verbose": -1, "num_threads": 1,
              "deterministic": True, "force_row_wise": True}
    return lgb.train(params, lgb.Dataset(x, label=y), num_boost_round=60)


def test_trees_as_bin_tables_score_as_lightgbm_at_thresholds_and_missing_values() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(600, 6))
    x[rng.random(x.shape) < 0.15] = np.nan  # features that are missing for some candidates
    y = np.nan_to_num(x[:, 0]) + (np.nan_to_num(x[:, 1]) > 0) * 2 + rng.normal(size=600) * 0.1
    small = [_booster(x, y, 3, s) for s in (0, 1)]  # the ranker's shape: 3 leaves
    forest = Forest(small, [0.5, 0.5])
    assert forest.tables is not None
    probe = x[:200].copy()
    for j in range(probe.shape[1]):  # a value exactly on a split goes left, as in LightGBM
        cuts = forest.threshold[forest.feature == j]
        if len(cuts):
            probe[:50, j] = rng.choice(cuts, 50)
    probe[50:60] = 0.0
    probe[60:70] = np.nan
    want = np.mean([b.predict(probe, raw_score=True) for b in small], axis=0)
    assert np.allclose(forest.raw(probe), want, rtol=0, atol=1e-9)
    deep = [_booster(x, y, 7, 0)]  # deeper trees take the general path, same figures
    forest = Forest(deep)
    assert forest.tables is None
    assert np.allclose(forest.raw(probe), deep[0].predict(probe, raw_score=True), atol=1e-9)


@pytest.fixture(scope="module")
def indexed() -> tuple[FieldIndex, list[FieldDoc]]:
    with gzip.open(ESCI_PRODUCTS, "rt", encoding="utf-8") as handle:
        head = [json.loads(line) for line in islice(handle, 300)]
    ids = {row["product_id"] for row in head}
    products: list[Product] = [p for p in _products(ESCI_PRODUCTS) if p.id in ids]
    fields = FieldIndex()
    fields.upsert(products)
    return fields, [fields.docs[p.id] for p in products[:40]]


def test_bm25_of_every_field_at_once_equals_the_field_by_field_figures(
        indexed: tuple[FieldIndex, list[FieldDoc]]) -> None:
    fields, docs = indexed
    query = sorted(docs[0].title_set)[:3] + ["zzzunknown", sorted(docs[5].title_set)[0]]
    table = fields.bm25_table(query, docs)
    assert table.shape == (len(docs), len(FIELDS)) and (table[:, 0] > 0).sum() >= 2
    for j, name in enumerate(FIELDS):
        assert np.allclose(table[:, j], fields.bm25_many(query, docs, name), rtol=1e-12, atol=0)
    by_hand = [FieldDoc(d.title, d.bullets, d.description, d.brand, d.category, d.color,
                        d.kind, d.raw, d.title_text) for d in docs[:5]]  # no counts
    assert np.allclose(fields.bm25_table(query, by_hand), table[:5], rtol=1e-12, atol=0)
    assert fields.bm25_table([], docs).shape == (len(docs), len(FIELDS))


@pytest.mark.parametrize("text", [
    "bottle with no straw included", "a bpa-free bottle", "straw free and leak proof",
    "comes without any lid at all", "free of gluten, free from nuts", "lidless travel cup",
    "3no straw here", "no_straw", "the straw is not included", "strawless design",
    "non-slip base", "unlidded jar", "no  \t-  plastic straw", "without a doubt, a straw",
    "straw straw-free", "bpa - free", "this cup has a lid and a straw " * 20 + "no lid",
    "no-lid", "non lid", "nonlid cup", "free from straw", "free of any lid", "zero  sugar",
    "gluten-less", "glutenfree", "gluten free_", "lid\nfree", "without\tlids",
])
def test_the_fast_lacks_check_finds_what_the_whole_text_pattern_finds(text: str) -> None:
    for term in ("straw", "bpa", "lid", "gluten", "nut", "plastic", "slip", "doubt", "sugar"):
        whole = term in text and _lacking(term).search(text) is not None
        assert _says_without(text, term) == whole, (text, term)


def test_a_product_read_for_ranking_counts_each_term_per_field() -> None:
    product = Product(id="p1", title="Red red shoe", bullets=["a shoe for running"],
                      description="light shoe", brand="Acme", category="shoes", price=10.0)
    doc = field_doc(product)
    assert doc.counts["shoe"] == (1, 1, 1, 0, 1) and doc.counts["red"] == (2, 0, 0, 0, 0)
    assert doc.lengths == tuple(len(doc.field(f)) for f in FIELDS)


def test_features_scaled_and_ranked_all_columns_at_once_equal_one_column_at_a_time() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 6))
    x[::4, 1] = np.nan  # candidates without a vector
    x[:, 2] = 0.5  # a column of equal values
    x[:, 3] = np.nan  # a feature that applies to none
    x[3, 4], x[5, 4] = np.inf, -np.inf
    x[:, 5] = np.round(x[:, 5])  # ties keep the candidates' order
    scaled, ranked = _minmax_columns(x), _rank_recips(x)
    for j in range(x.shape[1]):
        assert np.array_equal(scaled[:, j], _minmax(x[:, j]), equal_nan=True)
        assert np.array_equal(ranked[:, j], _rank_recip(x[:, j]))
