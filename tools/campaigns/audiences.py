"""Crowd suggestion: which shopper segments a campaign's products should reach.

Segments come from the knowledge graph (audiences the products are used by, e.g.
maternity shoes -> pregnant women) and the behaviour log (shoppers whose searches the
knowledge layer recognises as that audience). Each segment carries its size, its
conversion propensity for products like the campaign's, and its lift over the average.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from sqlmodel import Session, col, select

from knowledge.graph.store import served_assertions
from knowledge.models import Event, Product
from knowledge.store import Store


@dataclass
class Segment:
    """A suggested audience."""

    name: str
    size: int
    propensity: float
    lift: float
    explanation: str

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


def audience_terms(store: Store) -> dict[str, set[str]]:
    """Audiences (people) and the query words the knowledge graph says name them.

    From served ``(query words, X_IS_A, audience)`` assertions, e.g. "yoga" -> "yoga
    practitioners", "newborn" -> "new parents".
    """
    terms: dict[str, set[str]] = defaultdict(set)
    for a in served_assertions(store.engine):
        if a.relation == "X_IS_A" and a.head_type == "query":
            terms[a.tail.lower()].add(a.head.lower())
    return terms


def used_for(store: Store, products: list[Product]) -> set[str]:
    """The audiences the graph says these kinds of products are for (USED_FOR_AUDIENCE)."""
    kinds = {str((p.attributes or {}).get("type", "")).lower() for p in products}
    return {a.tail.lower() for a in served_assertions(store.engine)
            if a.relation == "USED_FOR_AUDIENCE" and a.head.lower() in kinds}


def _shopper_audiences(store: Store) -> dict[str, set[str]]:
    """Shoppers per audience: whoever searched with words that name it."""
    terms = audience_terms(store)
    stmt = select(Event.user_id, Event.query).where(Event.type == "search")
    members: dict[str, set[str]] = defaultdict(set)
    cache: dict[str, list[str]] = {}
    expander = store.search.expander
    with Session(store.engine) as session:
        for user, query in session.exec(stmt):
            if not query:
                continue
            if query not in cache:
                padded = f" {' '.join(query.lower().split())} "
                cache[query] = [name for name, heads in terms.items()
                                if any(f" {h} " in padded for h in heads)]
                if not terms and expander is not None:  # no graph yet: the expander's people
                    cache[query] = expander.expand(query).audiences
            for audience in cache[query]:
                members[audience].add(user)
    return members


def _buyers(store: Store, products: list[Product]) -> tuple[set[str], int]:
    kinds = {(p.category, str((p.attributes or {}).get("type", ""))) for p in products}
    with Session(store.engine) as session:
        similar = [p.id for p in session.exec(select(Product)) if
                   (p.category, str((p.attributes or {}).get("type", ""))) in kinds]
        buyers = set(session.exec(select(Event.user_id).where(
            Event.type == "purchase", col(Event.product_id).in_(similar))))
        shoppers = set(session.exec(select(Event.user_id).distinct()))
    return buyers, max(1, len(shoppers))


def suggest_audiences(store: Store, products: list[Product], limit: int = 3) -> list[Segment]:
    """The best audiences for these products, by lift from behaviour.

    Audiences are people (e.g. "yoga practitioners"), each with its size and a sentence.
    """
    members = _shopper_audiences(store)
    meant_for = used_for(store, products)
    buyers, everyone = _buyers(store, products)
    base = len(buyers) / everyone
    segments = []
    for name, users in members.items():
        if len(users) < 5:
            continue
        propensity = len(users & buyers) / len(users)
        lift = propensity / base if base else 0.0
        if lift <= 1.0 and name not in meant_for:
            continue
        kind = products[0].attributes.get("type", products[0].category) if products else "these"
        segments.append(Segment(name=name, size=len(users), propensity=round(propensity, 4),
                                lift=round(lift, 2), explanation=(
            f"{len(users)} shoppers searched like {name}; {propensity:.0%} of them bought "
            f"{kind} products, {lift:.1f}x the average shopper ({base:.0%}).")))
    segments.sort(key=lambda s: (-s.lift * min(1.0, s.size / 50), -s.size))
    return segments[:limit]
