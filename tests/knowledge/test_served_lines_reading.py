"""A line quotes the product's own property, for the need the shopper has, not its opposite."""

from pathlib import Path

import pytest

from knowledge.graph.evidence import Span
from knowledge.graph.line_checks import about_other_products, in_a_bundle, opposed_need
from knowledge.graph.store import Assertion, upsert_assertions
from knowledge.store import Store
from tests.knowledge.served_shop import card_lines, serve_rows

ROWS = [
    ("P1", "Picnic Backpack for 4 with Cooler Compartment", [
        "Includes 4 plates, 2 x salt/pepper shakers + waterproof fleece picnic blanket"]),
    ("P2", "Waterproof Hiking Backpack 30L", ["Waterproof nylon keeps your gear dry in the rain"]),
    ("W1", "Gentle Acne Face Wash", [
        "Most face washes for acne use harsh acne-fighting ingredients; ours uses green tea"]),
    ("W2", "Salicylic Acid Acne Face Wash", ["Acne-fighting salicylic acid clears breakouts"]),
    ("D1", "Rubber Dog Chew Toy", ["Chew-resistant, indestructible natural rubber"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    """The rows above, served with the seed knowledge and no learned gate."""
    return serve_rows(store, tmp_path, ROWS, price=25.0)


def test_a_bundled_items_property_is_not_the_products(shop: Store) -> None:
    lines = card_lines(shop, "backpack for a day hike in the rain", ["P1", "P2"])
    assert any(line.startswith("Waterproof") for line in lines["P2"])
    assert not any(line.startswith("Waterproof") for line in lines["P1"])  # the blanket's


def test_a_sentence_about_other_products_is_no_evidence(shop: Store) -> None:
    lines = card_lines(shop, "face wash for a teen with acne", ["W1", "W2"])
    assert any("acne" in line.lower() for line in lines["W2"])
    assert not any("acne" in line.lower() for line in lines["W1"])  # "most face washes use"


def test_a_tough_need_is_not_shown_to_a_shopper_asking_for_gentle(shop: Store) -> None:
    # as behaviour mining served it in the v15 census: "chew" (from "chew toy") needs it
    upsert_assertions(shop.engine, [Assertion(
        head="chew", head_type="intent", relation="NEEDS", tail="chew-resistant", score=0.9,
        source="mining", status="accepted")])
    shop.search.expander.reload()
    strong = card_lines(shop, "chew toy for my dog", ["D1"])
    assert any("chew" in line.lower() for line in strong["D1"])
    sore = card_lines(shop, "chew toy for a senior dog with sore gums", ["D1"])
    assert not any("chew" in line.lower() for line in sore["D1"])


def test_the_reading_checks_keep_the_products_own_words() -> None:
    plus = Span("quick-dry", "bullets", "UPF 50+ quick dry microfiber: lightweight", "text",
                "quick dry")
    joined = Span("durable", "bullets", "WATER-FRIENDLY + DURABLE: these flip flops are",
                  "text", "DURABLE")
    most = Span("non-slip", "bullets", "Most comfortable shoes ever, non-slip sole", "text",
                "non-slip")
    assert not in_a_bundle(plus, "swim trunks")  # "50+" is a rating, not a bundle
    assert not in_a_bundle(joined, "flip flops")  # nothing named after the attribute
    assert not about_other_products(most)
    assert not opposed_need("chew toy for a senior dog with sore gums", "soft")
