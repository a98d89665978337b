"""CRUD of agent carts, checkout sessions and orders (see :mod:`knowledge.commerce`).

Every function takes the calling agent's id and only ever sees that agent's records: another
agent's cart or checkout is "not found". The buyer's confirmation on the store's checkout page
needs the session's confirmation token instead.
"""

from __future__ import annotations

import hmac
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, func, select

from knowledge.commerce import (
    AgentCart,
    CheckoutSession,
    CommerceError,
    Order,
    check_lines,
    check_stock,
    release,
    reserve,
    stock_transaction,
)
from knowledge.errors import NotFoundError, PermissionDeniedError
from knowledge.models import Event, Product, utcnow
from knowledge.sql import owned_row, transaction

CHECKOUT_TTL = timedelta(hours=6)  # the UCP default lifetime of a checkout session
Items = list[tuple[str, int]]


def _new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:16]}"


def _cart_lines(items: Items) -> list[dict[str, Any]]:
    return [{"id": f"li_{n + 1}", "product_id": pid, "quantity": q}
            for n, (pid, q) in enumerate(items)]


def _checkout_lines(products: list[Product], items: Items) -> list[dict[str, Any]]:
    return [{"id": f"li_{n + 1}", "product_id": p.id, "quantity": q, "title": p.title,
             "unit_price": round((p.price or 0.0) * 100), "image": p.image}
            for n, (p, (_, q)) in enumerate(zip(products, items, strict=True))]


# -- carts --------------------------------------------------------------------------------------

def create_cart(engine: Engine, *, agent_id: str, items: Items) -> AgentCart:
    """A new cart of ``(product_id, quantity)`` items; a bad line writes nothing."""
    with transaction(engine) as session:
        products = check_lines(session, items)
        check_stock(products, [q for _, q in items])
        cart = AgentCart(id=_new_id("cart"), agent_id=agent_id, lines=_cart_lines(items))
        session.add(cart)
    return cart


def _own_cart(session: Session, agent_id: str, cart_id: str) -> AgentCart:
    cart = session.get(AgentCart, cart_id)
    if cart is None or cart.agent_id != agent_id:
        raise NotFoundError(f"no cart {cart_id!r} of yours")
    return cart


def get_cart(engine: Engine, *, agent_id: str, cart_id: str) -> AgentCart:
    """The agent's cart ``cart_id``."""
    with Session(engine) as session:
        return _own_cart(session, agent_id, cart_id)


def update_cart(engine: Engine, *, agent_id: str, cart_id: str, items: Items) -> AgentCart:
    """Replace an active cart's lines (UCP update is a full replacement)."""
    with transaction(engine) as session:
        cart = _own_cart(session, agent_id, cart_id)
        if cart.status != "active":
            raise CommerceError(f"cart {cart_id} is {cart.status} and cannot change",
                                code="invalid_state", status=409)
        products = check_lines(session, items)
        check_stock(products, [q for _, q in items])
        cart.lines, cart.updated_at = _cart_lines(items), utcnow()
        session.add(cart)
    return cart


def _set_status(session: Session, record: AgentCart | CheckoutSession, status: str) -> None:
    """Move a cart or checkout session to ``status`` and stamp the change."""
    record.status, record.updated_at = status, utcnow()
    session.add(record)


def cancel_cart(engine: Engine, *, agent_id: str, cart_id: str) -> AgentCart:
    """Cancel a cart (cancelling twice is harmless)."""
    with transaction(engine) as session:
        cart = _own_cart(session, agent_id, cart_id)
        if cart.status == "active":
            _set_status(session, cart, "canceled")
    return cart


# -- checkout sessions --------------------------------------------------------------------------

def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _expire_if_due(session: Session, checkout: CheckoutSession) -> None:
    if checkout.status == "requires_escalation" and _aware(checkout.expires_at) <= utcnow():
        release(session, checkout.lines)
        _set_status(session, checkout, "canceled")


def _own_checkout(session: Session, agent_id: str, checkout_id: str) -> CheckoutSession:
    checkout = session.get(CheckoutSession, checkout_id)
    if checkout is None or checkout.agent_id != agent_id:
        raise NotFoundError(f"no checkout session {checkout_id!r} of yours")
    _expire_if_due(session, checkout)
    return checkout


def create_checkout(engine: Engine, *, agent_id: str, items: Items | None, token: str,
                    cart_id: str | None = None,
                    buyer: dict[str, Any] | None = None) -> CheckoutSession:
    """Open a checkout for ``items`` (or the agent's cart) and reserve their stock."""
    with stock_transaction(engine) as session:
        if cart_id is not None:
            cart = _own_cart(session, agent_id, cart_id)
            if cart.status != "active":
                raise CommerceError(f"cart {cart_id} is {cart.status}", code="invalid_state",
                                    path="$.cart_id", status=409)
            items = [(line["product_id"], line["quantity"]) for line in cart.lines]
            _set_status(session, cart, "converted")
        products = check_lines(session, items or [])
        lines = _checkout_lines(products, items or [])
        reserve(session, lines)
        checkout = CheckoutSession(
            id=_new_id("chk"), agent_id=agent_id, cart_id=cart_id, lines=lines,
            buyer=buyer or {}, token=token, expires_at=utcnow() + CHECKOUT_TTL)
        session.add(checkout)
    return checkout


