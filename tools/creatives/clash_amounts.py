"""A substance said absent and also given as an amount above a trace: "Sugar-free" / "sugars 9.8 g".

No list of substances: whatever word ``X`` a brief calls free ("X-free", "free of X", "zero
X", "no X", "X: none", "0 g X") is matched against every amount the brief gives of the same
``X`` ("X 9.8 g", "X: 40 mg", "40 mg of X", "X 2%"). A "free" claim allows a trace, as food
labels do ("sugar-free" is under 0.5 g a serving, "sodium-free" under 5 mg), so only an amount
above the trace clashes. The two phrases must name one thing: "no added sugar" is not denied
by "sugars 9.8 g" (the modifier differs), "sugar-free" is not by "sugar alcohols 5 g" (the
amount is of another noun), and a bound ("less than 1 g", "< 5 mg") states no amount.
"""

from __future__ import annotations

import re

from knowledge.errors import InvalidRequestError

__all__ = ["check_amounts", "free_and_amount"]

_X = r"(?P<x>[a-z][a-z]{2,}(?:\s[a-z]{3,})?)"
# "sugar-free", "free of sugar", "zero sugar", "no sugar", "sugar: none", "0 g sugar"
_FREE = (
    re.compile(r"(?i)(?<![\w-])(?P<x>[a-z]{3,})[\s-]free\b(?![\s-]+(?:from|of|shipping|returns?|"
               r"delivery|gift|trial|standing|size|flow|range|motion|hand|style)\b)"),
    re.compile(rf"(?i)\b(?:free\s+(?:of|from)|zero|no|without|0\s?g|0\s?mg)\s+{_X}"
               r"(?=\s*(?:[,.;:!)\n|/]|$|\s(?:and|or)\s))"),
    re.compile(r"(?i)(?<![\w-])(?P<x>[a-z]{3,})\s*:\s*(?:none|nil|zero|0|free)\b(?![.\d])"),
)
_UNIT = r"(?P<u>mg|g|mcg|\u00b5g|%|ppm)"
_NUM = r"(?P<n>\d+(?:[.,]\d+)?)"
# "sugars 9.8 g", "Caffeine: approx. 40 mg", "40 mg of caffeine", "9.8 g sugars"
_AMOUNTS = (
    re.compile(rf"(?i)(?<![\w-])(?P<m>(?:total\s+|added\s+)?){_X}[ \t]*:?[ \t]*"
               rf"(?:approx\.?\s+|about\s+|~\s*)?{_NUM}\s?{_UNIT}(?![\w/])"),
    re.compile(rf"(?i)(?<![\w.,<>~-]){_NUM}\s?{_UNIT}\s+(?:of\s+)?(?![^.\n;|]{{0,40}}\bfree\b)"
               rf"(?P<m>(?:added\s+)?){_X}(?=\s*(?:[,.;:!)\n|/]|$|\s(?:and|or|per|in|a)\s))"),
)
_TRACE = {"g": 0.5, "mg": 5.0, "mcg": 5.0, "\u00b5g": 5.0, "%": 0.5, "ppm": 20.0}
_BOUND = re.compile(r"(?i)(?:<|less\s+than|under|below|max\.?|up\s+to|under|≤)\s*$")
_GENERIC = frozenset({"total"})
# an amount said of other products: "Unlike other glasses which contain 20% lead"
_OTHERS = re.compile(r"(?i)\b(?:unlike|than|compared|other|others|competitors?|regular|"
                     r"traditional|ordinary|most)\b[^.\n;]*$")


def _stem(words: str) -> str:
    """``words`` lower-cased with a plural ``s`` dropped from the last word."""
    low = words.lower().split()
    last = low[-1]
    if last.endswith("s") and not last.endswith("ss") and len(last) > 4:
        low[-1] = last[:-1]
    return " ".join(low)


def _frees(text: str) -> list[tuple[str, str, int]]:
    """Every substance said absent: (its stem, the phrase, where it starts)."""
    found = []
    for rx in _FREE:
        for m in rx.finditer(text):
            if re.search(r"(?i)\b(?:not|isn't|never|nor)[\s-]+$", text[max(0, m.start() - 8):
                                                                   m.start()]):
                continue  # "not sugar-free"
            found.append((_stem(m.group("x")), m.group(0).strip(), m.start()))
    return found


def _amounts(text: str) -> list[tuple[str, str, int]]:
    """Every amount above a trace: (the substance's stem, the phrase, where it starts)."""
    found = []
    for rx in _AMOUNTS:
        for m in rx.finditer(text):
            value = float(m.group("n").replace(",", "."))
            if value <= _TRACE[m.group("u").lower()] or _BOUND.search(text[:m.start("n")]) \
                    or _OTHERS.search(text[max(0, m.start() - 80):m.start()]):
                continue
            thing = " ".join(w for w in (m.group("m") + " " + m.group("x")).split()
                             if w.lower() not in _GENERIC)
            if not thing:
                continue  # "Total: 12 g": of nothing named
            found.append((_stem(thing), m.group(0).strip(), m.start()))
    return found


def free_and_amount(text: str) -> tuple[str, str] | None:
    """The first pair of phrases that call one substance absent and give it an amount."""
    amounts = _amounts(text)
    for stem, phrase, at in _frees(text):
        for a_stem, a_phrase, a_at in amounts:
            if a_stem == stem and not a_at <= at < a_at + len(a_phrase):
                return phrase, a_phrase
    return None


def check_amounts(text: str) -> None:
    """Raise :class:`InvalidRequestError` when a substance is said absent and also measured."""
    pair = free_and_amount(text)
    if pair is not None:
        raise InvalidRequestError(
            f"the brief contradicts itself: it says {pair[0]!r} and also {pair[1]!r}; "
            f"say which is true")
