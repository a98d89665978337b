"""Slot parsers over the test catalogue's vocabulary (no model needed)."""

from __future__ import annotations

import pytest

from agents.understanding.slots import parse_slots
from agents.understanding.vocabulary import Vocabulary
from knowledge.models import Product
from tests.agents.catalog import catalogue_rows


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    rows = catalogue_rows()
    return Vocabulary.from_products(
        Product(id=r["product_id"], title=r["product_title"], brand=r["product_brand"],
                category=r["category"], color=r["product_color"], price=r["price"],
                attributes=r["attributes"]) for r in rows)


@pytest.mark.parametrize(("text", "low", "high"), [
    ("running shoes under 50", None, 50.0),
    ("something between 20 and 40 dollars", 20.0, 40.0),
    ("a yoga mat $30-60", 30.0, 60.0),
    ("tents over $100", 100.0, None),
    ("a blender for around 80 bucks", 64.0, 96.0),
    ("no more than 25 usd please", None, 25.0),
])
def test_price_ranges(vocab: Vocabulary, text: str, low: float | None, high: float | None) -> None:
    slots = parse_slots(text, vocab)
    assert (slots.min_price, slots.max_price) == (low, high)


def test_relative_price_words(vocab: Vocabulary) -> None:
    assert parse_slots("something cheaper", vocab).cheaper
    assert parse_slots("show me more expensive ones", vocab).pricier
    assert not parse_slots("in black", vocab).cheaper


def test_catalogue_terms(vocab: Vocabulary) -> None:
    slots = parse_slots("Comfora walking shoes in navy, size 9, slip resistant, for women", vocab)
    assert slots.brand == "Comfora"
    assert slots.product_type == "walking shoes" and slots.category == "shoes"
    assert slots.color == "navy" and slots.size == "9"
    assert "slip-resistant" in slots.attributes and slots.audience == "women"


def test_category_synonym_and_plural(vocab: Vocabulary) -> None:
    assert parse_slots("any good cookware?", vocab).category == "kitchen"
    assert parse_slots("a sneaker for running", vocab).product_type == "sneakers"


def test_uom_size_is_not_a_price(vocab: Vocabulary) -> None:
    slots = parse_slots("a water bottle over 750ml", vocab)
    assert slots.min_price is None and slots.size is not None and "750ml" in slots.size


@pytest.mark.parametrize(("text", "ordinals", "quantity"), [
    ("add the second one to my cart", [1], None),
    ("the last one please", [-1], None),
    ("compare the first and third", [0, 2], None),
    ("put 3 of them in my basket", [], 3),
    ("add two of the 2nd", [1], 2),
    ("number 4", [3], None),
])
def test_references(vocab: Vocabulary, text: str, ordinals: list[int],
                    quantity: int | None) -> None:
    slots = parse_slots(text, vocab)
    assert slots.ordinals == ordinals and slots.quantity == quantity


def test_deictic_reference(vocab: Vocabulary) -> None:
    assert parse_slots("add that one", vocab).deictic
    assert not parse_slots("add the first one", vocab).deictic
