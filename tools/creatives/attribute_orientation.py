"""Which way a flat product (a print, a frame, a canvas) is longer, said in words and in numbers.

"Orientation: landscape", "wider than it is tall", "a landscape print" say it is wider;
"portrait", "taller than it is wide" say it is taller; a size given with its axes named
("16 in. high x 12 in. wide", "W 40 x H 30 cm") says which by its numbers. Statements of
:mod:`tools.creatives.attribute_clash`'s one rule: "landscape (wider than it is tall)" beside
"16 in. high x 12 in. wide" cannot both hold. A clause that gives both ways or options
("portrait or landscape", "hangs either way") says neither.
"""

from __future__ import annotations

import re

from tools.creatives.attribute_values import OPTIONS, Stated, clauses

__all__ = ["orientations"]

_ATTRIBUTE = "which way it is longer"
# the word as the product's orientation, not a scene ("landscape lights") or a mode
_WORDS = re.compile(r"(?i)\b(?P<w>(?:landscape|portrait)(?=(?:\s+(?:orientation|format|print|piece|"
                    r"poster|canvas|layout|style))?\s*(?:[,.;:()\n]|$))|wider\s+than\s+"
                    r"(?:it\s+is\s+)?(?:tall|high)|taller\s+than\s+(?:it\s+is\s+)?wide)\b")
_NUM = r"(?P<{0}>\d+(?:\.\d+)?)\s*(?:in\.?|inch(?:es)?|cm|mm|\"|'')?\s*"
_HIGH_WIDE = re.compile(r"(?i)" + _NUM.format("h") + r"(?:high|tall|h)\b\s*[x\u00d7by]+\s*"
                        + _NUM.format("w") + r"(?:wide|w)\b")
_WIDE_HIGH = re.compile(r"(?i)" + _NUM.format("w") + r"(?:wide|w)\b\s*[x\u00d7by]+\s*"
                        + _NUM.format("h") + r"(?:high|tall|h)\b")
_EITHER = re.compile(r"(?i)\b(?:either|both|any)\s+(?:way|orientation)|\bor\b|/")


def _way(word: str) -> str:
    """"landscape" or "portrait" for an orientation word or comparison."""
    low = word.lower()
    return "landscape" if low.startswith(("landscape", "wider")) else "portrait"


def orientations(text: str) -> list[Stated]:
    """Every statement of which way the product is longer, in words or by its named axes."""
    found = []
    for clause, start in clauses(text):
        if OPTIONS.search(clause) or _EITHER.search(clause):
            continue
        for m in _WORDS.finditer(clause):
            found.append(Stated(_ATTRIBUTE, _way(m["w"]), m.group(0), start + m.start()))
        for rx in (_HIGH_WIDE, _WIDE_HIGH):
            for m in rx.finditer(clause):
                high, wide = float(m["h"]), float(m["w"])
                if high != wide:
                    way = "landscape" if wide > high else "portrait"
                    found.append(Stated(_ATTRIBUTE, way, m.group(0).strip(), start + m.start()))
    return found
