"""The demo storefront in a real browser: it loads fast, searches, opens product pages."""

from __future__ import annotations

import pytest

from tests.web.conftest import Server
from tests.web.pages import PHONE, Watched, horizontal_overflow, images_loaded, shot

pytestmark = pytest.mark.browser

NAV_TIMING = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return {load: nav.loadEventEnd - nav.startTime,
          dom: nav.domContentLoadedEventEnd - nav.startTime};
}"""


@pytest.mark.timing
def test_storefront_loads_under_a_second(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(server.url + "/")
    page.get_by_test_id("store-product").first.wait_for()
    grid_ms = page.evaluate("performance.now()")
    timing = page.evaluate(NAV_TIMING)
    print(
        f"\nstorefront: DOMContentLoaded {timing['dom']:.0f} ms, load {timing['load']:.0f} ms,"
        f" first products shown at {grid_ms:.0f} ms"
    )
    assert page.url.endswith("/store/"), "/ should redirect to the storefront"
    assert timing["load"] < 1000
    assert grid_ms < 1000
    assert page.get_by_test_id("store-category").count() > 0
    grid = page.locator("[data-testid=store-grid] [data-testid=store-product]")
    assert grid.count() == 24  # one full page of the catalogue
    page.wait_for_load_state("networkidle")
    first_row = images_loaded(page, "[data-testid=store-grid] > :nth-child(-n+4) img")
    assert first_row and all(first_row), "the first row's product images did not load"
    shot(page, "storefront_home")
    assert watched.errors == []


def test_search_shows_a_grid_and_a_product_page_opens(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(server.url + "/store/")
    page.get_by_test_id("store-search-input").fill("running shoes")
    page.get_by_test_id("store-search-button").click()
    page.wait_for_url("**/store/#/search/*")
    page.locator("[data-testid=store-view][data-route=search]").wait_for()
    tiles = page.locator("[data-testid=store-grid] [data-testid=store-product]")
    assert tiles.count() > 1
    shot(page, "storefront_search")
    first = tiles.first
    product_id = first.get_attribute("data-product-id")
    title = first.locator(".tile-title").inner_text()
    posted: list[dict[str, object]] = []
    page.on(
        "request",
        lambda r: (
            posted.append(r.post_data_json)
            if r.url.endswith("/api/events") and r.method == "POST"
            else None
        ),
    )
    first.click()
    product = page.get_by_test_id("store-product-page")
    product.wait_for()
    watched.wait_until(lambda: len(posted) >= 2, "the click and view events", timeout=10)
    session = page.evaluate("localStorage.getItem('shopmage.session')")
    assert {"session_id": session, "type": "click", "product_id": product_id} in posted
    assert {"session_id": session, "type": "view", "product_id": product_id} in posted
    assert product.get_attribute("data-product-id") == product_id
    assert page.get_by_test_id("store-product-title").inner_text() == title
    assert page.get_by_test_id("store-product-price").inner_text().startswith("$")
    shot(page, "storefront_product")
    assert watched.errors == []


def test_category_nav_filters_the_grid(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(server.url + "/store/")
    link = page.get_by_test_id("store-category").nth(1)
    category = link.get_attribute("data-category")
    link.click()
    page.wait_for_url(f"**/#/category/{category}")
    page.locator("[data-testid=store-view][data-route=category]").wait_for()
    tiles = page.locator("[data-testid=store-grid] [data-testid=store-product]")
    ids = [tiles.nth(i).get_attribute("data-product-id") for i in range(3)]
    for product_id in ids:
        response = page.request.get(f"{server.url}/api/products/{product_id}")
        assert response.json()["category"] == category
    assert link.get_attribute("class") == "active"


def test_unknown_product_says_not_found(server: Server, watched: Watched) -> None:
    page = watched.page
    page.goto(server.url + "/store/#/product/NO-SUCH-ID")
    error = page.get_by_test_id("store-error")
    error.wait_for()
    assert "NO-SUCH-ID" in error.inner_text()


def test_phone_width_storefront_has_no_horizontal_overflow(
    server: Server, watched: Watched
) -> None:
    page = watched.page
    page.set_viewport_size(PHONE)
    page.goto(server.url + "/store/")
    page.get_by_test_id("store-product").first.wait_for()
    assert horizontal_overflow(page) == 0
    shot(page, "phone_storefront_home")
    page.get_by_test_id("store-product").first.click()
    page.get_by_test_id("store-product-page").wait_for()
    assert horizontal_overflow(page) == 0
    add = page.get_by_test_id("store-add-to-cart")
    box = add.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    shot(page, "phone_storefront_product")
