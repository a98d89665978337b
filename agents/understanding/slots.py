"""Slots of a shopper message: a trained tagger for product words, parsers for the rest.

- product type, brand, colour, material, audience, size: the CRF slot tagger
  (:mod:`knowledge.nlp.tagger`), with the store's catalogue vocabulary as features; brand,
  type and category are mapped to the catalogue's own values (they become hard filters),
  while ``tagged`` keeps the raw text of every tagged label;
- price: :func:`knowledge.nlp.prices.parse_price` ("nothing over 40 bucks" is a cap);
- exclusions: :func:`knowledge.nlp.negation.find_exclusions` ("not leather", "vegan only");
- category and feature words from the catalogue, quantities and ordinals: small parsers here.

Spans (type, start, end) are kept for span-F1 evals and for cutting phrases out of a query.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from agents.understanding.references import find_references
from agents.understanding.vocabulary import Vocabulary
from knowledge.nlp.lexicon import canonical_audience
from knowledge.nlp.negation import find_exclusions
from knowledge.nlp.prices import parse_price
from knowledge.nlp.tagger import Span as TagSpan
from knowledge.nlp.tagger import Tagger, load_tagger

MAX_CHARS = 2000
_WORDY = re.compile(r"[\w&'’.,+/\- ]{1,60}")
_SIZE = re.compile(r"\b(?:size|sz)\s+(\d[\w.\-/]*|x{0,3}[sl]|m|xxl|small|medium|large)\b|"
                   r"\b(x{0,3}s|x{0,3}l|m|xxl|full|plus|queen|king|twin|one|travel|family)\s+size\b|"
                   r"\b(\d+(?:\.\d+)?\s?x\s?\d+(?:\.\d+)?(?:\s?x\s?\d+)?(?:\s?(?:inch(?:es)?|in|cm|"
                   r"mm|ft))?)(?!\w)")


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
    exclude: list[str] = field(default_factory=list)
    quantity: int | None = None
    ordinals: list[int] = field(default_factory=list)
    deictic: bool = False
    cheapest: bool = False
    tagged: dict[str, str] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Return the slots without spans, for state and evals."""
        data = asdict(self)
        data.pop("spans")
        return data

    def report(self) -> dict[str, Any]:
        """What was understood, in the keys ``shopmage understand`` prints (found ones only).

        Brand and product type fall back to the tagged text when the catalogue has no such
        value (the shopper named a brand or type the store does not carry).
        """
        out: dict[str, Any] = {
            "max_price": self.max_price, "min_price": self.min_price,
            "brand": self.brand or self.tagged.get("brand"), "color": self.color,
            "material": self.material, "audience": self.audience,
            "product_type": self.product_type or self.tagged.get("product_type"),
            "exclude": list(self.exclude), "quantity": self.quantity,
            "ordinal": self.ordinals[0] if self.ordinals else None, "size": self.size,
            "category": self.category, "attributes": list(self.attributes),
            "relative_price": "cheaper" if self.cheaper else "pricier" if self.pricier else None,
        }
        return {k: v for k, v in out.items() if v not in (None, [], "")}

    @property
    def has_product_info(self) -> bool:
        """True when the message names something concrete to search for."""
        return bool(self.category or self.product_type or self.brand or self.attributes
                    or self.material or self.tagged.get("product_type"))


_DEFAULT: list[Tagger] = []


def default_tagger() -> Tagger:
    """The process-wide tagger for the default settings (built on first use)."""
    if not _DEFAULT:
        from knowledge.settings import Settings

        _DEFAULT.append(load_tagger(Settings()))
    return _DEFAULT[0]


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(start < s.end and s.start < end for s in spans)


def apply_prices(text: str, slots: Slots) -> None:
    """Price bounds and the relative wish ("cheaper", "more premium")."""
    found = parse_price(text)
    slots.min_price, slots.max_price = found.min_price, found.max_price
    slots.cheaper = found.relative == "cheaper"
    slots.pricier = found.relative == "pricier"
    for start, end, said in found.spans:
        slots.spans.append(Span("price", start, end, said))


def apply_exclusions(text: str, vocab: Vocabulary, slots: Slots) -> None:
    """Things not wanted: "not leather", "no plastic", "anything but red", "vegan only"."""
    for found in find_exclusions(text, vocab.exclusion_terms()):
        if found.term not in slots.exclude:
            slots.exclude.append(found.term)
        if not _overlaps(found.start, found.end, slots.spans):
            slots.spans.append(Span("exclude", found.start, found.end, text[found.start:found.end],
                                    found.term))


