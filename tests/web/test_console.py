"""The merchant console in a real browser: API-key sign-in, a campaign made through chat."""

from __future__ import annotations

import pytest
from sqlmodel import create_engine

from knowledge.creatives import save_creative
from knowledge.merchants import authenticate
from tests.web.conftest import Server
from tests.web.pages import PHONE, Watched, horizontal_overflow, images_loaded, shot
from tools.creatives.closed_world import Support, check_prose

pytestmark = pytest.mark.browser

GOAL = "promote the maternity sneakers, 5000 budget over two weeks, ROI at least 3"


def sign_in(w: Watched, server: Server, key: str) -> None:
    """Open the console and submit ``key``."""
    w.page.goto(server.url + "/console/")
    w.page.get_by_test_id("console-key-input").fill(key)
    w.page.get_by_test_id("console-login-button").click()


def test_console_rejects_a_wrong_key(server: Server, watched: Watched) -> None:
    sign_in(watched, server, "smk_this-is-not-a-real-key")
    error = watched.page.get_by_test_id("console-login-error")
    error.wait_for()
    assert "not accepted" in error.inner_text()
    assert watched.page.get_by_test_id("console-app").is_hidden()
    assert watched.page.evaluate("sessionStorage.getItem('shopmage.merchantKey')") is None
    shot(watched.page, "console_wrong_key")


def test_console_accepts_the_right_key_and_remembers_it(server: Server, watched: Watched) -> None:
    sign_in(watched, server, server.merchant_key)
    watched.page.get_by_test_id("console-app").wait_for()
    name = watched.page.get_by_test_id("console-merchant-name")
    me = watched.page.request.get(
        server.url + "/api/merchant/me", headers={"X-API-Key": server.merchant_key}
    ).json()
    assert name.inner_text() == me["name"]
    sales = watched.page.request.get(
        server.url + "/api/sales/channels", headers={"X-API-Key": server.merchant_key}).json()
    channels = watched.page.get_by_test_id("console-channels")
    expected = "No sales yet." if not sales["channels"] else "Sales by channel"
    watched.wait_until(lambda: expected in channels.inner_text(), "the sales-by-channel line")
    watched.page.reload()
    watched.page.get_by_test_id("console-app").wait_for()  # the key survives a reload
    watched.page.get_by_test_id("console-logout").click()
    assert watched.page.get_by_test_id("console-login").is_visible()
    assert watched.errors == []


def test_campaign_created_through_chat_shows_a_forecast_chart(
    server: Server, watched: Watched
) -> None:
    page = watched.page
    sign_in(watched, server, server.merchant_key)
    page.get_by_test_id("console-app").wait_for()
    page.locator("[data-testid=console-status][data-state=online]").wait_for()

    def send_goal() -> None:
        page.get_by_test_id("console-chat-input").fill(GOAL)
        page.get_by_test_id("console-chat-send").click()

    events = watched.turn(send_goal, "the campaign goal")
    drafts = [e for e in events if e["type"] == "campaign_draft"]
    assert drafts, "the assistant should propose a draft campaign"
    draft = page.get_by_test_id("console-draft").last
    assert draft.is_visible()
    shot(page, "console_draft")
    events += watched.turn(lambda: draft.get_by_test_id("console-confirm").click(), "confirm")
    assert {"type": "action", "action": "confirm"} in watched.sent
    created = [e["campaign"] for e in events if e["type"] == "campaign"]
    assert created, "confirming should create the campaign"
    forecasts = [e for e in events if e["type"] == "forecast"]
    assert forecasts and forecasts[-1]["chart_url"], "a forecast with its chart should arrive"
    chart = page.get_by_test_id("console-forecast-chart").last
    chart.wait_for()
    chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=chart.element_handle()
    )
    assert all(images_loaded(page, "[data-testid=console-forecast-chart]"))
    assert page.get_by_test_id("console-forecast-row").count() >= 1
    row = page.locator(f"[data-testid=console-campaign][data-id='{created[-1]['id']}']")
    row.wait_for()
    assert row.get_by_test_id("console-campaign-status").text_content() == created[-1]["status"]
    shot(page, "console_campaign_forecast")
    assert watched.errors == []


