"""Catalogue tools: search under constraints (relaxing them when nothing fits), details, compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlmodel import Session, col, select

from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product
from knowledge.search import Hit, SearchFilters
from knowledge.store import Store

# Constraints are dropped in this order when nothing matches all of them.
RELAX_ORDER = ("attributes", "size", "color", "material", "brand", "audience", "product_type",
               "min_price", "max_price", "category")
CONSTRAINT_KEYS = ("query", *RELAX_ORDER)


@dataclass
class SearchOutcome:
    """Hits plus which constraints had to be dropped to find any (empty: all honoured)."""

    hits: list[Hit]
    relaxed: list[str] = field(default_factory=list)
    constraints: dict[str, Any] = field(default_factory=dict)

    @property
    def exact(self) -> bool:
        """True when every constraint was honoured."""
        return not self.relaxed


def filters_for(c: dict[str, Any]) -> SearchFilters:
    """Hard filters from a constraints dict (keys of :data:`CONSTRAINT_KEYS`)."""
    tags = [*c.get("attributes", [])]
    for key in ("size", "audience", "product_type", "material"):
        if c.get(key):
            tags.append(str(c[key]).lower())
    return SearchFilters(min_price=c.get("min_price"), max_price=c.get("max_price"),
                         category=c.get("category"), brand=c.get("brand"),
                         color=c.get("color"), attributes=tuple(tags),
                         exclude_terms=tuple(c.get("exclude", [])))


def query_text(c: dict[str, Any]) -> str:
    """Build the text searched for: the shopper's words plus the named type and features."""
    parts = [c.get("query") or "", c.get("product_type") or "", " ".join(c.get("attributes", []))]
    if c.get("audience") and c["audience"] not in (c.get("query") or ""):
        parts.append(f"for {c['audience']}")
    text = " ".join(p for p in parts if p).strip()
    return text or (c.get("category") or "").replace("_", " ") or "popular products"


def search_products(store: Store, query: str, filters: SearchFilters | None = None, k: int = 5,
                    profile_vector: np.ndarray | None = None) -> list[Hit]:
    """Hybrid search (BM25 + vectors + knowledge expansion + personalisation)."""
    if not query.strip():
        raise InvalidRequestError("a search needs some words to look for")
    return store.search.search(query, filters, k=k, profile_vector=profile_vector)


def find_products(store: Store, constraints: dict[str, Any], k: int = 5,
                  profile_vector: np.ndarray | None = None) -> SearchOutcome:
    """Search under every constraint; drop them one by one (see RELAX_ORDER) until some fit."""
    current = {key: value for key, value in constraints.items() if value not in (None, [], "")}
    relaxed: list[str] = []
    while True:
        hits = search_products(store, query_text(current), filters_for(current), k,
                               profile_vector)
        if hits:
            return SearchOutcome(hits, relaxed, current)
        droppable = [key for key in RELAX_ORDER if current.get(key) not in (None, [], "")]
        if not droppable:
            return SearchOutcome([], relaxed, current)
        relaxed.append(droppable[0])
        current.pop(droppable[0])


def product_details(store: Store, product_id: str) -> Product:
    """One product by id; unknown ids raise :class:`NotFoundError`."""
    with Session(store.engine) as session:
        product = session.get(Product, product_id)
    if product is None:
        raise NotFoundError(f"no product with id {product_id!r}")
    return product


def products_by_ids(store: Store, ids: list[str]) -> list[Product]:
    """Products in the order of ``ids`` (unknown ids are skipped)."""
    with Session(store.engine) as session:
        rows = {p.id: p for p in session.exec(select(Product).where(col(Product.id).in_(ids)))}
    return [rows[i] for i in ids if i in rows]


MIRRORED = {"material": "materials", "audience": "audiences", "colors": "color"}
"""Attribute keys that repeat another (extraction mirrors a list under a singular key)."""


def _facets(p: Product) -> dict[str, str]:
    """One row per fact: price, brand, colour, then each attribute once."""
    attrs = p.attributes or {}
    facets = {"price": f"${p.price:.2f}" if p.price is not None else "-",
              "brand": p.brand or "-", "color": p.color or "-"}
    for key, value in attrs.items():
        twin = MIRRORED.get(key)
        if twin and (twin in attrs or twin in facets):
            continue
        facets[key] = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return facets


def compare_products(store: Store, product_ids: list[str]) -> dict[str, Any]:
    """Tabulate the attributes on which the products differ (2 to 4 products)."""
    if not 2 <= len(set(product_ids)) <= 4:
        raise InvalidRequestError("compare needs 2 to 4 different products")
    products = [product_details(store, pid) for pid in dict.fromkeys(product_ids)]
    facets = [_facets(p) for p in products]
    keys = list(dict.fromkeys(k for f in facets for k in f))
    rows = [{"attribute": key, "values": [f.get(key, "-") for f in facets]}
            for key in keys if len({f.get(key, "-") for f in facets}) > 1]
    return {"products": [{"id": p.id, "title": p.title, "price": p.price} for p in products],
            "rows": rows}


def card(hit: Hit, extra_why: list[str] | None = None) -> dict[str, Any]:
    """Turn a search hit into a product card (the ``ProductCard`` shape of agents/protocol.py)."""
    p = hit.product
    why = list(dict.fromkeys([*hit.why, *(extra_why or [])]))[:3]
    kind = (p.attributes or {}).get("type")
    return {"id": p.id, "title": p.title, "price": p.price, "image": p.image, "brand": p.brand,
            "category": p.category, "type": kind if isinstance(kind, str) else None, "why": why}


def match_reasons(product: Product, constraints: dict[str, Any]) -> list[str]:
    """Plain reasons a product fits the shopper's constraints ("waterproof", "under $60")."""
    tags = product.tags()
    reasons = [f"{a}" for a in constraints.get("attributes", []) if a in tags]
    if constraints.get("color") and (product.color or "").lower() == constraints["color"]:
        reasons.append(f"in {constraints['color']}")
    if constraints.get("max_price") is not None and product.price is not None:
        reasons.append(f"under ${constraints['max_price']:g}")
    return reasons[:3] and [", ".join(reasons[:3]) + " as you asked"]
