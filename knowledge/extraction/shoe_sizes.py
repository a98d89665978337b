"""Shoe sizes a title gives in its size systems: "14.0 M US", "11US 45EU", "US Women 7/US Men 6".

``sizes`` reads a shoe size that closes a title part ("..., 9 M US"); a title that names the
size mid-way, in two systems or for two wearers ("Dark Gray/Aqua W8-8.5/M7") is read here.
Only a title that names the US system (or a "W8/M7" women's / men's pair) is read, so
"Cobalt M42 Drill Bit" and "M18 FUEL" stay model names.
"""

from __future__ import annotations

import re

Mention = tuple[str, int, int]

_NUMBER = r"(\d{1,2}(?:\.[05])?)"
# "14.0 M US", "11US", "6.5 M US Big Kid", "9 D(M) US"; not "3 US gallons", "8 US Women" or
# the UK size of "UK 5 US 7.5"
_BEFORE_US = re.compile(rf"(?<![\w.-])(?<!UK ){_NUMBER}\s*"
                        r"(?:(?:M|W|B|D|EE|2E|4E|XW|Wide|Medium)\s*)?(?:\(M\)\s*)?US\b(?!\s*(?:gallons?|oz|quarts?|Women|Men)\b)",
                        re.IGNORECASE)
# "US Women 7", "US Men's 6", "US12"
_AFTER_US = re.compile(rf"\bUS\s*(?:(?:Women|Men)(?:'?s)?\s*)?{_NUMBER}(?![\w.])"
                       r"(?!\s*(?:oz|gallons?|inch(?:es)?|in\b|[\"”]))", re.IGNORECASE)
# "45EU", "(39 EU)": the European size beside the US one
_EU = re.compile(rf"(?<![\w.]){_NUMBER}\s*EU\b", re.IGNORECASE)
# "W8-8.5/M7": a women's size (or span) and a men's size of one unisex shoe
_PAIR = re.compile(r"(?<![\w])W(\d{1,2}(?:\.5)?)(?:-(\d{1,2}(?:\.5)?))?/M(\d{1,2}(?:\.5)?)"
                   r"(?![\w.])")
_US = re.compile(r"\bUS\b|\d(?:US)\b")


def _plain(number: str) -> str:
    """"14.0" -> "14", "07" -> "7": a shoe size as labellers write it."""
    number = number[:-2] if number.endswith(".0") else number
    return number.lstrip("0") or "0"


def shoe_sizes(title: str) -> list[Mention]:
    """Shoe sizes the title names in the US or EU system or as a women's / men's pair."""
    found: list[Mention] = []
    for m in _PAIR.finditer(title):
        women = m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")
        found.append((women, m.start(1), m.end(2) if m.group(2) else m.end(1)))
        found.append((_plain(m.group(3)), m.start(3), m.end(3)))
    if not _US.search(title):
        return found
    for pattern in (_BEFORE_US, _AFTER_US, _EU):
        found.extend((_plain(m.group(1)), m.start(1), m.end(1)) for m in pattern.finditer(title))
    return found
