import json
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image

from knowledge.demo.generate import generate_demo
from knowledge.demo.world import taxonomy


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return generate_demo(tmp_path_factory.mktemp("demo"), seed=3, n_products=600,
                         n_shoppers=120)


def test_same_seed_same_bytes(demo: dict[str, Path], tmp_path: Path) -> None:
    again = generate_demo(tmp_path, seed=3, n_products=600, n_shoppers=120, images=False)
    for name in ("products", "events", "shoppers"):
        assert again[name].read_bytes() == demo[name].read_bytes()
    other = generate_demo(tmp_path / "o", seed=4, n_products=600, n_shoppers=120, images=False)
    assert other["products"].read_bytes() != demo["products"].read_bytes()


def test_products_cover_categories_with_valid_attributes(demo: dict[str, Path]) -> None:
    products = rows(demo["products"])
    cats = taxonomy()["categories"]
    assert len(products) == 600 and set(Counter(p["category"] for p in products)) == set(cats)
    for p in products:
        spec = cats[p["category"]]
        assert p["product_title"] and p["product_description"] and p["product_bullet_point"]
        assert set(p["attributes"]["features"]) <= set(spec["features"])
        assert p["attributes"]["type"] in spec["types"] and p["price"] > 0
    assert len({p["product_title"] for p in products}) > 550  # titles are not all alike


def test_behaviour_has_a_realistic_funnel(demo: dict[str, Path]) -> None:
    kinds = Counter(e["type"] for e in rows(demo["events"]))
    assert kinds["view"] > kinds["click"] > kinds["cart"] > kinds["purchase"] > 0
    assert kinds["search"] > kinds["purchase"]


def test_personas_shape_purchases(demo: dict[str, Path]) -> None:
    products = {p["product_id"]: p for p in rows(demo["products"])}
    personas = {s["user_id"]: s["persona"] for s in rows(demo["shoppers"])}
    needs = set(taxonomy()["personas"]["expecting_mother"]["needs"])
    fit = {"expecting_mother": [0, 0], "others": [0, 0]}
    for e in rows(demo["events"]):
        if e["type"] != "purchase":
            continue
        group = "expecting_mother" if personas[e["user_id"]] == "expecting_mother" else "others"
        features = set(products[e["product_id"]]["attributes"]["features"])
        fit[group][0] += bool(features & needs)
        fit[group][1] += 1
    mother, others = (fit[g][0] / max(1, fit[g][1]) for g in ("expecting_mother", "others"))
    assert mother > others + 0.2


def test_images_open(demo: dict[str, Path]) -> None:
    first = rows(demo["products"])[0]
    with Image.open(demo["images"].parent / first["image"]) as image:
        assert image.size == (240, 240)
