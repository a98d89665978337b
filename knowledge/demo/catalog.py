"""Demo products: realistic titles, attributes, prices and copy drawn from the world."""

from __future__ import annotations

import random
from typing import Any

from knowledge.demo.world import (
    AUDIENCE_OF_TYPE,
    GENDERED,
    GENERIC_FEATURES,
    TYPE_FEATURES,
    TYPE_PRICE,
    taxonomy,
)

TITLE_TEMPLATES = (
    "{brand} {aud}{feat1} {type}, {feat2}, {color}",
    "{brand} {type} {aud_for}- {feat1} & {feat2} {material}",
    "{brand} {feat1} {material} {type}{aud_for_comma} {color}",
    "{aud}{type} by {brand}: {feat1}, {feat2}",
    "{brand} {color} {type} with {feat1} design{aud_for_comma}",
)


def _title_case(text: str) -> str:
    return " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in text.split())


def _features(rng: random.Random, category: str, ptype: str) -> list[str]:
    vocab = taxonomy()["categories"][category]["features"]
    chosen = [f for f, p in TYPE_FEATURES.get(ptype, {}).items() if f in vocab and rng.random() < p]
    generic = [f for f in GENERIC_FEATURES[category] if f in vocab]
    extra = rng.sample(generic, k=min(len(generic), rng.choice((0, 0, 1, 2))))
    merged = list(dict.fromkeys(chosen + extra))[:4]
    return merged or [rng.choice(generic)]


def _audience(rng: random.Random, category: str, ptype: str) -> str:
    if ptype in AUDIENCE_OF_TYPE:
        return AUDIENCE_OF_TYPE[ptype]
    if category in GENDERED:
        return rng.choice(("women", "women", "men", "men", "unisex"))
    return {"baby": "baby", "pets": "pets"}.get(category, "unisex")


def _price(rng: random.Random, low: float, high: float, tier: float, n_features: int) -> float:
    span = high - low
    base = low + span * (0.15 + 0.45 * tier + 0.08 * n_features) * rng.lognormvariate(0, 0.25)
    return round(min(high, max(low, base)) - 0.01, 2)


def _price_range(spec: dict[str, Any], ptype: str) -> tuple[float, float]:
    low, high = TYPE_PRICE.get(ptype, spec["price"])
    return float(low), float(high)


def _title(rng: random.Random, p: dict[str, Any]) -> str:
    feats = p["features"] + ["classic"]
    aud = p["audience"]
    human = {"women": "Women's ", "men": "Men's ", "kids": "Kids' "}.get(aud, "")
    words = {
        "brand": p["brand"], "type": p["type"], "color": p["color"].title(),
        "material": p["material"], "feat1": feats[0].replace("-", " "),
        "feat2": feats[1].replace("-", " "), "aud": human,
        "aud_for": f"for {aud} " if aud in ("women", "men", "kids") else "",
        "aud_for_comma": f", for {aud}," if aud in ("women", "men", "kids") else ",",
    }
    text = rng.choice(TITLE_TEMPLATES).format(**words)
    return _title_case(" ".join(text.replace(" ,", ",").replace(",,", ",").split())).strip(", ")


def _copy(p: dict[str, Any]) -> tuple[str, list[str]]:
    feats = [f.replace("-", " ") for f in p["features"]]
    who = {"women": "women", "men": "men", "kids": "kids", "baby": "babies and toddlers",
           "pets": "pets"}.get(p["audience"], "everyone")
    description = (f"The {p['brand']} {p['type']} is made of {p['material']} and designed for "
                   f"{who}. It is {', '.join(feats)}. Available in {p['color']}"
                   f" in sizes {', '.join(p['sizes'])}.")
    bullets = [f"{f.capitalize()}: built to be {f}" for f in feats]
    bullets.append(f"Material: {p['material']}")
    bullets.append(f"Sizes: {', '.join(p['sizes'])}")
    return description, bullets[:5]


def make_product(rng: random.Random, index: int) -> dict[str, Any]:
    """One product row in the import format (ESCI field names + attributes)."""
    tax = taxonomy()
    category = rng.choice(sorted(tax["categories"]))
    spec = tax["categories"][category]
    ptype = rng.choice(spec["types"])
    brands = tax["brands"][category]
    brand_index = rng.randrange(len(brands))
    p: dict[str, Any] = {
        "type": ptype, "brand": brands[brand_index], "color": rng.choice(tax["colors"]),
        "material": rng.choice(spec["materials"]), "features": _features(rng, category, ptype),
        "audience": _audience(rng, category, ptype),
        "sizes": sorted(rng.sample(spec["sizes"], k=min(len(spec["sizes"]), rng.randint(1, 4))),
                        key=spec["sizes"].index),
    }
    tier = brand_index / max(1, len(brands) - 1)
    description, bullets = _copy(p)
    pid = f"P{index:05d}" if index < 100_000 else f"P{index}"
    return {
        "product_id": pid, "product_title": _title(rng, p), "product_description": description,
        "product_bullet_point": bullets, "product_brand": p["brand"], "product_color": p["color"],
        "price": _price(rng, *_price_range(spec, ptype), tier, len(p["features"])),
        "category": category,
        "attributes": {"type": ptype, "material": p["material"], "features": p["features"],
                       "sizes": p["sizes"], "audience": p["audience"]},
        "image": f"images/{pid}.png", "stock": 0 if rng.random() < 0.08 else rng.randint(1, 120),
    }


def make_catalog(seed: int, n: int) -> list[dict[str, Any]]:
    """``n`` products, deterministic for ``seed``."""
    rng = random.Random(seed)
    return [make_product(rng, i) for i in range(n)]
