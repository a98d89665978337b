r"""A brief's title and its labelled spec lines, each line's label mapped to an attribute family.

"CAST IRON SKILLET 10 INCH\n...\nMaterial: tri-ply stainless steel" has the title "CAST IRON
SKILLET 10 INCH" and a material line whose value is "tri-ply stainless steel, ...". A label
maps to a family only when it names the whole product's attribute ("Material:", "Net
contents:", "Item weight:", "Battery life (single charge):"); a label that names a part
("Lining:", "Sole:", "Handle:", "Seat & legs:", "Frame material:") or options ("Colours:",
"Sizes:") maps to none. Read by :mod:`tools.creatives.clash_title_specs`.

Amounts are read with their units into one scale per family (ml, g, mm, hours, months), with
number words ("twenty-five liters") and fractions ("1/2 in").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["AMOUNT_UNITS", "FAMILIES", "NUMBER", "Spec", "amounts", "number", "spec_lines",
           "title_span"]

MATERIAL, COLOUR, SIZE, COUNT, VOLUME, WEIGHT, TIME, AGE, CONNECTION, WATER, MEASURE, POWER = (
    "material", "colour", "size", "count", "volume", "weight", "time", "age", "connection",
    "water resistance", "measure", "power")
FAMILIES = {
    MATERIAL: ("material", "materials", "main material", "product material", "material type",
               "body material", "fabric", "fabric type", "composition", "construction",
               "metal", "metal type", "spec", "specs", "specifications"),
    COLOUR: ("colour", "color", "colour name", "color name", "finish colour", "finish color",
             "colourway", "colorway", "shade"),
    SIZE: ("size", "dimensions", "product dimensions", "item dimensions", "overall size",
           "overall dimensions", "measures", "bed size", "fits", "paper size", "tag size", "dims",
           "page size", "sheet size"),
    COUNT: ("package contains", "package includes", "package contents", "includes",
            "what's in the box", "what’s in the box", "in the box", "contents", "quantity",
            "count", "pieces", "piece count", "pack size", "you get", "set includes", "qty",
            "what you get"),
    VOLUME: ("capacity", "volume", "net contents", "net volume", "total capacity"),
    WEIGHT: ("weight", "item weight", "net weight", "net wt", "product weight", "weighs"),
    TIME: ("battery life", "run time", "runtime", "playtime", "play time", "playing time",
           "lighting time", "working time", "burn time"),
    AGE: ("age", "ages", "age range", "recommended age", "suitable for", "suitable ages"),
    CONNECTION: ("connection", "connectivity", "connection type", "connectivity technology"),
    POWER: ("power", "power source", "power supply", "power type", "powered by"),
    WATER: ("water resistance", "water resistant", "waterproof", "waterproof rating",
            "water rating"),
}
_FAMILY_OF = {label: family for family, labels in FAMILIES.items() for label in labels}
# "Measures 3 ft x 5 ft", "Net wt 12 lbs": a spec head without a colon
_BARE_HEADS = ("measures", "net wt", "net weight", "weighs", "includes", "contains", "tag size",
               "suitable for")
# "Drive size: 3/8 in", "Blade length: 10 in": one named thing's measure
_NAMED = re.compile(r"(?P<noun>[a-z]+) (?:size|length|diameter)|(?P<noun2>diameter)")
_LINE = re.compile(
    r"(?im)(?:^|(?<=[.!?;|]\s))[ \t]*[-*\u2022>]?[ \t]*"
    r"(?P<label>[A-Za-z][A-Za-z &'\u2019]{1,30}?)\.?[ \t]*(?:\((?P<note>[^)\n]{0,30})\)[ \t]*)?"
    r"(?::|[ \t][-\u2013\u2014][ \t]|(?<=measures)[ \t]|(?<=net wt)[ \t]|(?<=weighs)[ \t]|"
    r"(?<=includes)[ \t]|(?<=contains)[ \t]|(?<=tag size)[ \t]|(?<=suitable for)[ \t])"
    r"[ \t]*(?P<value>(?:[^\n.;|!?]|\.(?=\d))+)")


@dataclass(frozen=True)
class Spec:
    """One labelled line: its family, the line as written, its value and where the line starts."""

    family: str
    line: str
    value: str
    start: int
    noun: str = ""  # the thing a named measure is of: "drive" in "Drive size: 3/8 in"


def title_span(text: str) -> tuple[int, int]:
    """Where the title is: the first line's first sentence (a decimal point ends nothing).

    A labelled segment after ";" or "|" ("Tee, Size L | Tag size: S") is no part of the title.
    """
    end = re.search(r"\n|[.!?](?=\s|$)|\s*[;|]\s*(?=[A-Za-z][A-Za-z &'\u2019]{1,30}:)", text)
    return 0, end.start() if end else len(text)


_PRODUCT_LABEL = re.compile(r"(?P<noun>[a-z]+) (?P<kind>material|colou?r|capacity|weight|"
                            r"dims|dimensions)")
_HEAD_END = re.compile(r"(?i),|\s[-\u2013\u2014]\s|\b(?:with|w/|for|fits|plus)(?!\w)")


_LIGHTS = re.compile(r"(?i)lamp|light|lantern|sconce|chandelier|pendant|fixture")


def _title_head(title: str) -> str:
    """The title's product phrase, up to its first comma, dash, "with" or "for"."""
    cut = _HEAD_END.search(title)
    return title[:cut.start()] if cut else title
_SETS = frozenset({"set", "pack", "kit", "bundle", "pair", "piece", "pc", "pcs"})


