"""Two periods a dated product covers that share no month are refused; one period is not."""

from __future__ import annotations

import pytest

from tools.creatives.clash_dates import date_clash


@pytest.mark.parametrize(("brief", "sides"), [
    ("Wall planner\nCovers January to December 2028\nDates: Jan 2027 - Dec 2027",
     ("January to December 2028", "Jan 2027 - Dec 2027")),
    ("2029 Pocket Diary\nWeek to view, 12 months: Jan 2028 to Dec 2028",
     ("2029 Pocket Diary", "Jan 2028 to Dec 2028")),
])
def test_two_periods_apart_are_refused(brief: str, sides: tuple[str, str]) -> None:
    assert date_clash(brief) == sides


@pytest.mark.parametrize("brief", [
    "2028 Planner\nJanuary to December 2028, weekly spreads",
    "2027-2028 Academic planner\nJuly 2027 through June 2028",
    "Desk calendar 2028\nJan to Dec 2028. Also available for 2027: Jan 2027 - Dec 2027.",
])
def test_one_period_or_an_option_is_no_date_clash(brief: str) -> None:
    assert date_clash(brief) is None


def test_a_shorter_bonus_period_adds() -> None:
    assert date_clash("2028 Wall Calendar\nJanuary to December 2028\nBonus: preview pages for "
                      "January to March 2029") is None
