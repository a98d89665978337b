"""A line answers what the shopper stated (v20 census classes): people, hot and cold, the type.

"frying pan for a mum who cooks for 6 every night" asks for size; the cook's non-stick is the
pan's usual feature. "blanket for a couple where one is hot and one is cold": warmth answers
one side only. A water bottle "with ... Silicone Boot" is not a boot. "Non-slip" said of a
sock's cuff means it stays up, not that it grips (v20, v21). An unread "that ..." clause is the
request; a need read elsewhere does not answer it, nor one read from a phrase that lost its words
("looking down" as "down") or from a likeness ("like a beach") (v22).
"""

from pathlib import Path

import pytest

from knowledge.graph.accessory import comes_with_asked_type
from knowledge.graph.evidence import Span
from knowledge.graph.line_checks import compared_against, one_side_of_two, stays_put
from knowledge.graph.stated import counted_people, unanswered_clause, weak_reads
from knowledge.store import Store
from tests.knowledge.served_shop import card_lines, serve_rows

ROWS = [
    ("P1", "Nonstick Frying Pan 12 Inch", ["Non-stick ceramic coating, food slides off"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    return serve_rows(store, tmp_path, ROWS, price=60.0)


def _said(shop: Store, query: str, pid: str, prefix: str) -> bool:
    return any(line.startswith(prefix) for line in card_lines(shop, query, [pid]).get(pid, []))


def test_a_count_of_people_is_a_stated_need(shop: Store) -> None:
    assert _said(shop, "frying pan for a home cook", "P1", "Non-stick")
    assert not _said(shop, "frying pan for a mum who cooks for 6 every night", "P1", "Non-stick")


def test_counts_are_people_not_ages_times_or_sizes() -> None:
    assert counted_people("air fryer for a family of 5") == {"5"}
    assert counted_people("coffee maker for an office of 20 people") == {"20"}
    for query in ("guitar for a 9 year old", "pants for 2 weeks of travel",
                  "carrier for a 6'4 dad", "shoes for a 5k", "pet carrier for 10 hr rides"):
        assert counted_people(query) == frozenset(), query


def test_warmth_alone_does_not_answer_hot_and_cold() -> None:
    assert one_side_of_two("blanket for a couple where one is hot and one is cold", "warm")
    assert not one_side_of_two("hoodie to keep warm at a cold football game", "thermal")
    assert not one_side_of_two("water bottle for a hot hike that keeps water cold", "insulated")


def test_a_product_that_comes_with_the_asked_type_is_not_it() -> None:
    types = {"bottle", "boot", "blanket", "basket"}
    bottle = "Elvira Half Gallon Water Bottle with Straw & Protective Silicone Boot, BPA Free"
    assert comes_with_asked_type(["boot"], bottle, types)
    assert not comes_with_asked_type(["boot"], "Winter Boot with Fur Lining, Black", types)
    assert not comes_with_asked_type(  # the later name calls its own product the type
        ["boot"], "Water Bottle with Boot Sleeve, Rubber Rain Boot for Kids", types)


def test_non_slip_said_of_a_cuff_means_it_stays_up() -> None:
    cuff = Span("slip-resistant", "bullets", "Lycra elastic cuff can lock the heel and promise "
                "our socks Non-Slip", "text", "Non-Slip")
    sole = Span("slip-resistant", "bullets", "Snorkel fins with adjustable straps and non-slip "
                "soles", "text", "non-slip")
    assert stays_put(cuff, "slip-resistant")
    assert not stays_put(sole, "slip-resistant")


def test_an_unread_that_clause_is_the_request() -> None:
    unread = frozenset({"easy", "find", "lid", "container", "storage", "food"})
    query = "food storage containers for leftovers that are easy to find lids for"
    assert unanswered_clause(query, unread, "microwave-safe", "Deli Containers, Microwave Safe")
    assert not unanswered_clause(  # the title says what the clause asks
        query, unread, "microwave-safe", "Containers with Easy Find Lids")
    assert unanswered_clause(  # a title saying one word ("lid") does not answer the whole ask
        query, unread, "microwave-safe", "Deli Containers Screw And Seal Lid")
    assert not unanswered_clause("tote for the beach that is big and waterproof",
                                 frozenset({"big", "waterproof", "tote"}), "waterproof", "Tote")
    assert not unanswered_clause("boots for walking on ice", frozenset({"boot"}),
                                 "slip-resistant", "Snow Boots")


class _Alias:
    def __init__(self, head: str) -> None:
        self.head = head


def test_a_phrase_that_lost_its_words_or_a_likeness_reads_weakly() -> None:
    entries: dict[tuple[str, ...], list[tuple[str, _Alias]]] = {
               ("down",): [("neck pain", _Alias("looking down"))],
               ("beach",): [("beach days", _Alias("beach"))],
               ("dry",): [("dry skin", _Alias("dry"))]}
    weak = weak_reads("baby monitor that works when the wifi goes down", [("down",)],
                      lambda key: entries[key])
    assert weak == {"neck pain"}
    assert weak_reads("sunscreen that doesnt smell like a beach", [("beach",)],
                      lambda key: entries[key]) == {"beach days"}
    assert weak_reads("sunscreen for the beach", [("beach",)], lambda key: entries[key]) == set()
    assert weak_reads("cream for dry hands", [("dry",)], lambda key: entries[key]) == set()


def test_an_attribute_named_as_the_alternative_is_not_the_products() -> None:
    def span(quote: str, said: str) -> Span:
        return Span("non-stick", "bullets", quote, "text", said)
    assert compared_against(span("Healthier option over nonstick pan for every house",
                                 "nonstick"))
    assert compared_against(span("Best steel pot over large nonstick pan", "nonstick"))
    assert not compared_against(span("Nonstick frying pan with lid", "Nonstick"))
    assert not compared_against(span("Durable nonstick coating", "nonstick"))
