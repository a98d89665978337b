"""A comma list of items that shares one status: "cloth, frame and yarn NOT included".

The merchant's commas split such a list into pieces, and the first items alone ("tufting
cloth") would read as things that come with the product. The list is rejoined up to the piece
that carries the status, so the status stays with every item it was written for.
"""

from __future__ import annotations

import re

__all__ = ["ABSENT", "status_list_end"]

# the words saying an item does not come with the product (one vocabulary for the creatives)
ABSENT = (r"not\s+included|not\s+incl|not\s+supplied|not\s+provided|sold\s+separately|"
          r"purchased?\s+separately|excluded")
# an item status closing a piece: "frame and yarn NOT included", "batteries sold separately"
_STATUS_END = re.compile(rf"(?i)\b(?:{ABSENT})\W*$")
_SHORT = 4  # words in an item of such a list
# the list's last piece: its items joined by "and", "&" or "or", then the status, no numbers or
# brackets ("(waders not included)" is a status of one thing, said beside the list)
_CLOSER = re.compile(r"(?i)^[a-z' -]+\s(?:and|&|or)\s[a-z' -]+$")


def status_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The piece whose item status closes a comma list starting at piece ``i`` (else ``i``)."""
    first = pieces[i][0]
    if len(first.split()) > _SHORT or re.search(r"\d|:", first) or _STATUS_END.search(first):
        return i
    for k in range(i + 1, min(i + 8, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if not re.fullmatch(r",\s*", text[prev_end:at]):
            return i
        if _STATUS_END.search(nxt):  # "frame and yarn NOT included" closes the list
            return k if _CLOSER.match(nxt) and len(nxt.split()) <= _SHORT + 4 else i
        if len(nxt.split()) > _SHORT or re.search(r"\d|:", nxt):
            return i
    return i
