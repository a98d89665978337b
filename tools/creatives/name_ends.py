"""Where a product's name ends in a merchant's run-on first clause.

The type finder names the product by the last known type it finds; a merchant often goes on
after the product with a part and its number ("women's roller skates PU wheels 58mm"), a
material and a part ("ankle boots faux suede block heel"), or a named size ("file folders
letter size 100 pack"). These rules end the name at the product, so the part's number
stays with the part and no part or size name becomes the product's keyword.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import find_type

Span = tuple[str, int, int]


# words that go on naming the product after a plural ("pliers set", "cups and spoons set")
NAME_GOES_ON = frozenset({"set", "sets", "kit", "kits", "pair", "pairs", "pack", "bundle",
                           "combo", "collection", "and", "&", "+", "or", "/", "n", "'n'"})


def ends_name(found: str, after: str) -> bool:
    """True when the product's name ends at its type though words follow before a number.

    ``after`` is what the type finder left between the type and the number. A compound
    names its product by its last word, and a word before it is singular ("skate
    wheels"): in "women's roller skates PU wheels 58mm" the name ends at "skates", and "PU
    wheels 58mm" is the wheels' own fact, never the skates' size. A material comes before
    the noun it makes ("bamboo coat rack"), so one right after the type starts another
    phrase ("coat rack bamboo 8 hooks"). "pliers set 3 piece" and "cups and spoons set"
    go on naming one product.
    """
    words = after.split()
    last = found.split()[-1].lower() if found.split() else ""
    if not words or words[0].lower() in NAME_GOES_ON:
        return False
    made_of = find_terms(after.strip(), material_items())
    return _plural(last) or bool(made_of) and made_of[0][1] == 0


def _plural(word: str) -> bool:
    """True when a word reads as a plural noun ("skates", "slots"; not "glass")."""
    return word.endswith("s") and not word.endswith("ss") and len(word) > 3


# words that qualify the material after them ("faux suede", "genuine leather", "solid wood")
MATERIAL_QUALIFIER = re.compile(r"\s+(?:faux|genuine|real|solid|vegan|recycled|organic|pure|"
                                 r"full[- ]grain|top[- ]grain|brushed|premium)$", re.IGNORECASE)


def type_before_material(words: str) -> Span | None:
    """A product type that a material follows, with more words after it, in ``words``.

    A material comes before the noun it makes, so after a complete product type it starts
    another phrase: "ankle boots faux suede block heel" names boots with a suede heel, and
    "water bottle stainless steel lid" a bottle with a steel lid. Only a type that cannot
    be a modifier counts: a plural ("boots") or one of two words or more ("water bottle");
    "phone leather case" is a case.
    """
    for _value, start, end in find_terms(words, material_items()):
        before = MATERIAL_QUALIFIER.sub("", words[:start].rstrip())  # "boots faux suede"
        if not before or not words[end:].strip():
            continue
        found = find_type(before, fallback=False)
        if (found is not None and found[2] == len(before)
                and (_plural(before.split()[-1].lower()) or " " in found[0])):
            return found
    return None


def named_size(lead: str, after: str, found: Span | None) -> tuple[Span, int] | None:
    """The type before a named size ("file folders letter size 100 pack"), and its end.

    "size" after a word names that size ("letter size", "king size"), it is no label of
    the number after it: the product's name ends before the size's name, and "letter size
    100 pack" stays one segment. When the type finder took the size's name for the type
    ("letter"), the product is the type before it.
    """
    named = re.search(r"(\S+)$", lead)
    if named is None or not re.match(r"(?i)sizes?\b", after):
        return None
    if found is not None and found[2] <= named.start(1):  # "sheet set king size 4 piece"
        return found, found[2]
    before = lead[:named.start(1)].rstrip()
    early = (find_type(before, fallback=False)
             if (found is None or found[1] >= named.start(1)) and before else None)
    if early is None or early[2] != len(before):
        return None
    return early, early[2]


# a product's verbs that are never a plural noun ("lint remover removes pills"): after the
# product's noun they open what it does ("covers", "lights", "prints" may be nouns)
VERBS_ONLY = frozenset({"removes", "sleeps", "serves", "lasts", "reaches", "extends", "lifts",
                        "weighs", "measures", "makes", "brews", "cooks", "feeds", "inflates",
                        "cleans", "heats", "cools", "dispenses", "carries", "tows", "pulls",
                        "accommodates", "blends", "grinds", "dries", "absorbs", "expands",
                        "stretches", "spans", "shreds", "charges", "detects", "repels",
                        "protects", "prevents", "reduces", "finds", "syncs", "connects",
                        "attaches", "displays", "kills", "purifies", "boils", "supports",
                        "warms", "freezes", "steams", "bakes", "fries", "keeps", "holds",
                        "fits", "runs", "includes", "converts", "folds", "adjusts", "rotates",
                        "blocks", "massages", "relieves", "soothes", "helps", "allows"})
# materials sold as the product itself: "printer paper" is paper, not a printer
GOODS = (" paper", " foil", " tape", " yarn", " twine", " thread", " rope", " film", " clay")
# lower-case names that a version number follows ("usb 3.0 hub", "cat 8 cable")
VERSIONED = frozenset({"usb", "hdmi", "bluetooth", "wifi", "cat", "iphone", "ipad", "galaxy",
                        "pixel", "ps", "xbox", "gen", "ddr", "pcie"})
# verbs a merchant puts between the product and a number ("tent sleeps 4", "sprinkler covers
# 3600 sq ft"); a word in a known type with the noun before it ("seat covers") stays a noun
VERBS = frozenset({"sleeps", "seats", "serves", "covers", "staples", "prints", "stores",
                    "lasts", "reaches", "extends", "lifts", "weighs", "measures", "makes",
                    "brews", "cooks", "feeds", "plays", "reads", "sprays", "pumps", "inflates",
                    "cleans", "heats", "cools", "lights", "dispenses", "waters", "carries",
                    "tows", "pulls", "accommodates", "shoots", "records", "streams", "mixes",
                    "blends", "grinds", "dries", "absorbs", "expands", "stretches", "spans",
                    "binds", "shreds", "cuts", "holds", "fits", "keeps", "runs", "charges",
                    "detects", "removes", "repels", "protects", "prevents", "reduces", "finds",
                    "tracks", "syncs", "connects", "mounts", "attaches", "sticks", "displays",
                    "shows", "kills", "traps", "catches", "filters", "purifies", "boils",
                    "sets", "works", "supports", "packs", "comes", "includes", "warms",
                    "freezes", "steams", "toasts", "bakes", "fries", "washes"})


def verb_led(text: str) -> bool:
    """True when a segment opens with the product's verb ("detects wood", "holds keys")."""
    first = re.match(r"([a-z]{3,})\b", text)
    if first is None or len(text.split()) < 2:
        return False
    return first.group(1) in VERBS  # no guess from an "-s" ending: "sports bra" is a noun
