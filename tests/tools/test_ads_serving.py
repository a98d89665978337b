"""Sponsored placements end to end on a real store: auction, labels, charging, attribution,
budget caps under concurrency, relevance, stock, and a database lost mid-auction.

Campaign input rules are in test_ads_campaign_rules.py; campaign changes reaching the ad
server's book in test_ads_book_changes.py; the shared shop in tests/tools/ads_shop.py."""

from __future__ import annotations

import shutil
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session

from knowledge import ads as ledger
from knowledge.ads import AdSettings, AdState
from tests.tools.ads_shop import NOW, count, draft, page, sell_out
from tests.tools.ads_shop import shop as shop  # noqa: F401 (the fixture)
from tools.ads.report import campaign_report
from tools.ads.serving import AdServer
from tools.campaigns import service


def test_campaign_serves_labelled_ads_charges_clicks_and_attributes_orders(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    campaign = service.create_campaign(store.engine, merchant, draft(zen), {})
    server = AdServer(store.engine, AdSettings(slots=2))
    ads = server.sponsored(page(store, "yoga mat"), session_id="s1", now=NOW, query="yoga mat")
    assert ads and ads[0].label == "Sponsored" and ads[0].campaign_id == campaign.id
    assert ads[0].product.id in zen and 0 < ads[0].cpc
    assert count(store, "impression") == len(ads)
    # an irrelevant query shows no ad of this campaign
    assert server.sponsored(page(store, "frying pan"), session_id="s1", now=NOW) == []
    clicked = server.click(ads[0].impression_id, NOW + timedelta(seconds=5))
    assert clicked is not None and clicked.status == "charged"
    again = server.click(ads[0].impression_id, NOW + timedelta(seconds=6))
    assert again is not None and again.status == "repeat" and again.cost == 0
    spent = ledger.states(store.engine, [campaign.id])[campaign.id].spent
    assert spent == pytest.approx(ads[0].cpc)
    price = float(ads[0].product.price or 0)
    order = server.order(session_id="s1", product_id=ads[0].product.id, value=price,
                         order_key="o1", now=NOW + timedelta(days=2))
    assert order is not None and order.campaign_id == campaign.id
    late = server.order(session_id="s1", product_id=ads[0].product.id, value=price,
                        order_key="o2", now=NOW + timedelta(days=8))
    assert late is None  # outside the 7-day window: organic
    other = server.order(session_id="s2", product_id=ads[0].product.id, value=price,
                         order_key="o3", now=NOW + timedelta(minutes=5))
    assert other is None  # another shopper never clicked
    report = campaign_report(store.engine, campaign, NOW + timedelta(hours=1))
    assert (report["clicks"], report["orders"]) == (1, 1)
    assert report["spend"] == pytest.approx(round(spent, 2))
    assert report["roi"] == pytest.approx(price / spent, rel=1e-2)


def test_no_slots_setting_turns_ads_off(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    service.create_campaign(store.engine, merchant, draft(zen), {})
    server = AdServer(store.engine, AdSettings(slots=0))
    assert server.sponsored(page(store, "yoga mat"), session_id="s1", now=NOW) == []
    assert count(store, "impression") == 0


def test_budget_cap_holds_under_twenty_concurrent_sessions(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    campaign = service.create_campaign(store.engine, merchant, draft(zen, budget_total=0.6), {})
    server = AdServer(store.engine, AdSettings(slots=2))
    candidates = page(store, "yoga mat")
    shown = [ad for n in range(40)
             for ad in server.sponsored(candidates, session_id=f"t{n}", now=NOW)]
    assert len(shown) * min(ad.cpc for ad in shown) > 3 * campaign.budget_total
    errors: list[Exception] = []

    def shopper(n: int) -> None:  # 20 sessions click every shown ad at once
        try:
            for ad in shown[n::20] + shown[(n + 7) % 20::20]:
                server.click(ad.impression_id, NOW)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=shopper, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    state = ledger.states(store.engine, [campaign.id])[campaign.id]
    clicks = ledger.events(store.engine, campaign.id, ("click",))
    assert state.spent == pytest.approx(sum(c.cost for c in clicks))  # every cost charged once
    assert len({c.impression_id for c in clicks}) == len(clicks)
    biggest = max(c.cpc for c in clicks)
    assert state.spent <= campaign.budget_total + biggest + 1e-9
    assert state.spent >= campaign.budget_total - biggest  # and the budget was used


def test_lost_database_serves_without_ads_and_never_half_charges(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    campaign = service.create_campaign(store.engine, merchant, draft(zen), {})
    # no threads (upkeep and writes run at the calls): none may touch the files moved below
    server = AdServer(store.engine, AdSettings(slots=2), background=False)
    candidates = page(store, "yoga mat")
    shown = server.sponsored(candidates, session_id="s1", now=NOW)
    assert shown
    server.flush()  # the page's impressions landed
    db = store.settings.data_dir / "shopmage.db"
    away = store.settings.data_dir.parent / "away"
    away.mkdir()
    store.engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{db}{suffix}").exists():
            shutil.move(f"{db}{suffix}", away / f"shopmage.db{suffix}")
    db.mkdir()  # the path now cannot be opened as a database: the database is lost
    try:
        # the auction reads memory only: the page served as the database goes has ads; their
        # impressions wait in memory, and the failed write stops the ads of later pages
        during = server.sponsored(candidates, session_id="s2", now=NOW)
        assert during
        with pytest.raises(Exception):  # noqa: B017 - any driver error; the rows stay queued
            server.flush()
        assert server.sponsored(candidates, session_id="s3", now=NOW) == []
        with pytest.raises(Exception):  # noqa: B017 - any driver error; nothing is written
            server.click(shown[0].impression_id, NOW)
        with pytest.raises(Exception):  # noqa: B017 - its impression cannot land either
            server.click(during[0].impression_id, NOW)
    finally:
        store.engine.dispose()
        for suffix in ("-wal", "-shm", ""):  # the database file last: a retry sees all or none
            if (away / f"shopmage.db{suffix}").exists():
                if not suffix:
                    db.rmdir()
                shutil.move(away / f"shopmage.db{suffix}", f"{db}{suffix}")
    assert count(store, "click") == 0  # (count writes the waiting impressions: they land now)
    assert ledger.states(store.engine, [campaign.id])[campaign.id].spent == 0
    done = server.click(shown[0].impression_id, NOW)  # back: charged exactly once
    assert done is not None and done.status == "charged"
    late = server.click(during[0].impression_id, NOW)  # the waiting page's ad too
    assert late is not None and late.status == "charged"
    with Session(store.engine) as session:
        state = session.get(AdState, campaign.id)
    assert state is not None and state.spent == pytest.approx(shown[0].cpc + during[0].cpc)
    assert count(store, "impression") == len(shown) + len(during)
    assert server.sponsored(candidates, session_id="s4", now=NOW)  # ads again


def test_an_ad_must_be_about_the_query_not_only_near_the_top(shop) -> None:  # type: ignore[no-untyped-def]
    from tools.ads.relevance import Relevance

    store, merchant, zen = shop
    campaign = service.create_campaign(store.engine, merchant, draft(zen), {})
    mats = page(store, "yoga mat")  # a store that carries no pans ranks its mats first
    blind = AdServer(store.engine, AdSettings(slots=2))
    assert blind.sponsored(mats, session_id="r1", now=NOW, query="frying pan")
    server = AdServer(store.engine, AdSettings(slots=2), relevance=Relevance.for_store(store))
    assert server.sponsored(mats, session_id="r2", now=NOW, query="frying pan") == []
    shown = server.sponsored(mats, session_id="r3", now=NOW, query="yoga mat")
    assert shown and shown[0].campaign_id == campaign.id
    # category pages and the "for you" row answer no typed query: the floor does not apply
    assert server.sponsored(mats, session_id="r4", now=NOW, query=None, placement="for_you")


def test_a_campaign_whose_products_sell_out_stops_showing(shop) -> None:  # type: ignore[no-untyped-def]

    store, merchant, zen = shop
    service.create_campaign(store.engine, merchant, draft(zen), {})
    server = AdServer(store.engine, AdSettings(slots=2))
    assert server.sponsored(page(store, "yoga mat"), session_id="o1", now=NOW)
    before = count(store, "impression")
    sell_out(store, zen)
    sold_out = page(store, "yoga mat")  # the page the search now builds, stock and all
    assert sold_out and server.sponsored(sold_out, session_id="o2", now=NOW) == []
    assert count(store, "impression") == before  # nothing recorded for the sold-out page
