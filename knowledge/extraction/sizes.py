"""Sizes in listing text.

Measures ("32 oz" -> "32oz"), packs ("Pack of 2"), and in titles apparel, shoe, bed, month
and plus sizes and the size beside the colour variant (variant_sizes.py). Outside a title a
measure counts only after a size cue ("capacity", "length:"), since listings are full of
part dimensions, and a "Size: S-XL" line's letters only when the title names no size.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from typing import Any

from knowledge.extraction.finders import FOR_AUDIENCE
from knowledge.extraction.named_measures import named_measure
from knowledge.extraction.own_measures import MEASURE, not_own_measure, parts_line
from knowledge.extraction.packs import find_packs
from knowledge.extraction.shoe_sizes import shoe_sizes
from knowledge.extraction.squares import square_sizes
from knowledge.extraction.variant_sizes import no_metres, variant_sizes
from knowledge.extraction.vocab import APPAREL, BED_SIZES, NAMED_SIZES, UNITS

Mention = tuple[str, int, int]

_LEADING_ZEROS = re.compile(r"^0+(?=\d)")
_CUE = re.compile(r"(?<!serving )\b(?:size|capacity|holds?|length|volume)\b[^.;\n]{0,25}$",
                  re.IGNORECASE)
# "1.5L large capacity", "32 oz capacity": the cue right after a volume ("250 lb capacity" is a
# load it carries)
_VOLUMES = frozenset({"oz", "ml", "l", "gal", "qt"})
_CUE_AFTER = re.compile(r"\s*(?:\(?[\d.]+\s*[a-z]+\)?\s*)?(?:large |big |extra )?"
                        r"(?:capacity|volume)\b", re.IGNORECASE)
# "1.2 In.", "(0.5 in.)": inches written short (not '1/8 In. x 6 In.', '17.5 in. L x 14 in. W')
_ABBREVIATED = re.compile(r"\.(?!\d)(?!\s*(?:[LWHD]\s*)?[x×*])", re.IGNORECASE)
_RELATIVE = re.compile(r"\s*(?:larger|smaller|bigger|longer|shorter|more|less)\b", re.IGNORECASE)
_TIMES_BEFORE = re.compile(r"\d\S*\s*(?:[x×*]|by)\s*$", re.IGNORECASE)
def eval_number(number: str) -> float:
    """The value of "12", "1.5", "1/2" or "3-1/4"."""
    number = number.replace(" ", "-")
    whole, _, frac = number.partition("-") if "/" in number else (number, "", "")
    if "/" in whole:
        top, bottom = whole.split("/")
        return float(top) / float(bottom or 1)
    value = float(whole)
    if frac:
        top, bottom = frac.split("/")
        value += float(top) / float(bottom or 1)
    return value


def _first_of(number: str) -> str:
    """"64/100" (oz) names two variants, not a fraction: the first; "3/4" stays a fraction.

    A fraction is written in lowest terms: "24/32 oz" names two bottles, not 3/4 oz.
    """
    top, _, bottom = number.partition("/")
    return top if bottom.isdigit() and top.isdigit() and (
        int(bottom) not in _DENOMINATORS or math.gcd(int(top), int(bottom)) > 1) else number


_DENOMINATORS = frozenset({2, 3, 4, 8, 16, 32, 64})
_AMOUNTS = frozenset({"oz", "ml", "l", "gal", "qt", "lb", "kg", "g"})  # not "3/6M" months


def _measure(number: str, unit: str) -> str:
    """'05 mm' -> '5mm', '0.5 mm' -> '0.5mm' (a decimal keeps its leading zero).

    '8.0 inch' -> '8in': a whole number written with a zero decimal, as labellers write it.
    """
    number = _ZERO_DECIMAL.sub("", _LEADING_ZEROS.sub("", number.replace(" ", "-")))
    return (number + UNITS[unit.lower()]).lower()


_ZERO_DECIMAL = re.compile(r"(?<=\d)\.0+$")


def normal_measure(number: str, unit: str) -> str:
    """A number and a unit as labellers write a size ("3.8", "cm" -> "3.8cm")."""
    return _measure(number, unit)


def _cued(text: str, m: re.Match[str]) -> bool:
    """True when a size cue, a volume's "capacity" after it, an inseam or a diameter names it."""
    return bool(_CUE.search(text[max(0, m.start() - 40):m.start()])
                or (UNITS[m.group(2).lower()] in _VOLUMES and _CUE_AFTER.match(text, m.end()))
                or named_measure(text, m.start(), m.end()))


