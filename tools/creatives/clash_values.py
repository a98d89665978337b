"""One measured property given two values that cannot both hold: "full in 90 minutes" / "8 hours".

A value is a number with a unit of one dimension (a duration, a rotation speed) and the
property it measures is named by the words near it: its line's label ("Charging time:") and
the content words just before the number, cut to their stems ("charge", "charging" ->
"charg"). Two clauses that give the same property of the same dimension values whose
intervals do not meet (a range is its interval; "up to 8" is 0-8) cannot both be true.
No list of properties; where the unit itself names the one property a product has (a record's
speed in rpm), the unit is the property. A clause that qualifies its value (options, "or",
modes, "per", "each", "with", a percentage, a condition, another item) or gives two values
of one dimension (a range or a comparison) states no single value of the product.
"""

from __future__ import annotations

import re
from fractions import Fraction

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_values import clauses, label_of
from tools.creatives.clash_heads import stem

__all__ = ["check_values"]

# unit -> (dimension, size in the dimension's base unit)
_UNITS = {
    "seconds": ("time", 1 / 60), "second": ("time", 1 / 60), "secs": ("time", 1 / 60),
    "sec": ("time", 1 / 60), "minutes": ("time", 1.0), "minute": ("time", 1.0),
    "mins": ("time", 1.0), "min": ("time", 1.0), "hours": ("time", 60.0), "hour": ("time", 60.0),
    "hrs": ("time", 60.0), "hr": ("time", 60.0), "h": ("time", 60.0),
    "days": ("time", 1440.0), "day": ("time", 1440.0), "weeks": ("time", 10080.0),
    "week": ("time", 10080.0), "rpm": ("rotation", 1.0),
}
# dimensions whose unit names the one property a product has of it
_UNIT_IS_PROPERTY = frozenset({"rotation"})
_NUM = r"\d+(?:\.\d+)?(?:\s+\d/\d)?"
_VALUE = re.compile(rf"(?<![\w.,/-])(?P<lead>(?:up\s+to|under|less\s+than|within|max(?:imum)?"
                    rf"\.?|at\s+most)\s+)?(?P<a>{_NUM})(?:\s?(?:-|\u2013|to)\s?(?P<b>{_NUM}))?"
                    rf"(?P<plus>\+)?\s?-?(?P<u>{'|'.join(sorted(_UNITS, key=len, reverse=True))})"
                    r"\b(?![-/]\w)", re.IGNORECASE)
# a clause that qualifies its value: it gives one case, an option or another thing's value
_QUALIFIED = re.compile(r"(?i)\b(?:or|either|options?|modes?|settings?|levels?|speeds|per|each|"
                        r"every|with|without|when|if|while|after|before|depending|depends|"
                        r"varies|vary|between|average|avg|typical(?:ly)?|usually|about|approx|"
                        r"approximately|around|roughly|extra|additional|another|other|total|"
                        r"case|dock|standby|sleep|idle|off|on|low|high|medium|max|min|minimum|"
                        r"maximum|turbo|eco|boost|first|initial|than|vs|versus|compared|like|"
                        r"plus|and|&|x|times|up\s+to)\b|%|\d\s?x\b|(?<!\d)/|/(?!\d)")
# words that name no property on their own
_GENERIC = frozenset({"time", "total", "just", "only", "full", "fully", "quick", "fast", "in",
                      "at", "the", "a", "an", "it", "its", "is", "are", "be", "to", "of",
                      "for", "from", "your", "you", "so", "and", "all", "takes", "take",
                      "over", "about", "approx", "set", "ready", "whole", "long",
                      "lasts", "last", "spec", "specs", "note", "info", "box", "details", "this",
                      "that", "product", "item", "one", "our", "we", "any", "usb", "port",
                      "speed", "per", "up"})


def _number(text: str) -> float:
    """'33 1/3' -> 33.33; '8' -> 8.0."""
    whole, _, frac = text.partition(" ")
    return float(whole) + (float(Fraction(frac)) if frac else 0.0)


def _property(clause: str, at: int) -> frozenset[str]:
    """The stems naming what a value at ``at`` measures: its label and the words before it."""
    label = label_of(clause)
    words = re.findall(r"[a-z]+", label.group("label").lower()) if label else []
    lead = clause[label.end() if label and label.end() <= at else 0:at]
    words += re.findall(r"[a-z]+", lead.lower())[-4:]
    return frozenset(stem(w) for w in words if w not in _GENERIC and len(w) >= 3)


def _line(text: str, at: int) -> str:
    """The line or sentence of ``text`` holding offset ``at``."""
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
    ends = [e for e in (text.find("\n", at), text.find(". ", at)) if e >= 0]
    return text[start:min(ends, default=len(text))]


