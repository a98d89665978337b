"""Needs read by likeness to the asked type's own features (knowledge/likely_needs.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.graph.evidence import Lexicon
from knowledge.ingest import import_catalog
from knowledge.likely_needs import SAID, _said_phrases, describe, type_features, with_likely_needs
from knowledge.store import Store


def _row(pid: str, title: str, kind: str, features: list[str], materials: list[str] | None = None
         ) -> dict[str, object]:
    return {"product_id": pid, "product_title": title, "product_bullet_point": [],
            "attributes": {"type": kind, "features": features, "materials": materials or []}}


CATALOGUE = [
    _row("L1", "Tailwind Dog Leash, Durable Nylon", "dog leash", ["durable"]),
    _row("L2", "Barkley Dog Leash, Reflective Stitching", "dog leash", ["reflective"]),
    _row("L3", "Pawsome Dog Leash, Padded Handle", "dog leash", ["padded"]),
    _row("P1", "Lumen Power Bank, Fast Charging", "power bank", ["fast-charging"]),
    _row("P2", "Auralis Power Bank, Long Battery", "power bank", ["long-battery"]),
    _row("U1", "Raincatch Umbrella, Waterproof Canopy", "umbrella", ["waterproof"]),
    _row("S1", "Dermagen Serum, Vegan", "serum", ["vegan"], ["hyaluronic acid"]),
    _row("S2", "Solstice Serum, Paraben Free", "serum", ["paraben-free"], ["plastic"]),
]


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "catalogue.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in CATALOGUE))
    import_catalog(store, path)
    return store


def _read(shop: Store, query: str) -> dict[str, float]:
    index = shop.search.index
    asked = shop.search.types.read(query, index)
    assert asked is not None
    of_type = shop.search.types.product_weights(asked, index)
    exp = with_likely_needs(None, query, index, of_type, shop.search.likely, Lexicon())
    return {} if exp is None else dict(exp.attributes)


def test_a_feature_is_described_by_its_label_and_benefit() -> None:
    assert describe("reflective", Lexicon()) == "Reflective: reflects light back in the dark"
    assert describe("made-up-feature", None) == "made up feature"


def test_the_situation_reads_the_types_feature_it_is_like(shop: Store) -> None:
    found = _read(shop, "dog leash for walking after dark on unlit lanes")
    assert max(found, key=found.__getitem__) == "reflective"
    found = _read(shop, "power bank that keeps going for days")
    assert max(found, key=found.__getitem__) == "long-battery"


def test_only_features_of_the_asked_type_are_read(shop: Store) -> None:
    index = shop.search.index
    asked = shop.search.types.read("dog leash for rainy days", index)
    assert asked is not None
    features = type_features(index, shop.search.types.product_weights(asked, index))
    assert features == {"durable", "reflective", "padded"}
    asked = shop.search.types.read("serum", index)
    assert asked is not None
    serum = shop.search.types.product_weights(asked, index)
    assert type_features(index, serum) == {"vegan", "paraben-free", "hyaluronic acid"}
    assert "waterproof" not in _read(shop, "dog leash for rainy days")


def test_a_telling_material_is_read_like_a_feature(shop: Store) -> None:
    found = _read(shop, "serum for dry skin that needs moisture")
    assert max(found, key=found.__getitem__) == "hyaluronic acid"


def test_plain_phrases_of_what_features_do_are_read() -> None:
    phrases = _said_phrases(SAID)
    lexicon = Lexicon()
    assert phrases["wrinkle-free"] and all(isinstance(p, str) for p in phrases["lightweight"])
    assert all(lexicon.entry(f).label for f in phrases)  # every row names a feature


def test_a_query_without_situation_words_reads_nothing(shop: Store) -> None:
    assert _read(shop, "dog leash") == {}


def test_search_puts_the_product_with_the_read_feature_first(shop: Store) -> None:
    hits = shop.search.search("dog leash for walking after dark on unlit lanes", k=3)
    assert hits[0].product.id == "L2"
    plain = shop.search.search("dog leash for walking after dark on unlit lanes", k=3,
                               use_knowledge=False)
    assert {h.product.id for h in plain} <= {"L1", "L2", "L3", "P1", "P2", "U1"}
