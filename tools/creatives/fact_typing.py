"""One segment of a brief read into typed facts, each with its span in the brief.

"keeps drinks cold 24 hours" is a duration fact inside a feature segment; "3-year warranty" a
warranty; "fits Lansinoh and most bottles" one compatibility fact; "2 cups" in a kit's list a
feature (a count of parts, no capacity). A segment's kind is its most telling fact type
(PRIORITY), and what it says beyond its typed facts makes it a feature too. Moved out of
:mod:`tools.creatives.facts` unchanged.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import find_type
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from knowledge.nlp.quantities import Quantity, find_quantities
from tools.creatives.heads import OBJECT_VERBS, glued
from tools.creatives.name_ends import verb_led
from tools.creatives.use_list import is_use_list

__all__ = ["PRIORITY", "Fact", "Segment", "segment"]

_WARRANTY = re.compile(r"\b(?:lifetime|\d+[- ]?(?:years?|yrs?|months?|days?))\s(?:limited\s)?"
                       r"warranty\b", re.IGNORECASE)
_CERT = re.compile(r"\b(?:IPX?\d{1,2}|UL[- ]listed|ETL[- ]listed|CE(?:[- ]certified|[- ]marked)?|"
                   r"FCC|OEKO-TEX(?:\s?certified)?|CPSC(?:[- ]certified)?|FDA[- ]approved|"
                   r"(?:[A-Za-z][\w-]*\s){1,2}certified|vegan|cruelty[- ]free|USDA organic|"
                   r"BPA[- ]free|PFOA[- ]free|Energy Star)\b")
_COMPAT_TRIGGER = re.compile(r"\b(?i:fits|works with|compatible with|supports(?: up to)?|charges|"
                             r"for)\s(?:an?\s|the\s)?((?:[\w.+-]*[A-Z][\w.+/-]*)"
                             r"(?:,?\s(?:[\w.+-]*[A-Z0-9][\w.+/-]*|and|&|Air|Pro|Max|Mini))*)")
_COMPAT_NAMES = re.compile(r"\b(?:USB-C(?: PD)?|USB-A|Lightning|MagSafe|Bluetooth(?: \d(?:\.\d)?)?|"
                           r"HDMI(?: \d\.\d)?|Wi-?Fi|Alexa|Google Home|Apple HomeKit|AAA?|"
                           r"induction|microSD|Windows|macOS|iOS|Android)\b")
_INCLUDED = re.compile(r"^(?P<a>.+?)\s(?:included|incl\.?)(?:\s*\([^)]*\))?$|"
                       r"^(?:comes with|includes|including|incl\.?|with|in (?:the )?box|plus):?\s"
                       r"(?:an?\s|the\s)?(?P<b>.+)$", re.IGNORECASE)
_NOT_INCLUDED = re.compile(r"\b(?:not|no|n't|without)\s+(?:included|incl\b)", re.IGNORECASE)
_AUDIENCE = re.compile(r"\b(?:women's|womens|women|men's|mens|men|kids'?|children's|unisex|"
                       r"toddlers?|babies|baby|adults?|girls'?|boys'?|teens?|seniors?|"
                       r"(?:small|medium|large) (?:dogs|cats|breeds))\b", re.IGNORECASE)
# joining words trimmed off a segment's edges; qualifiers ("up to", "each") and "for" stay
# with the fact ("for 7-45 lbs" is the child's weight, "7-45 lbs" would be the carrier's)
# ("in 3 min" and "in a tin" keep their "in": "a tin" alone would read as what is sold)
_GLUE_EDGE = re.compile(r"^(?:and|with|the|a|an|plus|in(?!\s+(?:\d|an?)\b)|on|of)\s+|"
                        r"\s+(?:and|with|for|the|a|an)$", re.IGNORECASE)
_AUDIENCE_GLUE = frozenset({"for", "and", "or", "ages", "age", "from", "up", "to", "all", "most",
                            "of", "sizes", "size", "years", "yrs", "months", "old", "in"})
_NOT_MADE_OF = re.compile(rf"^(?:for|fits|on|works|due to|because|thanks to|{OBJECT_VERBS})\b|"
                          r"\b(?:than|like)\b|"
                          r"^(?:incl\.?|including)\s+\d", re.IGNORECASE)  # "incl. 6 metallic"
PRIORITY = ("warranty", "compatibility", "certification", "included", "duration", "temperature",
            "power", "rating", "capacity", "dimension", "weight", "count", "size_range",
            "material", "audience", "use", "feature")


@dataclass(frozen=True)
class Fact:
    """One typed fact: its type, surface text exactly as written, and its span in the brief."""

    type: str
    text: str
    start: int
    end: int
    value: float | None = None
    unit: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return asdict(self)


@dataclass
class Segment:
    """A stretch of the brief (as written) that carries one or more facts."""

    text: str
    start: int
    facts: list[Fact] = field(default_factory=list)

    @property
    def kind(self) -> str:
        """The segment's most telling fact type (warranty before feature).

        A material the segment names as what the product is for or is compared with
        ("for aluminum and steel", "stronger than wood") is no material of the product.
        """
        types = {f.type for f in self.facts}
        if _NOT_MADE_OF.search(self.text) or all(self._in_a_thing(f) for f in self.facts
                                                  if f.type == "material"):
            types.discard("material")
        if "audience" in types and not self._only("audience"):
            types.discard("audience")  # "womens packable hood" is not made for a hood
        return next((t for t in PRIORITY if t in types), "feature")

    def _in_a_thing(self, fact: Fact) -> bool:
        """True when a material word ends a thing's name: "wine glass slot" holds no glass."""
        at = self.text.lower().find(fact.text.lower())
        if at <= 0:
            return False
        thing = find_type(self.text[:at + len(fact.text)], fallback=False)
        return thing is not None and thing[2] == at + len(fact.text) and thing[1] < at

    def _only(self, kind: str) -> bool:
        """True when the segment says nothing beyond its ``kind`` facts and joining words."""
        rest = list(self.text.lower())
        for f in self.facts:
            if f.type == kind:
                at = self.text.lower().find(f.text.lower())
                if at >= 0:
                    rest[at:at + len(f.text)] = " " * len(f.text)
        return all(w in _AUDIENCE_GLUE for w in re.findall(r"[a-z]+", "".join(rest)))


