"""A merchant's brief as the parser reads it: list marks, emoji and shouting taken out.

Merchants paste briefs as lists ("- Cotton bath towels", "✅ juice groove", "1) 6 pack"),
shout them ("STAINLESS STEEL WATER BOTTLE 32 OZ"), cheer them on ("super soft!!!") or write
them as a spec sheet ("Qty: 4", "Size: 16 x 16 in"). The text is rewritten character for
character (same length, so every fact's span still points into the brief as written): a
list mark becomes a space, an emoji or "!" a clause break, an all-capitals brief lower case.
A spec line keeps its label with its value ("Size: 16 x 16 in" is one fact, never a
product named "Size"); a label that names the product ("Product: yoga mat") is dropped.
Marketing filler ("Best seller", "great gift") is never the product's name.
"""

from __future__ import annotations

import re

from knowledge.extraction.types import find_type

__all__ = ["NAME_KEY", "filler", "key_value", "reading_text"]

_LIST_MARK = re.compile(r"(?m)^[ \t]*(?:[-*\u2022\u00b7\u25aa\u25cf\u25ba\u27a4\u2192>]|"
                        r"\d{1,2}[.)])(?=[ \t])")
_EMOJI = re.compile("[\u2190-\u21ff\u2300-\u23ff\u2460-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff]"
                    "[\ufe0f\u200d]*")
# spec-sheet labels whose value is a fact of the product; the line stays one fact
SPEC_KEY = re.compile(r"(?i)^(?:qty|quantity|size|sizes|dimensions?|dims|measurements?|colou?rs?|"
                      r"materials?|fabric|weight|capacity|volume|count|pack(?:\s?size)?|"
                      r"contents|includes|included|in the box|features?|warranty|power|"
                      r"battery|compatibility|compatible with|fits|age|ages|for|style|"
                      r"finish|scent|flavou?r|pattern|shape|length|width|height|depth)"
                      r"\s?:\s*\S")
# labels that name the product: "Product: yoga mat" names a yoga mat
NAME_KEY = re.compile(r"(?i)^(?:product|item|name|title|type|product type|item name|"
                      r"what|hi|hello|hey|hi there|hello there|greetings)\s?:?$")  # and greetings
_FILLER = re.compile(r"(?i)^(?:(?:best|top|hot|#1|no\.? ?1)\s?(?:seller|selling|sale|rated|"
                     r"quality|pick|choice|deal)|bestseller|new arrivals?|brand new|new|sale|"
                     r"hot|wow|amazing|awesome|must have|limited (?:time )?(?:offer|stock|edition)|"
                     r"(?:best|great|perfect|ideal) gifts?(?: idea)?(?: for \w+)?|gift idea|"
                     r"(?:free|fast) shipping|(?:(?:so|super|very|really) )?(?:cute|pretty|"
                     r"adorable|gorgeous|beautiful|lovely|stunning|nice|cool)|"
                     r"ships (?:fast|free|today)|in stock|buy now|order now|don'?t miss(?: out)?|"
                     r"high quality|premium quality|100% satisfaction(?: guaranteed)?|"
                     r"satisfaction guaranteed|look|check it out|!+)$")


def reading_text(brief: str) -> str:
    """The brief rewritten for parsing, same length: list marks, emoji, "!" and capitals out."""
    text = _LIST_MARK.sub(lambda m: " " * len(m.group(0)), brief)
    text = _EMOJI.sub(lambda m: ";" + " " * (len(m.group(0)) - 1), text)
    text = text.replace("!", ";")
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if len(letters) >= 8 and upper >= 0.8 * len(letters) and len(text.lower()) == len(text):
        text = text.lower()  # "WATER BOTTLE 32 OZ": shouted, not acronyms
    return text


_ANY_KEY = re.compile(r"^[A-Za-z][A-Za-z/&]*(?: [A-Za-z/&]+)?\s?:\s*\S")


def key_value(piece: str) -> bool:
    """True for a spec-sheet line ("Qty: 4", "Thickness: 6mm"): a fact, never a name.

    A label naming the product ("Product: yoga mat") is no spec: its value is the name.
    """
    text = piece.strip()
    if SPEC_KEY.match(text):
        return True
    key = text.split(":")[0].strip()  # "Dog toothbrush kit: 2 brushes" names a kit
    return (bool(_ANY_KEY.match(text)) and not NAME_KEY.match(key)
            and find_type(key, fallback=False) is None)


def filler(piece: str) -> bool:
    """True for a clause of marketing filler ("Best seller", "great gift") or a bare label."""
    words = re.sub(r"[\s;.,]+", " ", piece).strip()
    return bool(_FILLER.match(words) or NAME_KEY.match(words))
