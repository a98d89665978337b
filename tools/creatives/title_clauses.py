"""Values a title gives outside its head phrase: a colour clause, a letter size, a power source.

"Blackout curtains, 2 panels 52 x 84 in, sage green, thermal insulated" states the colour in a
clause of its own after the head noun; "Slim case for iPhone 15 in Midnight Blue" after "in";
"Men's fleece pullover hoodie, Size Medium" a letter size; "Cordless table lamp" and "Gas string
trimmer 25cc 2-stroke" how they are powered. :mod:`tools.creatives.clash_title_specs` compares
each with a labelled spec line of the same family ("Shade: dusty pink", "Tag size: XXL",
"Power: plug-in, 6 ft cord, no battery").

Each reader is narrow on purpose: a clause counts as a colour only when it is nothing but a
colour phrase ending in a colour word ("warm white" light, "white LED" do not); a letter size
only after the word "size"; a power source only from words that name one, never "USB".
"""

from __future__ import annotations

import re

from tools.creatives.own_kinds import NO_COLOUR
from tools.creatives.own_terms import material_terms, one_colour
from tools.creatives.spec_lines import Spec, amounts, number, title_span

__all__ = ["clause_colour", "infant_age", "letter_size", "power_source", "quantity",
           "water_minutes"]

_CLAUSES = re.compile(r",|;|\|\s|\s[-\u2013\u2014]\s|[()]")
_LIGHT = re.compile(r"(?i)\b(?:warm|cool|cold|daylight|soft|bright|natural|led|light\s+colou?r)\b")
_CUE = re.compile(r"(?i)^(?:colou?r|shade)\s*:?\s*|.*?\bin\s+(?=\S+(?:\s+\S+)?\s*$)")


def _title(text: str) -> str:
    return text[slice(*title_span(text))]


def _clause_phrase(clause: str, first: bool) -> str | None:
    """The colour phrase a clause is made of ("sage green", "colour: Optic White"), else None."""
    clause = clause.strip()
    if re.search(r"(?i)\b(?:available|also|options?|choose|comes|or)\b", clause):
        return None  # "also available in black": an option, not this product's colour
    cue = _CUE.match(clause)
    if first and (cue is None or not re.search(r"(?i)\bin\s*$", cue.group(0))):
        return None  # the head clause says a colour only at its end, after "in"
    phrase = clause[cue.end():] if cue else clause
    words = phrase.split()
    if not 1 <= len(words) <= 3 or re.search(r"\d", phrase) or _LIGHT.search(phrase) or \
            material_terms(phrase) or one_colour(words[-1], NO_COLOUR) is None:
        return None
    return phrase


def clause_colour(text: str) -> tuple[str, str] | None:
    """The title's one colour said in a clause of its own: (the phrase, the colour)."""
    title = _title(text)
    mine = one_colour(title, NO_COLOUR)  # the title names no other colour
    if mine is None:
        return None
    for i, clause in enumerate(_CLAUSES.split(title)):
        phrase = _clause_phrase(clause, i == 0)
        if phrase and one_colour(phrase, NO_COLOUR) == mine:
            return phrase, mine
    return None


_LETTERS = {"xxs": "xxs", "xs": "xs", "x-small": "xs", "extra small": "xs", "s": "s",
            "small": "s", "m": "m", "medium": "m", "l": "l", "large": "l", "xl": "xl",
            "x-large": "xl", "extra large": "xl", "xxl": "xxl", "2xl": "xxl", "xxxl": "xxxl",
            "3xl": "xxxl", "4xl": "4xl", "5xl": "5xl"}
_LETTER = (r"(?:xxs|xs|x-small|extra[\s-]small|xxxl|xxl|xl|[2-5]xl|x-large|extra[\s-]large|"
           r"small|medium|large|S|M|L)")
_TITLE_SIZE = re.compile(rf"(?i)\bsize\s*:?\s*({_LETTER})\b"
                         r"(?!\s*(?:[-/\u2013&]|to\b|or\b|and\b|thru\b))")  # "Small - Medium"
_SPEC_SIZE = re.compile(rf"(?i)^\s*({_LETTER})\s*(?:$|[,;(])")
_LOOSE = re.compile(r"(?i)\b(?:runs?|fits?\s+like|size\s+(?:up|down)|equivalent|asian|eu|uk|"
                    r"kids|youth|toddler|petite|tall|big|plus)\b")


def _letter(word: str) -> str:
    """One spelling per letter size: "Medium" and "M" are "m", "extra-large" is "xl"."""
    return _LETTERS[re.sub(r"^extra[\s-]+", "extra ", re.sub(r"\s+", " ", word.lower()))]


def letter_size(text: str, spec: Spec) -> str | None:
    """"Size Medium" in the title beside "Tag size: XXL": two letter sizes of one garment."""
    found = _TITLE_SIZE.findall(_title(text))
    said = _SPEC_SIZE.match(spec.value)
    if len({_letter(f) for f in found}) != 1 or said is None or _LOOSE.search(text) or \
            len(re.findall(rf"(?i)\b{_LETTER}\b", spec.value)) != 1:
        return None
    if _letter(found[0]) != _letter(said.group(1)):
        return _TITLE_SIZE.search(_title(text)).group(0)  # type: ignore[union-attr]
    return None


