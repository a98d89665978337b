"""Whether a bullet's group heading may stand before a segment ("Size and capacity: ...").

A heading tells the shopper whose the words are. "Size and capacity: for 2 in. receivers"
makes a receiver's size the hitch cover's, "Features: for knee" a knee a feature; a segment
that says what the product fits or is for stands as the merchant wrote it ("For 2 in.
receivers (not for 1.25 in.)."). Nor does a bare list of things ("RV / trailer / truck / car"):
under "Features:" the vehicles it is for would read as features of the wheel chocks.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items
from tools.creatives.name_ends import VERBS_ONLY

__all__ = ["heading_fits"]

_FIT_LEAD = re.compile(r"(?i)(?:for|fits?)\s")


# three or more bare words or pairs between slashes, no number: a list of things
_THING = r"[a-z][a-z'-]*(?: [a-z][a-z'-]*)?"
_THINGS = re.compile(rf"(?i){_THING}(?:\s?/\s?{_THING}){{2,}}")


def heading_fits(pattern: str, text: str) -> bool:
    """False when the group's heading would make a fit, a use or a list of things its own.

    Nor may a heading stand before what the product does ("Size and capacity: connects to
    3/4 in. hose"): the verb says what the words are, a heading would say it again, wrongly.
    """
    if pattern.startswith(("Made for", "Details")):
        return True
    if pattern.startswith("Materials") and (_NOT_MATERIAL.search(text) or _part_list(text)):
        return False  # "Materials: steel tip darts only (not soft tip)" is what it takes
    first = text.split()[0].lower() if text.split() else ""
    return (not _FIT_LEAD.match(text) and not _THINGS.fullmatch(text.strip(" ."))
            and first not in VERBS_ONLY and first not in _MORE_VERBS)


def _part_list(text: str) -> bool:
    """True for items joined by "+" that name parts ("paracord lanyard + steel striker").

    "aluminium alloy + rubber coating" lists materials: each item ends on a material word.
    """
    if " + " not in text:
        return False  # "UPF 50+ mesh" lists nothing
    for item in text.split(" + "):
        words = re.findall(r"[A-Za-z][A-Za-z-]*", re.sub(r"\([^)]*\)", " ", item))
        if not words:
            continue
        last = words[-1].lower()
        if last not in _STUFF and not find_terms(words[-1], material_items()):
            return True
    return False


# words that end a material's name without naming a part ("rubber coating", "cotton layer")
_STUFF = frozenset({"coating", "layer", "finish", "alloy", "wood", "fiber", "fibre", "fabric",
                    "blend", "resin", "foam", "mesh", "lining", "plating", "core", "fill",
                    "filling", "shell", "wool", "leather", "steel", "plastic", "glass",
                    "felt", "plush", "cork", "rubber", "silicone", "ceramic", "bamboo", "cotton",
                    "linen", "silk", "nylon", "polyester", "fleece", "velvet", "suede", "jute",
                    "carbon"})


# words that make a line say what the product takes, fits or comes with, not what it is of
_NOT_MATERIAL = re.compile(r"(?i)\b(?:only|not|no|for|fits?|incl\.?|included|compatible|"
                           r"sold|works?|use|uses)\b")
_MORE_VERBS = frozenset({"connects", "spins", "waters", "mounts", "attaches", "plugs", "clips",
                         "hangs", "sticks", "cuts", "works", "lets", "turns", "makes",
                         "takes", "accepts", "uses", "opens", "requires", "needs", "runs",
                         "sits", "raises", "has"})  # "Takes 5 in. discs": the discs' size
