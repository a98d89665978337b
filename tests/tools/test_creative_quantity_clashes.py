"""Counts, capacities, weights, times, ages and power given two values (creatives/attribute_*).

A brief a merchant would paste that gives the product two pack sizes, two capacities (units
converted, numbers as words), two weights, two runtimes or timers, two age ranges that share
no age, two audiences or two power sources is refused with a message naming both sides;
the honest lookalikes (counts that multiply, a set's items, accessories' sizes, dual power,
ranges and limits, per-charge beside total times, overlapping ages) pass.
"""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_counts import item_counts
from tools.creatives.attribute_ranges import ranges_meet
from tools.creatives.contradictions import check_contradictions
from tools.creatives.facts import validate_brief


@pytest.mark.parametrize(("brief", "first", "second"), [
    # count / pack size, wherever the two statements are
    ("Pack of 24 AA alkaline batteries, 10-year shelf life.\nQuantity: 12 batteries",
     "Pack of 24", "12 batteries"),
    ("Set of 6 stemless wine glasses, 16 oz, lead-free crystal. What's in the box: 4 glasses",
     "Set of 6", "4 glasses"),
    ("100 count heavy duty paper plates, 9 inch.\nPACK SIZE: 50 plates", "100 count",
     "50 plates"),
    ("SET OF SIX cloth napkins, 100% cotton, 20 x 20 in.\nPACKAGE INCLUDES: 4 napkins",
     "SET OF SIX", "4 napkins"),
    ("Napkins, pack of 50.\nCOUNT: 100 napkins", "pack of 50", "100 napkins"),
    ("Ceramic mugs, set of four, 12 oz each. Includes two mugs", "set of four", "two mugs"),
    # capacity, units converted and numbers as words
    ("Two-quart saucepan with glass lid, tri-ply stainless. Capacity: 1 gallon",
     "Two-quart", "1 gallon"),
    ("Stainless saucepan, 2 qt, tri-ply, glass lid.\nCAPACITY: 1 gallon", "2 qt", "1 gallon"),
    ("Tilt-head stand mixer with 5-quart stainless bowl, 10 speeds. Bowl capacity: 3.5 qt",
     "5-quart", "3.5 qt"),
    ("Water bottle 32 oz, Tritan. CAPACITY - 500 ml", "32 oz", "CAPACITY - 500 ml"),
    # weight
    ("20 lb cast iron kettlebell, wide handle, flat base. Weight: 35 lb", "20 lb", "35 lb"),
    ("Grain-free salmon dog food, 30 lb bag, real salmon first. Net wt: 15 lb", "30 lb bag",
     "15 lb"),
    # time
    ("Wireless earbuds, 8 hours playtime per charge, Bluetooth 5.3. Battery life: 5 hours per "
     "charge", "8 hours playtime", "5 hours"),
    ("ANC headphones\nBATTERY LIFE - 30 hours\nPLAYTIME: 20 hours", "BATTERY LIFE - 30 hours",
     "PLAYTIME: 20 hours"),
    ("Flameless LED pillar candles, set of 3, with a 6-hour timer (on 6 hours, off 18). Timer: "
     "8 hours on, 16 hours off", "6-hour timer", "8 hours"),
    ("Scented soy candle, 8 oz jar, 50 hour burn time. Burn time: 30 hours", "50 hour",
     "30 hours"),
    # age range / audience
    ("STEM robot building kit for ages 8-12, 200+ pieces. | AGE RANGE: 3-5 years",
     "ages 8-12", "3-5 years"),
    ("chunky toddler puzzle for kids 2-4 yrs, 6 big wooden pieces. age: 14 years and up",
     "2-4 yrs", "14 years and up"),
    ("Wooden toddler puzzle, 6 chunky pieces. Ages 8+", "toddler", "Ages 8+"),
    ("Science kit for ages 3-5, 40 experiments. Not for children under 8 years.", "ages 3-5",
     "under 8"),
    ("Women's packable rain jacket in navy, waterproof shell.\nGender: Mens", "Women's",
     "Mens"),
    ("Men's leather belt, brown. Department: Womens", "Men's", "Womens"),
    # power source
    ("Battery-operated fairy lights, 100 LEDs on 33 ft wire. | Power: USB plug-in only",
     "Battery-operated", "USB plug-in only"),
    ("Solar powered path lights, pack of 8, warm white. Powered by mains: plug the "
     "transformer into an outdoor socket.", "Solar powered", "Powered by mains"),
])
def test_two_values_of_one_quantity_are_refused_naming_both(brief: str, first: str,
                                                             second: str) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(validate_brief(brief))
    assert first in str(err.value) and second in str(err.value)


