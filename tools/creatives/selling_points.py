"""Ranked selling points: attributes, who it is for (knowledge graph), what sets it apart.

Every point names the fact it rests on. Rarity is measured against the product's
nearest neighbours in the catalogue (same category, found by ``store.search``): a
feature few similar products have ranks higher and is marked as a differentiator.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from knowledge.creatives import Creative, merchant_product, save_creative
from knowledge.errors import InvalidRequestError
from knowledge.models import Product
from knowledge.search import SearchFilters
from tools.creatives.claims import ProductFacts, facts_for
from tools.creatives.phrases import benefit, label

if TYPE_CHECKING:
    from knowledge.store import Store

BASE = {"feature": 1.0, "audience": 0.8, "material": 0.6, "color": 0.2}
RARITY_WEIGHT = 0.8
DIFFERENTIATOR = 0.75
NEIGHBOURS = 20
MIN_NEIGHBOURS = 5


@dataclass
class SellingPoint:
    """One selling point: the fact, its wording, its score and its evidence."""

    term: str
    kind: str
    text: str
    score: float
    evidence: str
    rarity: float | None = None
    differentiator: bool = False

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def product_type(product: Product) -> str:
    """Return the product's type in words ("yoga mat"), falling back to category or title."""
    kind = product.attributes.get("type")
    return str(kind or product.category or product.title).strip().lower()


def neighbour_rarity(store: Store, product: Product,
                     n: int = NEIGHBOURS) -> tuple[dict[str, float], int]:
    """For each tag of ``product``: the share of its nearest neighbours lacking it."""
    filters = SearchFilters(category=product.category, exclude_ids=(product.id,))
    hits = store.search.search(product.title, filters, k=n, mode="dense", use_knowledge=False)
    if not hits:
        return {}, 0
    tags = product.tags()
    counts = dict.fromkeys(tags, 0)
    for hit in hits:
        other = hit.product.tags()
        for tag in tags & other:
            counts[tag] += 1
    return {tag: 1.0 - counts[tag] / len(hits) for tag in tags}, len(hits)


def selling_points(store: Store | None, product: Product, *, k: int = 5,
                   facts: ProductFacts | None = None) -> list[SellingPoint]:
    """Return the ``k`` best selling points of ``product``, best first, each with its evidence."""
    if facts is None:
        facts = facts_for(store, product) if store is not None else ProductFacts.for_product(
            product)
    rarity, n = neighbour_rarity(store, product) if store is not None else ({}, 0)
    points = []
    noun = product_type(product)
    for term, evidence in facts.supported.items():
        kind = facts.lexicon.terms.get(term, "audience" if evidence.startswith("knowledge")
                                       else "feature")
        r = rarity.get(term)
        score = BASE.get(kind, 0.5) + RARITY_WEIGHT * (r if r is not None else 0.5)
        special = (r is not None and n >= MIN_NEIGHBOURS and r >= DIFFERENTIATOR
                   and kind in ("feature", "material"))
        text = _wording(term, kind, noun)
        if special and r is not None:
            have = round((1 - r) * n)
            text += f" ({'none' if have == 0 else f'only {have}'} of {n} similar products)"
        points.append(SellingPoint(term, kind, text, round(score, 4), evidence,
                                   None if r is None else round(r, 3), special))
    points.sort(key=lambda p: (-p.score, p.term))
    return points[:k]


def _wording(term: str, kind: str, noun: str) -> str:
    if kind == "feature":
        return f"{label(term)}: {benefit(term)}"
    if kind == "material":
        return f"Made of {term}"
    if kind == "audience":
        return f"Made for {plural(term)}"
    return f"In {term}"


def plural(term: str) -> str:
    """Return the plural of an audience noun ("runner" -> "runners")."""
    if term.endswith(("s", "women", "men", "children")):
        return term
    return term + "s"


def attribute_coverage(product: Product, points: list[SellingPoint]) -> float | None:
    """Share of the product's features and material that its selling points name."""
    wanted: set[str] = set()
    features = product.attributes.get("features") or []
    wanted.update(str(f).lower() for f in (features if isinstance(features, list) else [features]))
    material = product.attributes.get("material")
    if material:
        wanted.add(str(material).lower())
    if not wanted:
        return None
    named = {p.term for p in points}
    return len(wanted & named) / len(wanted)


def save_selling_points(store: Store, *, merchant_id: str, product_id: str, k: int = 5,
                        campaign_id: str | None = None) -> Creative:
    """Extract and store the ranked selling points of one of this merchant's products."""
    if not 1 <= k <= 12:
        raise InvalidRequestError(f"ask for 1 to 12 selling points, got {k}")
    product = merchant_product(store.engine, merchant_id=merchant_id, product_id=product_id)
    points = selling_points(store, product, k=k)
    content = {"points": [p.as_dict() for p in points],
               "coverage": attribute_coverage(product, points)}
    return save_creative(store.engine, merchant_id=merchant_id, kind="selling_points",
                         product_id=product.id, campaign_id=campaign_id, content=content,
                         claims={p.term: p.evidence for p in points})
