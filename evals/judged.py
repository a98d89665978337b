"""nDCG@10 of a system's order over one ESCI query's judged products (shared by evals)."""

from __future__ import annotations

import random

from evals.datasets.esci import EsciQuery
from evals.metrics import ndcg_at_k
from knowledge.search import Mode, SearchFilters
from knowledge.store import Store

K = 10


def judged_ndcg(store: Store, query: EsciQuery, system: Mode, rng: random.Random, *,
                use_knowledge: bool = False) -> tuple[float, bool]:
    """nDCG@10 of ``query``'s judged products in the order ``system`` returns them.

    Judged products the system does not return are appended in ``rng``'s order; the flag
    says whether any were.
    """
    judged = query.product_ids
    hits = store.search.search(query.query, SearchFilters(product_ids=judged), k=len(judged),
                               mode=system, use_knowledge=use_knowledge)
    ranked = [h.product.id for h in hits]
    rest = [pid for pid in judged if pid not in set(ranked)]
    rng.shuffle(rest)
    return ndcg_at_k(ranked + rest, query.gains, K), bool(rest)
