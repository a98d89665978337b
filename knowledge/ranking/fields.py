"""Per-field token statistics of the catalogue: BM25 per field for a handful of candidates.

The catalogue's main BM25 index scores one blended text; the ranker also wants to know
*where* a query word matched (title, bullets, description, brand). Only the candidates of
one query are scored, so plain Python over token tuples is fast enough (about 50 products).
"""

from __future__ import annotations

import math
import re
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from knowledge.extraction.described import with_unconfirmed
from knowledge.models import Product
from knowledge.text import tokens

FIELDS = ("title", "bullets", "description", "brand", "category")
TEXT_LIMIT = 800  # characters of bullets and description kept per product
K1, B = 1.2, 0.75
AUDIENCE_WORDS = {"women": "f", "woman": "f", "womens": "f", "ladies": "f", "girls": "f",
                  "girl": "f", "men": "m", "man": "m", "mens": "m", "boys": "m", "boy": "m",
                  "kids": "k", "kid": "k", "toddler": "k", "baby": "k", "youth": "k"}


def audiences_named(text: str) -> frozenset[str]:
    """The audiences (f, m, k) a lower-cased text names ("women's", "boys", "toddler")."""
    return frozenset(AUDIENCE_WORDS[w] for w in re.findall(r"[a-z]+", text.replace("'", ""))
                     if w in AUDIENCE_WORDS)


@dataclass(frozen=True)
class FieldDoc:
    """One product's tokens per field, plus the attributes the ranker compares."""

    title: tuple[str, ...]
    bullets: tuple[str, ...]
    description: tuple[str, ...]
    brand: tuple[str, ...]
    category: tuple[str, ...]
    color: str
    kind: tuple[str, ...]
    raw: str
    title_text: str
    # per token, its count in each field (FIELDS order); the fields' lengths
    counts: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    lengths: tuple[int, ...] = ()
    title_set: frozenset[str] = frozenset()
    bullet_set: frozenset[str] = frozenset()
    every: frozenset[str] = frozenset()  # tokens of every field
    title_bigrams: frozenset[tuple[str, str]] = frozenset()
    audiences: frozenset[str] = frozenset()  # named in the title

    def field(self, name: str) -> tuple[str, ...]:
        """The tokens of field ``name`` (one of :data:`FIELDS`)."""
        value: tuple[str, ...] = getattr(self, name)
        return value


def _toks(text: str) -> tuple[str, ...]:
    return tuple(sys.intern(t) for t in tokens(text))


_SHARED: dict[tuple[int, ...], tuple[int, ...]] = {}  # few distinct count tuples: kept once


def term_counts(doc: FieldDoc) -> dict[str, tuple[int, ...]]:
    """Each token of ``doc`` with its count in every field (in :data:`FIELDS` order)."""
    per_field = [Counter(doc.field(name)) for name in FIELDS]
    every = dict.fromkeys(t for c in per_field for t in c)
    return {t: _SHARED.setdefault(key, key)
            for t in every for key in [tuple(c.get(t, 0) for c in per_field)]}


def field_doc(product: Product) -> FieldDoc:
    """Tokenise a product's fields the way BM25 does (stemmed, stopwords out)."""
    # the type as the finders found it, confirmed by the filter or not (it ranks better so)
    attrs: dict[str, Any] = with_unconfirmed(product.attributes or {}, product.attribute_spans)
    kind = attrs.get("type")
    bullets = " ".join(product.bullets or [])[:TEXT_LIMIT]
    description = (product.description or "")[:TEXT_LIMIT]
    raw = " ".join([product.title, bullets, description, str(product.color or "")]).lower()
    path = attrs.get("category_path")
    category = " ".join(map(str, path)) if isinstance(path, list) else (product.category or "")
    parts = {"title": _toks(product.title), "bullets": _toks(bullets),
             "description": _toks(description), "brand": _toks(product.brand or ""),
             "category": _toks(category.replace("_", " "))}
    kinds = _toks(kind) if isinstance(kind, str) else ()
    title = parts["title"]
    # per-product work done once at indexing, not per query: term counts, sets, bigrams
    doc = FieldDoc(title=title, bullets=parts["bullets"], description=parts["description"],
                   brand=parts["brand"], category=parts["category"],
                   color=(product.color or "").lower(), kind=kinds, raw=raw,
                   title_text=product.title.lower(),
                   lengths=tuple(len(parts[name]) for name in FIELDS),
                   title_set=frozenset(title), bullet_set=frozenset(parts["bullets"]),
                   every=frozenset(t for toks in (*parts.values(), kinds) for t in toks),
                   title_bigrams=frozenset(zip(title, title[1:], strict=False)),
                   audiences=audiences_named(product.title.lower()))
    doc.counts.update(term_counts(doc))
    return doc


