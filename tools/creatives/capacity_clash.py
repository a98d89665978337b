"""Two capacities for the same product: "Capacity: 1.0 L" beside "this compact 600ml kettle".

The same quantity of the same thing stated twice with different values is a contradiction.
Values are compared in millilitres with rounding allowed ("1 L" and "34 oz" agree); only
the product's own capacity is read: a "Capacity:"/"Volume:" value, or a volume written
right before the product's noun ("600ml kettle").
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from knowledge.extraction.types import find_type

__all__ = ["check_capacity"]

_ML = {"ml": 1.0, "l": 1000.0, "liter": 1000.0, "litre": 1000.0, "fl oz": 29.57,
       "oz": 29.57, "qt": 946.0, "quart": 946.0, "gal": 3785.0, "gallon": 3785.0,
       "cup": 240.0}
_VOLUME = (r"(?P<n>\d+(?:\.\d+)?)\s?(?P<u>ml|l|liters?|litres?|fl\.?\s?oz|oz|qt|quarts?|"
           r"gal(?:lons?)?|cups?)\b")
_LABELLED = re.compile(rf"(?i)\b(?:capacity|volume)\s*:?\s*(?:of\s+)?{_VOLUME}")
_TOLERANCE = 0.12  # "1.0 L (34 oz)": 1005 ml against 1000 ml is rounding


def _millilitres(m: re.Match[str]) -> float:
    """The volume of a match of ``_VOLUME`` in millilitres."""
    unit = re.sub(r"[.\s]+", " ", m.group("u").lower()).rstrip("s")
    unit = "fl oz" if unit.startswith("fl") else unit
    return float(m.group("n")) * _ML[unit]


def check_capacity(text: str) -> None:
    """Raise :class:`InvalidRequestError` when the product's capacity is given twice, unequal."""
    found = find_type(text)
    stated = list(_LABELLED.finditer(text))
    if not stated:  # "500 ml bottle and 1 L bottle" may be a set: only a labelled value clashes
        return
    if found:
        noun = re.escape(text[found[1]:found[2]].split()[-1])
        stated += list(re.finditer(rf"(?i)(?<![\w.]){_VOLUME}\s+{noun}\b", text))
    values = [(m, _millilitres(m)) for m in stated if not _OF_EACH.match(text, m.end())]
    for i, (a, va) in enumerate(values):
        for b, vb in values[i + 1:]:
            if abs(va - vb) > _TOLERANCE * max(va, vb):
                raise InvalidRequestError(
                    f"the brief contradicts itself: it gives the capacity as "
                    f"{text[a.start('n'):a.end('u')]!r} and as {text[b.start('n'):b.end('u')]!r}; "
                    "say which is right")


_OF_EACH = re.compile(r"(?i)\s*(?:each|per)\b")
