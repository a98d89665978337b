"""Two clash kinds that need a look across clauses: a part's size, an "only" fit list.

A part's size given whole and then along one side: "Blade: 14" x 16"" beside "Blade width:
12"": a width or length the part has must be one of its two (or three) sides; a thickness
or a diameter is no side of a flat size and is never compared. A fit list closed by "only"
beside another device it works with: "Compatible with iPhone 12, 13, 14, 15 series only"
beside "Also works with Samsung Galaxy S23": a named model (a name with a number) that no
word of the "only" list names. Things of another kind ("works with MagSafe chargers", no
model number) are no clash, nor is a "not for" line (that says the same thing as "only").
"""

from __future__ import annotations

import re

from tools.creatives.attribute_specs import _DIMS, _MM, _NOT_OVERALL, _number
from tools.creatives.attribute_values import Stated, clauses

__all__ = ["exclusive_fits", "part_sides"]

_SIDE = re.compile(r"(?i)^\W*(?P<part>[a-z][a-z -]{1,24}?)\s+(?P<axis>width|length|height|"
                   r"depth)\s*:?\s*(?P<n>\d+(?:\.\d+)?(?:-\d+/\d+|/\d+)?)\s?(?P<u>mm|cm|m|"
                   r"inches|inch|in|ft|feet|\")\.?(?:\s*\([^)]*\))?\s*\.?$")
_PART = re.compile(r"(?i)^\W*(?P<part>[a-z][a-z -]{1,24}?)\s*:\s*")
_FLAT_AXES = frozenset({"width", "length"})
_TOLERANCE = 0.12


def _sides(clause: str) -> tuple[str, tuple[float, ...], str] | None:
    """A part's whole size, "Blade: 14" x 16"" -> ("blade", (406.4, 355.6), span)."""
    label = _PART.match(clause)
    m = _DIMS.search(clause)
    if label is None or m is None or _NOT_OVERALL.search(clause[:m.start()]):
        return None
    last = next((u for u in (m.group("uc"), m.group("ub"), m.group("ua")) if u), None)
    if last is None:
        return None
    parts = [(m.group(k), m.group("u" + k) or last) for k in "abc" if m.group(k)]
    sides = tuple(_number(n) * _MM[u.lower()] for n, u in parts)
    return label.group("part").strip().lower(), sides, m.group(0).strip()


def part_sides(text: str) -> list[Stated]:
    """A part's side given beside its whole size, when no side of that size matches it."""
    found: list[Stated] = []
    pieces = clauses(text)
    wholes = [(s, start) for clause, start in pieces if (s := _sides(clause))]
    for clause, start in pieces:
        m = _SIDE.match(clause)
        if m is None or _NOT_OVERALL.search(clause):
            continue
        part, axis = m.group("part").strip().lower(), m.group("axis").lower()
        value = _number(m.group("n")) * _MM[m.group("u").lower()]
        for (name, sides, span), at in wholes:
            if name != part or (len(sides) == 2 and axis not in _FLAT_AXES):
                continue
            if all(abs(value - s) > _TOLERANCE * max(value, s) for s in sides):
                attribute = f"size of the {part}"
                found += [Stated(attribute, "whole", span, at),
                          Stated(attribute, "side", clause.strip(), start)]
    return found


_ONLY = re.compile(r"(?i)^\W*(?:compatible\s+with|fits|works\s+with|for)\s+(?P<list>.+?)\s+"
                   r"(?:series\s+)?only\b")
_ALSO = re.compile(r"(?i)^\W*(?:also\s+)?(?:compatible\s+with|fits|works\s+with)\s+(?:the\s+)?"
                   r"(?P<o>[^,;()]+?)\s*\.?$")
_MODEL = re.compile(r"\b[A-Z][A-Za-z]*\s?\d+\w*\b|\b[A-Z]\d+\w*\b|\b[a-z][A-Z]\w*\s?\d+\w*\b|"
                    r"\b[A-Za-z]+\s\d{1,2}\b(?!\s*(?:in|mm|cm|ft|oz)\b)")  # "iPad mini 6"


def exclusive_fits(text: str) -> list[Stated]:
    """An "only" fit list beside another model it also fits (one named by none of its words)."""
    lines = [(m.group(0), m.start()) for m in re.finditer(r"[^\n|\u2022;]+", text)]  # commas in
    lines += [piece for piece in clauses(text) if piece not in lines]  # "Case, fits X only"
    found: list[Stated] = []
    for line, at in lines:
        only = _ONLY.match(line)
        if only is None:
            continue
        listed = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", only.group("list"))}
        for clause, start in clauses(text):
            also = _ALSO.match(clause)
            if also is None or start == at or at <= start < at + len(line):
                continue
            obj = also.group("o")
            words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", obj)}
            numbers = set(re.findall(r"\d+", obj)) - set(re.findall(r"\d+", only.group("list")))
            if _MODEL.search(obj) and words and (not words & listed or numbers):
                found += [Stated("compatibility", "only", line.strip(), at),
                          Stated("compatibility", "also", clause.strip(), start)]
    return found
