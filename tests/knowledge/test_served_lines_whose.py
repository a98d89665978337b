"""A line speaks only for a product of the kind, and for the one, the shopper asked about."""

from pathlib import Path

import pytest

from knowledge.expansion import Evidence, Expansion
from knowledge.graph.build import build_knowledge
from knowledge.graph.card_lines import without_heads
from knowledge.graph.evidence import Lexicon, find_evidence
from knowledge.graph.lines import stated_for
from knowledge.graph.store import (
    Assertion,
    list_assertions,
    served_assertions,
    set_status,
    upsert_assertions,
)
from knowledge.search import SearchFilters
from knowledge.store import Store
from tests.knowledge.served_shop import serve_rows

ROWS = [
    ("T1", "Silicone Baby Teething Toy", ["Teething relief for sore gums, BPA free silicone"]),
    ("T2", "Puppy Teething Chew Toy", ["Eases puppy teething, durable nylon"]),
    ("F1", "Non-Slip Flip Flop Sandals", ["Slip-resistant rubber sole for wet pool decks"]),
    ("F2", "Flip Tray Deck Box for Trading Cards", ["Anti-slip texture, holds 100 sleeved cards"]),
    ("B1", "Waterproof Laptop Bag", ["Waterproof shell keeps the rain out"]),
    ("B2", "Insulated Cooler Bag", ["Waterproof lining, keeps drinks cold"]),
    ("J1", "Reflective Running Jacket for Women", ["Reflective strips for dark evenings"]),
    ("J2", "Full Zip Running Jacket", ["Double dry fabric, reflective logo at left cuff"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    return serve_rows(store, tmp_path, ROWS, price=20.0)


def _lines(shop: Store, query: str, ids: list[str]) -> dict[str, list[str]]:
    hits = shop.search.search(query, SearchFilters(product_ids=ids), k=len(ids))
    return {h.product.id: h.why for h in hits}


def test_a_pet_product_gets_no_line_for_a_person_and_the_other_way_round(shop: Store) -> None:
    lines = _lines(shop, "toy for a baby who is teething", ["T1", "T2"])
    assert any(line.startswith("Teething") for line in lines["T1"])
    assert lines["T2"] == []  # "eases puppy teething" is not a baby's teether
    lines = _lines(shop, "jacket for walking a dog on dark evenings", ["J1"])
    assert any(line.startswith("Reflective") for line in lines["J1"])  # the dog is no wearer


def test_the_head_of_a_compound_type_is_the_type_asked_for(shop: Store) -> None:
    lines = _lines(shop, "flip flops for a pool deck that gets slippery", ["F1", "F2"])
    assert any(line.startswith("Slip-resistant") for line in lines["F1"])
    assert lines["F2"] == []  # a deck box with "flip" in its name is no flip flop


def test_another_compound_of_the_asked_head_is_another_product(shop: Store) -> None:
    lines = _lines(shop, "laptop bag for a commuter who walks in the rain", ["B1", "B2"])
    assert any(line.startswith("Waterproof") for line in lines["B1"])
    assert lines["B2"] == []  # a cooler bag is a bag, but not the laptop bag asked for


def test_a_warning_against_use_is_no_evidence() -> None:
    lexicon = Lexicon()
    warned = {"title": "Acne Gel Cream", "bullets": [
        "Do not use if you have very sensitive skin or are sensitive to benzoyl peroxide."]}
    gentle = {"title": "Gentle Face Cream", "bullets": ["Made for very sensitive skin"]}
    assert find_evidence(warned, "sensitive-skin", lexicon) is None
    assert find_evidence(gentle, "sensitive-skin", lexicon) is not None


def test_a_seed_row_dropped_from_the_repo_leaves_a_rebuilt_store(store: Store) -> None:
    stale = Assertion(head="short people", head_type="audience", relation="NEEDS",
                      tail="made-up-attribute", score=0.9, source="seed", status="accepted")
    upsert_assertions(store.engine, [stale])
    stats = build_knowledge(store, ("seed",))
    seed = list_assertions(store.engine, source="seed")
    assert stats["seed_retired"] == 1
    assert not [a for a in seed if a.tail == "made-up-attribute"]
    assert [a for a in seed if a.head == "short people"]  # the seed's own rows stay
    assert build_knowledge(store, ("seed",))["seed_retired"] == 0


def test_a_property_of_a_small_detail_is_not_the_products(shop: Store) -> None:
    lines = _lines(shop, "jacket for walking a dog on dark evenings", ["J1", "J2"])
    assert any(line.startswith("Reflective") for line in lines["J1"])
    assert lines["J2"] == []  # a reflective logo at the cuff does not light up the walker


def test_a_rejected_seed_row_stays_rejected_after_a_rebuild(store: Store) -> None:
    build_knowledge(store, ("seed",))
    [row] = [a for a in list_assertions(store.engine, source="seed")
             if (a.head, a.relation, a.tail) == ("short people", "NEEDS", "adjustable-height")]
    assert row.id is not None and row.served
    set_status(store.engine, row.id, "rejected")
    build_knowledge(store, ("seed",))
    served = {(a.head, a.tail) for a in served_assertions(store.engine)}
    assert ("short people", "adjustable-height") not in served
    assert ("pregnant women", "pregnancy-safe") in served  # the rest of the seed still serves


def test_a_head_that_states_a_need_for_other_types_does_not_speak_for_this_one() -> None:
    exp = Expansion(query="fitness tracker for a grandma who just wants to count steps",
                    attributes={"lightweight": 0.9}, evidence=[
                        Evidence("fitness", "NEEDS", "lightweight", 0.9, "mining", ""),
                        Evidence("older adults", "NEEDS", "lightweight", 0.7, "seed", "")])
    shoes = {("older adults", "lightweight"): (("shoe",), ("slipper",))}

    def types(head: str, tag: str) -> tuple[tuple[str, ...], ...]:
        return shoes.get((head, tag), ())

    said = without_heads(exp, frozenset({"fitness"}))  # "fitness" came from "fitness tracker"
    assert not stated_for(said, "lightweight", types, "Step Fitness Tracker")
    assert stated_for(said, "lightweight", types, "Slip-On Shoe")


def test_a_listing_that_says_the_product_lacks_it_has_no_evidence() -> None:
    lexicon = Lexicon()
    bottle = {"title": "Sports Water Bottle with Insulated Sleeve",
              "bullets": ["Please note: the water bottle is not insulated"],
              "attributes": {"features": ["insulated"]}}
    assert find_evidence(bottle, "insulated", lexicon) is None
    bottle["bullets"] = ["Double wall bottle"]
    assert find_evidence(bottle, "insulated", lexicon) is not None
