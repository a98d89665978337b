"""A product named whole in its own clause keeps its name: no cut of it is the product.

The head rules in ``head_noun`` cut a name back to a known type when it ends on a verb,
a material or a part ("hole punch | punches 20 sheets", "ankle boots | faux suede"). A
name that the merchant set off as a clause of its own is no run-on, and a cut would sell a
fragment of it ("Button covers" as a "Button", "sterling silver claddagh ring" as "sterling"). These
tests say when the whole stands.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items

__all__ = ["clause_ends", "cuts_material", "noun_ring"]

# what ends a clause right after a name: a comma, a stop, a bracket, a line break, the end
_CLAUSE_END = re.compile(r"[ \t]*(?:[,;:(|\n\u2013\u2014]|\.(?:\s|$)|\s[-\u2022]\s|$)")


def clause_ends(text: str, at: int) -> bool:
    """True when the clause ends at ``at``: a verb there has no object ("Button covers,")."""
    return _CLAUSE_END.match(text, at) is not None


def noun_ring(low: str) -> bool:
    """True for a noun ending in "-ring" after a consonant ("keyring", "earring", "string").

    A gerund ends in a vowel and "-ring" ("filtering", "coloring"): that one is a property.
    """
    return low.endswith("ring") and len(low) > 4 and low[-5] not in "aeiou"


def cuts_material(text: str, at: int) -> bool:
    """True when a material's name runs across position ``at`` ("sterling | silver")."""
    start = text.rfind(" ", 0, max(0, at - 1)) + 1
    end = text.find(" ", at + 1)
    window = text[start:end if end > 0 else len(text)].lower()
    return any(s < at - start < e for _t, s, e in find_terms(window, material_items()))
