from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session, func, select

from knowledge.campaigns import Campaign, CampaignAudit
from knowledge.errors import InvalidRequestError, NotFoundError
from knowledge.ingest import import_catalog
from knowledge.merchants import create_merchant
from knowledge.store import Store
from tests.conftest import BOTH_DATABASES
from tests.knowledge.test_ingest_search import CATALOG, write_jsonl
from tools.campaigns import service

pytestmark = pytest.mark.parametrize("database", BOTH_DATABASES, indirect=True)


@pytest.fixture
def shop(store: Store, tmp_path: Path) -> tuple[Store, str, str]:
    import_catalog(store, write_jsonl(tmp_path / "c.jsonl", CATALOG))
    a, _ = create_merchant(store.engine, name="Acme")
    b, _ = create_merchant(store.engine, name="Other")
    service.assign_products(store.engine, a.id, brands=["Comfora", "PaceLab"])
    service.assign_products(store.engine, b.id, brands=["Hearthware"])
    return store, a.id, b.id


def plan(**kw) -> service.CampaignDraft:
    base = {"product_ids": ["S1"], "budget_total": 1000.0, "target_roi": 3.0,
            "start": date(2026, 12, 1), "end": date(2026, 12, 14)}
    return service.CampaignDraft(**{**base, **kw})


def count(store: Store, table) -> int:  # type: ignore[no-untyped-def]
    with Session(store.engine) as session:
        return session.exec(select(func.count()).select_from(table)).one()


def test_create_is_audited_and_owner_scoped(shop) -> None:  # type: ignore[no-untyped-def]
    store, a, b = shop
    created = service.create_campaign(store.engine, a, plan(), {"p50": {}})
    assert [c.id for c in service.list_campaigns(store.engine, a)] == [created.id]
    assert service.list_campaigns(store.engine, b) == []
    with pytest.raises(NotFoundError):
        service.get_campaign(store.engine, b, created.id)
    with pytest.raises(NotFoundError):
        service.change_campaign(store.engine, b, created.id, "pause")
    assert service.get_campaign(store.engine, a, created.id).status == "active"
    service.change_campaign(store.engine, a, created.id, "pause")
    service.change_campaign(store.engine, a, created.id, "update", budget_total=2000.0)
    log = service.audit_log(store.engine, a, created.id)
    assert [e.action for e in log] == ["create", "pause", "update"]
    assert log[2].before["budget_total"] == 1000.0 and log[2].after["budget_total"] == 2000.0


@pytest.mark.parametrize(("kw", "message"), [
    ({"budget_total": 0}, "budget must be above 0"),
    ({"target_roi": -1}, "ROI target must be above 0"),
    ({"end": date(2026, 11, 1)}, "before the start"),
    ({"product_ids": ["K1"]}, "no product of yours with id K1"),
    ({"product_ids": ["NOPE"]}, "no product of yours with id NOPE"),
])
def test_bad_plans_write_nothing(shop, kw, message) -> None:  # type: ignore[no-untyped-def]
    store, a, _ = shop
    with pytest.raises((InvalidRequestError, NotFoundError), match=message):
        service.create_campaign(store.engine, a, plan(**kw), {})
    assert count(store, Campaign) == 0 and count(store, CampaignAudit) == 0


def test_invalid_changes_leave_the_campaign_as_it_was(shop) -> None:  # type: ignore[no-untyped-def]
    store, a, _ = shop
    created = service.create_campaign(store.engine, a, plan(), {})
    with pytest.raises(InvalidRequestError, match="only a paused campaign can resume"):
        service.change_campaign(store.engine, a, created.id, "resume")
    with pytest.raises(InvalidRequestError):
        service.change_campaign(store.engine, a, created.id, "update", target_roi=0)
    again = service.get_campaign(store.engine, a, created.id)
    assert (again.status, again.target_roi) == ("active", 3.0)
    assert len(service.audit_log(store.engine, a, created.id)) == 1
