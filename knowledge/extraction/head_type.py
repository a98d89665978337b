"""A guessed product type for a listing whose title no finder types: the title's head noun.

The finders type a title only when a known type heads one of its parts; many real titles
run on past the item ("... Rectangular Serving Tray Brushed Brass Handles Decorative") or
name an item no type list holds ("... Silicone Sealant"). For those the guess is the
rightmost known type in the title's first phrase ("known"), else that phrase's last plain
word ("head"). A guess is right about half the time, so it is offered only to the
calibrated filter (``calibration.keep_likely``), which keeps it when its features (how it
was guessed, where it stands, whether the bullets and description say it again) make it
likely; a guess the filter drops is discarded, never kept as search text.
"""

from __future__ import annotations

import math
import re
from typing import Any

from knowledge.extraction.context import brand_spans
from knowledge.extraction.title_type import masked
from knowledge.extraction.types import (
    _CUT,
    GENERIC,
    _any_match,
    _droppable,
    _head_words,
    _parts,
    singular,
    type_lexicon,
)
from knowledge.extraction.vocab import AUDIENCES, FEATURES

GUESS = "guess"  # the span key naming how a type was guessed ("known" or "head")
_PLAIN = re.compile(r"[A-Za-z][a-z]+s?$|[A-Z][A-Z]+S?$")
_NOT_HEADS = frozenset({"and", "or", "the", "of", "a", "an", "to", "on", "at", "all", "up",
                        "new", "men", "women", "kid", "girl", "boy"})


def first_phrase(title: str, brand: str | None) -> tuple[int, str] | None:
    """(offset, text) of the title's first part before "with"/"for"..., the brand blanked."""
    parts = _parts(masked(title, brand_spans(title, brand)) if brand else title)
    if not parts:
        return None
    offset, part = parts[0]
    cut = _CUT.search(part)
    return offset, part[:cut.start()] if cut else part


def guess_type(title: str, brand: str | None = None) -> tuple[str, int, int, str] | None:
    """(type, start, end, how) guessed from the title's first phrase, or None.

    ``how``: "known" (the rightmost known type there) or "head" (its last plain word that
    is no colour, size, code, audience or feature word).
    """
    phrase = first_phrase(title, brand)
    if phrase is None:
        return None
    offset, text = phrase
    words = _head_words(text)
    found = _any_match([*words, ("", 0, 0)], type_lexicon(), offset)
    if found:
        return (*found, "known")
    features = {w for tag in FEATURES for w in tag.split()}
    for word, start, end in reversed(words):
        low = singular(word.lower())
        if _droppable(word) or low in AUDIENCES or low in features:
            continue
        if not _PLAIN.fullmatch(word) or low in _NOT_HEADS or low in GENERIC or len(low) < 3:
            return None
        return low, offset + start, offset + end, "head"
    return None


def add_guessed_type(result: Any, title: str, brand: str | None = None) -> None:
    """Give ``result`` (an ``Extraction``) a guessed type when it has none; in place.

    The span is marked with ``GUESS`` so the filter can tell a guess from a found type.
    """
    if result.attributes.get("type"):
        return
    found = guess_type(title, brand)
    if found is None:
        return
    value, start, end, how = found
    result.add("type", value, "title", start, end, title[start:end])
    result.spans["type"][-1][GUESS] = how


def type_cues(value: str, start: int, end: int, texts: dict[str, str]) -> dict[str, float]:
    """Cues to a title type that need no labelled example of it (an unseen type has them too).

    ``ends_phrase``: nothing but colours, sizes and codes follows it in the title's first
    phrase (it is that phrase's head noun); ``before_word``: a plain word follows it there
    (it may modify that word: "Box" of "Music Box Wind Up"); ``head_said``: how often its
    head word is said again in the bullets and description.
    """
    title = texts.get("title", "")
    phrase = first_phrase(title, None)
    cues = {"ends_phrase": 0.0, "before_word": 0.0}
    if phrase is not None and phrase[0] <= start < phrase[0] + len(phrase[1]):
        after = [w for w, s, _ in _head_words(phrase[1]) if phrase[0] + s >= end]
        rest = [w for w in after if not _droppable(w)]
        cues["ends_phrase"] = float(not rest)
        cues["before_word"] = float(bool(after) and after[0].isalpha() and not _droppable(after[0]))
    words = value.split()
    head = words[-1] if words else ""
    said = re.compile(r"(?<![a-z])" + re.escape(head) + r"(?:e?s)?(?![a-z])") if head else None
    later = (texts.get("bullets", "") + "\n" + texts.get("description", "")).lower()
    cues["head_said"] = math.log1p(len(said.findall(later))) if said else 0.0
    return cues
