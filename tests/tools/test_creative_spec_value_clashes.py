"""A spec line's value and another value of the same head in the copy ('Design: closed-back')."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_slots import slot_clash
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize(("brief", "sides"), [
    ("Studio headphones\nClosed-back cups keep sound in\nDesign: open-back, airy",
     ("Closed-back", "Design: open-back")),
    ("Wood varnish 1 L, oil-based, satin.\nBase: water (acrylic)",
     ("oil-based", "Base: water (acrylic)")),
    ("Kids short sleeve tee, cotton, ages 4-8.\nSleeves: long raglan sleeves",
     ("short sleeve", "Sleeves: long raglan sleeves")),
])
def test_a_spec_value_and_another_in_the_copy_are_refused(brief: str,
                                                         sides: tuple[str, str]) -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(brief)
    assert all(side in str(err.value) for side in sides)


@pytest.mark.parametrize("brief", [
    "Ribbon set, 6 rolls. Organza ribbon for bows.\nRibbon: grosgrain ribbon, organza ribbon",
    "Tote bag, water-resistant canvas.\nFinish: scratch-resistant",  # qualifiers, no slot
    "Headphones, closed-back or open-back versions available.\nDesign: open-back",
    "Mitre box, beech, 30 cm.\nBox: beech",
    "Tea towel, cotton.\nEdge: hemmed edge; hemmed edge all round",
])
def test_qualifiers_lists_options_and_one_value_are_no_slot_clash(brief: str) -> None:
    assert slot_clash(brief) is None


def test_a_parts_compound_is_no_slot_clash() -> None:
    assert slot_clash("Chef knife\nMaterial: stainless-steel\nHand-forged carbon-steel blade.") \
        is None
