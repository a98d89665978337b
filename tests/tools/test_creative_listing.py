"""Listings with the real model: limits, checked claims, approval diff and catalogue write."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from knowledge.creatives import Creative
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.models import Product
from knowledge.store import Store
from tools.creatives.claims import ProductFacts, count_unsupported
from tools.creatives.listing import TITLE_MAX, draft_listing
from tools.creatives.review import approve_creative, preview, reject_creative

from .creative_catalog import seed_catalog


def _rows(store: Store) -> list[Creative]:
    with Session(store.engine) as session:
        return list(session.exec(select(Creative)))


def test_listing_for_a_product_is_a_checked_draft(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    creative = draft_listing(store, merchant_id=merchant.id, product_id="boot-wp")
    [row] = _rows(store)
    assert row.id == creative.id and row.status == "draft" and row.product_id == "boot-wp"
    c = row.content
    assert 0 < len(c["title"]) <= TITLE_MAX and 3 <= len(c["bullets"]) <= 5 and c["keywords"]
    shown = " ".join([c["title"], *c["bullets"]]).lower()
    assert all(word in shown for word in ("waterproof", "arch-support", "leather", "sizes 7"))
    with Session(store.engine) as session:
        product = session.get(Product, "boot-wp")
        assert product is not None and product.title == "TerraStep Hiking Boots"  # untouched
    facts = ProductFacts.for_product(product)
    text = "\n".join([c["title"], *c["bullets"], c["description"], *c["keywords"]])
    assert count_unsupported(text, facts) == 0
    assert row.claims["waterproof"] == "feature: waterproof"


def test_approving_a_listing_writes_the_product_and_names_changed_fields(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    draft = draft_listing(store, merchant_id=merchant.id, product_id="mat-tpe", use_llm=False)
    _, before = preview(store, merchant_id=merchant.id, creative_id=draft.id)
    approved, diff = approve_creative(store, merchant_id=merchant.id, creative_id=draft.id)
    assert approved.status == "approved"
    assert {d.field for d in diff} == {d.field for d in before} >= {"title", "bullets",
                                                                      "description", "keywords"}
    title_diff = next(d for d in diff if d.field == "title")
    assert title_diff.before == "Zenfit Yoga Mat" and title_diff.after == draft.content["title"]
    assert any(line.startswith("+") for line in title_diff.diff)
    with Session(store.engine) as session:
        product = session.get(Product, "mat-tpe")
    assert product is not None and product.title == draft.content["title"]
    assert product.bullets == draft.content["bullets"]
    assert product.attributes["search_keywords"] == draft.content["keywords"]
    assert product.attributes["features"] == ["non-slip", "extra-thick"]
    with pytest.raises(InvalidRequestError, match="already approved"):
        approve_creative(store, merchant_id=merchant.id, creative_id=draft.id)


def test_listing_from_a_few_words_becomes_a_new_product_only_on_approval(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    draft = draft_listing(store, merchant_id=merchant.id,
                          brief="bamboo baby bowls with suction base")
    new_id = draft.product_id
    assert draft.content["new_product"] and "Baby Bowls" in draft.content["title"]
    with Session(store.engine) as session:
        assert session.get(Product, new_id) is None
    _, diff = approve_creative(store, merchant_id=merchant.id, creative_id=draft.id)
    assert {d.field for d in diff} == {"title", "bullets", "description", "keywords"}
    with Session(store.engine) as session:
        product = session.get(Product, new_id)
    assert product is not None and product.merchant_id == merchant.id
    assert product.attributes["material"] == "bamboo"
    assert product.attributes["features"] == ["suction-base"]
    hits = store.search.search("bamboo baby bowls suction", k=3, mode="dense")
    assert new_id in [h.product.id for h in hits]


def test_bad_input_writes_nothing(store: Store) -> None:
    merchant, other = seed_catalog(store)
    with pytest.raises(NotFoundError):
        draft_listing(store, merchant_id=merchant.id, product_id="foreign")
    with pytest.raises(NotFoundError):
        draft_listing(store, merchant_id=merchant.id, product_id="no-such-product")
    with pytest.raises(InvalidRequestError, match="brief"):
        draft_listing(store, merchant_id=merchant.id, brief="   ")
    with pytest.raises(InvalidRequestError, match="too long: 1199 characters, at most 1000"):
        draft_listing(store, merchant_id=merchant.id, brief="mat " * 300)
    with pytest.raises(InvalidRequestError, match="'100% polyester' but also 'cotton'"):
        draft_listing(store, merchant_id=merchant.id, brief="tee, cotton, 100% polyester")
    assert _rows(store) == []
    draft = draft_listing(store, merchant_id=merchant.id, product_id="bowls", use_llm=False)
    with pytest.raises(NotFoundError):
        approve_creative(store, merchant_id=other.id, creative_id=draft.id)
    rejected = reject_creative(store, merchant_id=merchant.id, creative_id=draft.id, reason="no")
    assert rejected.status == "rejected"
    with Session(store.engine) as session:
        assert session.get(Product, "bowls").title == "BambooBee Baby Bowls"  # type: ignore[union-attr]


def test_approval_refuses_a_draft_made_stale_by_an_attribute_change(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    draft = draft_listing(store, merchant_id=merchant.id, product_id="boot-wp", use_llm=False)
    with Session(store.engine) as session:
        boots = session.get(Product, "boot-wp")
    assert boots is not None
    boots.attributes = {**boots.attributes, "features": ["arch-support"]}
    store.write_products([boots])
    with pytest.raises(InvalidRequestError, match="no longer supported"):
        approve_creative(store, merchant_id=merchant.id, creative_id=draft.id)
    with Session(store.engine) as session:
        assert session.get(Product, "boot-wp").title == "TerraStep Hiking Boots"  # type: ignore[union-attr]
        assert session.get(Creative, draft.id).status == "draft"  # type: ignore[union-attr]
