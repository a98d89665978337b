r"""Measures outside a title that an inseam or a diameter names as the product's own size.

Outside a title sizes.py keeps a measure only after a size cue ("capacity", "size:"); bullets
also state a garment's inseam ("Inseam: 32\"", "28.5\" inseam") and a round item's diameter
("Diameter is 0.75\"", "14 mm in diameter"), which the labellers read as the product's size.
Measured on v1-v22 (in-sample): widths, heights, lengths and weights named the same way were
labelled only about half the time (part dimensions, a shoe's weight, a desk's height range),
so they still wait for a size cue. Not a limit ("max. diameter 2\"", "up to 30\" inseam"), not
a line of variants that names two inseams; a second unit between counts too ("100mm/3.93\"
in diameter": both forms, as the labellers keep them).
"""

from __future__ import annotations

import re

_LABEL_BEFORE = re.compile(r"\b(?:diameter|inseam)\s*(?:is\s+|of\s+|[:=-]\s*)?"
                           r"(?:about\s+|approx(?:imately|\.)?\s+|around\s+)?$", re.IGNORECASE)
# the same measure in a second unit may stand between ("100mm/3.93\" in diameter")
_OTHER_UNIT = r"(?:\s*[/(]\s*\d+(?:\.\d+)?\s*(?:[a-z]+\.?|[\"”″])\)?)?"
_WORD_AFTER = re.compile(rf"\.?{_OTHER_UNIT}\s*\)?\s*(?:in\s+)?(?:diameter|inseam)\b",
                         re.IGNORECASE)
_NAMED = re.compile(r"\b(?:diameter|inseam)\b", re.IGNORECASE)
# a limit or a reach: what it fits or becomes, not its size
_LIMIT = re.compile(r"\b(?:max(?:imum)?|min(?:imum)?|up to|extends? to|expands? to)\b\.?\s*"
                    r"(?:\S+\s+)?$", re.IGNORECASE)


def named_measure(text: str, start: int, end: int) -> bool:
    """True when an inseam or diameter label or word names the measure at ``text[start:end]``."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if len(_NAMED.findall(text[line_start:line_end if line_end >= 0 else len(text)])) > 1:
        return False  # "Petite - 29\" inseam ... / Regular - 31\" inseam": a chart of variants
    before = text[max(0, start - 40):start]
    label = _LABEL_BEFORE.search(before)
    if label:
        return not _LIMIT.search(before[:label.start()])
    return bool(_WORD_AFTER.match(text, end)) and not _LIMIT.search(before[-20:])
