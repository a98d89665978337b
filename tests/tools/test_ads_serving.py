"""Sponsored placements end to end on a real store: auction, labels, charging, attribution,
budget caps under concurrency, bad input, and a database lost mid-auction."""

from __future__ import annotations

import shutil
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from knowledge import ads as ledger
from knowledge.ads import AdEvent, AdSettings, AdState
from knowledge.campaigns import Campaign
from knowledge.creatives import save_creative
from knowledge.errors import InvalidRequestError
from knowledge.store import Store
from tests.agents.catalog import acme_owns_zenflow
from tools.ads.report import campaign_report
from tools.ads.serving import AdServer
from tools.ads.slots import Candidate
from tools.campaigns import service
from tools.campaigns.naming import campaign_name

NOW = datetime.now(UTC)


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> tuple[Store, str, list[str]]:
    """A store with the agent catalogue; merchant Acme owns the Zenflow products."""
    merchant_id, _, zen = acme_owns_zenflow(store, tmp_path)
    return store, merchant_id, zen


def draft(products: list[str], **kw: object) -> service.CampaignDraft:
    """A one-week plan starting today."""
    base: dict[str, object] = {"product_ids": products, "budget_total": 50.0,
                               "target_roi": 2.0, "start": NOW.date(),
                               "end": NOW.date() + timedelta(days=6)}
    return service.CampaignDraft(**{**base, **kw})  # type: ignore[arg-type]


def page(store: Store, query: str) -> list[Candidate]:
    """The organic top 50 for ``query``, as the search route hands it to the ad server."""
    return [Candidate(h.product, h.score, i)
            for i, h in enumerate(store.search.search(query, k=50))]


def count(store: Store, kind: str) -> int:
    """Recorded events of one kind (waiting impressions are written first, as every reader does)."""
    ledger.flush_impressions(store.engine)
    with Session(store.engine) as session:
        return int(session.exec(select(func.count()).select_from(AdEvent)
                                .where(AdEvent.kind == kind)).one())


def sell_out(store: Store, product_ids: list[str]) -> None:
    """Set the stock of these products to 0."""
    from knowledge.models import Product

    with Session(store.engine) as session:
        for pid in product_ids:
            product = session.get(Product, pid)
            assert product is not None
            product.stock = 0
            session.add(product)
        session.commit()


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


def _count_campaigns(store: Store) -> int:
    with Session(store.engine) as session:
        return int(session.exec(select(func.count()).select_from(Campaign)).one())


def test_bad_campaigns_get_clear_messages_and_write_nothing(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    with pytest.raises(InvalidRequestError, match="below one click's reserve price"):
        service.create_campaign(store.engine, merchant, draft(zen, budget_total=0.01), {})
    sell_out(store, zen)
    with pytest.raises(InvalidRequestError, match="out of stock"):
        service.create_campaign(store.engine, merchant, draft(zen), {})
    assert _count_campaigns(store) == 0


def test_overlapping_campaigns_are_refused(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    first = service.create_campaign(store.engine, merchant, draft(zen[:2]), {})
    with pytest.raises(InvalidRequestError, match=f"campaign {first.id} .* already promotes"):
        service.create_campaign(store.engine, merchant, draft(zen[1:]), {})
    assert _count_campaigns(store) == 1
    later = draft(zen[1:], start=NOW.date() + timedelta(days=10),
                  end=NOW.date() + timedelta(days=12))
    service.create_campaign(store.engine, merchant, later, {})  # other dates are fine
    assert _count_campaigns(store) == 2
    service.change_campaign(store.engine, merchant, first.id, "pause")
    second = service.create_campaign(store.engine, merchant, draft(zen[1:]), {})  # first paused
    with pytest.raises(InvalidRequestError, match=f"campaign {second.id} .* already promotes"):
        service.change_campaign(store.engine, merchant, first.id, "resume")
    assert service.get_campaign(store.engine, merchant, first.id).status == "paused"


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


def test_campaign_names_are_short_and_never_cut_mid_word(shop) -> None:  # type: ignore[no-untyped-def]
    store, _, zen = shop
    from knowledge.models import Product

    with Session(store.engine) as session:
        products = list(session.exec(select(Product).where(Product.brand == "Zenflow")))
    name = campaign_name(products)
    assert len(name) <= 40 and name.endswith("by Zenflow")
    long = [p.model_copy(update={"attributes": {"type": "extra thick eco friendly yoga mat"}})
            for p in products[:1]]
    titled = campaign_name(long)
    assert len(titled) <= 40
    words = "Extra thick eco friendly yoga mats by Zenflow".split()
    assert titled.split() == words[:len(titled.split())]


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
