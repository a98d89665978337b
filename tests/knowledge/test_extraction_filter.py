"""The calibrated extraction filter: what a shopper sees after import, and how it is trained.

Real parts only: the filter is the one ``shopmage train extraction`` builds from the repo's
gold sets (cached like the other trained models), the listings go through the real finders.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from knowledge.extraction.apply import apply_extraction, extract_listing
from knowledge.extraction.calibration import keep_likely, texts_of
from knowledge.extraction.calibration_model import load_filter
from knowledge.extraction.gold import GOLD_DIR, read_gold
from knowledge.models import Product
from knowledge.text import search_attributes
from tests.cli_env import SHOPMAGE


@pytest.fixture(scope="module")
def model() -> dict:
    """The trained filter (built once into the shared model cache when missing)."""
    found = load_filter()
    assert found is not None, "the extraction filter could not be built"
    return found


def _features(title: str, bullets: list[str], model: dict) -> list[str]:
    """The features a listing keeps through the finders and the filter."""
    found = extract_listing(title, bullets, "", model=model)
    return list(found.attributes.get("features", []))


def test_a_listing_that_says_not_waterproof_keeps_no_waterproof(model: dict) -> None:
    features = _features("Men's Lightweight Rain Jacket",
                         ["Note: this jacket is not waterproof, only water-resistant",
                          "Packable hood"], model)
    assert "waterproof" not in features


def test_a_marketing_phrase_keeps_no_feature(model: dict) -> None:
    # a real ESCI listing (v1): "a comfortable and secure grip" praises the frets; the
    # labeller wrote no comfortable feature, and the finders alone keep one
    title = "Donner 3/4 Acoustic Guitar Kit 36 Inch Dreadnought"
    bullets = ["Spruce top and scalloped X bracing has far better resonance, fullness and "
               "durability than other wood",
               "Smooth fret ends offer players a comfortable and secure grip"]
    assert "comfortable" in extract_listing(title, bullets, "", model=None).attributes["features"]
    assert "comfortable" not in _features(title, bullets, model)


def test_a_remote_that_works_with_4k_sticks_is_not_tagged_4k(model: dict) -> None:
    title = "Alexa Voice Remote (2nd Gen) with power and volume controls"
    bullets = ["Compatible with Fire TV Stick (2nd Gen), Fire TV Stick 4K, Fire TV Cube (2nd Gen)"]
    assert "4k" in extract_listing(title, bullets, "", model=None).attributes["features"]
    found = extract_listing(title, bullets, "", model=model)
    assert "4k" not in found.attributes.get("features", [])
    assert found.attributes["type"] == "remote"


def test_a_lunch_box_that_warms_food_is_no_heater(model: dict) -> None:
    title = ("Electric Lunch Box Food Warmer Heater for Car and Home with Removable 304 "
             "Stainless Steel Container")
    assert extract_listing(title, [], "", model=None).attributes["type"] == "heater"
    assert extract_listing(title, [], "", model=model).attributes.get("type") != "heater"


def test_plainly_stated_values_are_kept(model: dict) -> None:
    found = extract_listing("Waterproof Hiking Boots for Men",
                            ["Waterproof leather upper keeps feet dry", "Non-slip rubber sole"],
                            "", model=model).attributes
    assert found["type"] == "hiking boot"
    assert {"waterproof", "non-slip"} <= set(found["features"])
    assert found["audiences"] == ["men"] and "leather" in found["materials"]


def test_a_dropped_value_is_search_text_not_an_attribute(model: dict) -> None:
    title = "Alexa Voice Remote (2nd Gen)"
    bullets = ["Compatible with Fire TV Stick (2nd Gen), Fire TV Stick 4K, Fire TV Cube (2nd Gen)"]
    found = extract_listing(title, bullets, "", model=None)
    dropped = keep_likely(found, texts_of(title, bullets, "", None), model)
    assert "features=4k" in dropped
    assert "4k" not in found.attributes.get("features", [])
    assert {(s["key"], s["value"]) for s in found.spans["unconfirmed"]} == {("features", "4k")}
    assert all(s["value"] != "4k" for s in found.spans.get("features", []))


def test_given_attributes_are_never_dropped(model: dict) -> None:
    found = extract_listing("Alexa Voice Remote", ["Works with Fire TV Stick 4K"], "",
                            model=model, given={"features": ["4k"], "material": "plastic"})
    assert found.attributes["features"] == ["4k"]
    assert found.attributes["material"] == "plastic"


def test_import_stores_the_filtered_values(model: dict) -> None:
    product = Product(id="remote", title="Alexa Voice Remote (2nd Gen)",
                      bullets=["Compatible with Fire TV Stick (2nd Gen), Fire TV Stick 4K"])
    apply_extraction([product])
    assert product.attributes.get("type") == "remote"
    assert "4k" not in product.attributes.get("features", [])
    assert "4k" not in product.tags()
    assert "4k" in search_attributes(product)["features"]  # search text still reads it
    extracted = [s for spans in product.attribute_spans.values() for s in spans
                 if s["source"] == "extracted"]
    assert all(s["value"] != "4k" for s in extracted)


def test_the_filter_can_be_switched_off() -> None:
    from knowledge.settings import Settings

    assert load_filter(Settings(extraction_filter=False)) is None


def _train(tmp_path: Path, name: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run ``shopmage train extraction`` on two gold sets, writing ``tmp_path / name``."""
    sets = ["--gold", str(GOLD_DIR / "esci_attributes_v26.jsonl"),
            "--gold", str(GOLD_DIR / "esci_attributes_v27.jsonl")]
    return subprocess.run([SHOPMAGE, "train", "extraction", *sets, "--seed", "3",
                           "--out", str(tmp_path / name), *extra],
                          capture_output=True, text=True, timeout=300)


def test_training_twice_from_the_same_seed_builds_the_same_model(tmp_path: Path) -> None:
    first, second = _train(tmp_path, "a.json"), _train(tmp_path, "b.json")
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    model = json.loads((tmp_path / "a.json").read_text())
    assert model["trained_on"] == ["v26", "v27"]
    assert 0.0 <= model["thresholds"]["default"] < 1.0
    assert "threshold" in first.stdout


def test_bad_input_to_the_training_command_is_named(tmp_path: Path) -> None:
    missing = subprocess.run([SHOPMAGE, "train", "extraction", "--gold",
                              str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "m.json")],
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2
    assert "nope.jsonl does not exist" in missing.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"product_id": "B001HX7SF4", "split": "dev"}\n{oops\n')
    bad = subprocess.run([SHOPMAGE, "train", "extraction", "--gold", str(broken),
                          "--out", str(tmp_path / "m.json")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "broken.jsonl:2: not JSON" in bad.stderr
    no_out = subprocess.run([SHOPMAGE, "train", "extraction", "--gold", str(broken)],
                            capture_output=True, text=True, timeout=120)
    assert no_out.returncode != 0 and "--out" in no_out.stderr
    negative = subprocess.run([SHOPMAGE, "train", "extraction", "--seed", "-1"],
                              capture_output=True, text=True, timeout=120)
    assert negative.returncode != 0 and "seed" in negative.stderr
    assert not (tmp_path / "m.json").exists()


def test_gold_rows_need_a_product_id(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text('{"split": "dev"}\n')
    with pytest.raises(ValueError, match="g.jsonl:1: a gold row needs a product_id"):
        read_gold(path)
