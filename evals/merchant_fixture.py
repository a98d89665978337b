"""The merchant eval's set-up: the labelled messages and the fixture merchant's campaigns.

Set: ``evals/data/merchant/messages.jsonl`` (165 messages written before the code, frozen),
split dev/test by ``sha1(id) % 10``. Fixture: ``fixture.json`` (the merchant's brands and
nine campaigns with recorded spend and GMV), seeded once (:func:`set_up`) and restored
before every message (:func:`snapshot`, :func:`restore`; see :mod:`evals.merchant_messages`).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, delete, select

from knowledge.ads import AdEvent
from knowledge.campaigns import Campaign, CampaignAudit
from knowledge.models import Product
from knowledge.store import Store
from tools.campaigns import service

DATA = Path(__file__).resolve().parent / "data" / "merchant"


def load_messages(split: str | None = None) -> list[dict[str, Any]]:
    """The labelled messages (optionally one split)."""
    rows = [json.loads(line) for line in (DATA / "messages.jsonl").read_text().splitlines()
            if line.strip()]
    return [r for r in rows if split is None or r["split"] == split]


def fixture() -> dict[str, Any]:
    """The merchant set-up the labels assume."""
    return dict(json.loads((DATA / "fixture.json").read_text()))


def product_type(p: Product) -> str:
    """A product's type as the fixture names them (its type attribute, else its category)."""
    return str((p.attributes or {}).get("type") or p.category or "").lower()


def seed_campaigns(store: Store, merchant_id: str, fix: dict[str, Any]) -> dict[str, str]:
    """Create the fixture's campaigns with recorded spend and GMV; key -> campaign id.

    They ran from 20 days ago to today, so a new draft (tomorrow at the earliest) never
    overlaps them; campaigns of one product type share its products out in turn (a product
    may not be in two live campaigns at once).
    """
    today = date.fromisoformat(fix["today"])
    with Session(store.engine) as session:
        owned = sorted(session.exec(select(Product).where(Product.merchant_id == merchant_id)),
                       key=lambda p: p.id)
    same_type: dict[str, list[str]] = {}
    for spec in fix["campaigns"]:
        same_type.setdefault(spec["product_type"], []).append(spec["key"])
    ids = {}
    for spec in fix["campaigns"]:
        sharers = same_type[spec["product_type"]]
        of_type = [p.id for p in owned if product_type(p) == spec["product_type"]]
        products = of_type[sharers.index(spec["key"])::len(sharers)]
        plan = service.CampaignDraft(product_ids=products, budget_total=spec["budget_total"],
                                     target_roi=spec["target_roi"], name=spec["name"],
                                     start=today - timedelta(days=20), end=today)
        campaign = service.create_campaign(store.engine, merchant_id, plan, {})
        if spec["status"] == "paused":
            service.change_campaign(store.engine, merchant_id, campaign.id, "pause")
        ids[spec["key"]] = campaign.id
        _record(store, campaign.id, products[0], spec["spend"], spec["gmv"])
    return ids


def _record(store: Store, campaign_id: str, product_id: str, spend: float, gmv: float) -> None:
    with Session(store.engine) as session:
        for kind, cost, value in (("impression", 0.0, 0.0), ("click", spend, 0.0),
                                  ("order", 0.0, gmv)):
            session.add(AdEvent(kind=kind, campaign_id=campaign_id, product_id=product_id,
                                session_id="eval-history", impression_id=f"hist-{campaign_id}",
                                cost=cost, gmv=value))
        session.commit()


def snapshot(store: Store) -> dict[str, tuple[str, float, float]]:
    """Every campaign's status, budget and ROI target."""
    with Session(store.engine) as session:
        return {c.id: (c.status, c.budget_total, c.target_roi)
                for c in session.exec(select(Campaign))}


def restore(store: Store, before: dict[str, tuple[str, float, float]]) -> None:
    """Put the campaigns back as they were; drop any created since."""
    with Session(store.engine) as session:
        for c in session.exec(select(Campaign)):
            if c.id not in before:
                session.delete(c)
                continue
            c.status, c.budget_total, c.target_roi = before[c.id]
            session.add(c)
        session.exec(delete(CampaignAudit).where(col(CampaignAudit.action) != "create"))
        session.commit()


def set_up(store: Store) -> tuple[str, dict[str, str], dict[str, str]]:
    """The fixture's merchant with its products and campaigns: (merchant id, keys, names)."""
    from knowledge.merchants import create_merchant

    fix = fixture()
    merchant, _ = create_merchant(store.engine, name="Eval merchant (issue 12 set)")
    service.assign_products(store.engine, merchant.id, brands=fix["brands"])
    keys = seed_campaigns(store, merchant.id, fix)
    names = {keys[c["key"]]: c["name"] for c in fix["campaigns"]}
    return merchant.id, keys, names