def _values(text: str) -> list[tuple[str, frozenset[str], float, float, str, int]]:
    """(dimension, property, low, high, said, clause start) of each clause's single value."""
    found = []
    for clause, start in clauses(text):
        values = list(_VALUE.finditer(clause))
        dims = [_UNITS[v.group("u").lower()][0] for v in values]
        line = _line(text, start)
        on_line = [_UNITS[v.group("u").lower()][0] for v in _VALUE.finditer(line)]
        for v, dim in zip(values, dims, strict=True):
            if on_line.count(dim) != 1 or _QUALIFIED.search(clause) or v.group("lead") or \
                    v.group("plus") or v.group("b") or "@" in line:
                continue  # "Blade speeds: 78 FPM @ 40 RPM, 108 FPM @ 60 RPM": a list of options
            size = _UNITS[v.group("u").lower()][1]
            value = _number(v.group("a")) * size
            prop = frozenset({dim}) if dim in _UNIT_IS_PROPERTY else _property(clause, v.start())
            if prop:
                found.append((dim, prop, value, value, clause.strip(), start))
    return found


# a count that names its own property: "Single-speed" / "7-speed", "Grit: #1000" / "150 grit"
_COUNT_WORDS = {"single": 1, "one": 1, "two": 2, "dual": 2, "double": 2, "twin": 2, "three": 3,
                "triple": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10}
_N = rf"(?:\d+|{'|'.join(_COUNT_WORDS)})"
_COMPOUND = re.compile(rf"(?i)(?<![\w.,/#-]){_N}-(?P<h>[a-z]{{4,}})\b(?!-)|"
                       rf"^\W*(?P<h3>[a-z]{{4,}}):\s*#?(?P<n3>\d+)\b(?![.,]?\d|\s?[a-z%\"'])")
# heads that count items, options or units, not a property: "2-pack" beside "4-pack"
_ITEM_HEADS = frozenset({"pack", "piece", "pieces", "count", "pairs", "pair", "sets", "packs",
                         "sheets", "pages", "cards", "pcs", "units", "items", "inch", "inches",
                         "feet", "foot", "year", "years", "month", "months", "week", "weeks",
                         "days", "hour", "hours", "minute", "minutes", "seconds", "pound",
                         "pounds", "ounce", "ounces", "gallon", "gallons", "quart", "quarts",
                         "liter", "liters", "litre", "litres", "people", "person", "persons",
                         "players", "player", "colors", "colours", "sizes", "size", "styles",
                         "servings", "serving", "capsules", "tablets", "bags", "rolls", "cups",
                         "times", "meters", "metres", "yards", "watt", "watts", "volt", "volts",
                         "step", "steps", "layer", "layers", "tier", "tiers", "ways", "slots",
                         "pockets", "compartments", "tracks", "songs", "questions", "categories",
                         "ages", "kids", "dogs", "cats", "reeds", "blades", "holes", "lights",
                         "cycles"})


def _counts(text: str) -> list[tuple[str, frozenset[str], float, float, str, int]]:
    """("count", head stem, n, n, clause, start) of each clause's one count of its property."""
    found = []
    pieces = clauses(text)
    name = set(re.findall(r"[a-z]+", pieces[0][0].lower())) if pieces else set()
    for clause, start in pieces:
        if _QUALIFIED.search(re.sub(r"(?i)^\W*[a-z]{4,}:", "", clause)):
            continue
        hits = list(_COMPOUND.finditer(clause))
        if len(hits) != 1 or len(re.findall(r"\d+", clause)) > 1:
            continue
        m = hits[0]
        head = (m.group("h") or m.group("h3")).lower()
        number = re.match(rf"(?i){_N}", m.group(0).lstrip()) if not m.group("h3") else None
        raw = m.group("n3") if m.group("h3") else number.group(0).lower() if number else ""
        if head in _ITEM_HEADS or head.rstrip("s") + "s" in _ITEM_HEADS or not raw:
            continue
        after = re.findall(r"^\s+([a-z]+)", clause[m.end():].lower())
        if after and not set(after) & name:
            continue  # "4-season fly sold separately": another item's count
        value = float(_COUNT_WORDS.get(raw, 0) or raw)
        found.append(("count", frozenset({stem(head)}), value, value, clause.strip(), start))
    return found


def check_values(text: str) -> None:
    """Raise :class:`InvalidRequestError` when one property is given two values."""
    found = _values(text) + _counts(text)
    for i, (dim, prop, lo, hi, said, at) in enumerate(found):
        for dim2, prop2, lo2, hi2, said2, at2 in found[i + 1:]:
            if dim2 == dim and at2 != at and prop & prop2 and \
                    (hi * 1.25 < lo2 or hi2 * 1.25 < lo):
                raise InvalidRequestError(
                    f"the brief contradicts itself: it says {said!r} and also {said2!r}; "
                    f"say which value is true")
