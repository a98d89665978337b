"""The shopper's cart: one persisted row per (session, product), quantities 1 to 20."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from pydantic import Field as PydField
from sqlalchemy import UniqueConstraint
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel, col, select

from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product, utcnow
from knowledge.sql import transaction

MAX_QUANTITY = 20


class CartItem(SQLModel, table=True):
    """One product in one session's cart."""

    __table_args__ = (UniqueConstraint("session_id", "product_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: str = Field(index=True)
    product_id: str = Field(index=True)
    quantity: int = Field(ge=1, le=MAX_QUANTITY)
    updated_at: datetime = Field(default_factory=utcnow)


class CartLine(BaseModel):
    """A cart line as shown to the shopper."""

    product_id: str
    title: str
    price: float | None = None
    quantity: int


class CartView(BaseModel):
    """The whole cart: lines and the total (the ``cart`` event's shape)."""

    items: list[CartLine] = PydField(default_factory=list)
    total: float = 0.0


def _check_session(session_id: str) -> None:
    if not session_id or len(session_id) > 100:
        raise InvalidRequestError("a session id of 1 to 100 characters is required")


def _check_quantity(quantity: int) -> None:
    if not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidRequestError(
            f"quantity must be a whole number from 1 to {MAX_QUANTITY}, got {quantity!r}")


def _line(session: Session, session_id: str, product_id: str) -> CartItem | None:
    stmt = select(CartItem).where(CartItem.session_id == session_id,
                                  CartItem.product_id == product_id)
    return session.exec(stmt).first()


def show_cart(engine: Engine, session_id: str) -> CartView:
    """Return the session's cart with titles, prices and the total."""
    _check_session(session_id)
    with Session(engine) as session:
        rows = session.exec(select(CartItem, Product)
                            .join(Product, CartItem.product_id == Product.id)  # type: ignore[arg-type]
                            .where(CartItem.session_id == session_id)
                            .order_by(col(CartItem.id))).all()
    lines = [CartLine(product_id=p.id, title=p.title, price=p.price, quantity=c.quantity)
             for c, p in rows]
    total = round(sum((line.price or 0.0) * line.quantity for line in lines), 2)
    return CartView(items=lines, total=total)


def add_to_cart(engine: Engine, session_id: str, product_id: str, quantity: int = 1) -> CartView:
    """Add ``quantity`` of a product (a line holds at most 20); unknown ids change nothing."""
    _check_session(session_id)
    _check_quantity(quantity)
    with transaction(engine) as session:
        product = session.get(Product, product_id)
        if product is None:
            raise NotFoundError(f"no product with id {product_id!r}; the cart is unchanged")
        line = _line(session, session_id, product_id)
        new_quantity = quantity + (line.quantity if line else 0)
        if new_quantity > MAX_QUANTITY:
            raise InvalidRequestError(
                f"at most {MAX_QUANTITY} of one product per cart; you already have "
                f"{line.quantity if line else 0} of {product.title}")
        if line is None:
            session.add(CartItem(session_id=session_id, product_id=product_id, quantity=quantity))
        else:
            line.quantity, line.updated_at = new_quantity, utcnow()
            session.add(line)
    return show_cart(engine, session_id)


def remove_from_cart(engine: Engine, session_id: str, product_id: str,
                     quantity: int | None = None) -> CartView:
    """Remove a product (or ``quantity`` of it); a product not in the cart is an error."""
    _check_session(session_id)
    if quantity is not None:
        _check_quantity(quantity)
    with transaction(engine) as session:
        line = _line(session, session_id, product_id)
        if line is None:
            raise NotFoundError(f"product {product_id!r} is not in your cart")
        if quantity is None or quantity >= line.quantity:
            session.delete(line)
        else:
            line.quantity, line.updated_at = line.quantity - quantity, utcnow()
            session.add(line)
    return show_cart(engine, session_id)


def clear_cart(engine: Engine, session_id: str) -> CartView:
    """Empty the session's cart."""
    _check_session(session_id)
    with transaction(engine) as session:
        for line in session.exec(select(CartItem).where(CartItem.session_id == session_id)):
            session.delete(line)
    return CartView()
