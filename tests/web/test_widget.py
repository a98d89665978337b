"""The embeddable shopper widget on the storefront, against the real chat server."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from playwright.sync_api import Locator

from tests.web.conftest import Server
from tests.web.pages import PHONE, Watched, horizontal_overflow, images_loaded, shot

pytestmark = pytest.mark.browser


# Record, at every change of the chat, how much reply text shows and whether the turn is open.
TRACE_REPLY = """() => {
  const root = document.getElementById("shopmage-widget").shadowRoot;
  const box = root.querySelector("[data-testid=shopmage-messages]");
  window.__replyTrace = [];
  new MutationObserver(() => {
    const replies = box.querySelectorAll("[data-role=assistant]");
    const last = replies[replies.length - 1];
    window.__replyTrace.push([last.querySelector(".sm-text").textContent.length,
                              last.classList.contains("sm-streaming")]);
  }).observe(box, {subtree: true, childList: true, characterData: true});
}"""


def open_widget(w: Watched, server: Server) -> None:
    """Load the storefront and open the chat panel."""
    w.page.goto(server.url + "/store/")
    w.page.get_by_test_id("shopmage-bubble").click()
    w.page.get_by_test_id("shopmage-panel").wait_for()
    w.wait_until(lambda: bool(w.events("session")), "the session event", timeout=20)


def ask(w: Watched, text: str) -> list[dict[str, Any]]:
    """Type a message, send it, and return the turn's events."""

    def act() -> None:
        w.page.get_by_test_id("shopmage-input").fill(text)
        w.page.get_by_test_id("shopmage-send").click()

    return w.turn(act, repr(text))


def assistant_messages(w: Watched) -> Locator:
    return w.page.locator("[data-testid=shopmage-message][data-role=assistant]")


def test_widget_streams_an_answer_with_product_cards(server: Server, watched: Watched) -> None:
    open_widget(watched, server)
    session = watched.events("session")[0]["session_id"]
    assert watched.page.evaluate("localStorage.getItem('shopmage.session')") == session
    watched.page.evaluate(TRACE_REPLY)
    events = ask(watched, "shoes for pregnant women")
    tokens = [e["text"] for e in events if e["type"] == "token"]
    products = [e for e in events if e["type"] == "products"]
    assert tokens, "the reply should arrive as token events"
    trace = watched.page.evaluate("window.__replyTrace")
    assert any(length > 0 and streaming for length, streaming in trace), (
        "the reply text should show while the turn is still streaming"
    )
    assert products and products[0]["items"], "the answer should carry product cards"
    reply = assistant_messages(watched).last
    assert reply.locator(".sm-text").inner_text().strip() == "".join(tokens).strip()
    items = products[-1]["items"]
    cards = reply.get_by_test_id("shopmage-card")
    assert cards.count() == len(items)
    for i, item in enumerate(items):
        card = cards.nth(i)
        assert card.get_attribute("data-product-id") == item["id"]
        assert card.get_by_test_id("shopmage-card-title").inner_text() == item["title"]
        assert card.get_by_test_id("shopmage-card-add").is_enabled()
        why = card.get_by_test_id("shopmage-card-why").locator("li")
        assert why.all_inner_texts() == item["why"][:3]
    assert all(images_loaded(watched.page, "img[data-testid=shopmage-card-image]"))
    assert watched.page.get_by_test_id("shopmage-input").is_enabled()
    shot(watched.page, "widget_pregnant_women")
    assert watched.errors == []


def test_policy_answer_shows_the_quoted_passage_and_its_source(
        server: Server, watched: Watched) -> None:
    open_widget(watched, server)
    events = ask(watched, "what is your return policy?")
    quoted = [e for e in events if e["type"] == "policy"]
    assert quoted, "a policy question should quote the store's own policy text"
    box = assistant_messages(watched).last.get_by_test_id("shopmage-policy")
    shown = " ".join(box.locator(".sm-policy-passage").inner_text().split())
    assert shown == " ".join(quoted[0]["passage"].split())
    assert quoted[0]["section"] in box.get_by_test_id("shopmage-policy-source").inner_text()
    assert watched.errors == []


def test_clarification_button_sends_the_choice(server: Server, watched: Watched) -> None:
    open_widget(watched, server)
    events = ask(watched, "a gift")
    question = [e for e in events if e["type"] == "clarification"]
    assert question and question[0]["options"], "a vague request should get a question"
    buttons = watched.page.get_by_test_id("shopmage-choice")
    assert buttons.all_inner_texts() == question[0]["options"]
    shot(watched.page, "widget_clarification")
    option = question[0]["options"][0]
    follow_up = watched.turn(lambda: buttons.first.click(), f"the choice {option!r}")
    assert {"type": "action", "action": "choose", "value": option} in watched.sent
    user_lines = watched.page.locator("[data-testid=shopmage-message][data-role=user]")
    assert user_lines.last.inner_text() == option
    assert all(not buttons.nth(i).is_enabled() for i in range(buttons.count()))
    assert any(e["type"] in ("token", "products", "clarification") for e in follow_up)
    shot(watched.page, "widget_clarification_answered")
    assert watched.errors == []


