"""Which needs earn an evidence line: the most specific need, stated by the listing itself."""

from pathlib import Path

import pytest

from knowledge.expansion import Expansion
from knowledge.graph.cards import strong_evidence
from knowledge.graph.evidence import Lexicon, find_evidence
from knowledge.graph.lines import of_asked_type
from knowledge.search import SearchFilters
from knowledge.store import Store
from tests.knowledge.served_shop import serve_rows

ROWS = [
    ("D1", "Orthopedic Memory Foam Dog Bed", ["Durable, chew resistant cover",
                                              "Orthopedic foam eases sore joints"]),
    ("D2", "Chew Resistant Dog Bed", ["Durable ripstop cover survives diggers"]),
    ("G1", "Sport Sunglasses for Fishing", ["Anti-glare lenses for bright days on the lake"]),
    ("G2", "Polarized Fishing Sunglasses", ["Polarized lenses see through surface glare"]),
    ("C1", "Cat Carrier", ["Durable non-toxic shell, airline approved"]),
    ("S1", "Diabetic Crew Socks", ["Non-binding top for diabetic feet"]),
    ("F1", "Monk Fruit Sweetener", ["Diabetic friendly, zero calories"]),
    ("R1", "Hooded Rain Jacket", ["Water-resistant shell with taped seams"]),
    ("K1", "Microfiber Dish Cloth", ["Absorbent and lint free"]),
    ("K2", "Nonstick Frying Pan", ["Non-stick coating, eggs slide right off"]),
    ("B1", "Waterproof Laptop Bag", ["Waterproof shell keeps the rain out"]),
    ("P1", "Diaper Bag Backpack with Waterproof Changing Pad", ["Roomy, with twelve pockets"]),
    ("P2", "Waterproof Diaper Bag Backpack", ["Roomy, with twelve pockets"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    return serve_rows(store, tmp_path, ROWS)


def test_a_specific_need_speaks_and_the_audience_generic_ones_stay_quiet(shop: Store) -> None:
    query = "bed for an old dog with arthritis"
    exp = shop.search.expander.expand(query)
    assert {"orthopedic", "durable"} <= set(exp.attributes)  # both rank...
    hits = {h.product.id: h for h in shop.search.search(query, k=4)}
    assert hits["D1"].matched_attributes == ["orthopedic"]  # ...only the specific one speaks
    assert [line.split(" (")[0] for line in hits["D1"].why] == ["Orthopedic"]
    assert hits["D2"].why == [] and hits["D2"].matched_attributes == []


def test_a_weaker_listing_phrase_earns_no_line(shop: Store) -> None:
    query = "sunglasses for fishing so i can see into the water"
    assert "polarized" in shop.search.expander.expand(query).attributes
    hits = {h.product.id: h for h in shop.search.search(query, k=4)}
    assert any(line.startswith("Polarized lenses") for line in hits["G2"].why)
    assert not any("glare" in line.lower() for line in hits["G1"].why)  # anti-glare != polarized


def test_an_audience_need_stays_quiet_when_the_query_says_more_than_was_read(
        shop: Store) -> None:
    hits = {h.product.id: h for h in shop.search.search("carrier for a cat", k=5)}
    assert hits["C1"].why  # the pet-owner needs answer a plain "carrier for a cat"...
    query = "carrier for a cat who gets carsick"  # ...but not "carsick", which nothing read
    assert {"durable", "non-toxic"} & set(shop.search.expander.expand(query).attributes)
    hits = {h.product.id: h for h in shop.search.search(query, k=5)}
    assert hits["C1"].why == [] and hits["C1"].matched_attributes == []


def test_a_related_property_sharing_a_word_is_not_the_attribute() -> None:
    lexicon = Lexicon()
    relaxed = find_evidence({"title": "Relaxed Fit Straight Leg Jean"}, "athletic-fit", lexicon)
    athletic = find_evidence({"title": "Athletic Fit Stretch Jean"}, "athletic-fit", lexicon)
    assert relaxed is not None and athletic is not None  # both match the lexicon's variants...
    assert not strong_evidence(relaxed, lexicon)  # ...only the second names the attribute
    assert strong_evidence(athletic, lexicon)


def test_a_need_stated_for_a_type_speaks_only_on_that_type(shop: Store) -> None:
    both = SearchFilters(product_ids=["S1", "F1"])
    hits = {h.product.id: h for h in shop.search.search("socks for a diabetic", both, k=2)}
    assert any(line.startswith("Diabetic-friendly") for line in hits["S1"].why)
    assert hits["F1"].why == []  # "diabetic friendly" food is not for feet


def test_a_comparison_is_not_the_product_having_it() -> None:
    said = {"title": "Tri-ply Stainless Skillet", "bullets": ["Healthier than a nonstick pan"]}
    assert find_evidence(said, "non-stick", Lexicon()) is None


def test_a_concept_read_only_from_the_product_asked_for_earns_no_line(shop: Store) -> None:
    hits = {h.product.id: h for h in shop.search.search("jacket for the rain", k=8)}
    assert "water-resistant" in hits["R1"].matched_attributes  # "for the rain" states a need...
    query = "rain jacket for my son who bikes to school"  # ...here "rain" only names the jacket
    assert "water-resistant" in shop.search.expander.expand(query).attributes  # still ranks
    hits = {h.product.id: h for h in shop.search.search(query, k=8)}
    assert "water-resistant" not in hits["R1"].matched_attributes
    assert not any(line.startswith("Water-resistant") for line in hits["R1"].why)


def test_a_product_not_of_the_asked_type_gets_no_line(shop: Store) -> None:
    both = SearchFilters(product_ids=["K1", "K2"])
    hits = {h.product.id: h for h in shop.search.search("frying pan for a home cook", both, k=2)}
    assert "non-stick" in hits["K2"].matched_attributes  # a pan asked for: the line shows...
    query = "dish cloth for a home cook"
    assert "cloth" in shop.search.expander.expand(query).product_types
    hits = {h.product.id: h for h in shop.search.search(query, both, k=2)}
    assert hits["K2"].why == [] and hits["K2"].matched_attributes == []  # ...not for a cloth


def test_the_type_asked_for_is_the_head_of_the_product_phrase(shop: Store) -> None:
    query = "laptop bag for a commuter who walks in the rain"
    hits = {h.product.id: h for h in shop.search.search(
        query, SearchFilters(product_ids=["B1", "R1"]), k=2)}
    assert any(line.startswith("Waterproof") for line in hits["B1"].why)
    assert hits["R1"].why == []  # a rain jacket is not the bag asked for, though "rain" is named
    exp = Expansion(query=query, product_types=["bag", "laptop"])
    assert of_asked_type(exp, "Padded Laptop Bag") and not of_asked_type(exp, "Laptop Stand")


def test_an_audience_need_stays_quiet_when_the_query_states_a_situation_nothing_read(
        shop: Store) -> None:
    pans = SearchFilters(product_ids=["K2"])
    [hit] = shop.search.search("frying pan for a home cook", pans, k=1)
    assert hit.matched_attributes == ["non-stick"]  # the cook's usual need answers "a cook"...
    [hit] = shop.search.search("frying pan for a home cook with a glass top stove", pans, k=1)
    assert hit.why == [] and hit.matched_attributes == []  # ...not the glass-top stove


def test_an_attribute_of_another_item_in_the_listing_is_not_the_products(shop: Store) -> None:
    query = "backpack for a commuter who walks in the rain"
    hits = {h.product.id: h for h in shop.search.search(
        query, SearchFilters(product_ids=["P1", "P2"]), k=2)}
    assert hits["P1"].product.attributes.get("type") == "backpack"
    assert any(line.startswith("Waterproof") for line in hits["P2"].why)
    assert hits["P1"].why == []  # the changing pad is waterproof, not the backpack
