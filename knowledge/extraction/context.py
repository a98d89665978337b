"""Context checks: a mention that the listing says about something other than this product.

The labelling guideline counts a value only when the text states it about THIS product.
Listings also name what the product is compared with ("lighter than fittings made from
metal", "unlike plastic gift bags"), what it fits or works with ("fits any compact binder",
"compatible with the Keurig thermal carafe") and the brand ("Tandy Leather Craftool"):
those words describe another object, so they are not the product's attributes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from knowledge.extraction.parts import PART_NOUNS

# a point between digits ("2.0") is a decimal, not a clause end
_CLAUSE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n•|()\[\]【】]")
_PHRASE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n•|()\[\]【】,]")
# a comparison: the words after it describe the other thing
_COMPARISON = re.compile(r"\b(?:than|compar(?:e|ed|ing)|unlike|instead of|traditional|ordinary|"
                         r"conventional|versus|vs\.?|(?:feels?|looks?) like|similar to|"
                         r"outshines?|outperforms?|beats)\b",
                         re.IGNORECASE)
# a fitted / compatible item: the words after it describe that item
_COMPATIBLE = re.compile(r"\b(?:compatible|fits|fit (?:in|into|on|over|for|most|all|any)|"
                         r"works? with|(?:for )?use (?:with|in|on)|replacement for)\b",
                         re.IGNORECASE)
# "Compatible with Keurig 2.0 brewers such as K200, K250, and Keurig 2.0 Thermal Carafe": the
# list of fitted models runs on past its commas
_FITTED_LIST = re.compile(r"\b(?:compatible|fits|works? with)\b.*\b(?:such as|including)\b",
                          re.IGNORECASE)
# other products the listing offers: "for rechargeable options, check out ...", "Also available
# with LED light and 66\" width options"
_OFFERED = re.compile(r"(?<=for )[\w-]+(?:[\s-][\w-]+){0,2}\s+options?\b", re.IGNORECASE)
_ALSO_OFFERED = re.compile(r"\b(?:check out|also (?:available|offered|sold) (?:with|in|as))\b",
                           re.IGNORECASE)
# what a standard covers ("meets CertiPUR-US program standards for performance, emissions, and
# durability", "CertiPUR-US Certified for durability, performance") is the standard's scope, not a
# claim about the product
_STANDARD = re.compile(r"\b(?:standards?|certified|certifications?|tested)\s+(?:for|of)\b",
                       re.IGNORECASE)
WINDOW = 50


def _since(text: str, start: int, ends: re.Pattern[str], window: int = WINDOW) -> str:
    before = text[max(0, start - window):start]
    cut = max((m.end() for m in ends.finditer(before)), default=0)
    return before[cut:]


def about_other(text: str, start: int) -> bool:
    """True when the mention at ``start`` describes a compared or a fitted item.

    A comparison word earlier in the same clause, a compatibility word earlier in the
    same comma-bounded phrase, or a list of fitted models ("compatible with ... such as")
    earlier in the clause.
    """
    clause = _since(text, start, _CLAUSE_END)
    return bool(_COMPARISON.search(clause) or _COMPATIBLE.search(_since(text, start, _PHRASE_END))
                or _FITTED_LIST.search(_since(text, start, _CLAUSE_END, 4 * WINDOW))
                or _OFFERED.match(text, start) or _ALSO_OFFERED.search(clause)
                or _STANDARD.search(_since(text, start, _CLAUSE_END, 2 * WINDOW)))


def brand_spans(text: str, brand: str | None) -> list[tuple[int, int]]:
    """Where the brand name stands in ``text`` (whole words, any case)."""
    name = " ".join((brand or "").split())
    if len(name) < 2 or name.lower() not in text.lower():
        return []  # the cheap test first: most texts never name the brand
    pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies within one of ``spans``."""
    return any(s <= start and end <= e for s, e in spans)


# materials that are also colour names ("Sandal ..., Stone, 6", "Belt - Mahogany -")
COLOUR_MATERIALS = frozenset({"stone", "mahogany", "walnut", "oak", "cork", "crystal"})


def within_name(spans: list[tuple[int, int]], start: int, end: int, value: str = "") -> bool:
    """True when ``[start, end)`` is one word of a longer name ("Glass" in "Sea Glass").

    A colour given as the material itself ("Denim", "Stainless Steel") still names it, and
    so does one with a basic colour word ("Black Leather": not a fancy name); a colour
    named after a stone or a wood ("Stone", "Mahogany") does not.
    """
    return any(s <= start and end <= e and (end - start < e - s or value in COLOUR_MATERIALS)
               for s, e in spans)


