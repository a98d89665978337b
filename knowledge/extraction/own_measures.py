r"""Measures in listing text that are not the product's one size.

A load it carries ("Weight capacity of 250 lbs"), a reach ("100 ft range"), a fabric weight
("15 Oz. Duck Canvas"), a part's size ("mounting holes size: 6 inches"), and lines of part
dimensions, a set's contents or a size chart ("Width: 59mm | Length: 145mm", "1mm 1.5mm 2mm
...", "Size 7, 29.5\" or Size 6, 28.5\"") (split from sizes.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from knowledge.extraction.vocab import UNITS

# "1 1/2" Wide" is one and a half; the "7/8" of "x 4 7/8in" is no measure of its own
NUM = r"(\d+[- ]\d+/\d+|(?<![x×] \d )(?<![x×]\d )(?<![x×] \d\d )\d+/\d+|\d+(?:\.\d+)?)"
UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
# (not the inches of a feet-and-inches length: "10'6\"" is one length, not 6 inches)
MEASURE = re.compile(rf"(?<![\w.\-×~])(?<!\bx )(?<!\dx)(?<!\d/)(?<!\d['’]){NUM}\s?(?:-\s?)?"
                     rf"({UNIT})(?![\w])(?!\s*(?:[x×*]|~|to \d|by \d|[WLHD]\s*[x×*]))"
                     # a range ("2-3 lb", '18" - 28"'), not a title's " - " separator
                     rf"(?!\s?-\d|-\s\d|\s-\s{NUM}\s?(?:{UNIT})(?!\w)(?!\s?[x×*]))",
                     re.IGNORECASE)
# "Includes: 1mm(length:3.4cm) 1.5mm 2mm ...", "(1) JIS #2 Short 25mm size, (1) JIS #2 Long 75mm
# size, ...": a line of five or more measures lists what a set holds, not one size of the product
_CONTENTS = 5
# "Size 7, 29.5\" or Intermediate: Size 6, 28.5\"": a line naming two sizes is a size chart
_SIZE_NAMED = re.compile(r"\bsize\s*\d", re.IGNORECASE)
# a labelled dimension ("Lens Width: 59mm"); two kinds on one line make a spec list
_DIMENSION = re.compile(r"\b(width|height|depth|length|thickness|diameter|bridge)\s*[:=]",
                        re.IGNORECASE)
# a weight a product carries ("Weight capacity of 250 lbs", "holds up to 5 kg"), not its own
_LOAD = re.compile(r"(?:capacity|load|holds?|hold up|support|supports|withstands?)\b"
                   r"[^.;\n]{0,20}$", re.IGNORECASE)
_WEIGHTS = frozenset({"lb", "kg"})
# "400 lb. Rated", "440 LBS Capacity", "250lb max load": the load it is rated for, said after it
_LOAD_AFTER = re.compile(r"\.?\s*(?:weight\s+|max(?:imum)?\s+)?(?:rated|capacity|load|max)\b",
                         re.IGNORECASE)
# "holds 19 bottles standard 750 ml Bordeaux": the size of what it holds
# "100 ft RF range", "up to 100ft range": a reach, not the product's size (v3 notes)
_RANGE_AFTER = re.compile(r"\s*(?:[A-Za-z]{1,4}\s+)?(?:range|reach|distance)\b", re.IGNORECASE)
_HELD = re.compile(r"\b(?:holds?|fits?|stores?|carries|accommodates?)\s+(?:up to\s+)?\d+\s+"
                   r"[A-Za-z]+(?:\s+[A-Za-z]+)?\s*(?:of\s+)?$", re.IGNORECASE)
# "15 Oz. Duck Canvas", "5.3 oz 100% cotton": the weight of the fabric, not a size
_FABRIC_WEIGHT = re.compile(r"\.?\s*(?:\d+\s*%\s*)?(?:[A-Za-z-]+\s+)?(?:duck|canvas|cotton|denim|"
                            r"fleece|jersey|twill|fabric|cloth|polyester|poly|nylon|wool)\b",
                            re.IGNORECASE)
# a size said of a part: "mounting holes size: 6 inches", "Two size holes (one is 3.15")"
_PART_SIZE = re.compile(r"\b(holes?|threads?|openings?|mouth|nozzles?|rotors?|pipes?|screws?|"
                        r"bolts?)\b[^.;\n]{0,25}$", re.IGNORECASE)
# "measures 17” in length by 13” in width and 2.5” in height": dimensions said in words
_DIM_WORD = r"(width|wide|height|high|tall|depth|deep|length|long|diameter|thickness|thick)"
_WORDED = re.compile(rf"(?:\d[\s-]*(?:{UNIT})\.?|[\"”″])\s*(?:in |of )?(?:\w+\s+)?{_DIM_WORD}\b"
                     rf"|\b{_DIM_WORD}\s*[:=]?\s*(?:of\s+)?(?:about\s+)?\d", re.IGNORECASE)
_SAME_DIMENSION = {"wide": "width", "high": "height", "tall": "height", "deep": "depth",
                   "long": "length", "thick": "thickness"}


def not_own_measure(text: str, m: re.Match[str], *, title: bool, own: Collection[str]) -> bool:
    """True when a measure is a load it carries, a fabric weight or (outside a title) a part's."""
    unit = UNITS[m.group(2).lower()]
    before = text[max(0, m.start() - 40):m.start()]
    part = _PART_SIZE.search(before)
    if part and part.group(1).lower().rstrip("s") in own:
        part = None  # "Rotor Size 160mm" of a rotor
    return bool((unit in _WEIGHTS and (_LOAD.search(before) or _LOAD_AFTER.match(text, m.end())))
                or _HELD.search(before)
                or (unit in ("ft", "m") and _RANGE_AFTER.match(text, m.end()))
                or (unit in ("oz", "g") and _FABRIC_WEIGHT.match(text, m.end()))
                or (not title and part is not None))


# "Model Body Size: Height: 5'4", Chest: 31 7/8inches": the model's body, not the garment
_MODEL = re.compile(r"\bmodel(?:'s)?\b[^\n]{0,20}\b(?:body|height|chest|bust|waist|hips?|"
                    r"is wearing|wears)\b", re.IGNORECASE)


def _line(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


def _worded_dimensions(text: str, at: int) -> bool:
    """True when the sentence holding ``at`` gives two kinds of dimension in words."""
    left = max(text.rfind(c, 0, at) for c in ".;\n") + 1
    ends = [i for i in (text.find(c, at) for c in ";\n") if i >= 0]
    sentence = text[left:min(ends) if ends else len(text)]
    kinds = {_SAME_DIMENSION.get(k.lower(), k.lower())
             for pair in _WORDED.findall(sentence) for k in pair if k}
    return len(kinds) >= 2


def _spec_list(text: str, at: int) -> bool:
    """True when the line holding ``at`` labels two or more kinds of dimension."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:end if end >= 0 else len(text)]
    return len({d.lower() for d in _DIMENSION.findall(line)}) >= 2



def parts_line(text: str, at: int) -> bool:
    """True when the line holding ``at`` lists part dimensions, a set's contents or a size chart.

    Two labelled kinds of dimension, two in words in one sentence, a model's body, five or
    more measures, or two "Size N" labels.
    """
    line = _line(text, at)
    return (_spec_list(text, at) or _worded_dimensions(text, at) or bool(_MODEL.search(line))
            or len(MEASURE.findall(line)) >= _CONTENTS or len(_SIZE_NAMED.findall(line)) >= 2)
