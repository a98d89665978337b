"""The product's specs as a brief states them: size, voltage, count per pack, sizes it fits.

"hallway runner rug 2 ft. x 6 ft." / "Size: 2.5 ft. x 8 ft." -> size (1829, 610) / (2438, 762)
(mm, largest first); "Voltage: 110V~60Hz" / "220-240V only" -> voltage 110-110 / 220-240;
"24 sets per pack" / "Qty: 12 sets per pack" -> per pack (sets) 24 / 12; "fits women's shoe
sizes 5-9" / "one size fits all (men's & women's 5-13)" -> women's sizes 5-9 / 5-13. Read per
clause as the other attributes are: a size only on a size label or in the name's clause, never
folded, packed, inner, a part's or one of several; a voltage only on a voltage or input label
or with "only", never a negated one ("NOT for use with 110V"), an output, a battery's or an
adapter's; ranges of one audience in a size chart (several in one clause) never.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from tools.creatives.attribute_values import OPTIONS, Stated, label_of, said_of_product

__all__ = ["SPEC_READERS", "overlap"]

_MM = {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4, "inch": 25.4, "inches": 25.4, '"': 25.4,
       "ft": 304.8, "feet": 304.8, "foot": 304.8, "'": 304.8, "yd": 914.4, "yds": 914.4}
_N = r"\d+(?:\.\d+)?(?:-\d+/\d+|/\d+)?"
_U = r"(?:mm|cm|m|inches|inch|in|ft|feet|foot|yds?|\"|')"
_DIMS = re.compile(rf"(?i)(?<![\w./-])(?P<a>{_N})\s?(?P<ua>{_U})?\.?\s?[x\u00d7*]\s?(?P<b>{_N})\s?"
                   rf"(?P<ub>{_U})?\.?(?:\s?[x\u00d7*]\s?(?P<c>{_N})\s?(?P<uc>{_U})?\.?)?(?![\w/])")
_SIZE_LABELS = frozenset({"size", "dimensions", "dimension", "dims", "overall size",
                          "overall dimensions", "measures", "product size", "item size"})
_NOT_OVERALL = re.compile(r"(?i)\b(?:fold(?:s|ed)?|pack(?:s|ed)|compress(?:es|ed)?|closed|opens?|"
                          r"extends?|expands?|finished|fabric|design|print|image|fits?|for|up to|"
                          r"max|min|holds?|opening|inside|interior|inner|outer|each|per|sheet|"
                          r"page|paper|letter|legal|a4|sizes|select|available|tanks?|screen)\b")


def _number(text: str) -> float:
    """"2", "2.5", "1-5/8" or "3/4" as a number."""
    whole, _, part = text.partition("-")
    return float(sum(Fraction(p) for p in ([whole, part] if part else [whole])))


def _size(clause: str, start: int) -> Iterator[Stated]:
    """The product's overall size: "Size: 2.5 ft. x 8 ft.", or in its name "rug 2 ft. x 6 ft."."""
    m = _DIMS.search(clause)
    if m is None or OPTIONS.search(clause) or _NOT_OVERALL.search(clause):
        return
    label = label_of(clause[:m.start()])
    named = label is not None and label.group("label").strip().lower() in _SIZE_LABELS
    if not named and (start != 0 or label is not None):
        return  # only a size label, or the name's own clause, says the product's size
    if named and not said_of_product(clause, m.start(), _SIZE_LABELS, frozenset({"approx",
                                                                              "approx.", "about"})):
        return
    last = next((u for u in (m.group("uc"), m.group("ub"), m.group("ua")) if u), None)
    if last is None:
        return
    parts = [(m.group(k), m.group("u" + k) or last) for k in "abc" if m.group(k)]
    mm = tuple(sorted((_number(n) * _MM[u.lower()] for n, u in parts), reverse=True))
    yield Stated("size", mm, m.group(0).strip(), start + m.start())


_VOLTS = re.compile(r"(?i)(?<![\w.-])(?P<lo>\d+(?:\.\d+)?)\s?(?:-|to|~|\u2013)?\s?(?:V\s?-?\s?)?"
                    r"(?P<hi>\d+(?:\.\d+)?)?\s?V(?:AC|olts?)?\b")
