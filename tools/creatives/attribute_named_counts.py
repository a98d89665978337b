"""How many of a named part the product has, given twice: "2-Burner" / "Single burner design".

Every "number + noun" a brief states ("4 USB ports", "Single burner", "Compartments: 5",
"sleeps 4") is read as the count of that noun. Two counts of one noun that differ clash. A
count qualified as held, per piece, for another thing, sold apart, a product of numbers, a
year ("2017 Release") or a unit, age, size or setting ("3 speed settings") is no count of a
part. Split from :mod:`tools.creatives.attribute_slots` (measures of a named thing).
"""

from __future__ import annotations

import re

from tools.creatives.attribute_slots import UNITS as _UNITS
from tools.creatives.attribute_slots import singular as _singular
from tools.creatives.attribute_slots import words as _words
from tools.creatives.attribute_values import OPTIONS, Stated, clauses, label_of

__all__ = ["named_counts"]

_COUNT_WORDS = {"single": 1.0, "dual": 2.0, "double": 2.0, "twin": 2.0, "triple": 3.0,
                "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0,
                "seven": 7.0, "eight": 8.0, "nine": 9.0, "ten": 10.0, "twelve": 12.0}
_COUNT = re.compile(r"(?i)(?<![\w.,/$#-])(?P<n>\d{1,4}|single|dual|double|twin|triple|two|"
                    r"three|four|five|six|seven|eight|nine|ten|twelve)(?P<sep>[ \t]|-)"
                    r"(?P<w>[a-z][a-z]{2,})(?![\w-])(?:[ \t](?P<v>[a-z][a-z]{2,})(?![\w-]))?")
_NOT_NOUN = re.compile(r"(?i)^(?:included|incl|each|total|only|and|in|with|for|per|of|at|"
                       r"on|to|are|is|in|that|which|plus|from|set|pack|pcs|\w+(?:ed|ing|ly))$")
# nouns a number counts that are units, ages, times or sizes, not things of the product
_NOT_THINGS = frozenset({"inch", "inche", "foot", "feet", "pack", "pcs", "pair", "set",
                         "count", "year", "month", "week", "day", "hour", "minute", "second",
                         "min", "sec", "time", "size", "use", "color", "colour", "way",
                         "step", "level", "speed", "setting", "mode",
                         "yard", "meter", "metre", "gallon", "quart", "liter", "litre",
                         "ounce", "pound", "gram", "degree", "percent", "star", "seller",
                         "customer", "review", "order", "option", "pattern", "design",
                         "style", "shade", "scent", "flavor", "flavour", "variety", "kind",
                         "adult", "kid", "child", "user", "player",
                         "type", "model", "version", "coat", "wash", "cup",
                         "serving", "dose", "tablet", "capsule", "stitch", "row", "round",
                         "and", "the", "for", "with", "per", "each", "ct", "plus",
                         "more", "less", "than", "out", "off", "times", "point", "zone",
                         "ton", "gauge", "mil", "grit", "watt", "volt", "amp", "hue"})
_HELD = re.compile(r"(?i)\b(?:holds?|fits?|takes?|stores?|seats?|sleeps?|for|up\s+to|of|each|"
                   r"per|accommodates?|organi[sz]es?|with\s+room\s+for|spare|extra|"
                   r"additional|replacement|refills?|plus|x|pack|set|pk|box|includes?|"
                   r"comes\s+with|sold|separately|over|than|every|about|approx\.?)\s*$")


_SLEEPS = re.compile(r"(?i)\b(?:sleeps|seats)\s+(?:up\s+to\s+)?(?P<n>\d{1,2})\b(?!\s*(?:in|cm|"
                     r"ft|\"|lbs?|kg|%))(?!\s*(?:-|to|or)\s*\d)")
_APIECE = re.compile(r"(?i)\s*(?:(?:for\s+)?each|per|apiece|total|in\s+total|combined|in\s+all)\b")
# the words after a counted noun that name what is counted: "Eight coffee strength levels"
_HEAD_AFTER = re.compile(r"(?i)[ \t]+(?:[a-z]+[ \t]+)?(?P<h>[a-z]+s)\b")
# words before a count that leave it the product's ("with 4 ports", "features 2 burners")
_LEAD_WORDS = frozenset({"with", "has", "have", "features", "featuring", "offers", "and", "the",
                         "a", "it", "its", "this", "all", "total", "of", "includes", "boasts",
                         "true", "real", "genuine", "full", "classic", "proper", "complete",
                         "is", "an", "our"})
