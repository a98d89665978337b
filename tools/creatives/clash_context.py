"""What makes a denial or a mention no claim about the product itself.

A denial told as a question ("TIRED OF SEEING NO PROGRESS?"), a condition or hedge ("If your
box does not stay sealed", "ok maybe not dogs"), an instruction ("Make sure there is no
leakage"), a comparison with other products ("No electrolyte capsule on the market has more")
or an item of an options list ("flavors like Sea Salt, Lime, and No Salt") denies nothing of
the product; a mention in a sentence about other products ("Your usual supplements can contain
preservatives") or before a part's noun ("INSULATED STORAGE SLEEVE") states nothing of it.
Used by :mod:`tools.creatives.clash_negation`.
"""

from __future__ import annotations

import re

__all__ = ["OTHER_PRODUCTS", "PART_AFTER", "label_at", "not_a_claim", "off_scope"]

# a denial told as a question, a condition or hedge, an instruction, a comparison with other
# products or an item of an options list states no property of the product: "TIRED OF SEEING
# NO PROGRESS?", "If your box does not stay sealed", "(ok maybe not dogs", "Make sure there is
# no leakage", "No electrolyte capsule on the market has more", "flavors like Sea Salt, Lime,
# and No Salt", "Also made are Caution, No Dogs, Friendly"
_HEDGE = re.compile(r"\b(?:if|unless|maybe|might|make\s+sure|ensure|in\s+case|like|such\s+as|"
                    r"also\s+(?:made|available|comes?)|available|flavou?rs|options?|choose)\b")
_OTHERS_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:on\s+the\s+market|out\s+there|else|other|"
                           r"compares?|beats?|comes?\s+close|(?:has|is|does)\s+(?:more|better))")


# "all flip, no flop", "more fun, less mess", "big sound, no wires": a slogan's parallel pair
_SLOGAN = re.compile(r"\b(?:all|more|max|full|big|great)\s+[a-z]+\s*[,&+]\s*(?:no|zero|less|"
                     r"not)\s+[a-z]+$")


def not_a_claim(low: str, m: re.Match[str], term: str) -> bool:
    """True when the denial at ``m`` is a question, a hedge, a comparison or an option."""
    start = max(low.rfind(c, 0, m.start()) for c in (". ", "\n", "! ", "? ")) + 1
    ends = [i for i in (low.find(c, m.end()) for c in (". ", "\n", "! ", "?")) if i >= 0]
    stop = min(ends, default=len(low))
    after = low[m.start(1) + len(term):]
    name = set(re.findall(r"[a-z]+", re.split(r"[\n,;:|(\u2013\u2014]|\s-\s", low, maxsplit=1)[0]))
    own = m.group(0).startswith("no ") and term.rstrip("s") in {w.rstrip("s") for w in name}
    if own or _SLOGAN.search(low[start:m.end()]):
        return True  # "ALL FLIP, NO FLOP" in a flip flops' listing: wordplay on its own name
    return low[stop:stop + 1] == "?" or _HEDGE.search(low[start:m.start()]) is not None or \
        _OTHERS_AFTER.match(after) is not None or \
        re.match(r"\s*\(\s*or\b[^)]*\)\s*[a-z]", after) is not None  # "no chicken (or
    # poultry) by-product meals" denies the by-product, not the chicken


# a mention in a sentence about other products ("Your usual supplements can contain
# preservatives"), or before a part's noun ("INSULATED STORAGE SLEEVE" of a bottle said
# "not insulated")
OTHER_PRODUCTS = re.compile(r"\b(?:usual|other|typical|regular|ordinary|conventional|"
                            r"traditional|cheap|cheaper)\s+(?:[a-z-]+\s+)?[a-z]+s\b")
PART_AFTER = re.compile(r"(?:\s+[a-z]+)?\s+(?:covers?|cases?|lids?|straps?|liners?|inserts?|"
                        r"shells?|sleeves?|pouch(?:es)?|bags?|caps?|handles?)\b")


def label_at(low: str, at: int) -> str:
    """The label of the line holding ``at`` ("lid" in "Lid: not dishwasher safe"), else ""."""
    line = low[max(low.rfind(c, 0, at) + len(c) for c in ("\n", ". ", "| ")):at]
    label = re.match(r"\s*[-*\u2022]?\s*([a-z][a-z ]{0,20}):", line)
    return label.group(1).strip() if label else ""


# a sentence about other products, options or a condition: its statements are not the product's
_OFF_SCOPE = re.compile(r"(?i)\b(?:unlike|compared\s+(?:to|with)|versus|competitors?|other\s+"
                        r"(?:brands?|products?|models?)|if\s+(?:you|your)|unless|also\s+"
                        r"(?:comes?|available)|available\s+in)\b")
_QUOTED = re.compile(r"'([^']{2,80})'|\"([^\"]{2,80})\"")


def off_scope(text: str, message: str) -> bool:
    """True when a side a refusal quotes is said only in off-scope sentences of ``text``."""
    low = text.lower()
    for m in _QUOTED.finditer(message):
        phrase = (m.group(1) or m.group(2)).lower()
        spots = [i for i in range(len(low)) if low.startswith(phrase, i)]
        if spots and all(_OFF_SCOPE.search(_sentence_without(low, i, phrase)) for i in spots):
            return True
    return False


_SEPARATORS = (". ", "\n", "! ", "? ", " | ", "\u2022", " \u2013 ", " \u2014 ", " - ", "; ")


def _sentence_without(low: str, at: int, phrase: str) -> str:
    """The sentence or line holding ``low[at:]``, without the phrase itself."""
    start = max(low.rfind(sep, 0, at) for sep in _SEPARATORS) + 1
    ends = [e for e in (low.find(sep, at + len(phrase)) for sep in _SEPARATORS) if e >= 0]
    return low[start:at] + " " + low[at + len(phrase):min(ends, default=len(low))]
