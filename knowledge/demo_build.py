"""Build the demo store: generate it with the fixed seed, then import it like any store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from knowledge.catalogue_origin import mark_generated_demo
from knowledge.ingest import import_catalog, import_events
from knowledge.store import Store


def demo_exists(store: Store) -> bool:
    """True when the store already holds products."""
    return len(store.search.index) > 0


def build_demo(store: Store, *, products: int = 5000, shoppers: int = 600, seed: int = 7,
               days: int = 30) -> dict[str, int]:
    """Generate the demo files under the data dir and import them (images under /media)."""
    from knowledge.demo.generate import generate_demo

    out = store.settings.data_dir / "demo"
    paths = generate_demo(out, seed=seed, n_products=products, n_shoppers=shoppers, days=days)
    images = out / "images"
    target = store.settings.media_dir / "images"
    if images.is_dir():
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(images, target)
    catalog = _with_media_urls(Path(paths["products"]), out / "products.import.jsonl")
    n_products = import_catalog(store, catalog)
    n_events = import_events(store, Path(paths["events"]), personas=Path(paths["shoppers"]))
    mark_generated_demo(store.settings, seed, n_products)
    return {"products": n_products, "events": n_events}


def _with_media_urls(source: Path, target: Path) -> Path:
    """Rewrite relative image paths (images/X.png) to the served URL (/media/images/X.png)."""
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for line in src:
            if not line.strip():
                continue
            row = json.loads(line)
            image = row.get("image")
            if isinstance(image, str) and image.startswith("images/"):
                row["image"] = "/media/" + image
            dst.write(json.dumps(row) + "\n")
    return target
