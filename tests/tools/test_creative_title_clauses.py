"""Values a title gives outside its head phrase, against a labelled spec segment.

A colour in a title clause of its own ("..., sage green, ..." / "in Midnight Blue"), a letter
size after "size", a power source (cordless, petrol cc, solar), a pack size beside a bare
"Qty:", minutes of water resistance, a label that names the product by its own noun ("Bowl
material" for a dog bowl) and a labelled segment after ";" or "|" on the title's line: each
is refused naming both sides. The briefs are written here, in other words than the clash
probes'; the lookalikes (a lamp's shade, a cordless kettle's base, sizes that run small,
several packs, a set's pieces) pass.
"""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions
from tools.creatives.spec_lines import spec_lines, title_span


@pytest.mark.parametrize(("brief", "first", "second"), [
    ("Throw pillow cover, mustard yellow, 18x18 in\nColour: teal", "mustard yellow",
     "Colour: teal"),
    ("Zip hoodie in Forest Green, fleece lined\nColourway: burgundy", "Forest Green",
     "Colourway: burgundy"),
    ("Men's running jacket, Size L, reflective | Tag size: S", "Size L", "Tag size: S"),
    ("Kitchen towels, 4 pack, cotton | Qty: 6 pcs", "4 pack", "Qty: 6 pcs"),
    ("Rechargeable cordless vacuum, 2 speeds\nPower source: corded, 120V mains only",
     "Rechargeable", "Power source: corded, 120V mains only"),
    ("Petrol leaf blower 26cc, 2-stroke\nPower: 18V battery only", "Petrol",
     "Power: 18V battery only"),
    ("Bamboo cutting board, juice groove\nBoard material: polypropylene plastic", "Bamboo",
     "polypropylene plastic"),
    ("Insulated water bottle 1 litre, leak proof\nBottle capacity: 500 ml", "1 litre",
     "Bottle capacity: 500 ml"),
    ("Round mirror 24 inch diameter, brass frame\nDiameter: 40 cm, depth 2 cm", "24 inch",
     "40 cm"),
    ("Letter size notebook, ruled. Page size: A5", "Letter size", "Page size: A5"),
    ("Kids sunscreen lotion, water resistant (40 minutes)\nWater resistance: 80 min",
     "40 minutes", "Water resistance: 80 min"),
    ("Solid 18k gold signet ring, engraved. Metal: sterling silver.", "18k gold",
     "Metal: sterling silver"),
    ("Newborn swaddle blanket, organic cotton. Suitable for kids 5 years and up.",
     "Newborn swaddle blanket", "Suitable for kids 5 years and up"),
])
def test_title_values_outside_the_head_clash_with_a_spec_segment(brief: str, first: str,
                                                                 second: str) -> None:
    """The refusal names the title's value and the spec segment as the brief writes them."""
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(brief)
    assert first in str(err.value)
    assert second in str(err.value)


@pytest.mark.parametrize("brief", [
    "Cordless electric kettle 1.7L, stainless steel\nPower: 1500W, plug-in base",
    "Cordless drill 20V, 2-speed\nPower source: rechargeable lithium battery",
    "Gas lawn mower 140cc, 21 in deck\nPower: battery electric start",
    "Cordless hair clipper, 4 guards\nPower: cordless/corded use",
    "Solar garden lights 8 pack, warm white\nPower: solar panel + AAA rechargeable battery",
    "Table lamp, matte black, linen drum shade\nShade: white linen",
    "Sofa cover, grey, stretch fit\nColour: light grey",
    "Running shoes, white, breathable mesh\nColourway: white/black/red",
    "Mug in Black and White stripes\nColour: black",
    "Men's tee Size L, crew neck\nTag size: XL (runs small, order your usual)",
    "Dog harness Size Medium, no-pull\nSize: M/L",
    "Dog collar, size medium, nylon\nSize: small dogs up to 20 lb",
    "Dog harness, size Small - Medium, mesh\nSize: M",
    "Pack of 4 dish sponges\nQuantity: 1",
    "Wine glasses set of 6, crystal\nQuantity: 3",
    "Socks 6 pack, cotton crew\nQuantity: 6 pairs",
    "Gel pens 24 pack, assorted\nQty: 2 packs of 12",
    "Wooden table and chair set for kids\nChair material: PP plastic",
    "Ceramic mug with bamboo lid, 12 oz\nLid material: bamboo",
    "Round ceramic planter 12 inch diameter\nDiameter: 30 cm, height 25 cm",
    "A5 dotted notebook, 160 pages. Page size: 5.8 x 8.3 in",
    "Sunscreen stick, water resistant up to 40 minutes\nWater resistance: 40-80 min",
    "Titanium-coated scissors, 8 in\nSpecs: stainless steel blades, ABS handle",
    "Sterling silver stacking ring with 14k gold accent. Metal: sterling silver and 14k gold",
    "Blackout curtains, 2 panels, navy blue | Shade: navy",
    "Infant to toddler car seat. Suitable for children 0 to 4 years.",
    "Convertible infant car seat. Suitable for children up to 4 years.",
    "Infants' pain reliever, grape. Suitable for children 2 to 3 years.",
    "Board game for ages 8+. Suitable for 2-4 players.",
    "Ceramic mug, 12 oz, also available in black\nColour: white",
    "Solar system projector for kids\nPower: USB plug-in",
    "Battery tester for AA and AAA\nPower: plug-in, no battery needed",
    "Cordless cellular blinds, 36 in wide\nPower: plug-in motor",
])
def test_honest_lookalikes_pass(brief: str) -> None:
    """A part's line, options, a charging base, loose sizing and several packs are no clash."""
    check_contradictions(brief)


def test_a_labelled_segment_after_a_pipe_is_no_part_of_the_title() -> None:
    """The title stops before "| Tag size: S" and the segment is read as a size line."""
    brief = "Men's running jacket, Size L, reflective | Tag size: S"
    assert brief[slice(*title_span(brief))] == "Men's running jacket, Size L, reflective"
    assert [(s.family, s.value) for s in spec_lines(brief)] == [("size", "S")]


def test_a_label_names_the_product_only_by_its_head_noun() -> None:
    """"Bowl material" is the dog bowl's; "Crock capacity" is a slow cooker's part."""
    bowl = "Stainless steel dog bowl 32 oz w/ rubber base\nBowl material: plastic"
    cooker = "6 quart slow cooker, stoneware crock\nCrock capacity: 4 quarts"
    assert [s.family for s in spec_lines(bowl)] == ["material"]
    assert spec_lines(cooker) == []
