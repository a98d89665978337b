"""Stretches of a brief that its commas, dashes and full stops never cut.

- Lists closed by "free": "100% BPA, PVC & phthalate free" is one fact, every item free.
  Cut at its commas, the first items would read as contents ("100% BPA"), the opposite of
what the merchant wrote. A list runs back from "free" over items that name substances
(an acronym such as BPA or PFOA, or a word such as lead, latex, gluten), never over the
product's name.
- Ranges: "104°F - 212°F" keeps both ends (one end alone states a wrong limit).
- A measure and the capitalised part word after its unit's full stop ("1/2 in. Drive"):
  the measure is the part's, never the product's length.
- A list of measures ("lengths approx. 6 in., 8 in. and 10 in."): the set's sizes, whole.
- A line whose label gives a basis ("Nutrition per 10 ml serving: ..."), and an item's
  clause run on after a comma ("each tin 2.6 in. across, holds 4 oz"): the values keep it.
"""

from __future__ import annotations

import re

__all__ = ["MEASURE_LIST", "free_lists", "kept_spans"]

# substances a product is said to be free of (lower case, singular and plural)
_SUBSTANCES = frozenset(
    "lead latex gluten dairy soy nut nuts paraben parabens phthalate phthalates sulfate "
    "sulfates sulphate sulphates fragrance fragrances dye dyes alcohol silicone silicones "
    "formaldehyde cadmium mercury toxin toxins chlorine sugar nickel cruelty odor odour "
    "scent scents perfume perfumes talc mineral oil oils petroleum bleach chemical "
    "chemicals wheat egg eggs corn peanut peanut pesticide pesticides melamine "
    "gelatin acid acids toxic residue".split())
_ITEM = r"(?:100\s?%\s*)?[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?"
_FREE = re.compile(rf"{_ITEM}\s*(?:(?:,|&|\band\b|\bor\b|/)\s*{_ITEM}\s*)*[- ]free\b", re.I)


def _substance(item: str) -> bool:
    """True for an item naming a substance ("100% BPA", "lead", "PFOA", "mineral oil")."""
    words = re.sub(r"^100\s?%\s*", "", item.strip()).split()
    if not words or len(words) > 2:
        return False
    return all(re.fullmatch(r"[A-Z]{2,5}s?", w) or w.lower() in _SUBSTANCES for w in words)


def free_lists(text: str) -> list[tuple[int, int]]:
    """Spans of lists closed by "free", from their first substance to "free"."""
    spans = []
    for m in _FREE.finditer(text):
        items = list(re.finditer(r"[^,&/]+", text[m.start():m.end()]))
        start = m.end()
        for item in reversed(items):
            words = re.sub(r"(?i)\b(?:and|or)\b|[- ]free$", " ", item.group(0)).strip()
            if not _substance(words):
                break
            start = m.start() + item.start() + len(item.group(0)) - len(item.group(0).lstrip())
        if start < m.end() and re.search(r"[,/]", text[start:m.end()]):
            spans.append((start, m.end()))
    return spans


_NUM = r"\d+(?:[.,/]\d+)?(?:-\d+/\d+)?"
_UNIT = r"(?:°\s?[FCfc]|°|%|[A-Za-z]{1,5}\.?|\"|'')"
_RANGE = re.compile(rf"(?<![\w.]){_NUM}\s?(?P<u>{_UNIT})?\s[-\u2013\u2014]\s"
                    rf"{_NUM}\s?(?P<v>{_UNIT})")
_UNIT_WORD = re.compile(r"\d\s?(?:in|ft|mm|cm|oz|lbs?)\.\s[A-Z][a-z]+(?:\s\([^)\n]{1,20}\))?"
                        r"(?=\s*(?:[,;\n]|$))")


_UNITS = r"(?:in|ft|mm|cm|m|oz|lbs?|ml|l|qt|gal|inch(?:es)?)\b\.?"
_MEASURE = rf"(?:\d+\s?x\s)?\d+(?:[./]\d+)?(?:-\d+/\d+)?\s?{_UNITS}"  # "3 x 8 in": 3 of 8 in
_SIZE = rf"(?:\d+\s?x\s)?\d+(?:[./]\d+)?(?:-\d+/\d+)?(?:\s?{_UNITS})?"
# "6 in., 8 in. and 10 in.", "4 in., 5 in., 6 in., 7 in.", "1/8, 3/16, 1/4, 1/2 in. & 5/8 in.":
# the sizes of a set, all or none (one alone is a wrong size)
MEASURE_LIST = re.compile(rf"(?i)(?<![\w.]){_MEASURE}(?:,\s{_MEASURE})+,?\s(?:and|&|or)\s"
                           rf"{_MEASURE}|(?<![\w./]){_SIZE}(?:,\s{_SIZE}){{2,}}"
                           rf"(?:,?\s(?:and|&|or)\s{_MEASURE})?(?<=[a-z.])")
