"""A real listing pasted as a brief: what it says twice, denies of other things, or says of parts.

The seventeenth session ran the public ESCI listings (open half) through the contradiction
check and found most refusals false. The briefs below were written for these tests after the
classes seen there (not copied from any listing): a denial's complement ("not easy to break"
beside "easy to clean"), a thing said not needed or not included ("No box spring needed"), a
thing the product prevents or is free of said twice, a share said again, two parts' shares,
"made with PVC-free material", a pack of an item sized in inches, a country spelled two ways.
Each real clash of the same shape is still refused.
"""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions

_LOOKALIKES = [
    "Silicone whisk set, easy to clean. Strong wire, not easy to break or bend.",
    "Metal platform bed frame, No Box Spring Needed. Steel slats replace your box spring.",
    "High-waist shaper. NO MUFFIN TOP: hits at the natural waist, so no muffin top.",
    "Alkaline AA batteries, 24 pack. SINGLE USE: these batteries are NOT rechargeable.",
    "Replacement bands for Tracker Charge 4. Fits Tracker Charge 4 only, no Tracker Charge "
    "4 device included.",
    "Waffle dish cloths, 100% cotton. Soft 100% cotton weave, lint free.",
    "Swim trunk. Body: 100% nylon; Lining: 100% polyester.",
    "Binder with 2 clear pockets made with nonstick PVC-free material.",
    "Carabiner clips - 5 pack of 3\" aluminum clips with key rings.",
    "Fish oil softgels. Made in USA. MADE IN THE U.S.A. from wild fish.",
    "Cleaning cloths, non-abrasive, will not scratch. Avoid abrasive cleaners.",
    "Protein bars. No maltodextrin, erythritol, added flavors, binders, fillers, or dyes.",
    "Knife block set. Set includes 3.5 inch paring knife, 4.5 inch santoku, 7.5 inch santoku.",
    "Tote bag\nExterior details: 2 front slip pockets\nInterior details: 6 front slip pockets",
]

_CLASHES = [
    ("Rain jacket waterproof, not waterproof", "not waterproof"),
    ("Tea towels cotton, 100% polyester", "polyester"),
    ("Scarf 100% silk, cotton blend", "cotton"),
    ("Socks 100% cotton. Material: 80% polyester, 20% nylon", "polyester"),
    ("Earbuds, wired. Inline mic & volume. No microphone (listen only).", "No microphone"),
    ("Travel mug, dishwasher safe. Not dishwasher safe.", "dishwasher safe"),
    ("Dish towels 4 pack, cotton, 16 x 28 in. Set of 6 in assorted colors", "Set of 6"),
    ("Leggings 60% cotton 50% wool", "110%"),
]


@pytest.mark.parametrize("brief", _LOOKALIKES)
def test_a_pasted_listings_lookalike_is_not_refused(brief: str) -> None:
    check_contradictions(brief)


@pytest.mark.parametrize(("brief", "named"), _CLASHES)
def test_the_same_shapes_real_clash_is_refused(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError, match=named):
        check_contradictions(brief)


# one property given two exclusive values, in the words of kinds fresh briefs used
_VOCABULARY_CLASHES = [
    ("Porch lamp\nBulb type: halogen, 40W\nAll-LED design, nothing to replace", "halogen"),
    ("Pocket watch\nMovement: hand-wind\nAutomatic self-winding movement", "hand-wind"),
    ("Cushion cover, single-sided print. Reversible, so it has two looks.", "Reversible"),
    ("Camp stool, folds flat to store. Frame: welded steel, does not fold.", "fold"),
    ("Lavender plugs. Needs full sun. Shade plant, keep out of direct sun.", "full sun"),
    ("Word game for 2-6 players. A one player only puzzle.", "players"),
]
_VOCABULARY_LOOKALIKES = [
    "Sage seeds, full sun to part shade, 200 seeds.",
    "LED bulbs, 6 pack, replace halogen bulbs of the same base.",
    "Reversible quilt, navy one side and grey the other.",
    "Camping chair, folds flat, aluminium frame.",
    "Card game for 2-4 players, or play solo with the variant rules.",
]


@pytest.mark.parametrize(("brief", "named"), _VOCABULARY_CLASHES)
def test_a_kinds_two_exclusive_values_are_refused(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError, match=named):
        check_contradictions(brief)


@pytest.mark.parametrize("brief", _VOCABULARY_LOOKALIKES)
def test_a_kinds_lookalike_is_not_refused(brief: str) -> None:
    check_contradictions(brief)


# the same, for the kinds the round-1 fresh audits contradicted (v37/v38, spent at L9 R1)
_MORE_CLASHES = [
    ("Herbal tea, caffeine free. Info: caffeine about 30 mg per cup.", "caffeine"),
    ("Stud earrings. Hollow core design, light. Construction: not hollow.", "hollow"),
    ("Pepper seeds, open-pollinated. Seed type: F1 hybrid.", "hybrid"),
    ("Leaf blower. Brushless motor. Motor: brushed DC.", "brushed"),
    ("Ear cuffs. No piercing needed. For pierced ears only.", "pierced"),
]
_MORE_LOOKALIKES = [
    "Baby bodysuits, 6-piece set: two long-sleeve bodysuits, two short-sleeve bodysuits.",
    "Decaf coffee, 99.9% caffeine-free, Swiss Water process.",
    "Drill driver with brushless motor, brushed nickel finish.",
    "Socket set, SAE and metric, 40 pcs.",
]


@pytest.mark.parametrize(("brief", "named"), _MORE_CLASHES)
def test_a_fresh_kinds_two_values_are_refused(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError, match=named):
        check_contradictions(brief)


@pytest.mark.parametrize("brief", _MORE_LOOKALIKES)
def test_a_fresh_kinds_lookalike_is_not_refused(brief: str) -> None:
    check_contradictions(brief)


def test_two_whole_lines_of_one_material_each_are_still_a_clash() -> None:
    """A line "100% cotton" and a line "100% polyester" give one tee two materials."""
    with pytest.raises(InvalidRequestError, match="'100% cotton' and also '100% polyester'"):
        check_contradictions("Cotton tee\n100% cotton\n100% polyester")


def test_parts_compositions_said_inside_other_text_are_not() -> None:
    """A bib's front and back, or a body and its lining, each have their own composition."""
    check_contradictions("Bibs\nFront side 100% Organic Cotton, "
                         "Back side with 100% Polyester Fleece")
    check_contradictions("Swim trunk\nBody: 100% Nylon\n100% nylon;Lining: 100% polyester")


def test_a_denied_free_word_is_no_claim_of_being_free() -> None:
    """"Not vegan (contains beeswax)" agrees with itself; "Vegan" beside beeswax does not."""
    check_contradictions("Lip balm tin\nNot vegan (contains beeswax)\nSPF 15")
    with pytest.raises(InvalidRequestError, match="beeswax"):
        check_contradictions("Lip balm\nVegan formula\nContains beeswax")
