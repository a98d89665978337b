"""``shopmage bench retrieval``: import+index rate, search latency at several sizes, RSS.

One store grows through the requested sizes (1k -> 10k -> 100k): at each size the
benchmark times distinct real-looking queries (taken from the demo behaviour log, so the
query embedding is computed, not cached) through the hybrid ``search()``.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import psutil

from knowledge.ingest import import_catalog
from knowledge.search import SearchFilters
from knowledge.settings import Settings
from knowledge.store import Store


def _rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _slice(source: Path, target: Path, start: int, stop: int) -> Path:
    with source.open() as src, target.open("w") as dst:
        for i, line in enumerate(src):
            if start <= i < stop:
                dst.write(line)
    return target


def _queries(events: Path, n: int, seed: int) -> list[str]:
    seen: dict[str, None] = {}
    with events.open() as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("type") == "search" and row.get("query"):
                seen[row["query"]] = None
    queries = list(seen)
    rng = np.random.default_rng(seed)
    rng.shuffle(queries)
    return queries[:n]


def _times(store: Store, queries: list[str], filtered: bool) -> list[float]:
    times = []
    for i, query in enumerate(queries):
        filters = SearchFilters(max_price=80.0) if filtered and i % 2 else None
        start = time.perf_counter()
        store.search.search(query, filters, k=10)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _latency(store: Store, queries: list[str], filtered: bool) -> dict[str, float]:
    """Hybrid search p50/p95; with the learned ranker attached, also its added cost.

    The ranker pass runs first (cold query embeddings), the plain hybrid pass second (warm),
    so ``ranker_added_p95_ms`` (p95 of the per-query difference) errs on the high side.
    """
    reranker = store.search.reranker
    ranked = _times(store, queries, filtered) if reranker is not None else []
    store.search.set_reranker(None)
    times = _times(store, queries, filtered)
    store.search.set_reranker(reranker)
    out = {"p50_ms": float(np.percentile(times, 50)), "p95_ms": float(np.percentile(times, 95))}
    if ranked:
        added = np.array(ranked) - np.array(times)
        out |= {"ranker_p50_ms": float(np.percentile(ranked, 50)),
                "ranker_p95_ms": float(np.percentile(ranked, 95)),
                "ranker_added_p95_ms": float(np.percentile(added, 95))}
    return out


def run_benchmark(sizes: list[int], *, n_queries: int = 200, seed: int = 0,
                  log: Callable[[str], Any] | None = print, ranker: bool = True
                  ) -> dict[str, Any]:
    """Grow one store through ``sizes`` and return the figures."""
    from knowledge.demo.generate import generate_demo

    say = log or (lambda _m: None)
    sizes = sorted(sizes)
    work = Path(tempfile.mkdtemp(prefix="shopmage-bench-"))
    say(f"generating {sizes[-1]} products ...")
    paths = generate_demo(work / "gen", seed=seed, n_products=sizes[-1],
                          n_shoppers=200, images=False)
    queries = _queries(Path(paths["events"]), n_queries * len(sizes), seed)
    store = Store(Settings(data_dir=work / "store"))
    if ranker:
        from knowledge.ranking.reranker import attach_reranker

        say("learned ranker: " + ("attached" if attach_reranker(store) else "unavailable"))
    figures: dict[str, Any] = {"sizes": {}, "queries_per_size": n_queries}
    loaded, import_seconds = 0, 0.0
    for i, size in enumerate(sizes):
        part = _slice(Path(paths["products"]), work / f"part{size}.jsonl", loaded, size)
        start = time.perf_counter()
        import_catalog(store, part)
        import_seconds += time.perf_counter() - start
        store.search.search("warm up", k=1)  # BM25 rebuild after the upsert, not timed
        loaded = size
        chunk = queries[i * n_queries:(i + 1) * n_queries]
        figures["sizes"][str(size)] = _latency(store, chunk, filtered=True)
        figures["sizes"][str(size)]["rss_mb"] = _rss_mb()
        say(f"{size:>7} products: {figures['sizes'][str(size)]}")
        if size == 10_000 or (i == len(sizes) - 1 and "rss_with_models_mb" not in figures):
            store.llm.complete([{"role": "user", "content": "hi"}], max_tokens=4)
            figures["rss_with_models_mb"] = _rss_mb()
            figures["rss_with_models_at"] = size
    figures["import_index_products_per_s"] = loaded / import_seconds
    figures["peak_rss_mb"] = _peak_rss_mb()
    store.close()
    return figures