def test_console_fits_a_phone_screen(server: Server, watched: Watched) -> None:
    watched.page.set_viewport_size(PHONE)
    sign_in(watched, server, server.merchant_key)
    watched.page.get_by_test_id("console-app").wait_for()
    assert horizontal_overflow(watched.page) == 0
    send = watched.page.get_by_test_id("console-chat-send").bounding_box()
    assert send is not None and send["x"] + send["width"] <= PHONE["width"]
    shot(watched.page, "phone_console", full_page=True)


def test_creative_gallery_approves_and_rejects(server: Server, watched: Watched) -> None:
    headers = {"X-API-Key": server.merchant_key}
    request = watched.page.request
    product = request.get(f"{server.url}/api/products?per_page=1").json()["items"][0]
    made = request.post(
        f"{server.url}/api/creatives/banners",
        headers=headers,
        data={"product_id": product["id"], "sizes": ["1200x628", "300x250"]},
    )
    assert made.ok, made.text()
    first, second = (c["id"] for c in made.json()["items"])
    sign_in(watched, server, server.merchant_key)
    watched.page.get_by_test_id("console-tab-creatives").click()
    card = watched.page.locator(f"[data-testid=console-creative][data-id='{first}']")
    other = watched.page.locator(f"[data-testid=console-creative][data-id='{second}']")
    card.wait_for()
    assert images_loaded(watched.page, f"[data-id='{first}'] img") == [True]
    card.get_by_test_id("console-creative-approve").click()
    card.locator("[data-testid=console-creative-status]:text-is('approved')").wait_for()
    other.get_by_test_id("console-creative-reject").click()
    other.locator("[data-testid=console-creative-status]:text-is('rejected')").wait_for()
    stored = {
        c["id"]: c["status"]
        for c in request.get(f"{server.url}/api/creatives", headers=headers).json()["items"]
    }
    assert (stored[first], stored[second]) == ("approved", "rejected")
    assert card.get_by_test_id("console-creative-approve").count() == 0
    shot(watched.page, "console_creatives")
    assert watched.errors == []


BOTTLE_BRIEF = "stainless steel water bottle, 750ml, keeps drinks cold 24 hours"
INVENTED = "A built-in water filtration system protects your wallet from water damage."


def test_a_draft_shows_what_the_claim_check_removed_and_why(server: Server,
                                                            watched: Watched) -> None:
    """The review view lists each sentence the claim check dropped, with the words it lacked."""
    assert server.data is not None, (
        "this test stores a draft in the served data folder: with SHOPMAGE_WEB_TEST_URL, "
        "set SHOPMAGE_WEB_TEST_DATA to that server's SHOPMAGE_DATA_DIR")
    checked = check_prose(f"Keeps drinks cold for 24 hours. {INVENTED}",
                          Support.of([BOTTLE_BRIEF]), where="description")
    assert [d["sentence"] for d in checked.dropped] == [INVENTED]
    engine = create_engine(f"sqlite:///{server.data / 'shopmage.db'}")
    merchant = authenticate(engine, server.merchant_key)
    draft = save_creative(engine, merchant_id=merchant.id, kind="listing", content={
        "title": "Steel Water Bottle, 750ml", "bullets": ["Keeps drinks cold 24 hours."],
        "description": checked.text, "dropped": checked.dropped})
    engine.dispose()
    sign_in(watched, server, server.merchant_key)
    watched.page.get_by_test_id("console-tab-creatives").click()
    card = watched.page.locator(f"[data-testid=console-creative][data-id='{draft.id}']")
    card.wait_for()
    assert INVENTED not in card.get_by_test_id("console-creative-text").inner_text()
    removed = card.get_by_test_id("console-creative-dropped")
    removed.locator("summary").click()
    shown = removed.inner_text()
    assert "1 sentence(s) removed by the claim check" in shown
    assert INVENTED in shown
    assert "\u201cwallet\u201d: 'wallet' appears in no fact, product field or knowledge" in shown
    shot(watched.page, "console_draft_dropped")
    assert watched.errors == []
