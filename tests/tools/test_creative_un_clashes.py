"""One property given with its stem and with that stem denied ('pre-lit' / 'unlit') is refused."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize(("brief", "sides"), [
    ("Artificial wreath, 24 in, pre-lit with 50 warm LEDs. Unlit: add your own lights.",
     ("pre-lit", "Unlit")),
    ("Sofa cushion cover, upholstered look, 45 cm. Non-upholstered frame sold alone.",
     None),
    ("Dog coat, fleece-lined, sizes XS-L. Fully unlined, so it stays cool on warm days.",
     ("fleece-lined", "unlined")),
])
def test_a_stem_and_its_denial_are_refused(brief: str, sides: tuple[str, str] | None) -> None:
    if sides is None:
        check_contradictions(brief)  # a part's ("frame") denial: no clash of the product
        return
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions(brief)
    assert all(side in str(err.value) for side in sides)


@pytest.mark.parametrize("brief", [
    "Sketchbook, 80 unlined pages, A5, hardcover.",
    "Insulated lunch bag, 6 L, wipe-clean lining, uninsulated front pocket.",
    "Soy candle, unscented, 200 g, cotton wick.",
])
def test_a_stem_alone_or_a_parts_denial_is_no_clash(brief: str) -> None:
    check_contradictions(brief)


def test_two_scales_said_as_the_scale_are_refused() -> None:
    with pytest.raises(InvalidRequestError) as err:
        check_contradictions("Tank model kit, 1:35 scale, 120 parts. Scale: 1/72. Ages 14+.")
    assert "1:35" in str(err.value) and "1/72" in str(err.value)


@pytest.mark.parametrize("brief", [
    "Model kit 1:35 scale. Figures sold separately in 1:72 scale.",
    "Die-cast car 1:24 scale, also available in 1:18 scale.",
    "Model train, 1:87 scale (HO). Track: 1:87 scale compatible.",
])
def test_another_things_scale_is_no_clash(brief: str) -> None:
    check_contradictions(brief)
