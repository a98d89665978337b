"""The title's own amount of a family beside a spec line's, in one unit, rounding allowed.

Sizes, counts, capacity, weight, runtime, ages and a named thing's measure are compared.

"Argan oil shampoo 16 fl oz" is 473 ml and "Net contents: 250 ml" is not; "1 gallon (128 oz /
3.8 L)" is one capacity in three units. A title that gives a family two values that differ
("64 oz pitcher, plus two 20 oz cups", "6 hrs per charge, 30 hrs total"), a value per item
("15 oz each"), a range that meets the other ("ages 2-5" / "Age: 3+") or a spec value that
lists more than one thing ("Includes: 8 knives and a block") is no clash. Read by
:mod:`tools.creatives.clash_title_specs`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from tools.creatives.spec_lines import NUMBER, Spec, amounts, number, title_span

__all__ = ["AMOUNT_CHECKS"]

_TOLERANCE = 0.15  # "16 fl oz" / "473 ml", "5.5 lb" / "2.5 kg": rounding, not a clash
_PER = re.compile(r"(?i)^\s*(?:each|per|apiece|x\b|/)")


def _title(text: str) -> str:
    return text[slice(*title_span(text))]


def _apart(a: float, b: float) -> bool:
    return abs(a - b) > _TOLERANCE * max(a, b)


def _one(values: list[float]) -> float | None:
    """The one value a list gives in several units, else None."""
    if values and all(not _apart(v, values[0]) for v in values):
        return values[0]
    return None


def _title_clauses(text: str, skip: re.Pattern[str], need: re.Pattern[str] | None) -> list[str]:
    """The title's comma clauses, leaving out those ``skip`` finds (a part, a total, a load)."""
    parts = [re.split(r"(?i)\b(?:with|w/|plus|includes?|including)\b", c)[0]
             for c in re.split(r",|;|\s\+\s|\s[-\u2013\u2014]\s", _title(text))]
    return [c for c in parts if not skip.search(c) and (need is None or need.search(c))]


def _compare(family: str, text: str, spec: Spec, skip: re.Pattern[str],
             spec_skip: re.Pattern[str], need: re.Pattern[str] | None = None) -> str | None:
    """The title's one amount of ``family`` when the spec line's one amount is not it."""
    if spec_skip.search(spec.value):
        return None
    said = [(v, c[s:e]) for c in _title_clauses(text, skip, need)
            for v, s, e in amounts(c, family)
            if not _PER.match(c[e:]) and not re.match(r"\s*[-\u2013]\s*\d|\s*to\s+\d", c[e:])
            and not re.search(r"\d\s*(?:-|to)\s*$", c[:s])]
    mine = _one([v for v, _ in said])
    theirs = _one([v for v, _, _ in amounts(spec.value, family)])
    if mine is not None and theirs is not None and _apart(mine, theirs):
        return said[0][1]
    return None


_VOLUME_SKIP = re.compile(r"(?i)\b(?:tank|reservoir|cups?|"
                          r"capacity\s+of\s+each|holds?\s+up|pack|set|pcs|pieces)\b|\d\s*x\b")
_SPEC_VOLUME_SKIP = re.compile(r"(?i)\b(?:each|per|total|tank|reservoir|bowl|jar|x)\b|[/&+]"
                               r"(?![^()]*\))")


def _volume(text: str, spec: Spec) -> str | None:
    return _compare("volume", text, spec, _VOLUME_SKIP, _SPEC_VOLUME_SKIP)


_WEIGHT_SKIP = re.compile(r"(?i)\b(?:capacity|load|max|maximum|holds?|supports?|up\s+to|rated|"
                          r"bond|test|draw|pull|pressure|lbs?\s+of|pack|set|pairs?|pcs|pieces|"
                          r"each|per|plates?|dumbbells|x)\b|\d\s*x\b")
_SPEC_WEIGHT_SKIP = re.compile(r"(?i)\b(?:capacity|load|max|maximum|each|per|shipping|package|"
                               r"packaged|with|w/|total)\b")


def _weight(text: str, spec: Spec) -> str | None:
    """The title's weight against the spec line's; an item weight may add its packaging."""
    said = _compare("weight", text, spec, _WEIGHT_SKIP, _SPEC_WEIGHT_SKIP)
    if said is None or re.match(r"(?i)net", spec.line):
        return said
    mine = amounts(said, "weight")[0][0]
    theirs = _one([v for v, _, _ in amounts(spec.value, "weight")]) or 0.0
    return said if theirs < mine * (1 - _TOLERANCE) or theirs > mine * 1.5 else None


_RUN = re.compile(r"(?i)\b(?:play(?:time|back|ing)?|battery|run(?:time|s)?|run\s+time|lasts?|"
                  r"shines?|glows?|lights?|lighting|burns?|per\s+charge|on\s+a\s+(?:full\s+)?"
                  r"charge|single\s+charge|listening|talk\s+time)\b")
_TIME_SKIP = re.compile(r"(?i)%|\b(?:high|low|eco|turbo|modes?|settings?|medium|volume|"
                        r"to\s+charge|charges?\s+in|charging|recharge|standby|total|"
                        r"case|timer|every|cycle|warranty|ships?|delivery|cold|hot|warm|"
                        r"with\s+the\s+case|quick\s+charge|fast\s+charge|minutes?\s+=)\b")


