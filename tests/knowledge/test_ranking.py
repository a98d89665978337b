"""The learned ranker: deterministic training on real ESCI judgments, reranking inside search,
and the hybrid order kept (and logged) when the ranker fails."""

from __future__ import annotations

import gzip
import json
import logging
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from knowledge.embeddings import Embedder
from knowledge.ingest import import_catalog
from knowledge.ranking.forest import Forest
from knowledge.ranking.reranker import DEPTH, Reranker, attach_reranker
from knowledge.ranking.select import MEMBERS, fit_ensemble, load_model, write_model
from knowledge.ranking.train import (
    ESCI_JUDGMENTS,
    ESCI_PRODUCTS,
    Config,
    QueryRows,
    fit,
    training_rows,
)
from knowledge.settings import Settings
from knowledge.store import Store

QUERIES = 8
Subset = tuple[Path, Path, list[dict[str, Any]]]  # judgments, products file, product rows


@pytest.fixture(scope="module")
def esci_subset(tmp_path_factory: pytest.TempPathFactory) -> Subset:
    """The first judged queries of the repo's ESCI file and exactly their judged products."""
    folder = tmp_path_factory.mktemp("esci")
    queries = [json.loads(line) for line in ESCI_JUDGMENTS.read_text().splitlines()[:QUERIES]]
    wanted = {j["product_id"] for q in queries for j in q["judgments"]}
    with gzip.open(ESCI_PRODUCTS, "rt", encoding="utf-8") as handle:
        products = [row for row in map(json.loads, handle) if row["product_id"] in wanted]
    judgments = folder / "judgments.jsonl"
    judgments.write_text("".join(json.dumps(q) + "\n" for q in queries))
    catalogue = folder / "products.jsonl"
    catalogue.write_text("".join(json.dumps(p) + "\n" for p in products))
    return judgments, catalogue, products


@pytest.fixture(scope="module")
def rows(esci_subset: Subset, embedder: Embedder) -> list[QueryRows]:
    judgments, catalogue, _ = esci_subset
    return training_rows(judgments, catalogue, embedder.embed)


def test_training_is_deterministic_and_the_model_reorders(rows: list[QueryRows]) -> None:
    first, second = fit(rows, seed=0, rounds=60), fit(rows, seed=0, rounds=60)
    for r in rows:
        assert np.array_equal(first.predict(r.features), second.predict(r.features))
    moved = 0
    for r in rows:
        order = np.argsort(-first.predict(r.features), kind="stable")
        moved += int(not np.array_equal(order, np.arange(len(r.ids))))
    assert moved == len(rows)  # no query keeps the file order of its judged products
    exact_first = [r.labels[int(np.argmax(first.predict(r.features)))] for r in rows]
    assert np.mean([label == 3 for label in exact_first]) >= 0.75  # E on top, in-sample


@pytest.fixture(scope="module")
def imported_subset(tmp_path_factory: pytest.TempPathFactory, embedder: Embedder,
                    esci_subset: Subset) -> Path:
    """A data dir holding the subset's products, imported once; each test opens a copy."""
    data = tmp_path_factory.mktemp("ranked") / "data"
    store = Store(Settings(data_dir=data), embedder=embedder)
    import_catalog(store, esci_subset[1])
    store.close()
    return data


@pytest.fixture(scope="module")
def booster(rows: list[QueryRows]) -> Any:
    """The model the ranked store reranks with (fitted once; a test never changes it)."""
    return fit(rows, seed=0, rounds=60)


@pytest.fixture
def ranked_store(settings: Settings, embedder: Embedder, imported_subset: Path,
                 booster: Any) -> Store:
    shutil.copytree(imported_subset, settings.data_dir, dirs_exist_ok=True)  # a copy per test
    store = Store(settings, embedder=embedder)
    store.search.set_reranker(Reranker(booster))
    store.search.reload()  # the reranker's per-field index fills with the catalogue
    return store


def test_search_reranks_the_hybrid_top_candidates(ranked_store: Store) -> None:
    query = "tan strappy heels for women"
    reranked = [h.product.id for h in ranked_store.search.search(query, k=10)]
    reranker = ranked_store.search.reranker
    ranked_store.search.set_reranker(None)
    hybrid = [h.product.id for h in ranked_store.search.search(query, k=DEPTH)]
    assert len(reranked) == 10 and set(reranked) <= set(hybrid)
    assert reranked != hybrid[:10]
    ranked_store.search.set_reranker(reranker)
    assert [h.product.id for h in ranked_store.search.search(query, k=10)] == reranked
    ranked_store.close()


