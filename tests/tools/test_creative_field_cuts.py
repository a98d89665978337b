"""A fact's measure stays with its thing: field separators, sentence ends, thickness, codes.

Briefs written for these tests (none from an audit).
"""

from __future__ import annotations

from tools.creatives.facts import parse_facts
from tools.creatives.listing_builder import build_listing
from tools.creatives.view_names import listing_view


def _pieces(brief: str) -> list[str]:
    parsed = parse_facts(brief)
    return [s.text for s in listing_view(parsed).segments]


def _listing(brief: str) -> tuple[str, list[str]]:
    parsed = parse_facts(brief)
    built = build_listing(listing_view(parsed), parsed.brand)
    return built.title, built.bullets


def test_double_slashes_part_fields_as_pipes_do() -> None:
    pieces = _pieces("Dustpan set // Brush: boar bristle, 9 in. // Pan: powder-coated steel")
    assert "Brush: boar bristle, 9 in" in " ".join(pieces)
    assert not any("//" in p for p in pieces)


def test_a_words_stop_before_a_number_ends_its_sentence() -> None:
    pieces = _pieces("Chopsticks, 5 pairs: black, red, natural. 24 cm bamboo. Gift box incl.")
    assert not any(p.endswith("natural. 24 cm") for p in pieces)
    pieces = _pieces("Hay rack, holds approx. 2 lb of hay")  # an abbreviation's stop ends nothing
    assert any("approx. 2 lb" in p for p in pieces)


def test_a_thickness_stays_with_its_material() -> None:
    pieces = _pieces("Cabinet scraper set, 2 pcs: straight, curved. 0.8 mm spring steel. "
                     "Made in UK")
    assert "0.8 mm spring steel" in pieces


def test_a_model_code_alone_is_not_the_name() -> None:
    title, bullets = _listing("Model SX-40\nCordless hand vacuum\nFilter: washable HEPA")
    assert title.startswith("Cordless Hand Vacuum")
    assert any("SX-40" in b for b in bullets)


def test_an_age_in_months_is_no_size() -> None:
    _title, bullets = _listing("Stacking cups, 8 pcs, BPA free. Floats in bath. 6m+.")
    assert not any(b.startswith("Size and capacity") and "6m+" in b for b in bullets)


def test_no_size_heading_before_what_it_takes() -> None:
    _title, bullets = _listing("Sanding pad, cork. Takes 6 in. hook & loop discs only. "
                               "10 discs included.")
    assert not any(b.startswith("Size and capacity: Takes") for b in bullets)


def test_a_fabric_weight_stays_with_its_fabric() -> None:
    assert "10 oz cotton duck" in _pieces("Chore coat. Snap front, two pockets. 10 oz cotton duck. "
                                          "Sizes S-XL.")


def test_where_it_goes_stays_with_its_verb() -> None:
    pieces = _pieces("Bat box - cedar, 3 chambers. Mount on a pole, 12-15 ft up.")
    assert any(p.endswith("12-15 ft up") and "Mount" in p for p in pieces)


def test_no_materials_heading_before_parts_joined_by_plus() -> None:
    _title, bullets = _listing("Ferro rod kit, 4 in. rod, leather lanyard + steel striker, "
                               "works wet")
    assert not any(b.startswith("Materials: leather lanyard") for b in bullets)
