"""The storefront shows a confirmed campaign's product in a slot labelled "Sponsored", and a
click on it is recorded and charged (read back from the merchant's report)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.web.conftest import Server
from tests.web.pages import Watched, shot
from tests.web.test_widget import ask, open_widget

pytestmark = pytest.mark.browser


def start_campaign_on_mat(server: Server) -> dict[str, Any]:
    """A live campaign on the test merchant's MAT* products (others on them paused first)."""
    today = datetime.now(UTC).date()
    headers = {"X-API-Key": server.merchant_key}
    for other in httpx.get(server.url + "/api/campaigns", headers=headers,
                           timeout=60).json()["items"]:  # another test's campaign on MAT*
        if other["status"] == "active" and {"MAT0", "MAT1", "MAT2"} & set(other["product_ids"]):
            httpx.post(server.url + f"/api/campaigns/{other['id']}/pause", headers=headers,
                       timeout=60).raise_for_status()
    made = httpx.post(server.url + "/api/campaigns", headers={"X-API-Key": server.merchant_key},
                      json={"product_ids": ["MAT0", "MAT1", "MAT2"], "budget_total": 200,
                            "target_roi": 2, "start": today.isoformat(),
                            "end": (today + timedelta(days=6)).isoformat(),
                            "forecast": False}, timeout=60)
    assert made.status_code == 201, made.text
    campaign: dict[str, Any] = made.json()
    return campaign


def clicks_reported(server: Server, campaign_id: str) -> dict[str, Any]:
    """The campaign's report once a click has landed (the beacon is sent asynchronously)."""
    report: dict[str, Any] = {}
    for _ in range(50):
        report = httpx.get(server.url + f"/api/campaigns/{campaign_id}/report",
                           headers={"X-API-Key": server.merchant_key}, timeout=30).json()
        if report["clicks"]:
            break
        time.sleep(0.2)
    return report


def test_search_shows_a_labelled_sponsored_slot_and_charges_its_click(
        server: Server, watched: Watched) -> None:
    campaign = start_campaign_on_mat(server)
    assert len(campaign["name"]) <= 40
    page = watched.page
    page.goto(server.url + "/#/search/maternity%20sneakers")
    label = page.get_by_test_id("store-sponsored-label").first
    label.wait_for()
    assert label.inner_text() == "Sponsored"
    slot = page.get_by_test_id("store-sponsored").first
    assert slot.get_attribute("data-product-id") in {"MAT0", "MAT1", "MAT2"}
    shot(page, "storefront_sponsored")
    slot.click()
    page.get_by_test_id("store-product-page").wait_for()
    report = clicks_reported(server, campaign["id"])
    assert report["clicks"] == 1 and float(str(report["spend"])) > 0
    assert watched.errors == []


def test_chat_answer_carries_a_labelled_sponsored_card_whose_click_is_charged(
        server: Server, watched: Watched) -> None:
    campaign = start_campaign_on_mat(server)
    open_widget(watched, server)
    events = ask(watched, "maternity sneakers")
    ads = [a for e in events if e["type"] == "products" for a in e.get("sponsored") or []]
    assert ads, "a chat answer on the campaign's products should carry a sponsored slot"
    slot = watched.page.get_by_test_id("shopmage-sponsored").first
    assert slot.get_attribute("data-product-id") == ads[0]["product"]["id"]
    assert slot.get_by_test_id("shopmage-sponsored-label").text_content() == "Sponsored"
    slot.get_by_test_id("shopmage-card-title").click()
    report = clicks_reported(server, campaign["id"])
    assert report["clicks"] == 1 and float(str(report["spend"])) > 0
    assert watched.errors == []
