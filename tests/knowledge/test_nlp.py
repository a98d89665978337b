"""The slot tagger, price parser and exclusions, on real training data and a real catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.nlp.gazetteer import Gazetteer
from knowledge.nlp.negation import find_exclusions, mentions
from knowledge.nlp.numbers import parse_number
from knowledge.nlp.prices import parse_price
from knowledge.nlp.tagger import DATA, Tagger, load_tagger, train_tagger, with_types
from knowledge.search import SearchFilters
from knowledge.settings import Settings
from knowledge.store import Store


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    """The real tagger, trained once per machine from the QueryNER train file in the repo."""
    return load_tagger(Settings())


def test_training_is_deterministic(tmp_path: Path) -> None:
    rows = DATA.read_text(encoding="utf-8").splitlines()[:600]
    subset = tmp_path / "train.jsonl"
    subset.write_text("\n".join(rows) + "\n", encoding="utf-8")
    first = train_tagger(tmp_path / "a", subset)  # the served path (contextual: test_contextual)
    second = train_tagger(tmp_path / "b", subset)
    for model in ("model.crfsuite", "type.crfsuite"):
        assert (first / model).read_bytes() == (second / model).read_bytes()
    text = "black leather boots for men"
    assert Tagger(first).tag(text) == Tagger(second).tag(text)


def test_tags_a_plain_query(tagger: Tagger) -> None:
    text = "red nike running shoes for women"
    spans = {(s.label, s.text) for s in tagger.tag(text)}
    assert {("color", "red"), ("brand", "nike"), ("audience", "for women")} <= spans
    assert ("product_type", "running shoes") in spans or ("product_type", "shoes") in spans
    assert all(text[s.start:s.end] == s.text for s in tagger.tag(text))


def test_product_types_come_from_the_type_model_where_no_other_slot_stands() -> None:
    slots = ["B-brand", "B-product_type", "I-product_type", "B-audience"]
    typed = ["B-product_type", "O", "B-product_type", "B-product_type"]
    assert with_types(slots, typed) == ["B-brand", "O", "B-product_type", "B-audience"]
    assert with_types(slots, ["O"] * 4) == slots  # the type model found none: the CRF's stay
    words = ["a", "toaster", "for", "mom"]
    typed = ["B-product_type", "I-product_type", "O", "O"]
    assert with_types(["O"] * 4, typed, words) == ["O", "B-product_type", "O", "O"]


def test_catalogue_terms_are_features(tagger: Tagger) -> None:
    text = "quellmora trail hiking boots"
    catalogue = Gazetteer.from_terms(brand={"quellmora": "Quellmora"})
    spans = {(s.label, s.text) for s in tagger.tag(text, catalogue)}
    assert ("brand", "quellmora") in spans


@pytest.mark.parametrize(("text", "low", "high", "relative"), [
    ("nothing over 40 bucks", None, 40.0, None),
    ("running shoes 40-ish", 32.0, 48.0, None),
    ("no more than $1.5k", None, 1500.0, None),
    ("between twenty and thirty dollars", 20.0, 30.0, None),
    ("cheap sunglasses", None, None, "cheaper"),
    ("size 40 shoes, pack of 12", None, None, None),
])
def test_price_forms(text: str, low: float | None, high: float | None,
                     relative: str | None) -> None:
    found = parse_price(text)
    assert (found.min_price, found.max_price, found.relative) == (low, high, relative)


def test_numbers_in_words_and_suffixes() -> None:
    assert [parse_number(t) for t in ("fifty", "12k", "$2,500", "3 grand", "1.5k")] == [
        50.0, 12000.0, 2500.0, 3000.0, 1500.0]
    assert parse_number("fifty shoes") is None


def test_negations_become_exclusions() -> None:
    assert [e.term for e in find_exclusions("boots, not leather or suede")] == ["leather", "suede"]
    assert "leather" in [e.term for e in find_exclusions("vegan only please")]
    assert find_exclusions("no more than $40, not too expensive") == []
    assert mentions("genuine leather upper", "leather")
    assert not mentions("leather-free upper, faux leather trim", "leather")


def test_exclusion_filter_in_a_real_search(store: Store, tmp_path: Path) -> None:
    from knowledge.ingest import import_catalog

    rows = [
        {"product_id": "B1", "product_title": "Classic leather ankle boots", "price": 90,
         "product_bullet_point": "Full-grain leather upper", "category": "shoes"},
        {"product_id": "B2", "product_title": "Vegan ankle boots", "price": 70,
         "product_bullet_point": "Leather-free microfiber upper", "category": "shoes"},
        {"product_id": "B3", "product_title": "Canvas ankle boots", "price": 40,
         "product_bullet_point": "Cotton canvas, rubber sole", "category": "shoes"},
    ]
    path = tmp_path / "boots.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    import_catalog(store, path)
    every = {h.product.id for h in store.search.search("ankle boots", k=5)}
    kept = {h.product.id for h in store.search.search(
        "ankle boots", SearchFilters(exclude_terms=("leather",)), k=5)}
    assert every == {"B1", "B2", "B3"} and kept == {"B2", "B3"}
    from tools.catalog import find_products

    outcome = find_products(store, {"query": "ankle boots", "color": "purple",
                                    "exclude": ["leather"]})
    assert outcome.relaxed == ["color"] and {h.product.id for h in outcome.hits} == {"B2", "B3"}
