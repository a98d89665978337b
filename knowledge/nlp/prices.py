"""Price wishes as people write them: caps, floors, ranges, "around", "cheap".

``parse_price("nothing over 40 bucks")`` -> max 40. Each number found by
:mod:`knowledge.nlp.numbers` gets a role from the words around it: a comparator before
it ("under", "at least", "no more than" -- negation flips the direction), a marker after
it ("or less", "and up", "tops", "-ish"), a range with another number, or a currency on
its own (a bare "$30" is a cap). Numbers followed by a unit ("55 inch", "750ml",
"4 people") or named as a size or pack ("size 40", "pack of 12") are not prices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.nlp.numbers import NumberMatch, find_numbers

APPROX = 0.2
_NEG = r"(?:no|not|nothing|never|don'?t|dont|do not|can'?t|cannot|won'?t|wouldn'?t|shouldn'?t)"
_BEFORE = [  # (pattern anchored at the end of the text before a number, role)
    (r"(?:around|about|roughly|approx(?:imately)?\.?|~|circa|close to|give or take)", "approx"),
    (r"(?:less|lower|cheaper|fewer) th[ae]n|under|below|beneath|sub|within|up to|upto|"
     r"at most|at the most|max(?:imum)?(?: budget)?(?: (?:is|of))?|budget(?:'s| is| of)?:?|"
     r"top budget|<=?|≤|spend|pay|afford|for", "max"),
    (r"(?:more|higher|greater|pricier) th[ae]n|over|above|at least|min(?:imum)?(?: (?:is|of))?|"
     r"starting (?:at|from)|starts? at|from|>=?|≥|upwards of|north of", "min"),
]
_BEFORE_RE = [(re.compile(rf"(?:^|(?<=[\s$€£~<>≤≥(]))(?:{p})\s*$"), role) for p, role in _BEFORE]
_NEGATION = re.compile(rf"\b{_NEG}\b")
_NEG_GAP = frozenset("""want wanna to spend pay paying go going afford be it i really anything
something cost costs costing that is are much willing able gonna should would please let have need
me my we you them want to like looking""".split())
_AFTER = [
    (r"(?:-|\s)?ish\b|\s*(?:-|\s)?range\b|\s*give or take\b", "approx"),
    (r"\s*(?:or|and) (?:less|under|below|cheaper|lower)\b|\s*(?:tops|max(?:imum)?|at most|"
     r"at the most|or so max)\b", "max"),
    (r"\s*(?:\+|(?:or|and) (?:more|up|above|over|higher)\b)", "min"),
]
_AFTER_RE = [(re.compile(p), role) for p, role in _AFTER]
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|and|through|thru)\s*$")
_UNIT = re.compile(
    r"^(?:\s?(?:inch(?:es)?|in\b|\"|'|”|cm|mm|m\b|ft|feet|foot|oz|ounces?|lbs?|pounds?|kg|g\b|"
    r"grams?|ml|l\b|lit(?:er|re)s?|gal(?:lon)?s?|qt|quarts?|packs?|pk|pieces?|pcs?|count|ct|"
    r"years?|yrs?|yo\b|months?|mos?\b|weeks?|days?|hours?|hrs?|minutes?|mins?|people|persons?|"
    r"seat(?:er|s)?|players?|burners?|gb|tb|mb|watts?|w\b|volts?|v\b|mah|hz|mph|cups?|ply|"
    r"sheets?|rolls?|pages?|sets?|pairs?|x\b|%|percent|degrees?|legs?|drawers?|shelves|tiers?|"
    r"lights?|sq|qts?|capsules?|tablets?|servings?|bags?|bottles?|cans?|boxes|liters?|"
    r"t\b|p\b|k\b|th\b|st\b|nd\b|rd\b))", re.I)
_NOT_PRICE_BEFORE = re.compile(
    r"(?:size|sz|sizes|pack of|set of|packs? of|age|ages|aged|model|gen|series|version|v|no\.?|"
    r"number|#|iphone|galaxy|pixel|ps|xbox|kids|for|of|the|a|an)\s*$", re.I)
_MEASURE = re.compile(  # a quantity that is not money: "power usage between 500 and 1000"
    r"\b(?:usage|power|wattage|width|height|length|depth|weight|size|voltage|capacity|ages?|"
    r"aged|speed|resolution|diameter|thickness|temperature|storage|memory|ram|screen|battery|"
    r"rating|count|quantity)(?:\s+[a-z]+)?\s*$")
_CHEAPER = re.compile(r"\b(?:cheap(?:er|est)?(?! th[ae]n)|inexpensive|affordable|low[- ]cost|"
                      r"less expensive|lower price[ds]?|budget[- ](?:friendly|option)|"
                      r"on a budget|too (?:expensive|pricey)|bargain)\b")
_PRICIER = re.compile(r"\b(?:pricier|more expensive|more premium|higher[- ]end|high[- ]end|"
                      r"premium|fancier|better quality|luxury)\b")


@dataclass
class PriceRange:
    """The price wish in a message: bounds, a relative wish, and where it was said."""

    min_price: float | None = None
    max_price: float | None = None
    relative: str | None = None  # "cheaper" | "pricier"
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        """True when any bound or relative wish was found."""
        return self.min_price is not None or self.max_price is not None or bool(self.relative)


def _window(text: str, floor: int, end: int, size: int = 48) -> int:
    """Start of the text a comparator may sit in: at most ``size`` chars, from a word start."""
    lo = max(floor, end - size)
    if lo > floor:
        space = text.find(" ", lo, end)
        lo = space + 1 if space >= 0 else end
    return lo


def _role_before(text: str, n: NumberMatch, floor: int) -> tuple[str, int] | None:
    floor = _window(text, floor, n.start)
    before = text[floor:n.start]
    for pattern, role in _BEFORE_RE:
        m = pattern.search(before)
        if m is None:
            continue
        start = floor + m.start()
        negated = _negation_start(text, max(floor, start - 40), start)
        if negated is not None and role != "approx":
            role, start = ("min" if role == "max" else "max"), negated
        return role, start
    return None


def _negation_start(text: str, lo: int, hi: int) -> int | None:
    """Where a negation governing the comparator at ``hi`` starts ("don't want to spend")."""
    for m in reversed(list(_NEGATION.finditer(text, lo, hi))):
        gap = text[m.end():hi].split()
        if all(w in _NEG_GAP for w in gap):
            return m.start()
    return None


def _role_after(text: str, n: NumberMatch) -> tuple[str, int] | None:
    for pattern, role in _AFTER_RE:
        m = pattern.match(text, n.end)
        if m:
            return role, m.end()
    return None


def _is_unit(text: str, n: NumberMatch) -> bool:
    return not n.currency and bool(_UNIT.match(text[n.end:]))


def _plain_for(text: str, n: NumberMatch, role: str, start: int) -> bool:
    """A bare "for 5" / "spend 3" without money words is not a cap (a "5 year old")."""
    word = text[start:n.start].strip().lower()
    return role == "max" and word == "for" and not n.currency


def parse_price(text: str) -> PriceRange:
    """Bounds and relative wish for one message (see the module docstring for the rules)."""
    low = text.lower()
    out = PriceRange()
    numbers = find_numbers(low)
    i, floor = 0, 0
    while i < len(numbers):
        n = numbers[i]
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        used = _range(low, n, nxt, floor, out)
        if used:
            floor, i = used, i + 2
            continue
        floor = _single(low, n, floor, out) or floor
        i += 1
    relative = _CHEAPER.search(low)
    if relative:
        out.relative = "cheaper"
    elif _PRICIER.search(low):
        out.relative = "pricier"
    return out


def _range(low: str, n: NumberMatch, nxt: NumberMatch | None, floor: int,
           out: PriceRange) -> int | None:
    """Read "A-B", "between A and B", "from A to B": returns where it ended, or None."""
    if nxt is None or not _RANGE_GAP.match(low[n.end:nxt.start]) or _is_unit(low, nxt):
        return None
    gap = low[n.end:nxt.start].strip()
    window = _window(low, floor, n.start)
    before = low[window:n.start]
    opener = re.search(r"(?:between|from)\s*$", before)
    if gap == "and" and not (opener and opener.group(0).startswith("between")):
        return None
    lead = _role_before(low, n, floor)
    head = window + opener.start() if opener else lead[1] if lead else n.start
    measured = bool(_MEASURE.search(low[max(floor, head - 30):head]))
    money = n.currency or nxt.currency or ((opener or lead) and not measured)
    if not money and (measured or _NOT_PRICE_BEFORE.search(before) or nxt.value <= n.value):
        return None
    if nxt.value <= n.value or (_is_unit(low, n) and not n.currency):
        return None
    start, end = head, nxt.end
    after = re.match(r"\s*(?:range|price range)\b", low[end:])
    end += after.end() if after else 0
    out.min_price, out.max_price = n.value, nxt.value
    out.spans.append((start, end, low[start:end]))
    return end


def _single(low: str, n: NumberMatch, floor: int, out: PriceRange) -> int | None:
    """Give one number its role (cap, floor, approximate, bare amount); None: not a price."""
    if _is_unit(low, n):
        return None
    before, after = _role_before(low, n, floor), _role_after(low, n)
    head = before[1] if before else n.start
    if not n.currency and _MEASURE.search(low[max(floor, head - 30):head]):
        return None
    role, start, end = None, n.start, n.end
    if after:
        role, end = after
        if before and before[0] == "approx" and role == "approx":
            start = before[1]
    if before and (role is None or role == before[0]):
        if _plain_for(low, n, before[0], before[1]):
            before = None
        else:
            role, start = before
    if role is None and n.currency:
        role = "max"
    if role is None:
        return None
    _apply(out, role, n.value)
    out.spans.append((start, end, low[start:end]))
    return end


def _apply(out: PriceRange, role: str, value: float) -> None:
    if role == "approx":
        out.min_price = round(value * (1 - APPROX), 2)
        out.max_price = round(value * (1 + APPROX), 2)
    elif role == "max":
        out.max_price = value
    else:
        out.min_price = value
