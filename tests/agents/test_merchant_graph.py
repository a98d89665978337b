from datetime import date, timedelta

import pytest
from sqlmodel import Session, func, select

from agents.merchant.service import MerchantService
from knowledge.ads import AdEvent
from knowledge.campaigns import Campaign
from knowledge.demo_build import build_demo
from knowledge.merchants import create_merchant
from knowledge.models import Product
from knowledge.store import Store
from tools.campaigns import service

TODAY = date(2026, 11, 24)
BRANDS = ["Zenflow", "Lotus Labs", "IronLeaf", "Pulsefit", "Ridgecraft", "Summit & Co",
          "Trailhound", "Pinecrest", "Little Sprout", "Nestlings", "BambooBee", "Cuddlebug"]


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
    service.assign_products(store.engine, acme.id, brands=BRANDS)
    service.assign_products(store.engine, other.id, brands=["Comfora"])
    return store, acme.id, other.id


async def turn(svc: MerchantService, merchant: str, session: str, frame: dict) -> list[dict]:
    return [e async for e in svc.run_turn(merchant, session, frame)]


def say(text: str) -> dict:
    return {"type": "message", "text": text}


def reply(events: list[dict]) -> str:
    return "".join(e["text"] for e in events if e["type"] == "token")


def campaigns(store: Store) -> int:
    with Session(store.engine) as session:
        return session.exec(select(func.count()).select_from(Campaign)).one()


def kinds(events: list[dict]) -> list[str]:
    return [e["type"] for e in events]


def own_of_type(store: Store, merchant: str, kind: str) -> list[str]:
    with Session(store.engine) as session:
        return [p.id for p in session.exec(select(Product).where(Product.merchant_id == merchant))
                if (p.attributes or {}).get("type") == kind]


def seed(store: Store, merchant: str, name: str, kind: str, *, spend: float = 0.0,
         gmv: float = 0.0) -> Campaign:
    """A campaign that ran until today, with recorded spend and GMV."""
    ids = own_of_type(store, merchant, kind)
    plan = service.CampaignDraft(product_ids=ids, budget_total=2000, target_roi=2.0, name=name,
                                 start=TODAY - timedelta(days=20), end=TODAY)
    campaign = service.create_campaign(store.engine, merchant, plan, {})
    if spend or gmv:
        with Session(store.engine) as session:
            for kind_, cost, value in (("click", spend, 0.0), ("order", 0.0, gmv)):
                session.add(AdEvent(kind=kind_, campaign_id=campaign.id, product_id=ids[0],
                                    session_id="t", impression_id=f"i-{campaign.id}",
                                    cost=cost, gmv=value))
            session.commit()
    return campaign


def state_of(store: Store, merchant: str) -> dict[str, tuple[str, float]]:
    return {c.id: (c.status, c.budget_total)
            for c in service.list_campaigns(store.engine, merchant)}


def clear(store: Store) -> None:
    with Session(store.engine) as session:
        for c in session.exec(select(Campaign)):
            session.delete(c)
        session.commit()


ISSUE_GOALS = [
    "Promote our yoga mats. budget 12k, roas 4",
    "spend 2,500 over 10 days on the headlamps, want 3x ROAS",
    "sleeping bags: 5000 over the next two weeks, i need at least 3x return",
    "new campaign for the trekking poles, 1.5k total, target roas 350%",
    "I want to push the foam rollers with a daily cap of 200 for a month, roas 3",
    "Can you set up ads for the camping stoves? $2,500 budget, don't go below 2 roi",
    "3 grand on resistance bands this weekend, 4x return",
    "run the baby carriers for the next 3 weeks, budget $1,800, roas of 2.5",
    "starting monday, promote the water filters with 4k and a 3x roas",
    "advertise our headlamps until Dec 24, 2k budget, roas 3",
    "teethers - 1.2k budget, ROAS at least 2.5, for 10 days",
]


