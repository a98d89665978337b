"""FROZEN COPY of agents/understanding/vocabulary.py before issue 12 (regex slot vocabulary).

Kept for old-vs-new figures only (evals/queryner.py). Do not use in the product.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from knowledge.models import Product

BASE_COLORS = (
    "black", "white", "grey", "gray", "navy", "blue", "red", "green", "pink", "beige", "brown",
    "purple", "yellow", "orange", "gold", "silver", "ivory", "cream", "teal", "tan", "khaki",
    "burgundy", "maroon", "olive", "charcoal", "multicolor", "rose gold", "light blue",
    "dark blue", "dark grey", "light grey", "turquoise", "coral", "lavender", "mint",
    "transparent", "dark purple", "dark green", "light pink", "hot pink", "dark brown",
    "light green", "royal blue", "sky blue", "off white", "multicolored",
)
BASE_AUDIENCES = {
    "kids": "kids", "kid": "kids", "children": "kids", "child": "kids", "toddler": "kids",
    "toddlers": "kids", "boys": "kids", "girls": "kids", "men": "men", "mens": "men",
    "men's": "men", "man": "men", "male": "men", "him": "men", "women": "women",
    "womens": "women", "women's": "women", "woman": "women", "ladies": "women", "her": "women",
    "female": "women", "baby": "baby", "babies": "baby", "infant": "baby", "newborn": "baby",
    "unisex": "unisex", "adults": "adults", "adult": "adults", "infants": "baby",
    "husband": "men", "wife": "women", "mom": "women", "dad": "men", "teens": "kids",
    "teen": "kids", "teenager": "kids", "boyfriend": "men", "girlfriend": "women",
    "grandma": "women", "grandpa": "men", "seniors": "adults", "elderly": "adults",
}
CATEGORY_SYNONYMS = {
    "shoes": ["shoe", "footwear", "sneaker", "boots", "trainers"],
    "clothing": ["clothes", "apparel", "outfit", "garment", "wear"],
    "baby": ["nursery", "infant gear"],
    "outdoor": ["camping gear", "camping", "outdoors", "hiking gear"],
    "fitness": ["gym", "workout", "exercise", "training gear"],
    "kitchen": ["cookware", "kitchenware", "cooking"],
    "electronics": ["gadget", "gadgets", "tech", "electronic"],
    "home_office": ["home office", "office", "desk setup", "workspace"],
    "beauty": ["skincare", "skin care", "cosmetics", "makeup", "personal care"],
    "pets": ["pet", "pet supplies", "dog stuff", "cat stuff"],
}
BASE_MATERIALS = (
    "leather", "cotton", "wool", "merino wool", "silk", "linen", "polyester", "nylon", "mesh",
    "suede", "rubber", "silicone", "bamboo", "stainless steel", "steel", "cast iron", "ceramic",
    "glass", "wood", "wooden", "plastic", "aluminium", "aluminum", "fleece", "denim", "canvas",
    "cashmere", "velvet", "satin", "knit", "down", "cork", "porcelain", "copper", "brass",
    "spandex", "acrylic", "faux leather", "vinyl", "latex", "foam", "memory foam", "metal",
)


PLURAL_KINDS = ("types", "categories", "features", "brands")


def term_pattern(term: str, plural: bool = True) -> str:
    """Build a regex for ``term`` that also matches simple plurals and flexible separators."""
    stem = term.lower().strip()
    if not plural:
        body = r"[\s\-]?".join(re.escape(part) for part in re.split(r"[\s\-]+", stem))
        return rf"(?<![\w-]){body}(?![\w-])"
    if stem.endswith("es") and len(stem) > 4 and stem[-3] in "sxz":
        stem = stem[:-2]
    elif stem.endswith("s") and not stem.endswith("ss") and len(stem) > 3:
        stem = stem[:-1]
    body = r"[\s\-]?".join(re.escape(part) for part in re.split(r"[\s\-]+", stem))
    return rf"(?<![\w-]){body}(?:s|es)?(?![\w-])"


@dataclass
class Vocabulary:
    """Known values per slot type, each mapped to its canonical catalogue value."""

    brands: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    colors: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    type_category: dict[str, str] = field(default_factory=dict)
    features: dict[str, str] = field(default_factory=dict)
    materials: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, str] = field(default_factory=dict)
    audiences: dict[str, str] = field(default_factory=dict)
    _compiled: dict[str, list[tuple[re.Pattern[str], str]]] = field(default_factory=dict)

    def patterns(self, kind: str) -> list[tuple[re.Pattern[str], str]]:
        """Compiled (pattern, canonical) pairs for one slot type, longest terms first."""
        if kind not in self._compiled:
            table: dict[str, str] = getattr(self, kind)
            terms = sorted(table, key=len, reverse=True)
            plural = kind in PLURAL_KINDS
            self._compiled[kind] = [(re.compile(term_pattern(t, plural)), table[t])
                                    for t in terms if t]
        return self._compiled[kind]

    @classmethod
    def from_products(cls, products: Iterable[Product]) -> Vocabulary:
        """Collect the vocabulary from catalogue rows (plus generic colours and audiences)."""
        vocab = cls(colors={c: c for c in BASE_COLORS}, audiences=dict(BASE_AUDIENCES),
                    materials={m: m for m in BASE_MATERIALS})
        for product in products:
            vocab._add_product(product)
        for category, words in CATEGORY_SYNONYMS.items():
            if category in vocab.categories.values():
                for word in words:
                    vocab.categories.setdefault(word, category)
        return vocab

    def _add_product(self, p: Product) -> None:
        if p.brand:
            self.brands[p.brand.lower()] = p.brand
        if p.category:
            self.categories[p.category.lower()] = p.category
            self.categories[p.category.lower().replace("_", " ")] = p.category
        if p.color:
            self.colors[p.color.lower()] = p.color.lower()
        attrs = p.attributes or {}
        kind = attrs.get("type")
        if isinstance(kind, str) and kind:
            self.types[kind.lower()] = kind.lower()
            if p.category:
                self.type_category.setdefault(kind.lower(), p.category)
        for key, table in (("features", self.features), ("material", self.materials),
                           ("sizes", self.sizes), ("audience", self.audiences)):
            values = attrs.get(key)
            for value in values if isinstance(values, list) else [values]:
                if isinstance(value, str) and value.strip():
                    table[value.lower()] = value.lower()
                    if key == "features" and "-" in value:
                        table[value.lower().replace("-", " ")] = value.lower()


def vocabulary_from_engine(engine: object) -> Vocabulary:
    """Collect the vocabulary of every product in the store's database."""
    with Session(engine) as session:  # type: ignore[arg-type]
        return Vocabulary.from_products(session.exec(select(Product)))