_FIT = re.compile(r"(?i)\b(?:for|fits?|compatible|works\s+with|to|vs|than|not)\b")
# a clause about something sold apart from the product: its counts are not the product's
_ELSEWHERE = re.compile(r"(?i)\b(?:sold\s+separately|not\s+included|optional|add-on|upgrade)\b")
_COUNT_LABEL = re.compile(r"(?i)^\W*(?:(?:number\s+of\s+)?(?P<w>[a-z]{4,}s)|(?P<c>[a-z]{4,})"
                          r"\s+count)\s*:\s*(?P<n>\d{1,4})\W*$")  # "Piece count: 1000"


def named_counts(text: str) -> list[Stated]:
    """How many of a named part the product has, stated twice: "2-Burner" / "Single burner"."""
    found: list[Stated] = []
    pieces = clauses(text)
    name = set(_words(pieces[0][0])) if pieces else set()
    for clause, start in pieces:
        if OPTIONS.search(clause) or _ELSEWHERE.search(clause) or \
                re.search(r"(?i)\d\s?[x\u00d7*]|[x\u00d7*]\s?\d|=|\+", clause):
            continue
        label = _COUNT_LABEL.match(clause)  # "Compartments: 5"
        if label is not None:
            found.append(Stated(f"the number of {_singular((label['w'] or label['c']).lower())}s",
                                float(label.group("n")), clause.strip(), start))
        for m in _COUNT.finditer(clause):
            if _FIT.search(clause[:m.start()]):
                continue  # "Not for vehicles w/ 6-pin round connector": the fitted thing's
            word, first, second = m.group("n").lower(), m.group("w"), m.group("v")
            two = word.isdigit() and m.group("sep") == " " and second is not None and \
                _NOT_NOUN.match(second) is None  # "4 USB ports": the ports
            noun = second if two else first  # "2-Burner Camp Stove", "single burner design"
            lead = set(_words(clause[:m.start()])) - name - _LEAD_WORDS
            labelled = label_of(clause)  # "Season rating: 3-season": its own label
            if labelled is not None and labelled.end() <= m.start() and \
                    first.lower().rstrip("s") in labelled.group("label").lower():
                lead = set()
            if lead and start or _HELD.search(clause[:m.start()]) or \
                    _APIECE.match(clause, m.end("v") if two else m.end("w")) or \
                    first.lower() in _UNITS or \
                    first.lower() in _NOT_THINGS or noun.isupper() and len(noun) <= 4:
                continue
            thing = {"people": "person"}.get(noun.lower(), _singular(noun.lower()))
            head = _HEAD_AFTER.match(clause, m.end())
            if thing in _NOT_THINGS or _singular(thing) in _NOT_THINGS or \
                    head is not None and _singular(head["h"].lower()) in _NOT_THINGS or \
                    len(word) == 4 and word.startswith(("19", "20")):
                continue  # "Eight coffee strength levels" counts levels; "2017 Release" a year
            mods = first.lower() if two else ""
            value = _COUNT_WORDS.get(word, float(word) if word.isdigit() else 0.0)
            found.append(Stated(f"the number of {mods + ' ' if mods else ''}{thing}s", value,
                                m.group(0), start + m.start()))
    for m in _SLEEPS.finditer(text):
        if not OPTIONS.search(text[m.start():m.end() + 12]):
            found.append(Stated("the number of persons", float(m.group("n")), m.group(0),
                                m.start()))
    return _count_clashes(found)


def _count_clashes(found: list[Stated]) -> list[Stated]:
    """The two statements of one count that differ (the first such pair per count)."""
    out: list[Stated] = []
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a.attribute == b.attribute and a.value != b.value and a.start != b.start:
                out += [Stated(a.attribute, "one", a.text, a.start),
                        Stated(b.attribute, "other", b.text, b.start)]
                return out
    return out
