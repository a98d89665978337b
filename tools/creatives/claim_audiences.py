"""Who a product is for, as the served knowledge says: audiences with their evidence.

An audience claim ("for runners") is backed by the product's own attribute or by a
knowledge assertion about its type: the expander's evidence or a served graph assertion
(USED_FOR_AUDIENCE, USED_BY). Each pair carries the assertion it came from.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.expansion import Expander
from knowledge.models import Product

AUDIENCE_RELATIONS = ("AUDIENCE", "USED_BY", "USED_FOR", "FOR_")


def knowledge_audiences(product: Product, expander: Expander | None) -> list[tuple[str, str]]:
    """(audience, evidence) pairs the knowledge graph asserts for this product's type."""
    if expander is None:
        return []
    subject = str(product.attributes.get("type") or product.category or product.title)
    try:
        expansion = expander.expand(subject)
    except Exception:  # knowledge is an optional enrichment; its failure must not block a draft
        return []
    pairs: dict[str, str] = {}
    for ev in expansion.evidence:
        if any(tag in ev.relation.upper() for tag in AUDIENCE_RELATIONS):
            if ev.head.lower() in (subject.lower(), (product.category or "").lower()):
                evidence = f"knowledge: ({ev.head}, {ev.relation}, {ev.tail})"
                pairs.setdefault(singular(ev.tail), evidence)
    return list(pairs.items())


def graph_audiences(product: Product, engine: Engine | None) -> list[tuple[str, str]]:
    """(audience, evidence) from served assertions whose head is this product's type."""
    if engine is None:
        return []
    try:
        from knowledge.graph.store import Assertion
    except ImportError:
        return []
    subject = str(product.attributes.get("type") or "").strip().lower()
    if not subject:
        return []
    stmt = (select(Assertion).where(Assertion.head == subject)
            .where(col(Assertion.relation).in_(("USED_FOR_AUDIENCE", "USED_BY")))
            .where(Assertion.status != "rejected"))
    with Session(engine) as session:
        rows = [a for a in session.exec(stmt) if getattr(a, "served", True)]
    return [(singular(a.tail), f"knowledge: ({a.head}, {a.relation}, {a.tail})") for a in rows]


def singular(phrase: str) -> str:
    """Return an audience phrase in the singular ("new parents" -> "new parent")."""
    phrase = phrase.strip().lower()
    if phrase.endswith("s") and not phrase.endswith(("ss", "us")):
        return phrase[:-1]
    return phrase
