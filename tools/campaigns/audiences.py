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


def _shopper_audiences(store: Store) -> dict[str, set[str]]:
    expander = store.search.expander
    if expander is None:
        return {}
    stmt = select(Event.user_id, Event.query).where(Event.type == "search")
    members: dict[str, set[str]] = defaultdict(set)
    cache: dict[str, list[str]] = {}
    with Session(store.engine) as session:
        for user, query in session.exec(stmt):
            if not query:
                continue
            if query not in cache:
                exp = expander.expand(query)
                cache[query] = exp.audiences + exp.intents
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
    """The best segments for these products, by lift, with a sentence each."""
    members = _shopper_audiences(store)
    buyers, everyone = _buyers(store, products)
    base = len(buyers) / everyone
    segments = []
    for name, users in members.items():
        if len(users) < 5:
            continue
        propensity = len(users & buyers) / len(users)
        lift = propensity / base if base else 0.0
        if lift <= 1.0:
            continue
        kind = products[0].attributes.get("type", products[0].category) if products else "these"
        segments.append(Segment(name=name, size=len(users), propensity=round(propensity, 4),
                                lift=round(lift, 2), explanation=(
            f"{len(users)} shoppers searched like {name}; {propensity:.0%} of them bought "
            f"{kind} products, {lift:.1f}x the average shopper ({base:.0%}).")))
    segments.sort(key=lambda s: (-s.lift * min(1.0, s.size / 50), -s.size))
    return segments[:limit]
