"""A small deterministic catalogue drawn from the demo taxonomy, for agent tests."""

from __future__ import annotations

import json
import random
from pathlib import Path

from knowledge.ingest import import_catalog
from knowledge.merchants import create_merchant
from knowledge.store import Store
from tools.campaigns.service import assign_products

TAXONOMY = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "taxonomy.json"
AUDIENCES = ["women", "men", "kids", "unisex"]


def catalogue_rows(per_type: int = 2, types_per_category: int = 4, seed: int = 3) -> list[dict]:
    """ESCI-style product rows: each category's first types, several brands, colours, prices."""
    world = json.loads(TAXONOMY.read_text())
    rng = random.Random(seed)
    rows = []
    for category, spec in world["categories"].items():
        brands = world["brands"][category]
        low, high = spec["price"]
        for t_index, kind in enumerate(spec["types"][:types_per_category]):
            for n in range(per_type):
                brand = brands[(t_index + n) % len(brands)]
                color = world["colors"][(t_index * 3 + n * 5) % len(world["colors"])]
                features = rng.sample(spec["features"], 3)
                price = round(low + (high - low) * (0.15 + 0.3 * n + 0.1 * t_index % 0.5), 2)
                title = f"{brand} {features[0].replace('-', ' ').title()} {kind.title()}"
                rows.append({
                    "product_id": f"{category[:3].upper()}{t_index}{n}",
                    "product_title": title, "price": price, "category": category,
                    "product_brand": brand, "product_color": color, "stock": 5,
                    "product_description": f"A {color} {kind} by {brand}, {', '.join(features)}.",
                    "attributes": {"type": kind, "features": features,
                                   "material": spec["materials"][n % len(spec["materials"])],
                                   "sizes": spec["sizes"][:4],
                                   "audience": AUDIENCES[(t_index + n) % len(AUDIENCES)]},
                })
    return rows


def acme_owns_zenflow(store: Store, folder: Path) -> tuple[str, str, list[str]]:
    """Import the agent catalogue into ``store``; merchant Acme owns the Zenflow products.

    Returns Acme's id, its API key and the Zenflow product ids.
    """
    rows = catalogue_rows()
    path = folder / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    import_catalog(store, path)
    merchant, key = create_merchant(store.engine, name="Acme")
    assign_products(store.engine, merchant.id, brands=["Zenflow"])
    return merchant.id, key, [r["product_id"] for r in rows if r["product_brand"] == "Zenflow"]
