"""A quality said right before a fitting of the product is that fitting's, not the product's.

"Durable wheels and anti-skid tires", "durable spring hinges", "Wireless remote with
programmable memory", "4 adjustable shelves", "sturdy base": the labelling guideline counts
a value only when the text states it about THIS product, and labellers leave out what is
said only of a fitting (a wheel, a hinge, a remote, a shelf). What is said of the parts a
shopper wears or holds is the product's (an "adjustable strap", a "padded collar", an
"ergonomic handle"), and so are the tags :data:`context.PART_CHECKED` already reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from knowledge.extraction.parts import PART_NOUNS

# the parts a shopper wears, holds or touches, whose qualities labellers count as the product's
WORN_OR_HELD = frozenset({
    "strap", "waistband", "waist", "collar", "cuff", "lining", "liner", "hem", "seam", "sleeve",
    "hood", "pocket", "knee", "ankle", "sole", "insole", "outsole", "heel", "toe", "lace",
    "tongue", "skirt", "trim", "mesh", "handle", "grip", "seat", "backrest", "cushion", "pad",
    "lens", "display", "battery", "motor", "finish", "face", "edge", "side", "frame", "leg",
    "tip", "mouthpiece", "tube", "shaft", "blade", "corner"})
FITTINGS = (PART_NOUNS - WORN_OR_HELD) | frozenset({
    "tire", "tyre", "caster", "shelf", "shelve", "remote", "armrest", "latch", "clip", "hinge",
    "adapter", "charger", "bone", "snap", "rivet", "grommet", "fin", "paddle"})
# qualities any object may have, which a listing says of its fittings as often as of itself
# ("removable" always names a part and is read as a passing tag instead: claims.PASSING)
QUALITIES = frozenset({"durable", "sturdy", "heavy-duty", "lightweight", "soft", "comfortable",
                       "compact", "portable", "padded", "cushioned", "ergonomic", "adjustable",
                       "stretch", "magnetic", "foldable", "wireless",
                       "programmable", "eco-friendly", "non-stick", "lockable"})
_PHRASE_END = re.compile(r"[.,;:!?|()\[\]\n•【】+&/–—]|\s-\s|\b(?:and|or|with|for|to|in|on|of|from|"
                         r"that|which|is|are|unlike|than)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w'’]*")


# a handle or grip is the product's own only on a tool held by it (the labellers' convention:
# "ergonomic handle" of a knife or a brush counts, a pan's or a water bottle's does not)
HELD_BY_HANDLE = frozenset({"handle", "grip"})
HAND_TOOLS = frozenset({
    "knife", "knive", "brush", "whisk", "spatula", "screwdriver", "hammer", "wrench", "plier",
    "scissor", "shear", "scraper", "sander", "drill", "tool", "razor", "trowel", "saw", "rake",
    "shovel", "mop", "broom", "pen", "pencil", "cleaner", "mixer", "peeler", "grater", "tong",
    "ladle", "spoon", "fork", "utensil", "chisel", "file", "axe", "hatchet", "cutter", "taper",
    "sharpener", "comb"})


def of_fitting(text: str, end: int, own: Collection[str],
               singular: Callable[[str], str]) -> bool:
    """True when the noun phrase after a quality ends on a fitting the product's name lacks.

    The head is the phrase's last word within three ("durable spring hinges", "Durable
    Reinforced Heel": a worn part, kept). A handle or grip is a fitting unless the product
    is a hand tool (:data:`HAND_TOOLS`, read from its own words).
    """
    rest = text[end:end + 40]
    stop = _PHRASE_END.search(rest)
    words = [singular(w.lower()) for w in _WORD.findall(rest[:stop.start() if stop else None])]
    head = words[:3][-1] if words else ""
    if head in HELD_BY_HANDLE:
        return head not in own and not HAND_TOOLS & set(own)
    return head in FITTINGS and head not in own


# a type headed by a set names its members by its other words ("knife set": a knife is it)
_GROUP_HEADS = frozenset({"set", "kit", "bundle", "pack", "combo", "collection", "pair"})


def type_modifiers(type_value: str | None) -> frozenset[str]:
    """The words before the type's head ("paddle" of "paddle board"), which name another thing.

    An "adjustable paddle" or a "waterproof bottle" in a paddle board's or a bottle brush's
    listing is a thing packed with it, not the product; a set's words name its members.
    """
    words = (type_value or "").split()
    if len(words) < 2 or words[-1] in _GROUP_HEADS:
        return frozenset()
    return frozenset(words[:-1]) - {words[-1]}
