"""Materials said in passing and size conversions, offered to the calibrated filter alone.

Real finders throughout; the last tests use the filter ``shopmage train extraction`` builds
from the repo's gold sets (cached like the other trained models).
"""

from __future__ import annotations

import pytest

from knowledge.extraction.apply import extract_listing
from knowledge.extraction.calibration import texts_of
from knowledge.extraction.calibration_model import load_filter
from knowledge.extraction.described import UNCONFIRMED
from knowledge.extraction.extract import extract
from knowledge.extraction.head_type import GUESS
from knowledge.extraction.mentions import table_key
from knowledge.extraction.offers import add_offers


def _offered(title: str, bullets: list[str], given: dict | None = None) -> dict[str, dict]:
    """The finders' output plus the offers, as ``value -> span`` of the offered values."""
    result = extract(title, bullets, "", given=given)
    add_offers(result, title, None, texts_of(title, bullets, "", None))
    return {s["value"]: s for spans in result.spans.values() for s in spans if s.get(GUESS)}


def test_a_material_said_of_a_part_is_offered_not_stated() -> None:
    title = "Kaweco Sport Fountain Pen, Natural Coconut"
    bullets = ["Features a screw-on cap, a stainless steel nib and a rubber grip"]
    assert "materials" not in extract(title, bullets, "").attributes
    offered = _offered(title, bullets)
    assert offered["stainless steel"][GUESS] == "mention"
    assert offered["rubber"]["text"] == "rubber"
    assert "steel" not in offered  # the longer name is read, not also its last word


def test_a_material_the_finders_keep_is_not_offered_again() -> None:
    title = "Cotton Crew Socks"
    bullets = ["Made of 80% cotton and 20% nylon"]
    offered = _offered(title, bullets)
    assert "cotton" not in offered and "nylon" not in offered


def test_a_kept_size_offers_its_conversion_beside_it() -> None:
    # the title's "1 Inch" is kept; a bullet says it again with its metric conversion
    offered = _offered("Leather Strap 1 Inch Wide", ["1 inch (2.5cm) wide, 90 inches long"])
    assert offered["2.5cm"][GUESS] == "conversion"
    assert "90in" not in offered  # another measure, not a conversion of a kept one
    before = _offered("Leather Strap 1 Inch Wide", ["Width: 2.5cm (1 inch)"])
    assert before["2.5cm"][GUESS] == "conversion"


def test_given_values_get_no_offers() -> None:
    offered = _offered("Kaweco Sport Fountain Pen", ["a stainless steel nib"],
                       given={"materials": ["resin"]})
    assert "stainless steel" not in offered


def test_offers_keep_their_own_reliability_tables() -> None:
    assert table_key("materials", [{GUESS: "mention"}]) == "materials~mention"
    assert table_key("sizes", [{GUESS: "conversion"}]) == "sizes~conversion"
    assert table_key("type", [{GUESS: "head"}]) == "type"  # the type guesses stay as they were
    assert table_key("materials", [{}]) == "materials"


@pytest.fixture(scope="module")
def model() -> dict:
    """The trained filter (built once into the shared model cache when missing)."""
    found = load_filter()
    assert found is not None, "the extraction filter could not be built"
    return found


def test_the_filter_judges_mentions_and_drops_them_without_search_text(model: dict) -> None:
    # a cleaner "for glass surfaces" is not made of glass: the mention must not be kept,
    # and a dropped guess never becomes search text
    found = extract_listing("Streak-Free Window Cleaner Spray, 32 oz",
                            ["Safe for glass surfaces, mirrors and chrome"], "", model=model)
    assert "glass" not in (found.attributes.get("materials") or [])
    assert not [s for s in found.spans.get(UNCONFIRMED, []) if s.get("key") == "materials"
                and s.get(GUESS)]
    assert "32oz" in found.attributes["sizes"]