def _product_label(label: str, title: str) -> str | None:
    """The family of a label naming the product by its own noun ("Bowl material" for a dog bowl).

    The noun must be a word of the title's head phrase, so a part's label ("Crock capacity" for
    a slow cooker, "Seat material" for a chair with a mesh seat) maps to none.
    """
    m = _PRODUCT_LABEL.fullmatch(label)
    head = re.sub(r"\d[\d./]*\s*[A-Za-z]{0,6}\.?", " ", _title_head(title))
    words = [w.lower().removesuffix("s") for w in re.findall(r"[A-Za-z]+", head)]
    while len(words) > 1 and words[-1] in _SETS:
        words.pop()  # "Duvet cover set": the cover is what the set is of
    if m is None or not words or m.group("noun").removesuffix("s") != words[-1] or \
            re.search(r"(?i)\b(?:and|or)\b|&", head):
        return None
    return _FAMILY_OF.get(m.group("kind")) or _FAMILY_OF.get(m.group("kind").replace("u", ""))


def spec_lines(text: str) -> list[Spec]:
    """Every labelled line or sentence of the brief whose label names a whole-product family.

    The title is never a spec line ("Fitted sheet - King" is a title, not a label).
    """
    found = []
    title_end = title_span(text)[1]
    for m in _LINE.finditer(text):
        label = re.sub(r"\s+", " ", m.group("label").strip().lower())
        named = _NAMED.fullmatch(label)
        family = _FAMILY_OF.get(label) or (MEASURE if named else None) or \
            _product_label(label, text[:title_end])
        if family is None or m.start("label") < title_end or \
                (label == "shade" and _LIGHTS.search(_title_head(text[:title_end]))):
            continue  # a lamp's "Shade:" is its lampshade, a part
        between = text[m.end("label"):m.start("value")]
        if label == "suitable for" and ":" not in between and not re.search(
                r"(?i)\b(?:years?|yrs?|months?|mos?)\b", m.group("value")):
            continue  # "Suitable for 2-4 players", "suitable for dishwashers": no age
        if label in _BARE_HEADS or re.search(r"[:\u2013\u2014-]", between):
            found.append(Spec(family, m.group(0).strip(" \t-*\u2022>"), m.group("value").strip(),
                              m.start("label"),
                              (named.group("noun") or named.group("noun2")) if named else ""))
    return found


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                 "fourteen": 14, "fifteen": 15, "sixteen": 16, "eighteen": 18, "twenty": 20,
                 "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100,
                 "half": 0.5, "a dozen": 12, "dozen": 12, "a pair of": 2, "a single": 1}
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER = (rf"(?:\d+\s+\d+/\d+|\d+-\d+/\d+|\d+/\d+|\d+(?:\.\d+)?|{_TENS}[\s-]{_ONES}|"
          rf"{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})")


def number(word: str) -> float:
    """A number as written: "12", "4.2", "1/2", "2-1/2", "twenty-five", "six"."""
    low = word.lower().strip()
    mixed = re.fullmatch(r"(\d+)[\s-]+(\d+)/(\d+)", low)
    if mixed:
        return int(mixed.group(1)) + int(mixed.group(2)) / int(mixed.group(3))
    if re.fullmatch(r"\d+/\d+", low):
        top, bottom = low.split("/")
        return int(top) / int(bottom)
    compound = re.fullmatch(rf"({_TENS})[\s-]({_ONES})", low)
    if compound:
        tens = _NUMBER_WORDS.get(compound.group(1)) or _TENS_VALUE[compound.group(1)]
        return tens + _NUMBER_WORDS[compound.group(2)]
    return float(_NUMBER_WORDS[low]) if low in _NUMBER_WORDS else float(low)


_TENS_VALUE = {"seventy": 70, "eighty": 80, "ninety": 90}
AMOUNT_UNITS = {
    VOLUME: {r"fl\.?\s?oz|fluid\s+ounces?|oz|ounces?": 29.5735,
             r"ml|milliliters?|millilitres?": 1.0,
             r"l|liters?|litres?": 1000.0, r"qt|quarts?": 946.353, r"gal|gallons?": 3785.41,
             r"cups?": 236.6},
    WEIGHT: {r"lbs?|pounds?": 453.592, r"kg|kilograms?|kilos?": 1000.0, r"g|grams?": 1.0,
             r"oz|ounces?": 28.3495},
    TIME: {r"hours?|hrs?|h": 1.0, r"minutes?|mins?": 1 / 60},
    AGE: {r"months?|mos?|m": 1.0, r"years?|yrs?|y": 12.0},
    MEASURE: {r"inch(?:es)?|in|\"": 25.4, r"mm|millimeters?": 1.0, r"cm|centimeters?": 10.0,
              r"ft|feet|foot": 304.8},
}


def amounts(text: str, family: str) -> list[tuple[float, int, int]]:
    """Each amount of ``family`` in ``text``, in its base unit, with its span.

    "Weight: 3 lb 8 oz" is one amount; a range ("12-40 lb") is two.
    """
    units = AMOUNT_UNITS[family]
    pattern = re.compile(rf"(?i)(?<![\w.,/-])(?P<n>{NUMBER})\s?-?(?P<u>{'|'.join(units)})\.?"
                         r"(?![A-Za-z0-9])")
    found: list[tuple[float, int, int]] = []
    for m in pattern.finditer(text):
        factor = next(f for u, f in units.items() if re.fullmatch(rf"(?i){u}", m.group("u")))
        value = number(m.group("n")) * factor
        if found and family == WEIGHT and 0 <= m.start() - found[-1][2] <= 1 and factor < 100:
            before = found.pop()  # "3 lb 8 oz": one weight
            found.append((before[0] + value, before[1], m.end()))
        else:
            found.append((value, m.start(), m.end()))
    return found