def apply_tags(text: str, vocab: Vocabulary, slots: Slots, tags: list[TagSpan]) -> None:
    """Map tagged spans onto slots (first span per label; catalogue values where known)."""
    blocked = [s for s in slots.spans if s.type in ("price", "exclude")]
    kept = [t for t in tags if not _overlaps(t.start, t.end, blocked)]
    for i, tag in enumerate(kept):
        if tag.label in slots.tagged or not _WORDY.fullmatch(tag.text):
            continue
        value = _value(tag, kept[i - 1] if i else None, text, vocab)
        slots.tagged[tag.label] = tag.text.lower()
        if value is None:
            continue
        if tag.label in ("brand", "color", "material", "audience", "product_type"):
            setattr(slots, tag.label, value)
            slots.spans.append(Span(tag.label, tag.start, tag.end, tag.text, value))
        elif tag.label == "size" and slots.size is None:
            slots.size = value
            slots.spans.append(Span("size", tag.start, tag.end, tag.text, value))


_LEAD = re.compile(r"^(?:(?:in|a|an|the|with|made|of|from|by|colou?r(?:ed)?|some|any)\s+)+")


def _value(tag: TagSpan, before: TagSpan | None, text: str, vocab: Vocabulary) -> str | None:
    low = tag.text.lower() if tag.label == "audience" else _LEAD.sub("", tag.text.lower())
    if not low:
        return None
    if tag.label == "brand":
        return vocab.canonical("brands", low)
    if tag.label in ("color", "material"):
        kind = "colors" if tag.label == "color" else "materials"
        return vocab.canonical(kind, low) or low
    if tag.label == "audience":
        bare = re.sub(r"^(?:for|for the|for my|for a)\s+", "", low)
        return vocab.canonical("audiences", bare) or canonical_audience(bare)
    if tag.label == "product_type":
        candidates = [low]
        if before is not None and text[before.end:tag.start].strip() == "":
            candidates.insert(0, f"{before.text.lower()} {low}")
        candidates.append(low.split()[-1])
        return next((v for c in candidates if (v := vocab.canonical("types", c))), None)
    if tag.label == "size":
        return low
    return None


def apply_catalogue_words(text: str, vocab: Vocabulary, slots: Slots) -> None:
    """Category names and feature words of the catalogue (exact terms), and sizes."""
    taken = [(s.start, s.end) for s in slots.spans]
    if slots.product_type is None:
        found = _first(text, vocab, "types", "product_type", taken)
        if found:
            slots.product_type = found[0]
            slots.spans.append(found[1])
    if found := _first(text, vocab, "categories", "category", taken):
        slots.category = found[0]
        slots.spans.append(found[1])
    if slots.product_type and not slots.category:
        slots.category = vocab.type_category.get(slots.product_type)
    while found := _first(text, vocab, "features", "attribute", taken):
        if found[0] not in slots.attributes and found[0] not in slots.exclude:
            slots.attributes.append(found[0])
        slots.spans.append(found[1])
    if m := _SIZE.search(text):
        value = next(g for g in m.groups() if g).strip(".")
        start = m.start() if m.group(1) is None else m.start(1)
        slots.size = vocab.sizes.get(value, value)
        slots.spans = [s for s in slots.spans if s.type != "size"]
        slots.spans.append(Span("size", start, m.end(), text[start:m.end()], slots.size))


def _first(text: str, vocab: Vocabulary, kind: str, slot: str,
           taken: list[tuple[int, int]]) -> tuple[str, Span] | None:
    for pattern, value in vocab.patterns(kind):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            return value, Span(slot, m.start(), m.end(), m.group(0), value)
    return None


def parse_slots(text: str, vocab: Vocabulary, tagger: Tagger | None = None) -> Slots:
    """Every slot of one message (``tagger``: default, the process-wide one)."""
    low = text[:MAX_CHARS].lower()
    slots = Slots()
    apply_prices(low, slots)
    apply_exclusions(low, vocab, slots)
    tags = (tagger or default_tagger()).tag(low, vocab.gazetteer())
    apply_tags(low, vocab, slots, tags)
    apply_catalogue_words(low, vocab, slots)
    refs = find_references(low)
    slots.quantity, slots.ordinals = refs.quantity, refs.ordinals
    slots.cheapest, slots.deictic = refs.cheapest, refs.deictic
    slots.spans.extend(Span(*span) for span in refs.spans)
    slots.spans.sort(key=lambda s: s.start)
    return slots
