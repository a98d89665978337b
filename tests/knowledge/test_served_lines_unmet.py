"""A broad audience's usual need does not answer a situation that asks nothing of the type.

From the spent v20/v22 censuses: "tent for cold winter camping in the snow" read cold weather
(its needs stated for coats, boots, socks) and campers (waterproof, lightweight, ...); the
campers' waterproof is not why a tent fits a winter trip.
"""

from pathlib import Path

import pytest

from knowledge.graph.stated import idle_words
from knowledge.store import Store
from tests.knowledge.served_shop import card_lines, serve_rows

ROWS = [
    ("T1", "Waterproof Dome Tent", ["Waterproof rainfly, lightweight poles"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    return serve_rows(store, tmp_path, ROWS, price=90.0)


def test_a_stated_situation_the_product_does_not_meet_silences_the_audience(shop: Store) -> None:
    lines = card_lines(shop, "tent for cold winter camping in the snow", ["T1"])
    assert not any(line.startswith("Waterproof") for line in lines["T1"])


def test_the_audience_still_speaks_when_nothing_else_is_said(shop: Store) -> None:
    lines = card_lines(shop, "tent for a camping trip", ["T1"])
    assert any(line.startswith("Waterproof") for line in lines["T1"])


def test_words_of_situations_without_needs_for_the_type_count_unread() -> None:
    keys = [("camping",), ("cold",), ("winter",), ("tent",)]
    concepts = {("camping",): ["campers"], ("cold",): ["cold weather"],
                ("winter",): ["cold weather"], ("tent",): ["shelter"]}
    query = "tent for cold winter camping"
    assert idle_words(query, keys, concepts.__getitem__, lambda c: c == "campers") == {
        "cold", "winter"}  # the product phrase's own words are never counted
    assert idle_words(query, keys, concepts.__getitem__, lambda c: True) == frozenset()


def test_span_checks_find_the_value_as_the_listing_spells_it() -> None:
    from knowledge.graph.evidence import Span
    from knowledge.graph.line_checks import compared_against

    def span(quote: str) -> Span:
        return Span("non-stick", "bullets", quote, "extracted", "non-stick")

    assert compared_against(span("Best steel pot over large nonstick pan"))
    assert compared_against(span("Healthier option over non stick pan"))
    assert not compared_against(span("Durable nonstick coating, easy release"))
