"""A square item's one size from a title's "N x N" ("Pillow Covers 18x18", "13x13 Napkins").

The guideline calls multi-dimensional measurements no size; the labellers since v18 read a
square ("18 x 18 inch", "60x60 Inches", "6 x 6-Inches", "45 x 45 cm") as its side, in
inches when no unit is written (their notes: "a square 'N x N' item -> N"). Not a third
dimension ("18x18x4"), not a waist and inseam ("32 x 32" of jeans: variant_sizes reads
those), not a small unitless square ("4x4 Off Road": a drive, not a size).
"""

from __future__ import annotations

import re

from knowledge.extraction.vocab import UNITS

Mention = tuple[str, int, int]

_LENGTHS = r"(?:inch(?:es)?|in\b\.?|[\"”″]|''|cm\b|mm\b|ft\b|feet\b)"
_SQUARE = re.compile(rf"(?<![\w.,/-])(\d{{1,3}}(?:\.\d+)?)\s*(?P<u1>{_LENGTHS})?\s*[xX×]\s*"
                     rf"(\d{{1,3}}(?:\.\d+)?)(?![\d.])(?:\s*-?\s*(?P<u2>{_LENGTHS}))?"
                     r"(?!\s*[xX×*]\s*\d)", re.IGNORECASE)
_SMALLEST_BARE = 5  # a bare "4x4" or "2x2" names a drive or a grid
_JEANS = re.compile(r"\b(?:jeans?|pants?|trousers?|shorts?|dungarees?)\b", re.IGNORECASE)


def square_sizes(title: str) -> list[Mention]:
    """Sides of the squares a title names, as "18in" / "45cm"."""
    found: list[Mention] = []
    for m in _SQUARE.finditer(title):
        if m.group(1) != m.group(3) or _JEANS.search(title):
            continue
        unit = m.group("u2") or m.group("u1")
        if unit is None and float(m.group(1)) < _SMALLEST_BARE:
            continue
        key = unit.strip(" .").lower() if unit else "in"
        found.append((m.group(1) + UNITS.get(key, "in"), m.start(), m.end()))
    return found
