"""Impressions leave the request path: the auction writes nothing, a click that comes before
its impression landed is still charged once, shutdown writes what waits, and waiting
impressions land by themselves and count in the report (these two on SQLite and
PostgreSQL); a click that reaches another worker waits for the impression in flight; a
process that ends without closing writes what waits."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge import ads as ledger
from knowledge.ads import AdEvent, AdSettings
from knowledge.campaigns import Campaign
from knowledge.creatives import save_creative, update_creative
from knowledge.db import make_engine
from knowledge.settings import REPO_ROOT, Settings
from knowledge.store import Store
from tests.agents.catalog import acme_owns_zenflow
from tests.conftest import BOTH_DATABASES
from tools.ads.report import campaign_report
from tools.ads.serving import AdServer
from tools.ads.slots import Candidate
from tools.campaigns import service

both_databases = pytest.mark.parametrize("database", BOTH_DATABASES, indirect=True)
NOW = datetime.now(UTC)


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> tuple[Store, Campaign, list[str]]:
    """The agent catalogue; Acme owns Zenflow and runs a week-long campaign on it."""
    merchant, _, zen = acme_owns_zenflow(store, tmp_path)
    plan = service.CampaignDraft(product_ids=zen, budget_total=50.0, target_roi=2.0,
                                 start=NOW.date(), end=NOW.date() + timedelta(days=6))
    return store, service.create_campaign(store.engine, merchant, plan, {}), zen


def mats(store: Store) -> list[Candidate]:
    """The organic top 50 for "yoga mat", as the search route hands it to the ad server."""
    return [Candidate(h.product, h.score, i)
            for i, h in enumerate(store.search.search("yoga mat", k=50))]


def stored(store: Store) -> list[AdEvent]:
    """The impressions in the database, read directly (nothing waiting is written)."""
    with Session(store.engine) as session:
        return list(session.exec(select(AdEvent).where(AdEvent.kind == "impression")
                                 .order_by(col(AdEvent.id))))


@both_databases
def test_a_click_before_its_impression_lands_is_charged_once_and_shutdown_writes_it(shop) -> None:  # type: ignore[no-untyped-def]
    store, campaign, _ = shop
    campaign_id = campaign.id
    server = AdServer(store.engine, AdSettings(slots=2), background=False)  # no writer thread
    ads = server.sponsored(mats(store), session_id="s1", now=NOW, query="yoga mat")
    assert ads and stored(store) == []  # the auction wrote nothing: the impressions wait
    done = server.click(ads[0].impression_id, NOW + timedelta(seconds=1))
    assert done is not None and done.status == "charged" and done.cost == pytest.approx(ads[0].cpc)
    assert {e.impression_id for e in stored(store)} == {a.impression_id for a in ads}
    again = server.click(ads[0].impression_id, NOW + timedelta(seconds=2))
    assert again is not None and again.status == "repeat" and again.cost == 0
    assert ledger.states(store.engine, [campaign_id])[campaign_id].spent == pytest.approx(
        ads[0].cpc)
    clicks = ledger.events(store.engine, campaign_id, ("click",))
    assert [(c.impression_id, c.cost) for c in clicks] == [(ads[0].impression_id, done.cost)]
    # shutdown writes what waits
    more = server.sponsored(mats(store), session_id="s2", now=NOW, query="yoga mat")
    assert more and server.queue.waiting() == len(more)
    server.close()
    assert server.queue.waiting() == 0
    assert [e.impression_id for e in stored(store)] == [a.impression_id for a in ads + more]


@both_databases
def test_waiting_impressions_land_by_themselves_and_count_in_the_report(shop) -> None:  # type: ignore[no-untyped-def]
    store, campaign, zen = shop
    copy = save_creative(store.engine, merchant_id=campaign.merchant_id, kind="ad_copy",
                         content={"headline": "Grip that stays", "description": "Non-slip."})
    update_creative(store.engine, merchant_id=campaign.merchant_id, creative_id=copy.id,
                    status="approved")
    ledger.attach_creative(store.engine, campaign.id, copy.id, "A")
    server = AdServer(store.engine, AdSettings(slots=2))  # the store's: a writer thread
    served = [ad for n in range(6)
              for ad in server.sponsored(mats(store), session_id=f"w{n}", now=NOW)]
    assert served and all(ad.creative_id == copy.id for ad in served)
    deadline = time.monotonic() + 20
    while len(stored(store)) < len(served) and time.monotonic() < deadline:
        time.sleep(0.05)
    rows = stored(store)  # landed without any reader asking
    assert [(e.impression_id, e.campaign_id, e.creative_id, e.product_id, e.position, e.cpc)
            for e in rows] == [(a.impression_id, a.campaign_id, a.creative_id, a.product.id,
                                a.position, a.cpc) for a in served]
    assert server.queue.waiting() == 0 and {a.product.id for a in served} <= set(zen)
    report = campaign_report(store.engine, campaign, NOW + timedelta(minutes=1))
    assert report["impressions"] == len(served) and report["recorded"]
    assert [(v["creative_id"], v["impressions"]) for v in report["variants"]] == [
        (copy.id, len(served))]


def test_a_click_on_another_worker_waits_for_the_impression_in_flight(shop) -> None:  # type: ignore[no-untyped-def]
    store, campaign, _ = shop
    serving = AdServer(store.engine, AdSettings(slots=2), background=False)
    other = make_engine(store.settings)  # a second worker process: its own engine and queue
    try:
        clicking = AdServer(other, AdSettings(slots=2), background=False)
        ads = serving.sponsored(mats(store), session_id="s1", now=NOW, query="yoga mat")
        assert ads and stored(store) == []
        got: list[ledger.ClickResult | None] = []
        worker = threading.Thread(target=lambda: got.append(
            clicking.click(ads[0].impression_id, NOW)))
        worker.start()
        time.sleep(0.03)
        serving.flush()  # the serving worker's writer lands the page a moment later
        worker.join()
        assert got[0] is not None and got[0].status == "charged"
        assert got[0].cost == pytest.approx(ads[0].cpc)
        started = time.monotonic()
        assert clicking.click("im_never_served", NOW) is None  # unknown: a bounded wait
        assert time.monotonic() - started < 5
    finally:
        other.dispose()


ENDS_WITHOUT_CLOSING = """
from datetime import UTC, datetime
from knowledge import ads as ledger
from knowledge.db import make_engine
from knowledge.settings import Settings
row = {"ts": datetime.now(UTC), "kind": "impression", "campaign_id": "c1", "creative_id": "k1",
       "product_id": "p1", "session_id": "s1", "impression_id": "im_exit", "query": "mat",
       "placement": "search", "position": 0, "relevance": 1.0, "organic_rank": 0, "cpc": 0.3,
       "cost": 0.0, "gmv": 0.0, "dedupe": None}
ledger.impression_queue(make_engine(Settings())).add([row], background=False)
"""


def test_a_process_that_ends_without_closing_still_writes_what_waits(
        settings: Settings, engine: Engine) -> None:
    env = {**os.environ, "SHOPMAGE_DATA_DIR": str(settings.data_dir),
           "SHOPMAGE_DATABASE_URL": settings.database_url or ""}
    if not settings.database_url:
        env.pop("SHOPMAGE_DATABASE_URL")
    subprocess.run([sys.executable, "-c", ENDS_WITHOUT_CLOSING], cwd=REPO_ROOT, env=env,
                   check=True, timeout=120)
    with Session(engine) as session:
        rows = list(session.exec(select(AdEvent)))
    assert [(e.impression_id, e.campaign_id, e.creative_id, e.cpc) for e in rows] == [
        ("im_exit", "c1", "k1", 0.3)]
