"""SQL shapes of the store: products, shoppers, behaviour events, merchants.

One module for the core catalogue and behaviour tables; other layers (knowledge
assertions, campaigns, carts) add their own table modules and register them by
importing them in :mod:`knowledge.db`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

EventType = Literal["search", "view", "click", "cart", "purchase"]
EVENT_TYPES: tuple[str, ...] = ("search", "view", "click", "cart", "purchase")


def utcnow() -> datetime:
    """Timezone-aware now, the one clock every table uses."""
    return datetime.now(UTC)


class ProductBase(SQLModel):
    """Fields a product has wherever it travels (import, API, cards)."""

    title: str
    description: str = ""
    bullets: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    brand: str | None = Field(default=None, index=True)
    color: str | None = None
    category: str | None = Field(default=None, index=True)
    price: float | None = Field(default=None, ge=0)
    attributes: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    image: str | None = None
    stock: int = Field(default=0, ge=0)


class Product(ProductBase, table=True):
    """A catalogue product; ``merchant_id`` names the owner (None: the house catalogue)."""

    id: str = Field(primary_key=True)
    merchant_id: str | None = Field(default=None, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    attribute_spans: dict[str, Any] | None = Field(
        default=None, sa_column=Column(JSON, nullable=True),
        description="where each attribute value came from: {key: [{value, field, start, end, "
                    "text, source}]} (knowledge.extraction); never flattened into tags")

    def tags(self) -> set[str]:
        """Every attribute value as a lowercase tag, for filters and knowledge matching."""
        return attribute_tags(self.attributes)


def attribute_tags(attributes: dict[str, Any]) -> set[str]:
    """Flatten an attributes object into lowercase string tags."""
    tags: set[str] = set()
    for value in attributes.values():
        values = value if isinstance(value, list) else [value]
        tags.update(str(v).strip().lower() for v in values if str(v).strip())
    return tags


class Shopper(SQLModel, table=True):
    """A shopper (anonymous session ids become shoppers on their first event)."""

    id: str = Field(primary_key=True)
    persona: str | None = Field(default=None, description="latent persona, demo data only")
    created_at: datetime = Field(default_factory=utcnow)


class Event(SQLModel, table=True):
    """One behaviour event: search, view, click, cart or purchase."""

    id: int | None = Field(default=None, primary_key=True)
    user_id: str = Field(index=True)
    type: str = Field(index=True)
    query: str | None = None
    product_id: str | None = Field(default=None, index=True)
    ts: datetime = Field(default_factory=utcnow, index=True)


class Merchant(SQLModel, table=True):
    """A store operator with an API key (only its SHA-256 hash is stored)."""

    id: str = Field(primary_key=True)
    name: str = Field(index=True, unique=True)
    key_hash: str = Field(index=True)
    created_at: datetime = Field(default_factory=utcnow)
