"""Mentions said of the maker, not of the product.

A listing also talks about its maker ("Since 1973 Godinger has specialized in
handcrafted silver, crystal, stainless and alternative metal giftware", "Salomon makes
hiking shoes for men and women"): what the maker makes in general says nothing of this item.
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
