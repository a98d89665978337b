"""A run-on segment of a brief cut where the merchant plainly starts another fact.

A brief without commas ("glass teapot 1000ml w removable infuser stovetop safe") leaves
everything after the product's name in one segment, shown as one long bullet. Three cuts
only, each where no fact can straddle it, so no number or property moves to another
noun: before "w", "w/" or "with" after the product's own measure or count ("1000ml | w
removable infuser", never "3 wheels | with LED lights", whose lights are the wheels');
before the product's verb after its own measure or property ("4 tier metal | holds 16
pairs", never "phone holder | fits 6.8 inch phones"); after a leading measure that only
properties follow ("12 oz | dishwasher safe", never "22 inch | dual action blade", the
blade's length, nor "6mm thick", "18 inch high").
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.vocab import AUDIENCES, COLORS
from knowledge.nlp.quantities import Quantity, find_quantities
from tools.creatives.kept_spans import MEASURE_LIST
from tools.creatives.name_ends import VERBS_ONLY
from tools.creatives.word_classes import FUNCTION_WORDS, POST_ADJECTIVES, is_property

__all__ = ["grade_of_material", "has_noun", "split_run_on"]

_WITH = re.compile(r"\s(?=(?:[wW]/|w|(?i:with))\s+(?!x\b)[A-Za-z])")  # "23 in W x 64 in H"
# words that say what a measure is, or qualify it: they stay with the number before them
_MEASURE_WORDS = frozenset({"thick", "thin", "tall", "high", "long", "wide", "deep", "each",
                            "total", "max", "min", "peak", "capacity", "accuracy", "diameter",
                            "dia", "length", "width", "height", "depth", "per", "of", "in", "x",
                            "by", "burn", "battery", "run", "shelf", "size", "pack", "pk",
                            "heavy", "big", "small", "large", "extra", "approx", "and", "or",
                            "to", "up", "plus", "apart", "away", "across", "wattage"})


def split_run_on(text: str) -> list[tuple[str, int]]:
    """``text`` cut into its facts where it plainly runs on, each with its offset in ``text``."""
    if len(text.split()) < 4 or MEASURE_LIST.search(text):  # "sizes 4 in., 6 in. & 8 in."
        return [(text, 0)]
    later = sorted({*_with_cuts(text), *_verb_cuts(text)})
    cuts = sorted({*later, *_measure_cut(text[:later[0]] if later else text)})
    out, pos = [], 0
    for cut in [*cuts, len(text)]:
        part = text[pos:cut].strip()
        if part:
            out.append((part, text.index(part, pos)))
        pos = cut
    return out


def _with_cuts(text: str) -> list[int]:
    """Before "w", "w/" or "with" after the product's own measure or count ("1000ml w lid")."""
    out = []
    for m in _WITH.finditer(text):
        before = text[:m.start()]
        last = before.split()[-1].lower() if before.split() else ""
        if (not _TAKES_WITH.search(last)
                and (_own_measure(before) or _measure_then_property(before))):
            out.append(m.end())
    return out


# a word that takes "with" as its own: "compatible with Brio", "lined with fleece"
_TAKES_WITH = re.compile(r"^(?:compatible|works?|comes?|made|pairs?|use|goes|syncs?|"
                         r"integrates?|fits?)$|ed$")


def _measure_then_property(before: str) -> bool:
    """True for the product's measure followed by properties only ("19 inch plastic")."""
    found = find_quantities(before)
    return (bool(found) and found[0].start == 0 and _own_measure(found[0].text)
            and not has_noun(before[found[0].end:]))


def _verb_cuts(text: str) -> list[int]:
    """Before the product's verb after its measure and properties ("4 tier metal holds")."""
    out = []
    for m in re.finditer(r"\s([a-z]{3,})\s", text):
        before = text[:m.start()]
        if m.group(1) in VERBS_ONLY and re.search(r"\d", before) and not has_noun(before):
            out.append(m.start() + 1)
    return out


_OWN_COUNT = re.compile(r"(?i)(?:^(?:set|pack|box|bundle|kit) of|(?:pack|pk|piece|pieces|pc|pcs|"
                        r"count|ct|pairs?|person|sheets?|tier|layer)$)")


