"""Cart tools on the real database, SQLite and PostgreSQL: limits, unknown ids, removal."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlmodel import Session, select

from knowledge.carts import CartItem, add_to_cart, clear_cart, remove_from_cart, show_cart
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.ingest import import_catalog
from knowledge.store import Store
from tests.agents.catalog import catalogue_rows
from tests.conftest import BOTH_DATABASES
from tests.knowledge.test_ingest_search import write_jsonl

pytestmark = pytest.mark.parametrize("database", BOTH_DATABASES, indirect=True)


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    """The store with a few products of the test catalogue (SHO00, KIT00 among them)."""
    wanted = [r for r in catalogue_rows() if r["product_id"] in ("SHO00", "SHO01", "KIT00")]
    import_catalog(store, write_jsonl(tmp_path / "catalog.jsonl", wanted))
    return store


def rows(store: Store, session_id: str) -> list[tuple[str, int]]:
    with Session(store.engine) as session:
        found = session.exec(select(CartItem).where(CartItem.session_id == session_id))
        return sorted((c.product_id, c.quantity) for c in found)


def test_add_accumulates_and_totals(shop: Store) -> None:
    sid = uuid.uuid4().hex
    add_to_cart(shop.engine, sid, "SHO00", 2)
    view = add_to_cart(shop.engine, sid, "SHO00", 1)
    assert rows(shop, sid) == [("SHO00", 3)]
    assert view.items[0].quantity == 3 and view.total == pytest.approx(3 * view.items[0].price)


@pytest.mark.parametrize("quantity", [0, -1, 21])
def test_quantity_out_of_range_changes_nothing(shop: Store, quantity: int) -> None:
    sid = uuid.uuid4().hex
    add_to_cart(shop.engine, sid, "SHO00", 1)
    with pytest.raises(InvalidRequestError, match="1 to 20"):
        add_to_cart(shop.engine, sid, "SHO00", quantity)
    assert rows(shop, sid) == [("SHO00", 1)]


def test_line_never_exceeds_twenty(shop: Store) -> None:
    sid = uuid.uuid4().hex
    add_to_cart(shop.engine, sid, "KIT00", 15)
    with pytest.raises(InvalidRequestError, match="at most 20"):
        add_to_cart(shop.engine, sid, "KIT00", 6)
    assert rows(shop, sid) == [("KIT00", 15)]


def test_unknown_product_changes_nothing(shop: Store) -> None:
    sid = uuid.uuid4().hex
    with pytest.raises(NotFoundError, match="NOPE"):
        add_to_cart(shop.engine, sid, "NOPE", 1)
    with pytest.raises(NotFoundError):
        remove_from_cart(shop.engine, sid, "SHO00")
    assert rows(shop, sid) == [] and show_cart(shop.engine, sid).total == 0


def test_remove_part_then_all(shop: Store) -> None:
    sid = uuid.uuid4().hex
    add_to_cart(shop.engine, sid, "SHO00", 3)
    add_to_cart(shop.engine, sid, "KIT00", 1)
    remove_from_cart(shop.engine, sid, "SHO00", 2)
    assert rows(shop, sid) == [("KIT00", 1), ("SHO00", 1)]
    remove_from_cart(shop.engine, sid, "SHO00")
    assert rows(shop, sid) == [("KIT00", 1)]
    clear_cart(shop.engine, sid)
    assert rows(shop, sid) == []


def test_carts_are_per_session(shop: Store) -> None:
    a, b = uuid.uuid4().hex, uuid.uuid4().hex
    add_to_cart(shop.engine, a, "SHO00", 1)
    assert show_cart(shop.engine, b).items == []
