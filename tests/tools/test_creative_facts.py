"""Brief parsing: quantities as written, typed facts with spans, contradictions named."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from knowledge.nlp.quantities import find_quantities
from tools.creatives.facts import parse_facts


def test_quantities_keep_the_merchants_surface_and_normalise_the_unit() -> None:
    text = ("750ml, 18 x 12 inches, sizes 8-13, 2800mAh, 1200 recharge cycles, oven safe to "
            "500F, 18-month battery, set of 5, 1.7L, 5-52.5 lbs, 3/4 inch, 5 in 1")
    found = {q.text: (q.kind, q.unit) for q in find_quantities(text)}
    assert found["750ml"] == ("capacity", "ml")
    assert found["18 x 12 inches"] == ("dimension", None)
    assert found["sizes 8-13"] == ("size_range", None)
    assert found["2800mAh"] == ("capacity", "mah")
    assert found["1200 recharge cycles"] == ("count", None)
    assert found["500F"] == ("temperature", "f")
    assert found["18-month"] == ("duration", "month")
    assert found["set of 5"] == ("count", None)
    assert found["1.7L"] == ("capacity", "l")
    assert found["5-52.5 lbs"] == ("weight", "lb")
    assert found["3/4 inch"] == ("dimension", "in")
    assert "5 in" not in found  # "5 in 1" is no length
    assert [q.value for q in find_quantities("10,000mm")] == [10000.0]


def test_a_brief_becomes_brand_head_and_typed_facts_with_spans() -> None:
    brief = ("Hydra stainless steel water bottle 750ml, keeps drinks cold 24 hours, "
             "leak-proof lid, 3-year warranty, fits cup holders, BPA free")
    parsed = parse_facts(brief)
    assert parsed.brand == "Hydra" and parsed.head == "stainless steel water bottle"
    typed = {(f.type, f.text) for f in parsed.facts}
    assert {("capacity", "750ml"), ("duration", "24 hours"), ("warranty", "3-year warranty"),
            ("certification", "BPA free"), ("feature", "leak-proof lid")} <= typed
    for fact in parsed.facts:
        assert brief[fact.start:fact.end] == fact.text


def test_included_items_compatibility_and_audience_are_typed() -> None:
    parsed = parse_facts("men's running shoes sizes 8-13, fits iPhone 15 Pro, "
                         "carry bag included, works with Alexa")
    typed = {(f.type, f.text) for f in parsed.facts}
    assert ("size_range", "sizes 8-13") in typed
    assert ("compatibility", "iPhone 15 Pro") in typed
    assert ("included", "carry bag") in typed
    assert ("compatibility", "Alexa") in typed
    assert parsed.head == "men's running shoes"


@pytest.mark.parametrize(("brief", "named"), [
    ("soft t-shirt, cotton, 100% polyester", "'100% polyester' but also 'cotton'"),
    ("socks, 60% cotton 50% wool", "add up to 110%"),
    ("hiking boots, waterproof, not waterproof", "'waterproof' and also 'not waterproof'"),
    ("", "the brief is empty"),
    ("   ", "the brief is empty"),
    ("mat " * 1250, "the brief is too long: 4999 characters, at most 1000"),
])
def test_bad_briefs_get_a_message_naming_the_problem(brief: str, named: str) -> None:
    with pytest.raises(InvalidRequestError) as err:
        parse_facts(brief)
    assert named in str(err.value)


def test_a_composition_that_adds_up_is_no_contradiction() -> None:
    parsed = parse_facts("high waisted leggings, 75% nylon 25% spandex, 25 inch inseam")
    typed = {(f.type, f.text) for f in parsed.facts}
    assert {("material", "75% nylon"), ("material", "25% spandex")} <= typed
