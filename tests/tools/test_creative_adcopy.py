"""Ad copy with the real model: limits always hold, claims are backed, variants differ."""

from __future__ import annotations

import random

import pytest
from sqlmodel import Session, select

from knowledge.creatives import Creative
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product
from knowledge.store import Store
from tools.creatives.adcopy import (
    DESCRIPTION_MAX,
    HEADLINE_MAX,
    ad_schema,
    distinct_n,
    write_ad_copy,
)
from tools.creatives.claims import ProductFacts, count_unsupported
from tools.creatives.listing import fit

from .creative_catalog import PRODUCTS, seed_catalog


def test_ad_variants_stay_in_limits_are_backed_and_diverse(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    for i, spec in enumerate(PRODUCTS[:4]):
        made = write_ad_copy(store, merchant_id=merchant.id, product_id=spec["id"], n=3,
                             audience="yoga practitioners", use_llm=i == 0)
        assert len(made) == 3
        with Session(store.engine) as session:
            product = session.get(Product, spec["id"])
            rows = list(session.exec(select(Creative).where(Creative.product_id == spec["id"])))
        assert {r.id for r in rows} == {c.id for c in made}
        facts = ProductFacts.for_product(product)  # type: ignore[arg-type]
        texts = []
        for row in rows:
            head, desc = row.content["headline"], row.content["description"]
            assert 0 < len(head) <= HEADLINE_MAX and 0 < len(desc) <= DESCRIPTION_MAX
            assert count_unsupported(f"{head}. {desc}", facts) == 0
            assert row.kind == "ad_copy" and row.status == "draft"
            texts.append(f"{head} {desc}")
        assert distinct_n(texts) >= 0.5


def test_schema_carries_the_limits_and_fit_always_respects_them() -> None:
    schema = ad_schema(3)["properties"]["ads"]
    assert schema["items"]["properties"]["headline"]["maxLength"] == HEADLINE_MAX
    assert schema["items"]["properties"]["description"]["maxLength"] == DESCRIPTION_MAX
    rng = random.Random(3)
    words = ["waterproof", "mat", "a", "supercalifragilisticexpialidocious", "yoga", "!!"]
    for _ in range(500):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        limit = rng.randint(5, 90)
        out = fit(text, limit)
        assert len(out) <= limit
        if len(text) <= limit:
            assert out == " ".join(text.split())


def test_distinct2_measures_repetition() -> None:
    assert distinct_n(["a b c", "d e f"]) == 1.0
    assert distinct_n(["a b c", "a b c"]) == 0.5


def test_bad_requests_write_nothing(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    with pytest.raises(InvalidRequestError):
        write_ad_copy(store, merchant_id=merchant.id, product_id="mat-tpe", n=0)
    with pytest.raises(InvalidRequestError):
        write_ad_copy(store, merchant_id=merchant.id, product_id="mat-tpe", n=50)
    with pytest.raises(NotFoundError):
        write_ad_copy(store, merchant_id=merchant.id, product_id="foreign")
    with Session(store.engine) as session:
        assert list(session.exec(select(Creative))) == []
