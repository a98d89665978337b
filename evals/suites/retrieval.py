"""``retrieval``: BM25, dense and hybrid search on the ESCI extract (KDD Cup 2022 style).

The ESCI products are imported into a fresh store with the real importer; then, per
system (``search(mode=...)`` without commonsense knowledge, and ``hybrid+knowledge``: hybrid
with the seed knowledge served, to check that knowledge does not hurt real queries):

- ``ndcg@10``: each query's judged products re-ranked (``product_ids`` = the judged ids,
  k = their count), graded gains E=1, S=0.1, C=0.01, I=0 (KDD Cup 2022 task 1);
- ``recall@10`` and ``mrr``: whole-catalogue search, relevant = the E-labelled products;
  MRR looks at the top 100.

Judged products a system does not return at all (BM25 gives them no score) are put
after the returned ones in a seeded random order, the usual tie-break for zero scores.

Two more nDCG@10 rows on the same judged candidates: ``learned_ranker_cv``, the LightGBM
ranker (knowledge/ranking) scored by nested 5-fold query-grouped cross-validation (each
query ranked by a model whose training and model choice never saw it), and ``random``, the
mean of 20 seeded shuffles.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any

from evals.datasets.esci import EsciData, EsciQuery, load_esci, write_jsonl
from evals.judged import judged_ndcg
from evals.metrics import mean, percentile, recall_at_k, reciprocal_rank
from evals.ranker_cv import random_order, ranker_cv
from evals.results import Plot, SuiteContext, SuiteResult, Table, register_suite
from knowledge.ingest import import_catalog
from knowledge.search import Mode
from knowledge.store import Store

SYSTEMS: tuple[Mode, ...] = ("bm25", "dense", "hybrid")
KNOWLEDGE_SYSTEM = "hybrid+knowledge"  # the issue-3 no-regression check: hybrid with seed knowledge
K = 10
MRR_DEPTH = 100


@dataclass
class SystemRun:
    """Per-query scores and latencies of one system."""

    ndcg: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    rr: list[float] = field(default_factory=list)
    latency_ms: list[float] = field(default_factory=list)
    filled: int = 0


@register_suite("retrieval")
def run(ctx: SuiteContext) -> SuiteResult:
    """Import the ESCI products, then score bm25, dense and hybrid search on the judgments."""
    data = load_esci(ctx.data)
    ctx.record_data_file(data.judgments_path, len(data.queries))
    ctx.record_data_file(data.products_path, len(data.products))
    ctx.progress(f"{len(data.queries)} queries, {len(data.products)} products")
    store = Store(ctx.store_settings())
    try:
        details = _index(ctx, store, data)
        runs: dict[str, SystemRun] = {
            system: _run_system(ctx, store, data.queries, system) for system in SYSTEMS
        }
        details["knowledge"] = _attach_seed_knowledge(store, data.queries)
        runs[KNOWLEDGE_SYSTEM] = _run_system(ctx, store, data.queries, "hybrid",
                                             use_knowledge=True)
        ctx.progress("learned ranker: 5-fold query-grouped cross-validation ...")
        learned = ranker_cv(data.judgments_path, data.products_path, store.embedder.embed, K,
                            ctx.seed, stored=store.vectors.vectors_for)
    finally:
        store.close()
    result = _result(data, runs, details)
    _add_reranking_rows(result, data, runs, learned, random_order(data.queries, K, ctx.seed))
    return result


def _add_reranking_rows(result: SuiteResult, data: EsciData, runs: dict[str, SystemRun],
                        learned: dict[str, Any], shuffled: dict[str, float]) -> None:
    """nDCG@10 of the cross-validated learned ranker and of a random order, per query too."""
    cv = [learned["per_query"][q.query_id] for q in data.queries]
    rand = [shuffled[q.query_id] for q in data.queries]
    hybrid = mean(runs["hybrid"].ndcg)
    result.metrics["learned_ranker_cv"] = {"ndcg@10": mean(cv),
                                           "ndcg@10_delta_vs_hybrid": mean(cv) - hybrid}
    result.metrics["random"] = {"ndcg@10": mean(rand)}
    table = result.tables[1]
    table.columns += ["learned_ranker_cv", "random"]
    for row, a, b in zip(table.rows, cv, rand, strict=True):
        row += [a, b]
    result.details["learned_ranker"] = {"fold_sizes": learned["fold_sizes"],
                                        "feature_gain": learned["importance"]}
    result.notes.append(
        "learned_ranker_cv: LightGBM over knowledge/ranking/features.py, 5 folds by"
        " sha1(query_id) % 5; each query is ranked by the model trained on the other folds,"
        " whose objective, L2 and rounds an inner CV on those folds chose (nested CV)."
        " random: mean nDCG@10 of 20 seeded shuffles of the judged products.")


def _index(ctx: SuiteContext, store: Store, data: EsciData) -> dict[str, Any]:
    """Import (SQL + Chroma) and build BM25; return the timings."""
    source = write_jsonl(data.products, ctx.work_dir / "esci_products.jsonl")
    ctx.progress(f"importing {len(data.products)} products ...")
    start = time.perf_counter()
    imported = import_catalog(store, source)
    import_s = time.perf_counter() - start
    start = time.perf_counter()
    store.search.search("warm up", k=1, mode="bm25", use_knowledge=False)  # builds BM25
    bm25_s = time.perf_counter() - start
    total = import_s + bm25_s
    ctx.progress(f"indexed {imported} products in {total:.1f} s")
    return {"products": imported, "import_seconds": round(import_s, 3),
            "bm25_build_seconds": round(bm25_s, 3), "index_seconds": round(total, 3),
            "products_per_second": round(imported / total, 1)}


def _attach_seed_knowledge(store: Store, queries: list[EsciQuery]) -> dict[str, Any]:
    """Serve our curated seed assertions (ESCI has no behaviour log to mine) through search."""
    from knowledge.graph.build import build_knowledge
    from knowledge.graph.serve import KnowledgeExpander

    stats = build_knowledge(store, ("seed",))
    expander = KnowledgeExpander(store)
    store.search.set_expander(expander)
    expanded = [q.query for q in queries if expander.expand(q.query).attributes]
    tagged = sum(1 for tags in store.search.index.tags if tags)
    return {"sources": ["seed"], "seed_assertions": stats.get("seed"),
            "queries_with_needed_attributes": len(expanded), "examples": expanded[:5],
            "products_with_attribute_tags": tagged}


def _run_system(ctx: SuiteContext, store: Store, queries: list[EsciQuery],
                system: Mode, *, use_knowledge: bool = False) -> SystemRun:
    ctx.progress(f"scoring {system}{' with knowledge' if use_knowledge else ''} ...")
    rng = random.Random(f"{ctx.seed}:{system}")
    out = SystemRun()
    for query in queries:
        value, filled = judged_ndcg(store, query, system, rng, use_knowledge=use_knowledge)
        out.ndcg.append(value)
        out.filled += filled
        start = time.perf_counter()
        hits = store.search.search(query.query, None, k=MRR_DEPTH, mode=system,
                                   use_knowledge=use_knowledge)
        out.latency_ms.append((time.perf_counter() - start) * 1000)
        ranked = [h.product.id for h in hits]
        out.recall.append(recall_at_k(ranked, query.exact, K))
        out.rr.append(reciprocal_rank(ranked, query.exact))
    return out


def _result(data: EsciData, runs: dict[str, SystemRun], details: dict[str, Any]) -> SuiteResult:
    metrics = {s: {"ndcg@10": mean(r.ndcg), "recall@10": mean(r.recall), "mrr": mean(r.rr)}
               for s, r in runs.items()}
    if KNOWLEDGE_SYSTEM in metrics:
        metrics[KNOWLEDGE_SYSTEM]["ndcg@10_delta_vs_hybrid"] = (
            metrics[KNOWLEDGE_SYSTEM]["ndcg@10"] - metrics["hybrid"]["ndcg@10"])
    latency = Table("Whole-catalogue search latency (k=100) and short rankings",
                    ["system", "p50 ms", "p95 ms", "queries with judged products not returned"],
                    [[s, percentile(r.latency_ms, 50), percentile(r.latency_ms, 95), r.filled]
                     for s, r in runs.items()])
    per_query = Table("Per-query nDCG@10", ["query_id", "query", *runs],
                      [[q.query_id, q.query, *(runs[s].ndcg[i] for s in runs)]
                       for i, q in enumerate(data.queries)])
    ceiling = mean(min(K, len(q.exact)) / len(q.exact) for q in data.queries if q.exact)
    details = {**details, "queries": len(data.queries), "recall@10_ceiling": round(ceiling, 4),
               "latency_ms": {s: {"p50": round(percentile(r.latency_ms, 50), 2),
                                  "p95": round(percentile(r.latency_ms, 95), 2)}
                              for s, r in runs.items()}}
    judged = mean(len(q.judgments) for q in data.queries)
    notes = [
        f"{details['products']} products indexed in {details['index_seconds']} s "
        f"({details['products_per_second']} products/s: import with embeddings "
        f"{details['import_seconds']} s, BM25 build {details['bm25_build_seconds']} s).",
        f"nDCG@10 re-ranks each query's judged products (mean {judged:.1f}"
        " per query); recall@10 and MRR (top 100) search the whole catalogue, relevant = E"
        f" (a perfect ranking would reach recall@10 = {ceiling:.4f}: many queries have more"
        " than 10 E products).",
        "Judged products a system does not return are appended in a seeded random order.",
        "Knowledge expansion is off for bm25, dense and hybrid; hybrid+knowledge is hybrid"
        " with our seed assertions served (ESCI has no behaviour log to mine): the check"
        " that knowledge does not lower nDCG@10 on real queries (issue target: by <= 0.005).",
        "Whole-catalogue dense retrieval goes through Chroma's approximate (HNSW) index, so"
        " dense and hybrid recall@10 / MRR can move by a few 1e-4 between identical runs.",
    ]
    return SuiteResult(metrics=metrics, tables=[latency, per_query],
                       plots=[Plot("Per-query nDCG@10 by system", _ndcg_plot(runs))],
                       notes=notes, details=details)


def _ndcg_plot(runs: dict[str, SystemRun]) -> object:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(7, 3.6))
    axes = figure.subplots()
    names = list(runs)
    axes.boxplot([runs[s].ndcg for s in names], tick_labels=names, showmeans=True)
    rng = random.Random(0)
    for i, name in enumerate(names, start=1):
        values = runs[name].ndcg
        axes.scatter([i + rng.uniform(-0.15, 0.15) for _ in values], values, s=8, alpha=0.35)
    axes.set_ylabel("nDCG@10 per query")
    axes.set_ylim(-0.02, 1.02)
    axes.grid(axis="y", alpha=0.3)
    return figure