@dataclass
class FieldIndex:
    """Document frequencies and lengths per field, and every product's :class:`FieldDoc`."""

    docs: dict[str, FieldDoc] = field(default_factory=dict)
    df: dict[str, Counter[str]] = field(default_factory=lambda: {f: Counter() for f in FIELDS})
    total_len: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __len__(self) -> int:
        """Number of products indexed."""
        return len(self.docs)

    def upsert(self, products: list[Product]) -> None:
        """Add or replace products (their old statistics are taken out first)."""
        fresh = [(p.id, field_doc(p)) for p in products]
        with self._lock:
            for pid, doc in fresh:
                old = self.docs.get(pid)
                if old is not None:
                    self._count(old, -1)
                self.docs[pid] = doc
                self._count(doc, +1)

    def _count(self, doc: FieldDoc, sign: int) -> None:
        for name in FIELDS:
            toks = doc.field(name)
            self.total_len[name] += sign * len(toks)
            counter = self.df[name]
            for token in set(toks):
                counter[token] += sign

    def idf(self, token: str, name: str = "title") -> float:
        """Inverse document frequency of ``token`` in field ``name``."""
        n = max(1, len(self.docs))
        df = self.df[name].get(token, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def bm25(self, query_tokens: list[str], doc: FieldDoc, name: str) -> float:
        """Okapi BM25 of one product's field ``name`` for the query tokens."""
        return float(self.bm25_many(query_tokens, [doc], name)[0])

    def bm25_table(self, query_tokens: list[str], docs: list[FieldDoc]) -> np.ndarray:
        """Okapi BM25 of every field of each of ``docs``: ``(len(docs), len(FIELDS))``.

        The same figures as :meth:`bm25_many` field by field (terms summed in another order,
        so equal within a rounding error), computed as arrays: Python only looks up each
        query term's counts, once per product.
        """
        terms = list(dict.fromkeys(query_tokens))
        if not terms or not docs:
            return np.zeros((len(docs), len(FIELDS)))
        n = max(1, len(self.docs))
        idf = np.array([[math.log(1 + (n - self.df[f].get(t, 0) + 0.5)
                                  / (self.df[f].get(t, 0) + 0.5)) for f in FIELDS]
                        for t in terms])  # terms x fields
        avg = np.array([max(1e-9, self.total_len[f] / n) for f in FIELDS])
        zero = (0,) * len(FIELDS)
        freq = np.array([[counts.get(t, zero) for t in terms]
                         for counts in map(_counts, docs)], dtype=float)  # docs x terms x fields
        lengths = np.array([_lengths(doc) for doc in docs], dtype=float)
        norm = K1 * (1 - B + B * lengths / avg)
        return np.asarray((idf * freq * (K1 + 1) / (freq + norm[:, None, :])).sum(axis=1))

    def bm25_many(self, query_tokens: list[str], docs: list[FieldDoc], name: str) -> list[float]:
        """Okapi BM25 of field ``name`` of each of ``docs`` (the query's IDFs computed once)."""
        n = max(1, len(self.docs))
        avg = max(1e-9, self.total_len[name] / n)
        counter = self.df[name]
        idf = {t: math.log(1 + (n - counter.get(t, 0) + 0.5) / (counter.get(t, 0) + 0.5))
               for t in dict.fromkeys(query_tokens)}  # query order, not a set's hash order
        column = FIELDS.index(name)
        out = []
        for doc in docs:
            counts = _counts(doc)
            tf = {t: counts[t][column] for t in idf if t in counts and counts[t][column]}
            if not tf:  # most fields of most candidates share no word
                out.append(0.0)
                continue
            norm = K1 * (1 - B + B * len(doc.field(name)) / avg)
            out.append(sum(idf[t] * tf[t] * (K1 + 1) / (tf[t] + norm) for t in tf))
        return out


def _counts(doc: FieldDoc) -> dict[str, tuple[int, ...]]:
    return doc.counts or term_counts(doc)  # a FieldDoc made by hand has no counts


def _lengths(doc: FieldDoc) -> tuple[int, ...]:
    return doc.lengths or tuple(len(doc.field(name)) for name in FIELDS)
