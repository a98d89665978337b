from datetime import date

import pytest

from agents.merchant.intents import route
from agents.merchant.slots import parse_goal

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(("text", "budget", "roi", "days", "phrase"), [
    ("promote the maternity sneakers, budget 5000 over two weeks, ROI at least 3", 5000, 3, 14,
     "maternity sneakers"),
    ("Promote our yoga mats with a 5k budget for 10 days and 4x ROI", 5000, 4, 10, "yoga mats"),
    ("advertise the bamboo baby bowls from Dec 1 to Dec 14, budget $2,500, roi 2.5", 2500, 2.5,
     14, "bamboo baby bowls"),
    ("boost the tents: budget of 1,200 over a month, ROI target 2", 1200, 2, 30, "tents:"),
])
def test_goal_slots(text: str, budget: float, roi: float, days: int, phrase: str) -> None:
    slots = parse_goal(text, TODAY)
    assert slots.budget_total == budget and slots.target_roi == roi
    assert slots.start is not None and slots.end is not None
    assert (slots.end - slots.start).days + 1 == days
    assert slots.product_phrase == phrase


def test_daily_budget_is_not_the_total() -> None:
    slots = parse_goal("promote the mats, budget 3000, 200 per day, over 2 weeks", TODAY)
    assert (slots.budget_total, slots.budget_daily) == (3000, 200)


def test_negative_numbers_are_kept_for_validation() -> None:
    slots = parse_goal("budget -50 and roi -1", TODAY)
    assert (slots.budget_total, slots.target_roi) == (-50, -1)


@pytest.mark.parametrize(("text", "pending", "intent"), [
    ("yes", True, "confirm"), ("yes", False, "chat"), ("cancel", True, "cancel"),
    ("pause the yoga campaign", False, "pause"), ("resume it", False, "resume"),
    ("change the budget to 6000", False, "update"), ("list my campaigns", False, "list"),
    ("how is the tent campaign doing?", False, "report"), ("why that ROI?", False, "why"),
    ("promote the tents", False, "create"), ("hello", False, "chat"),
])
def test_routing(text: str, pending: bool, intent: str) -> None:
    assert route(text, pending) == intent
