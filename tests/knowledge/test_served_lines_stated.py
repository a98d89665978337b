"""A line answers a need the shopper stated, in words the listing says of the product itself.

From the v18 census classes: a need read from the asked type's own word ("dutch oven" ->
oven cooking), a hyphenated word read as its part ("slip-on" -> slipping), a figurative or
range-wide listing word ("feels like a warm hug", "has products suitable for sensitive skin"),
and "except" before the attribute.
"""

from pathlib import Path

import pytest

from knowledge.graph.compounds import bound_parts
from knowledge.graph.evidence import Lexicon, Span, find_evidence
from knowledge.graph.line_checks import figurative, inside_only, lessened, range_of_products
from knowledge.search import SearchFilters
from knowledge.store import Store
from tests.knowledge.served_shop import serve_rows

ROWS = [
    ("D1", "Enamel Cast Iron Dutch Oven", ["Oven safe to 500F, works on induction cooktops"]),
    ("D2", "Enamel Dutch Oven with Lid", ["Oven safe, braises low and slow"]),
    ("W1", "Vacuum Insulated Water Bottle", ["Double wall insulated stainless steel"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    return serve_rows(store, tmp_path, ROWS, price=60.0)


def _lines(shop: Store, query: str, ids: list[str]) -> dict[str, list[str]]:
    hits = shop.search.search(query, SearchFilters(product_ids=ids), k=len(ids))
    return {h.product.id: h.why for h in hits}


def test_the_asked_types_own_word_states_no_need(shop: Store) -> None:
    lines = _lines(shop, "dutch oven for a vegetarian who cooks beans from dry", ["D1", "D2"])
    assert not any(line.startswith("Oven-safe") for found in lines.values() for line in found)


def test_a_need_said_outside_the_type_still_speaks(shop: Store) -> None:
    lines = _lines(shop, "dutch oven to braise in the oven", ["D1", "D2"])
    assert any(line.startswith("Oven-safe") for line in lines["D2"])


def test_the_reason_is_the_best_read_heads(shop: Store) -> None:
    lines = _lines(shop, "water bottle for a hot hike that keeps water cold all day", ["W1"])
    assert any(line.startswith("Insulated") and "cold" in line for line in lines["W1"])
    assert not any("hot" in line for line in lines["W1"])  # "hot ... keeps" is no "keeps hot"


def test_a_verb_particle_word_is_not_its_verb() -> None:
    assert bound_parts("slip-on shoes for a guy with arthritis") == {"slip": "slip-on"}
    assert bound_parts("pull-up pants for potty training") == {"pull": "pull-up"}
    assert bound_parts("non-slip socks for a 12-hour shift") == {}  # no particle: parts stand
    assert bound_parts("slip-on shoes for a man who slips") == {}  # "slips" said on its own


def _span(attribute: str, quote: str, said: str) -> Span:
    return Span(attribute, "bullets", quote, "text", said)


def test_a_likeness_or_a_gift_is_no_property() -> None:
    assert figurative(_span("warm", "across your body that feels like a warm", "warm"))
    assert figurative(_span("warm", "is a warm and practical housewarming gift", "warm"))
    assert not figurative(_span("warm", "thick fleece keeps you warm on cold nights", "warm"))
    assert not figurative(_span("cushioned", "soft foam to cushion your every step", "cushion"))
    assert figurative(_span("warm", "a warm feeling of being gently hugged", "warm"))


def test_an_inside_part_keeps_no_water_out() -> None:
    lunch = "WATERPROOF INTERIOR: The lunch box layer"
    assert inside_only(_span("waterproof", lunch, "waterproof"), "waterproof")
    assert inside_only(_span("waterproof", "with a waterproof lining for ice", "waterproof"),
                       "waterproof")
    assert not inside_only(_span("waterproof", "waterproof shell keeps the rain out",
                                 "waterproof"), "waterproof")
    assert not inside_only(_span("leak-proof", "leak-proof lining", "leak-proof"), "leak-proof")


def test_the_makers_range_is_not_this_product() -> None:
    quote = "and has products suitable for dry skin, sensitive skin, oily skin"
    assert range_of_products(_span("sensitive-skin", quote, "sensitive skin"))
    assert range_of_products(_span("sensitive-skin", quote, "sensitive-skin"))  # extracted
    assert not range_of_products(_span("sensitive-skin", "gentle on sensitive skin",
                                       "sensitive skin"))


def test_except_before_the_attribute_negates_it() -> None:
    product = {"title": "Ceramic Frying Pan Set",
               "bullets": ["Works with all stovetops except induction"],
               "description": "", "attributes": {}}
    assert find_evidence(product, "induction-compatible", Lexicon()) is None


def test_a_word_that_lessens_the_attribute_claims_none() -> None:
    assert lessened(_span("cushioned", "high elasticity and softness to reduce cushion", "cushion"))
    assert not lessened(_span("cushioned", "extra cushion to reduce fatigue", "cushion"))
