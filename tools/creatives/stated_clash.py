"""One thing given two values that cannot both hold: a material, batteries, a length.

"Latex-free" beside "Material: natural rubber latex"; "no batteries needed" beside
"Requires 4 AA batteries"; "Batteries: 2 x AA" beside "runs on 3 AAA batteries"; "Length: 6 ft
(1.8 m)" beside "this 3.3ft extension cable" (or a weight, or a power, given twice).
Only the same thing clashes: "BPA, PVC & phthalate free" names no PVC of the product, a
battery "included" is no battery "required", a cable "6 ft" long may have a "3 in" plug.
The product's attributes with one value each (warranty, scent, total weight, piece count,
care, origin) go through the one rule of :mod:`tools.creatives.attribute_clash`.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import find_type
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from tools.creatives.attribute_clash import check_attributes
from tools.creatives.label_lines import part_label

__all__ = ["check_stated"]


def check_stated(text: str) -> None:
    """Raise :class:`InvalidRequestError` naming both phrases when one thing gets two values."""
    _free_and_made_of(text)
    _batteries(text)
    _battery_specs(text)
    _lengths(text)
    _free_and_contains(text)
    check_attributes(text)  # warranty, scent, weight, count, care, origin: one rule


def _clash(one: str, other: str) -> InvalidRequestError:
    return InvalidRequestError(f"the brief contradicts itself: it says {one!r} and also "
                               f"{other!r}; say which is true")


_FREE_AFTER = re.compile(r"[\s-]?free\b", re.IGNORECASE)
_FREE_BEFORE = re.compile(r"(?:free of|free from|no|non|without)[\s-]+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;\n]\s|[.;\n]$|\n")


def _free_and_made_of(text: str) -> None:
    """"Latex-free" beside a material line naming latex: the product is said to be both."""
    free: dict[str, str] = {}
    for value, s, e in find_terms(text, material_items(), check_negation=False):
        after, before = _FREE_AFTER.match(text, e), _FREE_BEFORE.search(text[:s])
        if after is not None:
            free[value] = text[s:after.end()]
        elif before is not None:
            free[value] = text[before.start():e]
    if not free:
        return
    for value, s, e in find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE,
                                  check_negation=True):
        clause = _CLAUSE_END.split(text[e:], maxsplit=1)[0]  # "PVC & phthalate free"
        if value in free and not re.search(r"(?i)\bfree\b", clause) \
                and not _FREE_BEFORE.search(text[:s]):
            raise _clash(free[value], text[_line_start(text, s):e].strip())


def _line_start(text: str, at: int) -> int:
    """Where the line or clause holding ``at`` starts."""
    return max(text.rfind(sep, 0, at) + len(sep) for sep in ("\n", ". ", "; ", ", "))


_NO_BATTERIES = re.compile(r"(?i)\b(?:no|without)\s+batter(?:y|ies)(?:\s+(?:needed|required|"
                           r"necessary))?\b|\bbatter(?:y|ies)[\s-]free\b|\bbattery-less\b")
_NEEDS_BATTERIES = re.compile(r"(?i)\b(?:requires?|needs?|runs on|operates on|powered by|uses)\s+"
                              r"(?:\d+\s*(?:x\s*)?)?(?:AAA?|C|D|9V|CR\d+|LR\d+|AG\d+|button|"
                              r"alkaline|lithium)?\s*(?:batter(?:y|ies)|cells?)\b|"
                              r"\bbatter(?:y|ies)\s+(?:required|needed)\b")


def _batteries(text: str) -> None:
    """"No batteries needed" beside "requires 4 AA batteries": batteries both needed and not."""
    no = _NO_BATTERIES.search(text)
    if no is None:
        return
    for yes in _NEEDS_BATTERIES.finditer(text):
        if not (no.start() <= yes.start() < no.end()) and not re.search(
                r"(?i)\b(?:no|not|without)\s+$", text[:yes.start()]):
            raise _clash(no.group(0), yes.group(0))


# a measure of the product itself, per quantity: (label words, units in one base unit)
_MEASURES = {
    "length": (r"length|cable length|cord length|overall length",
               {"mm": 1.0, "cm": 10.0, "m": 1000.0, "in": 25.4, "inch": 25.4, "inches": 25.4,
                "ft": 304.8, "feet": 304.8, "foot": 304.8}),
    "weight": (r"weight|item weight|net weight|net wt",
               {"g": 1.0, "kg": 1000.0, "oz": 28.35, "lb": 453.6, "lbs": 453.6}),
    "power": (r"power|wattage|rated power|output power", {"w": 1.0, "kw": 1000.0}),
}
_TOLERANCE = 0.12  # "6 ft (1.8 m)": 1829 mm against 1800 mm is rounding


def _measure(units: dict[str, float]) -> str:
    names = "|".join(sorted((re.escape(u) for u in units), key=len, reverse=True))
    return rf"(?P<n>\d+(?:\.\d+)?)\s?(?P<u>{names})\b\.?"


def _lengths(text: str) -> None:
    """"Length: 6 ft" beside "this 3.3ft extension cable": one measure of the product twice.

    The same for a labelled weight or power beside one written before the product's noun
    ("Power: 1500W" / "this 1000W heater").
    """
    found = find_type(text, fallback=False)
    name = re.split(r"[,;:.\n(]", text, maxsplit=1)[0].split()  # "Phone charging cord, ..."
    if found is None and not name:
        return
    noun = re.escape(text[found[1]:found[2]].split()[-1] if found else name[-1])
    for kind, (labels, units) in _MEASURES.items():
        value = _measure(units)
        stated = re.finditer(rf"(?i)\b(?:{labels})\s*:?\s*(?:approx\.?\s*)?{value}", text)
        before = list(re.finditer(rf"(?i)(?<![x×]\s)(?<![\w.]){value}\s+(?:[a-z-]+\s+)?"
                                  rf"{noun}\b", text))
        name_line = re.split(r"\n|\s[|\u2013-]\s|,\s|:\s", text, maxsplit=1)[0]
        if kind == "power" and not re.search(rf"(?i)\b(?:{labels})\b", name_line):
            before += list(re.finditer(rf"(?i)(?<![\w./]){value}", name_line))  # "Kit 60W |"
        for a in stated:
            va = float(a.group("n")) * units[a.group("u").lower()]
            for b in before:
                vb = float(b.group("n")) * units[b.group("u").lower()]
                if abs(va - vb) > _TOLERANCE * max(va, vb):
                    raise _clash(a.group(0).strip(), b.group(0).strip())


_BATTERY_SPEC = re.compile(r"(?i)\b(?P<n>\d+)\s*(?:x\s*)?(?P<t>AAA|AA|CR\d{4}|LR\d{2}|9V)\b")


def _of_batteries(text: str, spec: re.Match[str]) -> bool:
    """True when a battery size is said of the batteries ("2 x AA batteries", "Batteries: 2 AA")."""
    after = re.match(r"[^.;\n]{0,30}batter", text[spec.end():], re.IGNORECASE)
    label = re.search(r"(?i)batter[a-z]*\s*:?\s*$", text[:spec.start()])
    return after is not None or label is not None


def _battery_specs(text: str) -> None:
    """"Batteries: 2 x AA" beside "runs on 3 AAA batteries": the product's batteries twice.

    Only where no part label tells them apart ("Remote: 2 x AAA / Base: 4 x AA").
    """
    specs = [m for m in _BATTERY_SPEC.finditer(text) if _of_batteries(text, m)
             and (part_label(text, m.start()) or "batteries").lower().startswith("batter")]
    for i, a in enumerate(specs):
        for b in specs[i + 1:]:
            if (a.group("n"), a.group("t").upper()) != (b.group("n"), b.group("t").upper()):
                raise _clash(a.group(0), b.group(0))


_FREE_OF = re.compile(r"(?i)\b([a-z]{3,})[- ]free\b")
_CONTAINS = re.compile(r"(?i)\b(?:contains|made with|may contain)\s+((?:[a-z]+\s*){1,3})")


def _free_and_contains(text: str) -> None:
    """"Nut-free" beside "contains tree nuts": a substance both absent and present."""
    free = {m.group(1).lower().rstrip("s"): m.group(0) for m in _FREE_OF.finditer(text)}
    for m in _CONTAINS.finditer(text):
        for word in m.group(1).lower().split():
            if word.rstrip("s") in free:
                raise _clash(free[word.rstrip("s")], m.group(0).strip())
