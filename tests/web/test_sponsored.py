"""The storefront shows a confirmed campaign's product in a slot labelled "Sponsored", and a
click on it is recorded and charged (read back from the merchant's report)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from tests.web.conftest import Server
from tests.web.pages import Watched, shot

pytestmark = pytest.mark.browser


def test_search_shows_a_labelled_sponsored_slot_and_charges_its_click(
        server: Server, watched: Watched) -> None:
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
    campaign = made.json()
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
    report: dict[str, object] = {}
    for _ in range(50):  # the click is sent as the page changes: wait for it to land
        report = httpx.get(server.url + f"/api/campaigns/{campaign['id']}/report",
                           headers={"X-API-Key": server.merchant_key}, timeout=30).json()
        if report["clicks"]:
            break
        time.sleep(0.2)
    assert report["clicks"] == 1 and float(str(report["spend"])) > 0
    assert watched.errors == []
