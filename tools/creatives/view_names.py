"""The name a listing shows, repaired where the parser plainly cut it short.

A name cut inside a token keeps the token ("SKU PW-" | "3G"); a bare percentage written
before the name stays on it ("100% pure beeswax candle"); a one-word name cut before the
product's noun goes on to it ("Label" | "tape compatible w/ ..."). ``listing_view`` is the
brief as the listing shows it: these repairs, and the uncertain cuts undone (clause_units).
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.extraction.types import find_type
from tools.creatives.clause_units import Clause, bare, span, units
from tools.creatives.facts import ParsedBrief, Segment

__all__ = ["listing_view"]
_span = span
_bare = bare


def _glued_name(parsed: ParsedBrief, head: str,
                segments: list[Segment]) -> tuple[str, list[Segment]]:
    """A name cut inside a token keeps the whole token ("SKU PW-" | "3G" -> "SKU PW-3G")."""
    at = parsed.text.find(head) if head else -1
    if at < 0 or not segments:
        return head, segments
    end = at + len(head)
    start = _span(parsed.text, segments[0])[0]
    token = re.match(r"\S+", parsed.text[start:])
    if start != end or token is None or not re.match(r"[\w-]\w", parsed.text[end - 1:end + 1]):
        return head, segments
    rest = segments[0].text[len(token.group(0)):].strip(" ,;:")
    name = head + token.group(0).rstrip(",;:")
    if not rest:
        return name, segments[1:]
    rest_at = parsed.text.find(rest, start + len(token.group(0)))
    return name, [Clause(rest, rest_at, segments[0].facts), *segments[1:]]


def _name_prefix(parsed: ParsedBrief, segments: list[Segment]) -> tuple[str, list[Segment]]:
    """A bare number written just before the name belongs to it ("100% pure beeswax candle").

    Alone it says nothing ("Key specs: 100%."), so the name is shown with it, as written.
    """
    head = parsed.head
    for i, seg in enumerate(segments):
        after = parsed.text[_span(parsed.text, seg)[1]:]
        m = re.match(r"\.?[ \t]+", after)
        if (head and m and after[m.end():].startswith(head) and _bare(seg.text)
                and seg.text.strip().endswith("%")):
            return f"{seg.text} {head}", segments[:i] + segments[i + 1:]
    return head, segments


def _name_through_type(parsed: ParsedBrief, head: str,
                       segments: list[Segment]) -> tuple[str, list[Segment]]:
    """A name cut before the product's noun goes on to it ("Label | tape compatible w/ ...").

    When the head names no product type and the piece right after it (no separator between)
    opens, within three words, on one, the name is the merchant's words through that noun:
    "official | size 7 basketball" is an official size 7 basketball, never an "Official".
    """
    at = parsed.text.find(head) if head else -1
    if at < 0 or not segments or len(head.split()) != 1:
        return head, segments  # only a one-word name is so plainly cut short ("rice cooker
        # | 6 cup" is a rice cooker, never a "rice cooker 6 cup")
    first = segments[0]
    start = _span(parsed.text, first)[0]
    if parsed.text[at + len(head):start].strip():
        return head, segments
    found = find_type(parsed.text[at:start + len(first.text)], fallback=False)
    if found is None or at + found[2] <= start:
        return head, segments  # the name's own noun ("Label") is the type: it stands
    before = parsed.text[start:at + found[1]] if at + found[1] > start else ""
    if len(before.split()) > 2 or re.search(r"(?i)\b(?:w/|with|for|fits)\s", before):
        return head, segments
    name = parsed.text[at:at + found[2]]
    rest = parsed.text[at + found[2]:start + len(first.text)].strip(" ,;:-")
    if re.match(r"(?i)(?:and|&|or|/|sizes?)\b", rest):
        return head, segments  # "Clipboards 6 pack letter | size": the noun goes on
    if not rest:
        return name, segments[1:]
    rest_at = parsed.text.find(rest, at + found[2])
    facts = [f for f in first.facts if f.start >= rest_at]
    return name, [Clause(rest, rest_at, facts), *segments[1:]]


def listing_view(parsed: ParsedBrief) -> ParsedBrief:
    """``parsed`` as the listing shows it: uncertain cuts undone, a name's prefix kept on it."""
    segments = units(parsed)
    head, segments = _glued_name(parsed, parsed.head, segments)
    head, segments = _name_prefix(parsed, segments) if head == parsed.head else (head, segments)
    head, segments = _name_through_type(parsed, head, segments)
    return replace(parsed, head=head, segments=segments)
