"""Money and return targets in a merchant's words, deterministic.

Money: "12k", "$2,500", "1.5k", "3 grand", "€3000", "five thousand dollars", "600 bucks".
Return targets (ROI = ROAS = GMV / spend, the convention of ``tools/campaigns``):
"roas 4", "3x return", "350% roas", "don't go below 2 roi", "tROAS 400%", "4:1 ROAS",
"ACoS under 25%" (= 4), "every dollar should bring back 4 dollars", "break even" (= 1).
Each finder returns the value with the character span it used, so later parsers can skip it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_VALUES = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
               "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
               "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
               "fifty": 50, "hundred": 100, "half": 0.5}
SCALES = {"k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6, "mil": 1e6, "million": 1e6,
          "hundred": 100}
NUMBER = r"(?<![\w.])(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|\.\d+)"
WORDS = "|".join(sorted((w for w in WORD_VALUES if w not in ("a", "an", "half")), key=len,
                        reverse=True))
CURRENCY = r"(?:[$€£]|usd|eur|gbp|rs\.?)"
UNIT = r"(?:dollars?|bucks|usd|euros?|eur|pounds?|gbp)"
MONEY = re.compile(
    rf"(?P<cur>{CURRENCY}\s?)?(?:{NUMBER}|(?P<word>\b(?:{WORDS})\b))"
    rf"(?:\s?(?P<scale>k\b|K\b|thousand\b|grand\b|m\b|mil\b|million\b|hundred\b))?"
    rf"(?:\s?(?P<unit>{UNIT})\b)?", re.I)


@dataclass(frozen=True)
class Found:
    """A value found in the text and the characters it came from."""

    value: float
    start: int
    end: int
    cue: bool = True  # marked as money (currency, scale, unit) or named by a keyword


def _number(match: re.Match[str]) -> float:
    raw = match.group(2) if match.group(2) else None
    if raw is not None:
        return float(raw.replace(",", ""))
    return float(WORD_VALUES[match.group("word").lower()])


def money_at(text: str) -> list[Found]:
    """Every number with its money scale applied ("3 grand" -> 3000); ``cue`` if marked money."""
    out = []
    for m in MONEY.finditer(text):
        if not (m.group(2) or m.group("word")):
            continue
        if m.group("word") and not (m.group("scale") or m.group("unit") or m.group("cur")):
            continue  # "two weeks": a bare number word is not money
        value = _number(m) * SCALES.get((m.group("scale") or "").lower(), 1.0)
        cue = bool(m.group("cur") or m.group("scale") or m.group("unit"))
        out.append(Found(value, m.start(), m.end(), cue))
    return out


_NUM = r"(-?\d+(?:\.\d+)?|\.\d+)"
_KEY = r"(?:t?roas|roi|return(?:s)?(?: on ad spend)?|return on investment)"
_GLUE = (r"(?:\s+|:|=|>=|≥|>|\b(?:of|at|to|is|be|should|target|goal|least|minimum|min|above|"
         r"over|no lower than|not below|not under|set|around|a|must|needs?|stay)\b){0,10}")
RETURN_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bacos\b[^\d]{0,25}?" + _NUM + r"\s*%?", re.I), "acos"),
    (re.compile(_NUM + r"\s*:\s*1\b", re.I), "ratio"),
    (re.compile(r"(?:every|each|per)\s+(?:[$€£]\s?1|dollar|euro|pound|buck)\b[^.\d]{0,40}?"
                r"[$€£]?\s?" + _NUM + r"\s*(?:dollars?|euros?|pounds?|bucks)?", re.I), "times"),
    (re.compile(r"[$€£]?\s?" + _NUM + r"\s*(?:dollars?|euros?|pounds?|bucks)?\s*(?:back|of "
                r"revenue|in sales|in revenue)\s+(?:for|per)\s+(?:every|each)?\s*(?:[$€£]\s?1|"
                r"dollar|euro|pound)", re.I), "times"),
    (re.compile(r"\b" + _KEY + r"\b" + _GLUE + _NUM + r"\s*(%|x\b|×|times\b)?", re.I), "key"),
    (re.compile(r"\b(?:t?roas|roi)\b[^\d.;]{0,40}?\b(?:to|at|of)\s+" + _NUM + r"\s*(%|x\b|×)?",
                re.I), "gap"),
    (re.compile(_NUM + r"\s*(%|x\b|×|times\b)?\s*(?:t?roas|roi)\b", re.I), "before"),
    (re.compile(_NUM + r"\s*(%|x\b|×|times\b)\s*(?:a |the )?" + _KEY + r"\b", re.I),
     "before"),
    (re.compile(_NUM + r"\s*(%|x\b|×)?\s*return on ad spend\b", re.I), "before"),
    (re.compile(_NUM + r"\s*(x|×|times)\s*(?:back|return|more revenue)?\b", re.I), "bare_x"),
]
BREAK_EVEN = re.compile(r"\bbreak(?:ing)?[\s-]?even\b", re.I)


def _ratio(value: float, marker: str | None) -> float:
    return value / 100.0 if marker == "%" else value


def find_return(text: str) -> Found | None:
    """The ROI/ROAS target the text names (GMV / spend), or None."""
    for pattern, kind in RETURN_PATTERNS:
        m = pattern.search(text)
        if not m:
            continue
        value = float(m.group(1))
        if kind == "acos":
            if value <= 0:
                continue
            return Found(round(100.0 / value, 4), m.start(), m.end())
        marker = (m.group(2) or "").lower() if kind in ("key", "gap", "before", "bare_x") else None
        start = m.start(1) if kind == "gap" else m.start()  # keep the words in the gap
        return Found(round(_ratio(value, marker), 4), start, m.end())
    m = BREAK_EVEN.search(text)
    return Found(1.0, m.start(), m.end()) if m else None