# "M3 - M12": a range of named sizes keeps both ends
_NAMED_RANGE = re.compile(r"\b(?P<l>[A-Z]{1,2})\d+(?:\.\d+)?\s?[-\u2013]\s?(?P=l)\d+(?:\.\d+)?\b")


def kept_spans(text: str) -> list[tuple[int, int]]:
    """Every stretch of ``text`` kept whole: "free" lists, ranges, part words, measure lists."""
    spans = free_lists(text)
    spans += [(m.start(), m.end()) for m in MEASURE_LIST.finditer(text)]
    spans += [(m.start(), m.end()) for m in _NAMED_RANGE.finditer(text)]
    for m in _RANGE.finditer(text):
        left, right = m.group("u"), m.group("v")
        if left is None or _unit_base(left) == _unit_base(right):  # "10 Hz - 35 kHz"
            spans.append((m.start(), m.end()))
    spans += [(m.start(), m.end()) for m in _UNIT_WORD.finditer(text)]
    spans += [(m.start(), m.end()) for m in _PER_LINE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _ELLIPSIS.finditer(text)]
    spans += [(m.start("line"), m.end()) for m in _CAPS_HEAD.finditer(text)
              if text[:m.start()].strip()]  # the first line names the product: no head
    return spans + each_runs(text)


# a line led by an ALL-CAPS head and a dash: "FRAGRANCE - none added", "SIZE - 3 in long each"
# (cut at the dash, the head floats and "none added" reads as said of nothing, or of the product)
_CAPS_HEAD = re.compile(r"(?m)^[ \t]*(?:[-\u2022*\u2714\u2713][ \t]*)?(?P<line>[A-Z][A-Z0-9&/'+.-]*"
                        r"(?:[ \t][A-Z0-9&/'+.-]+){0,5}[ \t]+[-\u2013\u2014][ \t]+\S[^\n]{0,150})$")


# a clause that ends on "is not" with its predicate left out says it of the clause before:
# "cover is machine washable; foam is not" (alone, "foam is not" says nothing, or the opposite)
_ELLIPSIS = re.compile(r"(?i)(?<![^\n.!?] )\b[^.;!?\n]{3,120}[;,]\s*(?:the\s+)?[\w'-]+"
                       r"(?:\s[\w'-]+)?\s(?:is|are|does|do|was|were|will|can)(?:\s+not|n't)"
                       r"(?=\s*(?:[.;!?\n]|$))")


# a metric prefix before a unit of the same measure: "Hz"/"kHz", "mm"/"cm", "g"/"kg", "ml"/"l"
_PREFIX = re.compile(r"^(?:k|m|c|M|G|µ|u)(?=[A-Za-z]+$)")


def _unit_base(unit: str) -> str:
    """A unit without its metric prefix, case-folded ("kHz" -> "hz", "mm" -> "m")."""
    unit = unit.rstrip(".")
    return (_PREFIX.sub("", unit) if len(unit) > 1 else unit).lower()


# a line whose label gives the basis of every value on it: "Nutrition per 10 ml serving: energy
# 160 kJ | sugars 9.8 g | fat 0 g" (cut at its pipes, "sugars 9.8 g" would read as the bottle's)
# (reading_text writes a pipe as " \n ": those line breaks stay inside the line)
_PER_LINE = re.compile(r"(?im)^[ \t]*[A-Za-z][^:\n]{0,30}\bper\b[^:\n]{1,30}:"
                       r"(?:[^\n]|(?<= )\n(?= )){1,160}$")
# "each tin 2.6 in. across, holds 4 oz": what follows the comma is still said of one tin
_EACH = re.compile(r"(?i)\beach\s+[a-z]+\b[^,;\n]*,\s")
_EACH_VERB = re.compile(r"(?i)(?:holds|weighs|measures|fits|takes|stores|is|has|comes)\s")
_CLAUSE_END = re.compile(r"[,;\n]|\.\s|\.$")


def each_runs(text: str) -> list[tuple[int, int]]:
    """Spans of "each <item> ..., <verb> ..." (the verb's clause says the item's measure)."""
    spans = []
    for m in _EACH.finditer(text):
        if _EACH_VERB.match(text, m.end()) is None:
            continue
        end = _CLAUSE_END.search(text, m.end())
        spans.append((m.start(), end.start() if end else len(text)))
    return spans
