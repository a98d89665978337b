"""Generate the demo store (fixed seed): products, shoppers with personas, behaviour, images."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from knowledge.demo.behaviour import make_shoppers, simulate
from knowledge.demo.catalog import make_catalog
from knowledge.demo.images import draw_product


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, sort_keys=True) + "\n")
    return path


def generate_demo(out_dir: Path, *, seed: int = 7, n_products: int = 5000, n_shoppers: int = 600,
                  days: int = 30, images: bool = True) -> dict[str, Path]:
    """Write products.jsonl, shoppers.jsonl, events.jsonl (and images/) into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    products = make_catalog(seed, n_products)
    shoppers = make_shoppers(seed, n_shoppers)
    events = simulate(products, shoppers, seed, days)
    paths = {"products": _write(out_dir / "products.jsonl", products),
             "shoppers": _write(out_dir / "shoppers.jsonl", shoppers),
             "events": _write(out_dir / "events.jsonl", events)}
    if images:
        folder = out_dir / "images"
        folder.mkdir(exist_ok=True)
        for product in products:
            draw_product(product, folder / f"{product['product_id']}.png")
        paths["images"] = folder
    return paths