def find_sizes(text: str, *, title: bool, own: Collection[str] = (),
               color: str | None = None) -> list[Mention]:
    """Sizes: measures, packs and (in titles) apparel, shoe, bed and month sizes.

    ``own``: the (singular) words naming the product ("rotor" of a "Disc Brake Rotor"), whose
    stated size is its own even where another product's part would be a part.
    """
    found: list[Mention] = []
    for m in MEASURE.finditer(text):
        if not title and not _cued(text, m):
            continue
        if re.search(r"(?:fits?|up to|for)\s(?:(?!\s[-–|]\s)[^.;(,|]){0,20}$",
                     FOR_AUDIENCE.sub(" ", text[max(0, m.start() - 25):m.start()]),
                     re.IGNORECASE):
            continue
        if m.group(2).lower() in ("m", "l", "g", "in") and " " in m.group(0) \
                and not (m.group(2).lower() == "in" and _ABBREVIATED.match(text, m.end(2))):
            continue  # "2 in 1", "07 M US": a one-letter unit must touch its number ("1.2 In.")
        if float(eval_number(m.group(1))) == 0:
            continue  # "0g sugar" is a nutrition claim, not a size
        if _TIMES_BEFORE.search(text[max(0, m.start() - 16):m.start()]):
            continue  # the second number of '6.3" × 3.8"': a multi-dimensional measurement
        if not title and parts_line(text, m.start()):
            continue  # "Width: 59mm | Length: 145mm": dimensions of parts, not one size
        if not_own_measure(text, m, title=title, own=own) or _RELATIVE.match(text, m.end()):
            continue  # "select a belt size 2 inches larger than your pant size": advice
        number = _first_of(m.group(1)) if UNITS[m.group(2).lower()] in _AMOUNTS else m.group(1)
        found.append((_measure(number, m.group(2)), m.start(), m.end()))
    found.extend(find_packs(text, title=title, own=own))
    if title:
        found.extend(_feet(text))
        found.extend(square_sizes(text))
        found.extend(_title_sizes(text))
        found.extend(variant_sizes(text, color))
        found.extend(shoe_sizes(text))
        found = no_metres(found, text)
    # a bullet's "Size: S-XL" line lists the sizes a listing is offered in, not this item's
    # (eighteenth session: right 16 times in 38 on v1-v26, never on v23-v26): not read
    return found


# a length in feet written with the foot mark: "10.6' Paddle Board", "11' Foot Inflatable SUP";
# not a dimension ("11' x 34''", "36\" x 100'"), a variant list ("10'/10'6\""), feet and
# inches ("5'6\""), a decade ("90's") or a quote
_FEET = re.compile(r"(?<![\w.'’/-])(\d{1,3}(?:\.\d)?)\s?['’](?![\w'’\"”/])"
                   r"(?!\s*(?:[x×*]|\d|-\s?\d|by\b))", re.IGNORECASE)


def _feet(title: str) -> list[Mention]:
    """Lengths a title gives in feet with the foot mark ("10.6'" -> "10.6ft")."""
    return [(_measure(m.group(1), "ft"), m.start(), m.end()) for m in _FEET.finditer(title)
            if not _TIMES_BEFORE.search(title[max(0, m.start() - 16):m.start()])]


_SHOE = re.compile(r"(?:,|\bsize|\s-)\s*(\d{1,2}(?:\.5)?)(?![wW]\b)"
                   r"(?:\s*(?:M|W|B|D|XW|Wide|Medium|Petite|Tall|Short|Regular))?"
                   r"(?:\s*US)?\s*(?:/\s*\d{1,2}(?:\.5)?(?:\s*[A-Z]{1,2})?(?:\s*US)?)?\s*$",
                   re.IGNORECASE)
# "Black, 8/10", "Golden, 7-8": two sizes the one garment or shoe spans, read as one size
_SPAN = re.compile(r"(?:,|\bsize|\s)\s*(\d{1,2}(?:\.5)?)([/-])(\d{1,2}(?:\.5)?)"
                   r"(?:\s*(?:M|W|B|D|Wide|Medium|Narrow))?(?:\s*US)?\s*$", re.IGNORECASE)
_FRACTION = re.compile(r"/\d+\s*(?:[\"”″]|in\b|inch|mm|cm)", re.IGNORECASE)
# "Size 11-12 US Men" is one span; "Twin Size 15 lbs" is a weight, not a size 15
_SIZE_N = re.compile(r"\bsize\s*(\d{1,2}(?:\.5)?(?:-\d{1,2}(?:\.5)?)?)\b(?![./-])"
                     r"(?!\s*(?:lbs?|pounds?|oz|ounces?|kg|g|inch(?:es)?|in\b|\"|ft|feet|cm|mm|"
                     r"pieces?|pcs?|pack|pk)\b)(?!\s*[\"”″'])",
                     re.IGNORECASE)
