"""Features only a description names: search text, never attributes (issue 13)."""

from knowledge.extraction import extract
from knowledge.models import Product
from knowledge.text import embedding_text, search_attributes

DESCRIPTION = "Built for wet trails, this boot is waterproof and breathable."


def _boot() -> Product:
    found = extract("Trail Hiking Boot", ["Leather upper"], DESCRIPTION)
    return Product(id="boot", title="Trail Hiking Boot", bullets=["Leather upper"],
                   description=DESCRIPTION, attributes=found.attributes,
                   attribute_spans=found.spans)


def test_description_only_features_stay_out_of_the_attributes() -> None:
    boot = _boot()
    assert "features" not in boot.attributes
    described = (boot.attribute_spans or {})["described"]
    assert {s["value"] for s in described} == {"waterproof", "breathable"}
    assert all(s["source"] == "described" for s in described)
    assert "waterproof" not in boot.tags()


def test_search_indexes_and_embeds_them() -> None:
    boot = _boot()
    assert search_attributes(boot)["described"] == ["waterproof", "breathable"]
    assert "waterproof" in embedding_text(boot)


def test_a_feature_the_bullets_confirm_is_an_attribute_not_described() -> None:
    found = extract("Trail Hiking Boot", ["Waterproof leather upper"], DESCRIPTION)
    assert "waterproof" in found.attributes["features"]
    assert "waterproof" not in {s["value"] for s in found.spans.get("described", [])}


def test_a_tag_named_in_passing_is_search_text_not_an_attribute() -> None:
    found = extract("Wavy Inflatable Paddle Board",
                    ["Kit includes a pump, a leash and a collapsible aluminum pole"])
    assert "foldable" not in found.attributes.get("features", [])
    assert "foldable" in {s["value"] for s in found.spans.get("described", [])}
