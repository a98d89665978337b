"""Campaign names: short, readable, never cut mid-word ("Yoga mats by IronLeaf")."""

from __future__ import annotations

from collections import Counter

from knowledge.models import Product

MAX_CHARS = 40


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun if noun.endswith("s") and not noun.endswith("ss") else noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _kind(p: Product) -> str:
    kind = str((p.attributes or {}).get("type") or "").strip()
    if kind:
        return kind.lower()
    words = [w for w in p.title.replace(",", " ").replace(":", " ").split() if w != p.brand]
    return " ".join(words[-2:]).lower() if words else (p.category or "products")


def fit_words(text: str, limit: int = MAX_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary (never mid-word)."""
    if len(text) <= limit:
        return text
    out = ""
    for word in text.split():
        candidate = f"{out} {word}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    return out.rstrip(",:;&-") or text.split()[0][:limit]


def campaign_name(products: list[Product]) -> str:
    """A name from the products' kinds and brand.

    For example "Yoga mats by IronLeaf",
    "Yoga mats & foam rollers", "Running shoes and 3 more".
    """
    kinds = [k for k, _ in Counter(_kind(p) for p in products).most_common()]
    brands = {p.brand for p in products if p.brand}
    head = _plural(kinds[0]) if kinds else "products"
    if len(kinds) == 2:
        head = f"{head} & {_plural(kinds[1])}"
    elif len(kinds) > 2:
        head = f"{head} and {len(kinds) - 1} more"
    name = f"{head} by {brands.pop()}" if len(brands) == 1 else head
    if len(name) > MAX_CHARS:
        name = head
    return fit_words(name[0].upper() + name[1:])
