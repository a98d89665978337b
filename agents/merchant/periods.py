"""Campaign periods in a merchant's words, relative to an injected ``today``.

"this weekend", "next week", "for a month", "over the next 3 weeks", "a fortnight",
"starting monday", "from Dec 1 to Dec 14", "until Dec 24", "through christmas",
"until the end of the month", "for december". A duration with no start starts tomorrow;
``days`` counts both ends; "a month" is 30 days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
               "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
               "couple of": 2, "few": 3}
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "fortnight": 14, "year": 365}
HOLIDAYS = {"christmas": (12, 25), "xmas": (12, 25), "christmas eve": (12, 24),
            "new year": (12, 31), "new years": (12, 31), "new year's": (12, 31),
            "valentine's day": (2, 14), "valentines day": (2, 14), "halloween": (10, 31)}

_COUNT = r"(\d+|" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r")"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}"
        r"|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?|today|tomorrow|"
        + "|".join(WEEKDAYS) + "|" + "|".join(sorted(HOLIDAYS, key=len, reverse=True))
        + r"|(?:the\s+)?end of (?:the |this )?(?:month|year))")
DURATION = re.compile(
    rf"(?:\b(?:for|over|during|in|within|across|runs?|running)\s+)?(?:the\s+)?"
    rf"(?:next|coming|following|upcoming)?\s*\b{_COUNT}[\s-]+(day|week|month|fortnight|year)s?\b"
    r"|\b(?:for|over|in)?\s*a\s+(fortnight)\b", re.I)
WEEKEND = re.compile(r"\b(this|next|the)\s+weekend\b|\bweekend\b", re.I)
NEXT_WEEK = re.compile(r"\b(next|the coming)\s+(week|month)\b", re.I)
START = re.compile(rf"\b(?:starting|start(?:s|ing)?\s+(?:on|from)?|from|beginning|begin\s+on|"
                   rf"kick(?:ing)? off|as of|launch(?:ing)? on)\s+(?:on\s+)?(?:this\s+|next\s+)?"
                   rf"({_DAY})", re.I)
END = re.compile(rf"\b(?:until|till|til|through|thru|to|ending(?:\s+on)?|ends?\s+on|by|up to)"
                 rf"\s+(?:this\s+)?({_DAY})", re.I)
IN_MONTH = re.compile(rf"\b(?:in|for|during|throughout|through|all of)\s+({_MONTH})(?!\s*\d)",
                      re.I)


@dataclass
class Period:
    """Start, end and length of a campaign, where the text gives them."""

    start: date | None = None
    end: date | None = None
    days: int | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)


def _month(word: str) -> int:
    return MONTHS.index(word.lower()[:3]) + 1


def _future(today: date, month: int, day: int) -> date:
    found = date(today.year, month, day)
    return found if found >= today else date(today.year + 1, month, day)


def parse_day(text: str, today: date) -> date | None:
    """One day named in words, the next one on or after ``today``."""
    t = text.lower().strip().removeprefix("the ").strip()
    if t in ("today", "tomorrow"):
        return today + timedelta(days=int(t == "tomorrow"))
    if t in WEEKDAYS:
        ahead = (WEEKDAYS.index(t) - today.weekday()) % 7
        return today + timedelta(days=ahead or 7)
    if t in HOLIDAYS:
        return _future(today, *HOLIDAYS[t])
    if t.startswith("end of"):
        if t.endswith("year"):
            return date(today.year, 12, 31)
        nxt = date(today.year + today.month // 12, today.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", t):
        return date.fromisoformat(t)
    slash = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?", t)
    if slash:
        month, day = int(slash.group(1)), int(slash.group(2))
        return _valid(today, month, day)
    words = re.findall(r"[a-z]+", t)
    digits = re.findall(r"\d+", t)
    month_words = [w for w in words if w[:3] in MONTHS]
    if month_words and digits:
        return _valid(today, _month(month_words[0]), int(digits[0]))
    return None


def _valid(today: date, month: int, day: int) -> date | None:
    try:
        return _future(today, month, day)
    except ValueError:
        return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else COUNT_WORDS[word.lower()]


def _weekend(today: date, nxt: bool) -> tuple[date, date]:
    if today.weekday() == 6 and not nxt:
        return today, today
    saturday = today + timedelta(days=(5 - today.weekday()) % 7)
    if nxt and today.weekday() < 5:
        saturday += timedelta(days=7)
    return saturday, saturday + timedelta(days=1)


def _fixed_range(text: str, today: date, period: Period) -> bool:
    weekend = WEEKEND.search(text)
    if weekend:
        period.start, period.end = _weekend(today, (weekend.group(1) or "").lower() == "next")
        period.spans.append(weekend.span())
        return True
    nxt = NEXT_WEEK.search(text)
    if nxt:
        if nxt.group(2).lower() == "week":
            monday = today + timedelta(days=7 - today.weekday())
            period.start, period.end = monday, monday + timedelta(days=6)
        else:
            first = date(today.year + today.month // 12, today.month % 12 + 1, 1)
            period.start = first
            period.end = date(first.year + first.month // 12, first.month % 12 + 1, 1) - \
                timedelta(days=1)
        period.spans.append(nxt.span())
        return True
    month = IN_MONTH.search(text)
    if month and not END.search(text):
        first = _future(today.replace(day=1), _month(month.group(1)), 1)
        if first < today:  # the current month: from tomorrow
            first = today + timedelta(days=1)
        m = first.month
        period.start = first
        period.end = date(first.year + m // 12, m % 12 + 1, 1) - timedelta(days=1)
        period.spans.append(month.span())
        return True
    return False


def parse_period(text: str, today: date) -> Period:
    """Every period fact the text states (start: tomorrow when only a length or end is given)."""
    period = Period()
    if not _fixed_range(text, today, period):
        start, end, duration = START.search(text), END.search(text), DURATION.search(text)
        if start and (day := parse_day(start.group(1), today)):
            period.start = day
            period.spans.append(start.span())
        if end and (day := parse_day(end.group(1), today)):
            period.end = day
            period.spans.append(end.span())
        if duration:
            unit = (duration.group(2) or duration.group(3) or "day").lower()
            count = _count(duration.group(1)) if duration.group(1) else 1
            period.days = count * UNIT_DAYS[unit]
            period.spans.append(duration.span())
    _complete(period, today)
    return period


def _complete(period: Period, today: date) -> None:
    if period.start is None and (period.end is not None or period.days is not None):
        period.start = today + timedelta(days=1)
    if period.start and period.days and period.end is None:
        period.end = period.start + timedelta(days=period.days - 1)
    if period.start and period.end:
        period.days = (period.end - period.start).days + 1
