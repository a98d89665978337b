"""The product's own material, colour or bed size given two values is refused; lookalikes not."""

from __future__ import annotations

import pytest

from evals.listing_refusals import refusal
from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_own import BED_SIZE, COLOUR, MATERIAL, own_values
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize(("brief", "sides"), [
    ("t-shirt, cotton, 100% polyester", ("polyester", "cotton")),
    ("water bottle made of glass. Material: plastic", ("glass", "plastic")),
    ("glass water bottle. Material: plastic", ("glass", "plastic")),
    ("stainless steel water bottle. Material: plastic", ("stainless steel", "plastic")),
    ("oak dining table, solid wood. Material: MDF", ("solid wood", "MDF")),
    ("wool sweater, 100% acrylic", ("wool", "acrylic")),
    ("silk scarf. Material: polyester", ("silk", "polyester")),
    ("ceramic mug. Material: stainless steel", ("ceramic", "stainless steel")),
    ("king size sheet set. Size: twin", ("king", "twin")),
    ("red cotton t-shirt. Color: blue", ("red", "blue")),
    ("queen size duvet cover. Fits twin beds only", ("queen", "twin")),
    ("Water bottle crafted from glass. Material: plastic", ("glass", "plastic")),
    ("Glass water bottle. 100% plastic", ("Glass", "plastic")),
    ("Stainless steel construction. Material: plastic", ("Stainless steel", "plastic")),
    ("Blue mug. Color: red", ("Blue", "red")),
    ("Black leather wallet. Material: genuine leather. Color: brown", ("Black", "brown")),
    ("Cotton bath towel. Material: 100% polyester", ("Cotton", "polyester")),
    ("Twin XL sheet set. Size: queen", ("Twin XL", "queen")),
    ("Aluminum ladder. Made of fiberglass.", ("Aluminum", "fiberglass")),
])
def test_two_own_values_are_refused_naming_both(brief: str, sides: tuple[str, str]) -> None:
    message = refusal(brief)
    assert message is not None and message.startswith("the brief contradicts itself")
    assert all(side in message for side in sides)


@pytest.mark.parametrize("brief", [
    # a part's material
    "Water bottle with plastic lid. Material: glass",
    "Glass storage jar. Lid: bamboo. Material: glass",
    "Coffee maker with a glass carafe. Material: stainless steel",
    "Wool sweater lined with fleece. Material: wool",
    # blends and lists
    "T-shirt, cotton and polyester. Material: cotton",
    "T-shirt 65% cotton 35% polyester. Material: cotton",
    "Glass and stainless steel water bottle. Material: glass",
    "Silicone resin molds, 6 shapes. Shiny finish on resin.",
    # coatings, finishes, looks
    "Steel pan with ceramic coating. Material: steel",
    "Wood-look vinyl plank. Material: vinyl",
    "Faux leather jacket. Material: polyester",
    # options, multi-colour, compatibility
    "Red t-shirt, available in red, blue",
    "Sheet set. Sizes: twin, full, queen",
    "Red and white mug. Color: red",
    "Mattress pad fits twin beds and full beds. Size: queen",
    "Queen duvet cover, also fits full beds",
    "Black phone case. Color: black. Compatible with white iPhone",
    # what it cuts, holds or is for; free of
    "Saw cuts wood and plastic. Material: steel",
    "Squeegee for glass surfaces. Material: rubber",
    "Glass water bottle, plastic-free. Material: glass",
    # one value said twice, or a kind of the other
    "Red t-shirt. Color: red",
    "Glass bottle. Material: borosilicate glass",
    "Stainless steel tumbler. Material: 18/8 stainless steel",
    "Cotton t-shirt. Material: 100% cotton",
    "King size sheet set. Size: king",
    "Oak table. Material: solid wood",
    "Navy blue shirt. Color: blue",
    "Porcelain mug. Material: ceramic",
    "Stainless steel pan. Material: aluminum core",
    "Stainless steel pan. Material: 18/8 stainless steel",
    "Cast iron skillet. Material: iron",
    "Black yoga mat. Color: black/purple",
    "Navy blazer. Color: dark blue",
    "Beige linen curtains. Color: cream",
    "Gold hoop earrings. Material: 14k gold plated brass",
    "Queen size comforter set. Fits queen and full beds",
    # what the product works on, a part's material in the title
    "Glass cutter, carbide tip. Material: steel",
    "Wood chisel. Material: chrome vanadium steel",
    "Leather conditioner. Material: beeswax",
    "Steel frame bed, queen. Material: wood",
    # pasted listings: what other things are made of, an included part, a variant's name
    "PVC 45 elbow, white\nPVC-DWV for high strength, and less weight than fittings made from metal",
    "Metal loft bed, twin size\nIncludes a curtain set rail that is made of 100% polyester.",
    "Men's Jersey Hoodie, White, Small\nThick, durable cotton fabric.",
    "Women's Cork Footbed Sandal with +Comfort, Stone, 6\nCork footbed - very flexible",
])
def test_lookalikes_are_no_clash(brief: str) -> None:
    check_contradictions(brief)


def test_statements_carry_their_kind_and_span() -> None:
    found = {(s.attribute, s.value) for s in own_values(
        "Red glass vase, queen size. Material: glass. Color: red. Size: Queen")}
    assert {(MATERIAL, "glass"), (COLOUR, "red"), (BED_SIZE, "queen")} <= found


def test_the_refusal_names_the_attribute() -> None:
    with pytest.raises(InvalidRequestError, match="the material as 'glass'"):
        check_contradictions("glass water bottle. Material: plastic")
