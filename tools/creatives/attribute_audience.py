"""Whom the product is cut for, given twice: a "Women's" title beside "Gender: Men".

A title that names one audience ("Women's packable rain jacket", "Rain Jacket for Men") and a
labelled line that names the other ("GENDER: Mens", "Department: womens") cannot both hold.
Real listings speak of the other audience in many honest ways ("Men's belt that can also be
used for women", "Men's 7.5-13 / Women's 5-9", "Timberland has boots for men, women and
kids"), so only these two places are read: the title, and only when it names one audience,
and a labelled line with one value; a brief that says "unisex" anywhere is for both.
"""

from __future__ import annotations

import re

from tools.creatives.attribute_values import Stated, clauses

__all__ = ["audiences"]

_WHO = {"men": "men", "mens": "men", "man": "men", "male": "men", "women": "women",
        "womens": "women", "woman": "women", "female": "women", "ladies": "women"}
_TITLE = re.compile(r"(?i)\b(?:(?P<a>women|men)'?s\b|for\s+(?P<b>women|men)\b|"
                    r"(?P<c>ladies)\b)")
_LABEL = re.compile(r"(?i)^\W*(?:gender|department|sex)\s*[:\-]\s*(?P<w>[a-z']+)\W*$")


def audiences(text: str) -> list[Stated]:
    """The audience the title names and the one a "Gender:" line names, when each names one."""
    if re.search(r"(?i)\bunisex\b", text):
        return []
    pieces = clauses(text)
    title = re.split(r"\n|[.!?]\s|\s[|]\s", text, maxsplit=1)[0]
    found = [Stated("who it is made for", _WHO[(m["a"] or m["b"] or m["c"]).lower()],
                    m.group(0), m.start()) for m in _TITLE.finditer(title)]
    if len({s.value for s in found}) != 1:
        return []  # "Men's & Women's Ankle Socks": both
    for clause, start in pieces:
        m = _LABEL.match(clause)
        word = m["w"].lower().replace("'", "") if m else ""
        if word in _WHO:
            found.append(Stated("who it is made for", _WHO[word], clause.strip(), start))
    return found[:1] + found[-1:] if len(found) > 1 else []
