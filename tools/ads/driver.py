"""The traffic driver: persona shoppers using the real storefront API on a compressed clock.

Each shopper visits a few times a day, at hours drawn from the real traffic shape. A visit
is a search (``GET /api/search``, stamped with the simulated time in ``X-Shopmage-Time``);
the shopper then looks at the sponsored slots and the organic results, clicks and buys by
their hidden needs and price sensitivity (``tools.ads.shoppers``): ad clicks go to
``POST /api/ads/click``, views, carts and purchases to ``POST /api/events``. The server
records, charges and attributes exactly as it would for people.
"""

from __future__ import annotations

import random
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import numpy as np

from knowledge.models import Product
from tools.ads import shoppers
from tools.campaigns.traffic import hourly_shape

CLOCK_HEADER = "X-Shopmage-Time"


@dataclass
class DriveResult:
    """What the shoppers did."""

    counts: Counter[str] = field(default_factory=Counter)
    search_ms: list[float] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready totals."""
        ms = self.search_ms or [0.0]
        return {**dict(self.counts), "search_ms_p50": round(float(np.percentile(ms, 50)), 1),
                "search_ms_p95": round(float(np.percentile(ms, 95)), 1)}


def _product(item: dict[str, Any]) -> Product:
    return Product(**{k: v for k, v in item.items() if k in Product.model_fields})


class Driver:
    """Drives one storefront at ``url``."""

    def __init__(self, url: str, typical_price: dict[str, float], seed: int = 0) -> None:
        """``typical_price``: median price per category (the shoppers' price anchor)."""
        self.client = httpx.Client(base_url=url.rstrip("/"), timeout=60)
        self.world = shoppers.World(typical_price)
        self.rng = random.Random(seed)
        self.result = DriveResult()

    def _post(self, path: str, body: dict[str, Any], now: datetime) -> None:
        self.client.post(path, json=body, headers={CLOCK_HEADER: now.isoformat()})

    def visit(self, shopper: shoppers.Shopper, now: datetime) -> None:
        """One search and what follows it."""
        query, _ = shoppers.query_for(self.rng, shopper)
        response = self.client.get("/api/search", params={
            "q": query, "k": 12, "session_id": shopper.session_id},
            headers={CLOCK_HEADER: now.isoformat()})
        self.result.counts["searches"] += 1
        self.result.search_ms.append(response.elapsed.total_seconds() * 1000)
        if response.status_code != 200:
            self.result.counts[f"http_{response.status_code}"] += 1
            return
        page = response.json()
        for ad in page.get("sponsored", []):
            self.result.counts["sponsored_seen"] += 1
            product = _product(ad["product"])
            if self.rng.random() < shoppers.click_chance(shopper, product, ad["position"], query,
                                                         self.world):
                self._post("/api/ads/click", {"impression_id": ad["impression_id"]}, now)
                self.result.counts["ad_clicks"] += 1
                self._maybe_buy(shopper, product, now, "ad_orders")
                return
        for rank, item in enumerate(page.get("items", [])[:8]):
            product = _product(item)
            chance = shoppers.click_chance(shopper, product, min(3, rank // 2), query, self.world)
            if self.rng.random() < chance:
                self._post("/api/events", {"session_id": shopper.session_id, "type": "click",
                                           "product_id": product.id}, now)
                self.result.counts["organic_clicks"] += 1
                self._maybe_buy(shopper, product, now, "organic_orders")
                return

    def _maybe_buy(self, shopper: shoppers.Shopper, product: Product, now: datetime,
                   counter: str) -> None:
        if (product.stock or 0) <= 0:
            return
        if self.rng.random() < shoppers.buy_chance(shopper, product, self.world):
            later = now + timedelta(minutes=self.rng.randint(1, 20))
            for kind in ("cart", "purchase"):
                self._post("/api/events", {"session_id": shopper.session_id, "type": kind,
                                           "product_id": product.id}, later)
            self.result.counts[counter] += 1

    def run(self, *, days: int, n_shoppers: int, start: date, visits_per_day: float = 1.0,
            progress: Any = None) -> DriveResult:
        """Play ``days`` days of ``n_shoppers`` persona shoppers from ``start`` (UTC)."""
        people = shoppers.make_shoppers(self.rng, n_shoppers)
        shape, _ = hourly_shape()
        first = datetime.combine(start, datetime.min.time(), tzinfo=UTC)
        for day in range(days):
            visits = sorted(
                ((self.rng.choices(range(24), weights=list(shape))[0] * 3600
                  + self.rng.randrange(3600), self.rng.choice(people))
                 for _ in range(int(n_shoppers * visits_per_day))), key=lambda v: v[0])
            for seconds, shopper in visits:
                self.visit(shopper, first + timedelta(days=day, seconds=seconds))
            if progress is not None:
                progress(f"day {day + 1}/{days}: {dict(self.result.counts)}")
        self.client.close()
        return self.result


def typical_prices(products: list[Product]) -> dict[str, float]:
    """Median price per category."""
    by: dict[str, list[float]] = {}
    for p in products:
        by.setdefault(p.category or "", []).append(float(p.price or 0.0))
    return {c: statistics.median(v) for c, v in by.items()}
