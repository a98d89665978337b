"""A list of bare nouns cut at its commas whose last item carries what they all share.

"fox, owl and hedgehog in felt": the fox is in felt too. Cut at the comma, "Fox." stands
alone and "owl and hedgehog in felt" names only two of the three. A piece of one or two
plain words, then short comma-led pieces up to one that closes the list with "and", "&"
or "or" within its first words, is one list (as written, commas and all).
"""

from __future__ import annotations

import re

__all__ = ["noun_list_end"]

_BARE = re.compile(r"[A-Za-z][A-Za-z'-]*(?:\s[A-Za-z][A-Za-z'-]*)?")
_CLOSE = re.compile(r"(?i)^[A-Za-z][A-Za-z'-]*(?:\s[A-Za-z][A-Za-z'-]*)?\s(?:and|&|or)\s"
                    r"[A-Za-z][A-Za-z'-]*\s(?:in|of|from|with|made of)\s")


def noun_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The piece closing the bare-noun list opened at piece ``i`` (``i`` when none does).

    Only a closing item that goes on with what the items share ("... and hedgehog in felt",
    "... or blue with white dots") makes a list of the pieces before it.
    """
    if not _BARE.fullmatch(pieces[i][0]):
        return i
    for k in range(i + 1, min(i + 5, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if not re.fullmatch(r",\s*", text[prev_end:at]):
            return i
        if _CLOSE.match(nxt):
            return k
        if not _BARE.fullmatch(nxt):
            return i
    return i
