"""Honest answers: "we don't carry X" first when X is absent, never when it is carried; the guard
drops sentences naming a product type or a claim the cards do not show."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver

from agents.shopper.actions import _results_plan
from agents.shopper.guard import Grounding
from agents.shopper.honesty import check_type
from agents.shopper.service import ShopperService
from agents.understanding.router import IntentRouter
from knowledge.search import SearchFilters
from knowledge.store import Store
from tools.catalog import search_products

GYM_BAGS = [{"id": "FIT10", "title": "Stridewell Durable Gym Bag", "price": 35.0,
             "brand": "Stridewell", "type": "gym bag"},
            {"id": "FIT11", "title": "Voltix Gym Bag With Shoe Pocket", "price": 42.0,
             "brand": "Voltix", "type": "gym bag"}]
TYPES = ["headphones", "phone case", "gym bag", "wireless headphones", "pajamas"]


@pytest.fixture(scope="module")
def service(shop: Store) -> ShopperService:
    return ShopperService(shop, InMemorySaver(), router=IntentRouter(shop.embedder))


async def turn(service: ShopperService, text: str) -> tuple[str, list[dict[str, Any]]]:
    sid = uuid.uuid4().hex
    events = [e async for e in service.run_turn(sid, {"type": "message", "text": text})]
    cards = next((e["items"] for e in events if e["type"] == "products"), [])
    return service.last[sid].reply, cards


def test_guard_drops_a_sentence_naming_a_type_no_card_shows() -> None:
    g = Grounding.from_cards(GYM_BAGS, type_terms=TYPES)
    text = "These headphones are great for your gym. Both gym bags fit a towel."
    assert any("headphone" in v for v in g.check(text))
    assert g.clean(text) == "Both gym bags fit a towel."


def test_guard_drops_an_unsupported_claim_but_keeps_a_supported_one() -> None:
    pajamas = [{"id": "CLO90", "title": "Comfora Kids Pajamas", "price": 20.0, "brand": "Comfora",
                "type": "kids pajamas"}]
    g = Grounding.from_cards(pajamas, type_terms=TYPES, card_tags={"breathable", "cotton"})
    assert g.clean("These pajamas are designed to help prevent spills.") == ""
    assert g.clean("These pajamas are breathable.") == "These pajamas are breathable."


@pytest.mark.llm
async def test_absent_type_reply_starts_with_dont_carry_and_offers_carried_types(
        service: ShopperService) -> None:
    reply, cards = await turn(service, "phone case for a construction worker")
    assert reply.startswith("We don't carry phone cases; the closest we have are ")
    carried = {t for t in service.vocabulary.types.values()}
    offered = reply.split("the closest we have are ", 1)[1]
    assert any(t in offered for t in carried)
    assert cards and all(c["type"] in carried for c in cards)
    assert all(c["type"] in offered or c["type"] + "s" in offered for c in cards)


@pytest.mark.llm
async def test_present_type_named_by_its_head_is_never_denied(service: ShopperService) -> None:
    reply, cards = await turn(service, "headphones for the gym")
    assert "don't carry" not in reply.lower()
    assert cards and all(c["type"] == "wireless headphones" for c in cards)
    reply, cards = await turn(service, "do you have a yoga mat?")
    assert "don't carry" not in reply.lower()
    assert cards and cards[0]["type"] == "yoga mat"


def test_a_type_named_only_as_a_modifier_in_titles_is_not_carried(
        shop: Store, service: ShopperService) -> None:
    # the catalogue has monitor stands (titles "... Monitor Stand") but no monitors
    check = check_type(shop, service.vocabulary, "do you have a monitor?",
                       {"product_type": "monitor"})
    assert (check.requested, check.carried) == ("monitor", False)
    assert check.nearest
    check = check_type(shop, service.vocabulary, "do you have a monitor stand?",
                       {"product_type": "monitor stand"})
    assert check.carried and check.matches == ["monitor stand"]


def test_relaxed_type_reply_does_not_name_the_type_the_cards_are_not(shop: Store) -> None:
    hits = search_products(shop, "yoga mat", SearchFilters(attributes=("yoga mat",)), 2)
    assert hits and all(h.product.attributes["type"] == "yoga mat" for h in hits)
    plan = _results_plan(hits, {"product_type": "gym bag", "query": "gym bag"},
                         ["product_type"])
    assert "gym bag" not in plan["template"].lower()
    assert plan["template"].startswith("None of our products match that exact product.")
    plan = _results_plan(hits, {"product_type": "yoga mat", "color": "teal"}, ["color"])
    assert plan["template"].startswith("None of our yoga mats match that colour.")


def test_a_carried_type_asked_by_its_british_name_is_not_denied(
        shop: Store, service: ShopperService) -> None:
    for asked, kind in (("trainers", "sneakers"), ("pram", "stroller")):
        check = check_type(shop, service.vocabulary, f"do you have {asked}?",
                           {"product_type": asked})
        assert check.carried and check.matches == [kind], (asked, check)
    check = check_type(shop, service.vocabulary, "do you have a kettle?",
                       {"product_type": "kettle"})
    assert not check.carried  # a name the table maps nowhere stays absent
