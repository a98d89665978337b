"""Schema validation pass rate of the UCP REST responses and ACP feed rows.

``python -m evals.ucp_conformance`` serves a small real store on loopback, drives every UCP
operation (and the refusals: unknown product, bad quantity, currency, missing headers, wrong
key, a completed session changed), validates every response against the vendored specs in
``../shared/specs`` (success bodies against the operation's schema, refusals against
``error_response``), validates every ACP feed row, and prints the pass rate (target 100%).
"""

from __future__ import annotations

import json
import tempfile
import uuid
from pathlib import Path
from typing import Any

import httpx
from jsonschema import Draft202012Validator

from evals.bench_workers import CATALOG
from evals.ucp_server import serve_ucp
from evals.ucp_spec import ACP_FEED, ERROR_RESPONSE, PROFILE, errors, rest_response_schema
from knowledge.agents import create_agent
from knowledge.ingest import import_catalog
from knowledge.settings import Settings
from knowledge.store import Store

AGENT = 'profile="https://conformance.example/.well-known/ucp"'


class Checker:
    """Sends requests and validates each answer, keeping the tally."""

    def __init__(self, url: str, key: str) -> None:
        """Talk to ``url`` as the agent with ``key``."""
        self.url, self.key = url, key
        self.results: list[tuple[str, int, list[str]]] = []

    def headers(self, **extra: str) -> dict[str, str]:
        """The UCP headers (fresh idempotency key and request id)."""
        return {"UCP-Agent": AGENT, "X-API-Key": self.key, "Request-Id": str(uuid.uuid4()),
                "Idempotency-Key": str(uuid.uuid4()), **extra}

    def send(self, operation: str, method: str, path: str, body: Any = None,
             headers: dict[str, str] | None = None) -> dict[str, Any]:
        """One request; its body is validated against the right schema and tallied."""
        answer = httpx.request(method, f"{self.url}/ucp{path}", json=body,
                               headers=headers if headers is not None else self.headers(),
                               timeout=60)
        data = answer.json()
        if answer.status_code >= 400:
            problems = errors(ERROR_RESPONSE, data)
        else:
            problems = errors(rest_response_schema(operation, answer.status_code), data)
        self.results.append((f"{operation} {answer.status_code}", answer.status_code, problems))
        return dict(data)


def _drive(c: Checker) -> None:
    lines = [{"item": {"id": "K1"}, "quantity": 1}]
    c.send("search_catalog", "POST", "/catalog/search", {"query": "running shoes"})
    c.send("search_catalog", "POST", "/catalog/search",
           {"query": "shoes", "filters": {"categories": ["shoes"], "price": {"max": 10000}},
            "pagination": {"limit": 1}})
    c.send("lookup_catalog", "POST", "/catalog/lookup", {"ids": ["K1", "S2", "NOPE"]})
    c.send("get_product", "POST", "/catalog/product", {"id": "K2"})
    c.send("get_product", "POST", "/catalog/product", {"id": "NOPE"})
    cart = c.send("create_cart", "POST", "/carts", {"line_items": lines})
    c.send("get_cart", "GET", f"/carts/{cart['id']}")
    c.send("update_cart", "PUT", f"/carts/{cart['id']}",
           {"line_items": [{"item": {"id": "K2"}, "quantity": 2}]})
    checkout = c.send("create_checkout", "POST", "/checkout-sessions", {"cart_id": cart["id"]})
    c.send("get_checkout", "GET", f"/checkout-sessions/{checkout['id']}")
    c.send("update_checkout", "PUT", f"/checkout-sessions/{checkout['id']}",
           {"line_items": [{"item": {"id": "K2"}, "quantity": 1}]})
    c.send("complete_checkout", "POST", f"/checkout-sessions/{checkout['id']}/complete")
    token = checkout["continue_url"].split("token=")[1]
    order = httpx.post(f"{c.url}/api/checkout/{checkout['id']}/confirm",
                       json={"token": token}, timeout=60).json()
    c.send("get_order", "GET", f"/orders/{order['order_id']}")
    c.send("update_checkout", "PUT", f"/checkout-sessions/{checkout['id']}", {"line_items": lines})
    other = c.send("create_cart", "POST", "/carts", {"line_items": lines})
    c.send("cancel_cart", "POST", f"/carts/{other['id']}/cancel")
    second = c.send("create_checkout", "POST", "/checkout-sessions", {"line_items": lines})
    c.send("cancel_checkout", "POST", f"/checkout-sessions/{second['id']}/cancel")
    for bad in ([{"item": {"id": "NOPE"}, "quantity": 1}], [{"item": {"id": "K1"}, "quantity": 0}],
                [{"item": {"id": "K1"}, "quantity": -1}], [{"item": {"id": "S3"}, "quantity": 1}]):
        c.send("create_checkout", "POST", "/checkout-sessions", {"line_items": bad})
    c.send("create_cart", "POST", "/carts", {"line_items": lines, "currency": "EUR"})
    c.send("create_cart", "POST", "/carts", {"line_items": lines},
           headers={k: v for k, v in c.headers().items() if k != "UCP-Agent"})
    c.send("create_cart", "POST", "/carts", {"line_items": lines},
           headers=c.headers(**{"X-API-Key": "sak_wrong"}))


def run() -> dict[str, Any]:
    """Drive the store and validate; return the tally."""
    work = Path(tempfile.mkdtemp(prefix="shopmage-ucp-conformance-"))
    store = Store(Settings(data_dir=work / "data"))
    catalog = work / "catalog.jsonl"
    catalog.write_text("".join(json.dumps(row) + "\n" for row in CATALOG))
    import_catalog(store, catalog)
    _, key = create_agent(store.engine, name="conformance")
    with serve_ucp(store) as url:
        checker = Checker(url, key)
        profile = httpx.get(f"{url}/.well-known/ucp", timeout=60).json()
        checker.results.append(("profile 200", 200, errors(PROFILE, profile)))
        _drive(checker)
        feed = httpx.get(f"{url}/acp/feed.jsonl", timeout=60).text.splitlines()
    bundle = json.loads(ACP_FEED.read_text())
    product = Draft202012Validator({**bundle, "$ref": "#/$defs/Product"})
    feed_bad = [row for row in feed if list(product.iter_errors(json.loads(row)))]
    store.close()
    valid = sum(1 for _, _, problems in checker.results if not problems)
    return {"rest_responses": len(checker.results), "rest_valid": valid,
            "rest_pass_rate": round(valid / len(checker.results), 4),
            "server_errors": sum(1 for _, status, _ in checker.results if status >= 500),
            "feed_rows": len(feed), "feed_valid": len(feed) - len(feed_bad),
            "failures": [(name, problems[:2]) for name, _, problems in checker.results
                         if problems]}


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
