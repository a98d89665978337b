"""UCP refusals on a real server: spec error objects, never a 500, nothing written."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlmodel import Session, select

from knowledge.commerce import AgentCart, CheckoutSession
from knowledge.errors import PermissionDeniedError
from knowledge.merchants import create_merchant
from knowledge.models import Product
from knowledge.store import Store
from server.mcp_server import build_mcp
from tests.server.conftest import UcpShop
from tests.server.ucp_shop import lines, new_agent
from tests.server.ucp_spec import check_error


def written(store: Store) -> tuple[int, int, dict[str, int]]:
    with Session(store.engine) as session:
        carts = len(session.exec(select(AgentCart)).all())
        checkouts = len(session.exec(select(CheckoutSession)).all())
        stock = {p.id: p.stock for p in session.exec(select(Product))}
    return carts, checkouts, stock


BAD_BODIES = [
    ("unknown product", lines(("NOPE", 1)), 404, "not_found"),
    ("quantity 0", lines(("K1", 0)), 422, "invalid_quantity"),
    ("negative quantity", lines(("K1", -2)), 422, "invalid_quantity"),
    ("quantity not a number", [{"item": {"id": "K1"}, "quantity": "two"}], 422,
     "invalid_quantity"),
    ("more than the shelf holds", lines(("K1", 3)), 409, "out_of_stock"),
    ("out of stock product", lines(("S3", 1)), 409, "out_of_stock"),
]


@pytest.mark.parametrize("path", ["/carts", "/checkout-sessions"])
def test_bad_lines_get_spec_errors_and_write_nothing(ucp_shop: UcpShop,
                                                     store: Store, path: str) -> None:
    _, agent = ucp_shop
    before = written(store)
    for name, items, status, code in BAD_BODIES:
        response = agent.send("POST", path, {"line_items": items})
        assert response.status_code == status, (name, response.text)
        check_error(response.json(), code)
    currency = agent.send("POST", path, {"line_items": lines(("K1", 1)), "currency": "EUR"})
    assert currency.status_code == 422
    check_error(currency.json(), "currency_mismatch")
    assert "EUR" in currency.json()["messages"][0]["content"]
    not_json = httpx.post(f"{agent.url}/ucp{path}", content=b"{oops",
                          headers=agent.headers())
    assert not_json.status_code == 400
    check_error(not_json.json(), "invalid_request")
    assert written(store) == before

def test_headers_and_keys_are_checked_before_anything_happens(ucp_shop: UcpShop,
                                                              store: Store) -> None:
    _, agent = ucp_shop
    before = written(store)
    body = {"line_items": lines(("K1", 1))}
    no_agent = {k: v for k, v in agent.headers().items() if k != "UCP-Agent"}
    cases = [
        (no_agent, 400, "invalid_ucp_agent"),
        (agent.headers(**{"UCP-Agent": "not a profile"}), 400, "invalid_ucp_agent"),
        (agent.headers(**{"X-API-Key": "sak_wrong"}), 401, "unauthorized"),
        ({k: v for k, v in agent.headers().items() if k != "X-API-Key"}, 401, "unauthorized"),
        ({k: v for k, v in agent.headers().items() if k != "Idempotency-Key"}, 400,
         "invalid_idempotency_key"),
    ]
    for headers, status, code in cases:
        response = agent.send("POST", "/carts", body, headers=headers)
        assert response.status_code == status, (headers, response.text)
        check_error(response.json(), code)
    search = agent.send("POST", "/catalog/search", {"query": "pan"},
                        headers=agent.headers(**{"X-API-Key": "smk_not_an_agent"}))
    assert search.status_code == 401
    check_error(search.json(), "unauthorized")
    assert written(store) == before


def test_a_completed_or_canceled_session_cannot_change(ucp_shop: UcpShop, store: Store) -> None:
    server, agent = ucp_shop
    made = agent.send("POST", "/checkout-sessions", {"line_items": lines(("K2", 1))}).json()
    token = made["continue_url"].split("token=")[1]
    httpx.post(f"{server.url}/api/checkout/{made['id']}/confirm", json={"token": token})
    before = written(store)
    for method, suffix, body in (("PUT", "", {"line_items": lines(("K2", 2))}),
                                 ("POST", "/cancel", None)):
        response = agent.send(method, f"/checkout-sessions/{made['id']}{suffix}", body)
        assert response.status_code == 409
        check_error(response.json(), "invalid_state")
    other = agent.send("POST", "/checkout-sessions", {"line_items": lines(("K3", 1))}).json()
    agent.send("POST", f"/checkout-sessions/{other['id']}/cancel")
    again = agent.send("PUT", f"/checkout-sessions/{other['id']}",
                       {"line_items": lines(("K3", 1))})
    assert again.status_code == 409
    check_error(again.json(), "invalid_state")
    assert written(store)[2] == {**before[2], "K3": before[2]["K3"]}


def test_two_agents_never_oversell_the_last_units(ucp_shop: UcpShop, store: Store) -> None:
    server, one = ucp_shop
    two = new_agent(store, server.url, "agent-two")
    # K1 has 2 in stock; eight checkouts of one unit race for them
    attempts = [one, two] * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda a: a.send("POST", "/checkout-sessions",
                                                 {"line_items": lines(("K1", 1))}), attempts))
    statuses = sorted(r.status_code for r in results)
    assert statuses == [201, 201] + [409] * 6, [r.text for r in results]
    for refused in (r for r in results if r.status_code == 409):
        check_error(refused.json(), "out_of_stock")
    assert written(store)[2]["K1"] == 0


def test_an_agent_key_reaches_no_merchant_operation(ucp_shop: UcpShop, store: Store) -> None:
    server, agent = ucp_shop
    create_merchant(store.engine, name="Acme")
    for method, path in (("GET", "/api/merchant/me"), ("GET", "/api/campaigns"),
                         ("POST", "/api/campaigns/c_0000000000/pause")):
        for header in ({"X-API-Key": agent.key}, {"Authorization": f"Bearer {agent.key}"}):
            answer = httpx.request(method, server.url + path, headers=header)
            assert answer.status_code == 401, (path, answer.text)
    with pytest.raises(PermissionDeniedError):
        build_mcp(store, merchant_key=agent.key)  # the MCP merchant tools refuse it
    from knowledge.merchants import authenticate

    with pytest.raises(PermissionDeniedError):
        authenticate(store.engine, agent.key)


def test_rate_limit_per_key(ucp_shop: UcpShop, store: Store) -> None:
    server, fast = ucp_shop
    slow = new_agent(store, server.url, "slow-agent", rate_limit="3/minute")
    answers = [slow.send("POST", "/catalog/search", {"query": "pan"}) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    check_error(answers[-1].json(), "rate_limited")
    assert int(answers[-1].headers["Retry-After"]) > 0
    assert fast.send("POST", "/catalog/search", {"query": "pan"}).status_code == 200
