"""The product's attributes as a brief states them: typed values with their spans, per clause.

"LIFETIME WARRANTY" -> warranty inf; "Warranty: 1 year from date of purchase" -> warranty 365
(days); "100% unscented" -> scent "none"; "Scent: Coconut Vanilla" -> scent "coconut vanilla";
"Weight: 1.9 lbs." -> weight 862 (g); "only 14 oz total" -> weight 397; "Set of 6" / "Package
includes: 4 coasters" -> count 6 / 4 (the coasters of a set of coasters); "machine washable"
/ "Dry clean only" -> care "machine" / "not by machine"; "Made in USA" -> origin "usa";
"pits 6 cherries at once" -> at once 6.

A value is read only where its clause says it of the product: the clause opens on the value,
on the attribute's own label ("Care:", "Weight:", "Package includes:") or on a few neutral
words ("easy care", "only", "weighs"); a clause that opens on a part ("cover machine
washable", "Holder: 2 lbs") or that qualifies the number ("each", "per", "up to", "or",
"with case", a range) states no value of the product.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = ["GENERAL", "NUMBER", "OPTIONS", "READERS", "Stated", "clauses", "colon_labels",
           "label_of", "number", "said_of_product"]


@dataclass(frozen=True)
class Stated:
    """One attribute of the product as stated: its normalised value and the span as written.

    ``bound`` says how the value bounds the attribute: "=" it is the value, ">=" it is at
    least the value ("Supports 4K", "not for children under 8"), "<=" at most.
    """

    attribute: str
    value: float | str | tuple[float, ...]
    text: str
    start: int
    bound: str = "="


# "&amp; " is the merchant's "&" as HTML: its ";" ends no clause
_CUT = re.compile(r"\n|\s[|]\s|\s--+\s|\s[\u2013\u2014-]\s|(?<!&amp)(?<!&nbsp)(?<!&quot);\s|,\s|"
                  r"\s//\s|[\u2714\u2705\u2022]|!{2,}|\.\s+(?=[A-Z])|"
                  r"(?<=[a-z]{3})(?<!approx)(?<!incl)(?<!excl)(?<!max)(?<!min)(?<!avg)(?<!pcs)"
                  r"(?<!dia)(?<!est)(?<!vol)(?<!qty)\.\s+(?=\d)")  # "3 tiers. 2-tier design"
_BULLETS = " \t-*>\u2013\u2014"  # "- Package includes: ...": a bullet opens no label
_LABEL = re.compile(r"\s*(?P<label>[A-Za-z][A-Za-z .'/&-]{0,30}?)\s*:\s*")
_WORDS = {"one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
          "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12}
NUMBER = r"(?P<n>\d+(?:\.\d+)?|one|a single|a|two|three|four|five|six|seven|eight|nine|ten|twelve)"


def label_of(text: str) -> re.Match[str] | None:
    """The label opening ``text`` ("Weight:", "CARE LABEL:"), if any."""
    return _LABEL.match(text)


# a spec head set off by a dash ("BATTERY LIFE - 30 hours", "Capacity \u2013 500 ml")
_DASH_LABEL = re.compile(r"(?im)(?:^|(?<=[.!?]\s)|(?<=\s[|]\s))"
                         r"(?P<head>[\s*\u2022-]*(?:battery\s+life|play\s?time|run\s?time|"
                         r"capacity|volume|count|quantity|pack\s+size|ages?|age\s+range|"
                         r"recommended\s+age|timer|burn\s+time|power\s+source|power|"
                         r"(?:net\s+|item\s+)?weight|gender|department))"
                         r"(?P<dash>\s[-\u2013\u2014]\s)(?=\w)")


def colon_labels(text: str) -> str:
    """``text`` with a dash after a spec head written as a colon, keeping every position.

    "BATTERY LIFE - 30 hours" reads as "BATTERY LIFE:  30 hours" (the dash would cut the
    clause in two, leaving "30 hours" with nothing to name it).
    """
    return _DASH_LABEL.sub(lambda m: m.group("head") + ":  ", text)


def clauses(text: str) -> list[tuple[str, int]]:
    """The brief cut into short clauses at its lines, pipes, dashes, ticks, commas and sentences."""
    out, at = [], 0
    for m in _CUT.finditer(text):
        out.append((text[at:m.start()], at))
        at = m.end()
    out.append((text[at:], at))
    bare = [(c.lstrip(_BULLETS), s + len(c) - len(c.lstrip(_BULLETS))) for c, s in out]
    return [(c, s) for c, s in bare if c.strip()]


def number(word: str) -> float:
    """A number as written, digits or a word ("one", "a single")."""
    word = word.lower().replace("a single", "single")
    return float(_WORDS[word]) if word in _WORDS else float(word)


def said_of_product(clause: str, at: int, labels: frozenset[str], neutral: frozenset[str]) -> bool:
    """True when what opens ``clause`` before ``at`` says the value is the product's own.

    A label must be one of the attribute's ``labels``; the words after it (or the whole lead,
    without a label) must all be ``neutral``.
    """
    lead = clause[:at]
    label = _LABEL.match(lead)
    if label is not None:
        if label.group("label").strip().lower() not in labels:
            return False  # "Holder: ...", "Insert: spot clean only": a part's
        lead = lead[label.end():]
    return all(w in neutral for w in re.findall(r"[\w%+/'-]+", lead.lower()))


GENERAL = frozenset({"and", "also", "is", "it", "its", "it's", "the", "a", "an", "this", "with",
                      "w/", "plus", "+", "fully", "100%", "completely", "totally"})
Reader = Callable[[str, int], Iterator[Stated]]


# warranty: a duration in days, "lifetime" as infinity
_DURATION = (rf"(?:(?P<life>(?:limited\s+)?lifetime)|{NUMBER}[\s-]*"
             r"(?P<u>years?|yrs?|months?|mos?|days?)\.?)")
_WARRANTY = (re.compile(rf"(?i)\b{_DURATION}\s+(?:limited\s+|manufacturer'?s?\s+)?warranty\b"),
             re.compile(rf"(?i)\bwarranty\s*(?::|-|is|of)?\s*{_DURATION}"))
_DAYS = {"y": 365.0, "m": 30.4, "d": 1.0}
_PART_WARRANTY = re.compile(r"(?i)\s*(?:on|for|covering|against)\s+(?:the\s+)?[a-z]|"
                            r"[^.]*\b(?:extended|optional|available|guarantee)")


def _warranties(clause: str, start: int) -> Iterator[Stated]:
    """Warranties of the product: "LIFETIME WARRANTY", "Warranty: 1 year", "2-yr warranty"."""
    if re.search(r"(?i)\b(?:extended|optional|available)\b", clause):
        return
    for pattern in _WARRANTY:
        for m in pattern.finditer(clause):
            end = clause.lower().find("warranty", m.start()) + len("warranty")
            if _PART_WARRANTY.match(clause, max(end, m.end())) or not said_of_product(
                    clause, m.start(), frozenset({"warranty"}),
                    GENERAL | {"backed", "by", "comes", "full", "our", "includes"}):
                continue
            days = float("inf") if m.group("life") else \
                number(m.group("n")) * _DAYS[m.group("u")[0].lower()]
            yield Stated("warranty", days, m.group(0).strip(), start + m.start())


# scent: "none" for an unscented product, else the named scent
_NO_SCENT = re.compile(r"(?i)\b(?:unscented|(?:fragrance|scent|perfume)[\s-]free|"
                       r"no (?:added )?(?:scent|fragrance|perfume))\b")
_NAMED_SCENT = re.compile(r"(?i)(?P<w>(?:[a-z]+\s)?[a-z]+)[\s-]scented\b")
_SCENT_LABEL = re.compile(r"(?i)\s*(?:scent|fragrance)\s*:\s*(?P<w>[A-Za-z][A-Za-z &'-]*)")
OPTIONS = re.compile(r"(?i)\b(?:or|available|options?|choose)\b|"
                      r"\d\s?/\s?\d|[a-z]{2,}/[a-z]{2,}")  # "6/12", "lavender/rose"; not "w/"


def _scents(clause: str, start: int) -> Iterator[Stated]:
    """The product's scent: "100% unscented", "fragrance-free", "Scent: Coconut Vanilla"."""
    if OPTIONS.search(clause) or re.search(r"(?i)\b(?:assorted|refills?|if|add|adding)\b", clause):
        return  # "Add scented oil ... if you like": what the buyer may do, not the product
    label = _SCENT_LABEL.match(clause)
    if label is not None:
        value = label.group("w").strip().lower()
        yield Stated("scent", "none" if _NO_SCENT.fullmatch(value) or value == "none" else value,
                     clause.strip(), start + label.start())
        return
    for m in _NO_SCENT.finditer(clause):
        if said_of_product(clause, m.start(), frozenset(), GENERAL | {"naturally", "formula"}):
            yield Stated("scent", "none", m.group(0), start + m.start())
    for m in _NAMED_SCENT.finditer(clause):
        if not m.group("w").lower().endswith("un") and said_of_product(
                clause, m.start(), frozenset(), GENERAL | {"lightly"}):
            yield Stated("scent", m.group("w").lower(), m.group(0), start + m.start())