def _time(text: str, spec: Spec) -> str | None:
    """The title's runtime ("up to 8 hours playtime per charge") against the spec line's."""
    return _compare("time", text, spec, _TIME_SKIP, _TIME_SKIP, need=_RUN)


_BEDS = re.compile(r"(?i)\b(california\s+king|cal\s+king|twin\s+xl|twin|queen|king|full\s+size|"
                   r"full(?=\s*/\s*queen|\s+beds?|\s+mattress|\s+xl))\b")
_PAPER = {"a3": (297, 420), "a4": (210, 297), "a5": (148, 210), "a6": (105, 148),
          "letter": (215.9, 279.4), "legal": (215.9, 355.6)}
_LENGTH = {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4, "inch": 25.4, "inches": 25.4,
           '"': 25.4, "ft": 304.8, "feet": 304.8, "foot": 304.8, "'": 304.8}
_UNIT = r"(?:mm|cm|m|inch(?:es)?|in|ft|feet|foot|\"|')"
_DIMS = re.compile(rf"(?i)(?<![\w.])(\d+(?:\.\d+)?)\s*({_UNIT})?\s*[x\u00d7]\s*(\d+(?:\.\d+)?)"
                   rf"\s*({_UNIT})?(?:\s*[x\u00d7]\s*(\d+(?:\.\d+)?)\s*({_UNIT})?)?(?![\w.])")


def _beds(value: str) -> set[str]:
    """The base bed sizes ``value`` names ("Twin XL" is said loosely as "Twin", "Cal King")."""
    return {re.sub(r"\s+", " ", m.group(1).lower()).replace("california ", "")
            .replace("cal ", "").replace("full size", "full").replace(" xl", "")
            for m in _BEDS.finditer(value)}


def _dims(value: str) -> tuple[list[float], float | None, str] | None:
    """The one set of dimensions ``value`` gives, else None.

    Sorted numbers, their unit in mm (None when no unit is said, as in "5x7 rug"), the span.
    """
    found = list(_DIMS.finditer(value))
    paper = re.search(r"(?i)\b(A[3-6]|letter|legal)(?:\s+size)?\b", value)
    if len(found) == 1:
        m = found[0]
        units = [u for u in m.groups()[1::2] if u]
        nums = sorted(float(n) for n in m.groups()[0::2] if n)
        return nums, _LENGTH[units[-1].lower()] if units else None, m.group(0).strip()
    if not found and paper and (paper.group(1).isupper() or paper.group(1)[0] in "lL"):
        return sorted(_PAPER[paper.group(1).lower()]), 1.0, paper.group(0)
    return None


def _size(text: str, spec: Spec) -> str | None:
    """A bed size or the dimensions of the title against a spec line's one bed or dimensions."""
    if re.search(r"(?i)\b(?:each|per|options?|or|available|up\s+to|from)\b", spec.value):
        return None
    title = _title(text)
    fits = re.search(r"(?i)\b(?:fits?|for)\b", title)  # "Mattress pad fits twin beds"
    own = title[:fits.start()] if fits else title
    mine, theirs = _beds(own), _beds(spec.value)
    bed = _BEDS.search(own)
    if bed and len(mine) == 1 and len(theirs) == 1 and mine != theirs:
        return bed.group(0)
    if re.search(r"(?i)\b(?:frames?|albums?|holders?|sleeves?|cases?|covers?|protectors?|"
                 r"organi[sz]ers?|binders?|folders?|mounts?|mats?|inserts?|pockets?)\b",
                 _head(title)):
        return None  # "Picture frame 8x10": the size it holds, not its own
    a, b = _dims(_head(title)), _dims(spec.value)
    if a is None or b is None or b[1] is None or len(a[0]) != len(b[0]) or \
            re.search(r"(?i)\beach\b", title):
        return None
    scale = b[1] if a[1] is None else a[1]  # "5x7 area rug": in the spec line's unit
    if any(_apart(x * scale, y * b[1]) for x, y in zip(a[0], b[0], strict=True)):
        return a[2]
    return None


def _head(title: str) -> str:
    cut = re.search(r"(?i),|\s[-\u2013\u2014]\s|\b(?:with|for|fits|plus)\b", title)
    return title[:cut.start()] if cut else title


_COUNT = re.compile(rf"(?i)\b(?:(?:set|pack|box|case)\s+of\s+(?P<a>{NUMBER})|(?P<b>{NUMBER})"
                    r"[\s-]?(?:pack|pk|pcs|pc|pieces?|count|ct)\b)")
_BUNDLE = re.compile(r"(?i)\b(?:packs?|sets?)\s+of\b.*\b(?:packs?|sets?)\s+of\b|=|"
                     r"\b\d+\s*x\s*\d+[\s-]*(?:packs?|pcs|pieces|count|ct)\b|"
                     r"\b(?:packs?|pcs|pieces|count|ct)\s*x\s*\d")
