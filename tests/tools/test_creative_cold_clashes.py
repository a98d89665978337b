"""The coldest a product takes, bounded both ways ('hardy to -30F' / 'frost-tender'), clashes."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_cold import cold_limits
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize("brief", [
    "Lemon tree, 3 gal pot.\nWINTER: hardy down to -20\u00b0F, leave it outside.\nCare: dies "
    "below 25\u00b0F, bring it in.",
    "Fig tree, live plant.\nCold hardy to -15 C.\nCare tag: frost-tender.",
])
def test_two_bounds_on_the_coldest_it_takes_are_refused(brief: str) -> None:
    with pytest.raises(InvalidRequestError):
        check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    "Rosemary, live plant. Hardy down to 10\u00b0F. Protect from temperatures below 5\u00b0F.",
    "Sleeping bag, comfort rating -5\u00b0C, limit -12\u00b0C.",
    "Basil plant, frost-tender annual, 4 in pot.",
])
def test_bounds_that_meet_or_one_alone_are_no_clash(brief: str) -> None:
    check_contradictions(brief)


def test_no_hardiness_no_bounds() -> None:
    assert cold_limits("Kettle, dies below 0\u00b0C? no, it is a kettle.") == []


def test_a_young_plants_bound_is_no_clash() -> None:
    check_contradictions("Camellia shrub\nHardy down to 5\u00b0F once established\nYoung plants: "
                         "protect from frost below 25\u00b0F for the first winter")
