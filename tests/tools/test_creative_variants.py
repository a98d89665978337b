"""A/B variants, merchant-only tools and the REST routes, over a real store and app."""

from __future__ import annotations

import importlib
import typing
from datetime import date
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from knowledge.merchants import create_merchant
from knowledge.models import Merchant
from knowledge.sql import transaction
from knowledge.store import Store
from server.app import create_app
from tools.creatives.adcopy import write_ad_copy
from tools.creatives.banner_creatives import make_banners
from tools.creatives.variants import (
    attach_variant,
    compare_variants,
    ctr_prior,
    variant_features,
    variant_priors,
)

from .creative_catalog import seed_catalog


def _campaign(store: Store, merchant: Merchant, campaign_id: str) -> str:
    """A campaign row when the campaigns module exists (required fields filled plainly)."""
    try:
        module = importlib.import_module("knowledge.campaigns")
    except ModuleNotFoundError:
        return campaign_id
    model = module.Campaign
    values: dict[str, Any] = {"id": campaign_id, "merchant_id": merchant.id}
    for name, info in model.model_fields.items():
        if name in values or not info.is_required():
            continue
        kind = typing.get_origin(info.annotation) or info.annotation
        values[name] = {str: "mat-tpe" if "product" in name else "x", int: 1, float: 1000.0,
                        list: ["mat-tpe"], dict: {}, date: date(2026, 12, 1)}.get(kind, "x")
    with transaction(store.engine) as session:
        session.add(model(**values))
    return campaign_id


def test_variants_get_feature_priors_and_a_report(store: Store) -> None:
    merchant, other = seed_catalog(store)
    campaign = _campaign(store, merchant, "camp-mat")
    ads = write_ad_copy(store, merchant_id=merchant.id, product_id="mat-tpe", n=3, use_llm=False)
    [banner] = make_banners(store, merchant_id=merchant.id, product_id="mat-tpe",
                            sizes=["1200x628"])
    for creative in [*ads, banner]:
        attach_variant(store.engine, merchant_id=merchant.id, creative_id=creative.id,
                       campaign_id=campaign)
    priors = variant_priors(store.engine, campaign)
    assert set(priors) == {c.id for c in [*ads, banner]}
    assert all(0.002 <= p <= 0.2 for p in priors.values())
    features = variant_features(banner)
    assert features.price_shown and features.has_cta
    assert ctr_prior(features) > ctr_prior(features.__class__(**{**features.__dict__,
                                                                 "price_shown": False}))
    report = compare_variants(store.engine, merchant_id=merchant.id, campaign_id=campaign,
                              impressions=20000, seed=1)
    assert report["traffic"] == "simulated" and report["control"] == ads[0].id
    assert [r["creative_id"] for r in report["variants"]][0] == ads[0].id
    assert all(r["impressions"] == 20000 for r in report["variants"])
    observed = {ads[0].id: (1000, 10), ads[1].id: (1000, 40), ads[2].id: (1000, 11),
                banner.id: (1000, 9)}
    report = compare_variants(store.engine, merchant_id=merchant.id, campaign_id=campaign,
                              observed=observed)
    assert report["winner"] == ads[1].id
    assert report["variants"][1]["lift_vs_control"] == 3.0


def test_rest_routes_are_merchant_only_and_scoped(store: Store) -> None:
    merchant, _ = seed_catalog(store)
    _, key = create_merchant(store.engine, name="Key Holder")
    with Session(store.engine) as session:
        holder = session.exec(select(Merchant).where(Merchant.name == "Key Holder")).one()
    app = create_app(store.settings, store)
    with TestClient(app) as client:
        assert client.get("/api/creatives").status_code == 401
        headers = {"X-API-Key": key}
        r = client.post("/api/creatives/banners", headers=headers,
                        json={"product_id": "mat-tpe", "sizes": ["800x800"]})
        assert r.status_code == 404  # merchant A's product, not the key holder's
        _own(store, holder.id)
        r = client.post("/api/creatives/banners", headers=headers,
                        json={"product_id": "mine", "sizes": ["800x800", "1200x628"]})
        assert r.status_code == 200, r.text
        items = r.json()["items"]
        assert client.get(items[0]["image"]).headers["content-type"] == "image/png"
        r = client.post("/api/creatives/banners", headers=headers,
                        json={"product_id": "mine", "sizes": ["5x5"]})
        assert r.status_code == 422 and "200 to 4096" in r.json()["error"]["message"]
        r = client.post("/api/creatives/selling-points", headers=headers,
                        json={"product_id": "mine"})
        assert r.status_code == 200 and r.json()["kind"] == "selling_points"
        listed = client.get("/api/creatives", headers=headers).json()["items"]
        assert len(listed) == 3
        r = client.post(f"/api/creatives/{items[0]['id']}/reject", headers=headers, json={})
        assert r.json()["status"] == "rejected"
        r = client.post(f"/api/creatives/{items[0]['id']}/approve", headers=headers)
        assert r.status_code == 422
        theirs = write_ad_copy(store, merchant_id=merchant.id, product_id="mat-tpe", n=1,
                               use_llm=False)[0]
        assert client.get(f"/api/creatives/{theirs.id}", headers=headers).status_code == 404


def _own(store: Store, merchant_id: str) -> None:
    from knowledge.models import Product

    store.write_products([Product(id="mine", merchant_id=merchant_id, title="Key Mat",
                                  price=30.0, category="fitness",
                                  attributes={"type": "yoga mat", "features": ["non-slip"]})])
