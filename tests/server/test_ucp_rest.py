"""UCP over REST on a real server: every response validates against the vendored specs."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import httpx
from sqlmodel import Session, select

from knowledge.checkouts import merchant_sales_by_channel, sales_by_channel
from knowledge.commerce import AgentCart, CheckoutSession, Order
from knowledge.merchants import create_merchant
from knowledge.models import Event, Product
from knowledge.store import Store
from tests.server.conftest import UcpShop
from tests.server.ucp_shop import lines, new_agent
from tests.server.ucp_spec import PROFILE, check_error, check_rest, errors


def stock(store: Store, product_id: str) -> int:
    with Session(store.engine) as session:
        product = session.get(Product, product_id)
    assert product is not None
    return product.stock

def test_profile_declares_rest_mcp_and_no_payment_handlers(ucp_shop: UcpShop) -> None:
    server, _ = ucp_shop
    body = httpx.get(f"{server.url}/.well-known/ucp").json()
    assert not errors(PROFILE, body), errors(PROFILE, body)
    services = {s["transport"]: s["endpoint"] for s in body["ucp"]["services"]["dev.ucp.shopping"]}
    assert services == {"rest": f"{server.url}/ucp", "mcp": f"{server.url}/ucp/mcp"}
    assert "dev.ucp.shopping.checkout" in body["ucp"]["capabilities"]
    assert body["ucp"]["payment_handlers"] == {}


def test_catalog_search_filters_lookup_and_product(ucp_shop: UcpShop) -> None:
    _, agent = ucp_shop
    found = agent.send("POST", "/catalog/search", {"query": "frying pan"})
    check_rest("search_catalog", 200, found.json())
    assert found.json()["products"][0]["id"] == "K1"
    cheap_shoes = agent.send("POST", "/catalog/search", {
        "query": "shoes", "filters": {"categories": ["shoes"], "price": {"max": 6000}}}).json()
    check_rest("search_catalog", 200, cheap_shoes)
    assert [p["id"] for p in cheap_shoes["products"]] == ["S1"]
    looked = agent.send("POST", "/catalog/lookup", {"ids": ["K1", "NOPE"]}).json()
    check_rest("lookup_catalog", 200, looked)
    assert [p["id"] for p in looked["products"]] == ["K1"]
    assert "NOPE" in looked["messages"][0]["content"]
    detail = agent.send("POST", "/catalog/product", {"id": "K2"})
    check_rest("get_product", 200, detail.json())
    assert detail.json()["product"]["price_range"]["min"] == {"amount": 2800, "currency": "USD"}
    missing = agent.send("POST", "/catalog/product", {"id": "NOPE"})
    assert missing.status_code == 404
    check_error(missing.json(), "not_found")


def test_cart_create_get_update_cancel(ucp_shop: UcpShop, store: Store) -> None:
    server, agent = ucp_shop
    headers = agent.headers()
    made = agent.send("POST", "/carts", {"line_items": lines(("K1", 1), ("C1", 2))},
                      headers=headers)
    assert made.status_code == 201
    assert made.headers["Request-Id"] == headers["Request-Id"]  # echoed for tracing
    cart = made.json()
    check_rest("create_cart", 201, cart)
    assert cart["totals"][-1] == {"type": "total", "amount": 4200 + 2 * 3500}
    got = agent.send("GET", f"/carts/{cart['id']}").json()
    check_rest("get_cart", 200, got)
    updated = agent.send("PUT", f"/carts/{cart['id']}", {"line_items": lines(("K2", 3))}).json()
    check_rest("update_cart", 200, updated)
    assert [(li["item"]["id"], li["quantity"]) for li in updated["line_items"]] == [("K2", 3)]
    other = new_agent(store, server.url, "agent-two")
    assert other.send("GET", f"/carts/{cart['id']}").status_code == 404  # not theirs
    canceled = agent.send("POST", f"/carts/{cart['id']}/cancel").json()
    check_rest("cancel_cart", 200, canceled)
    again = agent.send("PUT", f"/carts/{cart['id']}", {"line_items": lines(("K2", 1))})
    assert again.status_code == 409
    check_error(again.json(), "invalid_state")


def test_checkout_hands_off_and_the_buyer_places_the_order(ucp_shop: UcpShop, store: Store) -> None:
    server, agent = ucp_shop
    seller, _ = create_merchant(store.engine, name="K3 Seller")
    bystander, _ = create_merchant(store.engine, name="Other Seller")
    with Session(store.engine) as session:
        k3 = session.get(Product, "K3")
        assert k3 is not None
        k3.merchant_id = seller.id
        session.add(k3)
        session.commit()
    cart = agent.send("POST", "/carts", {"line_items": lines(("K3", 2))}).json()
    made = agent.send("POST", "/checkout-sessions", {"cart_id": cart["id"]})
    assert made.status_code == 201
    checkout = made.json()
    check_rest("create_checkout", 201, checkout)
    assert checkout["status"] == "requires_escalation"
    assert checkout["messages"][0]["severity"] == "requires_buyer_review"
    assert stock(store, "K3") == 8 - 2  # reserved
    completed = agent.send("POST", f"/checkout-sessions/{checkout['id']}/complete").json()
    check_rest("complete_checkout", 200, completed)
    assert completed["status"] == "requires_escalation"  # only the buyer places the order
    link = urlparse(checkout["continue_url"])
    assert link.path == "/store/checkout.html"
    token = parse_qs(link.query)["token"][0]
    page = httpx.get(f"{server.url}/api/checkout/{checkout['id']}", params={"token": token})
    assert page.json()["lines"][0]["quantity"] == 2
    wrong = httpx.post(f"{server.url}/api/checkout/{checkout['id']}/confirm",
                       json={"token": "not-the-token"})
    assert wrong.status_code == 401
    placed = httpx.post(f"{server.url}/api/checkout/{checkout['id']}/confirm",
                        json={"token": token, "name": "Ada"}).json()
    after = agent.send("GET", f"/checkout-sessions/{checkout['id']}").json()
    check_rest("get_checkout", 200, after)
    assert after["status"] == "completed" and after["order"]["id"] == placed["order_id"]
    order = agent.send("GET", f"/orders/{placed['order_id']}").json()
    check_rest("get_order", 200, order)
    assert order["line_items"][0]["quantity"]["total"] == 2
    assert stock(store, "K3") == 6  # sold, not released
    with Session(store.engine) as session:
        purchases = session.exec(select(Event).where(Event.type == "purchase")).all()
        saved = session.get(Order, placed["order_id"])
    assert [(e.user_id.startswith("agent:"), e.product_id) for e in purchases] == [(True, "K3")]
    assert saved is not None and saved.channel == "ucp_agent"
    assert sales_by_channel(store.engine)["ucp_agent"] == {"orders": 1, "revenue": 13000}
    assert merchant_sales_by_channel(store.engine, seller.id) == {
        "ucp_agent": {"orders": 1, "units": 2, "revenue": 13000}}
    assert merchant_sales_by_channel(store.engine, bystander.id) == {}
    update = agent.send("PUT", f"/checkout-sessions/{checkout['id']}",
                        {"line_items": lines(("K3", 1))})
    assert update.status_code == 409
    check_error(update.json(), "invalid_state")
    assert stock(store, "K3") == 6


def test_cancel_releases_the_reserved_stock(ucp_shop: UcpShop, store: Store) -> None:
    _, agent = ucp_shop
    checkout = agent.send("POST", "/checkout-sessions", {"line_items": lines(("C2", 3))}).json()
    assert stock(store, "C2") == 4
    updated = agent.send("PUT", f"/checkout-sessions/{checkout['id']}",
                         {"line_items": lines(("C2", 1))}).json()
    check_rest("update_checkout", 200, updated)
    assert stock(store, "C2") == 6
    canceled = agent.send("POST", f"/checkout-sessions/{checkout['id']}/cancel").json()
    check_rest("cancel_checkout", 200, canceled)
    assert canceled["status"] == "canceled" and stock(store, "C2") == 7


def test_a_key_replayed_five_times_creates_one_cart_and_one_checkout(ucp_shop: UcpShop,
                                                                     store: Store) -> None:
    _, agent = ucp_shop
    cart_key = "5c1a0c5e-0000-4000-8000-000000000001"
    checkout_key = "5c1a0c5e-0000-4000-8000-000000000002"
    carts = [agent.send("POST", "/carts", {"line_items": lines(("K2", 1))},
                        headers=agent.headers(cart_key)) for _ in range(5)]
    checkouts = [agent.send("POST", "/checkout-sessions", {"line_items": lines(("K2", 2))},
                            headers=agent.headers(checkout_key)) for _ in range(5)]
    assert {r.status_code for r in carts + checkouts} == {201}
    assert len({r.json()["id"] for r in carts}) == 1
    assert len({r.json()["id"] for r in checkouts}) == 1
    assert [r.headers.get("Idempotent-Replayed") for r in carts] == [None] + ["true"] * 4
    with Session(store.engine) as session:
        assert len(session.exec(select(AgentCart)).all()) == 1
        assert len(session.exec(select(CheckoutSession)).all()) == 1
    assert stock(store, "K2") == 6 - 2  # reserved once
    reused = agent.send("POST", "/carts", {"line_items": lines(("K1", 1))},
                        headers=agent.headers(cart_key))
    assert reused.status_code == 409
    check_error(reused.json(), "idempotency_conflict")
