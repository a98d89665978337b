"""Tables of agent commerce: UCP carts, checkout sessions and orders, with stock reservation.

Checkout sessions reserve stock when they are created (an atomic conditional UPDATE), give it
back when they are cancelled, updated or expire, and turn it into a sale when the buyer
confirms the order on the store's own checkout page. So two agents racing for the last unit
never both get it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, update
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, col

from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product, utcnow
from knowledge.sql import transaction

MAX_LINE_QUANTITY = 20
MAX_LINES = 50
# SQLite cannot upgrade a read snapshot to a write under concurrency: serialise stock writes
# in-process there (PostgreSQL's row locks make the conditional UPDATE safe on their own).
_SQLITE_STOCK_LOCK = threading.Lock()


class CommerceError(InvalidRequestError):
    """A cart or checkout request that cannot be carried out; ``code`` and ``path`` say why."""

    def __init__(self, message: str, *, code: str = "invalid_request", path: str | None = None,
                 status: int = 422) -> None:
        """Keep the protocol error code, the JSON path of the bad field and an HTTP status."""
        super().__init__(message)
        self.code, self.path, self.status = code, path, status


class UnknownProductError(NotFoundError):
    """A line names a product the catalogue does not have."""

    def __init__(self, product_id: str, path: str) -> None:
        """Name the id and where it was in the request."""
        super().__init__(f"no product with id {product_id!r}; nothing was changed")
        self.code, self.path = "not_found", path


class AgentCart(SQLModel, table=True):
    """A UCP cart: lines of ``{id, product_id, quantity}``, owned by one agent."""

    __tablename__ = "agent_cart"

    id: str = Field(primary_key=True)
    agent_id: str = Field(index=True)
    lines: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    status: str = "active"  # active | canceled | converted
    currency: str = "USD"
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CheckoutSession(SQLModel, table=True):
    """A UCP checkout session; its lines freeze title and unit price and hold reserved stock."""

    __tablename__ = "checkout_session"

    id: str = Field(primary_key=True)
    agent_id: str = Field(index=True)
    cart_id: str | None = Field(default=None, index=True)
    lines: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    buyer: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    status: str = Field(default="requires_escalation", index=True)
    currency: str = "USD"
    token: str = ""  # the secret in continue_url: whoever holds the link may confirm
    order_id: str | None = None
    expires_at: datetime = Field(default_factory=utcnow)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Order(SQLModel, table=True):
    """A placed order; ``channel`` says where the sale came from ("ucp_agent" or "store")."""

    __tablename__ = "shop_order"

    id: str = Field(primary_key=True)
    checkout_id: str = Field(index=True, unique=True)
    agent_id: str | None = Field(default=None, index=True)
    channel: str = Field(default="store", index=True)
    lines: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    buyer: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    subtotal: int = 0  # minor units
    total: int = 0
    currency: str = "USD"
    created_at: datetime = Field(default_factory=utcnow, index=True)


def check_lines(session: Session, wanted: list[tuple[str, int]]) -> list[Product]:
    """The products of ``(product_id, quantity)`` lines; any bad line raises, naming its path."""
    if not wanted:
        raise CommerceError("at least one line item is required", path="$.line_items")
    if len(wanted) > MAX_LINES:
        raise CommerceError(f"at most {MAX_LINES} line items", path="$.line_items")
    products = []
    for n, (product_id, quantity) in enumerate(wanted):
        path = f"$.line_items[{n}]"
        if isinstance(quantity, bool) or not isinstance(quantity, int) or not (
                1 <= quantity <= MAX_LINE_QUANTITY):
            raise CommerceError(
                f"quantity must be a whole number from 1 to {MAX_LINE_QUANTITY}, "
                f"got {quantity!r}", code="invalid_quantity", path=path + ".quantity")
        product = session.get(Product, product_id)
        if product is None:
            raise UnknownProductError(product_id, path + ".item.id")
        if product.price is None:
            raise CommerceError(f"{product.title} has no price and cannot be sold",
                                code="item_unavailable", path=path + ".item.id")
        products.append(product)
    return products


def check_stock(products: list[Product], quantities: list[int]) -> None:
    """Raise ``out_of_stock`` when a line asks for more than the shelf holds now."""
    for n, (product, quantity) in enumerate(zip(products, quantities, strict=True)):
        if product.stock < quantity:
            raise CommerceError(
                f"only {product.stock} of {product.title} in stock, {quantity} asked",
                code="out_of_stock", path=f"$.line_items[{n}].quantity", status=409)


@contextmanager
def stock_transaction(engine: Engine) -> Iterator[Session]:
    """A transaction that may reserve or release stock (serialised on SQLite)."""
    if engine.dialect.name == "sqlite":
        with _SQLITE_STOCK_LOCK, transaction(engine) as session:
            yield session
    else:
        with transaction(engine) as session:
            yield session


def reserve(session: Session, lines: list[dict[str, Any]]) -> None:
    """Take each line's quantity off the shelf, or raise ``out_of_stock`` (caller rolls back)."""
    for n, line in enumerate(lines):
        taken = session.execute(
            update(Product)
            .where(col(Product.id) == line["product_id"],
                   col(Product.stock) >= line["quantity"])
            .values(stock=col(Product.stock) - line["quantity"]))
        if taken.rowcount != 1:  # type: ignore[attr-defined]
            raise CommerceError(
                f"not enough stock of {line.get('title', line['product_id'])} for "
                f"{line['quantity']}; nothing was reserved", code="out_of_stock",
                path=f"$.line_items[{n}].quantity", status=409)


def release(session: Session, lines: list[dict[str, Any]]) -> None:
    """Put each line's reserved quantity back on the shelf."""
    for line in lines:
        session.execute(update(Product).where(col(Product.id) == line["product_id"])
                        .values(stock=col(Product.stock) + line["quantity"]))
