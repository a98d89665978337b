"""In-memory view of the catalogue for fast hard filters and BM25 (bm25s)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

import bm25s
import numpy as np

from knowledge.models import Product
from knowledge.nlp.negation import mentions
from knowledge.text import product_text, search_attributes, tokens


@dataclass
class Filters:
    """Hard filters every retrieval path applies (see ``knowledge.search.SearchFilters``)."""

    min_price: float | None = None
    max_price: float | None = None
    category: str | None = None
    brand: str | None = None
    color: str | None = None
    attributes: tuple[str, ...] = ()
    in_stock: bool = False
    product_ids: tuple[str, ...] | None = None
    exclude_ids: tuple[str, ...] = ()
    exclude_terms: tuple[str, ...] = ()  # drop products whose text mentions one (not negated)


@dataclass
class CatalogIndex:
    """Columns of every product plus a BM25 index, rebuilt lazily after upserts."""

    ids: list[str] = field(default_factory=list)
    position: dict[str, int] = field(default_factory=dict)
    price: np.ndarray = field(default_factory=lambda: np.zeros(0))
    stock: np.ndarray = field(default_factory=lambda: np.zeros(0))
    category: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    brand: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    color: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    types: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    titles: list[str] = field(default_factory=list)
    features: list[frozenset[str]] = field(default_factory=list)  # its "features" values
    version: int = 0  # bumped by every upsert (readers of the columns re-read on a change)
    tags: list[frozenset[str]] = field(default_factory=list)
    popularity: np.ndarray = field(default_factory=lambda: np.zeros(0))
    _texts: list[list[str]] = field(default_factory=list)
    _plain: list[str] = field(default_factory=list)
    _bm25: Any = None
    _dirty: bool = True
    _tag_masks: dict[str, np.ndarray] = field(default_factory=dict)
    _term_masks: dict[str, np.ndarray] = field(default_factory=dict)
    _build_lock: threading.Lock = field(default_factory=threading.Lock)

    def __len__(self) -> int:
        """Number of products."""
        return len(self.ids)

    def upsert(self, products: list[Product]) -> None:
        """Add or replace products; BM25 is rebuilt on the next query."""
        rows = [self._row(p) for p in products]
        new = [r for r in rows if r[0] not in self.position]
        for row in rows:
            if row[0] in self.position:
                self._set(self.position[row[0]], row)
        if new:
            start = len(self.ids)
            self.ids.extend(r[0] for r in new)
            for offset, row in enumerate(new):
                self.position[row[0]] = start + offset
            self.price = np.concatenate([self.price, [r[1] for r in new]])
            self.stock = np.concatenate([self.stock, [r[2] for r in new]])
            self.category = np.concatenate([self.category, np.array([r[3] for r in new], object)])
            self.brand = np.concatenate([self.brand, np.array([r[4] for r in new], object)])
            self.color = np.concatenate([self.color, np.array([r[5] for r in new], object)])
            self.types = np.concatenate([self.types, np.array([r[9] for r in new], object)])
            self.titles.extend(r[10] for r in new)
            self.features.extend(r[11] for r in new)
            self.tags.extend(r[6] for r in new)
            self._texts.extend(r[7] for r in new)
            self._plain.extend(r[8] for r in new)
            self.popularity = np.concatenate([self.popularity, np.zeros(len(new))])
        self._dirty = True
        self.version += 1
        self._tag_masks.clear()
        self._term_masks.clear()

    def tag_mask(self, tag: str) -> np.ndarray:
        """Products carrying ``tag`` (lower case), computed once per tag until the next upsert."""
        found = self._tag_masks.get(tag)
        if found is None:
            found = np.fromiter((tag in t for t in self.tags), bool, len(self.ids))
            self._tag_masks[tag] = found
        return found

    def mention_mask(self, term: str) -> np.ndarray:
        """Products whose title, colour, attributes or bullets mention ``term`` (not negated)."""
        key = term.strip().lower()
        found = self._term_masks.get(key)
        if found is None:
            found = np.fromiter((mentions(t, key) for t in self._plain), bool, len(self.ids))
            self._term_masks[key] = found
        return found

    def negated_mask(self, term: str) -> np.ndarray:
        """Products whose text names ``term`` only negated ("not waterproof", "BPA-free")."""
        key = "-" + term.strip().lower()  # cached beside the positive mentions
        found = self._term_masks.get(key)
        if found is None:
            pattern = re.compile(r"(?<![a-z0-9])" + r"[\s-]+".join(
                re.escape(p) for p in key[1:].split()) + r"(?:s|es)?(?![a-z0-9])")
            first = key[1:].split()[0] if key[1:].split() else key[1:]
            found = np.fromiter((first in t and bool(pattern.search(t))
                                 and not mentions(t, key[1:]) for t in self._plain),
                                bool, len(self.ids))
            self._term_masks[key] = found
        return found

    @staticmethod
    def _row(p: Product) -> tuple[Any, ...]:
        text = product_text(p.title, p.brand, p.category, p.bullets, p.description,
                            search_attributes(p))
        toks = tokens(p.title) * 2 + tokens(text)
        plain = " ".join([p.title, p.brand or "", p.color or "", *sorted(p.tags()), *p.bullets])
        return (p.id, np.nan if p.price is None else p.price, p.stock, _low(p.category),
                _low(p.brand), _low(p.color), frozenset(p.tags()), toks or ["_"], plain.lower(),
                _type(p), p.title.lower(), _features(p))

    def _set(self, i: int, row: tuple[Any, ...]) -> None:
        (_, self.price[i], self.stock[i], self.category[i], self.brand[i], self.color[i],
         self.tags[i], self._texts[i], self._plain[i], self.types[i], self.titles[i],
         self.features[i]) = row

    def set_popularity(self, counts: dict[str, float]) -> None:
        """Popularity in [0, 1] (log-scaled) from weighted behaviour counts."""
        pop = np.zeros(len(self.ids))
        for pid, value in counts.items():
            if pid in self.position:
                pop[self.position[pid]] = value
        self.popularity = np.log1p(pop) / max(1e-9, float(np.log1p(pop.max(initial=0.0))))

    def mask(self, f: Filters) -> np.ndarray:
        """Boolean mask of products passing the hard filters."""
        m = np.ones(len(self.ids), dtype=bool)
        if f.min_price is not None:
            m &= np.nan_to_num(self.price, nan=-1.0) >= f.min_price
        if f.max_price is not None:
            m &= np.nan_to_num(self.price, nan=np.inf) <= f.max_price
        for column, value in ((self.category, f.category), (self.brand, f.brand),
                              (self.color, f.color)):
            if value:
                m &= column == value.lower()
        if f.in_stock:
            m &= self.stock > 0
        if f.attributes:
            for attribute in {a.lower() for a in f.attributes}:
                m &= self.tag_mask(attribute)
        if f.product_ids is not None:
            only = np.zeros(len(self.ids), dtype=bool)
            only[[self.position[i] for i in f.product_ids if i in self.position]] = True
            m &= only
        if f.exclude_ids:
            m[[self.position[i] for i in f.exclude_ids if i in self.position]] = False
        for term in {t.strip().lower() for t in f.exclude_terms if t.strip()}:
            m &= ~self.mention_mask(term)
        return m

    def bm25_scores(self, query: str) -> np.ndarray:
        """BM25 score of every product for ``query`` (zeros when no term is known)."""
        bm25 = self.bm25()
        ids = bm25.get_tokens_ids(tokens(query))
        if not ids or not self.ids:
            return np.zeros(len(self.ids), dtype=np.float32)
        return np.asarray(bm25.get_scores_from_ids(ids), dtype=np.float32)

    def bm25(self) -> Any:
        """The BM25 index, rebuilt after upserts by one thread while the others wait.

        (Concurrent searches used to see a half-built index: the load benchmark's errors.)
        """
        with self._build_lock:
            if self._dirty or self._bm25 is None:
                fresh = bm25s.BM25()
                fresh.index(list(self._texts), show_progress=False)
                self._bm25, self._dirty = fresh, False
            return self._bm25


def _low(value: str | None) -> str:
    return (value or "").strip().lower()


def _type(p: Product) -> str:
    """The product's own type (its ``type`` attribute), lower-case; "" when it has none."""
    kind = (p.attributes or {}).get("type")
    return _low(kind) if isinstance(kind, str) else ""


def _features(p: Product) -> frozenset[str]:
    """The product's ``features`` values, lower-case."""
    values = (p.attributes or {}).get("features") or []
    values = values if isinstance(values, list) else [values]
    return frozenset(str(v).strip().lower() for v in values if str(v).strip())
