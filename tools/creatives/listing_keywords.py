"""A listing's search keywords, made of the brief's own words.

The head as written, the product's kind when the head ends on it ("bamboo cutting board",
"board"), a material or audience said alone with the kind ("tpe yoga mat"), and the brand
with the kind. Moved out of :mod:`tools.creatives.listing_builder` unchanged.
"""

from __future__ import annotations

import re

from knowledge.extraction.types import find_type
from tools.creatives.facts import Fact, ParsedBrief, Segment
from tools.creatives.word_classes import HOSTS, is_plural, plain_noun

__all__ = ["KEYWORD_GLUE", "build_keywords", "keyword_kind"]


def build_keywords(parsed: ParsedBrief, brand: str | None) -> list[str]:
    """Search keywords made of the brief's own words."""
    kind = keyword_kind(parsed)
    words = [parsed.head.lower(), kind]
    words += [f"{f.text.lower()} {kind}" for seg in parsed.segments for f in seg.facts
              if kind and f.type in ("material", "audience") and len(f.text) <= 24
              and _whole(f, seg)]
    if brand and kind:
        words.append(f"{brand.lower()} {kind}")
    seen: dict[str, None] = {}
    for w in words:
        w = re.sub(r"\s+", " ", w).strip()
        if w and w not in seen:
            seen[w] = None
    return list(seen)[:8]


def _whole(fact: Fact, seg: Segment) -> bool:
    """True when the fact is all its segment says ("made of tpe", "100% cotton").

    "stainless steel mixing ball" is not a stainless steel product, "aluminium poles" not
    an aluminium tent: a keyword made of the fact alone would move it onto the product.
    """
    rest = seg.text.lower().replace(fact.text.lower(), " ")
    return all(w in KEYWORD_GLUE for w in re.findall(r"[a-z]+", rest))


KEYWORD_GLUE = frozenset({"made", "of", "from", "in", "and", "with", "for", "pure"})


def keyword_kind(parsed: ParsedBrief) -> str:
    """The product's kind for keywords: the found type only when the head ends on it.

    A "kayak paddle" is not a "kayak", a "label maker" not a "label": a type found
    inside the head, not at its end, would name another product. Nor is a type at the end
    the product's when a product type of two words or more comes before it ("garlic press
    stainless steel ... dishwasher safe", "baby play mat foam").
    """
    head = parsed.head.lower()
    kind = (parsed.product_type or "").lower()
    ends = re.search(rf"(?:^|\s){re.escape(kind)}$", head) if kind else None
    if ends is None or _compound_before(head[:ends.start()]) or _PROPERTY_END.search(head):
        return head  # "garlic press ... dishwasher safe" is a garlic press, not a safe
    before = parsed.head[:ends.start()].split()  # as written: "IPS" is no plain noun
    if kind in HOSTS and before and before[-1].islower() and plain_noun(before[-1]) or any(
            is_plural(w) and plain_noun(w) for w in before):
        return head  # "backpack laptop" is no laptop, "guitar strings ... gauge" no gauge
    return kind


# a head that ends on a property ("... dishwasher safe", "... BPA free") ends on no type
_PROPERTY_END = re.compile(r"\s(?:safe|free|proof|resistant|friendly|approved|certified|"
                           r"compatible|included|required|rated|ready)$")


def _compound_before(words: str) -> bool:
    """True when a product type of two words or more ends somewhere in ``words``."""
    for m in re.finditer(r"\S(?=\s|$)", words):
        found = find_type(words[:m.end()])
        if found is not None and found[2] == m.end() and " " in found[0]:
            return True
    return False