def _own_measure(before: str) -> bool:
    """True when ``before`` is only quantities, each a measure or a count of the product."""
    rest = list(before)
    found = find_quantities(before)
    for q in found:
        if q.kind == "number" or q.kind == "count" and not _OWN_COUNT.search(q.text.strip()):
            return False
        rest[q.start:q.end] = " " * (q.end - q.start)
    return bool(found) and not re.search(r"[A-Za-z]", "".join(rest))


def has_noun(text: str) -> bool:
    """True when ``text`` holds a word naming a thing, outside its quantities and properties.

    "dishwasher safe", "matte black", "stainless steel" name none; "dual action blade" does.
    """
    rest = list(text)
    for q in find_quantities(text):
        rest[q.start:q.end] = " " * (q.end - q.start)
    for _v, s, e in find_terms(text, material_items()):
        rest[s:e] = " " * (e - s)
    words = re.findall(r"[A-Za-z][\w'-]*", "".join(rest))
    for i, word in enumerate(words):
        low = word.lower()
        follows = words[i + 1].lower() if i + 1 < len(words) else ""
        if (not is_property(word) and low not in AUDIENCES and low not in COLORS
                and not low.endswith(("ed", "ing"))  # "double tipped", "non shedding"
                and follows not in POST_ADJECTIVES and low not in FUNCTION_WORDS):
            return True
    return False


_PRECIOUS = re.compile(r"(?i)\s+(?:(?:solid|rose|white|yellow)\s+)?(?:gold|silver|platinum)\b")


def grade_of_material(measure: Quantity, after: str) -> bool:
    """True for a grade written before its material ("18K gold", "20D nylon")."""
    if measure.kind != "rating" or measure.unit is not None:
        return False
    if _PRECIOUS.match(after):
        return True
    return any(s == len(after) - len(after.lstrip()) for _v, s, _e in find_terms(
        after, material_items()))


def _layer_of_material(measure: Quantity, after: str) -> bool:
    """True for a length written before a material ("3 cm foam padding", "6 mm TPE foam").

    The length is the material's thickness: cut off, it would read as the product's size.
    """
    lead = len(after) - len(after.lstrip())
    m = _THIN.match(measure.text)
    return (measure.kind == "dimension" and m is not None and float(m.group(1)) <= _THIN_MAX[
        m.group(2).lower()] and any(s == lead for _v, s, _e in find_terms(after,
                                                                             material_items())))


# a layer's thickness, not a product's size ("43 inch faux leather" is the ottoman's)
_THIN = re.compile(r"^(\d+(?:\.\d+)?)\s?(mm|cm|in|inch|\")$", re.IGNORECASE)
_THIN_MAX = {"mm": 50.0, "cm": 5.0, "in": 2.0, "inch": 2.0, '"': 2.0}


def _measure_cut(text: str) -> list[int]:
    """After a leading measure that only properties follow ("12 oz | dishwasher safe")."""
    found = find_quantities(text)
    if not found or found[0].start != 0 or not _own_measure(found[0].text):
        return []
    after = text[found[0].end:]
    words = after.split()
    if (len(words) < 2 or not re.match(r"\s+[A-Za-z]", after) or found[0].text.endswith("%")
            or words[0].lower() in _MEASURE_WORDS):
        return []  # "80% cotton", "26 inch + 16 inch", "2 pack 9 oz" stay whole
    if grade_of_material(found[0], after) or _layer_of_material(found[0], after):
        return []  # "18K gold plated": the grade of the gold, not a measure of the product
    if any(_unit_word(q.text) == _unit_word(found[0].text) for q in found[1:]):
        return []  # "40 sheets lined + 40 sheets dot grid": shares of one count, each named
    upto = re.split(r"[\d(]", after)[0]  # the phrase up to the next number
    return [] if has_noun(upto) else [found[0].end]


def _unit_word(text: str) -> str:
    """The words of a quantity without its number ("40 sheets" -> "sheets")."""
    return re.sub(r"[\d.,/\s-]+", " ", text).strip().lower()
