"""A merchant's brief read into typed facts, each with the span it came from.

"Hydra stainless steel water bottle 750ml, keeps drinks cold 24 hours" becomes the brand
"Hydra", the head "stainless steel water bottle" (what the product is, as written) and the
segments "750ml" (capacity) and "keeps drinks cold 24 hours" (duration). Every segment
keeps the merchant's words exactly; a listing that shows every segment keeps every fact.
Facts are typed (dimension, capacity, weight, power, count, size_range, duration,
temperature, rating, warranty, compatibility, certification, material, audience, included,
feature) so the listing can place them; numbers stay as written.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from knowledge.errors import InvalidRequestError
from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import find_type
from knowledge.extraction.vocab import MATERIAL_NOT_BEFORE
from knowledge.nlp.quantities import Quantity, find_quantities
from tools.creatives.brief_brand import BRAND, find_brand
from tools.creatives.brief_text import (
    NAME_KEY,
    filler,
    heading,
    key_value,
    model_named,
    reading_text,
)
from tools.creatives.compat_list import compat_lead
from tools.creatives.contradictions import check_contradictions
from tools.creatives.head_cue import noun_before_cue, qualified_split
from tools.creatives.head_noun import settle_head
from tools.creatives.heads import clauses, glued
from tools.creatives.label_lines import labelled
from tools.creatives.name_cut import names_product
from tools.creatives.name_ends import verb_led
from tools.creatives.run_on import split_run_on
from tools.creatives.use_list import is_use_list

MAX_BRIEF = 1000
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
_INCLUDED = re.compile(r"^(?P<a>.+?)\s(?:included|incl\.?)$|^(?:comes with|includes|including|"
                       r"incl\.?|with|in|plus)\s(?:an?\s|the\s)?(?P<b>.+)$", re.IGNORECASE)
_NOT_INCLUDED = re.compile(r"\b(?:not|no|n't|without)\s+(?:included|incl\b)", re.IGNORECASE)
_AUDIENCE = re.compile(r"\b(?:women's|womens|women|men's|mens|men|kids'?|children's|unisex|"
                       r"toddlers?|babies|baby|adults?|girls'?|boys'?|teens?|seniors?|"
                       r"(?:small|medium|large) (?:dogs|cats|breeds))\b", re.IGNORECASE)
# joining words trimmed off a segment's edges; qualifiers ("up to", "each") and "for" stay
# with the fact ("for 7-45 lbs" is the child's weight, "7-45 lbs" would be the carrier's)
_GLUE_EDGE = re.compile(r"^(?:and|with|the|a|an|plus|in(?!\s+\d)|on|of)\s+|"  # "in 3 min" stays
                        r"\s+(?:and|with|for|the|a|an)$", re.IGNORECASE)
_AUDIENCE_GLUE = frozenset({"for", "and", "or", "ages", "age", "from", "up", "to", "all", "most",
                            "of", "sizes", "size", "years", "yrs", "months", "old", "in"})
_NOT_MADE_OF = re.compile(r"^(?:for|fits|cuts|drills|on|works)\b|\b(?:than|like)\b", re.IGNORECASE)
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
        if _NOT_MADE_OF.search(self.text):
            types.discard("material")
        if "audience" in types and not self._only("audience"):
            types.discard("audience")  # "womens packable hood" is not made for a hood
        return next((t for t in PRIORITY if t in types), "feature")

    def _only(self, kind: str) -> bool:
        """True when the segment says nothing beyond its ``kind`` facts and joining words."""
        rest = list(self.text.lower())
        for f in self.facts:
            if f.type == kind:
                at = self.text.lower().find(f.text.lower())
                if at >= 0:
                    rest[at:at + len(f.text)] = " " * len(f.text)
        return all(w in _AUDIENCE_GLUE for w in re.findall(r"[a-z]+", "".join(rest)))


@dataclass
class ParsedBrief:
    """A brief read: brand, head (what the product is), segments and every fact."""

    text: str
    brand: str | None
    head: str
    product_type: str | None
    segments: list[Segment]

    @property
    def facts(self) -> list[Fact]:
        """Every fact, in brief order."""
        return [f for s in self.segments for f in s.facts]


def validate_brief(brief: str | None) -> str:
    """Return the stripped brief, or raise naming what is wrong (empty, too long)."""
    text = (brief or "").strip()
    if not text:
        raise InvalidRequestError("the brief is empty: describe the product in a few words, "
                                  "e.g. 'bamboo cutting board 18 x 12 inches, juice groove'")
    if len(text) > MAX_BRIEF:
        raise InvalidRequestError(f"the brief is too long: {len(text)} characters, at most "
                                  f"{MAX_BRIEF}; keep it to the product's facts")
    return text


def parse_facts(brief: str) -> ParsedBrief:
    """Read a brief into brand, head and typed facts; contradictions raise a clear error."""
    text = validate_brief(brief)
    check_contradictions(text)
    reading = reading_text(text)  # same length: spans still point into ``text``
    brand, masked = find_brand(reading)
    parsed = _read(text, brand, masked)
    if parsed.head[:1].isdigit() and masked[:1] == " " and not BRAND.search(reading):
        return _read(text, None, reading)  # "Wheelbarrow 6 cu ft steel tray": no brand
    return parsed


def _read(text: str, brand: str | None, masked: str) -> ParsedBrief:
    """The brief read with ``brand`` blanked out of it (``masked``)."""
    pieces = clauses(masked)
    head, product_type, segments = "", None, []
    for i, (piece, start) in enumerate(pieces):
        if NAME_KEY.match(piece.strip(" :;.")) or heading(piece):
            continue  # a bare label ("Product:", "Specifications:") says nothing
        if not head and (cut := model_named(piece)):  # "Model: RT-200 rotary tool kit"
            piece, start = piece[cut:], start + cut
        if (not head and not _no_name(piece) and all(_no_name(p) for p, _s in pieces[:i])
                and not (i and labelled(piece))):  # "Mat: 6mm TPE" after "yoga mat + strap"
            name, found, rest = qualified_split(piece, start)  # "2 pack, soap"; "Approx. 8"
            if names_product(name, later=any(not filler(p) for p, _s in pieces[:i])):
                rest_segments = [_segment(t, s + at) for r, s in rest
                                 for t, at in split_run_on(r)]
                head, product_type, rest_segments = _settled(masked, start, name, found,
                                                             rest_segments)
                segments += rest_segments
                continue
        segments += [_segment(t, start + at) for t, at in split_run_on(piece)]
    return ParsedBrief(text, brand, head, product_type, [s for s in segments if s.text])


def _settled(masked: str, start: int, name: str, found: str | None,
             rest: list[Segment]) -> tuple[str, str | None, list[Segment]]:
    """The head ended on the product's noun (see head_noun), the facts around it re-cut.

    Words the head gives up go back to the fact right after it ("punches 12 sheets"); words
    it takes from that fact leave it ("coffee | dripper size 02" -> "dripper" in the head).
    """
    at = re.compile(r"\s+".join(re.escape(w) for w in name.split())).search(masked, start)
    if at is None or not name.strip():
        return name, found, rest
    after = None
    if rest:
        first = masked.find(rest[0].text, rest[0].start)
        after = (first, first + len(rest[0].text)) if first >= 0 else None
    new = settle_head(masked, (at.start(), at.end()), after)
    if noun_before_cue(masked, name, at.end()):
        new = (at.start(), at.end())  # "vacuum filters for Shark ...": filters are sold
    if new == (at.start(), at.end()):
        return name, found, rest
    end = max(new[1], at.end())
    if after is not None and not masked[at.end():after[0]].strip():
        end, rest = after[1], rest[1:]
    moved = masked[new[1]:end]
    at_moved = new[1] + len(moved) - len(moved.lstrip())
    lead = [_segment(t, at_moved + o) for t, o in split_run_on(moved.strip())] \
        if moved.strip() else []
    head = re.sub(r"\s+", " ", masked[new[0]:new[1]]).strip()
    kind = find_type(head, fallback=False) if head else None
    return head, head[kind[1]:kind[2]] if kind else None, [s for s in lead if s.text] + rest


def _no_name(piece: str) -> bool:
    """True for a clause that names nothing: a count, a spec line ("Qty: 4"), filler."""
    return _only_quantities(piece) or key_value(piece) or filler(piece) or compat_lead(piece)


def _only_quantities(piece: str) -> bool:
    """True when a clause is only a count or a size ("2 pack", "set of 3", "750ml")."""
    rest = list(piece)
    for q in find_quantities(piece):
        rest[q.start:q.end] = " " * (q.end - q.start)
    return not re.search(r"[A-Za-z]", "".join(rest))


def _segment(text: str, start: int) -> Segment:
    """Type every fact inside one segment of the brief."""
    original = text
    text = _GLUE_EDGE.sub("", text.strip(" ,.")).strip()
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
        elif q.kind != "number" and not glued(text, q.end):  # "3-in-1" is no size
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


def facts_json(parsed: ParsedBrief) -> list[dict[str, Any]]:
    """Every fact of a parsed brief, JSON-ready (stored with the draft)."""
    return [f.as_dict() for f in parsed.facts]
