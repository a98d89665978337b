"""The title's own value beside a labelled spec line's other value (creatives/clash_title_specs).

A brief whose title says what the product is ("CAST IRON SKILLET", "Argan oil shampoo 16 fl
oz", "Set of 6 wine glasses") and whose spec line gives the same attribute another value
("Material: stainless steel", "Net contents: 250 ml", "Package contains: four glasses") is
refused naming both; lookalikes (a part's line, a list that includes the title's value,
options, ranges, sets that multiply, per-charge beside total, conversions that agree) pass.
"""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_title_specs import check_title_specs
from tools.creatives.contradictions import check_contradictions
from tools.creatives.spec_lines import amounts, number, spec_lines


@pytest.mark.parametrize(("brief", "first", "second"), [
    ("CARBON STEEL WOK 14 IN\nFlat bottom, oven safe.\nMaterial: enamelled cast iron, one piece",
     "CARBON STEEL WOK 14 IN", "Material: enamelled cast iron, one piece"),
    ("Bamboo cutting board with juice groove, 18 x 12 in.\nComposition: 100% acacia wood",
     "Bamboo cutting board", "Composition: 100% acacia wood"),
    ("Merino wool beanie, ribbed cuff.\nFabric: 100% acrylic, soft hand feel",
     "Merino wool beanie", "Fabric: 100% acrylic"),
    ("Red enamel teapot, 1.2 L, for stovetops.\nColor: cobalt blue", "Red enamel teapot",
     "Color: cobalt blue"),
    ("Conditioner 12 fl oz, for curly hair.\nNet contents: 1 litre", "12 fl oz",
     "Net contents: 1 litre"),
    ("Insulated tumbler 30 oz with straw lid.\nCapacity: fifteen ounces", "30 oz",
     "Capacity: fifteen ounces"),
    ("Kettlebell 35 lb, cast iron, flat base.\nItem weight: 8 kg", "35 lb", "Item weight: 8 kg"),
    ("Napkin rings, set of 8, brass.\nPackage includes: six napkin rings", "set of 8",
     "Package includes: six napkin rings"),
    ("8x10 area rug, low pile.\nDimensions: 4 ft x 6 ft", "8x10", "Dimensions: 4 ft x 6 ft"),
    ("Queen quilt set, cotton.\nSize: Twin", "Queen", "Size: Twin"),
    ("Portable speaker, 20 hours playtime per charge, IPX7.\nBattery life: 6 hrs", "20 hours",
     "Battery life: 6 hrs"),
    ("Teething ring for babies 3-6 months, BPA-free.\nAge: 3 years+", "3-6 months",
     "Age: 3 years+"),
    ("Bluetooth wireless mouse, silent clicks.\nConnection: wired USB cable", None,
     "Connection: wired USB cable"),
    ("Waterproof fitness tracker, heart rate, sleep.\nWater resistance: none", "Waterproof",
     "Water resistance: none"),
    ("3/8 inch drive ratchet, 72 teeth, quick release.\nDrive size: 1/4 in", "3/8 inch drive",
     "Drive size: 1/4 in"),
    ("Floor lamp set of 2, linen shades.\nIncludes 1 lamp", "set of 2", "Includes 1 lamp"),
])
def test_title_and_spec_line_that_disagree_are_refused(brief: str, first: str | None,
                                                       second: str | None) -> None:
    """The refusal names the title's value and the spec line as the brief writes them."""
    with pytest.raises(InvalidRequestError):
        check_contradictions(brief)
    with pytest.raises(InvalidRequestError) as err:
        check_title_specs(brief)
    message = str(err.value)
    for side in (first, second):
        if side is not None:
            assert side in message


