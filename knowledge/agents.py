"""Outside shopping agents (role ``agent``) and their API keys (only a SHA-256 hash is stored).

An agent key shops the store over UCP; it is a different key family from merchant keys
(``sak_`` against ``smk_``), so no agent key can ever pass a merchant check.
"""

from __future__ import annotations

import hmac
import re
import secrets
import uuid
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, select

from knowledge.errors import InvalidRequestError, PermissionDeniedError
from knowledge.merchants import hash_key
from knowledge.models import utcnow
from knowledge.sql import transaction

AGENT_KEY_PREFIX = "sak_"
DEFAULT_RATE_LIMIT = "120/minute"
RATE_LIMIT = re.compile(r"^\d{1,6}/(second|minute|hour|day)$")


class AgentKey(SQLModel, table=True):
    """One outside shopping agent: its name, key hash and request rate limit."""

    __tablename__ = "agent_key"

    id: str = Field(primary_key=True)
    name: str = Field(index=True, unique=True)
    key_hash: str = Field(index=True)
    rate_limit: str = DEFAULT_RATE_LIMIT
    created_at: datetime = Field(default_factory=utcnow)


def create_agent(engine: Engine, *, name: str,
                 rate_limit: str = DEFAULT_RATE_LIMIT) -> tuple[AgentKey, str]:
    """Create an agent; returns it with its API key, which is shown this once only."""
    name = name.strip()
    if not name or len(name) > 80:
        raise InvalidRequestError("an agent name must be 1 to 80 characters")
    if not RATE_LIMIT.match(rate_limit):
        raise InvalidRequestError(
            f"a rate limit reads like '120/minute' (count/second|minute|hour|day), "
            f"got {rate_limit!r}")
    with Session(engine) as session:
        if session.exec(select(AgentKey).where(AgentKey.name == name)).first():
            raise InvalidRequestError(f"an agent named {name!r} already exists")
    key = AGENT_KEY_PREFIX + secrets.token_urlsafe(24)
    agent = AgentKey(id="ag_" + uuid.uuid4().hex[:10], name=name, key_hash=hash_key(key),
                     rate_limit=rate_limit)
    with transaction(engine) as session:
        session.add(agent)
    return agent, key


def authenticate_agent(engine: Engine, key: str | None) -> AgentKey:
    """The agent owning ``key``; a missing or wrong key reveals nothing more."""
    if not key or not key.startswith(AGENT_KEY_PREFIX):
        raise PermissionDeniedError("a valid agent API key is required")
    digest = hash_key(key)
    with Session(engine) as session:
        agent = session.exec(select(AgentKey).where(AgentKey.key_hash == digest)).first()
    if agent is None or not hmac.compare_digest(agent.key_hash, digest):
        raise PermissionDeniedError("a valid agent API key is required")
    return agent


def list_agents(engine: Engine) -> list[AgentKey]:
    """Every agent, oldest first."""
    with Session(engine) as session:
        return list(session.exec(select(AgentKey).order_by(AgentKey.created_at)))  # type: ignore[arg-type]
