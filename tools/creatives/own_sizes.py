"""The product's one named size: a letter size or a bed size ("Twin XL 39 x 80 in").

A letter size counts where a brief names the one size of the product: a labelled "Size:"
line that holds only that size (a closing note such as "(chest 32-40 in)" aside), or "size X"
in the title. A range ("sizes M-L", "S-XL"), a list ("S, M, L"), a plural "Sizes" label, a
size chart or advice ("model wears size S", "order one size up") is no statement of it.
"""

from __future__ import annotations

import re

from knowledge.extraction.vocab_colours_sizes import BED_SIZES
from tools.creatives.attribute_values import Stated
from tools.creatives.own_kinds import BED_SIZE, NAMED_SIZE
from tools.creatives.own_terms import alone, title_end

__all__ = ["BED_NAMES", "bed_size", "fits_only", "letter_size", "sized", "sizes_differ",
           "title_bed", "title_sizes"]

_LETTERS = (("XXXL", r"xxxl|3xl|3x|xxx-large|3x-large"),
            ("XXL", r"xxl|2xl|2x|xx-large|2x-large"),
            ("XL", r"xl|x-large|extra[\s-]large|x\s+large"),
            ("XS", r"xs|x-small|extra[\s-]small"),
            ("S", r"s|sm|small"), ("M", r"m|med|medium"), ("L", r"l|lg|large"))


def letter_size(value: str) -> str | None:
    """The letter size ``value`` is, and nothing else ("Large" -> L, "XL" -> XL), else None."""
    m = re.fullmatch(r"(?i)\s*(?:size\s+)?(\w[\w\s-]*?)\s*", value)
    if m is None:
        return None
    word = m.group(1).lower()
    for name, alts in _LETTERS:
        if re.fullmatch(alts, word):
            return name
    return None


def sizes_differ(x: str, y: str) -> bool:
    """True when two stated sizes of the product cannot both hold.

    "Size Large" and "SIZE: large" (or "L") are one size; two letter sizes or two sizes of
    one other system ("7" / "9") clash; a letter size beside a number is another system
    ("size 7 (L)"), so no clash is claimed.
    """
    letter_x, letter_y = letter_size(x), letter_size(y)
    if letter_x is not None and letter_y is not None:
        return letter_x != letter_y
    if letter_x is not None or letter_y is not None:
        return False
    return x.strip().lower() != y.strip().lower()


# a bed size given with its measure: "Twin XL 39 x 80 in", "Queen (60 x 80 in)"
_UNIT = r"(?:\"|in(?:ch(?:es)?)?|cm)?"
_BED_MEASURE = re.compile(r"(?i)\s*[a-z ]*?(?:size|bed)?\s*(?:\d+(?:\.\d+)?\s*" + _UNIT +
                          r"\s*(?:x|by|\u00d7)\s*\d+(?:\.\d+)?\s*" + _UNIT + r"\.?)?\s*")


def sized(value: str, shown: str, start: int, bed: str | None) -> list[Stated]:
    """What a labelled "Size:" or "Dimensions:" line says of the product's one size."""
    if bed is not None and _BED_MEASURE.fullmatch(value):
        return [Stated(BED_SIZE, bed, shown, start)]
    letter = letter_size(value)
    if letter is not None and shown.lower().startswith("size"):
        return [Stated(NAMED_SIZE, letter, shown, start)]
    return []


_SIZE_WORD = "|".join(alts for _, alts in _LETTERS)
_TITLE_SIZE = re.compile(rf"(?i)(?<!\w)size\s+({_SIZE_WORD})\b(?!\s*(?:[-/\u2013]|to\b|or\b|"
                         r"and\b|&|,\s*(?:" + _SIZE_WORD + r")\b|up\b|down\b|larger|smaller))")
_ADVICE = re.compile(r"(?i)\b(?:sizes|wear(?:s|ing)?|model|order|choose|select|recommend|"
                     r"fits?\s+like|runs?|if|chart|guide|up|down|one)\s+(?:\w+\s+)?$")


def title_sizes(text: str) -> list[Stated]:
    """"size Large" said in the title: the one letter size the product is."""
    head = text[:title_end(text)]
    out = []
    for m in _TITLE_SIZE.finditer(head):
        if _ADVICE.search(head[max(0, m.start() - 30):m.start()]):
            continue
        letter = letter_size(m.group(1))
        if letter is not None:
            out.append(Stated(NAMED_SIZE, letter, m.group(0), m.start()))
    return out


# one alternation of the bed sizes (longest first), "cal king" beside "california king"
BED_NAMES = "|".join([r"cal\s+king", *(s.replace(" ", r"\s+") for s in BED_SIZES)])
_BED = re.compile(rf"(?i)\b({BED_NAMES})\b")


def bed_size(value: str) -> str | None:
    """The one bed size ``value`` names ("Cal King" -> california king), else None."""
    sizes = {m.group(1).lower().replace("cal ", "california ") for m in _BED.finditer(value)}
    sizes = {re.sub(r"\s+", " ", s) for s in sizes}
    return sizes.pop() if len(sizes) == 1 and sizes <= set(BED_SIZES) else None


_FITS_ONLY = re.compile(rf"(?i)\b(?:fits|for)\s+(?:only\s+)?({BED_NAMES})(?:[\s-]+size)?\s+"
                        rf"(?:beds?|mattress(?:es)?)\s+only\b|\bfits\s+only\s+({BED_NAMES})"
                        r"(?:[\s-]+size)?\s+(?:beds?|mattress(?:es)?)\b")


def fits_only(text: str) -> list[Stated]:
    """"Fits twin beds only": the one bed size it is."""
    found = []
    for m in _FITS_ONLY.finditer(text):
        size = bed_size(m.group(1) or m.group(2))
        if size is not None:
            found.append(Stated(BED_SIZE, size, m.group(0), m.start()))
    return found


_BEDDING = re.compile(r"(?i)(?:[\s-]+[A-Za-z]+){0,2}?[\s-]*(?:size\b|bed\b|sheet|duvet|"
                      r"comforter|quilt|mattress|bedspread|blanket|coverlet|topper|bedskirt)")


def title_bed(text: str, head_end: int, noun_start: int) -> list[Stated]:
    """The bed size the title's name gives: "king size sheet set".

    Bedding may be named up to two words later: "Cal King waterproof mattress protector".
    """
    beds = [m for m in _BED.finditer(text, 0, head_end) if m.end() < noun_start]
    if len(beds) != 1 or not _BEDDING.match(text, beds[0].end(), head_end):
        return []
    size = bed_size(beds[0].group(0))
    if size is None or not alone(text, beds[0].start(), beds[0].end()):
        return []
    return [Stated(BED_SIZE, size, beds[0].group(0), beds[0].start())]