@pytest.mark.parametrize("brief", [
    # counts that multiply, a set's items, other nouns, spares
    "AA batteries, 24 count: 4 boxes of 6, alkaline, 10-year shelf life.",
    "Pack of 24 AA batteries: 2 packs of 12 batteries each.",
    "Kitchen towels 2-pack, 100% cotton waffle weave. Package includes: 6 towels",
    "Set of 4 woven placemats plus 4 matching napkins (8 pieces total), cotton.",
    "Set of 3 storage bins. Includes 2 large bins and 1 small bin.",
    "Set of 6 wine glasses plus 2 decanters. Includes 6 glasses and 2 decanters",
    # accessories' capacities, units that agree, a set of sizes
    "High-speed blender with 64 oz pitcher plus a 20 oz to-go cup, 1200W, 6 speeds.",
    "Stainless saucepan, 2 qt (64 oz), tri-ply, glass lid.\nCapacity: 64 oz",
    "Nesting mixing bowls, set of 3: small 1 qt, medium 2 qt, large 3 qt. Stainless steel.",
    "Travel backpack, 25L main compartment, expandable to 30L, fits 16 in laptop.",
    # limits and sets of weights
    "Aluminum laptop stand, weighs 2 lb, holds laptops up to 15 lb, 6 height levels.",
    "Kettlebell set: 10 lb, 15 lb and 20 lb (45 lb total), vinyl coated, with storage rack.",
    "Dog food, 30 lb bag (two 15 lb bags). Net wt: 30 lb",
    # per charge beside total, modes, options
    "Wireless earbuds: 8 hours per charge, 32 hours total with the charging case.",
    "6 qt slow cooker, cooks in 4 hours on high or 8 hours on low, then keeps warm.",
    "Desk lamp with 30-minute or 60-minute auto-off timer. 3 brightness levels",
    # overlapping ages, warnings that agree
    "Kids tablet for ages 3-7, parental controls. Ages 5 and up for the app store.",
    "Building set for ages 6-12. Recommended age: 8+",
    "Family board game for ages 8 and up, 2-6 players. WARNING: not for children under 3.",
    "Balance bike for ages 18 months to 4 years, adjustable seat 12-16 in, no pedals.",
    "Toddler Tower, adjustable height. Age: 18 months to 4 years",
    # audiences said together, dual power, a second mode
    "Men's running shoes, sizes 7-13. Women's sizes 8.5-14.5",
    "Crocs Unisex Men's Classic Clog\nGender: Women",
    "Men's belt that can also be used for women, braided elastic.\nGender: Men",
    "Bedside alarm clock, dual power: runs on 4 AA batteries or the USB cable (included).",
    "Solar string lights, 48 ft, 15 bulbs, with USB backup charging for cloudy days.",
    "Solar powered path lights with rechargeable battery, battery operated at night.",
    "Wireless mouse with USB receiver, 2.4GHz. Also works wired via USB-C",
])
def test_honest_lookalikes_pass(brief: str) -> None:
    check_contradictions(validate_brief(brief))


def test_a_pack_of_n_packs_may_hold_a_multiple_of_its_items() -> None:
    assert item_counts("Towels 2-pack. Package includes: 6 towels") == []
    sides = item_counts("Towels, pack of 4 towels. Package includes: 6 towels")
    assert [s.value for s in sides] == ["4", "6"]


def test_age_ranges_clash_only_when_they_share_no_age() -> None:
    assert ranges_meet((96.0, float("inf")), (72.0, 168.0))
    assert not ranges_meet((96.0, 144.0), (36.0, 60.0))
