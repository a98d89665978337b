"""Persona shoppers for demos and evals: what they search, and their hidden reactions.

Each shopper has a latent persona (the demo taxonomy's needs, categories and types) and a
price sensitivity. Their click and purchase chances depend on how well a product meets
their needs, its price against the category's typical price, and the slot's position.
These truths drive the simulated shoppers only; the ad server never sees them, it learns
its pCTR/pCVR from the events they leave.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from knowledge.demo.world import AUDIENCE_PHRASES, category_noun, taxonomy

BUDGET_SENSITIVITY = {"low": 1.6, "mid": 1.0, "high": 0.6}
EXAMINATION = (1.0, 0.62, 0.45, 0.35)  # chance a shopper looks at slot 0, 1, 2, 3+


@dataclass
class Shopper:
    """One simulated shopper."""

    session_id: str
    persona: str | None
    needs: set[str] = field(default_factory=set)
    sensitivity: float = 1.0


@dataclass
class World:
    """Persona specs and typical prices per category (from the products)."""

    typical_price: dict[str, float]
    personas: dict[str, Any] = field(default_factory=lambda: taxonomy()["personas"])


def make_shoppers(rng: random.Random, n: int, personas: list[str] | None = None
                  ) -> list[Shopper]:
    """``n`` shoppers; 80% carry one of ``personas`` (default: all), the rest none."""
    specs = taxonomy()["personas"]
    names = personas or sorted(specs)
    out = []
    for i in range(n):
        persona = rng.choice(names) if rng.random() < 0.8 else None
        spec = specs.get(persona or "", {})
        base = BUDGET_SENSITIVITY.get(spec.get("budget", "mid"), 1.0)
        out.append(Shopper(f"s{i:05d}-{rng.randrange(10**6):06d}", persona,
                           set(spec.get("needs", [])), base * rng.lognormvariate(0, 0.3)))
    return out


def query_for(rng: random.Random, shopper: Shopper, categories: list[str] | None = None
              ) -> tuple[str, str]:
    """A search the shopper would type, and the category it is about."""
    tax = taxonomy()
    spec = tax["personas"].get(shopper.persona or "")
    if spec is None:
        category = rng.choice(categories or sorted(tax["categories"]))
        ptype = rng.choice(tax["categories"][category]["types"])
        color = rng.choice(tax["colors"])
        return rng.choice((ptype, f"cheap {ptype}", f"{color} {ptype}")), category
    cats = {c: w for c, w in spec["categories"].items() if not categories or c in categories}
    cats = cats or spec["categories"]
    category = rng.choices(list(cats), weights=list(cats.values()))[0]
    types = [t for t in spec["types"] if t in tax["categories"][category]["types"]]
    ptype = rng.choice(types or tax["categories"][category]["types"])
    phrase = rng.choice(AUDIENCE_PHRASES[shopper.persona or ""])
    needs = [n for n in spec["needs"] if n in tax["categories"][category]["features"]]
    forms = [ptype, f"{ptype} for {phrase}", f"best {category_noun(category)} for {phrase}"]
    if needs:
        forms.append(f"{rng.choice(needs).replace('-', ' ')} {ptype}")
    return rng.choice(forms), category


def _fit(shopper: Shopper, product: Any) -> int:
    features = set((product.attributes or {}).get("features", []))
    return len(shopper.needs & features)


def _price_factor(shopper: Shopper, product: Any, world: World) -> float:
    ref = world.typical_price.get(product.category or "", 50.0)
    return math.exp(-0.5 * shopper.sensitivity * ((product.price or ref) / ref - 1.0))


def click_chance(shopper: Shopper, product: Any, position: int, query: str,
                 world: World) -> float:
    """The hidden chance this shopper clicks this sponsored product at ``position``."""
    kind = str((product.attributes or {}).get("type", ""))
    on_topic = 1.4 if kind and kind in query else 0.7
    attract = 0.07 * (1 + 0.9 * _fit(shopper, product)) * on_topic
    attract *= _price_factor(shopper, product, world)
    return min(0.9, EXAMINATION[min(position, 3)] * attract)


def buy_chance(shopper: Shopper, product: Any, world: World) -> float:
    """The hidden chance this shopper buys the product after clicking it."""
    return min(0.8, float(0.09 * (1 + 0.7 * _fit(shopper, product))
                          * _price_factor(shopper, product, world) ** 1.5))
