"""Deterministic slots of a merchant message: budget, daily budget, ROI, period, phrases.

Parsers run in a fixed order and blank the characters each one used, so one number is
read once: campaign id, return target, daily cap, period, relative change, then the
budget. What is left, less command words, holds the product or campaign phrase, which is
resolved later by search over the merchant's own catalogue and campaigns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from agents.merchant.amounts import Found, find_return, money_at
from agents.merchant.periods import parse_period

CAMPAIGN_ID = re.compile(r"\bc_[0-9a-f]{10}\b")
QUOTED = re.compile(r"[\"“'‘]([^\"”'’]{3,60})[\"”'’]")
DAILY_BEFORE = re.compile(r"(?:daily|per[- ]day|a[- ]day|each day)\s*(?:ad\s*)?(?:budget|cap|"
                          r"spend|limit|max(?:imum)?)?\s*(?:of|at|is|to|:|=|around|about)?\s*$",
                          re.I)
DAILY_AFTER = re.compile(r"^\s*(?:/\s*day|(?:a|per|each|every)\s+day|daily|/d\b|per diem)", re.I)
BUDGET_CUE = re.compile(r"(?:budget|budjet|spend|spending|invest|put|total|allocate|cap|"
                        r"to|have|with|got|about|around|of|is)\W{0,3}(?:\w+\W{1,3}){0,2}$", re.I)
PER_MONTH = re.compile(r"^\s*(?:/\s*mo(?:nth)?|a month|per month|monthly)\b", re.I)
RELATIVE = [
    (re.compile(r"\bdouble\b", re.I), "mul", 2.0),
    (re.compile(r"\btriple\b", re.I), "mul", 3.0),
    (re.compile(r"\b(?:halve|half|cut in half)\b", re.I), "mul", 0.5),
]
ADD = re.compile(r"\b(?:another|extra|additional|add(?:ing)?|more)\s+(?P<m>[$€£]?\s?\d[\d,.]*\s?k?)"
                 r"|\b(?:by|plus)\s+(?P<b>[$€£]?\s?\d[\d,.]*\s?k?)(?!\s*%)", re.I)
PERCENT_CHANGE = re.compile(r"\bby\s+(\d+(?:\.\d+)?)\s*%", re.I)
DOWN_WORDS = re.compile(r"\b(?:cut|lower|reduce|decrease|drop|trim|less)\b", re.I)


@dataclass
class GoalSlots:
    """What one message states (None: not mentioned)."""

    budget_total: float | None = None
    budget_daily: float | None = None
    target_roi: float | None = None
    start: date | None = None
    end: date | None = None
    days: int | None = None
    budget_change: tuple[str, float] | None = None  # ("mul", 2.0) or ("add", 500.0)
    campaign_id: str | None = None
    quoted: str | None = None
    residue: str = ""  # the text left once every value above was taken out
    product_phrase: str | None = None  # filled by the phrase finder (agents.merchant.phrases)
    found: list[str] = field(default_factory=list)


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _daily(masked: str) -> tuple[Found | None, str]:
    for money in money_at(masked):
        before, after = masked[max(0, money.start - 40):money.start], masked[money.end:]
        after_match = DAILY_AFTER.match(after)
        if DAILY_BEFORE.search(before):
            start = money.start - len(before) + DAILY_BEFORE.search(before).start()  # type: ignore[union-attr]
            return money, _blank(masked, start, money.end)
        if after_match:
            return money, _blank(masked, money.start, money.end + after_match.end())
    return None, masked


def _relative(masked: str, slots: GoalSlots) -> str:
    for pattern, kind, value in RELATIVE:
        found = pattern.search(masked)
        if found:
            slots.budget_change = (kind, value)
            return _blank(masked, *found.span())
    pct = PERCENT_CHANGE.search(masked)
    if pct:
        sign = -1 if DOWN_WORDS.search(masked) else 1
        slots.budget_change = ("mul", 1 + sign * float(pct.group(1)) / 100)
        return _blank(masked, *pct.span())
    add = ADD.search(masked)
    if add:
        amounts = money_at(add.group("m") or add.group("b"))
        if amounts:
            sign = -1 if DOWN_WORDS.search(masked) else 1
            slots.budget_change = ("add", sign * amounts[0].value)
            return _blank(masked, *add.span())
    return masked


def _budget(masked: str) -> tuple[Found | None, str]:
    best: tuple[int, Found] | None = None
    for money in money_at(masked):
        before = masked[max(0, money.start - 30):money.start]
        size = abs(money.value)
        rank = 0 if BUDGET_CUE.search(before) and size >= 10 else 1 if money.cue else \
            2 if size >= 100 else 9
        if rank < 9 and (best is None or rank < best[0]):
            best = (rank, money)
    if best is None:
        return None, masked
    money = best[1]
    end = money.end
    per_month = PER_MONTH.match(masked[end:])
    if per_month:
        end += per_month.end()
    return money, _blank(masked, money.start, end)


def parse_goal(text: str, today: date | None = None) -> GoalSlots:
    """Every value the message states, with the leftover text for phrase matching."""
    today = today or date.today()
    slots, masked = GoalSlots(), text
    if (cid := CAMPAIGN_ID.search(masked)):
        slots.campaign_id = cid.group(0)
        masked = _blank(masked, *cid.span())
    if (quoted := QUOTED.search(masked)):
        slots.quoted = quoted.group(1).strip()
    if (target := find_return(masked)):
        slots.target_roi = target.value
        masked = _blank(masked, target.start, target.end)
    daily, masked = _daily(masked)
    if daily:
        slots.budget_daily = daily.value
    period = parse_period(masked, today)
    for start, end in period.spans:
        masked = _blank(masked, start, end)
    slots.start, slots.end, slots.days = period.start, period.end, period.days
    masked = _relative(masked, slots)
    budget, masked = _budget(masked)
    if budget:
        slots.budget_total = budget.value
    slots.residue = " ".join(masked.split())
    slots.found = [k for k in ("budget_total", "budget_daily", "target_roi", "start", "end")
                   if getattr(slots, k) is not None]
    return slots
