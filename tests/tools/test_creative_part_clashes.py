"""Refusals only for real clashes: a class and its member, two parts, two capacities.

"100% PVC" and "plastic" say the same thing (PVC is a plastic); a cover of cotton and a fill
of polyester are two parts; "Capacity: 1.7 L" and "this 800 ml kettle" are one quantity
given twice. These briefs were written for these tests, apart from any audit set.
"""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize("brief", [
    "Plastic bath toys, 6 pack: 100% PVC, floats",
    "Lunch box 100% polypropylene, plastic latches",
    "Steel water bottle, 100% stainless steel, metal cap",
    "Cushion insert 20 x 20 in. Cover: 100% linen. Fill: 100% polyester fiber. Spot clean.",
    "Kettle 1.7 L, includes 300 ml cup",
    "Water bottle, Capacity: 750 ml (25 oz), 750ml bottle fits cup holders",
    "Travel mug, Capacity: 16 oz (473 ml)",
])
def test_no_refusal_without_a_clash(brief: str) -> None:
    check_contradictions(brief)


@pytest.mark.parametrize(("brief", "named"), [
    ("Electric Tea Kettle\nCapacity: 1.7 L (57 oz)\nThis handy 800 ml kettle boils fast.",
     "800 ml"),
    ("Tumbler, Capacity: 20 oz, a slim 12 oz tumbler for travel", "12 oz"),
    ("Socks 100% cotton. Material: 80% polyester, 20% nylon", "polyester"),
    ("Mug 100% ceramic, plastic", "plastic"),
])
def test_a_real_clash_is_refused_by_name(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError, match=named):
        check_contradictions(brief)