def _edges(text: str) -> str:
    """``text`` without spaces, commas and full stops at its edges; ".46mm" keeps its point."""
    text = text.strip(" ,").rstrip(".")
    return text if re.match(r"\.\d", text) else text.lstrip(" ,.")


# a month before a number makes it a date: "ship from Aug 19 in the order received"
_MONTH = re.compile(r"(?i)\b(?:jan|january|feb|february|mar|march|apr|april|may|june?|july?|aug|"
                    r"august|sept?|september|oct|october|nov|november|dec|december)\.?\s+$")


def segment(text: str, start: int) -> Segment:
    """Type every fact inside one segment of the brief."""
    original = text
    text = _GLUE_EDGE.sub("", _edges(text)).strip()
    offset = start + max(0, original.find(text))
    facts: list[Fact] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, s: int, e: int, value: float | None = None,
            unit: str | None = None) -> None:
        if any(s < te and ts < e for ts, te in taken) or e <= s:
            return
        facts.append(Fact(kind, text[s:e], offset + s, offset + e, value, unit))
        taken.append((s, e))

    for m in _WARRANTY.finditer(text):
        add("warranty", m.start(), m.end())
    for m in _CERT.finditer(text):
        add("certification", m.start(), m.end())
    for m in _COMPAT_TRIGGER.finditer(text):
        add("compatibility", m.start(1), m.end(1))
    for m in _COMPAT_NAMES.finditer(text):
        add("compatibility", m.start(), m.end())
    materials = [] if verb_led(text) else find_terms(  # "detects wood": no material of its own
        text, material_items(), not_before=MATERIAL_NOT_BEFORE, check_negation=True)
    for q in find_quantities(text):
        made_of = [m for m in materials if q.unit == "%" and 0 < m[1] - q.end <= 12
                   and not re.search(r"\d", text[q.end:m[1]])]
        if made_of:
            add("material", q.start, made_of[0][2])
        elif q.unit == "m" and text[q.end:q.end + 1] == "+" and q.value is not None and \
                q.value <= 36:  # "6m+": from six months old, no length
            add("audience", q.start, q.end + 1)
        elif q.kind != "number" and not glued(text, q.end) and not _MONTH.search(text[:q.start]):
            # "3-in-1" is no size; "ship from Aug 19 in the order received": a date
            add(_counted_items(q), q.start, q.end, q.value, q.unit)
    for _value, s, e in materials:
        add("material", s, e)
    for m in _AUDIENCE.finditer(text):
        add("audience", m.start(), m.end())
    inc = _INCLUDED.match(text)
    if inc and not _NOT_INCLUDED.search(text):  # "cover not included" is no item in the box
        group = "a" if inc.group("a") else "b"
        add("included", inc.start(group), inc.end(group))
    if is_use_list(text):  # "desk, car, nightstand": where it is used, no feature of it
        return Segment(text, start, [Fact("use", text, offset, offset + len(text))])
    lead = _FIT_LED.match(text)
    if lead and not any(f.type == "audience" for f in facts):
        fits = [f for f in facts if f.type == "compatibility"]  # what it fits, nothing else
        spans = [(0, lead.end()), *((f.start - offset, f.end - offset) for f in fits)]
        facts = fits if fits and _covered(text, spans) else [
            Fact("compatibility", text, offset, offset + len(text))]
    elif not facts or not _covered(text, taken):
        facts.append(Fact("feature", text, offset, offset + len(text)))
    return Segment(text, start, sorted(facts, key=lambda f: f.start))


