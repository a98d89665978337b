"""FROZEN COPY of the regex slot parsers (agents/understanding/slots.py before issue 12).

Kept for old-vs-new figures only (evals/queryner.py). Do not use in the product.

Slot parsers: price ranges, brand, colour, size, category, quantity, features, ordinals.

Every parser is a plain function over lowercase text and the catalogue :class:`Vocabulary`;
:func:`parse_slots` runs them all. Spans (type, start, end) are kept for span-F1 evals.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from evals.baselines.regex_vocabulary import Vocabulary

NUM = r"\$?\s?(\d+(?:[.,]\d{1,2})?)\s?(?:\$|dollars?|bucks|usd)?"
_MAX = re.compile(rf"(?:under|below|less than|cheaper than|max(?:imum)?|up to|no more than|"
                  rf"at most|within|not over|budget(?: of| is)?|lower than|<)\s*{NUM}")
_MIN = re.compile(rf"(?:over|above|more than|at least|starting at|from|min(?:imum)?|"
                  rf"higher than|greater than|>)\s*{NUM}(?!\s*(?:-|to|and)\s*\$?\d)")
_RANGE = re.compile(rf"(?:between\s*)?{NUM}\s*(?:-|–|to|and)\s*{NUM}")
_AROUND = re.compile(rf"(?:around|about|roughly|approximately|~)\s*{NUM}")
_CHEAPER = re.compile(r"\b(cheaper|less expensive|lower price|more affordable|cheapest|"
                      r"budget option|too expensive|too pricey)\b")
_PRICIER = re.compile(r"\b(pricier|more expensive|more premium|higher end|higher-end|premium|"
                      r"fancier|better quality)\b")
_SIZE = re.compile(r"\b(?:size|sz)\s+(\d[\w.\-/]*|x{0,3}[sl]|m|xxl|small|medium|large)\b|"
                   r"\b(x{0,3}s|x{0,3}l|m|xxl|full|plus|queen|king|twin|one|travel|family)\s+size\b|"
                   r"\b(\d+(?:\.\d+)?\s?x\s?\d+(?:\.\d+)?(?:\s?x\s?\d+)?(?:\s?(?:inch(?:es)?|in|cm|mm|ft))?)(?!\w)")
_UOM = re.compile(r"\b\d+(?:\.\d+)?\s?(?:ml|l|oz|ounces?|inch(?:es)?|in|cm|mm|ft|feet|lbs?|"
                  r"pounds?|kg|g|gb|tb|pack|count|ct|pcs|pieces|liters?|quarts?|gallons?|"
                  r"person|watts?|w|mah|cups?|oz\.?|fl oz|gallon|ply|sheets?|rolls?)\b|\b\d+[\"']")
_QTY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
              "eight": 8, "nine": 9, "ten": 10, "a couple of": 2, "a pair of": 2,
              "a dozen": 12}
_QTY = re.compile(r"\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|"
                  r"a pair of|a dozen)\s*(?:x\s*)?(?:of (?:them|those|it|these|the)\b|"
                  r"(?:more|pieces|pcs|units|items)\b)|\b(?:add|buy|take|get|put|want)\s+"
                  r"(\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\b|"
                  r"\b(?:quantity|qty)\s*(?:of|to|=|:)?\s*(\d{1,3})\b|\bx\s?(\d{1,2})\b")
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3,
             "4th": 3, "fifth": 4, "5th": 4, "sixth": 5, "6th": 5, "seventh": 6, "eighth": 7,
             "last": -1, "final": -1, "top": 0}
_ORDINAL = re.compile(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|"
                      r"seventh|eighth|last|final|top)\b(?:\s+(?:one|item|option|product|"
                      r"pick|result))?|\b(?:number|no\.?|#|option|item)\s?(\d)\b")
_DEICTIC = re.compile(r"\b(that one|this one|that|this|it|them|those|these)\b")
_CHEAPEST = re.compile(r"\b(the )?cheapest( one)?\b")


@dataclass
class Span:
    """One recognised value in the text."""

    type: str
    start: int
    end: int
    text: str
    value: Any = None


@dataclass
class Slots:
    """Everything recognised in one message (None / empty: not mentioned)."""

    min_price: float | None = None
    max_price: float | None = None
    cheaper: bool = False
    pricier: bool = False
    brand: str | None = None
    color: str | None = None
    size: str | None = None
    category: str | None = None
    product_type: str | None = None
    audience: str | None = None
    material: str | None = None
    attributes: list[str] = field(default_factory=list)
    quantity: int | None = None
    ordinals: list[int] = field(default_factory=list)
    deictic: bool = False
    cheapest: bool = False
    spans: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Return the slots without spans, for state and evals."""
        data = asdict(self)
        data.pop("spans")
        return data

    @property
    def has_product_info(self) -> bool:
        """True when the message names something concrete to search for."""
        return bool(self.category or self.product_type or self.brand or self.attributes
                    or self.material)


def _num(text: str) -> float:
    return float(text.replace(",", "."))


