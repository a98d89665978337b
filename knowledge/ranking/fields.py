"""Per-field token statistics of the catalogue: BM25 per field for a handful of candidates.

The catalogue's main BM25 index scores one blended text; the ranker also wants to know
*where* a query word matched (title, bullets, description, brand). Only the candidates of
one query are scored, so plain Python over token tuples is fast enough (about 50 products).
"""

from __future__ import annotations

import math
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
    return FieldDoc(title=_toks(product.title), bullets=_toks(bullets),
                    description=_toks(description), brand=_toks(product.brand or ""),
                    category=_toks(category.replace("_", " ")),
                    color=(product.color or "").lower(),
                    kind=_toks(kind) if isinstance(kind, str) else (), raw=raw,
                    title_text=product.title.lower())


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
        toks = doc.field(name)
        if not toks or not query_tokens:
            return 0.0
        n = max(1, len(self.docs))
        avg = max(1e-9, self.total_len[name] / n)
        tf = Counter(toks)
        norm = K1 * (1 - B + B * len(toks) / avg)
        score = 0.0
        for token in set(query_tokens):
            f = tf.get(token, 0)
            if not f:
                continue
            df = self.df[name].get(token, 0)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * f * (K1 + 1) / (f + norm)
        return score