# care: cleaned by machine or not
_BY_MACHINE = re.compile(r"(?i)\b(?:machine[- ]washable|machine[- ]wash(?:able)?|"
                         r"washing machine safe|dishwasher[- ]safe)\b")
_NOT_BY_MACHINE = re.compile(r"(?i)\b(?:(?:hand[- ]wash|dry[- ]clean|spot[- ]clean|wipe clean)"
                             r" only|do not (?:machine )?wash(?!\s+(?:with|in|using|at|above|on))|"
                             r"not (?:machine[- ])?washable|"
                             r"not dishwasher[- ]safe)\b")
_CARE_LABELS = frozenset({"care", "easy care", "care label", "care instructions", "cleaning",
                          "washing", "wash", "laundry", "wash care", "care & cleaning"})
_CARE_LEAD = GENERAL | {"easy", "care", "are", "be", "can", "safe", "to"}
_PART_CARE = re.compile(r"(?i)[^.]*\b(?:except|only the|cover only|removable|excluding)\b")


def _care(clause: str, start: int) -> Iterator[Stated]:
    """How the product is cleaned: "machine washable" / "dry clean only", said of the product."""
    for pattern, value in ((_BY_MACHINE, "machine"), (_NOT_BY_MACHINE, "not by machine")):
        for m in pattern.finditer(clause):
            if value == "machine" and re.search(r"(?i)\bnot\s+$", clause[:m.start()]):
                continue
            if said_of_product(clause, m.start(), _CARE_LABELS, _CARE_LEAD) and \
                    not _PART_CARE.match(clause, m.end()):
                yield Stated("care", value, m.group(0), start + m.start())


