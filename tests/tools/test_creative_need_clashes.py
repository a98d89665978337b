"""A thing said unneeded and used ('no lamp needed' / 'under a UV lamp'); 'NOT X' and X."""

from __future__ import annotations

import pytest

from tools.creatives.clash_needs import need_clash


@pytest.mark.parametrize(("brief", "sides"), [
    ("Nail top coat 12 ml\nSET: 30 s under a UV lamp per coat\nNo lamp needed, dries on its own.",
     ("under a UV lamp", "No lamp needed")),
    ("NOT WASHABLE - spot clean only.\nCushion cover, velvet, 45 cm. Fully washable at 30C.",
     ("washable", "NOT WASHABLE")),
])
def test_unneeded_and_used_or_a_denying_heading_is_refused(brief: str,
                                                          sides: tuple[str, str]) -> None:
    pair = need_clash(brief)
    assert pair is not None and all(any(side in p for p in pair) for side in sides)


@pytest.mark.parametrize("brief", [
    "Shelf, pine. Assembles with no tools: no tools needed.",
    "Writing desk. No degree required: it won't require an advanced degree to build.",
    "Mug, stoneware.\nNOT DISHWASHER SAFE - hand wash\nDishwasher safe lid sold separately.",
    "Lamp kit. No bulb needed if you use the LED insert; requires a bulb otherwise.",
])
def test_no_tools_a_hedge_or_a_part_is_no_need_clash(brief: str) -> None:
    assert need_clash(brief) is None


def test_a_parts_need_is_no_need_clash() -> None:
    assert need_clash("Gel nail kit\nNo lamp needed for the base coat\nColour coat: cure under a "
                      "UV lamp, 60 s") is None


def test_a_thing_said_absent_and_then_acted_on_is_refused() -> None:
    pair = need_clash("Smart plug\n- Works offline: no app, no hub, no cloud\nSetup: download "
                      "the HomeLink app and pair it with your router.")
    assert pair is not None and "no app" in pair[1]


def test_requires_no_batteries_is_no_need_clash() -> None:
    assert need_clash("Wind-up torch, no batteries. Requires no batteries, ever.") is None


def test_an_app_needed_only_for_one_use_is_no_clash() -> None:
    assert need_clash("Router\nNo app needed for basic setup\nFor mesh: install the NetMesh "
                      "app") is None


def test_stackable_and_cannot_be_stacked_on_each_other_are_refused() -> None:
    from knowledge.errors import InvalidRequestError
    from tools.creatives.contradictions import check_contradictions

    with pytest.raises(InvalidRequestError):
        check_contradictions("Storage crate\nSTACKABLE: up to 5 high\nPlease note: the curved "
                             "lid means crates cannot be stacked on each other.")
    with pytest.raises(InvalidRequestError):
        check_contradictions("Star stickers, 50\n- GLOWS IN THE DARK all night\nMaterial: "
                             "plain vinyl, does not glow.")
