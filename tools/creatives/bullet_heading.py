"""Whether a bullet's group heading may stand before a segment ("Size and capacity: ...").

A heading tells the shopper whose the words are. "Size and capacity: for 2 in. receivers"
makes a receiver's size the hitch cover's, "Features: for knee" a knee a feature; a segment
that says what the product fits or is for stands as the merchant wrote it ("For 2 in.
receivers (not for 1.25 in.).").
"""

from __future__ import annotations

import re

__all__ = ["heading_fits"]

_FIT_LEAD = re.compile(r"(?i)(?:for|fits?)\s")


def heading_fits(pattern: str, text: str) -> bool:
    """False when the group's heading would make a fit or a use the product's own."""
    return not _FIT_LEAD.match(text) or pattern.startswith(("Made for", "Details"))
