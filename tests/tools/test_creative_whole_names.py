"""A product keeps its whole name, and a value keeps the basis or range it was written in.

The classes of the seventeenth session's spent audits (v37-v42), in new wording: a name cut
to a word of itself ("Wooden button | whirligig", "jewelry | roll", "Button | covers"), a
material's name cut ("sterling | silver"), a range cut into two bare numbers ("10 Hz - 35
kHz"), a nutrition line's values split from "per 10 ml serving", an item's run-on clause
("each tin ..., holds 4 oz") and a set's "N x size" list cut into single sizes.
"""

from __future__ import annotations

import pytest

from tools.creatives.facts import parse_facts
from tools.creatives.kept_spans import kept_spans
from tools.creatives.listing_builder import build_listing
from tools.creatives.whole_name import clause_ends, cuts_material, noun_ring


@pytest.mark.parametrize(("brief", "head"), [
    ("Painted wooden spinner whirligig x 6, 5 cm disc, cotton string. Pull to spin.",
     "Painted wooden spinner whirligig x 6"),
    ("Travel cable roll in waxed canvas, 8 x 12 in. open. 4 elastic loops.",
     "Travel cable roll"),
    ("Zipper pulls, 10 pcs, brass, fits most jackets.", "Zipper pulls"),
    ("sterling silver signet ring, sizes 6-9, band 4mm", "sterling silver signet ring"),
    ("Photo holder keyring, stainless steel, 2 in.", "Photo holder keyring"),
])
def test_the_head_is_the_whole_name_not_a_word_of_it(brief: str, head: str) -> None:
    assert parse_facts(brief).head == head


def test_a_title_never_names_the_product_after_a_word_of_its_name() -> None:
    listing = build_listing(parse_facts("Wooden button whirligig x 4, 6 cm disc. Hums."), None)
    assert listing.title.startswith("Wooden Button Whirligig x 4"), listing.title
    assert all(k.startswith("wooden button whirligig") for k in listing.keywords)


@pytest.mark.parametrize("text", [
    "40 mm drivers, 32 ohm, 20 Hz - 40 kHz",
    "range 5 mm - 2 cm",
    "load 500 g - 2 kg",
])
def test_a_range_in_prefixed_units_is_kept_whole(text: str) -> None:
    spans = [text[s:e] for s, e in kept_spans(text)]
    assert any(" - " in s for s in spans), spans


def test_a_values_line_keeps_its_per_basis() -> None:
    brief = ("Nordlys oat drink, 1 l carton. Shake well.\n"
             "Nutrition per 100 ml: energy 190 kJ | sugars 3.3 g | fat 1.5 g")
    bullets = build_listing(parse_facts(brief), None).bullets
    assert any("per 100 ml: energy 190 kJ" in b and "sugars 3.3 g" in b and "fat 1.5 g" in b
               for b in bullets), bullets
    assert not any(b.lower().startswith("sugars") for b in bullets), bullets


def test_an_items_run_on_clause_stays_with_each() -> None:
    brief = "Canister set (set of 4)\nSIZE - each jar 4 in. tall, holds 20 oz\nGlass body."
    bullets = build_listing(parse_facts(brief), None).bullets
    assert any("each jar 4 in. tall, holds 20 oz" in b.lower() for b in bullets), bullets
    assert not any(b.startswith("Size and capacity: set of 4)") for b in bullets), bullets


def test_a_sets_count_by_size_list_is_one_fact() -> None:
    brief = "Paper lanterns, 6 pcs: 2 x 6 in, 2 x 8 in, 2 x 10 in. Colours: white, red."
    listing = build_listing(parse_facts(brief), None)
    assert any("2 x 6 in, 2 x 8 in, 2 x 10 in" in b for b in listing.bullets), listing.bullets
    assert "2 x 6 in" not in listing.title


def test_the_word_tests() -> None:
    assert noun_ring("keyring") and noun_ring("earring") and not noun_ring("filtering")
    assert clause_ends("Button covers, 6 pcs", 13) and not clause_ends("punches 12", 7)
    text = "sterling silver ring"
    assert cuts_material(text, text.index(" silver")) and not cuts_material(text, 15)


def test_a_bracketed_measure_keeps_its_each_and_leaves_the_name() -> None:
    parsed = parse_facts("Chew blocks x4 (6-8 cm each), natural pine. For rabbits.")
    assert parsed.head == "Chew blocks x4"
    assert any(s.text == "6-8 cm each" for s in parsed.segments)


def test_shares_of_one_count_stay_one_fact() -> None:
    brief = "B5 notebook refill: 60 sheets plain + 60 sheets grid, 90 gsm"
    bullets = build_listing(parse_facts(brief), None).bullets
    assert any("60 sheets plain + 60 sheets grid" in b for b in bullets), bullets


def test_a_clause_that_leaves_out_its_predicate_stays_with_the_one_before() -> None:
    brief = "Seat pad 40 x 40 cm, 4 cm thick. Cover is machine washable; insert is not."
    listing = build_listing(parse_facts(brief), None)
    assert "Not" not in listing.title, listing.title
    assert any("Cover is machine washable; insert is not" in b for b in listing.bullets)


