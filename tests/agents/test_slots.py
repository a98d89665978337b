"""Slot parsing over a catalogue's vocabulary: the trained tagger plus price/negation parsers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from agents.understanding.slots import parse_slots
from agents.understanding.vocabulary import Vocabulary, vocabulary_from_engine
from knowledge.ingest import import_catalog
from knowledge.models import Product
from knowledge.search import SearchFilters
from knowledge.store import Store
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


def test_slots_keys_from_tagger_and_parsers(vocab: Vocabulary) -> None:
    slots = parse_slots("red nike running shoes for women, nothing over 40 bucks, not leather",
                        vocab)
    report = slots.report()
    assert report["max_price"] == 40.0 and "min_price" not in report
    assert report["color"] == "red" and report["audience"] == "women"
    assert report["brand"] == "nike" and slots.brand is None  # the test store has no Nike
    assert report["exclude"] == ["leather"] and slots.material is None
    assert slots.product_type == "running shoes"


def test_brand_of_an_imported_catalogue(store: Store, tmp_path: Path) -> None:
    rows = [{"product_id": "Q1", "product_title": "Trail runner with rock plate",
             "product_brand": "Quillmere", "price": 120, "category": "shoes"},
            {"product_id": "Q2", "product_title": "Leather hiking boots", "product_brand":
             "Quillmere", "price": 150, "category": "shoes"}]
    path = tmp_path / "catalogue.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    import_catalog(store, path)
    vocab = vocabulary_from_engine(store.engine)
    slots = parse_slots("quillmere hiking boots but not leather", vocab)
    assert slots.brand == "Quillmere" and slots.exclude == ["leather"]
    hits = store.search.search("hiking boots", SearchFilters(brand=slots.brand,
                                                             exclude_terms=tuple(slots.exclude)))
    assert [h.product.id for h in hits] == ["Q1"]


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\xff\xfe", "x" * 5000,
                                  "\u4e2d\u6587\u2013\u00ad"])
def test_bad_input_reads_as_nothing(vocab: Vocabulary, text: str) -> None:
    assert parse_slots(text, vocab).report() == {}
