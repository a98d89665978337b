"""One attribute of the product given two values that cannot both hold, whatever the attribute.

Each clause of a brief may state an attribute of the product: its warranty, its scent, its
total weight, its piece count, how it is cleaned, where it is made, how many it handles at
once, its battery runtime, its top temperature, the youngest age it is for, the most it
holds, its size, length, capacity and power, its mains voltage and plug, what powers it, its
top resolution, the substances it has or is free of, its batteries. Every such statement is
read into a typed value with its span ("Warranty: 1 year" -> warranty 365 days; "only 14 oz
total" -> weight 397 g; "Package includes: 4 coasters" -> count 4; "10 L (2.6 gal)" ->
capacity 10000 ml; "EU plug" -> voltage 220-240) by the ``attribute_*`` modules beside this
one. A value may be a bound: "Supports 4K" says the top resolution is at least 2160 lines,
"not for children under 8" that the youngest age is at least 8 years. Two statements of the
same attribute that no one value satisfies (after unit normalisation, with rounding allowed)
make the brief refused, naming both spans.

Beside these kind readers, three general ones read any slot: a named thing's measure or
count (``attribute_slots``: "Battery: 500mAh" / "250mAh battery", "2-Burner" / "Single
burner"), one property's exclusive values (``attribute_opposites``: hand- / machine-made,
reusable / single use, fixed / adjustable height, digital / analog, wired / wireless, the
only colour, a shape) and a thing the product does said also not to ("foldable" / "does not
fold"), each keyed to the part it is said of. The product's own one material, colour and bed size
(``attribute_own``: "glass water bottle" / "Material: plastic", "red t-shirt" / "Color: blue",
"king size sheet set" / "Size: twin") clash when neither value is a kind of the other.
Quantities written around their noun are read too: how many of a pack's own items
(``attribute_counts``: "Pack of 24 AA batteries" / "Quantity: 12 batteries"), a weight or
capacity before its noun (``attribute_sized``: "20 lb kettlebell", "5-quart bowl"), age
ranges, timers and burn times (``attribute_ranges``: "ages 8-12" / "3-5 years", two ranges
that share no age) and a title's audience beside a "Gender:" line (``attribute_audience``).

A statement counts only when it is said of the product itself: a clause that opens on a part
("cover machine washable", "Holder: acacia") or a qualifier ("10mm each", "6 or 12", "up to
8", "holds 8 coasters") says nothing of the product's own value, so two parts in two
materials, a per-piece size beside a total, or an options list are never a clash.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from itertools import combinations

from knowledge.errors import InvalidRequestError
from tools.creatives.attribute_amounts import counts, weights
from tools.creatives.attribute_audience import audiences
from tools.creatives.attribute_choices import CHOICE_READERS, works_on
from tools.creatives.attribute_cold import cold_limits
from tools.creatives.attribute_counts import item_counts
from tools.creatives.attribute_exclusive import exclusive_fits, part_sides
from tools.creatives.attribute_forms import form_statements
from tools.creatives.attribute_items import item_statements
from tools.creatives.attribute_limits import LIMIT_READERS
from tools.creatives.attribute_measures import measures
from tools.creatives.attribute_named_counts import named_counts
from tools.creatives.attribute_opposites import denied_statements, opposite_statements
from tools.creatives.attribute_orientation import orientations
from tools.creatives.attribute_own import is_own, own_differ, own_values
from tools.creatives.attribute_power import POWER_READERS, power_differ
from tools.creatives.attribute_ranges import RANGE_READERS, ranges_meet
from tools.creatives.attribute_sized import sized_nouns
from tools.creatives.attribute_slots import named_measures
from tools.creatives.attribute_specs import SPEC_READERS, overlap
from tools.creatives.attribute_substances import substances
from tools.creatives.attribute_values import READERS, Stated, clauses, colon_labels
from tools.creatives.own_kinds import NAMED_SIZE
from tools.creatives.own_sizes import sizes_differ

__all__ = ["check_attributes", "statements"]

_NAMES = {"warranty": "the warranty", "scent": "the scent", "weight": "the total weight",
          "net weight": "the net weight", "count": "the piece count", "care": "the care",
          "origin": "the origin", "at once": "how many it takes at once",
          "runtime": "the battery runtime", "max temperature": "the top temperature",
          "min age": "the youngest age", "size": "the size", "voltage": "the voltage",
          "max load": "the most it holds", "power source": "what powers it",
          "top resolution": "the top resolution", "heated": "whether it may be heated",
          "see-through": "whether one sees through it",
          "compatibility": "what it is compatible with"}
_TOLERANCE = 0.12  # "Weight: 6 oz (170 g)": 170.1 g against 170 g is rounding


def _interval(s: Stated) -> tuple[float, float]:
    """The values a numeric statement allows: its value, or all above / below it."""
    assert isinstance(s.value, float)
    if s.bound == ">=":
        return s.value, math.inf
    if s.bound == "<=":
        return -math.inf, s.value
    return s.value, s.value


def _apart(a: float, b: float) -> bool:
    """True when ``a`` lies below ``b`` by more than rounding."""
    if math.isinf(a) or math.isinf(b):
        return a < b
    return b - a > _TOLERANCE * max(abs(a), abs(b))


def _differ(a: Stated, b: Stated) -> bool:
    """True when two values of one attribute cannot both hold."""
    if a.attribute == NAMED_SIZE:  # "Size Large" / "SIZE: large" / "L": one size
        return sizes_differ(str(a.value), str(b.value))
    if is_own(a.attribute):  # "glass" / "borosilicate glass" hold together, "glass" / "plastic" not
        return own_differ(a, b)
    if isinstance(a.value, tuple) and isinstance(b.value, tuple):
        if a.attribute == "voltage":
            return not overlap(a.value, b.value)
        if a.attribute == "the ages it is for":
            return not ranges_meet(a.value, b.value)
        return any(abs(x - y) > _TOLERANCE * max(x, y) for x, y in zip(a.value, b.value,
                                                                         strict=False))
    if isinstance(a.value, float) and isinstance(b.value, float):
        (lo_a, hi_a), (lo_b, hi_b) = _interval(a), _interval(b)
        return _apart(hi_a, lo_b) or _apart(hi_b, lo_a)  # no value both allow
    if a.attribute == "the colour":  # "charcoal gray" says "gray" in more words
        words_a, words_b = set(str(a.value).split()), set(str(b.value).split())
        return not (words_a <= words_b or words_b <= words_a)
    if a.attribute == "power source":
        return power_differ(str(a.value), str(b.value))
    if a.attribute == "scent":  # two named scents may be options; none beside one is a clash
        return (a.value == "none") != (b.value == "none")
    return a.value != b.value


def _name(attribute: str) -> str:
    """How the refusal names an attribute ("the warranty", "whether it has latex")."""
    if attribute.startswith(("has ", "contains ", "fits ", "works on ", "comes with ")):
        return f"whether it {attribute}"
    if attribute.startswith(("how ", "whether ", "a part", "what ", "who ", "the ", "its ",
                             "which ")):
        return attribute
    if attribute.startswith("style "):
        return f"whether it is {attribute.removeprefix('style ')} style"
    return _NAMES.get(attribute, "the " + attribute)


def statements(brief: str) -> list[Stated]:
    """Every attribute value the brief states of the product, in brief order."""
    text = colon_labels(brief)  # "WEIGHT - 2 lb" is a labelled line; spans keep their place
    found = (counts(text) + measures(text) + substances(text) + works_on(text)
             + part_sides(text) + exclusive_fits(text) + form_statements(text)
             + opposite_statements(text) + denied_statements(text) + named_measures(text)
             + named_counts(text) + item_statements(text) + cold_limits(text)
             + orientations(text) + own_values(text) + item_counts(text)
             + sized_nouns(text) + audiences(text))
    for clause, start in clauses(text):
        for read in (*READERS, *LIMIT_READERS, *SPEC_READERS, *POWER_READERS, *CHOICE_READERS,
                     *RANGE_READERS, weights):
            found += read(clause, start)
    if text != brief:  # quote each side as the brief writes it
        found = [s if s.text in brief else _as_written(brief, text, s) for s in found]
    return sorted(found, key=lambda s: s.start)


def _as_written(brief: str, text: str, s: Stated) -> Stated:
    """``s`` quoting the brief's own words where :func:`colon_labels` rewrote its head."""
    at = text.find(s.text, max(0, s.start - 8))
    return s if at < 0 else replace(s, text=brief[at:at + len(s.text)])