def parse_price(text: str, slots: Slots) -> None:
    """Price range, caps, floors and relative wishes ("cheaper")."""
    if m := _RANGE.search(text):
        low, high = sorted((_num(m.group(1)), _num(m.group(2))))
        if "$" in m.group(0) or "between" in m.group(0) or _money_context(text, m):
            slots.min_price, slots.max_price = low, high
            slots.spans.append(Span("price", m.start(), m.end(), m.group(0)))
    if slots.max_price is None and (m := _MAX.search(text)):
        slots.max_price = _num(m.group(1))
        slots.spans.append(Span("price", m.start(), m.end(), m.group(0)))
    if slots.min_price is None:
        for m in _MIN.finditer(text):
            overlaps = any(m.start() < s.end and s.start < m.end() for s in slots.spans)
            if not overlaps and not _is_uom(text, m.end()):
                slots.min_price = _num(m.group(1))
                slots.spans.append(Span("price", m.start(), m.end(), m.group(0)))
                break
    if slots.max_price is None and (m := _AROUND.search(text)):
        value = _num(m.group(1))
        slots.min_price, slots.max_price = round(value * 0.8, 2), round(value * 1.2, 2)
        slots.spans.append(Span("price", m.start(), m.end(), m.group(0)))
    slots.cheaper = bool(_CHEAPER.search(text))
    slots.pricier = bool(_PRICIER.search(text)) and not slots.cheaper


def _money_context(text: str, m: re.Match[str]) -> bool:
    return bool(re.search(r"dollar|bucks|usd|price|budget|cost|spend|\$", text)) and not _is_uom(
        text, m.end())


def _is_uom(text: str, end: int) -> bool:
    return bool(re.match(r"\s?(?:ml|l|oz|inch|in|cm|mm|ft|lbs?|kg|g|pack|count|person|years?)\b",
                         text[end:]))


def _first(text: str, vocab: Vocabulary, kind: str, slot: str,
           taken: list[tuple[int, int]]) -> tuple[str, Span] | None:
    for pattern, value in vocab.patterns(kind):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            return value, Span(slot, m.start(), m.end(), m.group(0), value)
    return None


def parse_catalogue_terms(text: str, vocab: Vocabulary, slots: Slots) -> None:
    """Brand, type, category, colour, material, audience, size and feature words."""
    taken = [(s.start, s.end) for s in slots.spans]
    for kind, slot in (("brands", "brand"), ("types", "product_type"),
                       ("categories", "category"), ("colors", "color"),
                       ("materials", "material"), ("audiences", "audience")):
        found = _first(text, vocab, kind, slot, taken)
        if found:
            setattr(slots, slot, found[0])
            span = found[1]
            if slot == "audience" and text[max(0, span.start - 4):span.start] == "for ":
                span = Span(slot, span.start - 4, span.end, text[span.start - 4:span.end],
                            span.value)
            slots.spans.append(span)
    if slots.product_type and not slots.category:
        slots.category = vocab.type_category.get(slots.product_type)
    while found := _first(text, vocab, "features", "attribute", taken):
        if found[0] not in slots.attributes:
            slots.attributes.append(found[0])
        slots.spans.append(found[1])
    parse_size(text, vocab, slots, taken)


def parse_size(text: str, vocab: Vocabulary, slots: Slots, taken: list[tuple[int, int]]) -> None:
    """Parse a size: "size 9", "XL size", a catalogue size term, or a unit of measure."""
    m = _SIZE.search(text)
    if m:
        value = next(g for g in m.groups() if g).strip(".")
        slots.size = vocab.sizes.get(value, value)
        start = m.start() if m.group(1) is None else m.start(1)
        slots.spans.append(Span("size", start, m.end(), text[start:m.end()], slots.size))
        return
    found = _first(text, vocab, "sizes", "size", taken)
    if found and not found[0].isdigit() and not re.fullmatch(r"[sml]", found[0]):
        slots.size = found[0]
        slots.spans.append(found[1])
        return
    for m in _UOM.finditer(text):
        if not any(m.start() < e and s < m.end() for s, e in taken):
            slots.size = m.group(0)
            slots.spans.append(Span("size", m.start(), m.end(), m.group(0)))
            return


def parse_references(text: str, slots: Slots) -> None:
    """Quantity and references to shown products ("the second one", "that one")."""
    if m := _QTY.search(text):
        raw = next(g for g in m.groups() if g)
        slots.quantity = int(raw) if raw.isdigit() else _QTY_WORDS[raw]
        slots.spans.append(Span("quantity", m.start(), m.end(), m.group(0), slots.quantity))
    for m in _ORDINAL.finditer(text):
        index = _ORDINALS[m.group(1)] if m.group(1) else int(m.group(2)) - 1
        if index not in slots.ordinals:
            slots.ordinals.append(index)
        slots.spans.append(Span("ordinal", m.start(), m.end(), m.group(0), index))
    slots.cheapest = bool(_CHEAPEST.search(text))
    slots.deictic = bool(_DEICTIC.search(text)) and not slots.ordinals


def parse_slots(text: str, vocab: Vocabulary) -> Slots:
    """Run every parser over one message."""
    low = text.lower()
    slots = Slots()
    parse_price(low, slots)
    parse_catalogue_terms(low, vocab, slots)
    parse_references(low, slots)
    slots.spans.sort(key=lambda s: s.start)
    return slots
