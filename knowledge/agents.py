"""Outside shopping agents (role ``agent``) and their API keys (only a SHA-256 hash is stored).

An agent key shops the store over UCP; it is a different key family from merchant keys
(``sak_`` against ``smk_``), so no agent key can ever pass a merchant check.
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, select

from knowledge.errors import InvalidRequestError
from knowledge.keys import hash_key, new_key, owner_of_key, save_new_owner
from knowledge.models import utcnow

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
    key = new_key(AGENT_KEY_PREFIX)
    agent = AgentKey(id="ag_" + uuid.uuid4().hex[:10], name=name, key_hash=hash_key(key),
                     rate_limit=rate_limit)
    return save_new_owner(engine, agent, role="an agent"), key


def authenticate_agent(engine: Engine, key: str | None) -> AgentKey:
    """The agent owning ``key``; a missing or wrong key reveals nothing more."""
    return owner_of_key(engine, AgentKey, key, prefix=AGENT_KEY_PREFIX, role="agent")


def list_agents(engine: Engine) -> list[AgentKey]:
    """Every agent, oldest first."""
    with Session(engine) as session:
        return list(session.exec(select(AgentKey).order_by(AgentKey.created_at)))  # type: ignore[arg-type]
