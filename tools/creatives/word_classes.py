"""Word classes a product name is read with: property words, post-adjectives, hosts, plain nouns.

"dual", "adjustable" or "touchless" say what a product is like, never what it is; "safe" or
"powered" make an adjective with the noun before them ("USB powered"); a host is a product
another is made for ("phone" in "phone waterproof pouch"). :mod:`tools.creatives.name_cut`
and the head readers ask these to find where a name ends.
"""

from __future__ import annotations

import re

from knowledge.extraction.finders import find_terms, material_items
from knowledge.extraction.types import GENERIC, normal, type_lexicon
from knowledge.extraction.vocab import AUDIENCES

# words that say what a product is like, never what it is (closed class: size, degree,
# place, mode); with the -able/-ible/-less/-proof words below they open a property phrase
PROPERTY_WORDS = frozenset({
    "dual", "double", "triple", "single", "twin", "extra", "super", "ultra", "large", "small",
    "medium", "mini", "big", "huge", "tiny", "heavy", "lightweight", "quiet", "silent",
    "loud", "outdoor", "indoor", "portable", "automatic", "auto", "manual", "digital", "analog",
    "electric", "wireless", "cordless", "soft", "hard", "thick", "thin", "slim", "wide",
    "narrow", "long", "short", "tall", "high", "low", "fast", "slow", "compact", "universal",
    "magnetic", "smart", "nonstick", "non", "anti", "waterproof", "reusable", "adjustable",
    "foldable", "collapsible", "rechargeable", "programmable", "touchless", "heavyweight",
    "premium", "deluxe", "professional", "pro", "instant", "quick", "full", "half", "multi",
    "extendable", "retractable", "removable", "reversible", "stackable", "washable",
    "breathable", "stretchy", "warm", "cool", "cold", "hot", "bright", "dim", "clear", "matte",
    "glossy", "vintage", "modern", "classic", "rustic", "cute", "fine", "coarse", "stainless",
    "insulated", "padded", "sturdy", "durable", "flexible", "rigid", "ergonomic", "unscented",
    "scented", "organic", "natural", "handmade", "personalized", "custom", "new", "one",
    "tri", "quad", "wifi", "bluetooth", "usb", "hdmi", "led", "lcd", "gps", "rgb", "hd",
    "orthopedic", "xs", "xl", "xxl", "two", "three", "four", "five", "six", "eight", "ten",
    "twelve", "twenty", "fifty", "hundred", "dozen",  # "cloths twelve by twelve inches"
})
_PROPERTY_MORPH = re.compile(r"[a-z]{3,}(?:able|ible|less|proof)$")
# words that make an adjective with the noun before them ("water resistant", "USB powered")
POST_ADJECTIVES = frozenset({"safe", "free", "proof", "resistant", "repellent", "friendly",
                             "powered", "operated", "compatible", "approved", "certified",
                             "rated", "ready", "washable", "wicking", "lined", "mounted",
                             "coated", "activated", "controlled", "sensing", "absorbing",
                             "shape", "shaped", "style", "styled"})  # "u shape", "retro style"
# things other products are made for: "phone waterproof pouch" is a pouch, not a phone
HOSTS = frozenset({"laptop", "tablet", "phone", "tv", "monitor", "mattress", "bike", "car",
                   "guitar", "camera", "iphone", "ipad", "kindle", "dog", "cat", "baby", "pet"})
FUNCTION_WORDS = frozenset({"to", "and", "or", "of", "for", "with", "in", "on", "the", "a", "an",
                            "by", "at", "from", "into", "up", "off", "out", "per", "n"})


def is_property(word: str) -> bool:
    """True when a word says what a product is like ("dual", "adjustable", "touchless")."""
    low = word.lower().strip("'’.")
    if low in PROPERTY_WORDS or low in POST_ADJECTIVES:
        return True
    if low.startswith(("non-", "anti-", "multi-", "extra-", "ultra-", "super-", "dual-", "tri-",
                       "quad-", "double-", "triple-")):
        return True
    return bool(_PROPERTY_MORPH.fullmatch(low)) and normal(low) not in type_lexicon()


def is_plural(word: str) -> bool:
    """True when a word reads as a plural noun ("strings", "slots"; not "glass", "bus")."""
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3


def is_spec(word: str) -> bool:
    """True for a spec written in capitals ("USB", "LED"); numbers are read elsewhere."""
    return len(word) >= 2 and word.isalpha() and word.isupper()


def plain_noun(word: str) -> bool:
    """True for a word that may be part of a product's noun ("leaf", "rake", "WiFi")."""
    low = word.lower()
    return (word[:1].isalpha() and not is_property(word) and low not in AUDIENCES
            and low not in FUNCTION_WORDS
            and low not in GENERIC and not find_terms(low, material_items())
            and not low.endswith("'s"))