def test_a_failing_ranker_falls_back_to_hybrid_and_logs(ranked_store: Store,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    query = "1/2gallon water bottle without straw"
    broken = Reranker(ranked_store.search.reranker.booster)  # knows no product: scoring fails
    ranked_store.search.set_reranker(None)
    hybrid = [h.product.id for h in ranked_store.search.search(query, k=10)]
    ranked_store.search.set_reranker(broken)
    with caplog.at_level(logging.ERROR, logger="shopmage.search"):
        kept = [h.product.id for h in ranked_store.search.search(query, k=10)]
    assert kept == hybrid
    assert any("learned ranker failed" in r.getMessage() for r in caplog.records)
    ranked_store.close()


def test_ranker_setting_off_leaves_hybrid(tmp_path: Path, embedder: Embedder) -> None:
    store = Store(Settings(data_dir=tmp_path / "d", ranker_enabled=False), embedder=embedder)
    assert attach_reranker(store) is None and store.search.reranker is None
    store.close()


def test_preloaded_vectors_rank_the_same_and_a_failed_preload_never_fails_an_import(
        ranked_store: Store, esci_subset: Subset, tmp_path: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    query = "tan strappy heels for women"
    fetched_per_search = [h.product.id for h in ranked_store.search.search(query, k=10)]
    preloaded = Reranker(ranked_store.search.reranker.booster)
    ranked_store.search.set_reranker(preloaded)
    ranked_store.search.reload()
    calls = {"n": 0}

    def fetch_then_fail(ids: list[str]) -> dict[str, np.ndarray]:
        calls["n"] += 1
        if calls["n"] > 1:
            raise RuntimeError("vector store unreachable")
        return ranked_store.vectors.vectors_for(ids)

    assert preloaded.warm(fetch_then_fail) == len(esci_subset[2])
    assert [h.product.id for h in ranked_store.search.search(query, k=10)] == fetched_per_search
    row = {**esci_subset[2][0], "product_id": "NEWHEEL01",
           "product_title": "Tan strappy high heel sandals for women, ankle strap"}
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps(row) + "\n")
    with caplog.at_level(logging.ERROR, logger="shopmage.ranking"):
        assert import_catalog(ranked_store, extra) == 1
    assert any("could not preload" in r.getMessage() for r in caplog.records)
    found = [h.product.id for h in ranked_store.search.search(query, k=10)]
    assert "NEWHEEL01" in found  # reranked with its vector fetched at search time
    ranked_store.close()


def test_the_shipped_model_is_a_seed_ensemble_written_and_read_back(rows: list[QueryRows],
                                                                      tmp_path: Path) -> None:
    meta = write_model(tmp_path, rows, seed=0)
    assert meta["members"] == list(range(MEMBERS)) and MEMBERS > 1
    model = load_model(tmp_path)
    assert len(model.boosters) == MEMBERS
    x = np.vstack([r.features for r in rows])
    members = [b.predict(x, raw_score=True) for b in model.boosters]
    assert not np.allclose(members[0], members[1])  # the seeds make different boosters
    assert np.allclose(model.predict(x), np.mean(members, axis=0))  # the served score: their mean
    again = fit_ensemble(rows, 0, Config(**meta["config"]))
    assert np.allclose(again.predict(x), model.predict(x), rtol=0, atol=1e-9)  # as written
    assert Reranker(model).booster is model  # search reranks with the whole ensemble


def test_flattened_trees_score_as_lightgbm_with_missing_values(rows: list[QueryRows]) -> None:
    x = np.vstack([r.features for r in rows])
    x[::7, 2] = np.nan  # a candidate without a vector has no cosine
    x[::5, 0] = 0.0
    for objective in ("lambdarank", "binary"):
        boosters = [fit(rows, s, config=Config(objective, 1.0, 80)) for s in (0, 1)]
        want = np.mean([b.predict(x, raw_score=True) for b in boosters], axis=0)
        assert np.allclose(Forest(boosters, [0.5, 0.5]).raw(x), want, rtol=0, atol=1e-9)
    with pytest.raises(ValueError, match="features"):
        Forest(boosters).raw(x[:, :-1])
    few = QueryRows("few", "q", rows[0].ids[:10], rows[0].features[:10], rows[0].labels[:10])
    stump = fit([few], 0, config=Config("binary", 1.0, 5))  # too few rows to split: one leaf
    assert np.allclose(Forest([stump]).raw(x), stump.predict(x, raw_score=True))


def test_ranker_stays_off_on_the_generated_demo_world(tmp_path: Path, embedder: Embedder) -> None:
    from knowledge.catalogue_origin import is_generated_demo
    from knowledge.demo_build import build_demo

    settings = Settings(data_dir=tmp_path / "d")
    assert settings.ranker_enabled and not is_generated_demo(settings)
    store = Store(settings, embedder=embedder)
    build_demo(store, products=40, shoppers=3, seed=3, days=2)
    assert is_generated_demo(settings)
    assert attach_reranker(store) is None and store.search.reranker is None
    assert store.search.search("running shoes", k=3)  # search still serves, hybrid order
    store.close()
