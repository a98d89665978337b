"""A type named with a property of the product in front ("Ergonomic Office Chair").

The guideline keeps a modifier only when it changes what the thing is ("running shoe"), not
when it is a property ("insulated water bottle" -> "water bottle"). Query-derived type lists
hold such phrases; the property is then read as a feature, and the type is the rest.
"""

from __future__ import annotations

import re

from knowledge.extraction.types import type_lexicon

# properties that never change what an item is (not "led", "smart", "memory foam": those name
# kinds of lights, speakers and pillows)
PROPERTY_WORDS = frozenset({
    "ergonomic", "adjustable", "waterproof", "insulated", "portable", "foldable", "collapsible",
    "lightweight", "reusable", "rechargeable", "cordless", "compact", "padded", "breathable",
    "durable", "washable", "stackable"})


def plain_type(found: tuple[str, int, int] | None) -> tuple[str, int, int] | None:
    """``found`` without a leading property word when the rest is a known type."""
    if not found:
        return found
    value, start, end = found
    first, _, rest = value.partition(" ")
    if first in PROPERTY_WORDS and rest and tuple(rest.split()) in type_lexicon():
        return rest, end - len(rest), end
    return found


# "Basketball Set", "Craft Kit", "Clothing Set": a one-word type right before "Set"/"Kit"
_SET_AFTER = re.compile(r"[ \t]+(set|kit)s?\b", re.IGNORECASE)


def with_set(found: tuple[str, int, int] | None, title: str) -> tuple[str, int, int] | None:
    """A one-word type followed by "Set"/"Kit" names the set ("knife set" stays "knife set").

    The guideline types a set or bundle by its main item named as a set; a bare head word
    before the set ("Nail Gel Kit" -> "gel") names one piece of it.
    """
    if not found or " " in found[0]:
        return found
    value, start, end = found
    after = _SET_AFTER.match(title, end)
    if after is None:
        return found
    return f"{value} {after.group(1).lower()}", start, after.end(1)


_JOINED_BEFORE = re.compile(r"(?<![\w-])([A-Za-z]+)-$")


def whole_compound(found: tuple[str, int, int] | None, title: str
                   ) -> tuple[str, int, int] | None:
    """A type that starts inside a hyphenated word takes the whole word ("Stir-Fry Pan")."""
    if not found:
        return found
    value, start, end = found
    joined = _JOINED_BEFORE.search(title, 0, start)
    if joined is None or joined.end() != start:
        return found
    return f"{joined.group(1).lower()}-{value}", joined.start(), end
