"""A denial in a question, a hedge, a comparison or an options list is no clash; a real one is."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_negation import check_denials
from tools.creatives.contradictions import check_contradictions


@pytest.mark.parametrize("brief", [
    "Wave brush, boar bristles. Faster progress in weeks.\nTIRED OF BRUSHING AND SEEING NO "
    "PROGRESS? Try it.",
    "Packing tape, 6 rolls. Guaranteed to stay sealed (if your box does not stay sealed, we "
    "refund you).",
    "Planner for teachers, students, dogs all love it (ok maybe not dogs).",
    "Potassium capsules, 700 mg. No potassium capsule on the market has more!",
    "Tortilla chips, sea salt. Pick flavors like Lime, Ranch and No Salt.",
    "Cat treats with real chicken. NO CHICKEN (OR POULTRY) BY-PRODUCT MEALS.",
    "Multivitamin. Your usual supplements can contain fillers and preservatives. "
    "Ours: preservative-free.",
    "Water jug, 2 L. INSULATED STORAGE SLEEVE with pockets.\nThe jug itself is not insulated.",
])
def test_a_denial_that_is_no_claim_is_no_clash(brief: str) -> None:
    check_denials(brief)


def test_a_plain_denial_still_clashes() -> None:
    with pytest.raises(InvalidRequestError):
        check_denials("Rain jacket, waterproof, 2 pockets.\nNote: not waterproof.")


@pytest.mark.parametrize("brief", [
    "Flip flops, rubber\nALL FLIP, NO FLOP: comfy sandals\nFlip flops for women",
    "Nail lamp 86W\nCures twice as fast; unlike other lamps at 48W it needs one coat.",
    "Kettle 1.7 L\nIf you need a smaller one, it also comes in 1 L.",
])
def test_a_slogan_or_a_sentence_about_other_things_is_no_clash(brief: str) -> None:
    check_contradictions(brief)


def test_a_side_said_only_of_other_products_is_no_clash() -> None:
    brief = ("Rain jacket, waterproof\nCompared to other brands that are not waterproof, ours "
             "keeps you dry")
    with pytest.raises(InvalidRequestError):
        check_denials(brief)  # the reader alone refuses; the scope filter lifts it
    check_contradictions(brief)


@pytest.mark.parametrize("brief", [
    "Remote control, batteries included.\nNote: batteries not included, sold separately.",
    "Kettle 1.7 L, cordless.\nMust be plugged in to work; optional travel base.",
])
def test_a_real_clash_beside_an_item_sold_apart_is_still_refused(brief: str) -> None:
    with pytest.raises(InvalidRequestError):
        check_contradictions(brief)
