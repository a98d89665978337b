"""The product's own material, colour or size said twice in two of a brief's forms is refused.

Briefs as a merchant pastes them: the title's words, a sentence of the copy, a labelled
line with a colon or a dash, an ALL-CAPS head. Each refusal names both sides; the honest
lookalikes (parts, trims, blends, faux, options, lists, sets, what it works on) pass.
"""

from __future__ import annotations

import pytest

from evals.listing_refusals import refusal
from tools.creatives.own_kinds import MATERIAL, NAMED_SIZE
from tools.creatives.own_sizes import letter_size
from tools.creatives.own_terms import material_terms, one_colour, title_end


@pytest.mark.parametrize(("brief", "sides"), [
    # materials: a named wood, a hide, a synthetic, a grade beside its kind
    ("Harlow solid oak dining bench, seats 3. Ships flat - made of pine wood with metal "
     "brackets.", ("solid oak", "pine wood")),
    ("Men's Genuine Leather Bifold Wallet, 8 card slots. Material: PU leather (vegan)",
     ("Genuine Leather", "PU leather")),
    ("Queen linen duvet cover set. Pure linen, stonewashed for softness.\nFABRIC: 100% "
     "microfiber", ("linen", "microfiber")),
    ("TRAILMATE 24oz water bottle. Stainless steel, double wall vacuum insulated.\n"
     "MATERIAL: Tritan plastic body", ("Stainless steel", "Tritan plastic body")),
    ("STERLING SILVER hoop earrings 20mm.\nMetal: brass", ("STERLING SILVER", "brass")),
    ("merino wool crew socks, cushioned sole, 3 pairs. 100% acrylic, itch free and machine "
     "washable", ("merino wool", "acrylic")),
    ("12\" cast iron skillet, pre-seasoned. Made from lightweight aluminum so it's easy to "
     "flip.", ("cast iron", "aluminum")),
    ("Set of 5 borosilicate glass meal prep containers with snap lids.\nBody material: "
     "shatterproof polypropylene", ("borosilicate glass", "polypropylene")),
    ("Luna 100% mulberry silk pillowcase, standard size.\nFabric - 100% polyester satin",
     ("silk", "polyester satin")),
    ("Walnut wood cutting board, 18 x 12 in. Material: bamboo", ("Walnut wood", "bamboo")),
    # colours: the title's variant, "in X", a part's line, see-through against solid
    ("Women's packable rain jacket in NAVY BLUE. Waterproof shell.\nColour: Red",
     ("NAVY BLUE", "Red")),
    ("Commuter backpack - charcoal grey, water-resistant, 15.6\" sleeve.\nCOLOR - Beige",
     ("charcoal grey", "Beige")),
    ("Ceramic table lamp with a matte black base and white linen shade.\nBase color: white",
     ("matte black base", "Base color: white")),
    ("Crystal clear case for iPhone 15, slim fit. color: solid black",
     ("Crystal clear", "solid black")),
    ("Clear blue water bottle, 500 ml. Color: Red", ("blue", "Red")),
    ("Glass water bottle, 500 ml\nPREMIUM MATERIAL: Made of BPA-free plastic, leak proof.",
     ("Glass", "plastic")),
    # sizes: a letter size, a bed size with its measure
    ("Men's crew neck tee, size Large, 100% cotton.\nSize: M", ("size Large", "Size: M")),
    ("No-pull dog harness, size Small for dogs 10-25 lb.\nSIZE: XL (chest 32-40 in)",
     ("size Small", "SIZE: XL")),
    ("California King waterproof mattress protector, quiet.\nDimensions: Twin XL 39 x 80 in",
     ("California King", "Twin XL")),
])
def test_two_own_values_in_two_forms_are_refused_naming_both(
        brief: str, sides: tuple[str, str]) -> None:
    message = refusal(brief)
    assert message is not None and message.startswith("the brief contradicts itself")
    assert all(side in message for side in sides), message


