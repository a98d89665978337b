"""Quantities as merchants write them: "750ml", "18 x 12 inches", "sizes 8-13", "set of 5".

:func:`find_quantities` returns every quantity in a text with its kind (capacity, weight,
dimension, power, duration, temperature, rating, count, size_range), the surface string
exactly as written, its character span, the first number's value and the unit normalised
("inches" -> "in"). Patterns are tried from the most specific (x-dimensions, ranges) to the
least (a bare number before a plural noun), and a span once taken is never re-read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+/\d+|\d+(?:\.\d+)?)"
UNITS: dict[str, tuple[str, tuple[str, ...]]] = {
    # kind, (normalised unit, surface forms)
    "ml": ("capacity", ("ml", "milliliters?", "millilitres?")),
    "l": ("capacity", ("l", "liters?", "litres?", "ltr")),
    "fl oz": ("capacity", (r"fl\.?\s?oz", "fluid ounces?")),
    "gal": ("capacity", ("gallons?", "gal")),
    "qt": ("capacity", ("quarts?", "qt")),
    "mah": ("capacity", ("mah",)),
    "gb": ("capacity", ("gb", "tb")),
    "kg": ("weight", ("kg", "kilograms?", "kilos?")),
    "g": ("weight", ("g", "grams?")),
    "lb": ("weight", ("lbs?", "pounds?")),
    "oz": ("weight", ("oz", "ounces?")),
    "mm": ("dimension", ("mm", "millimeters?", "millimetres?")),
    "cm": ("dimension", ("cm", "centimeters?", "centimetres?")),
    "m": ("dimension", ("m", "meters?", "metres?")),
    "in": ("dimension", ("inch(?:es)?", "in", '"', "\u2033")),
    "ft": ("dimension", ("ft", "feet", "foot", "'")),
    "w": ("power", ("w", "watts?", "kw")),
    "v": ("power", ("v", "volts?")),
    "a": ("power", ("a", "amps?")),
    "h": ("duration", ("hours?", "hrs?", "h")),
    "min": ("duration", ("minutes?", "mins?")),
    "s": ("duration", ("seconds?", "secs?")),
    "day": ("duration", ("days?",)),
    "week": ("duration", ("weeks?",)),
    "month": ("duration", ("months?", "mos?")),
    "year": ("duration", ("years?", "yrs?")),
    "f": ("temperature", ("\u00b0\\s?f", "f", "degrees?\\s?f(?:ahrenheit)?")),
    "c": ("temperature", ("\u00b0\\s?c", "c", "degrees?\\s?c(?:elsius)?")),
    "%": ("rating", ("%", "percent")),
    "lm": ("rating", ("lumens?", "lm")),
    "db": ("rating", ("db",)),
    "pa": ("rating", ("pa",)),
    "gsm": ("rating", ("gsm",)),
    "dpi": ("rating", ("dpi",)),
    "hz": ("rating", ("ghz", "mhz", "hz")),
    "kmh": ("rating", ("km/h", "mph", "kph")),
    "atm": ("rating", ("atm",)),
    "deg": ("rating", ("degrees?",)),
}
_TIGHT = {"f", "c", "a", "v", "m", "g", "l", "h", "w", "s"}  # one-letter forms: no space before
_LOOSE_FORMS = {"in", "'", '"', "\u2033"}


def _unit_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    forms: list[tuple[str, str]] = []
    for unit, (_kind, surfaces) in UNITS.items():
        forms += [(s, unit) for s in surfaces]
    forms.sort(key=lambda f: -len(f[0]))
    alternation = "|".join(f"(?P<u{i}>{s})" for i, (s, _u) in enumerate(forms))
    names = {f"u{i}": u for i, (_s, u) in enumerate(forms)}
    return re.compile(rf"(?:{alternation})(?![a-z0-9])", re.IGNORECASE), names


_UNIT, _UNIT_NAMES = _unit_pattern()


@dataclass(frozen=True)
class Quantity:
    """One quantity: its kind, its surface text and span, first value and normalised unit."""

    kind: str
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None


def number_value(text: str) -> float | None:
    """The value of a number as written ("1,200" -> 1200, "3/4" -> 0.75)."""
    text = text.replace(",", "")
    try:
        if "/" in text:
            top, bottom = text.split("/", 1)
            return float(top) / float(bottom)
        return float(text)
    except (ValueError, ZeroDivisionError):
        return None


def _unit_at(text: str, pos: int) -> tuple[str, int] | None:
    """The unit that starts at ``pos`` (after optional space or hyphen): (unit, end)."""
    gap = re.match(r"[ \t]?-?[ \t]?", text[pos:])
    start = pos + (gap.end() if gap else 0)
    m = _UNIT.match(text, start)
    if not m:
        return None
    unit = _UNIT_NAMES[next(k for k, v in m.groupdict().items() if v is not None)]
    spaced = start > pos
    surface = m.group(0).lower()
    if spaced and (surface in _TIGHT or surface in _LOOSE_FORMS and surface != "in"):
        return None
    if unit == "in" and m.group(0).lower() == "in" and re.match(r"\s+\d", text[m.end():]):
        return None  # "5 in 1", "2 in 3 people"
    return unit, m.end()


SPECIAL: list[tuple[str, str]] = [
    ("dimension", rf"{NUM}(?:\s?(?:in|inch(?:es)?|cm|mm|ft|\"))?\s?[x\u00d7]\s?{NUM}"
                  rf"(?:\s?[x\u00d7]\s?{NUM})?\s?(?:inch(?:es)?|in|cm|mm|ft|m|\"|')(?![a-z])"),
    ("range", rf"{NUM}\s?(?:-|\u2013|to)\s?{NUM}"),
    ("size_range", r"\bsizes?\s+(?:\d[A-Z0-9.]{0,3}|[XSML]{1,4})"
                   r"(?:\s?(?:-|\u2013|to)\s?(?:\d[A-Z0-9.]{0,3}|[XSML]{1,4}))?"
                   r"(?![\w-])(?!\s?/)"),
    ("size_range", r"\b(?:toddler|youth|little kid|big kid)\s+\d+(?:\.\d)?\s?(?:-|to)\s?"
                   r"(?:toddler|youth|little kid|big kid)?\s?\d+(?:\.\d)?\b"),
    ("size_range", r"\b(?:twin xl|twin|queen|california king|king|a[3-6])(?![\w-])"),
    ("count", rf"\b(?:set|pack|box|bundle|case|kit|lot) of {NUM}\b"),
    ("count", rf"\b{NUM}[- ]?(?:pack|pk|piece|pc|pcs|count|ct|pairs?|person|sheets?)\b"),
    ("rating", r"\bspf\s?\d+\b|\bipx?\d{1,2}\b|\b\d{1,2}k(?:@\d+hz)?\b|\b\d+:\d+ scale\b"
               r"|\bages?\s\d+\s?\+|\b\d+\s?\+?\s?thread count\b"),
]
_COUNT = re.compile(rf"(?<![\w.,/]){NUM}\+?\s(?:(?:[a-z][\w-]*)\s){{0,2}}?[a-z][\w-]*[^s\W]s\b",
                    re.IGNORECASE)
_NUMBER = re.compile(rf"(?<![\w.,/]){NUM}")
_STOP_AFTER = {"and", "or", "with", "for", "to", "of", "the", "a", "in", "on", "each", "per"}


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order, spans not overlapping."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    def add(kind: str, start: int, end: int, unit: str | None) -> None:
        surface = text[start:end]
        first = _NUMBER.search(surface)
        value = number_value(first.group(0)) if first else None
        found.append(Quantity(kind, surface, start, end, value, unit))
        taken.append((start, end))

    for kind, pattern in SPECIAL:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            if not free(m.start(), m.end()):
                continue
            if kind == "range":
                unit = _unit_at(text, m.end())
                if unit is None:
                    continue
                add(UNITS[unit[0]][0], m.start(), unit[1], unit[0])
            else:
                add(kind, m.start(), m.end(), None)
    for m in _NUMBER.finditer(text):
        if not free(m.start(), m.end()):
            continue
        unit = _unit_at(text, m.end())
        if unit is not None and free(m.start(), unit[1]):
            add(UNITS[unit[0]][0], m.start(), unit[1], unit[0])
    for m in _COUNT.finditer(text):
        words = m.group(0).split()
        if free(m.start(), m.end()) and not _STOP_AFTER & {w.lower() for w in words[1:]}:
            add("count", m.start(), m.end(), None)
    for m in _NUMBER.finditer(text):
        if free(m.start(), m.end()):
            add("number", m.start(), m.end(), None)
    return sorted(found, key=lambda q: q.start)