_VOLT_LABELS = frozenset({"voltage", "rated voltage", "input voltage", "input", "power supply",
                          "mains", "plug"})
_PART_VOLTS = re.compile(r"(?i)\b(?:output|battery|batteries|cells?|adapter|charger|car|usb|"
                         r"max|dc|li-ion|lithium)\b")


def _voltage(clause: str, start: int) -> Iterator[Stated]:
    """The mains voltage the product takes: "Voltage: 110V~60Hz", "220-240V only"."""
    if _PART_VOLTS.search(clause):
        return
    for m in _VOLTS.finditer(clause):
        if re.search(r"(?i)\bnot\b", clause[:m.start()]):
            continue  # "NOT for use with 110V outlets": what it does not take
        label = label_of(clause[:m.start()])
        named = label is not None and label.group("label").strip().lower() in _VOLT_LABELS
        only = re.match(r"\s*only\b", clause[m.end():], re.IGNORECASE) is not None
        if named or only:
            lo = float(m.group("lo"))
            hi = float(m.group("hi")) if m.group("hi") else lo
            yield Stated("voltage", (min(lo, hi), max(lo, hi)), m.group(0).strip(),
                         start + m.start())
            return


_PER_PACK = re.compile(r"(?i)(?<![\w./-])(?P<n>\d+)\s+(?P<w>[a-z]+)\s+(?:per|a|in each|each)\s+"
                       r"(?P<c>pack|box|set|bag|case|package|roll|bundle)\b")


def _per_pack(clause: str, start: int) -> Iterator[Stated]:
    """How many of a thing one pack holds: "24 sets per pack", "Qty: 12 sets per pack"."""
    if OPTIONS.search(clause) or re.search(r"(?i)\bup to\b", clause):
        return
    for m in _PER_PACK.finditer(clause):
        noun = m.group("w").lower().rstrip("s")
        yield Stated(f"{noun}s per {m.group('c').lower()}", float(m.group("n")),
                     m.group(0).strip(), start + m.start())


_AUDIENCE_RANGE = re.compile(r"(?i)\b(?P<who>women|men|kids|youth|boys|girls)'?s?'?\s+"
                             r"(?:(?:&|and)\s+(?P<who2>women|men|kids|youth|boys|girls)'?s?'?\s+)?"
                             r"(?:(?:us\s+)?shoe\s+)?(?:sizes?\s+)?(?:us\s+)?"
                             r"(?P<lo>\d+(?:\.\d+)?)\s?(?:-|to|\u2013)\s?(?P<hi>\d+(?:\.\d+)?)\b")


_SIZE_NAME = re.compile(r"\b(?:X{0,3}S|M|X{0,3}L|\dXL|S/M|M/L|L/XL)\b")


def _audience_sizes(clause: str, start: int) -> Iterator[Stated]:
    """The sizes one audience fits: "fits women's shoe sizes 5-9", "(men's & women's 5-13)"."""
    found = list(_AUDIENCE_RANGE.finditer(clause))
    if not re.search(r"(?i)\bsizes?\b", clause) or OPTIONS.search(clause) or _SIZE_NAME.search(
            clause):
        return  # "Women's sizes 5-7 (S)": one line of a size chart
    whose = [w.lower() for m in found for w in (m.group("who"), m.group("who2")) if w]
    if len(whose) != len(set(whose)):
        return  # a size chart: one audience in several sizes
    for m in found:
        for who in (m.group("who"), m.group("who2")):
            if who:
                yield Stated(f"{who.lower()}'s sizes", f"{m.group('lo')}-{m.group('hi')}",
                             m.group(0).strip(), start + m.start())


def overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """True when two voltage ranges share a value (10% allowed: 110 V and 120 V are one mains)."""
    return a[0] <= b[1] * 1.1 and b[0] <= a[1] * 1.1


SPEC_READERS = (_size, _voltage, _per_pack, _audience_sizes)