@pytest.mark.parametrize("brief", [
    # parts, trims, linings and coatings in other materials
    "Solid oak dining table with pine drawers and steel legs.",
    "Pine wood bookshelf with oak veneer top.",
    "Solid oak finish bookcase. Material: MDF",
    "Genuine leather watch strap. Material: stainless steel",
    "Genuine leather jacket. Lining: 100% polyester",
    "Stainless steel water bottle, made of steel with a bamboo lid. Lid material: bamboo",
    "Set of 6 steel forks. Material: plastic handles",
    "Hoop earrings, sterling silver. Metal: 14k gold over brass",
    "Cast iron dutch oven, enamel coated. Made from cast iron with an enamel coating.",
    # blends, lists, X-free, faux
    "Throw blanket. 100% cotton, polyester lining.",
    "Made from durable steel and plastic. Material: steel",
    "Faux leather sofa, soft touch. Material: leather",
    "Vegan leather tote. Material: polyester",
    "Microfiber cleaning cloth. Material: polyester",
    "Microfiber towel. Material: polyamide",
    "Glass bottle, plastic-free, 500 ml. Material: glass",
    "Cedar wood scented candle in a jar. Material: glass jar",
    "Set of 3 cutting boards: solid oak, walnut wood and maple. Material: hardwood",
    "Faux fur throw with genuine leather trim. Material: polyester",
    "Glass water bottle, 500 ml\nLID MATERIAL: Made of BPA-free plastic.",
    "Oak wood grain vinyl flooring. Material: PVC",
    "Wood cutting board - Acacia, Large. Material: acacia wood",
    # what it cleans, cuts or lists
    "Drill brush kit for pool tile, sinks, bathtub, brick, ceramic, marble, auto, boat",
    "Screen printing frame for printing on electronics, glass, ceramics, paper, etc.",
    # colour options, lists and names
    "Classic tee in black, white or red. Color: white",
    "Boot, Black, Grey, 10.5\nColor: Black",
    "Men's White Ledge Waterproof Boot, Black, 10.5 M US",
    "Under Armour Joggers, Black (001)/White, Large",
    "Clear phone case with black bumper edges. Color: Black",
    "Lamp with black base and white shade. Shade color: white",
    "Watch with black dial and brown leather strap. Strap color: brown",
    "Black+Decker cordless drill, Yellow. Color: yellow",
    # size options, charts and advice
    "Men's tee, size Large. Model wears size M",
    "Dog harness, size Small - Medium. Size: M",
    "Women's leggings. Sizes: S, M, L, XL. Size: see chart",
    "Queen mattress protector, deep pocket. Size: Queen (60 x 80 in)",
    "King size duvet cover. Dimensions: 104 x 90 in",
    # a coating before the head, a part's label after a semicolon
    "Ceramic nonstick frying pan, 10 in, oven safe to 400F.\nMaterial: aluminum",
    "Glass teapot with infuser, 34 oz.\nMaterial: borosilicate glass; infuser: stainless steel",
])
def test_lookalikes_pass(brief: str) -> None:
    assert refusal(brief) is None


def test_named_forms_read_as_one_value() -> None:
    assert [v for v, _, _ in material_terms("solid oak bench")] == ["oak"]
    assert [v for v, _, _ in material_terms("Tritan plastic body")] == ["tritan"]
    assert [v for v, _, _ in material_terms("polyester satin")] == ["polyester"]
    assert [v for v, _, _ in material_terms("Genuine Leather")] == ["genuine leather"]
    assert one_colour("Navy Blue", frozenset()) == "navy"
    assert one_colour("black/purple", frozenset()) is None
    assert [letter_size(v) for v in ("Large", "XL", "2X", "med", "One Size")] == \
        ["L", "XL", "XXL", "M", None]
    assert title_end("Water bottle. Stainless steel.") == len("Water bottle")
    assert MATERIAL != NAMED_SIZE


@pytest.mark.parametrize("brief", [
    "Cozy fleece hoodie, Size Large, grey.\nSIZE: large",
    "Men's crew tee size Medium\nSize: M",
    "Kids rain boots, size 7\nSize: 7",
])
def test_one_size_written_twice_in_two_forms_passes(brief: str) -> None:
    assert refusal(brief) is None


def test_two_sizes_of_one_system_are_refused_and_two_systems_are_not() -> None:
    assert refusal("Women's jacket Size Small\nSize: L") is not None
    assert refusal("Ring, size 7\nSize: 9") is not None
    assert refusal("Women's jacket Size Small\nSize: 8") is None  # letters beside a number
