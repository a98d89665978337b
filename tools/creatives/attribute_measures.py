"""The product's measures as a brief states them: length, power, capacity, weight, battery, storage.

"Length: 6 ft (1.8 m)" / "this 3.3ft extension cable" -> length 1829 / 1006 (mm); "Rated
power: 30W" / "Wood Burning Pen Kit 60W" -> power 30 / 60 (W); "Capacity: 1.0 L (34 oz)" /
"this compact 600ml kettle" / "holds 5 gallons of water" / "Water Container 10 L (2.6 gal)"
-> capacity 1000 / 600 / 18925 / 10000 (ml). A measure counts as the product's when a label
names it, when it stands right before the product's noun, when the product "holds" a
volume, or (a capacity, a power) when the name's own clause gives it; never one per piece
("16 oz each"), a part's ("1.5 L water tank"), a range or a packed size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.extraction.types import find_type
from tools.creatives.attribute_values import OPTIONS, Stated, clauses

__all__ = ["head_noun", "measures"]

# a measure: (labels naming it, its units in one base unit)
_MEASURES = {
    "length": (r"length|cable length|cord length|overall length",
               {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4, "inch": 25.4, "inches": 25.4,
                "ft": 304.8, "feet": 304.8, "foot": 304.8}),
    "weight": (r"weight|item weight|net weight|net wt",
               {"g": 1.0, "kg": 1000.0, "oz": 28.35, "lb": 453.6, "lbs": 453.6}),
    "power": (r"power|wattage|rated power|output power", {"w": 1.0, "kw": 1000.0}),
    "capacity": (r"capacity|volume",
                 {"ml": 1.0, "l": 1000.0, "liter": 1000.0, "liters": 1000.0, "litre": 1000.0,
                  "litres": 1000.0, "fl oz": 29.57, "fl. oz": 29.57, "oz": 29.57, "qt": 946.0,
                  "quart": 946.0, "quarts": 946.0, "gal": 3785.0, "gallon": 3785.0,
                  "gallons": 3785.0}),  # no cups: a coffee maker's "12 cups" are 5 oz each
    "battery capacity": (r"battery capacity|battery|capacity", {"mah": 1.0, "ah": 1000.0}),
    "storage": (r"storage|capacity|memory", {"gb": 1.0, "tb": 1000.0}),
    "screen size": (r"screen size|screen|display size|display",
                    {"in": 25.4, "inch": 25.4, "inches": 25.4, '"': 25.4, "cm": 10.0}),
}
# measures a name may give: "Kit 60W", "Power Bank 10000mAh", "Flash Drive 64GB"; not what it
# takes at most ("Dash Cam, supports up to 256GB")
_NAMED_IN_NAME = ("capacity", "power", "battery capacity", "storage")
_AT_MOST = re.compile(r"(?i)\b(?:up\s+to|supports?|max\.?|maximum|expandable|for)\s+$")
_NOT_OWN = re.compile(r"(?i)\s*(?:each|per|apiece|total|x\s*\d|=\s*\d|[-\u2013~]\s*\d|to\s+\d|"
                      r"(?:water\s+)?(?:tank|reservoir|container|cup|jar|bowl)s?\b)")


def _value(units: dict[str, float]) -> str:
    """A number and one of ``units`` ("1.0 L", "3.3ft", "34 oz")."""
    names = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    return rf"(?P<n>\d+(?:,\d{{3}})*(?:\.\d+)?)\s?(?P<u>{names})(?![\w/])\.?"


# a lead that makes a measure the package's or another product's
_ANOTHER = re.compile(r"(?i)\b(?:package|packaging|packed|shipping|carton|other|others|than|vs|"
                      r"versus|compared|unlike|regular|ordinary|traditional)\b")
# words before a measure's label that keep it the product's own ("Total weight: 2 lbs")
_OWN_LEAD = frozenset({"total", "overall", "item", "product", "net", "approx", "unit", "rated",
                       "actual", "the", "its", "and", "with", "in", "of", "a"})


def _stated(kind: str, m: re.Match[str], text: str) -> Stated | None:
    """The product's measure a match states, unless a qualifier after it says otherwise."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", text[:m.start()])
    if _NOT_OWN.match(text, m.end()) or before is not None and re.match(r"(?i)[a-z]", m.group(0)) \
            and before.group(1).lower() not in _OWN_LEAD:
        return None  # "Max user weight: 300 lbs", "Packed weight 9 lbs": another thing's
    lead = re.split(r"[.!?]\s|\n|[,;|]", text[max(0, m.start() - 60):m.start()])[-1]
    if _ANOTHER.search(lead):
        return None  # "Package size / length: 160 mm", "than the other 48W gel lamp"
    units = _MEASURES[kind][1]
    unit = re.sub(r"\s+", " ", m.group("u").lower())
    base = float(m.group("n").replace(",", "")) * units[unit]
    return Stated(kind, base, m.group(0).strip(" -\u2013,;|\n\u2022"), m.start())


def head_noun(text: str) -> str | None:
    """The product's head noun, from its type or else the brief's first clause."""
    found = find_type(text, fallback=False)
    if found is not None:
        return text[found[1]:found[2]].split()[-1]
    name = re.split(r"[,;:.\n(]", text, maxsplit=1)[0].split()
    return name[-1] if name else None


def _matches(kind: str, text: str, noun: str | None) -> Iterator[re.Match[str]]:
    """Where ``text`` states the product's ``kind``: labelled, before its noun, held, named."""
    labels, units = _MEASURES[kind]
    value = _value(units)
    yield from re.finditer(rf"(?i)\b(?:{labels})\s*:?\s*(?:of\s+)?(?:approx\.?\s*)?{value}",
                           text)
    if noun and kind != "screen size":  # a screen says it is one ("7 in. screen")
        yield from re.finditer(rf"(?i)(?<![x\u00d7]\s)(?<![\w./]){value}[ \t]+(?:[a-z-]+[ \t]+)?"
                               rf"{re.escape(noun)}\b", text)  # "1/2 Gallon" is no 2 gallons
    if kind == "screen size":  # "7 in. HD touch screen": the screen names itself
        yield from re.finditer(rf"(?i)(?<![\w.]){value}\s+(?:(?:HD|FHD|IPS|LCD|LED|OLED|color|"
                               rf"colour|touch)\s+)*(?:screen|display)\b", text)
    if kind == "capacity":
        yield from re.finditer(rf"(?i)(?:^|[-\u2013,;|\n\u2022]\s*|\.\s+)holds?\s+(?:up\s+to\s+)?"
                               rf"{value}", text)
        yield from re.finditer(rf"(?i)(?<![\w.]){value}\s+capacity\b", text)  # "2 qt capacity"
    name, _ = clauses(text)[0] if text.strip() else ("", 0)
    if kind in _NAMED_IN_NAME and not OPTIONS.search(name) and not re.search(
            rf"(?i)\b(?:{labels})\b", name):
        first = re.search(rf"(?i)(?<![\w./]){value}", name)  # "Kit 60W", "Container 10 L"
        if first is not None and not _AT_MOST.search(name[:first.start()]):
            yield first


def measures(text: str) -> list[Stated]:
    """Every measure of :data:`_MEASURES` the brief states of the product."""
    noun = head_noun(text)
    found: dict[tuple[str, int], Stated] = {}
    for kind in _MEASURES:
        for m in _matches(kind, text, noun):
            stated = _stated(kind, m, text)
            if stated is not None:
                found.setdefault((kind, m.start("n")), stated)
    return list(found.values())
