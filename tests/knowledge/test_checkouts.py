"""Checkout sessions in the data layer: reservation, expiry, ownership (real SQLite)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from knowledge import checkouts
from knowledge.commerce import CheckoutSession, CommerceError
from knowledge.errors import NotFoundError
from knowledge.models import Product, utcnow
from knowledge.sql import transaction
from knowledge.store import Store
from tests.server.ucp_shop import stock_catalog


def stock(store: Store, pid: str) -> int:
    with Session(store.engine) as session:
        product = session.get(Product, pid)
    assert product is not None
    return product.stock


def test_an_expired_session_is_canceled_and_its_stock_returns(store: Store,
                                                             tmp_path: Path) -> None:
    stock_catalog(store, tmp_path)
    made = checkouts.create_checkout(store.engine, agent_id="ag_1", items=[("K2", 4)],
                                     token="t0k")
    assert stock(store, "K2") == 2
    with transaction(store.engine) as session:
        row = session.get(CheckoutSession, made.id)
        assert row is not None
        row.expires_at = utcnow() - timedelta(minutes=1)
        session.add(row)
    assert checkouts.get_checkout(store.engine, agent_id="ag_1",
                                  checkout_id=made.id).status == "canceled"
    assert stock(store, "K2") == 6
    with pytest.raises(CommerceError, match="canceled"):
        checkouts.confirm_checkout(store.engine, checkout_id=made.id, token="t0k")
    with pytest.raises(NotFoundError):
        checkouts.get_checkout(store.engine, agent_id="ag_2", checkout_id=made.id)
    assert stock(store, "K2") == 6


def test_a_failed_reservation_reserves_nothing(store: Store, tmp_path: Path) -> None:
    stock_catalog(store, tmp_path)
    with pytest.raises(CommerceError, match="not enough stock"):
        checkouts.create_checkout(store.engine, agent_id="ag_1",
                                  items=[("K2", 2), ("K1", 3)], token="t")
    assert (stock(store, "K2"), stock(store, "K1")) == (6, 2)
