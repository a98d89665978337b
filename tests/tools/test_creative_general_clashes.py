"""Contradictions found by structure, not by a listed family (tools/creatives/clash_*.py).

A word affirmed in one clause and denied in another in another form of its stem, one event
given two times, a labelled slot given another value elsewhere; and the lookalikes each
mechanism must leave alone (parts, options, states, instructions, descriptions).
"""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions
from tools.creatives.facts import parse_facts, validate_brief
from tools.creatives.listing_builder import build_listing
from tools.creatives.view_names import listing_view


@pytest.mark.parametrize(("brief", "named"), [
    ("Chair cover, stretchy one-piece. Non-stretch fabric, it will not give.", "Non-stretch"),
    ("Insulated lunch bag, 10 x 8 in. Uninsulated canvas, wipe clean.", "Uninsulated"),
    ("Yoga strap, 8 ft. Elastic feel. The strap is not elastic.", "not elastic"),
    ("Whiteboard, 24 x 36 in., magnetic. Non-magnetic surface, use tape.", "Non-magnetic"),
    ("Stamp, ready to ship in 1 business day. Made to order: please allow 2-3 weeks before "
     "it ships.", "2-3 weeks"),
    ("Power bank 10000mAh. Charging time: 2 hrs. Recharges in 6 hours.", "6 hours"),
    ("Irish tin whistle in the key of D. Brass body. Key: C.", "key of D"),
    ("Bread knife, 8 in. blade with a serrated edge.\nEdge: smooth straight edge", "serrated"),
    ("Kids jigsaw puzzle, 500 pieces, 18 x 24 in.\nPiece count: 1000", "Piece count: 1000"),
    ("Desk lamp, warm white 2700K. Gives a crisp daylight glow (6500K).", "6500K"),
    ("Dice game for 3-6 players, 20 min. A solo puzzle made for one player only.", "one player"),
    ("Rain poncho. Colour: Sunflower yellow\nSolid navy all over, no other colour.", "navy"),
    ("Fern seeds. Plant in full sun. Shade lover: keep out of direct sun.", "direct sun"),
    ("Gauze pads, 4 x 4 in. Sterile: each sealed. Packed non-sterile in bulk.", "non-sterile"),
])
def test_a_contradiction_of_an_unlisted_kind_is_refused(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(validate_brief(brief))
    assert named in str(err.value)


@pytest.mark.parametrize("brief", [
    "Stretch jeans, 32 in. inseam, with a non-stretch waistband.",
    "Waterproof jacket with a non-waterproof inner pocket.",
    "Napkins, 125 pack. Folded size 7 x 4 in. Unfolded dimensions: 17 x 15 in.",
    "Foldable sit pad, 15 x 11 in. unfolded, 6 panels.",
    "Screen cleaner spray, 8 oz. Do not spray directly on screen.",
    "Pants with belt loops and a non-functional button. Functional pockets.",
    "Surfboard: one big fin is removable, two small fins are unremovable.",
    "Belt, stay comfortable all day without an uncomfortable buckle.",
    "Ships in 1 business day. Personalised orders: allow 2-3 weeks before they ship.",
    "Ships within 24 hours. Allow 5-7 days for delivery.",
    "Earbuds charge in 1.5 hours; the case recharges in 2 hours via USB-C.",
    "Harmonica set: key of C and key of G.",
    "Fit: relaxed\nComfortable fit for all-day wear.",
    "Sponge holder. Sponge: cellulose. Comes with 2 replacement sponges.",
    "Mitten teether. Mitten: 100% cotton. Teething mitten for 3-12 months.",
    "Guidebook: German only\nNo English guidebook included.",
    "Unscented candle set of 3. Add scented oil to the reservoir if you like.",
    "Wall clock, silent non-ticking movement. Movement: quartz",
    "Nylon leash, non-reflective. Reflective collar sold separately.",
    "Tent. Rainfly: waterproof. Mesh inner tent is not waterproof.",
    "Blender, 6 speeds. Speed: variable. Pulse speed for ice.",
    "Jacket. Closure: zip\nZipper closure, 2 hand pockets.",
    "Thermal paste, non-conductive. Caution: keep off pins.",
    "Modelling clay, 12 colours x 2 oz = 24 oz total, air-dries in 24 hrs.",
    "Lino cutter set: 1 wood handle + 5 blades. For lino and soft-cut blocks (not wood).",
    "Bulb pack: 2700K, 4000K, 6500K, one of each.",
    "Cribbage board, 3-track (2 or 3 players, 4 as partners), walnut.",
    "Rain cape. Colour: Grey\nCharcoal grey all over.",
    "Fern. Needs bright indirect light. Avoid direct sun.",
    "Orchid pot. Needs water weekly; avoid water on leaves.",
])
def test_a_lookalike_is_not_refused(brief: str) -> None:
    check_contradictions(validate_brief(brief))


@pytest.mark.parametrize(("brief", "kept"), [
    ("Hitch pin and clip 5/8 in. fits Class III receivers, zinc plated", "Hitch Pin and Clip"),
    ("Heads up: shop closed Dec 24 - Jan 2. Orders ship on Jan 3.", "Dec 24 - Jan 2"),
    ("natural coffee wood chew stick for dogs, size M (6-7 in)", "Coffee Wood Chew Stick"),
    ("String trimmer line .095 in. x 200 ft, twisted, nylon copolymer.", ".095 in. x 200 ft"),
])
def test_a_name_or_a_date_keeps_its_words(brief: str, kept: str) -> None:
    """A second item named with the product, a date range, a wood's tree and a size stay whole."""
    parsed = parse_facts(brief)
    listing = build_listing(listing_view(parsed), parsed.brand)
    assert kept in " | ".join([listing.title, *listing.bullets])
