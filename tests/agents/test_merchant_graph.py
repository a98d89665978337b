
import pytest
from sqlmodel import Session, func, select

from agents.merchant.service import MerchantService
from knowledge.campaigns import Campaign
from knowledge.demo_build import build_demo
from knowledge.merchants import create_merchant
from knowledge.store import Store
from tools.campaigns import service


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory, embedder) -> tuple[Store, str, str]:
    from knowledge.settings import Settings
    from server.app import attach_knowledge

    store = Store(Settings(data_dir=tmp_path_factory.mktemp("merchant")), embedder=embedder)
    build_demo(store, products=300, shoppers=60, seed=3)
    from knowledge.graph.build import build_knowledge

    build_knowledge(store, ("seed",))
    attach_knowledge(store)
    acme, _ = create_merchant(store.engine, name="Acme")
    other, _ = create_merchant(store.engine, name="Other")
    service.assign_products(store.engine, acme.id, brands=["Zenflow", "Lotus Labs"])
    service.assign_products(store.engine, other.id, brands=["Comfora"])
    return store, acme.id, other.id


async def turn(svc: MerchantService, merchant: str, session: str, frame: dict) -> list[dict]:
    return [e async for e in svc.run_turn(merchant, session, frame)]


def campaigns(store: Store) -> int:
    with Session(store.engine) as session:
        return session.exec(select(func.count()).select_from(Campaign)).one()


def kinds(events: list[dict]) -> list[str]:
    return [e["type"] for e in events]


async def test_goal_to_confirmed_campaign(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    svc = MerchantService(store)
    events = await turn(svc, acme, "s1", {"type": "message", "text":
                        "promote the yoga mats, budget 3000 over two weeks, ROI at least 2"})
    assert {"campaign_draft", "forecast", "done"} <= set(kinds(events))
    draft = next(e for e in events if e["type"] == "campaign_draft")["draft"]
    assert draft["budget_total"] == 3000 and draft["target_roi"] == 2 and draft["product_ids"]
    forecast = next(e for e in events if e["type"] == "forecast")
    assert forecast["forecast"]["p50"]["spend"] <= 3000
    assert (store.settings.data_dir / "media" / forecast["chart_url"].removeprefix("/media/")
            ).is_file()
    assert campaigns(store) == 0  # nothing written before confirmation
    created = await turn(svc, acme, "s1", {"type": "action", "action": "confirm"})
    assert "campaign" in kinds(created) and campaigns(store) == 1
    again = await turn(svc, acme, "s1", {"type": "message", "text": "yes"})
    assert campaigns(store) == 1 and "campaign" not in kinds(again)
    paused = await turn(svc, acme, "s1", {"type": "message", "text": "pause it"})
    campaign = next(e for e in paused if e["type"] == "campaign")["campaign"]
    assert campaign["status"] == "paused"


async def test_missing_slots_are_asked_for(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    svc = MerchantService(store)
    events = await turn(svc, acme, "s2", {"type": "message", "text": "promote the yoga mats"})
    assert "campaign_draft" not in kinds(events)
    text = "".join(e["text"] for e in events if e["type"] == "token")
    assert "budget" in text.lower()


@pytest.mark.parametrize("goal", [
    "promote the yoga mats, budget 0 over two weeks, ROI at least 2",
    "promote the yoga mats, budget 3000 over two weeks, ROI at least -1",
    "promote the yoga mats, budget 3000 over two weeks, ROI at least 500",
    "promote the comfora walking shoes, budget 3000 over two weeks, ROI at least 2",
])
async def test_bad_goals_create_nothing(shop, goal: str) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    before = campaigns(store)
    svc = MerchantService(store)
    events = await turn(svc, acme, f"bad-{hash(goal)}", {"type": "message", "text": goal})
    await turn(svc, acme, f"bad-{hash(goal)}", {"type": "action", "action": "confirm"})
    assert "campaign_draft" not in kinds(events) and campaigns(store) == before
    text = "".join(e["text"] for e in events if e["type"] == "token")
    if "500" in goal:
        assert "best achievable ROI" in text
