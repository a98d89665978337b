"""UCP carts, checkout sessions and orders over :mod:`knowledge.checkouts`.

Every operation reads the request object of the UCP schema, checks it (a bad field raises a
:class:`UcpError` naming its JSON path, before anything is written), and answers with the
UCP response object.
"""

from __future__ import annotations

import secrets
from typing import Any

from sqlmodel import Session, col, select

from knowledge import checkouts
from knowledge.commerce import CheckoutSession
from knowledge.models import Product
from knowledge.store import Store
from tools.ucp import shapes
from tools.ucp.errors import UcpError


def _bad(content: str, path: str, code: str = "invalid_request") -> UcpError:
    return UcpError(content, code=code, status=422, path=path)


def _object(request: Any, name: str) -> dict[str, Any]:
    if not isinstance(request, dict):
        raise _bad(f"the {name} must be a JSON object", "$")
    return request


def check_currency(request: dict[str, Any]) -> None:
    """Refuse a request that asks for a currency other than the store's."""
    context = request.get("context") or {}
    for path, value in (("$.currency", request.get("currency")),
                        ("$.context.currency", context.get("currency")
                         if isinstance(context, dict) else None)):
        if value is not None and value != shapes.CURRENCY:
            raise _bad(f"this store sells in {shapes.CURRENCY} only, not {value!r}", path,
                       code="currency_mismatch")


def items_of(request: dict[str, Any]) -> list[tuple[str, int]]:
    """``(product_id, quantity)`` pairs from ``line_items`` (shape checked, not the catalogue)."""
    lines = request.get("line_items")
    if not isinstance(lines, list) or not lines:
        raise _bad("line_items must be a non-empty list", "$.line_items")
    items = []
    for n, line in enumerate(lines):
        path = f"$.line_items[{n}]"
        item = line.get("item") if isinstance(line, dict) else None
        product_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(product_id, str) or not product_id:
            raise _bad("each line item needs item.id, a product id", path + ".item.id")
        quantity = line.get("quantity")
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            raise _bad(f"quantity must be a whole number of at least 1, got {quantity!r}",
                       path + ".quantity", code="invalid_quantity")
        items.append((product_id, quantity))
    return items


def _buyer(request: dict[str, Any]) -> dict[str, Any] | None:
    buyer = request.get("buyer")
    if buyer is None:
        return None
    if not isinstance(buyer, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and len(v) <= 200 for k, v in buyer.items()):
        raise _bad("buyer must be an object of short text fields", "$.buyer")
    return buyer


def _products(store: Store, ids: list[str]) -> dict[str, Product]:
    with Session(store.engine) as session:
        return {p.id: p for p in session.exec(select(Product).where(col(Product.id).in_(ids)))}


# -- carts --------------------------------------------------------------------------------------

def _cart_view(store: Store, cart: Any, base_url: str) -> dict[str, Any]:
    products = _products(store, [line["product_id"] for line in cart.lines])
    return shapes.cart(cart, products, base_url)


def create_cart(store: Store, agent_id: str, request: Any, base_url: str) -> dict[str, Any]:
    """``create_cart``."""
    request = _object(request, "cart")
    check_currency(request)
    cart = checkouts.create_cart(store.engine, agent_id=agent_id, items=items_of(request))
    return _cart_view(store, cart, base_url)


def get_cart(store: Store, agent_id: str, cart_id: str, base_url: str) -> dict[str, Any]:
    """``get_cart``."""
    return _cart_view(store, checkouts.get_cart(store.engine, agent_id=agent_id,
                                                cart_id=cart_id), base_url)


def update_cart(store: Store, agent_id: str, cart_id: str, request: Any,
                base_url: str) -> dict[str, Any]:
    """``update_cart``: a full replacement of the lines."""
    request = _object(request, "cart")
    check_currency(request)
    cart = checkouts.update_cart(store.engine, agent_id=agent_id, cart_id=cart_id,
                                 items=items_of(request))
    return _cart_view(store, cart, base_url)


def cancel_cart(store: Store, agent_id: str, cart_id: str, base_url: str) -> dict[str, Any]:
    """``cancel_cart``."""
    cart = checkouts.cancel_cart(store.engine, agent_id=agent_id, cart_id=cart_id)
    return _cart_view(store, cart, base_url)


# -- checkout sessions ------------------------------------------------------------------------

def create_checkout(store: Store, agent_id: str, request: Any, base_url: str) -> dict[str, Any]:
    """``create_checkout`` from line items or from one of the agent's carts (``cart_id``)."""
    request = _object(request, "checkout")
    check_currency(request)
    cart_id = request.get("cart_id")
    if cart_id is not None and (not isinstance(cart_id, str) or not cart_id):
        raise _bad("cart_id must be a cart id", "$.cart_id")
    items = None if cart_id else items_of(request)
    checkout = checkouts.create_checkout(
        store.engine, agent_id=agent_id, items=items, cart_id=cart_id,
        buyer=_buyer(request), token=secrets.token_urlsafe(18))
    return shapes.checkout(checkout, base_url)


def get_checkout(store: Store, agent_id: str, checkout_id: str, base_url: str) -> dict[str, Any]:
    """``get_checkout``."""
    return shapes.checkout(checkouts.get_checkout(
        store.engine, agent_id=agent_id, checkout_id=checkout_id), base_url)


def update_checkout(store: Store, agent_id: str, checkout_id: str, request: Any,
                    base_url: str) -> dict[str, Any]:
    """``update_checkout``: replaces the lines (and buyer) of an open session."""
    request = _object(request, "checkout")
    check_currency(request)
    if "id" in request and request["id"] != checkout_id:
        raise _bad("the body's id differs from the session in the path", "$.id")
    checkout = checkouts.update_checkout(store.engine, agent_id=agent_id,
                                         checkout_id=checkout_id, items=items_of(request),
                                         buyer=_buyer(request))
    return shapes.checkout(checkout, base_url)


def complete_checkout(store: Store, agent_id: str, checkout_id: str,
                      base_url: str) -> dict[str, Any]:
    """``complete_checkout``: the buyer must review and place the order on the store's page.

    An open session comes back unchanged with ``requires_escalation``, its ``continue_url``
    and a ``requires_buyer_review`` message; a completed one comes back with its order.
    """
    checkout = checkouts.get_checkout(store.engine, agent_id=agent_id, checkout_id=checkout_id)
    if checkout.status == "canceled":
        raise UcpError(f"checkout session {checkout_id} is canceled", code="invalid_state",
                       status=409, severity="unrecoverable")
    return shapes.checkout(checkout, base_url)


def cancel_checkout(store: Store, agent_id: str, checkout_id: str,
                    base_url: str) -> dict[str, Any]:
    """``cancel_checkout``: releases the reserved stock."""
    return shapes.checkout(checkouts.cancel_checkout(
        store.engine, agent_id=agent_id, checkout_id=checkout_id), base_url)


def get_order(store: Store, agent_id: str, order_id: str, base_url: str) -> dict[str, Any]:
    """``get_order``."""
    order = checkouts.get_order(store.engine, agent_id=agent_id, order_id=order_id)
    with Session(store.engine) as session:
        checkout = session.get(CheckoutSession, order.checkout_id)
    assert checkout is not None
    return shapes.order(order, checkout, base_url)
