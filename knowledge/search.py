"""Hybrid product search: the one ``search()`` every caller uses.

BM25 + dense vectors fused by reciprocal rank, hard filters, commonsense expansion and
personalisation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.asked_type import TypeReader
from knowledge.catalog_index import CatalogIndex
from knowledge.catalog_index import Filters as SearchFilters
from knowledge.embeddings import Embedder
from knowledge.expansion import Expander, Expansion
from knowledge.fusion import add_need_boost, chroma_where, equality_only, rrf, top_positions
from knowledge.likely_needs import LikelyNeeds, with_likely_needs
from knowledge.models import Event, Product
from knowledge.opposites import against
from knowledge.said_needs import with_said_needs
from knowledge.vectors import VectorStore

__all__ = ["Hit", "SearchEngine", "SearchFilters"]

log = logging.getLogger("shopmage.search")
Mode = Literal["hybrid", "bm25", "dense"]
CANDIDATES = 100
DENSE_FETCH_MAX = 1500  # beyond this, a Chroma-side filter is cheaper than over-fetching
EVENT_WEIGHTS = {"view": 0.2, "click": 1.0, "cart": 2.0, "purchase": 5.0}


@dataclass
class Hit:
    """One search result with the reasons it was chosen."""

    product: Product
    score: float
    why: list[str] = field(default_factory=list)
    matched_attributes: list[str] = field(default_factory=list)


@dataclass
class Weights:
    """How the fused ranking blends its signals (tuned on held-in data, see evals)."""

    knowledge_list: float = 1.0
    attribute_boost: float = 0.02
    full_need: float = 0.5  # a need this strong re-ranks with the list's full weight
    affinity: float = 0.015
    popularity: float = 0.004
    asked_type: float = 1.0  # products of the type the query asks for lead the others
    opposite: float = 0.5  # ...and one stating the opposite of the request trails its type


class SearchEngine:
    """The catalogue's retrieval: one instance per process, shared by every caller."""

    def __init__(self, engine: Engine, embedder: Embedder, vectors: VectorStore) -> None:
        """Load the catalogue columns and popularity from the database."""
        self.engine, self.embedder, self.vectors = engine, embedder, vectors
        self.index = CatalogIndex()
        self.expander: Expander | None = None
        self.reranker: Any = None  # knowledge.ranking.Reranker, plugged in by attach_reranker
        self.weights = Weights()
        self.types = TypeReader(embedder)
        self.likely = LikelyNeeds(embedder)
        self.reload()

    def set_expander(self, expander: Expander | None) -> None:
        """Plug in (or remove) the commonsense knowledge used by ``use_knowledge``."""
        self.expander = expander

    def set_reranker(self, reranker: Any) -> None:
        """Plug in (or remove, with None) the learned ranker applied to hybrid searches."""
        self.reranker = reranker

    def reload(self) -> None:
        """Rebuild the in-memory columns from the database."""
        self.index = CatalogIndex()
        with Session(self.engine) as session:
            products = list(session.exec(select(Product)))
        self.index.upsert(products)
        if self.reranker is not None:
            self.reranker.index_products(products)
        self.refresh_popularity()

    def refresh_popularity(self) -> None:
        """Recompute popularity from the behaviour log (weighted event counts)."""
        stmt = (select(Event.product_id, Event.type, func.count())
                .where(col(Event.product_id).is_not(None))
                .group_by(Event.product_id, Event.type))
        counts: dict[str, float] = {}
        with Session(self.engine) as session:
            for pid, kind, n in session.exec(stmt):
                key = str(pid)  # the query keeps only rows with a product
                counts[key] = counts.get(key, 0.0) + EVENT_WEIGHTS.get(kind, 0.0) * n
        self.index.set_popularity(counts)

    def add_products(self, products: list[Product]) -> None:
        """Make freshly stored products searchable (columns and BM25; vectors via ingest)."""
        self.index.upsert(products)
        if self.reranker is not None:
            self.reranker.index_products(products)

    # -- retrieval lists ---------------------------------------------------------------------

    def _bm25_list(self, scores: np.ndarray, mask: np.ndarray, n: int) -> list[int]:
        scores = np.where(mask, scores, 0.0)
        return top_positions(scores, n)

    def _dense_list(self, query: str, filters: SearchFilters, mask: np.ndarray,
                    n: int) -> list[int]:
        vector = self.embedder.embed_query(query)
        if filters.product_ids is not None:
            ids = [self.index.ids[i] for i in np.flatnonzero(mask)]
            stored = self.vectors.vectors_for(ids)
            ranked = sorted(stored, key=lambda i: -float(stored[i] @ vector))
            return [self.index.position[i] for i in ranked[:n]]
        # Chroma filters equality fast but numeric ranges slowly (13 ms at 10k products):
        # pass it the equality clauses only, over-fetch by what the rest of the mask keeps,
        # and apply the whole mask here.
        where_filters = equality_only(filters)
        passing = int(mask.sum())
        candidates = (int(self.index.mask(where_filters).sum()) if chroma_where(where_filters)
                      else len(self.index))
        if passing == 0:
            return []
        keep = passing / max(1, candidates)
        fetch = min(candidates, int(np.ceil(n / keep * 1.5)) + n)
        if fetch > DENSE_FETCH_MAX:  # a very selective range: let Chroma filter it
            where_filters, fetch = filters, n
        hits = self.vectors.query(vector, fetch, where=chroma_where(where_filters))
        position = self.index.position
        positions = [position[i] for i, _ in hits if i in position]
        return [p for p in positions if mask[p]][:n]

    @staticmethod
    def _type_list(lists: list[tuple[list[int], float]], of_type: np.ndarray, mask: np.ndarray,
                   bm25: np.ndarray | None, n: int) -> list[int]:
        """Products of the asked type passing the filters that no other list found, by BM25.

        They join the candidates; the order within the type stays the other lists' (and the
        knowledge's) to decide.
        """
        pooled = np.zeros(len(of_type), dtype=bool)
        pooled[[p for lst, _ in lists for p in lst]] = True
        rest = np.flatnonzero((of_type > 0) & mask & ~pooled)
        if bm25 is not None:
            rest = rest[np.argsort(-bm25[rest], kind="stable")]
        return [int(p) for p in rest[:n]]

    def _knowledge_list(self, exp: Expansion, mask: np.ndarray, n: int,
                        pool: list[int] | None = None) -> tuple[list[int], np.ndarray]:
        """Products with the needed attributes (tags, or listing text via the expander).

        The list re-ranks only ``pool`` (the other lists' candidates), so a need never pulls
        in products of an unrelated type; a category the query implies weights it further.
        """
        wanted = exp.attributes
        total = sum(wanted.values()) or 1.0
        match = np.zeros(len(self.index))
        has = getattr(self.expander, "attribute_mask", None)
        only = None if pool is None else np.asarray(pool, dtype=int)
        for tag, weight in wanted.items():
            match += weight * (has(tag, self.index, only) if has else self.index.tag_mask(tag))
        match /= total
        if exp.categories:
            category_weight = np.zeros(len(self.index))
            for category, weight in exp.categories.items():
                category_weight[self.index.category == category] = weight
            match *= category_weight
        typed = getattr(self.expander, "type_weights", None)
        if typed is not None and only is not None:
            match *= typed(exp, self.index, only)
        if only is not None:
            in_pool = np.zeros(len(self.index), dtype=bool)
            in_pool[only] = True
            match = np.where(in_pool, match, 0.0)
        match = np.where(mask, match, 0.0)
        ranked = np.where(match > 0, match + 0.1 * self.index.popularity, 0.0)
        return top_positions(ranked, n), match

    # -- the one search ------------------------------------------------------------------------

    def search(self, query: str, filters: SearchFilters | None = None, k: int = 10, *,
               mode: Mode = "hybrid", use_knowledge: bool = True,
               profile_vector: np.ndarray | None = None) -> list[Hit]:
        """Best ``k`` products for ``query`` under ``filters``, each with its reasons."""
        filters = filters or SearchFilters()
        if not len(self.index) or k <= 0:
            return []
        mask = self.index.mask(filters)
        n = max(CANDIDATES, k)
        lists: list[tuple[list[int], float]] = []
        bm25 = None  # every product's BM25 score, kept for the learned ranker's features
        if mode in ("hybrid", "bm25"):
            bm25 = self.index.bm25_scores(query)
            lists.append((self._bm25_list(bm25, mask, n), 1.0))
        if mode in ("hybrid", "dense"):
            lists.append((self._dense_list(query, filters, mask, n), 1.0))
        asked = self.types.read(query, self.index) if use_knowledge else None
        of_type = None if asked is None else self.types.product_weights(asked, self.index)
        if of_type is not None:
            lists.append((self._type_list(lists, of_type, mask, bm25, n), 1.0))
        exp = self.expander.expand(query) if (use_knowledge and self.expander) else None
        if of_type is not None:  # the asked type's own features the query's words name
            exp = with_said_needs(exp, query, self.index, of_type)
            exp = with_likely_needs(exp, query, self.index, of_type, self.likely,
                                    getattr(self.expander, "lexicon", None))
        match, strength = None, 0.0
        if exp is not None and exp.attributes:
            pool = sorted({p for ranked, _ in lists for p in ranked})
            klist, match = self._knowledge_list(exp, mask, n, pool)
            # a weak guess ("dark" in "dark roast") moves results less than a stated need
            strength = min(1.0, max(exp.attributes.values()) / self.weights.full_need)
            lists.append((klist, self.weights.knowledge_list * strength))
        fused = rrf(lists)
        boost = self.weights.attribute_boost * strength
        add_need_boost(fused, match, boost, fused)
        if mode == "hybrid":
            fused, reordered = self._rerank(query, fused, match, bm25)
            # the ranker orders by relevance; a product holding the query's implicit need
            # stays ahead of one that lacks it, as in the hybrid order
            add_need_boost(fused, match, boost, reordered)
            self._personalise(fused, profile_vector)
        # the type the shopper asked for leads products that only share the situation's words
        add_need_boost(fused, of_type, self.weights.asked_type, list(fused))
        if use_knowledge:
            self._lower_opposites(query, exp, fused)
        ranked = sorted(fused, key=lambda p: -fused[p])[:k]
        return self._hits(ranked, fused, exp)

    def _lower_opposites(self, query: str, exp: Expansion | None, fused: dict[int, float]
                         ) -> None:
        """Lower products stating what the query refuses or the opposite of its needs."""
        positions = np.fromiter(fused, dtype=int, count=len(fused))
        has = getattr(self.expander, "attribute_mask", None)
        states = against(query, exp, self.index, positions, has)
        add_need_boost(fused, states.astype(float), -self.weights.opposite, positions.tolist())

    def _rerank(self, query: str, fused: dict[int, float], match: np.ndarray | None,
                bm25: np.ndarray | None = None) -> tuple[dict[int, float], list[int]]:
        """The ranker's order of the top candidates and those reordered; on failure, hybrid."""
        reranker = self.reranker
        if reranker is None:
            return fused, []
        try:
            from knowledge.ranking.serve import rerank_fused

            return rerank_fused(self, reranker, query, fused, match, bm25)
        except Exception:
            log.exception("learned ranker failed for %r; keeping the hybrid order", query[:80])
            return fused, []

    def popular(self, filters: SearchFilters | None = None, k: int = 10) -> list[Hit]:
        """The most popular products passing ``filters`` (the cold-start feed)."""
        mask = self.index.mask(filters or SearchFilters())
        scores = np.where(mask, self.index.popularity + 1e-6, 0.0)
        ranked = top_positions(scores, k)
        return self._hits(ranked, {p: float(scores[p]) for p in ranked}, None)

    def _personalise(self, fused: dict[int, float], profile: np.ndarray | None) -> None:
        for pos in fused:
            fused[pos] += self.weights.popularity * float(self.index.popularity[pos])
        if profile is None or not fused:
            return
        top = sorted(fused, key=lambda p: -fused[p])[:50]
        stored = self.vectors.vectors_for([self.index.ids[p] for p in top])
        for pos in top:
            vec = stored.get(self.index.ids[pos])
            if vec is not None:
                fused[pos] += self.weights.affinity * max(0.0, float(vec @ profile))

    def _hits(self, ranked: list[int], fused: dict[int, float], exp: Expansion | None) -> list[Hit]:
        ids = [self.index.ids[p] for p in ranked]
        with Session(self.engine) as session:
            rows = {p.id: p for p in session.exec(select(Product).where(col(Product.id).in_(ids)))}
        hits = []
        for pos, pid in zip(ranked, ids, strict=True):
            product = rows.get(pid)
            if product is None:
                continue
            why, matched = self._reasons(exp, product)
            hits.append(Hit(product=product, score=fused[pos], why=why, matched_attributes=matched))
        return hits

    def _reasons(self, exp: Expansion | None, product: Product) -> tuple[list[str], list[str]]:
        """Evidence lines and matched attributes: only what this product has."""
        if exp is None or not exp.attributes:
            return [], []
        explain = getattr(self.expander, "explain", None)
        if explain is not None:
            lines, matched = explain(exp, product)
            return list(lines), sorted(matched)
        tags = product.tags()
        return exp.reasons_for(tags), sorted(t for t in exp.attributes if t in tags)