# labels that name a spec of the product itself, not one of its parts
_SPEC_LABELS = frozenset({"voltage", "plug", "power", "capacity", "weight", "length", "size",
                          "sizes", "dimensions", "width", "height", "depth", "scent", "material",
                          "materials", "colour", "color", "battery", "type", "specs", "details",
                          "features", "description", "product", "item", "note", "notes",
                          "warranty", "count", "quantity", "contents", "package includes",
                          "includes", "age", "ages", "resolution", "runtime", "care", "origin",
                          "total", "overall", "net weight", "item weight", "product size"})
# attributes only the whole product has: two labelled lines give them of the product too
_WHOLE = frozenset({"the coldest it takes", "which way it is longer"})
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n|\s[|]\s|(?<![\d\"'])\s[\u2013\u2014-]\s(?!\d)|"
                           r"[\u2022\u2714\u2705]")  # "5.5\" - 7.1\"" is a range, not a break
# a sentence that lists sizes, versions or options: its values are the options
_LISTING = re.compile(r"(?i)\b(?:sizes?|available|options?|choose|versions?|models?|variants?)\b")
_LINE_CUT = re.compile(r"[\n|\u2022]|\s/\s|\s[-\u2013\u2014]\s|;\s")


def _line_label(text: str, at: int) -> str:
    """The label of the spec line or segment holding ``at`` ("Interior details"), else ""."""
    segments = _LINE_CUT.split(text[max(0, at - 120):at])
    line = segments[-1]
    if not line.strip() and len(segments) > 1 and re.search(r"\s[\u2013\u2014-]\s*$", text[:at]):
        line = segments[-2] + " - "  # "Water capacity \u2013 91.5 oz.": the dash ends a label
    label = re.match(r"\W*(?:\d+\s+)?([A-Za-z][A-Za-z ]{1,30}?)\s*(?:\([^)]{0,12}\)\s*)?"
                     r"[:\u2013\u2014-]\s", line)  # "Bean container capacity (x2) - 9.88 oz."
    return label.group(1).strip().lower() if label else ""


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence or bullet that holds ``text[start:end]``."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]


def _listed_apart(text: str, a: Stated, b: Stated) -> bool:
    """True when two values are items of one list or sit on two differently labelled lines.

    "4.5 inch Santoku, 7.5 inch Santoku" lists a set's knives; "Large size for 7.1-8.7 in
    wrists, Small size for 5.5-7.1 in" lists sizes; "Exterior details: 2 front slip pockets" /
    "Interior details: 6 front slip pockets" are two parts' lines.
    """
    labels = _line_label(text, a.start), _line_label(text, b.start)
    if all(labels) and labels[0] != labels[1] and not (set(labels) & _SPEC_LABELS) and \
            a.attribute not in _WHOLE:
        return True  # "4 crackers: 5.5 in long" / "4 picks: 7 in long": two parts' lines
    first, second = sorted((a, b), key=lambda s: s.start)
    end = first.start + len(first.text)
    if not _SENTENCE_END.search(text, end, max(second.start, end)) and _LISTING.search(
            _sentence(text, first.start, second.start + len(second.text))):
        return True  # a sentence of sizes: "Small for 5.5-7.1 in, Large for 7.1-8.7 in"
    if {a.value, b.value} != {"one", "other"}:  # a named slot's two values (attribute_slots)
        return False
    first, second = sorted((a, b), key=lambda s: s.start)
    between = text[first.start + len(first.text):second.start]
    if 0 <= len(between) < 80 and "," in between and \
            not re.search(r"[.!?;\n|:\u2013\u2014]|\s-\s", between):
        return True
    labels = _line_label(text, a.start), _line_label(text, b.start)
    return all(labels) and labels[0] != labels[1]


# a sentence that compares, hedges or offers other versions states no value of the product:
# "Unlike other 48W lamps", "If your size is not in stock", "Also comes in 2 L"
_ELSEWHERE = re.compile(r"(?i)\b(?:unlike|compared|versus|vs\.?|competitors?|other\s+(?:brands?|"
                        r"products?|models?|lamps?|bottles?)|ordinary|traditional|if|"
                        r"unless|in\s+case|also\s+(?:comes?|available)|available\s+in)\b")


def _said_elsewhere(text: str, s: Stated) -> bool:
    """True when a statement sits in a sentence that compares, hedges or gives options."""
    if s.attribute.startswith(("fits ", "works on ", "comes with ", "what it is compatible")):
        return False  # what it fits or comes with is said beside other things by nature
    said = _sentence(text, s.start, s.start + len(s.text)).replace(s.text, " ")
    return _ELSEWHERE.search(said) is not None  # its own words ("dies if ...") aside


def check_attributes(text: str) -> None:
    """Raise :class:`InvalidRequestError` naming both spans when one attribute gets two values."""
    found = [s for s in statements(text) if not _said_elsewhere(text, s)]
    for a, b in combinations(found, 2):
        if a.attribute == b.attribute and a.start != b.start and _differ(a, b) and \
                not _listed_apart(text, a, b):
            raise InvalidRequestError(
                f"the brief contradicts itself: it gives "
                f"{_name(a.attribute)} as {a.text!r} "
                f"and also as {b.text!r}; say which is true")
