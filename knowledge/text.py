"""Text normalisation shared by BM25, slot parsing and knowledge matching."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from knowledge.extraction.described import DESCRIBED, described_words, with_unconfirmed

if TYPE_CHECKING:
    from knowledge.models import Product

_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
STOPWORDS = frozenset(
    "a an and are as at be by for from has have i in is it its me my of on or our so that the "
    "their them they this to was we what with you your want need looking some any please "
    "would like show find get buy".split()
)


def stem(token: str) -> str:
    """A light English stemmer: plural and a few common suffixes (shoes -> shoe)."""
    if len(token) <= 3 or token.isdigit():
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("sses", "xes", "ches", "shes")):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def tokens(text: str, *, keep_stopwords: bool = False) -> list[str]:
    """Lowercase word tokens, stemmed; hyphenated words also yield their parts."""
    out: list[str] = []
    for word in _WORD.findall(text.lower()):
        if not keep_stopwords and word in STOPWORDS:
            continue
        out.append(stem(word))
        if "-" in word:
            out.extend(stem(part) for part in word.split("-") if part not in STOPWORDS)
    return out


def product_text(title: str, brand: str | None, category: str | None, bullets: list[str],
                 description: str, attributes: dict[str, Any]) -> str:
    """The text we index for a product (title weighted by repetition in BM25 callers)."""
    attrs = " ".join(
        " ".join(map(str, v)) if isinstance(v, list) else str(v) for v in attributes.values()
    )
    parts = [title, brand or "", (category or "").replace("_", " "), attrs, " ".join(bullets),
             description[:600]]
    return " ".join(p for p in parts if p)


def search_attributes(product: Product) -> dict[str, Any]:
    """The attributes search indexes and embeds, with the features only a description names.

    Those are kept apart from the product's attributes (:mod:`knowledge.extraction.described`):
    search reads them as text, nothing else does; so are the values the calibrated filter did
    not confirm, which search reads back under their keys.
    """
    words = described_words(product)
    held = with_unconfirmed(product.attributes or {}, product.attribute_spans)
    return {**held, DESCRIBED: words} if words else held


def embedding_text(product: Product) -> str:
    """What the dense index embeds for a product (short: MiniLM reads 256 tokens)."""
    return product_text(product.title, product.brand, product.category, product.bullets[:2],
                        "", search_attributes(product))[:300]
