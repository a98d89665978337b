"""A head that ends on a word of the verb lists, read as the noun it is before a cue.

"Replacement vacuum filters for Shark NV350" sells filters: "filters" is on the verb lists
("filters water"), but a verb takes its object, and before "for", "with" or "fits" the
word names what is sold. The head keeps it instead of handing it to the next fact.
"""

from __future__ import annotations

import re

from tools.creatives.head_noun import end_fault

__all__ = ["noun_before_cue"]

_CUE_AFTER = re.compile(r"\s*(?:for|fits|with|w/|compatible|replaces|in|by)\b", re.IGNORECASE)


def noun_before_cue(masked: str, name: str, end: int) -> bool:
    """True when the head's last word, which could be a verb, is the noun before a cue.

    "replacement vacuum filters for Shark NV350": a verb takes its object ("filters
    water"); before "for", "with" or "fits" the word names what is sold.
    """
    words = name.split()
    return (len(words) >= 2 and end_fault(words) == "verb" and words[-1].lower().endswith("s")
            and _CUE_AFTER.match(masked, end) is not None)
