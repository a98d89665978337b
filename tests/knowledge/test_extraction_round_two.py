"""Readings from the nineteenth gold set's errors, made general (X5 round 2)."""

from __future__ import annotations

from typing import Any

from knowledge.extraction.extract import extract
from knowledge.extraction.finders import find_title_colors


def _attrs(title: str, bullets: list[str] | None = None) -> dict[str, Any]:
    return dict(extract(title, bullets or []).attributes)


def test_anti_scratch_is_its_own_tag() -> None:
    features = _attrs("Silicone Case Cover", ["Soft, anti-scratch and shockproof"])["features"]
    assert "anti-scratch" in features
    assert "scratch-resistant" not in features


def test_multi_before_a_part_or_a_use_is_no_colour() -> None:
    assert find_title_colors("Magnetic Multi-Bit Screwdriver", []) == []
    assert find_title_colors("Tool Pouch with Multi Pockets", []) == []
    assert [c for c, _, _ in find_title_colors("Strappy Sandal, Navy Multi, 7 M US", [])] \
        == ["navy", "multicolor"]


def test_a_list_of_what_it_holds_is_not_made_of_them_even_beside_a_part() -> None:
    found = _attrs("Portable Oven", [
        "Use with containers made by metal, glass, cardboard, ceramic material.",
        "Durable Material: canvas, aluminum insulation lining."])
    assert set(found["materials"]) == {"canvas", "aluminum"}


def test_a_labelled_list_of_materials_stays() -> None:
    found = _attrs("Swivel Chair", ["Color: white; Materials: PU leather, plywood, foam, iron"])
    assert {"faux leather", "plywood", "foam", "iron"} <= set(found["materials"])


def test_what_a_title_says_it_is_safe_on_is_no_material() -> None:
    found = _attrs("Water Bottle Scrubber, Safe On Glass, Plastic and Stainless Steel")
    assert "materials" not in found


def test_a_property_before_a_known_type_is_no_part_of_the_type() -> None:
    assert _attrs("SUNNOW Ergonomic Office Chair, Mesh Desk Chair")["type"] == "office chair"


def test_xxxl_is_written_3xl_and_synthetic_suede_is_faux_suede() -> None:
    assert "3xl" in _attrs("Ribbed Tank Tops for Women White XXXL")["sizes"]
    found = _attrs("Fuzzy Slipper", ["Soft textile uppers and synthetic suede bottoms"])
    assert "faux suede" in found["materials"]
