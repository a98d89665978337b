"""The ages the product is for and its set times, as a brief states them.

"for ages 8-12" / "AGE RANGE: 3-5 years" / "for kids 2-4 yrs" / "age: 14 years and up" ->
the ages it is for (36, 60) / (96, 144) / (24, 48) / (168, inf) months: two ranges that share
no age cannot both hold ("ages 8-12" beside "3-5 years"), two that overlap can ("ages 8 and
up" beside "6-14 years"). "6-hour timer" / "Timer: 8 hours on" -> the timer 6 / 8 hours;
"50 hour burn time" / "Burn time: 40 hrs" -> the burn time 50 / 40 hours.

Read per clause (:mod:`tools.creatives.attribute_values`), never in a warning ("not for
children under 3", "choking hazard"), an options list ("3-5 or 6-8 years", "2/4/6/8 H
timer"), a clothing size ("Size: 2-3 years"), a stage or level of the product ("Level 1:
ages 3-5"), a bound ("up to 8 hours") or a range of times ("timer 1-8 hours").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from tools.creatives.attribute_counts import NUMBER_WORDS, number_of
from tools.creatives.attribute_values import OPTIONS, Stated

__all__ = ["RANGE_READERS", "ranges_meet"]

_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
_NUM = rf"(?:\d+(?:\.\d+)?|{_WORDS})"
_UNIT = r"(?:years?|yrs?|y/?o|months?|mos?)"
_TO = r"\s*(?:-|\u2013|to)\s*"
_UP = r"\s*(?:\+|and\s+(?:up|older|over|above)|or\s+older)"
_AGE_LEAD = (r"(?:recommended\s+|suggested\s+|suitable\s+)?ages?(?:\s+range|\s+group)?\s*:?\s*|"
             r"aged?\s+|(?:for|kids|children|toddlers|babies|boys|girls)\s+(?:aged?\s+)?")
_AGES = re.compile(
    rf"(?i)\b(?P<lead>{_AGE_LEAD})?(?P<a>{_NUM})\s*(?P<ua>{_UNIT})?\.?"
    rf"(?:{_TO}(?P<b>{_NUM})\s*(?P<ub>{_UNIT})?\.?(?:\s+old)?|(?P<up>{_UP}))")
_NOT_AGES = re.compile(r"(?i)\b(?:not|under|below|younger|choking|hazard|warning|supervision|"
                       r"sizes?|fits?|level|stage|phase|step|or|weight|height|lbs?|kg|inch|cm|"
                       r"grade|players?|minutes?|mins?|hours?)\b|/")


def _months(n: str, unit: str | None) -> float:
    """An age in months: "18 months" 18, "4 years" 48, "8" 96 (years unless said)."""
    value = float(number_of(n)) if not re.match(r"\d", n) else float(n)
    return value if unit and unit.lower().startswith("m") else value * 12


def _ages(clause: str, start: int) -> Iterator[Stated]:
    """The ages the product is for, as a range in months: "for ages 8-12", "3 years and up"."""
    if _NOT_AGES.search(clause) or OPTIONS.search(clause):
        return
    for m in _AGES.finditer(clause):
        unit_b = m.group("ub")
        unit_a = m.group("ua") or unit_b
        lead = m.group("lead") or ""
        if not (re.search(r"(?i)age", lead) or unit_a and (lead or m.group("up") or
                                                           m.group(0).lower().endswith("old"))):
            continue  # "for 2-4", "lasts 2-3 years": no age named
        low = _months(m.group("a"), unit_a)
        high = math.inf if m.group("up") else _months(m.group("b"), unit_b)
        if low <= high:
            yield Stated("the ages it is for", (low, high), m.group(0).strip(), start + m.start())


_TODDLER = re.compile(r"(?i)\btoddlers?\b")
_WIDER = re.compile(r"(?i)\b(?:bab(?:y|ies)|infants?|newborns?|kids?|child(?:ren)?|preschool\w*|"
                    r"youth|teens?|adults?|boys?|girls?|all\s+ages|\d+\s*t\b)")


def _toddler(clause: str, start: int) -> Iterator[Stated]:
    """A title for toddlers alone ("chunky toddler puzzle"): ages one to five, generously."""
    if start == 0 and "\n" not in clause and not _WIDER.search(clause):
        m = _TODDLER.search(clause)
        if m is not None:
            yield Stated("the ages it is for", (12.0, 60.0), m.group(0), m.start())


def ranges_meet(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """True when two ranges share a value: "ages 8 and up" and "6-14 years" meet."""
    return a[0] <= b[1] and b[0] <= a[1]


_HOURS = {"h": 1.0, "hr": 1.0, "hrs": 1.0, "hour": 1.0, "hours": 1.0, "min": 1 / 60,
          "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60}
_TIME = rf"(?<![\w/.,-])(?P<n>{_NUM})[\s-]?(?P<u>hours?|hrs?|h|minutes?|mins?)\b\.?"
_SET_TIMES = (
    ("the timer", re.compile(rf"(?i){_TIME}\s+(?:auto(?:matic)?[\s-]?(?:off|shut[\s-]?off)\s+)?"
                             r"timer\b")),
    ("the timer", re.compile(rf"(?i)\btimer\s*(?::|-|of|set\s+to)?\s*{_TIME}")),
    ("the burn time", re.compile(rf"(?i){_TIME}\s+(?:of\s+)?(?:clean\s+)?burn(?:ing)?\s+time\b")),
    ("the burn time", re.compile(rf"(?i)\bburn(?:ing)?\s+time\s*(?::|-|of)?\s*(?:approx\.?\s*|"
                                 rf"about\s+|approximately\s+)?{_TIME}")),
)
_NOT_SET = re.compile(r"(?i)\b(?:up\s+to|max|maximum|min|minimum|options?|settings?|modes?|"
                      r"choose|adjustable|each|per|total|or|and|between|from)\b|"
                      r"\d\s*(?:-|\u2013|to)\s*\d")


def _set_times(clause: str, start: int) -> Iterator[Stated]:
    """A time set on the product: its timer ("6-hour timer") or burn time ("Burn time: 40 hrs")."""
    plain = re.sub(r"\([^)]*\)?", lambda p: " " * len(p.group(0)), clause)  # "(on 6 hours"
    if OPTIONS.search(plain) or _NOT_SET.search(plain) or len(re.findall(_TIME, plain)) != 1:
        return
    for attribute, pattern in _SET_TIMES:
        m = pattern.search(plain)
        if m is not None:
            hours = float(number_of(m.group("n")) if not m.group("n")[0].isdigit()
                          else float(m.group("n"))) * _HOURS[m.group("u").lower().rstrip(".")]
            yield Stated(attribute, hours, clause[m.start():m.end()].strip(), start + m.start())
            return


RANGE_READERS = (_ages, _toddler, _set_times)
