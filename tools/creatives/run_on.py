"""A run-on segment of a brief cut where the merchant plainly starts another fact.

A brief without commas ("glass teapot 1000ml w removable infuser stovetop safe") leaves
everything after the product's name in one segment, shown as one long bullet. Three cuts
only, each where no fact can straddle it, so no number or property moves to another
noun: before "w", "w/" or "with" ("1000ml | w removable infuser"); before the product's
verb once a number has been said ("4 tier metal | holds 16 pairs"); and after a leading
measure when a property follows it ("12 oz | dishwasher safe", "500 ct | double tipped"),
never before a word that says what the measure is ("6mm thick", "18 inch high").
"""

from __future__ import annotations

import re

from knowledge.nlp.quantities import find_quantities
from tools.creatives.name_cut import POST_ADJECTIVES, is_property
from tools.creatives.name_ends import VERBS

__all__ = ["split_run_on"]

_WITH = re.compile(r"\s(?=(?:w/|w|with)\s+[a-z])", re.IGNORECASE)
# a word that takes "with" as its own ("compatible with", "works with", "lined with")
_BOUND = re.compile(r"^(?:compatible|works?|comes?|use|used|goes|go|pairs?|ed)$|ed$")
# words that say what a measure is, or qualify it: they stay with the number before them
_MEASURE_WORDS = frozenset({"thick", "thin", "tall", "high", "long", "wide", "deep", "each",
                            "total", "max", "min", "peak", "capacity", "accuracy", "diameter",
                            "dia", "length", "width", "height", "depth", "per", "of", "in", "x",
                            "by", "burn", "battery", "run", "shelf", "size", "pack", "pk",
                            "heavy", "big", "small", "large", "extra", "approx", "and", "or",
                            "to", "up", "plus", "apart", "away", "across", "wattage"})


def split_run_on(text: str) -> list[tuple[str, int]]:
    """``text`` cut into its facts where it plainly runs on, each with its offset in ``text``."""
    if len(text.split()) < 4:
        return [(text, 0)]
    cuts = sorted({*_with_cuts(text), *_verb_cuts(text), *_measure_cut(text)})
    out, pos = [], 0
    for cut in [*cuts, len(text)]:
        part = text[pos:cut].strip()
        if part:
            out.append((part, text.index(part, pos)))
        pos = cut
    return out


def _with_cuts(text: str) -> list[int]:
    """Before "w", "w/" or "with", when words precede it ("1000ml w removable infuser")."""
    out = []
    for m in _WITH.finditer(text):
        before = text[:m.start()].split()
        if before and not _BOUND.search(before[-1].lower()):
            out.append(m.end())
    return out


def _verb_cuts(text: str) -> list[int]:
    """Before the product's verb once a number has been said ("4 tier metal holds 16 pairs")."""
    out = []
    for m in re.finditer(r"\s([a-z]{3,})\s", text):
        if m.group(1) in VERBS and re.search(r"\d", text[:m.start()]):
            out.append(m.start() + 1)
    return out


def _measure_cut(text: str) -> list[int]:
    """After a leading measure that a property follows ("12 oz | dishwasher safe")."""
    found = find_quantities(text)
    if not found or found[0].start != 0 or found[0].kind == "number":
        return []
    after = text[found[0].end:].split()
    if len(after) < 2 or after[0].lower() in _MEASURE_WORDS:
        return []
    first = after[0].lower()
    if is_property(first) or after[1].lower() in POST_ADJECTIVES:
        return [found[0].end]
    return []