@pytest.mark.parametrize("brief", [
    # parts, blends and lists that include the title's value
    "Stainless steel frying pan, 10 in.\nMaterial: stainless steel body, aluminium core",
    "Leather ankle boots, block heel.\nLining: polyester\nSole: rubber",
    "Oak dining table, seats 6.\nFrame material: steel\nTop: solid oak",
    "Cotton crew socks 6 pack.\nComposition: 80% cotton, 17% polyester, 3% spandex",
    "White running shoe.\nColour: white with navy stripes",
    "USB-C cable, 6 ft, braided.\nColor options: Black / White / Pink",
    "Gold hoop earrings, lightweight.\nMetal: solid 14k yellow gold",
    # conversions that agree, sets that multiply, per-item and total amounts
    "Shampoo 16 fl oz, sulfate-free.\nNet contents: 473 ml",
    "Water jug 1 gallon (128 oz / 3.8 L), chug lid.\nCapacity: 4 qt",
    "Wine glasses, set of 4, 15 oz each.\nPackage contains: 4 glasses",
    "Drool bibs, 2 packs of 5 = 10 bibs total.\nIncludes: 10 bibs",
    "Chef knife set 12 pcs with block.\nIncludes: 8 knives and a sharpener",
    "Dumbbell set 2 x 10 lb, neoprene.\nItem weight: 20 lb",
    "Checked luggage 28 inch, weighs 9.9 lb.\nWeight: 4.5 kg",
    "Earbuds, 6 hrs per charge, 30 hrs total with case.\nBattery life: 30 hours with case",
    "Electric toothbrush, lasts 3 weeks, 4 hrs to charge.\nCharging time: 4 hours",
    "Adjustable kettlebell 12-40 lb, dial select.\nWeight: 40 lb",
    # ranges that meet, sizes in two units, bed sizes listed as options
    "Balance bike for ages 2-5, foam tires.\nAge: 3+",
    "5x7 area rug, low pile.\nSize: 5 ft x 7 ft",
    "Letter size copy paper, 500 sheets.\nDimensions: 8.5 x 11 in",
    "Queen mattress protector, waterproof.\nFits: Queen and Full mattresses",
    "Wireless mouse, dual mode.\nConnection: Bluetooth or wired USB-C",
    "Waterproof watch, 50 m.\nWater resistance: 5 ATM",
    "10 inch blade table saw, 15 amp.\nBlade size: 10 in",
    "8 inch chef knife, forged.\nBlade length: 20 cm",
    "Razor handle + 4 pack cartridges.\nIncludes 2 spare cartridges",
    # a coating, a spun fibre, modes, what a frame holds, loose bed names, a charger's cable
    "Bamboo sheet set, queen\nFabric: 100% rayon",
    "Flashlight, 10 hours runtime on high\nRun time: 30 hours",
    "Picture frame 8x10, black\nDimensions: 10.5 x 12.5 in",
    "Wireless charger pad 15W\nConnection: USB-C cable",
    "Water resistant watch\nWater resistance: no swimming",
    "Car seat for 5-65 lbs\nAge: 2 years+",
])
def test_honest_title_and_spec_line_pass(brief: str) -> None:
    """A spec line that agrees with, includes, or is not about the title's value passes."""
    check_title_specs(brief)
    check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    "Ceramic nonstick frying pan 10 in\nMaterial: aluminum",
    "Twin XL sheet set\nSize: Twin",
    "Dog food 4 lb bag\nItem weight: 5 pounds",
])
def test_loose_forms_are_no_clash_of_this_reader(brief: str) -> None:
    """A coating named as the pan, a bed size said loosely, an item weight with its bag."""
    check_title_specs(brief)


def test_spec_lines_map_labels_to_families_and_skip_parts() -> None:
    """Labels of the whole product map to a family; a part's label maps to none."""
    brief = ("Chef's knife 8 inch\nBlade: German stainless steel\nHandle: pakkawood\n"
             "Material: steel\nWhat's in the box: 1 knife\nMeasures 3 ft x 5 ft")
    assert [(s.family, s.value) for s in spec_lines(brief)] == [
        ("material", "steel"), ("count", "1 knife"), ("size", "3 ft x 5 ft")]


def test_amounts_convert_units_and_read_number_words() -> None:
    """Volumes in ml, weights in g, compound weights as one, numbers as words."""
    assert round(amounts("twenty-five liters", "volume")[0][0]) == 25000
    assert round(amounts("16 fl oz", "volume")[0][0]) == 473
    assert round(amounts("3 lb 8 oz", "weight")[0][0]) == 1588
    assert number("2-1/2") == 2.5
