"""A material word that names a colour or a finish in a title, not what the product is made of.

"Stone Gray", "Copper Metallic", "Carbon Fiber Black": a material named before a colour word
is a shade's name (the colour comes last; "Black Leather" is a colour and a material). A metal
the listing's colour field names ("Copper", "Antique Brass", "Black (002)/Steel") is said in the
title as the colour or finish of a tray, a glass, a sandal: the labellers read a metal there
as the product's material only when the text says so apart from the colour ("solid copper").
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import Mention
from knowledge.extraction.vocab import COLORS

# colour words that may end a shade's name ("Stone Gray", "Copper Metallic")
_SHADE_END = "|".join(sorted({re.escape(c) for c in COLORS} | {"metallic", "gum"},
                             key=lambda c: (-len(c), c)))
# the shade ends the colour's part of the title ("Stone Gray, 6"; not "Wood Black Wall Lights")
_BEFORE_COLOUR = re.compile(rf"\s+(?:{_SHADE_END})\s*(?:[,/)|;]|$)", re.IGNORECASE)
# metals a colour field names as a finish ("Copper", "Brushed Nickel", "Gunmetal/Steel")
# (not brass: a fitting the colour field calls "Brass" is made of it)
FINISH_METALS = frozenset({"copper", "bronze", "steel", "aluminum", "chrome", "nickel", "pewter",
                           "stone", "crystal"})


def names_shade(title: str, start: int, end: int, value: str, color: str | None) -> bool:
    """True when a title's material word at ``[start, end)`` names a colour, not a material.

    It is followed by a colour word ("Stone Gray"), or it is a metal the colour field names
    ("Copper", "Black (002)/Steel").
    """
    if _BEFORE_COLOUR.match(title, end):
        return True
    word = title[start:end].lower()
    return (value in FINISH_METALS and color is not None
            and re.search(rf"\b{re.escape(word)}\b", color.lower()) is not None)


def not_shades(text: str, materials: list[Mention], color: str | None,
               title: bool) -> list[Mention]:
    """``materials`` less the title's words that name a shade or a finish (:func:`names_shade`)."""
    if not title:
        return materials
    return [m for m in materials if not names_shade(text, m[1], m[2], m[0], color)]
