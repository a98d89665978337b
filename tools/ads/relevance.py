"""The absolute half of the relevance floor: a sponsored product must be about the query.

Being in the organic top N and near the top score is relative: for a query the catalogue
cannot answer ("frying pan" in a fitness store) the top results are unrelated products,
and a campaign's yoga mat may well be among them. So a search or chat ad also needs its
embedding cosine to the query at or above ``AdSettings.relevance_min_similarity``
(calibrated on ESCI by ``python -m evals.ads_relevance``).

The query vector comes from the embedder's LRU cache (the search that produced the page
embedded the same text a moment before); product vectors are fetched once per product, off
the request path, when the ad server refreshes its campaigns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

log = logging.getLogger("shopmage.ads")
QUERY_PLACEMENTS = ("search", "chat")


class Relevance:
    """Query-product cosines for campaign products."""

    def __init__(self, embed_query: Callable[[str], np.ndarray],
                 vectors_for: Callable[[list[str]], dict[str, np.ndarray]]) -> None:
        """``embed_query`` maps a text to a unit vector; ``vectors_for`` reads stored ones."""
        self._embed_query, self._vectors_for = embed_query, vectors_for
        self.vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_store(cls, store: Any) -> Relevance:
        """The store's embedder (with its query cache) and its vector index."""
        return cls(store.embedder.embed_query, store.vectors.vectors_for)

    def prepare(self, product_ids: Iterable[str]) -> None:
        """Fetch the vectors of products not seen before (called off the request path)."""
        with self._lock:
            missing = sorted(set(product_ids) - set(self.vectors))
            if missing:
                self.vectors.update(self._vectors_for(missing))

    def query_vector(self, query: str) -> np.ndarray:
        """The query's unit vector."""
        return np.asarray(self._embed_query(query), dtype=np.float32)

    def similarity(self, query_vector: np.ndarray, product_id: str) -> float | None:
        """Cosine of a prepared product to the query (None: the product has no vector)."""
        vec = self.vectors.get(product_id)
        return None if vec is None else float(vec @ query_vector)


def needs_check(placement: str, query: str | None) -> bool:
    """Search and chat ads answer a typed query; category and "for you" ads do not."""
    return placement in QUERY_PLACEMENTS and bool(query and query.strip())