def test_items_with_a_unit_full_stop_are_one_list() -> None:
    brief = "Pegboard kit - 40 PCS\n- 10 x 1 in. hooks, 10 x 2 in. hooks, 5 x 3 in. hooks"
    listing = build_listing(parse_facts(brief), None)
    assert "1 in. Hooks" not in listing.title, listing.title
    assert "5 x 3 in. hooks" in listing.description, listing.description


def test_a_container_keeps_its_in() -> None:
    listing = build_listing(parse_facts("Hand salve in a tin, 2 oz. Shea butter."), None)
    assert "A Tin" not in listing.title and "In the box" not in " ".join(listing.bullets)


def test_a_product_name_label_names_the_product() -> None:
    parsed = parse_facts("Product Name: Enamel Tea Kettle | Brand: Hearthly | Capacity: 2 qt")
    assert parsed.head == "Enamel Tea Kettle"


def test_a_list_of_levels_stays_in_one_bullet() -> None:
    brief = ("Mini bands x4: light, medium, heavy, extra heavy (colour-coded). "
             "Latex, 25 cm loop. Carry pouch incl.")
    bullets = build_listing(parse_facts(brief), None).bullets
    assert any("light, medium, heavy, extra heavy" in b.lower() for b in bullets), bullets


def test_a_place_after_a_comma_is_no_brand() -> None:
    parsed = parse_facts("Loose leaf green tea, 100 g, hand rolled, from Darjeeling. First flush.")
    assert parsed.brand is None
    assert parse_facts("Wax melts, 6 pack, scented, by Hearth & Wick").brand == "Hearth & Wick"


def test_a_brand_before_a_number_led_name_stays_the_brand() -> None:
    parsed = parse_facts("Reedly 21-key lyre harp, solid maple. Includes tuning key.")
    assert (parsed.brand, parsed.head) == ("Reedly", "21-key lyre harp")


def test_back_in_stock_is_one_notice() -> None:
    title = build_listing(parse_facts("back in stock monday 9am!! limit 1 per order"), None).title
    assert title.startswith("Back in Stock Monday"), title


def test_no_and_joins_a_fact_to_a_labels_list() -> None:
    brief = "Body butter, 8 oz. jar. Ingredients: shea butter, cocoa butter, vitamin E. Unscented."
    description = build_listing(parse_facts(brief), None).description
    assert "vitamin E and" not in description, description


def test_a_bare_noun_list_keeps_what_its_last_item_shares() -> None:
    listing = build_listing(parse_facts("Farm cot mobile: cow, sheep and pig in felt. "
                                        "Clamps to cot rails."), None)
    assert any("cow, sheep and pig in felt" in b for b in listing.bullets), listing.bullets
    assert "Cow" not in listing.title.split(", ")


def test_a_name_never_ends_inside_a_bracket() -> None:
    parsed = parse_facts("Dominoes set x2 (so 4 kids can play), 28 tiles each, oak. Ages 5+")
    assert parsed.head == "Dominoes set x2"


def test_an_all_caps_head_keeps_its_value() -> None:
    brief = ("MISTY ROSE TONER PADS\nCOUNT - 50 pads per jar\nSCENT - none added\n"
             "SKIN TYPES - dry, normal and sensitive")
    bullets = build_listing(parse_facts(brief), None).bullets
    assert any("SCENT - none added" in b for b in bullets), bullets
    assert not any(b.strip(".").lower() == "none added" for b in bullets), bullets


@pytest.mark.parametrize(("brief", "head"), [
    ("The Hearth bread box is two parts: an oak lid and a steel tin. Holds 2 loaves.",
     "The Hearth bread box"),
])
def test_a_name_never_ends_on_is(brief: str, head: str) -> None:
    assert parse_facts(brief).head == head
    title = build_listing(parse_facts("Glowly is a 5 in. night light, warm white."), None).title
    assert not title.split(",")[0].endswith(" Is"), title


def test_a_count_by_colour_is_one_list_and_a_per_item_count_no_title_count() -> None:
    listing = build_listing(parse_facts(
        "Chess pawns - 16 pcs: 8 white, 8 black. Boxwood, 1.5 in tall. Board not included."),
        None)
    assert "8 white" not in listing.title, listing.title
    assert "8 white and 8 black" in listing.description, listing.description
    title = build_listing(parse_facts(
        "knee sleeves | 1 pair per colour, pack of 3 pairs: red, blue, black | neoprene"),
        None).title
    assert "Per Colour" not in title, title


def test_a_company_suffix_does_not_end_the_name() -> None:
    parsed = parse_facts("Riverbend Co. Canvas Tote - Sand\nFABRIC - 12 oz cotton canvas")
    assert parsed.head.startswith("Riverbend Co. Canvas Tote"), parsed.head


def test_a_quoted_number_is_part_of_the_name() -> None:
    parsed = parse_facts("Glowly silver number candle '7' - 3 in tall, burns about 8 minutes.")
    assert parsed.head.endswith("candle '7'"), parsed.head
    assert any(s.text == "3 in tall" for s in parsed.segments)


def test_one_each_items_are_one_list() -> None:
    title = build_listing(parse_facts(
        "baby bibs 2pk, organic cotton. one plain grey, one star print. snap close."), None).title
    assert "One Plain Grey" not in title, title
