"""A brief that opens on the product's name as a label names that product."""

from __future__ import annotations

import pytest

from tools.creatives.facts import parse_facts
from tools.creatives.listing_builder import build_listing
from tools.creatives.view_names import listing_view


@pytest.mark.parametrize(("brief", "head"), [
    ("Croquet set: 4 wooden mallets, 4 balls, 6 hoops. Ages 8+. Instruction sheet in "
     "English.", "Croquet set"),
    ("quilted tote: waxed cotton outside, linen inside. 1 zip pocket. 40 x 35 cm.",
     "quilted tote"),
])
def test_a_named_label_is_the_head(brief: str, head: str) -> None:
    parsed = parse_facts(brief)
    assert parsed.head == head
    listing = build_listing(listing_view(parsed))
    assert not listing.description.startswith("The product")


@pytest.mark.parametrize("brief", [
    "Holiday hours: we're closed Dec. 24-26. Orders placed after Dec. 20 ship Dec. 27.",
    "Battery life: 10 hours. Bluetooth speaker, waterproof.",
])
def test_a_spec_label_or_a_shop_notice_names_no_product(brief: str) -> None:
    assert parse_facts(brief).head.lower() not in ("holiday hours", "battery life")
