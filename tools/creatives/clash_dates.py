"""The period a product covers given twice, apart: "Jan to Dec 2027" / "Jan 2026 to Dec 2026".

A dated product (a calendar, a planner, a pass) states the months it covers as a range
("Jan 2026 - Dec 2026", "12 months from January to December 2027", "July 2026 through June
2027"); a year in the name's line ("2027 Desk Calendar") says the same. Two ranges that share
no month over the same span ("January to December" twice), or a name's year that no range
reaches, cannot both hold; a shorter extra range ("preview pages for January to March") adds.
A range in a sentence about options or other editions ("also available for 2026") is left out.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from tools.creatives.clash_parts import OTHERWISE, sentence

__all__ = ["check_dates", "date_clash"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_YEAR = r"(?:19|20)\d\d"
_RANGE = re.compile(rf"(?i)\b(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?\s*(?:to|-|\u2013|\u2014|"
                    rf"through|thru|until)\s*(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\b")
_NAME_YEAR = re.compile(rf"\b(?P<y>{_YEAR})\b")


def _month(word: str) -> int:
    """The month number of a month name or abbreviation."""
    return _MONTHS.index(word.lower()[:3]) + 1


def _ranges(text: str) -> list[tuple[int, int, str]]:
    """Every month range the brief states: (first month, last month as year*12+month, span)."""
    out = []
    for m in _RANGE.finditer(text):
        if OTHERWISE.search(sentence(text, m.start())):
            continue
        y2 = int(m["y2"])
        m1, m2 = _month(m["m1"]), _month(m["m2"])
        y1 = int(m["y1"]) if m["y1"] else (y2 if m1 <= m2 else y2 - 1)
        out.append((y1 * 12 + m1, y2 * 12 + m2, m.group(0)))
    return out


def date_clash(text: str) -> tuple[str, str] | None:
    """Two stated periods that share no month, or a name's year that no period reaches."""
    ranges = _ranges(text)
    for i, (a1, a2, a) in enumerate(ranges):
        for b1, b2, b in ranges[i + 1:]:
            if (a2 < b1 or b2 < a1) and a2 - a1 == b2 - b1:
                return a, b  # the same span said of two periods: not a bonus or a preview
    first = text.strip().split("\n", 1)[0]
    years = [int(y) for y in _NAME_YEAR.findall(first)] if ranges else []
    if len(set(years)) == 1 and not OTHERWISE.search(first):
        year = years[0]
        outside = [r for r in ranges if not (r[0] <= year * 12 + 12 and year * 12 + 1 <= r[1])]
        if len(outside) == len(ranges) and not any(r[2] in first for r in ranges):
            return first.strip(), ranges[0][2]
    return None


def check_dates(text: str) -> None:
    """Raise :class:`InvalidRequestError` when two stated periods exclude each other."""
    pair = date_clash(text)
    if pair is not None:
        raise InvalidRequestError(
            f"the brief contradicts itself: it gives the dates as {pair[0]!r} and also as "
            f"{pair[1]!r}; say which is true")