_WAIST = re.compile(r"\b(\d{2})\s*W?\s*[xX]\s*(\d{2})\s*L?\b"
                    r"(?=\s*(?:US\b|Regular\b|Tall\b|Short\b)?\s*(?:$|,|\)))", re.IGNORECASE)
_MONTHS = re.compile(r"(?<![\d.])(\d{1,2})-(\d{1,2})\s*(?:m\b(?!\s*US\b)|months?\b)",
                     re.IGNORECASE)
_APPAREL_WORDS = "|".join(sorted((a.upper() for a in APPAREL), key=len, reverse=True))
# "(M)" right after a width letter ("9 D(M) US") is that width, not size M
_LETTER = re.compile(r"(?<![\w'’/.])(?<!\w\()(" + _APPAREL_WORDS + r")(?![\w'’])")
_NAMED = re.compile(r"(?<![\w-])(" + "|".join(sorted(NAMED_SIZES, key=len, reverse=True))
                    + r")(?![\w-])", re.IGNORECASE)
_BED = re.compile(r"\b(twin xl|full(?= sized|(?: [A-Za-z]+)? (?:bed|mattress)|/)|(?:"
                  + "|".join(BED_SIZES[:-1])
                  + r")(?= size| sized|(?: [A-Za-z]+)? (?:bed|mattress)|/))", re.IGNORECASE)
# a named size before a colour or a noun describes that ("Medium Gray", "Large Capacity Caddy")
_NAMES_NEXT = re.compile(r"\s+(?!(?:plus|petite|tall|short|long|regular|size|sizes|fit|"
                         r"x-large|xx-large|small|medium|large|us|men|women|kids)\b)[A-Za-z]{2,}",
                         re.IGNORECASE)
_STANDARD = re.compile(r"\bstandard size\b", re.IGNORECASE)
_PLUS = re.compile(r"\b(\d{1,2}W|[1-5]X)\b")


_ONE_SIZE = (r"(?:(?i:" + "|".join(sorted(NAMED_SIZES, key=len, reverse=True)) + r")|"
             + "|".join(sorted((a.upper() for a in APPAREL), key=len, reverse=True)) + r")")
_PAIR = re.compile(rf"(?<![\w/-])({_ONE_SIZE})/({_ONE_SIZE})(?![\w/-])")


def labellers_sizes(attributes: dict[str, Any], spans: dict[str, list[dict[str, Any]]]) -> None:
    """Write XXXL as the labellers do, "3xl" (XXL they write both ways, so it stays)."""
    if "xxxl" in attributes.get("sizes", ()):
        attributes["sizes"] = list(dict.fromkeys(
            "3xl" if v == "xxxl" else v for v in attributes["sizes"]))
        for span in spans.get("sizes", []):
            span["value"] = "3xl" if span["value"] == "xxxl" else span["value"]


# a lamp, a strip light or a charger names its watts ("4000K, 44W"), not a plus size
_ELECTRIC = re.compile(r"\b(?:led|leds|lumens?|watts?|bulbs?|lamps?|lights?|volts?|chargers?|"
                       r"charging|adapters?|power|usb|type-c|"
                       r"\d+\s*(?:v|k|lm|mah))\b", re.IGNORECASE)
_ZOOM = re.compile(r"magnif|zoom", re.IGNORECASE)
_BED_LAST = re.compile(r"(?:,|\s[-–])\s*(" + "|".join(BED_SIZES) + r")\s*$", re.IGNORECASE)
# a bed size standing alone between commas or brackets: "Bifold Futon (Queen)", "Daybed with
# Trundle, Twin, Gray", "Mattress, (Queen, Cherry)"
_BED_APART = re.compile(r"[(,]\s*(" + "|".join(BED_SIZES) + r")\s*(?=[,)])", re.IGNORECASE)
# what may follow a size that closes a title: "XX-Large Plus", "Large-X-Large", "2X-Large Petite"
_FIT_END = re.compile(r"(?:\s*(?:-|\s)(?:plus|petite|tall|short|long|regular|x-large|xx-large))*"
                      r"\s*\)?\s*$", re.IGNORECASE)


def _set_apart(title: str, start: int, end: int) -> bool:
    """True when a title word stands alone in its part: after a separator or at the end."""
    return bool(re.search(r"[,(\[/-]\s*$", title[:start]) or not title[end:].strip(" )"))


