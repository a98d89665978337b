"""A draft keeps its name when one title fact fails, and numbers joined by '@' are facts."""

from __future__ import annotations

from knowledge.store import Store
from tools.creatives.closed_world import Support, check_sentence
from tools.creatives.facts import parse_facts
from tools.creatives.listing import checked_listing, draft_listing
from tools.creatives.listing_builder import Listing

from .creative_catalog import seed_catalog

SWITCH = "HDMI switch, 4K@60Hz / 1440p@120Hz, 3 in 1 out, aluminium shell, 2 ft cable"


def test_every_number_of_a_resolution_at_a_refresh_rate_is_supported() -> None:
    support = Support.of([SWITCH], names=["HDMI switch"])
    assert check_sentence("HDMI Switch, 4K@60Hz / 1440p@120Hz", support) == []
    assert check_sentence("HDMI Switch, 1440p@144Hz", support)  # a rate nobody gave


def test_a_failing_title_fact_leaves_the_name_and_the_facts_before_it() -> None:
    brief = "bamboo cutting board, 18 x 12 inches, juice groove"
    parsed = parse_facts(brief)
    support = Support.of([brief], names=["bamboo cutting board"])
    listing = Listing("Bamboo Cutting Board, Juice Groove, 5-Year Warranty", ["Juice groove."],
                      "Bamboo cutting board with a juice groove.", ["bamboo cutting board"])
    checked, dropped, _ = checked_listing(listing, "", support, parsed)
    assert checked.title == "Bamboo Cutting Board, Juice Groove"
    assert [d["sentence"] for d in dropped if d["field"] == "title"] == [listing.title]


def test_a_drafted_adapter_keeps_its_title_and_its_refresh_rates(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    draft = draft_listing(store, merchant_id=merchant.id, brief=SWITCH.replace(
        "HDMI switch", "DisplayPort to HDMI adapter"))
    title = draft.content["title"]
    assert title.startswith("DisplayPort to HDMI Adapter"), title
    text = " ".join([title, *draft.content["bullets"], draft.content["description"]])
    assert "1440p@120Hz" in text
