"""What a listing names in passing: the twelfth session's general fixes (issue 13, round 1).

Each case is a class of error read off the nine labelled sets (all seen), written here on a
listing of our own: a container after a quantity is packaging, not the type; tags the body
names once in passing of a part, an accessory or a use; "USB-C" read as plain USB; "soft" said
of light or joined into another word; a bed size standing alone in the title; a measure of
what the product holds or of a named cord or part.
"""

from typing import Any

from knowledge.extraction import extract


def _attrs(title: str, bullets: tuple[str, ...] = (), description: str = "",
           color: str | None = None) -> dict[str, Any]:
    return dict(extract(title, list(bullets), description, color=color).attributes)


def test_a_container_after_a_quantity_is_packaging_not_the_type() -> None:
    assert _attrs("Sunny Farms Fruit Gummies, 5 Pound Bag").get("type") != "bag"
    assert _attrs("Purrfect Lickable Cat Treats, 24 pouches").get("type") != "pouch"
    assert _attrs("Mill Road Trail Mix 3 lb bulk bag").get("type") != "bag"
    cream = _attrs("Handy Hands Hand Cream Value Size, 6.8 ounce Jar, (Pack of 3)")
    assert cream.get("type") == "hand cream"
    # no quantity right before it: the container is the item
    assert _attrs("Kraft Paper Lunch Bags, 100 Count").get("type") in ("lunch bag", "bag")
    assert _attrs("Clear Plastic Jars with Lids, 12 Pack").get("type") in ("plastic jar", "jar")


def test_passing_tags_need_the_title_a_headline_an_opening_or_two_mentions() -> None:
    board = _attrs("Wavy Inflatable Paddle Board",
                   ("Kit includes a pump, a leash and a collapsible aluminum paddle",
                    "The kit also has a heavy duty carry strap"))
    assert not {"foldable", "heavy-duty"} & set(board.get("features", []))
    said = _attrs("Wavy Foldable Step Stool",
                  ("HEAVY DUTY: holds 300 lbs", "Easy to clean with a damp cloth",
                   "The stool folds flat and stores easily"))
    assert {"foldable", "heavy-duty", "easy-clean"} <= set(said.get("features", []))
    twice = _attrs("Glint Running Vest",
                   ("Reflective strips on the front", "Reflective piping on the back"))
    assert "reflective" in twice.get("features", [])
    lenses = _attrs("Sola Square Sunglasses", ("Metal frame with mirrored reflective lenses",))
    assert "reflective" not in lenses.get("features", [])


def test_usb_c_is_usb_c_not_plain_usb() -> None:
    reader = _attrs("Page 8 E-Reader", ("Now with USB-C for easier charging",))
    assert "usb-c" in reader.get("features", []) and "usb" not in reader.get("features", [])
    cable = _attrs("Linkit USB Type-C Cable, 6 ft")
    assert "usb-c" in cable.get("features", []) and "usb" not in cable.get("features", [])
    assert "usb" in _attrs("Glow USB Desk Fan").get("features", [])


def test_soft_said_of_light_or_joined_to_another_word_is_no_softness() -> None:
    lamp = _attrs("Lumo Plug in Wall Lamp",
                  ("The shade gives soft lighting across the room",
                   "No flash, soft, protect the eyes"))
    assert "soft" not in lamp.get("features", [])
    box = _attrs("Vault Deck Box", ("Soft-touch finish", "Holds 100 sleeved cards"))
    assert "soft" not in box.get("features", [])
    blanket = _attrs("Cozy Fleece Throw Blanket", ("Soft and warm fleece for the couch",))
    assert "soft" in blanket.get("features", [])
    strap = _attrs("Fitly Watch Band", ("Soft, comfortable, light weight and waterproof",))
    assert "soft" in strap.get("features", [])


def test_a_bed_size_standing_alone_in_the_title() -> None:
    assert "queen" in _attrs("Slumber Bifold Futon (Queen)").get("sizes", [])
    assert "twin" in _attrs("Hollis Upholstered Daybed with Trundle, Twin, Gray").get("sizes", [])
    assert "full" in _attrs("Nook Cabinet Bed, (Full, Cherry)").get("sizes", [])


def test_a_measure_of_what_it_holds_or_of_a_named_cord_is_no_size() -> None:
    fridge = _attrs("Chillo Retro Mini Fridge",
                    ("Roomy design holds up to 10 (355ml/12oz.) cans",))
    assert not {"355ml", "12oz"} & set(fridge.get("sizes", []))
    sconce = _attrs("Arlo Plug in Wall Sconce with 5.6FT Cord & On/Off Switch")
    assert "5.6ft" not in sconce.get("sizes", [])
    cutlery = _attrs("Travel Cutlery Set",
                     ("Length of knife is 7.3in, length of fork is 6.3in",))
    assert not {"7.3in", "6.3in"} & set(cutlery.get("sizes", []))
    # the product's own measure stays
    assert "32oz" in _attrs("Hydra Water Bottle, 32 oz").get("sizes", [])
    assert "6ft" in _attrs("Linkit Extension Cord, 6 ft").get("sizes", [])


def test_feet_and_inches_is_one_length_not_an_inch_size() -> None:
    assert "6in" not in _attrs("Wavy 10'6\" Inflatable Paddle Board").get("sizes", [])
    assert "6in" not in _attrs("Tide 10'6'' Inflatable Stand Up Paddle Board").get("sizes", [])
    assert "6ft" in _attrs("Linkit HDMI Cable, 6 ft").get("sizes", [])


def test_stretch_used_as_a_verb_is_no_stretch_fabric() -> None:
    sofa = _attrs("Lounge Futon Sofa Bed", ("Hidden legs: you can always stretch them out",))
    assert "stretch" not in sofa.get("features", [])
    bowl = _attrs("Pawly Collapsible Dog Bowl", ("Simply stretch and fold away after use",))
    assert "stretch" not in bowl.get("features", [])
    jeans = _attrs("Denimo Women's Skinny Jeans", ("Stretch denim that moves with you",))
    assert "stretch" in jeans.get("features", [])



def test_an_ipx_code_called_waterproof_is_no_water_resistance() -> None:
    """Fourteenth session (v17 class): 'IPX8 Waterproof' is the waterproof claim only."""
    buds = set(_attrs("Tunebud T5 Wireless Earbuds with Charging Case IPX8 Waterproof Stereo")
               .get("features", []))
    assert "waterproof" in buds and "water-resistant" not in buds
    level = set(_attrs("Beacon Camp Lantern", ("Rugged build with an IPX4 waterproof level",))
                .get("features", []))
    assert "water-resistant" not in level
    # an IP code alone still reads as water-resistance
    assert "water-resistant" in _attrs("Beacon Shower Speaker IPX7").get("features", [])


def test_named_steel_and_abs_resin() -> None:
    """'silicon steel' is named whole; 'ABS resin' is ABS plastic."""
    fan = _attrs("Breeze Desk Fan", ("Motor made of silicon steel sheet",
                                     "The shell is made of ABS resin"))
    assert {"silicon steel", "abs"} <= set(fan.get("materials", []))
    assert not {"steel", "resin"} & set(fan.get("materials", []))
