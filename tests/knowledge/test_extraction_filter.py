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
from tests.cli_env import SHOPMAGE


@pytest.fixture(scope="module")
def model() -> dict:
    """The trained filter (built once into the shared model cache when missing)."""
    found = load_filter()
    assert found is not None, "the extraction filter could not be built"
    return found


def _features(title: str, bullets: list[str], model: dict, description: str = "") -> list[str]:
    found = extract_listing(title, bullets, description, model=model)
    return list(found.attributes.get("features", []))


def test_a_listing_that_says_not_waterproof_keeps_no_waterproof(model: dict) -> None:
    features = _features("Men's Lightweight Rain Jacket",
                         ["Note: this jacket is not waterproof, only water-resistant",
                          "Packable hood"], model)
    assert "waterproof" not in features


def test_a_marketing_word_keeps_no_attribute(model: dict) -> None:
    # "smart" here praises a choice: no smart device
    features = _features("Ceramic Coffee Mug, 12 oz", ["A smart gift for coffee lovers",
                                                      "Microwave safe"], model)
    assert "smart" not in features


def test_a_plainly_stated_feature_is_kept(model: dict) -> None:
    features = _features("Waterproof Hiking Boots for Men",
                         ["Waterproof leather upper keeps feet dry", "Non-slip rubber sole"],
                         model)
    assert {"waterproof", "non-slip"} <= set(features)


def test_a_dropped_value_is_search_text_not_an_attribute(model: dict) -> None:
    title, bullets = "Ceramic Coffee Mug, 12 oz", ["A smart gift for coffee lovers"]
    found = extract_listing(title, bullets, "", model=None)
    if "smart" not in found.attributes.get("features", []):
        pytest.skip("the finders no longer find this value")
    dropped = keep_likely(found, texts_of(title, bullets, "", None), model)
    assert "features=smart" in dropped
    assert "smart" not in found.attributes.get("features", [])
    assert "smart" in {s["value"] for s in found.spans["described"]}


def test_given_attributes_are_never_dropped(model: dict) -> None:
    found = extract_listing("Ceramic Coffee Mug", ["A smart gift"], "", model=model,
                            given={"features": ["smart"], "material": "ceramic"})
    assert found.attributes["features"] == ["smart"]
    assert found.attributes["material"] == "ceramic"


def test_import_stores_the_filtered_values(model: dict) -> None:
    product = Product(id="mug", title="Ceramic Coffee Mug, 12 oz",
                      bullets=["A smart gift for coffee lovers", "Microwave safe"])
    apply_extraction([product])
    assert "smart" not in product.attributes.get("features", [])
    assert "microwave-safe" in product.attributes.get("features", [])
    extracted = [s for spans in product.attribute_spans.values() for s in spans
                 if s["source"] == "extracted"]
    assert all(s["value"] != "smart" for s in extracted)


def test_the_filter_can_be_switched_off() -> None:
    from knowledge.settings import Settings

    assert load_filter(Settings(extraction_filter=False)) is None


def _train(tmp_path: Path, name: str, *extra: str) -> subprocess.CompletedProcess[str]:
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
