"""Sizes listed in one sentence, a package's or another product's measure: no clash."""

from __future__ import annotations

import pytest

from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize("brief", [
    "Watch band, silicone. Two sizes: Large for 7.1\" - 8.7\" wrists, Small for 5.5\" - 7.1\" "
    "wrists.",
    "Weighted blanket, glass beads. Sizes available: 48x72 in 12lbs blanket, 60x80 in 15lbs "
    "blanket.",
    "Screwdriver, stubby.\nPackage size / length: 160 mm\nTotal length: 55.5 mm.",
    "80W UV LED nail lamp. Cures twice as fast as the other 48W lamp.",
    "Half gallon water bottle, 64 oz, with straw. Fits a 1/2 gallon water bottle sleeve.",
    "Sport Mechanical Pencil 0.7 mm Black\nRefillable pencil with eraser\nThe pencil has a length "
    "of 10.5 cm and a weight of 12 g.",
])
def test_listed_sizes_and_other_things_measures_are_no_clash(brief: str) -> None:
    check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    "Coffee machine, 6 drinks: espresso, two coffees, milk foam.\nEight coffee strength levels.",
    "Tablet case for Fire HD 10 (2015 & 2017 Release)\nFits the 2017 Release and the 2015 "
    "Release.",
    "27 Pieces Camping Sporks, 9 colours\nIn 9 colours, 3 pieces for each colour.",
])
def test_a_count_of_levels_a_year_or_per_colour_is_no_count_clash(brief: str) -> None:
    check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    "Wireless light switch kit, no wiring.\nThe receiver was wired between power and lamp.",
    "Paper coffee filters, disposable, 100 pack.\nCan be used with all reusable K-Carafe filters.",
    "Silicone band, fadeless print.\nThe print will not be faded by sweat.",
    "Monk fruit sweetener, perfect for cookies and other sugar-free treats.\nMonk fruit "
    "contains natural sugars.",
    "Coffee machine\nWater capacity \u2013 91.5 oz. | Bean container capacity (x2) \u2013 9.88 oz.",
])
def test_another_things_value_or_a_denied_form_is_no_clash(brief: str) -> None:
    check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    "Waist trainer, black. Inner layer 96% cotton + 4% spandex; mid layer of 100% latex; outer "
    "layer nylon & spandex.",
    "Cooling blanket with 100% pure natural bamboo viscose, 15 lbs, queen.",
    "Skirt, 60g 50% recycled wool insulation.\nSide panels: 46% polyester, 38% merino wool, 16% "
    "elastane.",
])
def test_a_layers_or_a_fillings_share_is_no_material_clash(brief: str) -> None:
    check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    "Travel mug 350 ml\nLid: not dishwasher safe\nBody: dishwasher safe",
    "Knife block\nBlock: magnetic acacia\nKnives not included; non-magnetic ceramic knives will "
    "not stick",
    "Wall paint 1 L\nBase: water\nClean up with water; not for oil-based primers",
    "Card wallet, leather\nLining: none\nLined card slots keep cards snug",
    "Organic tea, caffeine-free.\nIngredients: rooibos, vanilla.\nCaffeine: 0 mg",
])
def test_two_parts_lines_a_fitted_thing_or_a_zero_are_no_clash(brief: str) -> None:
    check_contradictions(brief)


def test_named_items_measures_are_no_clash() -> None:
    check_contradictions("Toy car set, 3 rides\nJoker ride measures 11 in high, 9 in wide; "
                         "Penguin ride measures 5 in high, 16 in wide")


def test_a_value_word_that_names_the_product_is_no_clash() -> None:
    check_contradictions("Matte Liquid Lipstick Set, 6 Colors, Waterproof Lip Gloss\nCharming "
                         "matte, long-lasting.\nFull-size lip gloss in 6 popular colors.")


def test_a_full_quick_charge_and_a_charging_time_apart_are_refused() -> None:
    from knowledge.errors import InvalidRequestError

    with pytest.raises(InvalidRequestError):
        check_contradictions("Neck fan\nQuick charge: full in just 45 minutes.\nSpecs - Charging "
                             "time: 6 hours")
    check_contradictions("Earbuds\nFast charge: 10 min gives 2 hours of play.\nCharging time: "
                         "1.5 hours")
