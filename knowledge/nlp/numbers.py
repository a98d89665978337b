"""Numbers as people write them: "50", "$2,500", "1.5k", "3 grand", "fifty", "a couple hundred".

:func:`parse_number` reads one expression; :func:`find_numbers` finds every number in a text
with its character span and whether it carries a currency ("$30", "30 bucks", "€15").
Shared by the shopper's price parser and the merchant's budget parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "ninty": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 1000, "grand": 1000, "million": 1_000_000}
_CURRENCY_WORDS = r"dollars?|bucks?|usd|eur|euros?|gbp|quid|€|\$|£"
_DIGITS = re.compile(
    r"(?<![\w.,])(?P<cur>[$€£]\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<scale>\s?(?:k|K|grand|thousand|million|mil)\b)?"
    rf"(?P<cur2>\s?(?:{_CURRENCY_WORDS})(?![\w]))?")
_WORD = re.compile(r"[a-z]+")
_CURRENCY_AFTER = re.compile(rf"\s?(?:{_CURRENCY_WORDS})(?!\w)")


@dataclass(frozen=True)
class NumberMatch:
    """A number found in a text: its value, where it is, and whether it names money."""

    value: float
    start: int
    end: int
    text: str
    currency: bool


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    word = word.strip().lower()
    return 1000.0 if word in ("k", "grand", "thousand") else 1_000_000.0


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number in ``text`` (digits with separators and suffixes, or number words)."""
    found: list[NumberMatch] = []
    for m in _DIGITS.finditer(text):
        value = float(m.group("num").replace(",", "")) * _scale(m.group("scale"))
        currency = bool(m.group("cur") or m.group("cur2"))
        found.append(NumberMatch(value, m.start(), m.end(), m.group(0), currency))
    taken = [(n.start, n.end) for n in found]
    for start, end, value in _word_numbers(text):
        if not any(start < e and s < end for s, e in taken):
            after = _CURRENCY_AFTER.match(text, end)
            stop = after.end() if after else end
            found.append(NumberMatch(value, start, stop, text[start:stop], bool(after)))
    return sorted(found, key=lambda n: n.start)


def _word_numbers(text: str) -> list[tuple[int, int, float]]:
    """Runs of number words: "twenty five", "one hundred and fifty", "a couple hundred"."""
    low = text.lower()
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(low)]
    out: list[tuple[int, int, float]] = []
    i = 0
    while i < len(words):
        run = _run_at(words, i, low)
        if run is None:
            i += 1
            continue
        j, value = run
        out.append((words[i][0], words[j - 1][1], value))
        i = j
    return out


def _run_at(words: list[tuple[int, int, str]], i: int, low: str) -> tuple[int, float] | None:
    """The number-word run starting at word ``i``: (index after it, value), or None."""
    j, lead = i, 0.0
    if words[i][2] == "a":
        nxt = [w[2] for w in words[i + 1:i + 3]]
        if nxt[:1] == ["dozen"]:
            j = i + 1
        elif nxt[:1] and nxt[0] in SCALES:
            j, lead = i + 1, 1.0
        elif nxt[:1] == ["couple"] and len(nxt) > 1 and nxt[1] in SCALES:
            j, lead = i + 2, 2.0
        else:
            return None
    total, current, used = 0.0, lead, False
    while j < len(words):
        word = words[j][2]
        gap = low[words[j - 1][1]:words[j][0]] if j > i else ""
        if j > i and gap.strip(" -") != "":
            break
        if word in UNITS:
            current += UNITS[word]
        elif word in SCALES and (current or used or lead):
            if SCALES[word] == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * SCALES[word]
                current = 0.0
        elif (word == "and" and used and words[j - 1][2] in SCALES and j + 1 < len(words)
              and words[j + 1][2] in UNITS):
            j += 1
            continue
        else:
            break
        used = True
        j += 1
    if not used:
        return None
    return j, total + current


def parse_number(text: str) -> float | None:
    """The value of one written number ("$2,500" -> 2500, "3 grand" -> 3000), else None."""
    stripped = text.strip()
    numbers = find_numbers(stripped)
    if len(numbers) != 1 or numbers[0].text.strip() != stripped:
        return None
    return numbers[0].value
