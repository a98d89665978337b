"""The store's checkout page (a UCP session's continue_url) in real Chromium: the buyer
reviews what the agent prepared and places the order."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser
from sqlmodel import Session, select

from knowledge.commerce import Order
from knowledge.store import Store
from tests.server.conftest import LiveServer
from tests.server.ucp_shop import lines, new_agent, stock_catalog, ucp_app_only


@pytest.mark.browser
def test_buyer_places_the_agent_prepared_order(store: Store, tmp_path: Path, browser: Browser,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ucp_app_only(monkeypatch)
    stock_catalog(store, tmp_path)
    with LiveServer(store) as server:
        agent = new_agent(store, server.url, "browser-agent")
        checkout = agent.send("POST", "/checkout-sessions",
                              {"line_items": lines(("K3", 2))}).json()
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(checkout["continue_url"])
        page.get_by_test_id("checkout-place").wait_for()
        assert "Edgecraft Chef Knife" in page.get_by_test_id("checkout-lines").inner_text()
        assert page.get_by_test_id("checkout-total").inner_text() == "130.00 USD"
        page.fill("input[name=name]", "Ada Lovelace")
        page.get_by_test_id("checkout-place").click()
        page.get_by_text("is placed").wait_for()
        placed = page.get_by_test_id("checkout-status").inner_text()
        with Session(store.engine) as session:
            order = session.exec(select(Order)).one()
        assert order.id in placed and order.buyer["name"] == "Ada Lovelace"
        after = agent.send("GET", f"/checkout-sessions/{checkout['id']}").json()
        assert after["status"] == "completed" and after["order"]["id"] == order.id
        page.goto(checkout["continue_url"].replace("token=", "token=x"))
        page.get_by_text("not valid").wait_for()
        assert not errors
        page.close()
        assert httpx.get(f"{server.url}/store/checkout.html").status_code == 200