# a clause saying what the product fits ("fits Lansinoh and most bottles", "for 14 in.
# Laptops (16:9)", "compatible with ..."): one compatibility fact, its numbers and names the
# fitted thing's, never the product's features or sizes
_FIT_LED = re.compile(r"(?:fits|fit|compatible with|works with|designed for|made for|"
                      r"replacement for|for use with|for(?=\s(?-i:.*[A-Z])))\s", re.IGNORECASE)


# a count of the product itself: "set of 4", "6 pack", "10 piece", "3 pairs", "100 sheets"
_OWN_COUNT = re.compile(r"^(?:set|pack|box|bundle|case|kit|lot) of|(?:pack|pk|piece|pc|pcs|count|"
                        r"ct|pairs?|person|sheets?)$", re.IGNORECASE)


def _counted_items(q: Quantity) -> str:
    """A quantity's fact type: a count of parts or items ("2 cups", "4 gear loops") is a feature.

    Only a count of the product itself ("set of 4", "6 pack") or a measure with a unit
    says its size; "2 cups" in "pot, pan, 2 cups, sporks" are two cups in the kit, and
    under "Size and capacity" they would read as a 2-cup capacity.
    """
    if q.kind == "count" and not _OWN_COUNT.search(q.text.strip()):
        return "feature"
    return q.kind


def _covered(text: str, taken: list[tuple[int, int]]) -> bool:
    """True when the typed facts leave no content words of ``text`` untyped."""
    rest = list(text)
    for s, e in taken:
        rest[s:e] = " " * (e - s)
    words = re.findall(r"[A-Za-z]{3,}", "".join(rest))
    return all(w.lower() in _FILLER for w in words)


_FILLER = {"and", "with", "the", "for", "each", "pack", "set", "up", "to", "from", "of", "per",
           "about", "under", "over", "its", "own", "all", "one", "only", "both", "included",
           "includes", "comes", "incl"}
