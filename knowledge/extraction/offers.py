"""Values offered only to the calibrated filter: guesses the finders alone would not keep.

A guessed type for an untyped title (``head_type``) and the fit a title names with its size
("Plus Size", "Petite", "Full Size"). Each is right two times in three or less, so extraction
without the filter never states them; with it, ``calibration.keep_likely`` keeps one when its
features make it likely and discards it otherwise (never as search text). Their spans carry
``GUESS`` (how the value was offered), which the filter reads as a feature.
"""

from __future__ import annotations

import re
from typing import Any

from knowledge.extraction.head_type import GUESS, add_guessed_type
from knowledge.extraction.mentions import add_conversions, add_material_mentions

# "Plus Size", "Plus-Size", "Petite", "Full Size": a fit or bed size said in the title
_FITS = (("plus", re.compile(r"\bplus[- ]sizes?\b", re.IGNORECASE)),
         ("petite", re.compile(r"\bpetites?\b", re.IGNORECASE)),
         ("full", re.compile(r"\bfull[- ]size\b", re.IGNORECASE)))


def add_fit_sizes(result: Any, title: str) -> None:
    """Offer the fits the title names as sizes (first mention each); in place."""
    have = set(result.attributes.get("sizes") or [])
    for value, pattern in _FITS:
        found = pattern.search(title)
        if found is None or value in have:
            continue
        result.add("sizes", value, "title", found.start(), found.end(), found.group(0))
        result.spans["sizes"][-1][GUESS] = "fit"


def add_offers(result: Any, title: str, brand: str | None = None,
               texts: dict[str, str] | None = None) -> None:
    """Add every offered value to ``result`` (an ``Extraction``) that its keys lack; in place.

    Keys the listing was given (spans with source "given") are left alone. ``texts``: the
    listing's texts by field (``calibration.texts_of``), for the offers ``mentions`` makes.
    """
    given = {k for k, spans in result.spans.items()
             if any(s.get("source") == "given" for s in spans)}
    if "type" not in given:
        add_guessed_type(result, title, brand)
    if "sizes" not in given:
        add_fit_sizes(result, title)
    if texts is not None:
        add_material_mentions(result, texts)
        add_conversions(result, texts)
