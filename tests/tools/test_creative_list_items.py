"""One item of a list of sizes or levels never becomes the whole product's in a title."""

from __future__ import annotations

import pytest

from tools.creatives.facts import parse_facts
from tools.creatives.list_items import in_list
from tools.creatives.listing_builder import build_listing
from tools.creatives.view_names import listing_view


def _listing(brief: str):
    return build_listing(listing_view(parse_facts(brief)))


@pytest.mark.parametrize(("brief", "item"), [
    ("Set of 3 pastry cutters - small (5 cm), medium (8 cm), large (10 cm). Steel.",
     "Small (5 cm)"),
    ("Yoga blocks x4: soft, medium, firm, extra firm. EVA foam, 23 cm long.", "Soft"),
    ("Paper lanterns, 6 pcs: 2 x 20 cm, 2 x 30 cm, 2 x 40 cm. White. Fold flat.", "2 x 20 cm"),
])
def test_a_set_items_size_or_level_is_not_in_the_title(brief: str, item: str) -> None:
    listing = _listing(brief)
    assert item.lower() not in listing.title.lower()


def test_the_description_keeps_the_whole_list_or_none() -> None:
    listing = _listing("Set of 3 pastry cutters - small (5 cm), medium (8 cm), "
                       "large (10 cm). Steel.")
    assert "large (10 cm)" in listing.description


@pytest.mark.parametrize("brief", [
    "Countertop blender, 1200W, 64 oz pitcher, 6 speeds, pulse function.",
    "Piano bench cushion 35 x 75 cm, 5 cm thick, black velvet, non-slip base.",
    "Folding camping table, 47 x 24 in top, adjustable height 15-27 in, aluminum.",
])
def test_different_facts_in_one_comma_list_are_no_set_items(brief: str) -> None:
    assert not in_list(listing_view(parse_facts(brief)))