_ORIGIN = re.compile(r"(?i)\b(?:made in|country of origin:?|origin:)\s+(?:the\s+(?=U\.|[A-Z]{2}))?"
                     r"(?P<c>U\.S\.(?:A\.?)?|[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)")
_SAME_COUNTRY = {"us": "usa", "u.s.": "usa", "u.s.a": "usa", "u.s.a.": "usa", "america": "usa",
                 "united states": "usa", "uk": "united kingdom", "britain": "united kingdom"}
# "made in FDA registered facilities", "made in small batches": a place or a way, no country
_NOT_COUNTRY = re.compile(r"(?i)[\w\s-]{0,25}\b(?:facilit|factor|plant|lab|kitchen|batch|"
                          r"registered|certified|gmp)")


def _country(name: str) -> str:
    """A country as one value: "the U.S.A." / "USA" / "United States" -> "usa"."""
    words = name.split()
    if len(words) > 1 and not (words[1][0].isupper() and words[1].lower() not in ("and", "or")):
        words = words[:1]
    low = " ".join(words).lower()
    return _SAME_COUNTRY.get(low, low)


def _origins(clause: str, start: int) -> Iterator[Stated]:
    """Where the product is made: "Made in USA", "Country of origin: China"."""
    for m in _ORIGIN.finditer(clause):
        if m.group("c")[0].isupper() and not _NOT_COUNTRY.match(clause, m.start("c")) and \
                said_of_product(clause, m.start(), frozenset(),
                                GENERAL | {"proudly", "handmade", "proud"}):
            yield Stated("origin", _country(m.group("c")), m.group(0), start + m.start())


_AT_ONCE = re.compile(rf"(?i)(?<![\w.-]){NUMBER}\s+(?:[a-z]+\s+){{0,2}}?at (?:once|a time)\b")


def _at_once(clause: str, start: int) -> Iterator[Stated]:
    """How many the product handles at once: "pits 6 cherries at once", "one at a time"."""
    for m in _AT_ONCE.finditer(clause):
        if not re.search(r"(?i)\b(?:up to|max\.?|maximum|each|per)\s+$", clause[:m.start()]):
            yield Stated("at once", number(m.group("n")), m.group(0), start + m.start())


READERS: tuple[Reader, ...] = (_warranties, _scents, _care, _origins, _at_once)
