"""Latency of UCP catalog search over REST: a fresh demo store, the real server on loopback.

``shopmage bench ucp-search --products 5000`` builds the seeded demo catalogue (N products,
knowledge built as ``make run`` does), serves the UCP capabilities, and times ``POST
/ucp/catalog/search`` for a fixed list of shopper queries (some with category and price
filters), client-measured over HTTP. Prints p50, p95, p99 and the mean in milliseconds.
Those repeat 15 queries, so after the warm-up they are served by the UCP ranking cache
(tools/ucp/search_cache.py); ``distinct_*`` times searches never asked before (words of
product titles), the cost of a cache miss. ``load_1m_before_after``: the machine's load average
when timing began and ended (figures under load are not the quiet machine's).
"""

from __future__ import annotations

import logging
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

QUERIES = ("running shoes", "shoes for pregnant women", "waterproof hiking boots",
           "gift for dad", "red dress", "non-stick frying pan", "yoga mat", "warm winter coat",
           "wireless headphones", "kids backpack", "leather wallet", "coffee maker",
           "slip-resistant work shoes", "maternity leggings", "breathable running shorts")


def _requests(n: int) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = []
    for i in range(n):
        body: dict[str, Any] = {"query": QUERIES[i % len(QUERIES)]}
        if i % 3 == 1:
            body["filters"] = {"price": {"max": 10000}}
        if i % 3 == 2:
            body["pagination"] = {"limit": 20}
        bodies.append(body)
    return bodies


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_bench(products: int = 5000, queries: int = 200, warmup: int = 20,
              log: Callable[[str], Any] | None = None,
              data_dir: Path | None = None) -> dict[str, Any]:
    """Build the store, serve it, time ``queries`` searches after ``warmup``; return figures.

    ``data_dir``: reuse the store there when it already holds products (else build it there).
    """
    from evals.ucp_server import serve_ucp
    from knowledge.agents import create_agent
    from knowledge.demo_build import build_demo
    from knowledge.ranking.reranker import attach_reranker
    from knowledge.settings import Settings
    from knowledge.store import Store
    from server.app import attach_knowledge

    say = log or (lambda _m: None)
    data = data_dir or Path(tempfile.mkdtemp(prefix="shopmage-bench-ucp-")) / "data"
    store = Store(Settings(data_dir=data))
    if len(store.search.index) == 0:
        say(f"building a {products}-product demo store in {data}")
        build_demo(store, products=products, shoppers=200, seed=7)
        from knowledge.graph.build import build_knowledge

        build_knowledge(store, sources=("seed", "mining"))  # as `shopmage demo build` does
    else:
        say(f"reusing the {len(store.search.index)}-product store in {data}")
    attach_knowledge(store)
    attach_reranker(store)  # as server.app does: the learned ranker when settings enable it
    _, key = create_agent(store.engine, name=f"bench-{uuid.uuid4().hex[:6]}",
                          rate_limit="100000/minute")
    distinct = _distinct_requests(store, queries)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # a log line per request is not search
    load_before = os.getloadavg()[0]
    with serve_ucp(store) as url, httpx.Client(base_url=url, timeout=60) as client:
        headers = {"UCP-Agent": 'profile="https://bench.example/.well-known/ucp"',
                   "X-API-Key": key}
        timings = _timed(client, headers, _requests(warmup + queries))[warmup:]
        fresh = _timed(client, headers, distinct)
    store.close()
    return {"products": len(store.search.index), "queries": len(timings),
            "p50_ms": round(_percentile(timings, 0.50), 2),
            "p95_ms": round(_percentile(timings, 0.95), 2),
            "p99_ms": round(_percentile(timings, 0.99), 2),
            "mean_ms": round(statistics.fmean(timings), 2), "target_p95_ms": 30,
            "distinct_queries": len(fresh),
            "distinct_p50_ms": round(_percentile(fresh, 0.50), 2),
            "distinct_p95_ms": round(_percentile(fresh, 0.95), 2),
            "load_1m_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def _distinct_requests(store: Any, n: int) -> list[dict[str, Any]]:
    """``n`` searches never asked before (no ranking cache hit): title words of products."""
    from sqlmodel import Session, select

    from knowledge.models import Product

    with Session(store.engine) as session:
        titles = list(session.exec(select(Product.title).order_by(Product.id)))
    out: dict[str, dict[str, Any]] = {}
    for i, title in enumerate(titles[::7]):
        query = " ".join(str(title).lower().split()[i % 2:i % 2 + 3])
        if query and query not in {q.lower() for q in QUERIES}:
            out.setdefault(query, {"query": query})
    return list(out.values())[:n]


def _timed(client: httpx.Client, headers: dict[str, str], bodies: list[dict[str, Any]]
           ) -> list[float]:
    """Client-side milliseconds of each ``POST /ucp/catalog/search``."""
    timings: list[float] = []
    for body in bodies:
        started = time.perf_counter()
        answer = client.post("/ucp/catalog/search", json=body,
                             headers={**headers, "Request-Id": str(uuid.uuid4())})
        timings.append((time.perf_counter() - started) * 1000)
        if answer.status_code != 200:
            raise RuntimeError(f"search failed: {answer.status_code} {answer.text[:200]}")
    return timings
