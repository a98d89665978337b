"""Recommendations for one shopper ("for you") and the chat's behaviour events."""

from __future__ import annotations

import numpy as np

from knowledge.errors import ShopmageError
from knowledge.profiles import build_profile, recommend, record_event
from knowledge.search import Hit
from knowledge.store import Store


def for_you(store: Store, session_id: str, k: int = 5) -> list[Hit]:
    """Profile-led picks for a known shopper, popular in-stock picks for a new one."""
    return recommend(store, session_id, k=k)


def profile_vector(store: Store, session_id: str) -> np.ndarray | None:
    """Return the shopper's interest vector (None for a new shopper)."""
    return build_profile(store, session_id).vector


def note_event(store: Store, session_id: str, kind: str, *, product_id: str | None = None,
               query: str | None = None) -> bool:
    """Record a chat behaviour event for personalisation; False when it could not be stored."""
    try:
        record_event(store, user_id=session_id, kind=kind, product_id=product_id, query=query)
    except ShopmageError:
        return False
    return True