_NOT_ITEM = frozenset({"set", "pack", "box", "kit", "case", "bag", "pair", "bundle", "unit",
                       "piece", "pc", "pcs", "count", "ct", "item"})


def _singular(word: str) -> str:
    low = word.lower()
    for end, repl in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("s", "")):
        if low.endswith(end) and len(low) > len(end) + 2:
            return low[:-len(end)] + repl
    return low


def _count(text: str, spec: Spec) -> str | None:
    """A title's pack size ("Set of 6", "3-pack") beside a spec line of N of its items."""
    title = _title(text)
    packs = list(_COUNT.finditer(title))
    if len(packs) != 1 or _BUNDLE.search(title):
        return None
    mine = number(packs[0].group("a") or packs[0].group("b"))
    value = re.sub(r"\([^)]*\)", " ", spec.value)
    if re.search(r"(?i)[,+&/]|\b(?:and|with|plus|each|per|or|of|x|spare|extra|replacements?|"
                 r"refills?|bonus|free|additional)\b", value) or \
            len(re.findall(rf"(?i)(?<![\w.]){NUMBER}(?![\w.])", value)) != 1:
        return None
    said = re.match(rf"(?i)\s*(?:a\s+total\s+of\s+)?({NUMBER})\s+(?:[a-z-]+\s+){{0,2}}?"
                    r"([a-z-]+)\b", value)
    if said is None:
        return None
    noun = _singular(said.group(2))
    words = {_singular(w) for w in re.findall(r"[A-Za-z]+", title)}
    theirs = number(said.group(1))
    if noun in _NOT_ITEM or noun not in words or theirs % mine == 0:
        return None  # "Kitchen towels 2-pack" / "6 towels": two packs of three
    return packs[0].group(0)


_AGE = re.compile(r"(?i)(?P<a>\d+(?:\.\d+)?)\s*(?P<ua>months?|mos?|years?|yrs?|m|y)?\s*"
                  r"(?:(?:-|to|\u2013)\s*(?P<b>\d+(?:\.\d+)?)\s*(?P<ub>months?|mos?|years?|yrs?|m|y)"
                  r"?|(?P<up>\+|\s*and\s+up|\s*and\s+older|\s*or\s+older|\s*plus))")
_NEWBORN = re.compile(r"(?i)\bnewborns?\b(?!\s*(?:to|-|\u2013|and|&|\d))")


def _ages(value: str, cued: bool = False) -> list[tuple[float, float, str]]:
    """Each age range ``value`` gives, in months: "0-3 months", "12 months+", "ages 3+".

    Unless ``cued`` (a spec line labelled with an age), a bare range counts only after "ages"
    ("for 5-65 lbs" is no age).
    """
    out = []
    for m in _AGE.finditer(value):
        if not (cued or m.group("ua") or m.group("ub") or
                re.search(r"(?i)\bages?\s*$", value[:m.start()])):
            continue
        unit = (m.group("ub") or m.group("ua") or "y").lower()
        scale = 1.0 if unit.startswith("m") else 12.0
        lo_scale = 1.0 if (m.group("ua") or unit).lower().startswith("m") else 12.0
        hi = math.inf if m.group("up") else float(m.group("b")) * scale
        out.append((float(m.group("a")) * lo_scale, hi, m.group(0).strip()))
    return out


def _age(text: str, spec: Spec) -> str | None:
    """A title's age range that shares no age with the spec line's."""
    title = _title(text)
    if not re.search(r"(?i)\b(?:ages?|for|months?|years?|newborns?|toddlers?|kids)\b", title):
        return None
    mine, theirs = _ages(title), _ages(spec.value, cued=True)
    if len(mine) != 1 or len(theirs) != 1:
        return None
    (lo_a, hi_a, said), (lo_b, hi_b, _) = mine[0], theirs[0]
    if hi_a < lo_b or hi_b < lo_a:
        return said
    return None


def _measure(text: str, spec: Spec) -> str | None:
    """The title's measure of a named thing ("1/2 inch drive") against "Drive size: 3/8 in".

    A second measure named after a comma ("Diameter: 20 cm, height 18 cm") is left out.
    """
    value = re.split(r"(?i),\s*(?=(?:height|width|depth|length|thickness|weight)\b)",
                     spec.value)[0]
    if re.search(r"(?i)\b(?:or|to|and|each|per|options?|available)\b|\s[/&+-]\s*\d|,\s*\d",
                 value) or len(amounts(value, "measure")) != 1:
        return None
    said = re.findall(rf"(?i)((?<![\w./-]){NUMBER}\s*-?\s*(?:inch(?:es)?|in\.?|\"|mm|cm)"
                      rf"[\s-]*{re.escape(spec.noun)}s?)\b", _title(text))
    mine = _one([amounts(s, "measure")[0][0] for s in said if amounts(s, "measure")])
    theirs = amounts(value, "measure")[0][0]
    if mine is not None and _apart(mine, theirs):
        return str(said[0])
    return None


AMOUNT_CHECKS: dict[str, Callable[[str, Spec], str | None]] = {
    "volume": _volume, "weight": _weight, "time": _time, "size": _size, "count": _count,
    "age": _age, "measure": _measure}
