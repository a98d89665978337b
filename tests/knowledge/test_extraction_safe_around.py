"""Audience words that say whom a product is safe around, or an animal's life stage."""

from __future__ import annotations

from knowledge.extraction.extract import extract


def _audiences(title: str) -> list[str]:
    return list(extract(title).attributes.get("audiences", []))


def test_friendly_and_proof_say_safe_around_not_made_for() -> None:
    assert _audiences("Magnetic Screen Door - Pet and Kid Friendly - 38 x 82") == []
    assert "baby" not in _audiences("Edge Protector, 3ft Baby Proofing Corners Clear Guards")
    assert _audiences("Window Screen Replacement, Pet Dog Cat Resistant Polyester Screen") == []


def test_an_adult_animal_is_its_life_stage() -> None:
    assert "adults" not in _audiences("Natural Indoor Adult Dry Cat Food, Fish & Potato 5-lb")


def test_a_plain_audience_stays() -> None:
    assert "kids" in _audiences("Kids Water Bottle with Straw Leak Proof 12 oz")
    assert "women" in _audiences("Curly Wigs with Bangs for Women Heat Resistant Synthetic Hair")
