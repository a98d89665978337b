"""Pack counts in listing text: "Pack of 2", "6-Pair", "Set of 4", "20 Pcs Paper Bags".

A count of like pieces in a title ("20 Pcs Paper Gift Bags", "2 Pieces Dog Bowls", "1PC") is
a pack of them; the piece count of a product that is a set ("7-Piece Knife Set", "Drill Bit
Set (8 Pieces)"), the parts of a kit ("LEGO Building Kit (484 Pieces)", "Accessory Kit,
160-Piece") or of a contents list ("4pc Clip, 4pcs Spring") are no pack at all (the guideline:
counts of pieces that are not a pack are no size). "Set of 4" stays a set, and so does
"Kitchen Towels, 6-Piece Set": a set of like items. A title's "24 Count" / "20-ct" is a pack of
them (the labellers' reading since v15), not a supplement's pill count.
"""

from __future__ import annotations

import re
from collections.abc import Collection

Mention = tuple[str, int, int]

_PACK = re.compile(r"\b(?:(?:pack|set|carton|box|case) of (\d+)|"
                   r"(\d+)[- ]?(?:packs?|pk|pairs?|rolls)\b|(\d+)[- ]?(?:piece|pc)s?\b)",
                   re.IGNORECASE)
# "20 Pcs", "18 Pieces", "1PC": a count of like items; "7-Piece" modifies a set's name
# a product made of unlike pieces: a set, a kit, a toy or puzzle, an outfit, a multi-panel
# picture ("2 Pieces Tuxedo Outfit", "5 Pieces Canvas Prints" of one scene)
_ASSEMBLED = frozenset({"set", "kit", "toy", "puzzle", "playset", "outfit", "suit", "tuxedo",
                        "canvas", "painting", "artwork", "art"})
_SET_AFTER = re.compile(r"[ -](?:set|kit)\b", re.IGNORECASE)
_COUNTED = re.compile(r"pieces|pcs?\b", re.IGNORECASE)
# a title naming a set or kit anywhere ("Driver Set, 4Pc"): its piece counts are the set's parts
_SET_WORD = re.compile(r"\b(?:set|kit)s?\b(?! of\b)", re.IGNORECASE)
# "Accessory Kit, 160-Piece", "Mechanics Tool Set, 247-Piece": a kit counts its parts
_KIT = re.compile(r"\bkits?\b|accessor|\btool set|\bbit set", re.IGNORECASE)
_PART_BREAK = re.compile(r"[.;!?\n|()\[\]【】]")


def find_packs(text: str, *, title: bool, own: Collection[str] = ()) -> list[Mention]:
    """Pack and set counts ("pack of 2", "set of 4"); ``own``: the words naming the product."""
    found: list[Mention] = []
    for m in _PACK.finditer(text):
        if re.search(r"[x×*]\s*$", text[max(0, m.start() - 3):m.start()], re.IGNORECASE):
            continue  # "steak knife x 6 piece": a count of one item in a list, not the pack
        if re.search(r"piece|pc", m.group(0), re.IGNORECASE) and _KIT.search(_near(text, m)):
            continue  # "Rotary Accessory Kit, 160-Piece": the parts of a kit, not a pack
        if not title and _contents(text, m):
            continue
        n = next(g for g in m.groups() if g)
        kind = "set" if re.search(r"set|piece|pc", m.group(0), re.IGNORECASE) else "pack"
        if m.group(3):  # a count of pieces
            if _ASSEMBLED & set(own) or (title and _SET_WORD.search(text)
                                          and not _SET_AFTER.match(text, m.end())):
                continue  # "7-Piece Knife Set", "Building Toy (374 Pieces)": a set's parts
            if title and _COUNTED.search(m.group(0)):
                kind = "pack"  # "20 Pcs Paper Gift Bags", "18 Pieces Hair Bows", "1PC"
            elif not _SET_AFTER.match(text, m.end()):
                continue  # "a 3-piece design": what it is made of; "Towels, 6-Piece Set" stays
        found.append((f"{kind} of {int(n)}", m.start(), m.end()))
    if title and not _DOSES.search(text):
        found.extend((f"pack of {int(m.group(1))}", m.start(), m.end())
                     for m in _COUNT.finditer(text)
                     if not _TOTAL_BEFORE.search(text, 0, m.start()))
    lead = _LEADING_PACK.match(text) if title else None
    if lead:  # "Pack 3 Silicone Bands for Fitbit": a title that opens with its count
        found.append((f"pack of {int(lead.group(1))}", lead.start(), lead.end()))
    return found


# "24 Count", "20-ct", "16ct": a title's count of like items is its pack (labellers since v15),
# not the pill count of a supplement ("Vitamin D3, 120 Softgels, 60 Count")
# not a mesh's thread count ("156 Count Mesh"), nor the pieces in all the packs ("9 Packs (540
# Count)")
_COUNT = re.compile(r"(?<![\d.,/])(?<!thread )(\d+)\s?-?\s?(?:counts?|ct)\b\.?"
                    r"(?!\s*(?:per\b|/|mesh\b|threads?\b))", re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\b\d+[- ]?packs?\s*[(\[]\s*$", re.IGNORECASE)
_DOSES = re.compile(r"\b(?:capsules?|caps|tablets?|softgels?|pills?|caplets?|gummies|vitamins?|"
                    r"supplements?|lozenges?|chewables?)\b", re.IGNORECASE)
_LEADING_PACK = re.compile(r"\W*pack (\d+)\b(?![.,/]\d)(?!\s*(?:oz|ml|fl|lbs?|g)\b)", re.IGNORECASE)


def _near(text: str, m: re.Match[str], width: int = 25) -> str:
    """The words within ``width`` characters of a match, up to a bracket, bar or stop."""
    before = text[max(0, m.start() - width):m.start()]
    cut = max((b.end() for b in _PART_BREAK.finditer(before)), default=0)
    after = text[m.end():m.end() + width]
    stop = _PART_BREAK.search(after)
    return before[cut:] + m.group(0) + after[:stop.start() if stop else None]


_COUNT_ITEM = re.compile(r"\b\d+\s*(?:pcs?|pieces?|pairs?|sets?|x|\*)(?![\w-])", re.IGNORECASE)
_SEGMENT_END = re.compile(r"[.;\n|•【】]")


def _contents(text: str, m: re.Match[str]) -> bool:
    """True when a count is one item of a contents list or one of two counts offered.

    "Package include: 4 pair pad, 4pc Clip, 4pcs Spring", "1pc pairs of kitchen shears,
    1pc kitchen knife sharpener": each count is one part's; "packed in 2 or 4 pieces": a
    choice of packs, not this listing's.
    """
    left = max((b.end() for b in _SEGMENT_END.finditer(text, 0, m.start())), default=0)
    right = _SEGMENT_END.search(text, m.end())
    segment = text[left:right.start() if right else len(text)]
    return (len(_COUNT_ITEM.findall(segment)) >= 2
            or bool(re.search(r"\d\s+or\s+$", text[max(0, m.start() - 8):m.start()])))
