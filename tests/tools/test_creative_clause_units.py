"""A clause the parser cut uncertainly is shown whole, under no heading (clause_units).

Written in other words than the audits' briefs: the classes are v22-v24's (a list cut at
its commas, a bare number or negation left alone, a fit list put under a heading).
"""

from __future__ import annotations

import pytest

from tools.creatives.brief_brand import find_brand
from tools.creatives.clause_units import CLAUSE
from tools.creatives.facts import parse_facts
from tools.creatives.listing_builder import build_listing
from tools.creatives.view_names import listing_view


def _view(brief: str) -> list[str]:
    return [s.text for s in listing_view(parse_facts(brief)).segments]


@pytest.mark.parametrize(("brief", "whole"), [
    # a working verb's list
    ("Hole saw 2 in., bi-metal, cuts pine, oak, MDF, not for steel", "cuts pine, oak, MDF"),
    # what it fits, measures of the thing it fits
    ("Shelf liner, fits drawers up to 22 in. deep, 40 in. wide", "22 in. deep, 40 in. wide"),
    # a count before its things
    ("Fishing lure kit, 30 pcs spoons, spinners & jigs, tackle box", "spinners & jigs"),
    # a number list of models
    ("Tablet stand, compatible with Kindle 10, 11, 12 only", "10, 11, 12 only"),
    # a negation leaning on the piece before it
    ("Ink cartridge, remanufactured, not made by Epson", "remanufactured, not made by Epson"),
    # a bare measure after a feature: what it measures
    ("Head torch, USB charging, 3 hrs, 300 lumens", "USB charging, 3 hrs"),
])
def test_an_uncertain_cut_is_undone(brief: str, whole: str) -> None:
    assert any(whole in text for text in _view(brief))


@pytest.mark.parametrize(("brief", "apart"), [
    # a property said on its own after a verb's clause
    ("Travel mug 12 oz, keeps coffee hot 6 hours, leak-proof lid", "leak-proof lid"),
    # a line, a pipe, a sentence's end are sure cuts
    ("Desk lamp | fits desks up to 3 in. thick | 3 colour modes", "3 colour modes"),
    ("Desk lamp\nfits desks up to 3 in. thick\nwarm light", "warm light"),
])
def test_a_certain_cut_stays(brief: str, apart: str) -> None:
    assert apart in _view(brief)


def test_a_clause_never_opens_inside_brackets() -> None:
    texts = _view("Garden gloves (2 pairs), sizes S-L, nitrile palm")
    assert not any(t.startswith(("2 pairs)", "pairs)")) for t in texts)


def test_a_long_clause_is_cut_to_fit_a_bullet() -> None:
    items = ", ".join(f"model {n}00" for n in range(1, 40))
    texts = _view(f"Charger cable, compatible with {items}")
    assert all(len(t) <= 180 for t in texts) and len(texts) > 1


def test_a_bare_percentage_before_the_name_stays_with_it() -> None:
    view = listing_view(parse_facts("100% linen tea towel, 18 x 28 in., hemmed edges"))
    assert view.head.startswith("100% linen tea towel")
    assert "100%" not in [s.text for s in view.segments]


def test_a_whole_clause_gets_no_heading_and_no_title_place() -> None:
    view = listing_view(parse_facts("Jigsaw blade set, cuts pine, oak, acrylic, 10 pcs"))
    listing = build_listing(view)
    clause = next(s for s in view.segments if s.kind == CLAUSE)
    assert clause.text.lower() in " ".join(listing.bullets).lower()
    assert not any(b.startswith(("Materials", "Features", "Size")) and "oak" in b
                   for b in listing.bullets)
    assert "Oak" not in listing.title and "oak" not in " ".join(listing.keywords)


def test_no_features_heading() -> None:
    listing = build_listing(listing_view(parse_facts("Bird feeder, squirrel guard, hanging hook")))
    assert not any(b.startswith("Features:") for b in listing.bullets)


@pytest.mark.parametrize("brief", [
    "Toner cartridge, generic, not made by Canon",
    "Replacement filter - never sold by Dyson - fits V8",
])
def test_a_denied_maker_is_no_brand(brief: str) -> None:
    assert find_brand(brief)[0] is None


def test_a_stated_maker_stays_the_brand() -> None:
    assert find_brand("Steel water bottle by Hydra, 750 ml")[0] == "Hydra"


def test_a_one_word_name_goes_on_to_the_products_noun() -> None:
    view = listing_view(parse_facts("regulation size 5 football, synthetic leather"))
    assert view.head.endswith("football")
    view = listing_view(parse_facts("Packing tape dispenser w/ 2 rolls, 2 in. wide"))
    assert view.head == "Packing tape dispenser"  # a name that names its product stands


@pytest.mark.parametrize(("brief", "whole"), [
    ("Camp stove windscreen, never use indoors - fire risk", "never use indoors - fire risk"),
    ("Multimeter, shows V, A, Ohm, auto range", "shows V, A, Ohm"),
])
def test_a_warning_keeps_its_reason_and_a_letter_its_list(brief: str, whole: str) -> None:
    assert any(whole in text for text in _view(brief))


def test_a_token_cut_in_two_stays_whole_and_a_list_of_things_is_one() -> None:
    view = listing_view(parse_facts("SKU TB-5L | Tool bag 5 l | canvas"))
    assert view.head.startswith("SKU TB-5L")
    assert any("saws, drills, sanders" in t for t in _view(
        "Dust bag | saws, drills, sanders | 2 pcs"))


def test_a_fit_line_gets_no_materials_heading() -> None:
    listing = build_listing(listing_view(parse_facts(
        "Bristle board, 12 in. Cork darts only (not steel tip).")))
    assert not any(b.startswith("Materials") for b in listing.bullets)


def test_where_the_wood_grew_is_no_brand() -> None:
    assert find_brand("Spoons carved from Vermont maple, 8 in.")[0] is None


@pytest.mark.parametrize(("brief", "whole"), [
    ("Suet cake, 11 oz. Peanut, corn & oats. Cage not included.", "11 oz. Peanut, corn & oats"),
    ("Block plane | 1-5/8 in. O1 blade | cast iron body", "1-5/8 in. O1 blade"),
])
def test_a_units_stop_ends_no_sentence(brief: str, whole: str) -> None:
    assert any(whole in text for text in _view(brief))