def _title_sizes(title: str) -> list[Mention]:
    """Sizes a title names; a pair ("Medium/Large", "S/M") is one size, not two."""
    # a pair is written as the title writes it ("Large/X-Large" -> "large/x-large")
    pairs = [(f"{m.group(1).lower()}/{m.group(2).lower()}", m.start(), m.end())
             for m in _PAIR.finditer(title)]
    singles = [m for m in _single_title_sizes(title)
               if not any(s <= m[1] and m[2] <= e for _, s, e in pairs)]
    # "Size10-18" is one span of sizes, not also a size 10
    return pairs + [m for m in singles if not any(
        s <= m[1] and m[2] <= e and e - s > m[2] - m[1] for _, s, e in singles)]


def _single_title_sizes(title: str) -> list[Mention]:
    found: list[Mention] = []
    for part in re.split(r"(?<=\))|(?=\()", title):
        offset = title.find(part)
        span = _SPAN.search(part.rstrip(") ").rstrip())
        # after a comma or "size", or a shoe span closing on "US" ("Mule 8.5-9 M US")
        if span and float(span.group(1)) < float(span.group(3)) and (
                span.group(0)[0] in ",sS" or re.search(r"\bUS$", span.group(0).rstrip())):
            found.append((span.group(1) + span.group(2) + span.group(3), offset + span.start(1),
                          offset + span.end(3)))
            continue
        m = _SHOE.search(part.rstrip(") ").rstrip())
        if m and "#" in part[max(0, m.start(1) - 12):m.start(1)]:
            m = None  # "Screwdrivers #1, 2, 3": point numbers, not a shoe size
        if m and not _FRACTION.match(part, m.end(1)):  # '1/2" Diameter' is a measure
            found.append((m.group(1).lstrip("0") or "0", offset + m.start(1), offset + m.end(1)))
    for m in _SIZE_N.finditer(title):
        found.append((m.group(1).lstrip("0") or "0", m.start(1), m.end(1)))
    for m in _WAIST.finditer(title):
        if not (re.search(r"[wW]", m.group(0)) or (22 <= int(m.group(1)) <= 60
                                                   and 24 <= int(m.group(2)) <= 40)):
            continue  # "Tray, 17 x 13": two dimensions, not a waist and inseam
        found.append((f"{m.group(1)}x{m.group(2)}", m.start(), m.end()))
    for m in _MONTHS.finditer(title):
        found.append((f"{m.group(1)}-{m.group(2)}m", m.start(), m.end()))
    zoom = _ZOOM.search(title)
    for m in _LETTER.finditer(title):
        if re.search(r"(?:\d|twin)\s*$", title[:m.start()], re.IGNORECASE):
            continue
        if zoom and m.group(1)[-1] in "xX" and m.group(1)[0].isdigit():
            continue  # "3X/2X/1X Magnification": a mirror's zoom, not a plus size
        if len(m.group(1)) == 1 and not _set_apart(title, m.start(), m.end()):
            continue  # "Kaweco Special S Pencil": a lone letter inside a name is no size
        found.append((m.group(1).lower(), m.start(), m.end()))
    for m in _NAMED.finditer(title):  # "..., Large, White" or "(Medium, Gold)", not "Small Clock"
        if _NAMES_NEXT.match(title, m.end()):
            continue  # "Medium Gray", ", Large Capacity", ", Large LCD Display": it says how big
        if re.search(r"(?:[,(\[]|\bsize:?)\s*$", title[:m.start()], re.IGNORECASE) \
                or _FIT_END.match(title, m.end()) or (  # "- X-Large - Ebony", not "- Medium Soft"
                    re.search(r"\s[-–]\s*$", title[:m.start()])
                    and re.match(r"\s*(?:[,)\]]|[-–]\s|\d|(?:small|medium|large|sizes?)\b)",
                                 title[m.end():], re.IGNORECASE)):
            found.append((NAMED_SIZES[m.group(1).lower()], m.start(), m.end()))
    for m in _BED.finditer(title):
        found.append((m.group(1).lower(), m.start(), m.end()))
    for m in _STANDARD.finditer(title):  # "Witch Dress Costume - Standard Size"
        found.append(("standard", m.start(), m.start() + 8))
    for last in (_BED_LAST.search(title), *_BED_APART.finditer(title)):  # "..., Foam, Twin"
        if last and not any(s <= last.start(1) < e for _, s, e in found):
            found.append((last.group(1).lower(), last.start(1), last.end(1)))
    electric = _ELECTRIC.search(title)
    for m in _PLUS.finditer(title):
        if not _set_apart(title, m.start(), m.end()) or (electric and m.group(1)[-1] in "wW") \
                or (zoom and m.group(1)[-1] in "xX"):
            continue  # "Kit with 48W UV LED Lamp", "LED Strip, 4000K, 44W": watts
        found.append((m.group(1).lower(), m.start(), m.end()))
    return found
