"""A stem denied on its part's line; a substance free and measured; 'cannot be re-X-ed'."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_amounts import free_and_amount
from tools.creatives.clash_parts import part_clash
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize(("brief", "sides"), [
    ("Knife strip, 16 in.\nMagnetic base holds 12 knives\nBase: non-magnetic oak, screw it on.",
     ("Magnetic", "non-magnetic")),
    ("Whiteboard A4. Magnetic back, sticks anywhere.\nBacking: non-magnetic card.",
     ("Magnetic", "non-magnetic")),
    ("Lunch cooler 8 L\n- Foam-insulated design keeps food cold\nInsulation: none",
     ("Foam-insulated", "Insulation: none")),
])
def test_a_stem_denied_on_the_same_parts_line_is_refused(brief: str,
                                                        sides: tuple[str, str]) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(brief)
    assert all(side in str(err.value) for side in sides)


@pytest.mark.parametrize("brief", [
    "Knife strip, 16 in. Magnetic strip holds 12 knives. Base: non-magnetic oak.",
    "Tool roll, canvas. Roll: 26 x 13 in. (unrolled). Rolls up tight.",
    "AA batteries, 24 pack\nBATTERIES: not rechargeable; for other options check out our "
    "rechargeable batteries",
    "Lunch bag, insulated main compartment. Pocket: uninsulated.",
])
def test_another_part_or_an_option_is_no_part_clash(brief: str) -> None:
    assert part_clash(brief) is None
    check_contradictions(brief)


@pytest.mark.parametrize(("brief", "sides"), [
    ("Vanilla syrup 500 ml, sugar-free.\nPer 15 ml: energy 90 kJ | sugars 5.2 g",
     ("sugar-free", "sugars 5.2 g")),
    ("Herbal tea, 20 bags. Zero caffeine. About 30 mg of caffeine per cup.",
     ("Zero caffeine", "30 mg of caffeine")),
])
def test_a_substance_free_and_measured_is_refused(brief: str, sides: tuple[str, str]) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(brief)
    assert all(side in str(err.value) for side in sides)


@pytest.mark.parametrize("brief", [
    "Cough drops, sugar-free. Sugars 0.3 g per drop.",  # a trace under a free claim
    "Jam, no added sugar. Sugars 9 g per 20 g.",  # the fruit's own sugar
    "Mints, sugar free. Sugar alcohols 4 g.",  # another substance
    "Crystal glasses, lead free. Unlike other glasses with 20% lead, ours ring clear.",
    "Dog chews, 100% rawhide and collagen free.",
    "Gummies, sugar-free. Sugars: less than 1 g.",
])
def test_a_trace_another_substance_or_others_is_no_amount_clash(brief: str) -> None:
    assert free_and_amount(brief) is None


def test_refillable_and_cannot_be_refilled_are_refused() -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions("Stamp pad, blue.\n- Re-inkable with any refill\n"
                             "Note: a sealed pad that cannot be re-inked.")
    assert "Re-inkable" in str(err.value) and "cannot be re-inked" in str(err.value)


def test_a_parts_labelled_value_denied_in_the_copy_is_refused() -> None:
    assert part_clash("Knife bar 16 in.\nBase: magnetic steel\nNon-magnetic base, screw it "
                      "to the wall.") == ("Base: magnetic steel", "Non-magnetic")
    assert part_clash("Lunch bag\nLid: insulated\nNon-insulated pocket on front.") is None


@pytest.mark.parametrize(("brief", "sides"), [
    ("Wall clock, 12 in.\n- Silent non-ticking sweep movement\n- Movement: step movement with a "
     "loud tick", ("Movement: step movement", "non-ticking")),
    ("Cushion cover, linen.\nPrint: bold botanical print all over\nPlain, no print anywhere.",
     ("Print: bold botanical", "no print")),
])
def test_a_parts_line_and_a_denial_of_it_in_the_copy_are_refused(
        brief: str, sides: tuple[str, str]) -> None:
    pair = part_clash(brief)
    assert pair is not None and all(any(side in p for p in pair) for side in sides)


@pytest.mark.parametrize("brief", [
    "Mantel clock\nBatteries: 2 AA\nNo batteries needed for the pendulum.",
    "Mini fridge\nNO COMPRESSORS: thermoelectric cooling\nNo compressors, no noise.",
])
def test_a_status_or_a_denying_label_is_no_part_clash(brief: str) -> None:
    assert part_clash(brief) is None


@pytest.mark.parametrize(("brief", "sides"), [
    ("Cast iron skillet 10 in\nPRE-SEASONED - cook straight away\nPlease note: ships unseasoned "
     "under wax; season before use.", ("PRE-SEASONED", "unseasoned")),
    ("Ceramic planter 8 in\nDRAINAGE: drainage hole with rubber plug\nGood to know: the base is "
     "sealed with no hole at all.", ("DRAINAGE: drainage hole", "no hole")),
])
def test_a_prefixed_stem_or_a_notice_denial_is_refused(brief: str,
                                                      sides: tuple[str, str]) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(brief)
    assert all(side in str(err.value) for side in sides)
