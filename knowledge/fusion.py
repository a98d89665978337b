"""Rank fusion and filter helpers of hybrid search (:mod:`knowledge.search`).

Reciprocal-rank fusion of the BM25, dense and knowledge lists, the top-n of a score
array, the need boost, and the filters translated to a Chroma ``where`` clause.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np

from knowledge.catalog_index import Filters as SearchFilters

RRF_K = 60.0


def add_need_boost(fused: dict[int, float], match: np.ndarray | None, boost: float,
                    positions: Iterable[int]) -> None:
    """Lift each of ``positions`` by ``boost`` times how well it holds the query's needs."""
    if match is None or not boost:
        return
    for pos in positions:
        fused[pos] += boost * float(match[pos])


def top_positions(scores: np.ndarray, n: int) -> list[int]:
    """Positions of the ``n`` highest positive scores, best first (ties keep order)."""
    positive = int(np.count_nonzero(scores > 0))
    n = min(n, positive)
    if n <= 0:
        return []
    idx = np.argpartition(-scores, n - 1)[:n]
    return [int(i) for i in idx[np.argsort(-scores[idx], kind="stable")]]


def rrf(lists: list[tuple[list[int], float]]) -> dict[int, float]:
    """Reciprocal-rank fusion of weighted ranked lists of positions."""
    fused: dict[int, float] = {}
    for ranked, weight in lists:
        for rank, pos in enumerate(ranked):
            fused[pos] = fused.get(pos, 0.0) + weight / (RRF_K + rank + 1)
    return fused


def equality_only(f: SearchFilters) -> SearchFilters:
    """The filters Chroma applies quickly: category, brand and colour."""
    return SearchFilters(category=f.category, brand=f.brand, color=f.color)


def chroma_where(f: SearchFilters) -> dict[str, Any] | None:
    """The filters as a Chroma ``where`` clause (None when there are none)."""
    clauses: list[dict[str, Any]] = []
    for key, value in (("category", f.category), ("brand", f.brand), ("color", f.color)):
        if value:
            clauses.append({key: value.lower()})
    if f.min_price is not None:
        clauses.append({"price": {"$gte": f.min_price}})
    if f.max_price is not None:
        clauses.append({"price": {"$lte": f.max_price}})
    if f.in_stock:
        clauses.append({"stock": {"$gt": 0}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}
