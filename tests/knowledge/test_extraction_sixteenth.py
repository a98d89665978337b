"""Readings made general from spent gold sets' error classes (X6, sixteenth session)."""

from __future__ import annotations

from typing import Any

from knowledge.extraction.audiences import find_audiences
from knowledge.extraction.extract import extract
from knowledge.extraction.finders import find_title_colors


def _attrs(title: str, bullets: list[str] | None = None) -> dict[str, Any]:
    return dict(extract(title, bullets or []).attributes)


def _who(text: str) -> list[str]:
    return [a for a, _, _ in find_audiences(text, title=False)]


def test_an_audience_word_before_a_noun_only_modifies_it() -> None:
    assert _who("Perfect for kids room decor, guest beds or dorms") == []
    assert _who("Also the bags could be used for the cat litter waste") == []
    assert _who("Posters for girls or boys bedroom decor") == []


def test_an_audience_word_before_a_verb_or_a_joined_word_stays() -> None:
    assert _who("This building set for kids features 5 mini dolls") == ["kids"]
    assert _who("Great fun for kids and adults alike") == ["kids", "adults"]
    assert _who("A snorkeling set for adults and teens comes with straps") == ["adults", "teens"]
    assert _who("A board game for kids playing at home") == ["kids"]


def test_an_audience_word_before_the_products_own_noun_stays() -> None:
    assert [a for a, _, _ in find_audiences("Soft beds for dogs beds", title=False,
                                            own={"bed"})] == ["dogs"]


def test_colours_offered_besides_this_one_are_not_its_colours() -> None:
    title = "Binder with Pockets, Also Available in Red, Blue, Pink, and Grey (1 PC) - by Enday"
    assert find_title_colors(title, []) == []
    kept = find_title_colors("Binder, Black, Also Available in Red and Blue", [])
    assert [c for c, _, _ in kept] == ["black"]


def test_a_colour_before_an_accessory_is_the_accessorys() -> None:
    assert "colors" not in _attrs("Cobalt Drill Bit Set, 29 Pc, Orange Steel Case")
    assert _attrs("Silicone Phone Case, Black")["colors"] == ["black"]


def test_a_colour_naming_a_flavour_is_no_colour() -> None:
    assert find_title_colors("Vegan Dessert Mix - Orange Flavor (Pack of 3)", []) == []


def test_multi_before_a_count_of_doses_is_a_multivitamin() -> None:
    assert find_title_colors("mykind Organics Women's Once Daily Multi - 60 Tablets", []) == []
    assert [c for c, _, _ in find_title_colors("Strappy Sandal, Navy Multi, 7 M US", [])] \
        == ["navy", "multicolor"]


def _sizes(title: str) -> list[str]:
    return list(_attrs(title).get("sizes", []))


def test_a_whole_number_written_with_a_zero_decimal_is_written_whole() -> None:
    assert _sizes("8.0 inch Tablet Case, Universal Pro") == ["8in"]
    assert _sizes("Charger with 2A 6.0 Ft Micro-USB Cable") == ["6ft"]


def test_two_numbers_not_in_lowest_terms_are_two_variants() -> None:
    assert _sizes("PASER 24/32 oz Water Bottle with Straw") == ["24oz"]
    assert _sizes("Measuring Cup 3/4 oz") == ["3/4oz"]


def test_a_length_with_the_foot_mark() -> None:
    assert _sizes("YWH Pink SUP Inflatable Paddle Board - 10.6' Lightweight Paddleboard") \
        == ["10.6ft"]
    assert _sizes("Mousa Inflatable Paddle Board, 11' x 34'' x 6'' Dual Player") == []
    assert _sizes("Retro 90's Sunglasses") == []


def test_a_title_separator_after_a_measure_is_no_range() -> None:
    assert _sizes("Weighted Blanket 15 pounds - 60 x 80 inch Queen") == ["15lb"]
    assert "18in" not in _sizes('Dog Collar | Large 18" - 28", 2" Wide')


def test_inches_written_short_with_a_space() -> None:
    assert _sizes("Coast DX126 1.2 In. Stainless Steel Razor Blade Pocket Knife") == ["1.2in"]
    assert _sizes("Leather Strong Strap (0.5 in.) Wide") == ["0.5in"]
    assert _sizes("2 in 1 Charger") == []
    assert _sizes("BOSCH 1/8 In. x 6 In. Extra Length Drill Bit") == []


def test_an_audience_word_naming_a_room_or_urine_is_no_audience() -> None:
    title = "Cowboy Wall Art for Men's Bedroom Office Canvas Poster"
    assert [a for a, _, _ in find_audiences(title, title=True)] == []
    title = "Citrus Deodorizer for Dog or Cat Urine Smells on Carpet"
    assert "cats" not in [a for a, _, _ in find_audiences(title, title=True)]


def test_a_feature_said_once_late_in_long_bullets_is_kept() -> None:
    filler = ["Plain words about the maker and its story. " * 9] * 4  # about 1,550 characters
    late = _attrs("Storage Box", [*filler, "Also lightweight for travel."])
    assert "lightweight" in late["features"]


def test_an_audience_said_once_late_in_the_bullets_is_kept() -> None:
    filler = ["Plain words about the maker and its story. " * 6] * 3  # about 770 characters
    late = _attrs("Storage Box", [*filler, "Great for kids and adults."])
    assert late["audiences"] == ["kids", "adults"]


def test_size_forms_from_the_twenty_first_set() -> None:
    assert _sizes("Carhartt Dungaree Flannel Lined Pants, Carhartt Brown, 36W x 32L US") \
        == ["36x32"]
    assert _sizes("Dansko Women's Kane Black Slip On Mule 8.5-9 M US") == ["8.5-9"]
    assert _sizes("Baby Bunting, Navy, 12-18 Months US") == ["12-18m"]
    assert _sizes("Benchtop Metal Cutting Band Saw - 5in. x 4 7/8in, 400 Watts") == ["5in"]
    assert "10.5" not in _sizes('Kraft Gift Bags Small Size 10.5" x 3.2" x 8", Black')
    assert _sizes("Made For Amazon, 15W Type-C Wall Charger with USB-C Cable - Black") == []


def test_common_types_from_the_general_vocabulary() -> None:
    assert _attrs("Kenneth Cole Men's Chief Council Oxford, Cognac, 10.5 M US")["type"] == "oxford"
    assert _attrs("Blue Buffalo Grain Free Soft-Moist Cat Treats, 8-oz Bag")["type"] == "cat treat"
    assert _attrs("Aqueon Aquarium Silicone Sealant Clear 3 Ounces")["type"] == "sealant"
    assert _attrs("Waist Trainer Tummy Control Panties").get("type") != "tummy control"


def test_fabric_and_board_names_labellers_write() -> None:
    assert "french terry" in _attrs("Hanes Women's French Terry Hoodie, Black")["materials"]
    assert "flannel" in _attrs("Carhartt Men's Flannel Lined Jean, 32W X 32L")["materials"]
    assert "wheat straw" in _attrs("4 Sets Wheat Straw Cutlery, Portable Cutlery")["materials"]
