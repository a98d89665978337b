"""Runs of short comma-cut pieces that are one fact: a composition, a box list, sizes, colours.

"80% merino wool, 15% nylon, 5% spandex", "incl. 2 batteries, charger & bag", "sizes #16, #33,
#64", "black, brown, tan" and a verb's list closed by "etc." or "and" ("holds pens, phone,
sticky notes, etc.") each stay one piece. Moved out of :mod:`tools.creatives.compat_list`
unchanged, with the small helpers both use.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.extraction.vocab import COLORS
from knowledge.nlp.quantities import find_quantities
from tools.creatives.name_ends import verb_led

__all__ = ["PROPERTY_END", "clause_closes", "closes", "colours", "comma_items", "plain_item", "run",
           "unjoined", "verb_list"]

PROPERTY_END = re.compile(r"(?i)(?:able|ible|proof|safe|free|resistant|less)$")


def plain_item(piece: str, pair: bool = False) -> bool:
    """True for a short plain item of a list ("electric", "glass top"): no measure, property."""
    words = [w for w in piece.split() if w not in {"&", "and", "or"}]  # "keys & gear"
    joined = pair and len(words) < len(piece.split())  # "frozen peas & more": two items
    return (0 < len(words) <= (3 if joined else 2)
            and not any(q.kind != "number" for q in find_quantities(piece))
            and not PROPERTY_END.search(piece) and not re.search(r"\d", piece))


def comma_items(text: str, pieces: list[tuple[str, int]], i: int,
                 stop: int | None = None) -> Iterator[tuple[int, str, int]]:
    """(index, piece, offset) of the pieces after piece ``i`` while only a comma parts them."""
    for k in range(i + 1, len(pieces) if stop is None else min(stop, len(pieces))):
        nxt, at = pieces[k]
        prev_end = pieces[k - 1][1] + len(pieces[k - 1][0])
        if not re.fullmatch(r",\s*", text[prev_end:at]):
            return
        yield k, nxt, at


def unjoined(piece: str) -> str:
    """The piece without a leading "and", "or" or "&"."""
    return re.sub(r"^(?:and|or|&)\s+", "", piece)


def closes(text: str, at: int) -> bool:
    """True when the sentence ends at ``at`` (a full stop, a new line or the brief's end)."""
    return re.match(r"\s*(?:[.;\n]|$)", text[at:]) is not None


def clause_closes(text: str, at: int) -> bool:
    """:func:`closes`, or a pipe or a spaced dash between pasted clauses ("... doors – peels")."""
    return closes(text, at) or re.match(r"\s*(?:\||[-\u2013\u2014]+\s)", text[at:]) is not None


# a material share ("80% merino wool"): a composition is one fact, never three
_SHARE = re.compile(r"\d{1,3}(?:\.\d+)?\s?%\s+[A-Za-z][A-Za-z -]*")
# what comes in the box: "kit incl. 2 batteries (2.0Ah), charger & bag"
_INCLUDES = re.compile(r"(?i)(?:^|\s)(?:incl\.?|includes|including|comes with)\s+\S")
# sizes and colours listed after their word: "sizes #16, #33, #64", "colors black, navy"
_SIZES = re.compile(r"(?i)^(?:sizes?|colou?rs?)\s+\S")
_SIZE_ITEM = re.compile(r"#?\d[\w./-]*|[A-Z0-9]{1,4}(?:/[A-Z0-9]{1,4})*|"
                        r"(?:and|or|&)\s+#?[\dA-Z][\w./-]*")
_CLOSER = re.compile(r"(?:^|\s)(?:and|&|\+)(?:\s|$)")


def run(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of a composition or an in-the-box list that starts at piece ``i``.

    "80% merino wool, 15% nylon, 5% spandex" while every piece is a share; "incl. 2
    batteries, charger & bag" up to the short piece that closes it with "and"/"&" or ends
    the sentence.
    """
    first = pieces[i][0]
    if _SIZES.match(first):
        return _sizes(text, pieces, i)
    share = _SHARE.fullmatch(first) is not None
    if not share and _INCLUDES.search(first) is None:
        return i
    end = i
    for k, nxt, at in comma_items(text, pieces, i, stop=i + 6):
        if share:
            if _SHARE.fullmatch(nxt) is None:
                break
            end = k
        elif (len(nxt.split()) > 4 or verb_led(nxt.lower()) or PROPERTY_END.search(nxt)
              or re.search(r"(?i)\bincl", nxt)):
            break  # "sleeps 4", "waterproof", "hardware included" are no items of the list
        elif _CLOSER.search(nxt) or closes(text, at + len(nxt)):
            return k  # "..., charger & bag" or the sentence's last item
    return end


def _sizes(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of "sizes #16, #33, #64" or "colors black, navy": sizes or colours only."""
    end = i
    for k, nxt, _ in comma_items(text, pieces, i):
        if not (_SIZE_ITEM.fullmatch(nxt) or nxt.lower().removeprefix("and ") in COLORS):
            break
        end = k
    return end


def _colour(piece: str) -> bool:
    """True for a colour as merchants list it: "black", "blue mirror", "ruby red"."""
    words = unjoined(piece.strip()).lower().split()
    return 0 < len(words) <= 3 and any(w in COLORS for w in words) and not re.search(r"\d", piece)


def colours(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of a run of colours ("black, brown, tan"): one fact, not three.

    Colours no list knows ("navy, olive, sand") join when the run ends its sentence and
    every one is a short plain word.
    """
    if not _colour(pieces[i][0]):
        return i
    end, known = i, i
    for k, nxt, _ in comma_items(text, pieces, i):
        if not (_colour(nxt) or plain_item(unjoined(nxt))):
            break
        end = k
        known = k if _colour(nxt) and known == k - 1 else known
    closed = closes(text, pieces[end][1] + len(pieces[end][0]))
    return end if closed else known


def verb_list(text: str, pieces: list[tuple[str, int]], i: int) -> int:
    """The last piece of a verb's list that "etc." or "and/or/&" closes ("holds pens, etc.")."""
    for k, nxt, _ in comma_items(text, pieces, i, stop=i + 6):
        if not plain_item(unjoined(nxt)) or verb_led(nxt.lower()):
            return i
        if re.match(r"(?i)(?:etc\.?|and|or|&)(?:\s|$)", nxt):
            return k
    return i
