"""Quantities and references to shown products: "3 of them", "the second one", "that one"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
class References:
    """Quantity, ordinals (0-based, -1 last), "the cheapest", "that one", and their spans."""

    quantity: int | None = None
    ordinals: list[int] = field(default_factory=list)
    cheapest: bool = False
    deictic: bool = False
    spans: list[tuple[str, int, int, str, int]] = field(default_factory=list)


def find_references(text: str) -> References:
    """Read quantities and references from lower-case ``text``."""
    refs = References()
    if m := _QTY.search(text):
        raw = next(g for g in m.groups() if g)
        refs.quantity = int(raw) if raw.isdigit() else _QTY_WORDS[raw]
        refs.spans.append(("quantity", m.start(), m.end(), m.group(0), refs.quantity))
    for m in _ORDINAL.finditer(text):
        index = _ORDINALS[m.group(1)] if m.group(1) else int(m.group(2)) - 1
        if index not in refs.ordinals:
            refs.ordinals.append(index)
        refs.spans.append(("ordinal", m.start(), m.end(), m.group(0), index))
    refs.cheapest = bool(_CHEAPEST.search(text))
    refs.deictic = bool(_DEICTIC.search(text)) and not refs.ordinals
    return refs
