"""Demo behaviour: shoppers with latent personas searching, viewing, carting, buying.

A persona's purchases favour products whose features meet its needs, so query ->
purchase statistics carry the commonsense the knowledge layer must mine (e.g. queries
naming pregnancy over-represent slip-resistant, wide-fit shoes).
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

from knowledge.demo.world import AUDIENCE_PHRASES, TYPE_PRICE, category_noun, taxonomy
from knowledge.text import tokens

START = datetime(2026, 10, 1, tzinfo=UTC)
HOURLY = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 3, 3.5, 3.5, 4, 4.5, 4, 3.5, 3.5, 4, 4.5, 5.5,
          6.5, 7, 6, 4, 2]


class Catalog:
    """Lookup tables over the generated products for the lexical "site search"."""

    def __init__(self, products: list[dict[str, Any]]) -> None:
        self.products = products
        self.by_category: dict[str, list[int]] = defaultdict(list)
        self.by_type: dict[str, list[int]] = defaultdict(list)
        self.words = [set(tokens(p["product_title"])) for p in products]
        self.features = [set(p["attributes"]["features"]) for p in products]
        rng = random.Random(len(products))
        self.popularity = [rng.lognormvariate(0, 1.0) for _ in products]
        for i, p in enumerate(products):
            self.by_category[p["category"]].append(i)
            self.by_type[p["attributes"]["type"]].append(i)

    def search(self, query: str, category: str, ptype: str | None, n: int = 20) -> list[int]:
        """The top ``n`` products a plain keyword search would show."""
        pool = self.by_type.get(ptype or "", []) or self.by_category[category]
        words = set(tokens(query))
        scored = sorted(pool, key=lambda i: -(len(words & self.words[i]) + 0.1
                                               * math.log1p(self.popularity[i])))
        return scored[:n]


def _persona_query(rng: random.Random, persona: str, spec: dict[str, Any], category: str,
                   ptype: str) -> str:
    needs = [f for f in spec["needs"] if f in taxonomy()["categories"][category]["features"]]
    phrase = rng.choice(AUDIENCE_PHRASES[persona])
    noun = rng.choice((ptype, ptype, category_noun(category)))
    forms = [f"{noun} for {phrase}", f"best {noun} for {phrase}"]
    if not set(phrase.split()) & set(noun.split()):
        forms.append(f"{phrase} {noun}")
    if needs:
        forms.append(f"{rng.choice(needs).replace('-', ' ')} {ptype}")
    forms.append(ptype)
    return rng.choice(forms)


def _casual_query(rng: random.Random, ptype: str, color: str, brand: str, high: float) -> str:
    cap = int(high * rng.uniform(0.3, 0.8) / 10 + 1) * 10
    return rng.choice((f"{color} {ptype}", f"{ptype} under {cap}", ptype, f"{brand} {ptype}",
                       f"cheap {ptype}"))


class Simulator:
    """Draws every shopper's sessions."""

    def __init__(self, products: list[dict[str, Any]], seed: int, days: int) -> None:
        self.cat = Catalog(products)
        self.rng = random.Random(seed + 1)
        self.days = days
        self.events: list[dict[str, Any]] = []

    def _when(self) -> datetime:
        day = self.rng.randrange(self.days)
        hour = self.rng.choices(range(24), weights=HOURLY)[0]
        return START + timedelta(days=day, hours=hour, minutes=self.rng.randrange(60))

    def _emit(self, user: str, kind: str, ts: datetime, **fields: Any) -> datetime:
        self.events.append({"user_id": user, "type": kind, **fields,
                            "ts": ts.isoformat().replace("+00:00", "Z")})
        return ts + timedelta(seconds=self.rng.randint(8, 140))

    def _browse(self, user: str, ts: datetime, query: str, results: list[int],
                needs: set[str]) -> tuple[datetime, list[int]]:
        ts = self._emit(user, "search", ts, query=query)
        bought: list[int] = []
        weights = [(1 + 3 * len(needs & self.cat.features[i])) / (1 + r * 0.25)
                   for r, i in enumerate(results)]
        for i in set(self.rng.choices(results, weights=weights, k=self.rng.randint(1, 6))):
            pid = self.cat.products[i]["product_id"]
            fit = len(needs & self.cat.features[i])
            ts = self._emit(user, "view", ts, product_id=pid)
            if self.rng.random() > 0.3 + 0.12 * fit:
                continue
            ts = self._emit(user, "click", ts, product_id=pid)
            p_cart = (0.12 + 0.22 * min(fit, 2)) if needs else 0.3
            if self.rng.random() > p_cart:
                continue
            ts = self._emit(user, "cart", ts, product_id=pid)
            if self.rng.random() < 0.65:
                ts = self._emit(user, "purchase", ts, product_id=pid)
                bought.append(i)
        return ts, bought

    def persona_session(self, user: str, persona: str) -> None:
        """One visit of a shopper with a persona; may end in a co-purchase."""
        spec = taxonomy()["personas"][persona]
        cats = spec["categories"]
        category = self.rng.choices(list(cats), weights=list(cats.values()))[0]
        types = [t for t in spec["types"] if t in taxonomy()["categories"][category]["types"]]
        ptype = self.rng.choice(types or taxonomy()["categories"][category]["types"])
        query = _persona_query(self.rng, persona, spec, category, ptype)
        results = self.cat.search(query, category, ptype)
        ts, bought = self._browse(user, self._when(), query, results, set(spec["needs"]))
        if bought and spec["types"] and self.rng.random() < 0.4:
            other = self.rng.choice(spec["types"])
            ocat = next(c for c, s in taxonomy()["categories"].items() if other in s["types"])
            self._browse(user, ts, other, self.cat.search(other, ocat, other), set(spec["needs"]))

    def casual_session(self, user: str) -> None:
        """One visit of a shopper without a persona."""
        tax = taxonomy()
        category = self.rng.choice(sorted(tax["categories"]))
        spec = tax["categories"][category]
        ptype = self.rng.choice(spec["types"])
        high = TYPE_PRICE.get(ptype, spec["price"])[1]
        query = _casual_query(self.rng, ptype, self.rng.choice(tax["colors"]),
                              self.rng.choice(tax["brands"][category]), high)
        self._browse(user, self._when(), query, self.cat.search(query, category, ptype), set())


def simulate(products: list[dict[str, Any]], shoppers: list[dict[str, Any]], seed: int,
             days: int) -> list[dict[str, Any]]:
    """All events of all shoppers, ordered by time."""
    sim = Simulator(products, seed, days)
    for shopper in shoppers:
        sessions = 3 + sum(1 for _ in range(16) if sim.rng.random() < 0.5)
        for _ in range(sessions):
            if shopper["persona"]:
                sim.persona_session(shopper["user_id"], shopper["persona"])
            else:
                sim.casual_session(shopper["user_id"])
    return sorted(sim.events, key=lambda e: (e["ts"], e["user_id"]))


def make_shoppers(seed: int, n: int) -> list[dict[str, Any]]:
    """Shoppers, 80% with a latent persona."""
    rng = random.Random(seed + 2)
    personas = sorted(taxonomy()["personas"])
    return [{"user_id": f"U{i:04d}", "persona": rng.choice(personas) if rng.random() < 0.8
             else None} for i in range(n)]
