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
    counts: dict[str, Counter[str]] = field(default_factory=dict, compare=False)
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


def field_doc(product: Product) -> FieldDoc:
    """Tokenise a product's fields the way BM25 does (stemmed, stopwords out)."""
    attrs: dict[str, Any] = product.attributes or {}
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
    return FieldDoc(**parts, color=(product.color or "").lower(), kind=kinds, raw=raw,
                    title_text=product.title.lower(),
                    counts={name: Counter(toks) for name, toks in parts.items()},
                    title_set=frozenset(title), bullet_set=frozenset(parts["bullets"]),
                    every=frozenset(t for toks in (*parts.values(), kinds) for t in toks),
                    title_bigrams=frozenset(zip(title, title[1:], strict=False)),
                    audiences=audiences_named(product.title.lower()))


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

    def bm25_many(self, query_tokens: list[str], docs: list[FieldDoc], name: str) -> list[float]:
        """Okapi BM25 of field ``name`` of each of ``docs`` (the query's IDFs computed once)."""
        n = max(1, len(self.docs))
        avg = max(1e-9, self.total_len[name] / n)
        counter = self.df[name]
        idf = {t: math.log(1 + (n - counter.get(t, 0) + 0.5) / (counter.get(t, 0) + 0.5))
               for t in set(query_tokens)}
        wanted = set(idf)
        out = []
        for doc in docs:
            tf = doc.counts.get(name)
            if tf is None:  # a FieldDoc made by hand, without its counts
                tf = Counter(doc.field(name))
            hits = wanted.intersection(tf)  # most fields of most candidates share no word
            if not hits:
                out.append(0.0)
                continue
            norm = K1 * (1 - B + B * len(doc.field(name)) / avg)
            out.append(sum(idf[t] * tf[t] * (K1 + 1) / (tf[t] + norm) for t in hits))
        return out
