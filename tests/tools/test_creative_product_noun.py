"""A listing names the item sold by its own noun: never a part, a verb or what it is used with.

Run-on briefs put a part before the product ("soft sole toddler moccasins"), the drink a
tool is used with before its noun ("loose leaf tea steeper"), or the product's verb right
after its name ("binding machine punches 15 sheets"). The title and keywords a merchant
sees end on the product's noun; the other words stay in the listing as facts. These
briefs were written for these tests, apart from any audit set.
"""

from __future__ import annotations

from knowledge.store import Store
from tools.creatives.facts import parse_facts
from tools.creatives.listing_builder import build_listing

from .test_creative_run_on import _draft, _shown


def _listing(brief: str) -> tuple[str, list[str], str]:
    """Title, keywords and every shown line of the listing built from ``brief``."""
    listing = build_listing(parse_facts(brief))
    shown = " ".join([listing.title, *listing.bullets, listing.description])
    return listing.title, listing.keywords, shown


def test_a_tool_is_named_by_its_noun_not_by_the_drink_it_is_used_with(store: Store) -> None:
    c = _draft(store, "STONEWARE LOOSE LEAF TEA STEEPER SIZE 1 FITS MOST CUPS DISHWASHER SAFE")
    assert str(c["title"]).startswith("Stoneware Loose Leaf Tea Steeper")
    assert c["keywords"][0] == "stoneware loose leaf tea steeper"  # type: ignore[index]
    assert not {"tea", "leaf tea"} & set(c["keywords"])  # type: ignore[call-overload]
    assert "size 1" in _shown(c).lower() and "fits most cups" in _shown(c).lower()
    title, keywords, shown = _listing("stainless espresso coffee tamper size 51 fits most "
                                      "portafilters")
    assert title.startswith("Stainless Espresso Coffee Tamper") and "coffee" not in keywords
    assert "size 51" in shown.lower()


def test_a_part_named_before_the_product_is_no_product(store: Store) -> None:
    c = _draft(store, "soft sole toddler moccasins suede leather sizes 2-6")
    assert str(c["title"]).startswith("Soft Sole Toddler Moccasins")
    assert "soft sole" not in c["keywords"]  # type: ignore[operator]
    assert str(c["description"]).lower().startswith("soft sole toddler moccasins")
    title, keywords, shown = _listing("anti fog swim goggles uv protection lens adult")
    assert title.startswith("Anti Fog Swim Goggles,") and "uv protection lens" in shown.lower()
    assert not any(k.endswith("lens") for k in keywords)
    title, keywords, _ = _listing("wool hiking socks cushioned heel 3 pairs")
    assert title.startswith("Wool Hiking Socks,") and "heel" not in " ".join(keywords)


def test_a_part_sold_on_its_own_keeps_its_name() -> None:
    title, keywords, _ = _listing("leather watch strap 20mm quick release pins")
    assert title.startswith("Leather Watch Strap") and keywords[0] == "leather watch strap"
    title, _, _ = _listing("replacement toothbrush heads 8 pack")
    assert title.startswith("Replacement Toothbrush Heads")
    title, keywords, _ = _listing("whole bean coffee 2 lb medium roast")
    assert title.startswith("Whole Bean Coffee")


def test_the_products_verb_stays_with_what_it_does() -> None:
    for brief, name, fact in (
            ("comb binding machine punches 15 sheets", "Comb Binding Machine",
             "punches 15 sheets"),
            ("heavy duty hole punch punches 20 sheets", "Heavy Duty Hole Punch",
             "punches 20 sheets"),
            ("knife sharpener sharpens 2 stages", "Knife Sharpener", "sharpens 2 stages")):
        title, keywords, shown = _listing(brief)
        assert title.startswith(name + ",") and fact in shown.lower()
        assert not any(fact.split()[0] in k for k in keywords)


def test_a_phrase_run_on_after_the_name_leaves_the_name() -> None:
    title, keywords, shown = _listing("kids scooter light up wheels ages 3-8")
    assert title.startswith("Kids Scooter,") and "light up wheels" in shown.lower()
    assert "kids scooter light" not in keywords


def test_a_product_word_written_first_is_no_brand() -> None:
    parsed = parse_facts("Snorkel kit junior: dry snorkel + anti fog mask, fins, mesh bag")
    assert parsed.brand is None
    assert build_listing(parsed).title.startswith("Snorkel Kit")
