"""Campaign writes reaching the ad server: attached ad copy variants split the traffic, a
campaign created while serving shows on the next page, and another worker's change is
reloaded on the upkeep thread, never on the request."""

from __future__ import annotations

import threading
import time

import pytest
from sqlmodel import Session

from knowledge import ads as ledger
from knowledge.ads import AdSettings
from knowledge.campaigns import Campaign
from knowledge.creatives import save_creative
from knowledge.errors import InvalidRequestError
from tests.tools.ads_shop import NOW, draft, page
from tests.tools.ads_shop import shop as shop  # noqa: F401 (the fixture)
from tools.ads.report import campaign_report
from tools.ads.serving import AdServer
from tools.campaigns import service


def test_campaign_ad_copy_variants_split_traffic_and_report_ctr(shop) -> None:  # type: ignore[no-untyped-def]
    from tools.ads.creatives_link import use_creatives_in_campaign, write_campaign_ad_copy

    store, merchant, zen = shop
    campaign = service.create_campaign(store.engine, merchant, draft(zen), {})
    drafts = write_campaign_ad_copy(store, merchant, "the yoga mats campaign", n=2,
                                    use_llm=False)
    assert len(drafts) == 2 and all(d.campaign_id == campaign.id for d in drafts)
    listing = save_creative(store.engine, merchant_id=merchant, kind="listing", content={},
                            product_id=zen[0])
    with pytest.raises(InvalidRequestError, match="sponsored slot shows ad copy"):
        use_creatives_in_campaign(store, merchant, campaign.id, [drafts[0].id, listing.id])
    assert ledger.campaign_creatives(store.engine, [campaign.id]) == []  # nothing attached
    pairs = use_creatives_in_campaign(store, merchant, campaign.id, [d.id for d in drafts])
    assert [v for _, v in pairs] == ["A", "B"]
    server = AdServer(store.engine, AdSettings(slots=1))
    seen: dict[str, int] = {}
    candidates = page(store, "yoga mat")
    for n in range(40):
        for ad in server.sponsored(candidates, session_id=f"v{n}", now=NOW):
            assert ad.headline  # the approved copy is what the slot shows
            seen[ad.creative_id or ""] = seen.get(ad.creative_id or "", 0) + 1
            if n % 3 == 0:
                server.click(ad.impression_id, NOW)
    assert set(seen) == {d.id for d in drafts} and min(seen.values()) >= 8
    rows = campaign_report(store.engine, campaign, NOW)["variants"]
    assert {r["variant"] for r in rows} == {"A", "B"}
    assert all(0 <= r["p_value_vs_first"] <= 1 for r in rows) and rows[0]["p_value_vs_first"] == 1


def test_a_campaign_created_while_serving_shows_on_the_next_page(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    server = AdServer(store.engine, AdSettings(slots=2))
    mats = page(store, "yoga mat")
    assert server.sponsored(mats, session_id="n1", now=NOW) == []  # no campaign yet
    campaign = service.create_campaign(store.engine, merchant, draft(zen), {})
    server.invalidate()  # what POST /api/campaigns does
    shown = server.sponsored(mats, session_id="n2", now=NOW)
    assert shown and shown[0].campaign_id == campaign.id


def test_another_workers_campaign_change_reloads_on_a_thread_not_the_request(  # type: ignore[no-untyped-def]
        shop, monkeypatch) -> None:
    from tools.ads import serving, upkeep

    store, merchant, zen = shop
    campaign = service.create_campaign(store.engine, merchant, draft(zen), {})
    server = AdServer(store.engine, AdSettings(slots=2))
    mats = page(store, "yoga mat")
    assert server.sponsored(mats, session_id="w1", now=NOW)
    with Session(store.engine) as session:  # paused by another worker process
        row = session.get(Campaign, campaign.id)
        assert row is not None
        row.status = "paused"
        session.add(row)
        session.commit()
    loaded_on: list[threading.Thread] = []
    load_book = upkeep.load_book

    def watched(engine):  # type: ignore[no-untyped-def]
        loaded_on.append(threading.current_thread())
        return load_book(engine)

    monkeypatch.setattr(upkeep, "load_book", watched)
    monkeypatch.setattr(serving, "REFRESH_SECONDS", 0.0)  # the book is old at once
    deadline = time.monotonic() + 30
    while server.sponsored(mats, session_id="w2", now=NOW) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.sponsored(mats, session_id="w3", now=NOW) == []  # reloaded: paused
    assert loaded_on and threading.current_thread() not in loaded_on  # never on the request