def test_add_to_cart_from_a_card_updates_the_cart(server: Server, watched: Watched) -> None:
    open_widget(watched, server)
    events = ask(watched, "shoes for pregnant women")
    item = next(e for e in events if e["type"] == "products")["items"][0]
    assert watched.page.get_by_test_id("shopmage-cart-count").inner_text() == "0"
    start = len(watched.received)
    watched.page.get_by_test_id("shopmage-card-add").first.click()
    watched.wait_until(
        lambda: any(e["type"] == "cart" for e in watched.received[start:]), "the cart event"
    )
    cart = next(e for e in watched.received[start:] if e["type"] == "cart")
    assert [(i["product_id"], i["quantity"]) for i in cart["items"]] == [(item["id"], 1)]
    assert {
        "type": "action",
        "action": "add_to_cart",
        "product_id": item["id"],
        "quantity": 1,
    } in watched.sent
    assert watched.page.get_by_test_id("shopmage-cart-count").inner_text() == "1"
    assert watched.page.get_by_test_id("store-cart-count").inner_text() == "1"
    assert watched.page.get_by_test_id("shopmage-bubble-count").inner_text() == "1"
    watched.page.locator("[data-testid=shopmage-cart] summary").click()
    listed = watched.page.get_by_test_id("shopmage-cart-items").inner_text()
    assert cart["items"][0]["title"] in listed
    shot(watched.page, "widget_cart")
    assert watched.errors == []


def test_message_limit_is_enforced_in_the_browser(server: Server, watched: Watched) -> None:
    open_widget(watched, server)
    box = watched.page.get_by_test_id("shopmage-input")
    box.fill("x" * 2500)
    assert len(box.input_value()) == 2000  # the field stops at the limit
    box.evaluate("(el, n) => { el.value = 'y'.repeat(n); }", 2001)  # a script bypassing it
    box.press("Enter")
    notice = watched.page.get_by_test_id("shopmage-notice")
    notice.wait_for()
    assert "2000" in notice.inner_text()
    assert not [f for f in watched.sent if f.get("type") == "message"]


def test_widget_fits_a_phone_screen(server: Server, watched: Watched) -> None:
    watched.page.set_viewport_size(PHONE)
    open_widget(watched, server)
    panel = watched.page.get_by_test_id("shopmage-panel").bounding_box()
    assert panel is not None and panel["width"] <= PHONE["width"] and panel["x"] >= 0
    send = watched.page.get_by_test_id("shopmage-send").bounding_box()
    assert send is not None and send["x"] + send["width"] <= PHONE["width"]
    assert send["y"] + send["height"] <= PHONE["height"]
    assert horizontal_overflow(watched.page) == 0
    ask(watched, "shoes for pregnant women")
    assert horizontal_overflow(watched.page) == 0
    card = watched.page.get_by_test_id("shopmage-card").first.bounding_box()
    assert card is not None and card["x"] + card["width"] <= PHONE["width"]
    shot(watched.page, "phone_widget")
    watched.page.get_by_test_id("shopmage-close").click()
    assert watched.page.get_by_test_id("shopmage-panel").is_hidden()


@pytest.fixture
def other_shop(server: Server) -> Iterator[str]:
    """Another web site (its own origin on loopback) that adds the widget with one tag."""
    html = (
        "<!doctype html><title>Other shop</title><h1>Another shop</h1>"
        f'<script src="{server.url}/static/widget.js" data-shopmage-url="{server.url}"></script>'
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def test_one_script_tag_embeds_the_widget_on_another_origin(
    server: Server, watched: Watched, other_shop: str
) -> None:
    watched.page.goto(other_shop)
    bubble = watched.page.get_by_test_id("shopmage-bubble")
    bubble.click()
    watched.wait_until(lambda: bool(watched.events("session")), "the session event", timeout=20)
    position = bubble.evaluate("b => getComputedStyle(b).position")
    assert position == "fixed", "the widget's stylesheet should load from the shopmage server"
    product = watched.page.request.get(f"{server.url}/api/products?per_page=1").json()["items"][0]
    watched.page.evaluate("id => window.ShopMage.addToCart(id, 2)", product["id"])
    watched.wait_until(lambda: bool(watched.events("cart")), "the cart event", timeout=20)
    assert watched.page.get_by_test_id("shopmage-cart-count").inner_text() == "2"
    shot(watched.page, "widget_on_another_origin")
    assert watched.errors == []
