"""Feature words used in another sense than the tag's.

"an organic look and feel", "organic curves": a look, not an organically grown product;
"HD base support foam": high-density foam, not a high-definition picture.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import Mention

_OTHER_SENSE = {
    "organic": re.compile(r"(?:\s+[a-z]+)?\s+(?:look|feel|warmth|curves?|hues?|shapes?|lines|"
                          r"forms?|style|textures?)\b", re.IGNORECASE),
    "hd": re.compile(r"(?:\s+[A-Za-z]+){0,2}?\s+foam\b", re.IGNORECASE),
}


def other_sense(text: str, mention: Mention) -> bool:
    """True when the feature word at ``mention`` is used in a sense its tag does not name."""
    value, _, end = mention
    pattern = _OTHER_SENSE.get(value)
    return bool(pattern and pattern.match(text, end))
