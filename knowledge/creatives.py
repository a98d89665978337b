"""The ``Creative`` table and its CRUD: drafts a merchant approves or rejects.

A creative belongs to one merchant and one product (or a proposed new product); its
``content`` holds the generated fields, ``claims`` maps every kept claim to the evidence
that supports it, and ``flagged`` inside ``content`` lists what the claim checker removed.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import JSON, Column
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, col, select

from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product, utcnow
from knowledge.sql import owned_row, transaction

CreativeKind = Literal["listing", "ad_copy", "banner", "selling_points"]
CreativeStatus = Literal["draft", "approved", "rejected"]
KINDS: tuple[str, ...] = ("listing", "ad_copy", "banner", "selling_points")
STATUSES: tuple[str, ...] = ("draft", "approved", "rejected")


class Creative(SQLModel, table=True):
    """One generated creative (a draft until the merchant approves it)."""

    id: str = Field(primary_key=True)
    merchant_id: str = Field(index=True)
    product_id: str | None = Field(default=None, index=True)
    campaign_id: str | None = Field(default=None, index=True)
    kind: str = Field(index=True)
    status: str = Field(default="draft", index=True)
    content: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    claims: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    image: str | None = None
    created_at: datetime = Field(default_factory=utcnow)


def new_id(prefix: str = "cr_") -> str:
    """Return a fresh creative (or proposed product) id."""
    return prefix + uuid.uuid4().hex[:12]


def merchant_product(engine: Engine, *, merchant_id: str, product_id: str) -> Product:
    """Return the product if this merchant may use it (its own or the house catalogue's).

    A product owned by another merchant is reported exactly like a missing one, so
    nothing about other merchants' catalogues leaks.
    """
    if not product_id or not str(product_id).strip():
        raise InvalidRequestError("a product id is required")
    with Session(engine) as session:
        product = session.get(Product, product_id)
    if product is None or product.merchant_id not in (None, merchant_id):
        raise NotFoundError(f"no product with id {product_id!r} in your catalogue")
    return product


def save_creative(engine: Engine, *, merchant_id: str, kind: str, content: dict[str, Any],
                  claims: dict[str, Any] | None = None, product_id: str | None = None,
                  campaign_id: str | None = None, image: str | None = None,
                  creative_id: str | None = None) -> Creative:
    """Store one draft creative and return it."""
    if kind not in KINDS:
        raise InvalidRequestError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    creative = Creative(id=creative_id or new_id(), merchant_id=merchant_id, kind=kind,
                        product_id=product_id, campaign_id=campaign_id, content=content,
                        claims=claims or {}, image=image)
    with transaction(engine) as session:
        session.add(creative)
    return creative


def get_creative(engine: Engine, *, merchant_id: str, creative_id: str) -> Creative:
    """One of this merchant's creatives; another merchant's is reported as missing."""
    return owned_row(engine, Creative, creative_id, owner=("merchant_id", merchant_id),
                     missing=f"no creative with id {creative_id!r}")


def list_creatives(engine: Engine, *, merchant_id: str, kind: str | None = None,
                   campaign_id: str | None = None, product_id: str | None = None,
                   limit: int = 100) -> list[Creative]:
    """List this merchant's creatives, newest first, optionally narrowed."""
    if kind is not None and kind not in KINDS:
        raise InvalidRequestError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    stmt = select(Creative).where(Creative.merchant_id == merchant_id)
    if kind:
        stmt = stmt.where(Creative.kind == kind)
    if campaign_id:
        stmt = stmt.where(Creative.campaign_id == campaign_id)
    if product_id:
        stmt = stmt.where(Creative.product_id == product_id)
    stmt = stmt.order_by(col(Creative.created_at).desc(), col(Creative.id)).limit(limit)
    with Session(engine) as session:
        return list(session.exec(stmt))


def update_creative(engine: Engine, *, merchant_id: str, creative_id: str,
                    **changes: Any) -> Creative:
    """Change fields of one of this merchant's creatives (status, campaign_id...)."""
    if "status" in changes and changes["status"] not in STATUSES:
        raise InvalidRequestError(f"status must be one of {', '.join(STATUSES)}")
    with transaction(engine) as session:
        creative = session.get(Creative, creative_id)
        if creative is None or creative.merchant_id != merchant_id:
            raise NotFoundError(f"no creative with id {creative_id!r}")
        for name, value in changes.items():
            setattr(creative, name, value)
        session.add(creative)
    return creative
