"""A head negated in one statement and affirmed in another form of its word; one measured
property given two values; and the lookalikes that are neither."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_heads import check_heads, stem
from tools.creatives.clash_values import check_values
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize(("forms", "same"), [
    (("glow", "glows", "glowing"), True),
    (("stack", "stacked", "stackable", "stacking"), True),
    (("retract", "retractable", "retracted"), True),
    (("refrigerate", "refrigerated", "refrigeration"), True),
    (("season", "seasoned"), True),
    (("auto", "automatic", "automatically"), True),
    (("hole", "holes"), True),
    (("seasonal", "season"), False),
])
def test_forms_of_one_word_share_a_stem(forms: tuple[str, ...], same: bool) -> None:
    assert (len({stem(f) for f in forms}) == 1) is same


@pytest.mark.parametrize(("brief", "sides"), [
    # a part's own denial clashes only with a statement of that part
    ("Camp chair\nFOLDABLE FRAME packs into a bag\nNote: the frame does not fold, it is welded",
     ("FOLDABLE FRAME", "does not fold")),
    ("Headlamp\nRechargeable battery, USB-C\nPlease note: the batteries are not rechargeable",
     ("Rechargeable battery", "not rechargeable")),
    ("Rain jacket\nREVERSIBLE: navy one side, red the other\nThis jacket cannot be reversed",
     ("REVERSIBLE", "cannot be reversed")),
    ("Toy car\nBatteries: 2 x AA\nGood to know: no batteries at all, it is push-powered",
     ("Batteries: 2 x AA", "no batteries")),
    ("Lunch box\nMicrowavable container\nCaution: it cannot be microwaved",
     ("Microwavable", "cannot be microwaved")),
])
def test_other_forms_of_one_head_are_refused(brief: str, sides: tuple[str, str]) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_heads(brief)
    assert all(side.lower() in str(err.value).lower() for side in sides)


@pytest.mark.parametrize(("brief", "sides"), [
    # a verb denied after "does not" / "cannot be", affirmed in another form
    ("Moon Night Light for kids\n- GLOWS SOFTLY all night from one charge\n- 6 in tall\n"
     "Shell: frosted silicone, does not glow.", ("GLOWS SOFTLY", "does not glow")),
    ("Canvas Storage Crate, set of 2\nSTACKABLE: stack three high on a shelf\n"
     "Note: the soft sides mean the crates cannot be stacked.", ("STACKABLE", "cannot be stacked")),
    ("Bike cable lock, 4 ft\nRETRACTABLE: extends to 4 ft and reels back in\n"
     "It is a fixed coil and does not extend or retract.", ("RETRACTABLE", "does not extend")),
    # a noun phrase after "no", the modifier in its short and long names
    ("Hot glue gun, 60W\n- AUTOMATIC SHUT-OFF after 15 min\n- stand included\n"
     "- Note: no auto shut-off, unplug after use", ("AUTOMATIC SHUT-OFF", "no auto shut-off")),
    ("Vinyl wall decal, 24 x 36 in\nSELF-ADHESIVE back, peel and press\n"
     "How to apply: it has no adhesive of its own, use spray mount.",
     ("SELF-ADHESIVE", "no adhesive")),
    ("Ceramic planter, 8 in\nDRAINAGE: drilled drainage hole in the base\n"
     "Good to know: the base is sealed with no hole at all.", ("drainage hole", "no hole")),
    ("Electric bass, 4 strings\nPICKUPS: 2 x humbucker\nTone note: no humbuckers on this one.",
     ("humbucker", "no humbuckers")),
    # "no need to X" beside an order to do X; "un-X-ed" beside "X-ed"
    ("Almond butter, 16 oz jar. SHELF-STABLE: no need to refrigerate. "
     "Storage: keep refrigerated at all times.", ("keep refrigerated", "no need to refrigerate")),
    ("Cast iron griddle 10 in\nPRE-SEASONED and ready to cook\n"
     "Please note: ships raw and unseasoned under a wax coat.", ("PRE-SEASONED", "unseasoned")),
])
def test_a_head_negated_and_affirmed_is_refused(brief: str, sides: tuple[str, str]) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_heads(brief)
    assert all(side.lower() in str(err.value).lower() for side in sides)
    with pytest.raises(InvalidRequestError):
        check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    # free of X, not included / sold separately, not for X, "protects from X but not Y"
    "Water bottle, 750 ml\nBPA free, free of phthalates\nLid: leak-proof, BPA-free plastic",
    "Wall sconce, E26 socket\nBulb not included, sold separately\nWorks with any E26 bulb",
    "Kids scissors, 5 in\nBlunt tip, safe for ages 3+\nNot for cutting fabric or wire",
    "Rain jacket\nProtects from wind and rain but not from heavy snow\nWaterproof shell",
    "Brass bookends, pair\nRaw brass finish, will darken over time\nPolished by hand",
    # two-part products with their own properties; a part's subject
    "Heating pad, 12 x 24 in\nFlannel cover is machine washable\nPad is NOT washable",
    "Pickle crock 1 gal\nStoneware crock with glaze + 2 unglazed weights\nLid is glazed too",
    "Fume extractor, 23W fan, activated carbon filter. Removes smoke; does not filter lead.",
    # a state beside a capability; options; sets with their own sizes; ranges
    "Foldable sit pad, XPE foam\n15.7 x 11.4 in. unfolded\n6 panels",
    "Mixing bowls, set of 3: 1 qt, 2 qt and 4 qt\nStackable: nest for storage",
    "Gloves, left- or right-handed\nFits hands 7-9 in\nFits X and Y",
    "Headphone adapter\nSupports 24-bit/48kHz audio\nDoes not support voice calls",
    # items of a denied list, a denied thing inside a longer noun, others' property
    "Monk fruit sweetener, 125 g\nNo maltodextrin, erythritol, binders, fillers, or dyes\n"
    "Pure extract",
    "Cat treats, Chicken & Salmon, 8 oz\nNO CHICKEN (OR POULTRY) BY-PRODUCT MEALS",
    "Roasting sticks, 5 pcs\nSAFE DESIGN\nSome skewers have sharp prongs that are not safe "
    "for the little ones.",
    "Pillow covers 18x18, set of 2\nNo insert included\nThe inserts can be removed easily",
    # an item in the box beside a property; a part's own denial; options; status
    "Wireless earbuds\nWireless: no cables to tangle\nUSB-C charging cable included",
    "Stroller\nFolds flat with one hand\nThe basket does not fold",
    "Travel mug, 16 oz\nLid: dishwasher safe\nThe body is not dishwasher safe, hand wash",
    "Dog leash 6 ft\nFixed length, does not retract\nA retractable version is also available",
    "Candle, 8 oz\nUnscented soy wax\nScented versions sold separately",
    "Lunch bag, insulated main compartment. Pocket: uninsulated.",
    "Tent 3-season; 4-season fly sold separately.",
    "Shoe rack, 3 tiers\nStackable tiers\nNo tools needed",
])
def test_lookalikes_are_no_head_clash(brief: str) -> None:
    check_heads(brief)
    check_values(brief)


@pytest.mark.parametrize(("brief", "sides"), [
    ("Vinyl LP, 180 g\nPlays at 33 1/3 RPM\nNote: the whole record is cut at 45 rpm",
     ("33 1/3 RPM", "45 rpm")),
    ("Handheld fan\nQuick charge: full in 90 minutes\nSpecs - Charging time: 8 hours",
     ("90 minutes", "8 hours")),
    ("Sleeping bag\nSeason rating: 3-season\nA true 4-season bag for snow",
     ("3-season", "4-season")),
])
def test_one_measured_property_given_two_values_is_refused(brief: str,
                                                           sides: tuple[str, str]) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_values(brief)
    assert all(side in str(err.value) for side in sides)


@pytest.mark.parametrize("brief", [
    "Drill, 2 speeds: 0-450 rpm or 0-1500 rpm",  # options
    "Earbuds\nPlaytime: 6 hours\nUp to 24 hours with the charging case",  # another case
    "Blender\nMotor: 20000 rpm\nPulse mode at 8000 rpm",  # a mode
    "Power bank\nCharging time: 3 hours\nRuns a phone for 20 hours",  # two properties
    "Card game\n2-pack of decks\nAlso sold as a 4-pack",  # item counts and options
    "Timer\nCounts 1-60 minutes\nRings for 30 seconds",  # a range, another property
])
def test_options_ranges_and_other_properties_are_no_value_clash(brief: str) -> None:
    check_values(brief)
