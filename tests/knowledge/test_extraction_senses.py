"""Extraction reads what a listing says of THIS product, in the sense it says it.

Each case is a kind of error found on the second labelled ESCI sample's dev half: a
decimal size, a spelled-out or paired apparel size, a look named after a material, a
property of a bundled accessory, a maker's name before the item, a full-width comma.
"""

from knowledge.extraction import extract


def test_sizes_keep_decimals_and_read_spelled_and_paired_sizes() -> None:
    assert extract("Kaweco Special Mechanical Pencil Black 0.5 mm").attributes["sizes"] == ["0.5mm"]
    assert "xl" in extract("Bali Women's Lace Wirefree Bra, -black, X LARGE").attributes["sizes"]
    paired = extract("U.S. Divers Adult Mask, Snorkel, Fins, and Gear Bag Set, Black, Medium/Large")
    assert paired.attributes["sizes"] == ["medium/large"]


def test_a_look_named_after_a_material_is_not_the_material() -> None:
    tray = extract("Oval Serving Tray, Gold", ["Made of stainless steel with soft brass finish"])
    assert tray.attributes["materials"] == ["stainless steel"]
    assert "soft" not in tray.attributes.get("features", [])
    assert "copper" not in extract("Stemless Wine Glasses, Copper-Tone Plating").attributes.get(
        "materials", [])


def test_a_property_of_a_bundled_accessory_is_not_the_products() -> None:
    board = extract("Roc Inflatable Stand Up Paddle Board with Accessories & Backpack, "
                    "Non-Slip Deck, Waterproof Bag, Leash, Paddle and Hand Pump")
    assert "non-slip" in board.attributes["features"]  # the deck is the board's own part
    assert "waterproof" not in board.attributes["features"]
    towels = extract("Kitchen Cotton Towels (15 Pack)",
                     ["These lightweight dish towels are highly absorbent"])
    assert "lightweight" in towels.attributes["features"]  # the towels are the head noun


def test_the_item_after_a_makers_name_and_a_full_width_comma() -> None:
    assert extract("Signature Design by Ashley Chime 12 Inch Plush Hybrid Mattress, "
                   "CertiPUR-US Certified Foam, Twin").attributes["type"] == "mattress"
    assert extract("Gruper Non Slip Yoga Mat，Exercise Towel").attributes["type"] == "yoga mat"


def test_a_lone_size_letter_inside_a_name_plural_packs_and_a_closing_bed_size() -> None:
    assert "s" not in extract("Kaweco Special S Mechanical Pencil Black").attributes.get(
        "sizes", [])
    assert extract("Mens Crew Tee, Black, L").attributes["sizes"] == ["l"]
    assert "pack of 4" in extract("Calibrate Timing 4 Packs Pillow Inserts").attributes["sizes"]
    assert "twin" in extract("Chime 12 Inch Hybrid Mattress, Certified Foam, Twin").attributes[
        "sizes"]
