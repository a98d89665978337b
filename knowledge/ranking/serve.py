"""Rerank one query's fused hybrid scores with the learned ranker (called by search)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from knowledge.ranking.reranker import Reranker

if TYPE_CHECKING:
    from knowledge.search import SearchEngine

RRF_K = 60.0
# The ranker's features are normalised within a query's candidate list (min-max, rank
# reciprocals) and it was trained on ESCI lists of tens of candidates; on a handful the
# normalised features turn near-binary and its order is noise (a 5-product store put
# leggings above the frying pan for "skillet"), so shorter lists keep the hybrid order.
MIN_CANDIDATES = 10


def rerank_fused(engine: SearchEngine, reranker: Reranker, query: str, fused: dict[int, float],
                 knowledge: np.ndarray | None, bm25: np.ndarray | None = None
                 ) -> tuple[dict[int, float], list[int]]:
    """New fused scores and the positions reordered: the top ``reranker.depth``, the rest unchanged.

    The reordered candidates get RRF-shaped scores above every candidate left out, so later
    boosts (personalisation) move them by the same small amounts as before. ``bm25``: every
    product's BM25 score for ``query`` when search has it already (else computed here).
    """
    top = sorted(fused, key=lambda p: -fused[p])[:reranker.depth]
    if len(top) < MIN_CANDIDATES:
        return fused, []
    index = engine.index
    ids = [index.ids[p] for p in top]
    scores_bm25 = (bm25 if bm25 is not None else index.bm25_scores(query))[top]
    query_vector = engine.embedder.embed_query(query)
    vectors = reranker.vectors(ids, len(query_vector), engine.vectors.vectors_for)
    know = knowledge[top] if knowledge is not None else None
    scores = reranker.scores(query, ids, scores_bm25, vectors, query_vector, index.popularity[top],
                             know)
    order = np.argsort(-scores, kind="stable")
    floor = fused[top[-1]]
    out = dict(fused)
    for rank, i in enumerate(order):
        out[top[int(i)]] = floor + 2.0 / (RRF_K + rank + 1)
    return out, top
