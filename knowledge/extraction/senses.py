"""Feature words used in another sense than the tag's.

"an organic look and feel", "organic curves": a look, not an organically grown product;
"HD base support foam": high-density foam, not a high-definition picture; a "Lace Up" closure
and a "linen-hand feel" name no material.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import Mention

_OTHER_SENSE = {
    "organic": re.compile(r"(?:\s+[a-z]+)?\s+(?:look|feel|warmth|curves?|hues?|shapes?|lines|"
                          r"forms?|style|textures?)\b", re.IGNORECASE),
    "hd": re.compile(r"(?:\s+[A-Za-z]+){0,2}?\s+foam\b", re.IGNORECASE),
}


# a material word that names a fastening or a feel: "Lace Up", "linen-hand feel"
_MATERIAL_SENSE = {"lace": re.compile(r"[ -]+up\b", re.IGNORECASE)}
_FEEL = re.compile(r"[ -]+(?:like[ -]+|hand[ -]+)?(?:feel|touch)\b", re.IGNORECASE)


def other_sense(text: str, mention: Mention) -> bool:
    """True when the feature word at ``mention`` is used in a sense its tag does not name."""
    value, _, end = mention
    pattern = _OTHER_SENSE.get(value)
    return bool(pattern and pattern.match(text, end))


def other_material_sense(text: str, mention: Mention) -> bool:
    """True when the material word at ``mention`` names a fastening or a feel, not a material."""
    value, _, end = mention
    pattern = _MATERIAL_SENSE.get(value)
    return bool((pattern and pattern.match(text, end)) or _FEEL.match(text, end))
