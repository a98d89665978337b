"""A bare list of things or places the merchant adds on its own: "desk, car, nightstand".

"adhesive cable clips ... residue-free removal..desk, car, nightstand" ends on where the
clips are used. Cut at its commas, "car" alone under "Features:" reads as a part or a
property of the clips. A sentence that is only a comma list of three or more short plain
nouns (no number, no property, no colour, no verb) stays one fact of its own kind, "use",
shown as the merchant wrote it, never under a heading that would make it the product's.
"""

from __future__ import annotations

import re

from knowledge.extraction.vocab import COLORS
from tools.creatives.name_ends import verb_led
from tools.creatives.run_on import has_noun

__all__ = ["is_use_list", "use_list_end"]

_ITEM = re.compile(r"(?:(?:and|or|&)\s+)?[a-z][a-z'-]*(?:\s[a-z][a-z'-]*)?")
_PROPERTY_END = re.compile(r"(?i)(?:able|ible|proof|safe|free|resistant|less|ed|ing|ly)$")


def _item(piece: str) -> bool:
    """True for one short plain noun of such a list ("desk", "home office", "and car")."""
    piece = piece.strip()
    if not _ITEM.fullmatch(piece) or _PROPERTY_END.search(piece) or verb_led(piece):
        return False
    bare = re.sub(r"^(?:and|or|&)\s+", "", piece)
    return not any(w in COLORS for w in bare.split()) and has_noun(bare)


def _opens_sentence(text: str, at: int) -> bool:
    """True when a sentence or line starts at ``at``."""
    return re.search(r"(?:^|[.;:\n])\s*$", text[:at]) is not None


def use_list_end(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of a bare list of nouns that makes a sentence from piece ``i``.

    ``i`` when the pieces from ``i`` are no such list: it must open its sentence, hold
    three items or more with only commas between them, and close its sentence.
    """
    if not _opens_sentence(text, pieces[i][1]) or not _item(pieces[i][0]):
        return i
    end = i
    for k in range(i + 1, len(pieces)):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if not re.fullmatch(r",\s*", text[prev_end:at]) or not _item(nxt):
            break
        end = k
    last_end = pieces[end][1] + len(pieces[end][0])
    closes = re.match(r"\s*(?:[.;\n]|$)", text[last_end:]) is not None
    return end if end - i >= 2 and closes else i


def is_use_list(segment: str) -> bool:
    """True for a segment that is such a list ("desk, car, nightstand")."""
    items = segment.split(",")
    return len(items) >= 3 and all(_item(x) for x in items)
