"""Mentions said of the maker or in a list of search words, not of the product.

A listing also talks about its maker ("Since 1973 Godinger has specialized in
handcrafted silver, crystal, stainless and alternative metal giftware", "Salomon makes
hiking shoes for men and women"): what the maker makes in general says nothing of this item.
Some bullets are lists of search words for other listings ("lace crop tops for women long
sleeve sexy ... see through mesh crop top women's turtleneck ..."): nothing in them is said
of this item either.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n•|【】]")
# the maker as the subject of a sentence about what it makes or does in general
_MAKER_VERB = re.compile(r"(?:,?\s*(?:inc|llc|ltd|co|company|brand)\b\.?)?\s*,?\s*"
                         r"(?:has|have|had|makes?|offers?|designs?|"
                         r"creates?|produces?|specializ\w*|specialis\w*|brings?|is (?:a|an|the|"
                         r"one)|was (?:founded|born|established)|began|started|manufactures?)\b",
                         re.IGNORECASE)
_COMPANY = re.compile(r"\b(?:our|the) (?:company|brand|team|founders?|factory)\s+(?:has|have|"
                      r"is|was|makes?|offers?|specializ\w*|began|started)\b|"
                      r"\bwe (?:are an?|have been|specialize|began|started)\b", re.IGNORECASE)


def of_maker(text: str, start: int, brand: list[tuple[int, int]]) -> bool:
    """True when the mention sits in a sentence about the maker ("Salomon makes ... for men").

    The brand name (or "our company", "we are") earlier in the same sentence, followed by a
    verb of making or being: the sentence describes the company, not this product.
    """
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    if any(left <= s and e <= start and _MAKER_VERB.match(text, e) for s, e in brand):
        return True
    return bool(_COMPANY.search(text, left, start))


# a bullet naming who it is for six or more times is a list of search words, not a description
_GENDERED = re.compile(r"\bfor (?:wo)?m[ae]n\b|\b(?:wo)?men'?s\b", re.IGNORECASE)
KEYWORD_LIST = 6


def in_keyword_list(text: str, start: int) -> bool:
    """True when the line holding ``start`` names women or men six or more times."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", start)
    line = text[left:right if right >= 0 else len(text)]
    return len(_GENDERED.findall(line)) >= KEYWORD_LIST
