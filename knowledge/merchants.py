"""Merchant accounts and API keys (only a SHA-256 hash of a key is ever stored)."""

from __future__ import annotations

import uuid

from sqlalchemy.engine import Engine

from knowledge.errors import InvalidRequestError
from knowledge.keys import hash_key, new_key, owner_of_key, save_new_owner
from knowledge.models import Merchant

KEY_PREFIX = "smk_"


def create_merchant(engine: Engine, *, name: str) -> tuple[Merchant, str]:
    """Create a merchant; returns it with its API key, which is shown this once only."""
    name = name.strip()
    if not name or len(name) > 80:
        raise InvalidRequestError("a merchant name must be 1 to 80 characters")
    key = new_key(KEY_PREFIX)
    merchant = Merchant(id="m_" + uuid.uuid4().hex[:10], name=name, key_hash=hash_key(key))
    return save_new_owner(engine, merchant, role="a merchant"), key


def authenticate(engine: Engine, key: str | None) -> Merchant:
    """The merchant owning ``key``; a missing or wrong key reveals nothing more."""
    return owner_of_key(engine, Merchant, key, prefix=KEY_PREFIX, role="merchant")