def get_checkout(engine: Engine, *, agent_id: str, checkout_id: str) -> CheckoutSession:
    """The agent's checkout session (an expired one is cancelled and its stock released)."""
    with stock_transaction(engine) as session:
        return _own_checkout(session, agent_id, checkout_id)


def _must_be_open(checkout: CheckoutSession) -> None:
    if checkout.status != "requires_escalation":
        raise CommerceError(f"checkout session {checkout.id} is {checkout.status}; a "
                            f"{checkout.status} session cannot change", code="invalid_state",
                            status=409)


def update_checkout(engine: Engine, *, agent_id: str, checkout_id: str, items: Items,
                    buyer: dict[str, Any] | None = None) -> CheckoutSession:
    """Replace an open session's lines: release the old reservation, reserve the new one."""
    with stock_transaction(engine) as session:
        checkout = _own_checkout(session, agent_id, checkout_id)
        _must_be_open(checkout)
        products = check_lines(session, items)
        release(session, checkout.lines)
        lines = _checkout_lines(products, items)
        reserve(session, lines)
        checkout.lines, checkout.updated_at = lines, utcnow()
        if buyer is not None:
            checkout.buyer = buyer
        session.add(checkout)
    return checkout


def cancel_checkout(engine: Engine, *, agent_id: str, checkout_id: str) -> CheckoutSession:
    """Cancel an open session and put its stock back; a completed one cannot be cancelled."""
    with stock_transaction(engine) as session:
        checkout = _own_checkout(session, agent_id, checkout_id)
        if checkout.status == "requires_escalation":
            release(session, checkout.lines)
            _set_status(session, checkout, "canceled")
        elif checkout.status == "completed":
            raise CommerceError(f"checkout session {checkout_id} is completed; it cannot be "
                                "canceled", code="invalid_state", status=409)
    return checkout


# -- the buyer's side: the store's checkout page -------------------------------------------------

def _with_token(session: Session, checkout_id: str, token: str) -> CheckoutSession:
    checkout = session.get(CheckoutSession, checkout_id)
    if checkout is None:
        raise NotFoundError(f"no checkout session {checkout_id!r}")
    if not token or not hmac.compare_digest(checkout.token.encode(), token.encode()):
        raise PermissionDeniedError("this checkout link is not valid")
    _expire_if_due(session, checkout)
    return checkout


def checkout_for_buyer(engine: Engine, *, checkout_id: str, token: str) -> CheckoutSession:
    """The session behind a ``continue_url`` (its token proves the buyer holds the link)."""
    with stock_transaction(engine) as session:
        return _with_token(session, checkout_id, token)


def confirm_checkout(engine: Engine, *, checkout_id: str, token: str,
                     buyer: dict[str, Any] | None = None) -> Order:
    """The buyer confirms: place the order, keep the reserved stock sold, record purchases.

    Each line records ``Event(type="purchase", user_id="agent:<agent id>", product_id=...)``;
    confirming an already completed session returns its order again.
    """
    with stock_transaction(engine) as session:
        checkout = _with_token(session, checkout_id, token)
        if checkout.status == "completed" and checkout.order_id:
            order = session.get(Order, checkout.order_id)
            assert order is not None
            return order
        _must_be_open(checkout)
        subtotal = sum(line["unit_price"] * line["quantity"] for line in checkout.lines)
        order = Order(id=_new_id("ord"), checkout_id=checkout.id, agent_id=checkout.agent_id,
                      channel="ucp_agent", lines=checkout.lines,
                      buyer={**checkout.buyer, **(buyer or {})}, subtotal=subtotal,
                      total=subtotal, currency=checkout.currency)
        session.add(order)
        for line in checkout.lines:
            session.add(Event(user_id=f"agent:{checkout.agent_id}", type="purchase",
                              product_id=line["product_id"]))
        checkout.status, checkout.order_id, checkout.updated_at = "completed", order.id, utcnow()
        session.add(checkout)
    return order


def get_order(engine: Engine, *, agent_id: str, order_id: str) -> Order:
    """The agent's order ``order_id``."""
    return owned_row(engine, Order, order_id, owner=("agent_id", agent_id),
                     missing=f"no order {order_id!r} of yours")


def sales_by_channel(engine: Engine) -> dict[str, dict[str, int]]:
    """Orders and revenue (minor units) per sales channel, over the whole store."""
    stmt = (select(Order.channel, func.count(), func.sum(Order.total))
            .group_by(col(Order.channel)))
    with Session(engine) as session:
        return {channel: {"orders": int(n), "revenue": int(total or 0)}
                for channel, n, total in session.exec(stmt)}


def merchant_sales_by_channel(engine: Engine, merchant_id: str) -> dict[str, dict[str, int]]:
    """Orders, units and revenue (minor units) per channel for one merchant's products.

    An order counts for the merchant when one of its lines is their product; revenue and
    units are those lines only (another merchant's lines in the same order are not theirs).
    """
    with Session(engine) as session:
        own = set(session.exec(select(Product.id).where(Product.merchant_id == merchant_id)))
        orders = list(session.exec(select(Order)))
    out: dict[str, dict[str, int]] = {}
    for order in orders:
        mine = [line for line in order.lines if line.get("product_id") in own]
        if not mine:
            continue
        row = out.setdefault(order.channel, {"orders": 0, "units": 0, "revenue": 0})
        row["orders"] += 1
        row["units"] += sum(int(line["quantity"]) for line in mine)
        row["revenue"] += sum(int(line["unit_price"]) * int(line["quantity"]) for line in mine)
    return out