# things a listing bundles or names beside the product ("waterproof bag", "reusable storage
# bins", "ceramic ring dish"): a property said right before one of them is that thing's
ACCESSORY_NOUNS = frozenset({"bag", "pouch", "box", "bin", "mat", "dish", "tray", "bottle", "bowl",
                             "basket", "container", "sack", "backpack", "organizer", "blanket",
                             "towel", "pillow", "case", "jar", "keychain", "carabiner",
                             "packaging"})  # not parts a product has ("padded cups")
_NOUN_PHRASE_END = re.compile(r"[.,;:!?|()\[\]\n•【】+&/]|\b(?:and|or|with|for|to|in|on|of|"
                              r"from|that|which|is|are)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"[A-Za-z][\w'’]*")


def of_accessory(text: str, end: int, own_words: Collection[str],
                 singular: Callable[[str], str]) -> bool:
    """True when the words after a mention name an accessory, not the product itself.

    The head of the noun phrase that follows (its last word, within three: "waterproof
    portable picnic mat") takes the mention when it is an accessory noun that the product's
    own name does not hold ("bag" in a paddle board's "Waterproof Bag").
    """
    rest = text[end:end + 40]
    stop = _NOUN_PHRASE_END.search(rest)
    words = [singular(w.lower()) for w in _NEXT_WORD.findall(rest[:stop.start() if stop else None])]
    head = words[:3][-1] if words else ""  # "lightweight dish towels": the towels are the head
    return head in ACCESSORY_NOUNS and head not in own_words


# parts a listing names apart from the product: "the lid is dishwasher safe", "Barrel handle is
# sealed and waterproof" state a property of that part only (PART_NOUNS, from parts.py)
PART_CHECKED = frozenset({"dishwasher-safe", "microwave-safe", "oven-safe", "freezer-safe",
                          "waterproof", "water-resistant", "machine-washable", "easy-clean",
                          "scratch-resistant", "rust-resistant"})
_PART_SUBJECT = re.compile(r"\b([A-Za-z]+)\s+(?:(?:which|that)\s+)?(?:is|are|remains?|stays?)\s+"
                           r"(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def of_part(text: str, start: int, own_words: Collection[str],
            singular: Callable[[str], str], end: int | None = None) -> bool:
    """True when the mention is said of a named part ("the lid is dishwasher safe").

    The clause's subject before "is"/"are" is a part noun that the product's own name
    does not hold (a lid's own "lid is dishwasher safe" stays). Only care and water
    tags are read so (:data:`PART_CHECKED`): labellers count a part's durability or
    comfort as the product's, not a lid's dishwasher safety.
    """
    found = _PART_SUBJECT.search(_since(text, start, _PHRASE_END))
    word = singular(found.group(1).lower()) if found else ""
    return (word in PART_NOUNS and word not in own_words) or (
        end is not None and _before_part(text, end, own_words, singular))


_MATERIAL_WORDS = frozenset({"metal", "steel", "plastic", "rubber", "alloy", "silicone", "aluminum",
                             "brass", "zinc", "nylon", "leather", "wood", "wooden", "polyester"})
_PART_PHRASE_END = re.compile(r"[.,;:!?|()\[\]\n•【】+&/–—]|\s-\s|\b(?:and|or|with|for|to|in|on|"
                              r"of|from|that|which|is|are|unlike|than)\b", re.IGNORECASE)


def _before_part(text: str, end: int, own_words: Collection[str],
                 singular: Callable[[str], str]) -> bool:
    """True when the next word names a part, or the one after a material word does.

    "scratch resistant buckle made to last", "Water resistant base.", "anti-rust metal latch";
    not "dishwasher safe lid and body" (the whole), nor a finish (it covers the whole).
    """
    rest = text[end:end + 40]
    stop = _PART_PHRASE_END.search(rest)
    words = [singular(w.lower()) for w in _NEXT_WORD.findall(rest[:stop.start() if stop else None])]
    if stop and stop.group(0).strip().lower() in ("and", "&", "+"):
        return False
    named = words[1:2] if words and words[0] in _MATERIAL_WORDS else words[:1]
    return any(w in PART_NOUNS and w != "finish" and w not in own_words for w in named)


# what a tool or a cleaner acts on: "Cuts metal, plastic, wood", "great for washing ... glass
# mugs", "Removing Vinyl Or Paper Wall Covering", "Use on Leather, Nubuck, Suede", "surfaces
# like: sinks, glass top", "withstand metal utensils", "many kinds of materials like aluminum,
# glass" (a material said after it, before any "made of")
_ACTS_ON = re.compile(r"\b(?:cuts|cutting|cut(?: through| the)|remov(?:es|ing)|"
                      r"(?<!easy to )clean(?:s|ing)?|"
                      r"wash(?:es|ing)|scrub(?:s|bing)|polish(?:es|ing)|scrap(?:es|ing)|"
                      r"drill(?:s|ing) into|"
                      r"sanding|engrav(?:es|ing)|carv(?:es|ing)|"
                      r"(?:for )?use[sd]? on|works? on|safe (?:on|for use on)|"
                      r"surfaces? (?:like|such as)|nooks and crannies on|withstand(?:s|ing)?|"
                      r"(?:other|kinds of|many|most|various) (?:\w+ ){0,2}(?:materials|metals|"
                      r"coverings|surfaces|fabrics|plastics)(?: \w+){0,4}? (?:like|such as|"
                      r"including))\b"
                      r"(?!\s+(?:instructions?|method|care))"
                      r"(?:(?!\b(?:made|material|fabric|constructed|crafted)\b)[^.;:!?\n•|()【】★])"
                      r"{0,45}$", re.IGNORECASE)


def acted_on(text: str, start: int, title: bool = False, end: int | None = None,
             kind: str = "") -> bool:
    """True when a material names what the product works on, not what it is made of.

    In a title only a list right after the verb: "Cuts Glass Stone Wood", "Safe On Glass,
    Plastic and Stainless Steel" (titles run on without a clause's stops), or the material
    right before a cutting verb ("Metal Cutting Band Saw"; not when the verb names the item,
    ``kind``: "Wood Cutting Board"). Anywhere: a material before "surface" names the surface
    it is used on ("attach to any metal surface").
    """
    if end is not None and _SURFACE_AFTER.match(text, end):
        return True
    if title:
        cuts = _CUT_AFTER.match(text, end) if end is not None else None
        return bool(_TITLE_ACTS.search(text, max(0, start - 50), start)
                    or (cuts and cuts.group(1).lower() not in kind.split()))
    return bool(_ACTS_ON.search(_since(text, start, _CLAUSE_END)))


_SURFACE_AFTER = re.compile(r"(?:[ -]+article)?[ -]+surfaces?\b", re.IGNORECASE)
# what a tool removes material from: "Metal Cutting Band Saw", "Wood Carving Knife"
_CUT_AFTER = re.compile(r"[ -]+(cutting|drilling|grinding|sanding|engraving|carving)\b",
                        re.IGNORECASE)
_TITLE_ACTS = re.compile(r"\b(?:cuts|safe (?:on|for use on)|use on|works on)\s+"
                         r"(?:(?!made\b|materials?\b)[A-Za-z-]+\s*(?:,|&|and|/)?\s*){0,5}$"
                         # what it holds: 'Holds 8.5" x 11" Paper', "Hold 100 Sheets Paper"
                         r"|\bholds?\s+(?:up to\s+)?(?:[\d.½¼¾/\s]+(?:[\"”″]|in\b|inch(?:es)?)?\s*"
                         r"(?:x\s*)?)+(?:sheets?\s+(?:of\s+)?)?$",
                         re.IGNORECASE)


# a fixture names the bulbs it takes: "Uses (1) LED, CFL or up to 60W", "works with all kinds of
# bulbs: LED, Incandescent, CFL, RGB", "Supports dimmable or non-dimmable bulbs"
BULB_TAGS = frozenset({"led", "rgb", "dimmable"})
_BULB_KINDS = re.compile(r"\b(?:cfl|incandescent|halogen|bulbs?)\b", re.IGNORECASE)


def of_bulbs(text: str, start: int, end: int) -> bool:
    """True when a light tag sits in a clause about the bulbs a fixture takes."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return bool(_BULB_KINDS.search(text[left:right.start() if right else len(text)]))


# a measure of what the product holds, or of a named part, is not the product's size: "holds up
# to 10 (355ml/12oz.) cans", "Storage For Snacks, Or 6 12oz Cans", "with 5.6FT Cord", "59 Inch
# Hose", "cord length 36.4 inch", "Length of knife is 7.3in" (in a cutlery set)
_HELD = re.compile(r"\W{0,3}(?:[\d.]+\s*[a-z]+\W{0,3})?\s*(?:[a-z]+\s+)?"
                   r"(?:cans?|bottles?|jars?|pods?)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\d)\.|\.(?!\d)|[;!?\n•|【】]")
_HOLDS = re.compile(r"\b(?:holds?|stores?|storage|chills?|cools?|fits?|capacity)\b",
                    re.IGNORECASE)
_COUNTED = re.compile(r"(?:\b\d+|\b(?:two|three|four|five|six|eight|ten|twelve))\s*\)?\s*\(?"
                      r"(?:[\d.]+\s*(?:ml|oz|l)\W*)?$", re.IGNORECASE)
_RANGE_END = re.compile(r"\d[\d./]*\s*(?:\"|”|''|in(?:ch(?:es)?)?|cm|mm|ft|grams?|g|oz|lbs?)?\s*"
                        r"(?:to|~)\s*$", re.IGNORECASE)
_PART_AFTER = re.compile(r"[\s\"”'-]{0,3}(?:long\s+|power\s+|extension\s+)?"
                         r"(?:water\s+|bean\s+|coffee\s+)?(cord|hose|cable|rope|chain|downrod|wire|"
                         r"tank|reservoir|container|hopper)s?\b", re.IGNORECASE)
_PART_BEFORE = re.compile(r"\b(?:length|width|diameter) of (?:the |each )?([a-z]+) (?:is|:)\s*$|"
                          r"\b(cord|hose|cable|rope|wire|chain)s? length\s*:?\s*$|"
                          r"\b(tank|reservoir|container|hopper|water)\s+capacity\s*(?:\(x\d\))?\s*"
                          r"[:：–-]?\s*$", re.IGNORECASE)
# "5G WiFi", "2.4G/5.8G Dual Band": a wireless band, not grams; "(S & L Bands Included)": the
# sizes of what comes with it
# "Scale length: 19.7\"", "Bill length in the middle: 3-1/8\"", "wiring length 39inch", "Package
# Length: 12 in": the measure of a named part or of the box, not the product's (its "Total
# length: 30\"", a garment's "Back length: 26\"" or a "perfect length" stay)
_NAMED_MEASURE = re.compile(r"\b([a-z]+)\s+(?:length|height|width|depth|diameter|thickness)\s*"
                            r"(?:in the middle\s*)?[:：–=-]?\s*(?:approx\.?\s*|about\s*)?$",
                            re.IGNORECASE)
_WHOLE = frozenset({"total", "overall", "full", "back", "product", "item", "unit", "whole",
                    "outer", "max", "maximum", "perfect", "ideal", "standard", "extra", "long",
                    "short", "adjustable", "the", "a", "in", "of", "and", "with"})
_NETWORK = re.compile(r"\s*\)?\s*(?:wi-?fi|dual|band|lte|network|phablet|wireless|unlocked|"
                      r"cellular)\b", re.IGNORECASE)
_INCLUDED = re.compile(r"[^()]*\b(?:included|includes)\b[^()]*\)", re.IGNORECASE)


def measure_of_other(text: str, start: int, end: int, own_words: Collection[str],
                     singular: Callable[[str], str]) -> bool:
    """True when the measure at ``[start, end)`` sizes what the product holds or a named part.

    Counted containers after it in a clause about holding ("holds up to 10 12oz cans"), or a
    cord, hose, cable... (one the product's own name does not hold) right after it or named
    before it ("Length of knife is").
    """
    if _RANGE_END.search(text[max(0, start - 30):start]):
        return True  # "Adjustable from 28\" to 44\" Waist": the end of a range
    opened = "(" in text[max(0, start - 60):start].rpartition(")")[2]
    if (text[end - 1:end] in ("g", "G") and _NETWORK.match(text, end)) or (
            opened and _INCLUDED.match(text, end)):
        return True
    if _HELD.match(text, end) and _COUNTED.search(text[max(0, start - 25):start]) \
            and _HOLDS.search(_since(text, start, _SENTENCE_END, 2 * WINDOW)):
        return True
    measured = _NAMED_MEASURE.search(_since(text, start, _PHRASE_END))
    if measured and measured.group(1).lower() not in _WHOLE \
            and singular(measured.group(1).lower()) not in own_words:
        return True
    part = _PART_AFTER.match(text, end)
    named = _PART_BEFORE.search(_since(text, start, _PHRASE_END))
    word = part.group(1) if part else next((w for w in named.groups() if w), "") if named else ""
    return bool(word) and singular(word.lower()) not in own_words
