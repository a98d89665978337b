"""Sponsored slots through the real server on loopback: search shows a labelled ad, a click
is charged once, a purchase within the window is attributed, and the report reads it back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from knowledge.store import Store
from tests.agents.catalog import acme_owns_zenflow
from tools.campaigns import service


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> tuple[Store, str, str]:
    """The agent catalogue; Acme owns Zenflow and runs a week-long campaign on it."""
    merchant_id, key, zen = acme_owns_zenflow(store, tmp_path)
    today = datetime.now(UTC).date()
    plan = service.CampaignDraft(product_ids=zen, budget_total=40.0, target_roi=2.0,
                                 start=today, end=today + timedelta(days=6))
    campaign = service.create_campaign(store.engine, merchant_id, plan, {})
    return store, key, campaign.id


def test_search_click_purchase_and_report_over_http(shop, live_server_for) -> None:  # type: ignore[no-untyped-def]
    store, key, campaign_id = shop
    with live_server_for(store) as srv, httpx.Client(timeout=120) as http:
        found = http.get(srv.url + "/api/search",
                          params={"q": "yoga mat", "k": 6, "session_id": "web-1"}).json()
        assert len(found["items"]) == 6
        ad = found["sponsored"][0]
        assert ad["label"] == "Sponsored" and ad["campaign_id"] == campaign_id
        assert ad["product"]["brand"] == "Zenflow"
        none = http.get(srv.url + "/api/search", params={"q": "frying pan"}).json()
        assert none["sponsored"] == []  # nothing relevant bids
        # before the click: once charged, the flight may be ahead of its hourly plan and pause
        category = http.get(srv.url + "/api/ads", params={
            "placement": "category", "category": "fitness", "session_id": "web-2"}).json()
        assert category["items"] and category["items"][0]["label"] == "Sponsored"
        click = http.post(srv.url + "/api/ads/click", json={"impression_id": ad["impression_id"]})
        assert click.json() == {"ok": True, "product_id": ad["product"]["id"], "counted": True}
        again = http.post(srv.url + "/api/ads/click", json={"impression_id": ad["impression_id"]})
        assert again.json()["counted"] is False
        unknown = http.post(srv.url + "/api/ads/click", json={"impression_id": "im_nope"})
        assert unknown.status_code == 404
        bought = {"session_id": "web-1", "type": "purchase", "product_id": ad["product"]["id"]}
        assert http.post(srv.url + "/api/events", json=bought).json() == {"ok": True}
        headers = {"X-API-Key": key}
        report = http.get(srv.url + f"/api/campaigns/{campaign_id}/report",
                           headers=headers).json()
        assert report["clicks"] == 1 and report["orders"] == 1
        assert report["gmv"] == pytest.approx(ad["product"]["price"])
        assert 0 < report["spend"] and report["roi"] == pytest.approx(
            report["gmv"] / report["spend"], rel=0.01)
        assert http.get(srv.url + report["chart_url"]).status_code == 200
        other = http.get(srv.url + f"/api/campaigns/{campaign_id}/report")
        assert other.status_code == 401
        today = datetime.now(UTC).date()
        plan = {"product_ids": [ad["product"]["id"]], "budget_total": 0.01, "target_roi": 2.0,
                "start": today.isoformat(), "end": (today + timedelta(days=6)).isoformat(),
                "forecast": False}
        tiny = http.post(srv.url + "/api/campaigns", json=plan, headers=headers)
        assert tiny.status_code == 422 and "below one click's reserve price" in tiny.text
        overlap = http.post(srv.url + "/api/campaigns", json={**plan, "budget_total": 50.0},
                            headers=headers)
        assert overlap.status_code == 422 and "already promotes" in overlap.text
        listed = http.get(srv.url + "/api/campaigns", headers=headers).json()["items"]
        assert [c["id"] for c in listed] == [campaign_id]  # nothing was written


def test_chat_cards_gain_sponsored_slots(shop) -> None:  # type: ignore[no-untyped-def]
    import asyncio
    from collections.abc import AsyncIterator
    from typing import Any

    from knowledge.ads import AdSettings
    from server.deps import AppState
    from server.routes.ads import with_chat_ads
    from tools.ads.serving import AdServer

    store, _, campaign_id = shop
    state = AppState(settings=store.settings, store=store)
    state.ads = AdServer(store.engine, AdSettings(slots=1))

    async def turn() -> AsyncIterator[dict[str, Any]]:  # what the shopper graph streams
        yield {"type": "token", "text": "Here are some mats."}
        yield {"type": "products", "items": [{"id": "FIT00"}]}
        yield {"type": "done"}

    async def collect() -> list[dict[str, Any]]:
        frame = {"type": "message", "text": "a yoga mat for hot yoga"}
        return [e async for e in with_chat_ads(state, "chat-1", frame, turn())]

    events = asyncio.run(collect())
    assert [e["type"] for e in events] == ["token", "products", "done"]
    sponsored = events[1]["sponsored"]
    assert len(sponsored) == 1 and sponsored[0]["label"] == "Sponsored"
    assert sponsored[0]["campaign_id"] == campaign_id