@pytest.mark.parametrize("goal", ISSUE_GOALS)
async def test_goal_in_ordinary_words_drafts_in_one_turn(shop, goal: str) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    svc = MerchantService(store, today=TODAY, simulate=False)  # the forecast is tested below
    events = await turn(svc, acme, f"goal-{hash(goal)}", say(goal))
    assert "campaign_draft" in kinds(events), reply(events)
    assert campaigns(store) == 0  # a draft writes nothing


async def test_draft_values_match_the_words(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    svc = MerchantService(store, today=TODAY, simulate=False)
    events = await turn(svc, acme, "values", say(
        "sleeping bags: 5000 over the next two weeks, i need at least 3x return"))
    draft = next(e for e in events if e["type"] == "campaign_draft")["draft"]
    assert (draft["budget_total"], draft["target_roi"]) == (5000, 3)
    assert (draft["start"], draft["end"]) == ("2026-11-25", "2026-12-08")
    with Session(store.engine) as session:
        chosen = [session.get(Product, pid) for pid in draft["product_ids"]]
    assert chosen and {p.attributes["type"] for p in chosen if p} == {"sleeping bag"}


async def test_goal_to_confirmed_campaign(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    clear(store)
    svc = MerchantService(store, today=TODAY)
    events = await turn(svc, acme, "s1", say(
        "promote the yoga mats, budget 3000 over two weeks, ROI at least 2"))
    assert {"campaign_draft", "forecast", "done"} <= set(kinds(events))
    forecast = next(e for e in events if e["type"] == "forecast")
    assert forecast["forecast"]["p50"]["spend"] <= 3000
    assert campaigns(store) == 0  # nothing written before confirmation
    created = await turn(svc, acme, "s1", {"type": "action", "action": "confirm"})
    assert "campaign" in kinds(created) and campaigns(store) == 1
    again = await turn(svc, acme, "s1", say("yes"))
    assert campaigns(store) == 1 and "campaign" not in kinds(again)
    paused = await turn(svc, acme, "s1", say("pause it"))
    assert next(e for e in paused if e["type"] == "campaign")["campaign"]["status"] == "paused"
    clear(store)


async def test_missing_values_are_asked_for(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    svc = MerchantService(store, today=TODAY, simulate=False)
    events = await turn(svc, acme, "s2", say("promote the yoga mats"))
    assert "campaign_draft" not in kinds(events) and "budget" in reply(events).lower()
    events = await turn(svc, acme, "s2", say("3k, roas 2"))
    draft = next(e for e in events if e["type"] == "campaign_draft")["draft"]
    assert (draft["budget_total"], draft["target_roi"]) == (3000, 2)


async def test_pause_names_a_campaign_that_does_not_exist(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    clear(store)
    yoga = seed(store, acme, "Spring push", "yoga mat")
    before = state_of(store, acme)
    svc = MerchantService(store, today=TODAY)
    events = await turn(svc, acme, "tents", say("pause the tents campaign"))
    assert state_of(store, acme) == before and before[yoga.id][0] == "active"
    assert "campaign" not in kinds(events) and "no campaign" in reply(events)
    assert "?" in reply(events)
    clear(store)


async def test_bulk_pause_lists_and_waits_for_confirmation(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    clear(store)
    losing = seed(store, acme, "Tents summer sale", "tent", spend=900, gmv=400)
    also = seed(store, acme, "Headlamp promo", "headlamp", spend=500, gmv=300)
    fine = seed(store, acme, "Yoga mat push", "yoga mat", spend=300, gmv=1200)
    before = state_of(store, acme)
    svc = MerchantService(store, today=TODAY)
    events = await turn(svc, acme, "bulk", say("pause everything that's losing money"))
    text = reply(events)
    assert state_of(store, acme) == before and "campaign" not in kinds(events)
    assert "Tents summer sale" in text and "Headlamp promo" in text
    assert "Yoga mat push" not in text and "Confirm" in text
    done = await turn(svc, acme, "bulk", say("yes"))
    after = state_of(store, acme)
    assert after[losing.id][0] == after[also.id][0] == "paused"
    assert after[fine.id] == before[fine.id]
    assert sum(k == "campaign" for k in kinds(done)) == 2
    clear(store)


async def test_budget_raise_by_product_reaches_the_right_campaign(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    clear(store)
    yoga = seed(store, acme, "Spring push", "yoga mat")
    tents = seed(store, acme, "Tents summer sale", "tent")
    svc = MerchantService(store, today=TODAY)
    await turn(svc, acme, "raise", say("raise the budget of my yoga mat campaign to 3000"))
    after = state_of(store, acme)
    assert after[yoga.id] == ("active", 3000) and after[tents.id] == ("active", 2000)
    clear(store)


async def test_ambiguous_reference_asks_and_changes_nothing(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    clear(store)
    ids = own_of_type(store, acme, "backpack")
    for name, part in (("Back to school backpacks", ids[::2]), ("Hiking backpacks", ids[1::2])):
        service.create_campaign(store.engine, acme, service.CampaignDraft(
            product_ids=part, budget_total=1000, target_roi=2, name=name,
            start=TODAY - timedelta(days=5), end=TODAY), {})
    before = state_of(store, acme)
    svc = MerchantService(store, today=TODAY)
    events = await turn(svc, acme, "amb", say("pause the backpack campaign"))
    assert state_of(store, acme) == before and "Which one" in reply(events)
    picked = await turn(svc, acme, "amb", say("the hiking one"))
    after = state_of(store, acme)
    assert sorted(s for s, _ in after.values()) == ["active", "paused"], reply(picked)
    clear(store)


async def test_audience_and_creative_requests_reach_their_tools(shop) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    svc = MerchantService(store, today=TODAY)
    events = await turn(svc, acme, "aud", say("who should I target for the yoga mats?"))
    assert "Who to target" in reply(events) or "no shopper segment" in reply(events)
    events = await turn(svc, acme, "ban", say("make a banner for the headlamps"))
    made = [e["creative"] for e in events if e["type"] == "creative"]
    assert made and {c["kind"] for c in made} == {"banner"}
    assert {c["status"] for c in made} == {"draft"}  # waits for approval


@pytest.mark.parametrize("goal", [
    "promote the yoga mats, budget 0 over two weeks, ROI at least 2",
    "promote the yoga mats, budget 3000 over two weeks, ROI at least -1",
    "promote the yoga mats, budget 3000 over two weeks, ROI at least 500",
    "promote the comfora walking shoes, budget 3000 over two weeks, ROI at least 2",
])
async def test_bad_goals_create_nothing(shop, goal: str) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    before = campaigns(store)
    svc = MerchantService(store, today=TODAY)
    events = await turn(svc, acme, f"bad-{hash(goal)}", say(goal))
    await turn(svc, acme, f"bad-{hash(goal)}", {"type": "action", "action": "confirm"})
    assert "campaign_draft" not in kinds(events) and campaigns(store) == before
    if "500" in goal:
        assert "best achievable ROI" in reply(events)


@pytest.mark.parametrize(("frame", "says"), [
    ({"type": "message", "text": "   "}, "empty"),
    ({"type": "message", "text": "pause " + "x" * 3000}, "limit"),
    ({"type": "message", "text": "\x00\x01\x02\x03\x04 pause all"}, "binary"),
])
async def test_bad_input_gets_a_clear_error_and_changes_nothing(shop, frame: dict,
                                                                says: str) -> None:  # type: ignore[no-untyped-def]
    store, acme, _ = shop
    clear(store)
    seed(store, acme, "Spring push", "yoga mat")
    before = state_of(store, acme)
    events = await turn(MerchantService(store, today=TODAY), acme, "bad-input", frame)
    errors = [e for e in events if e["type"] == "error"]
    assert errors and says in errors[0]["message"] and state_of(store, acme) == before
    clear(store)
