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

import html
import re
from dataclasses import dataclass
from typing import Any

from knowledge.errors import InvalidRequestError
from knowledge.extraction.types import find_type
from knowledge.nlp.quantities import find_quantities
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
from tools.creatives.fact_typing import Fact, Segment, segment
from tools.creatives.head_cue import noun_before_cue, qualified_split
from tools.creatives.head_noun import settle_head
from tools.creatives.heads import clauses
from tools.creatives.label_lines import labelled
from tools.creatives.name_cut import names_product
from tools.creatives.name_key import name_key
from tools.creatives.run_on import split_run_on

MAX_BRIEF = 1000
__all__ = ["MAX_BRIEF", "Fact", "ParsedBrief", "Segment", "facts_json", "parse_facts",
           "validate_brief"]


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


# an HTML character reference pasted from a listing page ("&amp;", "&#39;"): the character
# the merchant meant, so its ";" never ends a clause ("for sheer &amp; blackout curtains")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#[xX][0-9A-Fa-f]{1,6});")


def validate_brief(brief: str | None) -> str:
    """Return the stripped brief with HTML entities read, or raise naming what is wrong."""
    text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), (brief or "")).strip()
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
    if parsed.head[:1].isdigit() and masked[:1] == " " and not BRAND.search(reading) \
            and not _named_after_number(parsed.head):
        return _read(text, None, reading)  # "Wheelbarrow 6 cu ft steel tray": no brand
    return parsed


def _named_after_number(head: str) -> bool:
    """True when a head led by a number names a thing ("17-key kalimba", "6 qt stock pot").

    Then the capitalised word before it is the brand ("Thumbwood 17-key kalimba"), not the
    product's first word, which a number would not follow inside a name.
    """
    if re.match(r"\d+(?:-[A-Za-z0-9]+)+\s+[A-Za-z]|[\d./]+\s?(?:\"|in\.?|cm|mm|qt|l|oz)?"
                r"(?:\s[A-Z][\w-]*){2,}$", head):
        return True  # "17-key kalimba", "2-Burner Camp Stove", '12" Carbon Steel Karahi'
    found = find_type(head, fallback=False)
    return found is not None and found[2] == len(head.rstrip()) and " " in head.strip()


def _read(text: str, brand: str | None, masked: str) -> ParsedBrief:
    """The brief read with ``brand`` blanked out of it (``masked``)."""
    pieces = clauses(masked)
    head, product_type, segments = "", None, []
    for i, (piece, start) in enumerate(pieces):
        if NAME_KEY.match(piece.strip(" :;.")) or heading(piece):
            continue  # a bare label ("Product:", "Specifications:") says nothing
        if not head and (cut := model_named(piece)):  # "Model: RT-200 rotary tool kit"
            piece, start = piece[cut:], start + cut
        if not head and not i and (value := name_key(piece)):  # "Mancala set: board, ..."
            head = re.sub(r"\s+", " ", piece[:piece.index(":")]).strip()
            product_type = (find_type(head.lower(), fallback=False) or (None,))[0]
            segments += [segment(t, start + value + at)
                         for t, at in split_run_on(piece[value:])]
            continue
        if (not head and not _no_name(piece) and all(_no_name(p) for p, _s in pieces[:i])
                and not (i and labelled(piece))):  # "Mat: 6mm TPE" after "yoga mat + strap"
            name, found, rest = qualified_split(piece, start)  # "2 pack, soap"; "Approx. 8"
            if names_product(name, later=any(not filler(p) for p, _s in pieces[:i])):
                rest_segments = [segment(t, s + at) for r, s in rest
                                 for t, at in split_run_on(r)]
                head, product_type, rest_segments = _settled(masked, start, name, found,
                                                             rest_segments)
                segments += rest_segments
                continue
        segments += [segment(t, start + at) for t, at in split_run_on(piece)]
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
    lead = [segment(t, at_moved + o) for t, o in split_run_on(moved.strip())] \
        if moved.strip() else []
    head = re.sub(r"\s+", " ", masked[new[0]:new[1]]).strip()
    kind = find_type(head, fallback=False) if head else None
    return head, head[kind[1]:kind[2]] if kind else None, [s for s in lead if s.text] + rest


def _no_name(piece: str) -> bool:
    """True for a clause that names nothing: a count, a spec line ("Qty: 4"), filler.

    Nor does a clause saying an item comes with the product ("LR41 button cell incl. (1 pc)"
    on the first line): the item is not what is sold.
    """
    return (_only_quantities(piece) or key_value(piece) or filler(piece) or compat_lead(piece)
            or bool(_ITEM_STATUS.search(piece)) or bool(_CODE_ONLY.match(piece)))


# a model code alone ("Model CT-9", "Item no. 44-B"): the product's name comes after it
_CODE_ONLY = re.compile(r"(?i)^\W*(?:model|item|part)(?:\s?(?:no\.?|number|#))?"
                        r"\s*[:.]?\s*(?=[A-Z0-9./-]*\d)[A-Z0-9][A-Z0-9./-]*\W*$")


# a short clause saying an item comes, or does not, with the product: "battery incl. (1 pc)"
_ITEM_STATUS = re.compile(r"(?i)^\W*(?:[\w.-]+\s+){1,4}"
                          r"(?:incl\.?|included|not included|sold separately)"
                          r"\s*(?:\([^)]*\))?\s*[.!]?\s*$")


def _only_quantities(piece: str) -> bool:
    """True when a clause is only a count or a size ("2 pack", "set of 3", "750ml")."""
    rest = list(piece)
    for q in find_quantities(piece):
        rest[q.start:q.end] = " " * (q.end - q.start)
    return not re.search(r"[A-Za-z]", "".join(rest))


def facts_json(parsed: ParsedBrief) -> list[dict[str, Any]]:
    """Every fact of a parsed brief, JSON-ready (stored with the draft)."""
    return [f.as_dict() for f in parsed.facts]
