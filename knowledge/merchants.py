"""Merchant accounts and API keys (only a SHA-256 hash of a key is ever stored)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from knowledge.errors import InvalidRequestError, PermissionDeniedError
from knowledge.models import Merchant
from knowledge.sql import transaction

KEY_PREFIX = "smk_"


def hash_key(key: str) -> str:
    """The stored form of an API key."""
    return hashlib.sha256(key.encode()).hexdigest()


def create_merchant(engine: Engine, *, name: str) -> tuple[Merchant, str]:
    """Create a merchant; returns it with its API key, which is shown this once only."""
    name = name.strip()
    if not name or len(name) > 80:
        raise InvalidRequestError("a merchant name must be 1 to 80 characters")
    with Session(engine) as session:
        if session.exec(select(Merchant).where(Merchant.name == name)).first():
            raise InvalidRequestError(f"a merchant named {name!r} already exists")
    key = KEY_PREFIX + secrets.token_urlsafe(24)
    merchant = Merchant(id="m_" + uuid.uuid4().hex[:10], name=name, key_hash=hash_key(key))
    with transaction(engine) as session:
        session.add(merchant)
    return merchant, key


def authenticate(engine: Engine, key: str | None) -> Merchant:
    """The merchant owning ``key``; a missing or wrong key reveals nothing more."""
    if not key or not key.startswith(KEY_PREFIX):
        raise PermissionDeniedError("a valid merchant API key is required")
    digest = hash_key(key)
    with Session(engine) as session:
        merchant = session.exec(select(Merchant).where(Merchant.key_hash == digest)).first()
    if merchant is None or not hmac.compare_digest(merchant.key_hash, digest):
        raise PermissionDeniedError("a valid merchant API key is required")
    return merchant
