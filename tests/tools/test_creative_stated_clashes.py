"""Refuse a brief only when one thing gets two values; two parts of two materials are fine.

Audit v16 missed "Latex-free" beside "Material: natural rubber latex", "no batteries needed"
beside "Requires 4 AA batteries" and "Length: 6 ft" beside "this 3.3ft extension cable",
and refused a cotton mitten with a silicone ring, a flannel front with a sherpa back and a
cotton cloth with acrylic yarn. These briefs were written for these tests, apart from any
audit set.
"""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize(("brief", "named"), [
    ("Exam gloves, 100 ct. Latex-free. Material: natural rubber latex, powdered", "Latex-free"),
    ("Kids bath mat, PVC-free, non-slip\nMaterial: PVC", "PVC-free"),
    ("Wireless doorbell - no batteries needed (kinetic button). Requires 2 AAA batteries.",
     "no batteries needed"),
    ("Garden gnome solar light, battery-free design; runs on 1 AA battery", "battery"),
    ("HDMI Cable\nLength: 10 ft (3 m)\n4K@120Hz\nThis 6 ft HDMI cable fits any desk.", "6 ft"),
    ("Phone charging cord, Length: 2 m, a handy 1 m charging cord for travel", "1 m"),
    ("Space heater\nPower: 1500W\nThis quiet 1000W heater warms small rooms", "1000W"),
    ("Yoga mat, Weight: 2.5 lb, this light 1.2 lb mat rolls up small", "1.2 lb"),
    ("Talking plush bear, uses 2 x AA batteries. Batteries: 3 x AAA (not included)", "AA"),
    ("Dish towels 4 pack, cotton, 16 x 28 in. Set of 6 in assorted colors", "Set of 6"),
    ("Baby blanket, muslin, machine washable. Hand wash only.", "Hand wash only"),
    ("Granola bites, nut-free, 12 bars. Contains tree nuts (almonds)", "nut-free"),
    ("Leather wallet, Made in Italy, 8 card slots | Country of origin: Vietnam", "Vietnam"),
    ("Soldering Iron 80W | adjustable temp. | Rated power: 40W | 5 tips", "40W"),
    ("Wool scarf | Care: machine washable | HAND WASH ONLY", "HAND WASH ONLY"),
])
def test_one_thing_given_two_values_is_refused_by_name(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError, match=named):
        check_contradictions(brief)


def test_the_refusal_quotes_the_share_without_the_next_line() -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions("Beanie\nFabric: 100% cashmere\nRibbed cuff\nComposition: 70% "
                             "acrylic, 30% wool")
    assert "100% cashmere'" in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("brief", [
    # two parts, each with its own material
    "Bib set, 3 pack\nBib: 100% cotton, pocket: food-grade silicone\nSnap closure",
    "Reversible blanket 60 x 80 in.\nTop: velvet (100% polyester) / bottom: sherpa (100% "
    "polyester)\nMachine washable",
    "Embroidery kit: 2 hoops, linen fabric 12 x 12 in. (100% cotton), 20 skeins polyester "
    "floss, needles",
    # a "free" list, an included battery, a plug's size: no second value of the same thing
    "Teether 100% BPA, PVC & latex free, food-grade silicone",
    "Solar fountain pump, no batteries needed, built-in 1500mAh battery included",
    "Extension cord\nLength: 6 ft\n3-prong plug, 1 in. wide flat plug",
    "Dog toy, squeaker inside, not for dogs under 10 lbs, for medium dogs",
    "Space heater\nPower: 1500W (750W low setting)\nThis 1500W heater has 2 modes",
    "Game set\nController: 2 x AAA batteries\nReceiver: 1 x CR2032 battery",
    "Flashlight, Weight: 6 oz (170 g), a 6 oz flashlight for any pocket",
    "Paper plates 100 ct, 2 pack, 9 in.",
    "Duvet set: cover machine washable; Insert: spot clean only",
    "Tumblers, 4 pack, 16 oz each, lids hand wash only, cups dishwasher safe",
    "Granola bites, nut-free, 12 bars. Contains oats and honey",
    "Leather wallet, Made in Italy | Country of origin: Italy | 8 card slots",
    "Soldering Iron 60W | Rated power: 60W | 5 tips",
])
def test_no_refusal_without_a_clash(brief: str) -> None:
    check_contradictions(brief)
