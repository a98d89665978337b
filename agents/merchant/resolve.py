"""Resolve words to the merchant's own products and campaigns, never to anyone else's.

Products: each candidate phrase is searched with the store's hybrid search restricted to
the merchant's product ids; a phrase is accepted only when the product type of the hits
matches it (word by word, typo-tolerant, or by sentence-vector similarity), so "air fryers"
in an outdoor shop finds nothing rather than the nearest tent.

Campaigns: a reference must be fully covered by one campaign's name, product types and
brands to be acted on; otherwise the products it names are resolved and campaigns holding
them are candidates. None or several candidates mean: ask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import numpy as np
from sqlmodel import Session, col, select

from agents.merchant.phrases import chunks, content_tokens
from knowledge.campaigns import Campaign
from knowledge.models import Product
from knowledge.search import SearchFilters

if TYPE_CHECKING:
    from knowledge.store import Store

SEARCH_K = 24
MAX_PRODUCTS = 10  # per phrase: the best-ranked of the matching type (forecast cost grows with it)
LEXICAL_MIN = 0.6  # head noun of the type must match (0.7) or most of it
SEMANTIC_MIN = 0.62  # sentence-vector cosine between phrase and product type


@dataclass
class ProductMatch:
    """The products one message names, and the phrase that named them."""

    phrase: str | None = None
    products: list[Product] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    tried: list[str] = field(default_factory=list)


def product_type(product: Product) -> str:
    """The product's type (extracted or given), else its category, else its title."""
    attrs = product.attributes or {}
    return str(attrs.get("type") or product.category or product.title).lower()


def _same(a: str, b: str) -> bool:
    """One word, allowing a typo ("dumbells"), never a different word ("stroller" / "roller")."""
    return a == b or (len(a) > 4 and len(b) > 4 and a[0] == b[0] and abs(len(a) - len(b)) <= 1
                      and SequenceMatcher(None, a, b).ratio() >= 0.85)


def lexical(phrase_tokens: list[str], type_name: str) -> float:
    """How well the phrase names the type: 0.7 for its head noun, 0.3 for the rest."""
    type_tokens = content_tokens(type_name) or [type_name]
    head, rest = type_tokens[-1], type_tokens[:-1]
    score = 0.7 if any(_same(t, head) for t in phrase_tokens) else 0.0
    if rest:
        score += 0.3 * sum(any(_same(t, r) for t in phrase_tokens) for r in rest) / len(rest)
    elif score:
        score += 0.3
    return score


def own_product_ids(store: Store, merchant_id: str) -> tuple[str, ...]:
    """Ids of every product this merchant owns."""
    with Session(store.engine) as session:
        return tuple(session.exec(select(Product.id).where(Product.merchant_id == merchant_id)))


def _semantic(store: Store, phrase: str, types: list[str]) -> dict[str, float]:
    query = store.embedder.embed_query(phrase)
    vectors = np.stack([store.embedder.embed_query(t) for t in types])
    return {t: float(s) for t, s in zip(types, vectors @ query, strict=True)}


def match_phrase(store: Store, own: tuple[str, ...], phrase: str) -> tuple[list[Product], float]:
    """Own products a phrase names (best-matching type among the search hits) and the score."""
    hits = store.search.search(phrase, SearchFilters(product_ids=own), k=SEARCH_K,
                               use_knowledge=False)
    if not hits:
        return [], 0.0
    types = list(dict.fromkeys(product_type(h.product) for h in hits))
    words = content_tokens(phrase)
    scores = {t: lexical(words, t) for t in types}
    if max(scores.values()) < LEXICAL_MIN:
        semantic = _semantic(store, phrase, types)
        scores = {t: (s if s >= SEMANTIC_MIN else 0.0) for t, s in semantic.items()}
    best = max(scores.values())
    if best <= 0 or (best < LEXICAL_MIN and best < SEMANTIC_MIN):
        return [], best
    chosen = {t for t, s in scores.items() if s >= best - 1e-9}
    brands = {p.brand.lower() for p in (h.product for h in hits) if p.brand}
    named = {b for b in brands if b in phrase.lower()}
    products = [h.product for h in hits if product_type(h.product) in chosen
                and (not named or (h.product.brand or "").lower() in named)]
    return products[:MAX_PRODUCTS], best


def find_products(store: Store, merchant_id: str, residue: str,
                  extra: list[str] | None = None) -> ProductMatch:
    """Every own product the message names (several phrases: their union)."""
    own = own_product_ids(store, merchant_id)
    found = ProductMatch(tried=[*(extra or []), *chunks(residue)])
    if not own:
        return found
    seen: set[str] = set()
    for phrase in found.tried:
        products, _ = match_phrase(store, own, phrase)
        new = [p for p in products if p.id not in seen]
        if new:
            found.phrase = phrase if found.phrase is None else f"{found.phrase} and {phrase}"
            found.products.extend(new)
            seen.update(p.id for p in new)
    found.types = list(dict.fromkeys(product_type(p) for p in found.products))
    return found


def _campaign_facts(store: Store, campaign: Campaign) -> tuple[set[str], set[str]]:
    """Words that name a campaign (its name, its products' types and brands) and its types."""
    with Session(store.engine) as session:
        products = list(session.exec(select(Product).where(
            col(Product.id).in_(campaign.product_ids or []))))
    words, types = set(content_tokens(campaign.name)), set()
    for p in products:
        types.add(product_type(p))
        words.update(content_tokens(product_type(p)))
        if p.brand:
            words.update(content_tokens(p.brand))
    return words, types


def covered(ref: list[str], words: set[str]) -> bool:
    """Every word of the reference names this campaign."""
    return bool(ref) and all(any(_same(r, w) for w in words) for r in ref)


def campaigns_named(store: Store, merchant_id: str, campaigns: list[Campaign], residue: str,
                    quoted: str | None = None) -> list[Campaign]:
    """Campaigns the words refer to; [] when none does (caller asks, never guesses)."""
    if quoted:
        exact = [c for c in campaigns if c.name.lower() == quoted.lower()]
        if exact:
            return exact
    ref = content_tokens(residue)
    if not ref:
        return []
    facts = {c.id: _campaign_facts(store, c) for c in campaigns}
    full = [c for c in campaigns if covered(ref, facts[c.id][0])]
    if full:
        return full
    named = set(find_products(store, merchant_id, residue).types)
    return [c for c in campaigns if named & facts[c.id][1]]
