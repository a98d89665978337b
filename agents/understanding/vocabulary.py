"""The catalogue's vocabulary (brands, categories, colours, types, features...) for slot parsing.

Whatever catalogue is imported supplies it (brands from its brand column, colours, types,
materials, sizes from its attributes); :meth:`Vocabulary.gazetteer` hands it to the slot
tagger as features, and :meth:`Vocabulary.canonical` maps a tagged phrase to the catalogue value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session, select

from knowledge.models import Product
from knowledge.nlp.gazetteer import Gazetteer
from knowledge.nlp.lexicon import BASE_AUDIENCES, BASE_COLORS, BASE_MATERIALS

__all__ = ["BASE_AUDIENCES", "BASE_COLORS", "BASE_MATERIALS", "Vocabulary",
           "vocabulary_from_engine"]

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
    _gazetteer: Gazetteer | None = None
    _exclusion_terms: frozenset[str] | None = None

    def gazetteer(self) -> Gazetteer:
        """The vocabulary as tagger features (built once; the vocabulary is not edited after)."""
        if self._gazetteer is None:
            types = dict(self.types)
            for term, category in self.categories.items():
                types.setdefault(term, category)
            self._gazetteer = Gazetteer.from_terms(
                brand=self.brands, color=self.colors, material=self.materials,
                product_type=types, audience=self.audiences, size=self.sizes)
        return self._gazetteer

    def canonical(self, kind: str, text: str) -> str | None:
        """The catalogue value of ``kind`` ("brands", "types"...) that ``text`` names, or None."""
        table: dict[str, str] = getattr(self, kind)
        low = " ".join(text.lower().split())
        for candidate in (low, low.replace("-", " "), low.replace(" ", "-"), _singular(low),
                          low + "s", low + "es"):
            if candidate in table:
                return table[candidate]
        return None

    def exclusion_terms(self) -> frozenset[str]:
        """Lower-case attribute words an exclusion may name whole ("memory foam", "navy")."""
        if self._exclusion_terms is None:
            self._exclusion_terms = frozenset(
                t.lower() for t in (*self.materials, *self.colors, *self.features))
        return self._exclusion_terms

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


def _singular(text: str) -> str:
    if text.endswith("es") and len(text) > 4 and text[-3] in "sxz":
        return text[:-2]
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


def vocabulary_from_engine(engine: object) -> Vocabulary:
    """Collect the vocabulary of every product in the store's database."""
    with Session(engine) as session:  # type: ignore[arg-type]
        return Vocabulary.from_products(session.exec(select(Product)))
