"""Model sentences carry a brief's facts only as its whole segments (audits v4-v7)."""

from __future__ import annotations

import pytest

from tools.creatives.closed_world import Support
from tools.creatives.facts import parse_facts
from tools.creatives.listing import checked_listing, tidy
from tools.creatives.listing_builder import build_listing
from tools.creatives.segment_binding import Segments, check_segments


def kept(sentence: str, brief: str) -> bool:
    """True when the whole-segment check lets ``sentence`` through for ``brief``."""
    return not check_segments(sentence, Segments.of(parse_facts(brief)))


@pytest.mark.parametrize(("brief", "sentence"), [
    # a part's fact moved onto the product: a run cut out of a longer segment
    ("belt bag water resistant nylon, adjustable strap fits waist 24-45 in, 4 zip pockets",
     "This belt bag is adjustable."),
    ("wooden chess set 15 in folding board, hand carved pieces", "This chess set measures 15 in."),
    ("Nursing pillow with removable cover, 100% cotton cover, machine washable",
     "This nursing pillow is made of 100% cotton."),
    ("heavy punching bag 70 lb unfilled? no - filled, 4 ft, chain & swivel included",
     "This heavy punching bag is 70 lb unfilled."),
    ("dog life jacket with rescue handle, reflective, sizes XS-XL",
     "It has a rescue handle and a size XS-XL."),
    ("bird cage 30 inch, 2 feeders, slide out tray", "It has a tray and a slide out tray."),
    # after "is" a part is not what the product is
    ("Nursing pillow with removable cover, 100% cotton cover", "It is 100% cotton cover."),
    ("jumper cables 4 gauge 20 ft, heavy duty clamps, carry bag", "They are heavy duty clamps."),
    # a type inside the head is no name of the product
    ("water filter pitcher 10 cup, 1 filter included", "It is a 10 cup filter."),
    # a fragment that does not open with the product
    ("caulking gun 10 oz, dripless, 12:1 thrust ratio", "Dripless."),
])
def test_a_fact_cut_from_its_segment_or_bound_to_a_part_is_dropped(brief: str,
                                                                    sentence: str) -> None:
    assert not kept(sentence, brief)


@pytest.mark.parametrize(("brief", "sentence"), [
    ("belt bag water resistant nylon, adjustable strap fits waist 24-45 in",
     "It has an adjustable strap fits waist 24-45 in."),
    ("Nursing pillow with removable cover, 100% cotton cover, machine washable",
     "It has a 100% cotton cover and is machine washable."),
    ("compression socks 20-30 mmHg, unisex, 3 pairs", "They are unisex."),
    ("fabric shower curtain 72x72, waterproof, machine washable",
     "It is waterproof and machine washable."),
    ("Grainly rice cooker 6 cup, keep warm function, steamer tray included",
     "It includes a steamer tray."),
    ("snuffle mat for dogs, slows down eating, machine washable", "This snuffle mat is for dogs."),
    ("Hydra stainless steel water bottle 750ml, keeps drinks cold 24 hours",
     "This water bottle holds 750ml and keeps drinks cold 24 hours."),
])
def test_whole_segments_bound_as_the_brief_binds_them_are_kept(brief: str,
                                                               sentence: str) -> None:
    assert kept(sentence, brief)


def test_an_included_item_is_only_said_as_included() -> None:
    brief = "Grainly rice cooker 6 cup, steamer tray included"
    assert not kept("It is a steamer tray.", brief)
    assert not kept("It has a steamer tray.", brief)  # its words alone only after "includes"


def test_the_listing_drops_a_model_sentence_that_cuts_a_segment_and_says_why() -> None:
    brief = "wooden chess set 15 in folding board, hand carved pieces, storage slots inside"
    parsed = parse_facts(brief)
    support = Support.of([brief], names=[parsed.head])
    model = "This wooden chess set measures 15 in. It has hand carved pieces."
    listing, dropped, n = checked_listing(build_listing(parsed), model, support, parsed)
    assert n == 1 and listing.description.endswith("It has hand carved pieces.")
    assert "measures 15 in" not in listing.description
    assert [d["sentence"] for d in dropped] == ["This wooden chess set measures 15 in."]


def test_only_the_model_s_articles_are_tidied() -> None:
    assert tidy("It has a 6 speeds and a auto shut-off.") == "It has 6 speeds and an auto shut-off."
    assert tidy("It has an 8 hour timer and a user guide.") == (
        "It has an 8 hour timer and a user guide.")


def test_an_item_not_included_is_not_put_in_the_box() -> None:
    bullets = build_listing(parse_facts("velvet pillow covers 18x18 inch, inserts not included, "
                                        "zipper pouch included")).bullets
    assert "Inserts not included." in bullets  # no "Features:" heading
    assert "In the box: zipper pouch included." in bullets
    assert not any(b.startswith("In the box") and "not" in b for b in bullets)


def test_a_negated_property_is_what_the_product_is() -> None:
    assert kept("It is a non-slip yoga mat made of tpe.", "yoga mat, made of tpe, non-slip")
    assert not kept("It is a non-slip base yoga mat.", "yoga mat, non-slip base")


def test_a_plug_in_product_and_a_3_in_1_name_after_audit_v8() -> None:
    lights = parse_facts("plug in night lights 2 pack, dusk to dawn sensor")
    assert lights.head == "plug in night lights"  # no "Plug" product with "in" as a cue
    assert "plug" not in build_listing(lights).keywords
    meter = build_listing(parse_facts("3-in-1 soil meter, moisture, light and pH"))
    assert meter.title.startswith("3-in-1 Soil Meter") and "3-in-1 soil meter" in meter.keywords
    assert not any("3-in." in b for b in meter.bullets)  # no 3 inch size
    assert parse_facts("socks in 3 colors, cotton").head == "socks"
