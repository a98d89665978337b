"""Campaign input on a real store: bad plans get clear messages and write nothing,
overlapping campaigns are refused, and campaign names are short and whole words."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, func, select

from knowledge.campaigns import Campaign
from knowledge.errors import InvalidRequestError
from knowledge.store import Store
from tests.tools.ads_shop import NOW, draft, sell_out
from tests.tools.ads_shop import shop as shop  # noqa: F401 (the fixture)
from tools.campaigns import service
from tools.campaigns.naming import campaign_name


def _count_campaigns(store: Store) -> int:
    with Session(store.engine) as session:
        return int(session.exec(select(func.count()).select_from(Campaign)).one())


def test_bad_campaigns_get_clear_messages_and_write_nothing(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    with pytest.raises(InvalidRequestError, match="below one click's reserve price"):
        service.create_campaign(store.engine, merchant, draft(zen, budget_total=0.01), {})
    sell_out(store, zen)
    with pytest.raises(InvalidRequestError, match="out of stock"):
        service.create_campaign(store.engine, merchant, draft(zen), {})
    assert _count_campaigns(store) == 0


def test_overlapping_campaigns_are_refused(shop) -> None:  # type: ignore[no-untyped-def]
    store, merchant, zen = shop
    first = service.create_campaign(store.engine, merchant, draft(zen[:2]), {})
    with pytest.raises(InvalidRequestError, match=f"campaign {first.id} .* already promotes"):
        service.create_campaign(store.engine, merchant, draft(zen[1:]), {})
    assert _count_campaigns(store) == 1
    later = draft(zen[1:], start=NOW.date() + timedelta(days=10),
                  end=NOW.date() + timedelta(days=12))
    service.create_campaign(store.engine, merchant, later, {})  # other dates are fine
    assert _count_campaigns(store) == 2
    service.change_campaign(store.engine, merchant, first.id, "pause")
    second = service.create_campaign(store.engine, merchant, draft(zen[1:]), {})  # first paused
    with pytest.raises(InvalidRequestError, match=f"campaign {second.id} .* already promotes"):
        service.change_campaign(store.engine, merchant, first.id, "resume")
    assert service.get_campaign(store.engine, merchant, first.id).status == "paused"


def test_campaign_names_are_short_and_never_cut_mid_word(shop) -> None:  # type: ignore[no-untyped-def]
    store, _, zen = shop
    from knowledge.models import Product

    with Session(store.engine) as session:
        products = list(session.exec(select(Product).where(Product.brand == "Zenflow")))
    name = campaign_name(products)
    assert len(name) <= 40 and name.endswith("by Zenflow")
    long = [p.model_copy(update={"attributes": {"type": "extra thick eco friendly yoga mat"}})
            for p in products[:1]]
    titled = campaign_name(long)
    assert len(titled) <= 40
    words = "Extra thick eco friendly yoga mats by Zenflow".split()
    assert titled.split() == words[:len(titled.split())]
