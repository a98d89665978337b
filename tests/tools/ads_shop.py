"""The ads tests' shop: a real store with the agent catalogue, and helpers over it.

``shop`` (a fixture: store, merchant Acme, its Zenflow product ids), ``draft`` (a one-week
plan), ``page`` (the organic top 50 as the search route hands it to the ad server), ``count``
(recorded events of a kind) and ``sell_out``. Test modules import the fixture by name.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from knowledge import ads as ledger
from knowledge.ads import AdEvent
from knowledge.store import Store
from tests.agents.catalog import acme_owns_zenflow
from tools.ads.slots import Candidate
from tools.campaigns import service

NOW = datetime.now(UTC)


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> tuple[Store, str, list[str]]:
    """A store with the agent catalogue; merchant Acme owns the Zenflow products."""
    merchant_id, _, zen = acme_owns_zenflow(store, tmp_path)
    return store, merchant_id, zen


def draft(products: list[str], **kw: object) -> service.CampaignDraft:
    """A one-week plan starting today."""
    base: dict[str, object] = {"product_ids": products, "budget_total": 50.0,
                               "target_roi": 2.0, "start": NOW.date(),
                               "end": NOW.date() + timedelta(days=6)}
    return service.CampaignDraft(**{**base, **kw})  # type: ignore[arg-type]


def page(store: Store, query: str) -> list[Candidate]:
    """The organic top 50 for ``query``, as the search route hands it to the ad server."""
    return [Candidate(h.product, h.score, i)
            for i, h in enumerate(store.search.search(query, k=50))]


def count(store: Store, kind: str) -> int:
    """Recorded events of one kind (waiting impressions are written first, as every reader does)."""
    ledger.flush_impressions(store.engine)
    with Session(store.engine) as session:
        return int(session.exec(select(func.count()).select_from(AdEvent)
                                .where(AdEvent.kind == kind)).one())


def sell_out(store: Store, product_ids: list[str]) -> None:
    """Set the stock of these products to 0."""
    from knowledge.models import Product

    with Session(store.engine) as session:
        for pid in product_ids:
            product = session.get(Product, pid)
            assert product is not None
            product.stock = 0
            session.add(product)
        session.commit()
