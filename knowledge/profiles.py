"""Shopper profiles ("thousands of faces"): behaviour -> an interest vector and a feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np
from sqlmodel import Session, col, select

from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import EVENT_TYPES, Event, Product, Shopper
from knowledge.search import Hit, SearchFilters
from knowledge.sql import transaction
from knowledge.store import Store

WEIGHTS = {"view": 1.0, "click": 1.5, "cart": 3.0, "purchase": 4.0}
HALF_LIFE_DAYS = 14.0
MAX_EVENTS = 200


@dataclass
class Profile:
    """What we know of one shopper's taste."""

    user_id: str
    vector: np.ndarray | None = None
    categories: dict[str, float] = field(default_factory=dict)
    recent_queries: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)

    @property
    def cold(self) -> bool:
        """True when the shopper has no product interactions yet."""
        return self.vector is None


def record_event(store: Store, *, user_id: str, kind: str, product_id: str | None = None,
                 query: str | None = None, ts: datetime | None = None) -> Event:
    """Store one behaviour event (creating the shopper on first sight); ``ts``: default now."""
    if kind not in EVENT_TYPES:
        raise InvalidRequestError(f"type must be one of {', '.join(EVENT_TYPES)}, got {kind!r}")
    if not user_id or len(user_id) > 100:
        raise InvalidRequestError("a session id of 1 to 100 characters is required")
    if kind == "search" and not (query or "").strip():
        raise InvalidRequestError("a search event needs a query")
    with Session(store.engine) as session:
        if product_id is not None and session.get(Product, product_id) is None:
            raise NotFoundError(f"no product with id {product_id!r}")
        if kind != "search" and product_id is None:
            raise InvalidRequestError(f"a {kind} event needs a product_id")
        known = session.get(Shopper, user_id) is not None
    event = Event(user_id=user_id, type=kind, product_id=product_id, query=query)
    if ts is not None:
        event.ts = ts
    with transaction(store.engine) as session:
        if not known:
            session.add(Shopper(id=user_id))
        session.add(event)
    return event


def build_profile(store: Store, user_id: str) -> Profile:
    """Time-decayed, event-weighted mean of interacted products' embeddings."""
    stmt = (select(Event).where(Event.user_id == user_id)
            .order_by(col(Event.ts).desc()).limit(MAX_EVENTS))
    with Session(store.engine) as session:
        events = list(session.exec(stmt))
    profile = Profile(user_id=user_id)
    profile.recent_queries = [e.query for e in events if e.type == "search" and e.query][:5]
    weights: dict[str, float] = {}
    now = max((_aware(e.ts) for e in events), default=datetime.now(UTC))
    for e in events:
        if e.product_id and e.type in WEIGHTS:
            age = (now - _aware(e.ts)) / timedelta(days=1)
            w = WEIGHTS[e.type] * 0.5 ** (age / HALF_LIFE_DAYS)
            weights[e.product_id] = weights.get(e.product_id, 0.0) + w
    if not weights:
        return profile
    profile.seen = list(weights)
    stored = store.vectors.vectors_for(list(weights))
    if stored:
        total = np.sum([weights[i] * stored[i] for i in stored], axis=0)
        norm = float(np.linalg.norm(total))
        profile.vector = (total / norm).astype(np.float32) if norm else None
    index = store.search.index
    for pid, w in weights.items():
        if pid in index.position:
            cat = str(index.category[index.position[pid]])
            profile.categories[cat] = profile.categories.get(cat, 0.0) + w
    return profile


def recommend(store: Store, user_id: str, k: int = 8) -> list[Hit]:
    """A "for you" feed: profile-led for known shoppers, popular picks for new ones."""
    profile = build_profile(store, user_id)
    filters = SearchFilters(in_stock=True, exclude_ids=tuple(profile.seen))
    if profile.cold:
        return store.search.popular(filters, k=k)
    seed_query = " ".join(profile.recent_queries[:2]) or " ".join(
        sorted(profile.categories, key=lambda c: -profile.categories[c])[:2])
    return store.search.search(seed_query.replace("_", " "), filters, k=k,
                               profile_vector=profile.vector)


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)
