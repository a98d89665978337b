"""The first clause's head where a cue word decides it: a verb-list noun, a qualifier.

"Replacement vacuum filters for Shark NV350" sells filters: "filters" is on the verb lists
("filters water"), but a verb takes its object, and before "for", "with" or "fits" the
word names what is sold. The head keeps it instead of handing it to the next fact. A
qualifier before the opening count ("Approx. 250 pcs ...") stays with the count.
"""

from __future__ import annotations

import re

from knowledge.extraction.types import find_type
from tools.creatives.head_noun import end_fault
from tools.creatives.head_split import split_head

__all__ = ["noun_before_cue", "qualified_split"]

# a qualifier before the brief's opening count: "Approx. 250 pcs assorted rubber bands"
_QUALIFIER = re.compile(r"(?i)^(?:approx\.?|appx\.?|approximately|about|around|roughly|"
                        r"over|up to|ca\.?)\s+(?=\d)")


# a bundle named by its items: "yoga mat + 2 blocks + strap" (no type of its own)
_BUNDLE = re.compile(r"[A-Za-z][A-Za-z' -]{2,30}(?:\s\+\s(?:\d+\s)?[A-Za-z][A-Za-z' -]{1,30}){1,4}")
_NUMBER_NAME = re.compile(r"(?i)^(?:no\.|#)\s?\d+\s+(?=[a-z])")
# "No. 2", "Nr. 8", "#10" inside a name: one token, never a count of what follows
_NUMBER_INSIDE = re.compile(r"(?i)(?<=[a-z] )(?:(?:no\.|nr\.|#|(?:jan|feb|mar|apr|jun|jul|aug|"
                            r"sept?|oct|nov|dec|mon|tues?|wed|thu|fri|sat|sun)\.)\s?\d+\b|"
                            r"['\u2018\"\u201c]\d{1,3}['\u2019\"\u201d])")  # "number candle '3'"


def _masked(piece: str) -> str:
    """``piece`` with each numbered name written as letters of the same length."""
    return _NUMBER_INSIDE.sub(lambda m: "N" + "q" * (len(m.group(0)) - 1), piece)


def _unmasked(piece: str, start: int, name: str, found: str | None,
              rest: list[tuple[str, int]]) -> tuple[str, str | None, list[tuple[str, int]]]:
    """The split of the masked piece, its texts read back from ``piece`` by position."""
    masked = _masked(piece)
    at = masked.find(name) if name else -1
    name = piece[at:at + len(name)] if at >= 0 else name
    rest = [(piece[s - start:s - start + len(t)], s) for t, s in rest]
    return name.rstrip(" -\u2013\u2014,:"), found, rest


def qualified_split(piece: str, start: int) -> tuple[str, str | None, list[tuple[str, int]]]:
    """``split_head`` of the first clause, a qualifier kept with the count it qualifies.

    "Approx. 250 pcs assorted rubber bands" names rubber bands; "Approx. 250 pcs" stays
    one fact, never "250 pcs" alone (the number would then read as exact).
    """
    inner = _NUMBER_INSIDE.search(piece)
    if inner is not None:  # "Erasable No. 2 pencils": the grade is no count of pencils
        return _unmasked(piece, start, *_qualified(_masked(piece), start))
    return _qualified(piece, start)


def _qualified(piece: str, start: int) -> tuple[str, str | None, list[tuple[str, int]]]:
    """``qualified_split`` once numbered names are masked."""
    if _BUNDLE.fullmatch(piece) and find_type(piece.split("+")[0], fallback=False):
        return piece.strip(), None, []  # "yoga mat + 2 blocks + strap": the bundle's name
    number = _NUMBER_NAME.match(piece)  # "No. 2 pencils": "No. 2" is part of the name
    if number is not None:
        name, found, rest = split_head(piece[number.end():], start + number.end())
        if name and piece[number.end():].startswith(name):
            return piece[:number.end()] + name, found, rest
    lead = _QUALIFIER.match(piece)
    if lead is None:
        return split_head(piece, start)
    name, found, rest = split_head(piece[lead.end():], start + lead.end())
    if rest and rest[0][1] == start + lead.end():
        rest[0] = (piece[:lead.end()] + rest[0][0], start)
        return name, found, rest
    return split_head(piece, start)

_CUE_AFTER = re.compile(r"\s*(?:for|fits|with|w/|compatible|replaces|in|by)\b", re.IGNORECASE)


def noun_before_cue(masked: str, name: str, end: int) -> bool:
    """True when the head's last word, which could be a verb, is the noun before a cue.

    "replacement vacuum filters for Shark NV350": a verb takes its object ("filters
    water"); before "for", "with" or "fits" the word names what is sold.
    """
    words = name.split()
    return (len(words) >= 2 and end_fault(words) == "verb" and words[-1].lower().endswith("s")
            and _CUE_AFTER.match(masked, end) is not None)