_SOURCES = {
    "battery": re.compile(r"(?i)\b(?:cordless|battery[\s-](?:powered|operated)|batter(?:y|ies)|"
                          r"rechargeable|lithium|li-?ion)\b"),
    "mains": re.compile(r"(?i)\b(?:corded|plug[\s-]?in|mains|wall\s+outlet|outlet)\b"),
    "fuel": re.compile(r"(?i)\b(?:gas[\s-]powered|gasoline|petrol|\d+\s?cc|[24][\s-]stroke)\b"),
    "solar": re.compile(r"(?i)\bsolar[\s-]?(?:powered|panel)?\b"),
}
# how a title says its own power source: never a bare "battery" ("Battery tester") or "solar"
# ("Solar system projector"), which name what the product works on or shows
_OWN_SOURCES = {
    "battery": re.compile(r"(?i)\b(?:cordless|battery[\s-](?:powered|operated)|rechargeable)\b"),
    "mains": re.compile(r"(?i)\b(?:corded|plug[\s-]?in)\b"),
    "fuel": _SOURCES["fuel"],
    "solar": re.compile(r"(?i)\bsolar(?:[\s-](?:powered|charged)|\s+(?:lights?|lamps?|lanterns?|"
                        r"fountains?|pumps?|fans?))\b"),
}
_DENY = re.compile(r"(?i)\b(?:no|not|non|without|never)[\s-]+(?:\w+[\s-]+)?$")
# a thing that is cordless in use but plugs in to charge, or runs a battery for a side job
_SIDE = re.compile(r"(?i)\b(?:base|dock|station|charg\w*|ignit\w*|spark|start\w*|backup|"
                   r"remote|clock|display|adapter|phone|kettle|blinds?|shades?)\b")


def _sources(value: str, patterns: dict[str, re.Pattern[str]]) -> set[str]:
    """The power sources ``value`` names and does not deny."""
    return {name for name, pattern in patterns.items() for m in pattern.finditer(value)
            if not _DENY.search(value[:m.start()])}


def power_source(text: str, spec: Spec) -> str | None:
    """A title's power source ("Cordless", "25cc 2-stroke") beside "Power: plug-in" only."""
    title = _title(text)
    mine, theirs = _sources(title, _OWN_SOURCES), _sources(spec.value, _SOURCES)
    if len(mine) != 1 or not theirs or mine & theirs or _SIDE.search(title) or \
            _SIDE.search(spec.value):
        return None
    said = _OWN_SOURCES[next(iter(mine))].search(title)
    return said.group(0) if said else None


_PACK = re.compile(r"(?i)\b(?:(?:set|pack|box|case)\s+of\s+(?P<a>\d+|[a-z]+)|(?P<b>\d+)[\s-]?"
                   r"(?:pack|pk|pcs|pc|pieces?|count|ct)\b)")
_QTY = re.compile(r"(?i)\s*(?P<n>\d+)\s*(?P<u>pcs|pc|pieces|count|ct)?\.?\s*")
_QTY_LABEL = re.compile(r"(?i)^(?:qty|quantity|count|pieces|piece\s+count)\b")


def quantity(text: str, spec: Spec) -> str | None:
    """A title's one pack size ("24 pack", "set of fifty") beside "Qty: 12 pcs" or "QTY: 30".

    Only a bare number (or pieces) counts; one (a unit of sale) or a multiple of the pack
    (several packs) does not, nor, without "pcs", a number the pack divides by ("Qty: 2").
    """
    packs = list(_PACK.finditer(_title(text)))
    said = _QTY.fullmatch(spec.value)
    if len(packs) != 1 or said is None or not _QTY_LABEL.match(spec.line):
        return None
    word = packs[0].group("a") or packs[0].group("b")
    try:
        mine = number(word)
    except (KeyError, ValueError):
        return None
    theirs = float(said.group("n"))
    if theirs <= 1 or theirs == mine or theirs % mine == 0 or \
            (said.group("u") is None and mine % theirs == 0):
        return None
    return packs[0].group(0)


_RESISTS = re.compile(r"(?i)\bwater[\s-]resistant\s*(?:\(|for\s+|up\s+to\s+)*"
                      r"(?P<t>\d+\s*(?:minutes?|mins?)\b)")


def water_minutes(text: str, spec: Spec) -> str | None:
    """"Water resistant (80 minutes)" in the title beside "Water resistance: 40 min"."""
    said = _RESISTS.search(_title(text))
    theirs = amounts(spec.value, "time")
    if said is None or len(theirs) != 1 or re.search(r"(?i)\b(?:or|up\s+to|each)\b|[/-]",
                                                     spec.value):
        return None
    mine = amounts(said.group("t"), "time")[0][0]
    return said.group(0) if abs(mine - theirs[0][0]) > 1e-6 else None


_INFANT = re.compile(r"(?i)\b(?:infants?|newborns?)\b")
_OTHER_AGES = re.compile(r"(?i)\b(?:toddlers?|kids?|child(?:ren)?|youth|adults?|booster|"
                         r"convertible|all[\s-]in[\s-]one|grows?|big|to)\b|\d")
_YEARS = re.compile(r"(?i)(?P<lo>\d+)\s*(?:(?:-|to|\u2013)\s*\d+\s*|\+?\s*)"
                    r"(?:years?|yrs?)\b(?:\s*(?:\+|and\s+up|or\s+older))?")


def infant_age(text: str, spec: Spec) -> str | None:
    """"Infant car seat" beside "Suitable for children 4 to 10 years": no infant is three.

    Only a title that names infants (or newborns) and no other age, against a spec line whose
    one age range starts at three years or later.
    """
    head = re.split(r",|\s[-\u2013\u2014]\s", _title(text))[0]
    said = _INFANT.search(head)
    ranges = _YEARS.findall(spec.value)
    if said is None or _OTHER_AGES.search(head) or len(ranges) != 1 or \
            _INFANT.search(spec.value) or re.search(r"(?i)\bmonths?\b", spec.value):
        return None
    return head.strip() if int(ranges[0]) >= 3 else None
