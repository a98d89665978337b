"""Deterministic parsers for a merchant's goal: budget, daily budget, ROI, period, products."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

_NUM = r"\$?\s*(-?\d[\d,]*(?:\.\d+)?)\s*(k|thousand)?"
BUDGET = [re.compile(r"budget\s*(?:of|is|:|=|at)?\s*" + _NUM, re.I),
          re.compile(_NUM + r"\s*(?:dollars?|usd|\$)?\s*budget", re.I),
          re.compile(r"(?:spend|spending)\s*(?:up to|at most)?\s*" + _NUM, re.I)]
DAILY = re.compile(_NUM + r"\s*(?:dollars?\s*)?(?:a|per|/)\s*day|daily (?:budget|cap)\s*(?:of)?\s*"
                   + _NUM, re.I)
ROI = [re.compile(r"roi\s*(?:of|at least|>=|above|of at least|target|:|=|to|is)?\s*(?:at least\s*)?"
                  r"(-?\d+(?:\.\d+)?)", re.I),
       re.compile(r"(\d+(?:\.\d+)?)\s*x\s*(?:roi|return|roas)", re.I),
       re.compile(r"return of (\d+(?:\.\d+)?)", re.I)]
WORD_NUM = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10}
PERIOD = re.compile(r"(?:over|for|during|in)\s+(?:the\s+next\s+)?"
                    r"(a|one|two|three|four|five|six|ten|"
                    r"\d+)\s+(day|week|month)s?", re.I)
MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                          "sep", "oct", "nov", "dec"))}
DATE = r"(\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2})"
RANGE = re.compile(r"from\s+" + DATE + r"\s+(?:to|until|till|-)\s+" + DATE, re.I)
PRODUCT = re.compile(r"(?:promote|advertise|campaign for|push|boost|sell more)\s+"
                     r"(?:the\s+|our\s+|my\s+)?"
                     r"(.+?)(?:,|\.|;| with | budget| over | from | starting | for \d| for a "
                     r"| for two| roi|$)",
                     re.I)


@dataclass
class GoalSlots:
    """What was found in one message (None: not mentioned)."""

    budget_total: float | None = None
    budget_daily: float | None = None
    target_roi: float | None = None
    start: date | None = None
    end: date | None = None
    product_phrase: str | None = None
    found: list[str] = field(default_factory=list)


def _amount(number: str, suffix: str | None) -> float:
    value = float(number.replace(",", ""))
    return value * 1000 if suffix else value


def _date(text: str, today: date) -> date:
    if re.match(r"\d{4}-", text):
        return date.fromisoformat(text)
    month, day = text.lower()[:3], int(re.findall(r"\d+", text)[0])
    found = date(today.year, MONTHS[month], day)
    return found if found >= today else date(today.year + 1, MONTHS[month], day)


def parse_goal(text: str, today: date | None = None) -> GoalSlots:
    """Every slot the message names."""
    today = today or date.today()
    slots = GoalSlots()
    daily = DAILY.search(text)
    if daily:
        groups = [g for g in daily.groups()]
        number, suffix = (groups[0], groups[1]) if groups[0] else (groups[2], groups[3])
        slots.budget_daily = _amount(number, suffix)
        text_wo_daily = text[:daily.start()] + text[daily.end():]
    else:
        text_wo_daily = text
    for pattern in BUDGET:
        match = pattern.search(text_wo_daily)
        if match:
            slots.budget_total = _amount(match.group(1), match.group(2))
            break
    for pattern in ROI:
        match = pattern.search(text)
        if match:
            slots.target_roi = float(match.group(1))
            break
    dates = RANGE.search(text)
    if dates:
        slots.start, slots.end = _date(dates.group(1), today), _date(dates.group(2), today)
    else:
        period = PERIOD.search(text)
        if period:
            n = WORD_NUM.get(period.group(1).lower()) or int(period.group(1))
            days = n * {"day": 1, "week": 7, "month": 30}[period.group(2).lower()]
            slots.start = today + timedelta(days=1)
            slots.end = slots.start + timedelta(days=days - 1)
    product = PRODUCT.search(text)
    if product and product.group(1).strip():
        slots.product_phrase = product.group(1).strip()
    slots.found = [k for k in ("budget_total", "budget_daily", "target_roi", "start",
                               "product_phrase") if getattr(slots, k) is not None]
    return slots
