"""Shoe sizes a title names mid-way, in two systems or for two wearers (real finders)."""

from __future__ import annotations

import pytest

from knowledge.extraction.extract import extract
from knowledge.extraction.shoe_sizes import shoe_sizes


@pytest.mark.parametrize(("title", "sizes"), [
    ("Skechers Sport Men's Elite Flex Wasik Loafer,charcoal,14.0 M US", {"14"}),
    ("APRILSPRING Mens Walking Shoes, Black and Red, 11US 45EU", {"11", "45"}),
    ("Aus Wooli Womens Sheepskin Moccasin - Black - US Women 7/US Men 6", {"7", "6"}),
    ("HIITAVE Water Shoes for Men/Women, Dark Gray/Aqua W8-8.5/M7", {"8-8.5", "7"}),
    ("Koolaburra by UGG Women's Lezly, Chestnut, 07 M US", {"7"}),
])
def test_a_title_names_its_shoe_size(title: str, sizes: set[str]) -> None:
    assert sizes <= set(extract(title, [], "").attributes["sizes"])


def test_the_uk_size_beside_the_us_one_is_not_read_as_us() -> None:
    title = "Nike Air Pegasus 36 Womens Running Trainers (UK 5 US 7.5, Ghost Aqua)"
    assert [v for v, _, _ in shoe_sizes(title)] == ["7.5"]


@pytest.mark.parametrize("title", [
    "BOSCH CO14B 14 Pc. Cobalt M42 Drill Bit Set",
    "Milwaukee 2729-20 M18 FUEL Deep Cut Band Saw",
    "Igloo 5 Gallon Water Cooler, holds 5 US gallons",
])
def test_model_names_and_volumes_are_not_shoe_sizes(title: str) -> None:
    assert shoe_sizes(title) == []
