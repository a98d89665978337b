"""Implicit-need queries: does search put products with a needed attribute on top.

For each query of a frozen set (``evals/data/implicit_needs_{esci,demo}.jsonl``) the top 5
results are read by the independent check in :mod:`evals.need_check` (the row's own
variants in the product's own text, not negated; never the matcher search uses):

- ``top5``: at least one of the top 5 is of the asked type *and* has a needed attribute;
- ``first``: the first result is;
- ``top5_attr`` / ``first_attr``: the same, attribute only (any type), as the issue words it.

Run on the ESCI catalogue (imported once into a store folder) or the generated demo store
(2,000 products, 400 shoppers, seed 7, as the knowledge suite builds it; generated once per
folder, its knowledge rebuilt from seed + mining on every run)::

    python -m evals.implicit_needs esci --data-dir /tmp/esci-store [--split dev]
    python -m evals.implicit_needs demo --data-dir /tmp/demo-store [--split test]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from evals.need_check import has_needed, load, of_type
from knowledge.models import Product
from knowledge.ranking.reranker import attach_reranker
from knowledge.settings import Settings
from knowledge.store import Store

K = 5
DEMO_PRODUCTS, DEMO_SHOPPERS, DEMO_SEED = 2000, 400, 7  # as the knowledge suite (seed 0 + 7)
ESCI_PRODUCTS = (Path(__file__).resolve().parents[1] / "knowledge" / "demo" / "esci"
                 / "products.jsonl.gz")


def card(product: Product) -> dict[str, Any]:
    """The fields the independent check reads."""
    return {"title": product.title, "bullets": list(product.bullets or []),
            "description": product.description or "", "attributes": dict(product.attributes or {})}


def judge(products: list[Product], row: dict[str, Any]) -> dict[str, bool]:
    """The four per-query outcomes for a ranked list."""
    cards = [card(p) for p in products[:K]]
    attr = [bool(has_needed(c, row)) for c in cards]
    both = [a and of_type(c, row) for a, c in zip(attr, cards, strict=True)]
    return {"top5": any(both), "first": bool(both[:1] and both[0]),
            "top5_attr": any(attr), "first_attr": bool(attr[:1] and attr[0])}


def measure(store: Store, rows: list[dict[str, Any]], *, use_knowledge: bool = True
            ) -> dict[str, Any]:
    """Rates over ``rows`` plus the misses (query and first title) for reading."""
    totals = {"top5": 0, "first": 0, "top5_attr": 0, "first_attr": 0}
    misses, latency = [], []
    for row in rows:
        start = time.perf_counter()
        hits = store.search.search(row["query"], k=K, use_knowledge=use_knowledge)
        latency.append((time.perf_counter() - start) * 1000)
        outcome = judge([h.product for h in hits], row)
        for key, value in outcome.items():
            totals[key] += int(value)
        if not outcome["first"]:
            misses.append({"query": row["query"], "top5": outcome["top5"],
                           "first": hits[0].product.title[:80] if hits else None,
                           "why": hits[0].why[:2] if hits else []})
    n = max(1, len(rows))
    rates: dict[str, Any] = {key: round(value / n, 3) for key, value in totals.items()}
    rates["n"] = len(rows)
    rates["p50_ms"] = round(sorted(latency)[len(latency) // 2], 1) if latency else 0.0
    return {"rates": rates, "misses": misses}


def rows_for(name: str, split: str | None) -> list[dict[str, Any]]:
    """A frozen set's rows, without those excluded when it was written.

    ``name`` is a catalogue (``esci``/``demo``: its first set) or a set under evals/data.
    """
    stem = f"implicit_needs_{name}" if name in ("esci", "demo") else name
    return [r for r in load(stem, split) if "excluded" not in r]


def esci_store(settings: Settings) -> Store:
    """A store holding the ESCI products (imported once per data dir) with the seed served."""
    from knowledge.graph.build import build_knowledge
    from knowledge.graph.serve import KnowledgeExpander
    from knowledge.ingest import import_catalog

    store = Store(settings)
    if not len(store.search.index):
        import_catalog(store, ESCI_PRODUCTS)
    build_knowledge(store, ("seed",))
    store.search.set_expander(KnowledgeExpander(store))
    attach_reranker(store)  # as the served store: the learned ranker when settings enable it
    return store


def demo_store(settings: Settings) -> Store:
    """The knowledge suite's demo store (generated once per data dir), seed + mined knowledge."""
    from knowledge.demo_build import build_demo
    from knowledge.graph.build import build_knowledge
    from knowledge.graph.critics import Critic
    from knowledge.graph.serve import KnowledgeExpander

    store = Store(settings)
    if not len(store.search.index):
        build_demo(store, products=DEMO_PRODUCTS, shoppers=DEMO_SHOPPERS, seed=DEMO_SEED)
    build_knowledge(store, ("seed", "mining"), critic=Critic(store.embedder))
    store.search.set_expander(KnowledgeExpander(store))
    attach_reranker(store)
    return store


def esci_ndcg(store: Store) -> dict[str, Any]:
    """ESCI nDCG@10 on the judged candidates, hybrid against hybrid+knowledge."""
    from evals.datasets.esci import load_esci
    from evals.metrics import ndcg_at_k
    from knowledge.search import SearchFilters

    data = load_esci(None)
    out: dict[str, Any] = {}
    for name, knowledge in (("hybrid", False), ("hybrid+knowledge", True)):
        scores = []
        for q in data.queries:
            hits = store.search.search(q.query, SearchFilters(product_ids=q.product_ids),
                                       k=len(q.product_ids), use_knowledge=knowledge)
            ranked = [h.product.id for h in hits]
            ranked += [p for p in q.product_ids if p not in set(ranked)]
            scores.append(ndcg_at_k(ranked, q.gains, 10))
        out[name] = round(sum(scores) / len(scores), 4)
    out["delta"] = round(out["hybrid+knowledge"] - out["hybrid"], 4)
    out["queries"] = len(data.queries)
    return out


def main() -> None:
    """Print the implicit-need rates (with and without knowledge) for one catalogue."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogue", choices=["esci", "demo"])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--split", choices=["dev", "test"], default=None)
    parser.add_argument("--set", default=None,
                        help="the frozen set under evals/data (default implicit_needs_<catalogue>)")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--no-ranker", action="store_true",
                        help="hybrid order only (the learned ranker is on by default, as served)")
    args = parser.parse_args()
    build = esci_store if args.catalogue == "esci" else demo_store
    store = build(Settings(data_dir=args.data_dir, ranker_enabled=not args.no_ranker))
    try:
        rows = rows_for(args.set or args.catalogue, args.split)
        plain = measure(store, rows, use_knowledge=False)
        know = measure(store, rows, use_knowledge=True)
    finally:
        store.close()
    print(json.dumps({"set": args.set or f"implicit_needs_{args.catalogue}",
                      "split": args.split or "all", "hybrid": plain["rates"],
                      "hybrid+knowledge": know["rates"]}, indent=1))
    if args.misses:
        for miss in know["misses"]:
            print(json.dumps(miss))


if __name__ == "__main__":
    main()
