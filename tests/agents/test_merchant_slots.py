from datetime import date

import pytest

from agents.merchant.amounts import find_return, money_at
from agents.merchant.periods import parse_period
from agents.merchant.phrases import chunks
from agents.merchant.slots import parse_goal

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(("text", "value"), [
    ("12k", 12000), ("$2,500", 2500), ("1.5k", 1500), ("3 grand", 3000), ("€3000", 3000),
    ("five thousand dollars", 5000), ("600 bucks", 600), ("$4.5K", 4500),
])
def test_money_forms(text: str, value: float) -> None:
    found = money_at(text)
    assert [m.value for m in found] == [value]


@pytest.mark.parametrize(("text", "roi"), [
    ("roas 4", 4), ("want 3x ROAS", 3), ("i need at least 3x return", 3), ("target roas 350%", 3.5),
    ("don't go below 2 roi", 2), ("tROAS 400%", 4), ("4:1 ROAS", 4), ("acos under 25%", 4),
    ("every dollar should bring back 4 dollars", 4), ("break even at least", 1),
    ("lower the roas target on the tents to 2.5", 2.5), ("roas of 3 or better", 3),
])
def test_return_targets_are_gmv_over_spend(text: str, roi: float) -> None:
    found = find_return(text)
    assert found is not None and found.value == pytest.approx(roi)


@pytest.mark.parametrize(("text", "start", "end", "days"), [
    ("this weekend", "2026-11-28", "2026-11-29", 2),
    ("for a month", "2026-11-25", "2026-12-24", 30),
    ("over the next 3 weeks", "2026-11-25", "2026-12-15", 21),
    ("starting monday", "2026-11-30", None, None),
    ("until Dec 24", "2026-11-25", "2026-12-24", 30),
    ("from Dec 1 to Dec 14", "2026-12-01", "2026-12-14", 14),
    ("for 10 days starting monday", "2026-11-30", "2026-12-09", 10),
    ("next week", "2026-11-30", "2026-12-06", 7),
    ("through christmas", "2026-11-25", "2026-12-25", 31),
])
def test_periods_relative_to_today(text: str, start: str, end: str | None,
                                   days: int | None) -> None:
    period = parse_period(text, TODAY)
    assert period.start == date.fromisoformat(start)
    assert (period.end.isoformat() if period.end else None) == end and period.days == days


@pytest.mark.parametrize(("text", "budget", "daily", "roi", "days"), [
    ("budget 12k, roas 4", 12000, None, 4, None),
    ("spend 2,500 over 10 days, want 3x ROAS", 2500, None, 3, 10),
    ("5000 over the next two weeks, i need at least 3x return", 5000, None, 3, 14),
    ("target roas 350% on the mats, 2k", 2000, None, 3.5, None),
    ("a daily cap of 200 for the headlamps for a month, roas 3", None, 200, 3, 30),
    ("$50 a day for two weeks, roas 3", None, 50, 3, 14),
])
def test_goal_values_read_once(text: str, budget: float | None, daily: float | None,
                               roi: float, days: int | None) -> None:
    slots = parse_goal(text, TODAY)
    assert (slots.budget_total, slots.budget_daily, slots.target_roi, slots.days) == \
        (budget, daily, roi, days)


def test_relative_budget_changes() -> None:
    assert parse_goal("double the budget of the headlamp campaign", TODAY).budget_change == \
        ("mul", 2.0)
    slots = parse_goal("put another 500 into the tents campaign", TODAY)
    assert slots.budget_change == ("add", 500.0) and slots.budget_total is None


def test_negative_values_are_kept_for_validation() -> None:
    slots = parse_goal("budget -50 and roi -1", TODAY)
    assert (slots.budget_total, slots.target_roi) == (-50, -1)


def test_product_phrases_are_what_the_values_leave() -> None:
    slots = parse_goal("Promote our yoga mats. budget 12k, roas 4", TODAY)
    assert chunks(slots.residue) == ["yoga mats"]
    assert chunks(parse_goal("kick off a campaign for high chairs and baby monitors, 3k",
                             TODAY).residue) == ["high chairs", "baby monitors"]
