"""Guesses the finders offer the calibrated filter alone: what a shopper sees after import.

Real parts only: the filter is the one ``shopmage train extraction`` builds from the repo's
gold sets (cached like the other trained models); listings go through the real finders.
"""

from __future__ import annotations

import pytest

from knowledge.extraction.apply import extract_listing
from knowledge.extraction.calibration_model import load_filter
from knowledge.extraction.described import UNCONFIRMED
from knowledge.extraction.head_type import guess_type


@pytest.fixture(scope="module")
def model() -> dict:
    """The trained filter (built once into the shared model cache when missing)."""
    found = load_filter()
    assert found is not None, "the extraction filter could not be built"
    return found


def test_an_unseen_product_type_is_kept(model: dict) -> None:
    # "mouse" is in no gold set the filter learned from: it must not be dropped for that
    found = extract_listing("Wireless Optical Mouse", [], "", model=model)
    assert found.attributes.get("type") == "mouse"


def test_an_untyped_title_gets_its_head_noun_as_type(model: dict) -> None:
    # no known type heads this title (a grade runs on after the item); the finders alone
    # leave it untyped, the head-noun guess passes the filter
    title = "Red Devil 0826 100% Silicone Sealant Architectural Grade, 9.8 oz., clear"
    bullets = ["Silicone sealant for windows, doors and siding", "Cures in 24 hours"]
    assert "type" not in extract_listing(title, bullets, "", model=None).attributes
    assert extract_listing(title, bullets, "", model=model).attributes.get("type") == "sealant"


def test_a_book_title_is_not_typed_by_a_word_of_its_name(model: dict) -> None:
    # the guess "wife" is unlikely: dropped, and not kept as search text either
    found = extract_listing("The Silent Wife", [], "", model=model)
    assert "type" not in found.attributes
    assert not [s for s in found.spans.get(UNCONFIRMED, []) if s.get("key") == "type"]


def test_a_fit_named_in_the_title_is_a_size(model: dict) -> None:
    title = "Jane Doe Women's Plus Size Stretch Jeans, Blue, 18W"
    assert "plus" not in (extract_listing(title, [], "", model=None).attributes.get("sizes")
                          or [])
    assert "plus" in extract_listing(title, [], "", model=model).attributes["sizes"]
    petite = extract_listing("Bali Women's Petite Jacquard Shapewear Brief 2-Pack", [], "",
                             model=model)
    assert "petite" in petite.attributes["sizes"]


def test_given_attributes_get_no_guesses(model: dict) -> None:
    found = extract_listing("The Silent Wife", [], "", model=model,
                            given={"type": "book", "sizes": ["paperback"]})
    assert found.attributes["type"] == "book"
    assert found.attributes["sizes"] == ["paperback"]


def test_the_guess_is_the_head_noun_of_the_first_phrase() -> None:
    # known type rightmost in the first phrase; else its last plain word; the brand is no guess
    tray = guess_type("Moroccan Inlay Serving Tray Brushed Brass Handles Decorative")
    assert tray is not None and tray[::3] == ("tray", "known")
    mix = guess_type("Tastefully Simple Beer Bread Mix, 19 Ounce", "Tastefully Simple")
    assert mix is not None and mix[::3] == ("mix", "head")
    assert guess_type("12345 - Black") is None
