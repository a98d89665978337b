"""Product type from a title: the known product-type phrase at the head of the first title part.

Known types come from real shopping queries (QueryNER's ``core_product_type`` spans, shipped in
knowledge/nlp/data), the knowledge graph's product heads and the demo taxonomy. A title is cut
into parts ("Brand Water Bottle with Straw, 32 oz - Blue" -> "Brand Water Bottle"); trailing
colours, sizes and codes are dropped and the longest known phrase ending at the head word wins.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.extraction.plurals import singular as singular  # re-exported: importers use types
from knowledge.extraction.vocab import APPAREL, AUDIENCES, COLORS, FEATURES, NAMED_SIZES, UNITS

# text -> spans with .label, .start, .text (knowledge.nlp.tagger)
Tagger = Callable[[str], list[Any]]

_HERE = Path(__file__).resolve().parent.parent
QUERYNER = _HERE / "nlp" / "data" / "queryner_train.jsonl"
SEED = _HERE / "graph" / "seed" / "products.jsonl"
TAXONOMY = _HERE / "demo" / "taxonomy.json"
NOUNS = Path(__file__).resolve().parent / "product_nouns.txt"
GENERIC = frozenset({"gift", "accessory", "item", "product", "stuff", "thing", "set", "kit", "pack",
                     "bundle", "collection", "series", "edition", "version", "design", "style",
                     "cleaning", "water", "food", "keto", "skin", "handle", "fit", "tube", "metal",
                     "throw", "clothe", "clothing", "makeup", "beauty", "baby", "car", "game",
                     "new", "best", "premium", "original", "classic", "quality", "decoration",
                     "supply", "tool", "top", "home", "kitchen", "office", "outdoor", "indoor"})
_NOISE = frozenset({"size", "pack", "pcs", "pc", "count", "us", "one", "piece", "pieces", "inch",
                    "oz", "ounce", "small", "medium", "large", "extra", "xl", "regular", "petite",
                    "big", "tall", "plus", "wide", "narrow", "mini", "long", "thick", "deep",
                    "high", "x", "xx", "xxx", *NAMED_SIZES, *APPAREL,
                    # "Leggings Very Black MD", "Skirt Dark Grey SM": a shade and a size code
                    "very", "dark", "light", "bright", "pale", "md", "sm", "lg",
                    *(u for u in UNITS if u.isalpha() and len(u) > 1)})  # "Pencil Black 0.5 mm"
_SPLIT = re.compile(r"\s[-–—|/]\s|[,，(\[|:;【]|\s-(?=\S)|\.\s")  # "，": a full-width comma
_CUT = re.compile(r"\s(?:with|without|for|w/|by|featuring|compatible|including|includes|in|and|&|"
                  r"from|made|fits|that)\b(?!-)", re.IGNORECASE)
_COUNTED = re.compile(r"(?<=\S)\s+\d+\s+[A-Za-z]+s\s*$")
# an item named with its size before keywords run on ("Pillow Covers 18x18 Inch ... Cushion Case")
_SIZED = re.compile(r"(?<=[A-Za-z])\s+\d[\d./]*\s*(?:[\"”″]|''|inch(?:es)?\b|in\b|cm\b|mm\b|"
                    r"[x×]\s*\d)", re.IGNORECASE)
_SET_OF = re.compile(r"(?<=\S)\s+(?:set|pack|box|case) of \d+\s*$", re.IGNORECASE)
_MADE_FOR = frozenset({"accessory", "part", "replacement", "attachment", "refill", "spare"})
_FITS_BED = re.compile(r"(?<=\S)\s+(?:california king|twin xl|twin|full|queen|king)(?:\s+size)?"
                       r"\s+beds?\s*$", re.IGNORECASE)
_LISTS_CONTENTS = re.compile(r"\s*(?:with|w/|including|includes?|comes with)\b", re.IGNORECASE)
_LIST_CUT = re.compile(r"(?:with|w/|including|includes)$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9][\w'’]*")
_PLUG_IN = re.compile(r"\bPlug[ -]in\b", re.IGNORECASE)
# shopping queries tag how a garment is cut ("high waisted", "crew neck") as if it were the item
NOT_TYPES = frozenset({("high", "waisted"), ("crew", "neck"), ("cold", "shoulder"), ("weight",),
                       ("punch", "heavy", "duty"), ("diy", "project"), ("body",), ("storage",),
                       ("tummy", "control"), ("self", "defense"), ("bulk",), ("pull", "on")})
# "Tunic Tops Long Sleeve M": a sleeve's cut is a property of the garment, not the item
_SHADES, _INTENSE = frozenset({"light", "dark"}), frozenset({"ultra", "super", "extra"})
_SLEEVE_CUTS = frozenset({"long", "short", "cap", "half", "puff", "flutter", "bell", "lantern",
                          "raglan", "3/4", "elbow"})


def normal(phrase: str) -> tuple[str, ...]:
    """A phrase as lower-case singular words ("Flip-Flops" -> ("flip", "flop"))."""
    return tuple(singular(w.lower().strip("'’")) for w in re.split(r"[\s_-]+", phrase.strip()) if w)


@lru_cache(maxsize=1)
def type_lexicon() -> frozenset[tuple[str, ...]]:
    """Every known product-type phrase, as :func:`normal` word tuples."""
    phrases: set[str] = set()
    if QUERYNER.is_file():
        for line in QUERYNER.open(encoding="utf-8"):
            row = json.loads(line)
            phrases.update(e["text"] for e in row.get("entities", [])
                           if e.get("type") == "core_product_type")
    if SEED.is_file():
        for line in SEED.open(encoding="utf-8"):
            row = json.loads(line)
            if row.get("head_type") == "product":
                phrases.add(row["head"])
    if TAXONOMY.is_file():
        for spec in json.loads(TAXONOMY.read_text())["categories"].values():
            phrases.update(spec["types"])
    phrases.update(line.strip() for line in NOUNS.read_text(encoding="utf-8").splitlines()
                   if line.strip() and not line.startswith("#"))
    out = {_no_article(normal(p)) for p in phrases if 2 < len(p) < 40}
    # a feature tag alone ("vegan", "organic") names a property, never the item
    skip = GENERIC | set(COLORS) | {normal(tag)[0] for tag in FEATURES if "-" not in tag}
    return frozenset(t for t in out if t and not (len(t) == 1 and t[0] in skip)
                     and t not in NOT_TYPES and t[-1] not in AUDIENCES
                     and not any(c.isdigit() for c in t[-1]))


def _no_article(words: tuple[str, ...]) -> tuple[str, ...]:
    """A query's type without its leading article ("the book" -> "book")."""
    return words[1:] if len(words) > 1 and words[0] in ("the", "a", "an") else words


def own_words(title: str, type_value: str | None) -> frozenset[str]:
    """Words that name the product itself: its title's first phrase and its type's words.

    The first phrase ends at the first separator or "with"/"for"/"including"...
    ("Roc Inflatable Stand Up Paddle Board with ... Waterproof Bag" -> paddle board words).
    """
    parts = _parts(title)
    first = _CUT.split(parts[0][1], maxsplit=1)[0] if parts else ""
    words = {singular(w.lower().strip("'’")) for w, _, _ in _head_words(first)}
    return frozenset(words | set((type_value or "").split()))


def _parts(title: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for match in _SPLIT.finditer(title + ","):
        out.append((start, title[start:match.start()]))
        start = match.end()
    return [(s, p) for s, p in out if p.strip()]


def _head_words(part: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(part)]


def _droppable(word: str) -> bool:
    low = word.lower()
    return any(c.isdigit() for c in word) or low in _NOISE or low in COLORS


def _head_match(words: list[tuple[str, int, int]], lexicon: frozenset[tuple[str, ...]],
                offset: int) -> tuple[str, int, int] | None:
    """The longest known type ending at the head word.

    Trailing colours, sizes and codes are dropped one by one until a type heads the rest
    ("Hand Cream" stays a type although "cream" is a colour); a trailing "set"/"kit" may
    be skipped; a shade before a dropped colour or after "ultra" is no item ("Light Yellow").
    """
    words, shaded = list(words), False
    while words:
        norm = [singular(w.lower().strip("'’")) for w, _, _ in words]
        if len(norm) > 2 and norm[-1] == "sleeve" and norm[-2] in _SLEEVE_CUTS:
            del words[-2:]  # "... Tops Long Sleeve": the garment is named before its sleeves
            continue
        # a trailing "Set"/"Kit" may be skipped, and so may a generic word before it ("Bottle
        # Brush Cleaning Set"), never "Accessories": "Salt Gun Accessories" are made for the
        # gun, they are not one
        ends = [len(words)]
        while len(ends) < 3 and len(words) - len(ends) > 0 \
                and norm[len(words) - len(ends)] in GENERIC - {"accessory"}:
            ends.append(len(words) - len(ends))
        for end in ends:
            for n in (4, 3, 2, 1):
                if n == 1 and norm[end - 1] == "sleeve" and end > 1 \
                        and norm[end - 2] in _SLEEVE_CUTS:
                    continue  # "Pullover Long Sleeves Tops": a cut, never the item
                if end - n >= 0 and tuple(norm[end - n:end]) in lexicon and not (
                        n == 1 and norm[end - 1] in _SHADES and (shaded or end > 1 and norm[
                            end - 2] in _INTENSE)):  # "Light Yellow", "Ultra-Light": no item
                    first, last = words[end - n], words[end - 1]
                    return " ".join(norm[end - n:end]), offset + first[1], offset + last[2]
        if not _droppable(words[-1][0]):
            return None
        shaded = words.pop()[0].lower() in COLORS
    return None


def _any_match(words: list[tuple[str, int, int]], lexicon: frozenset[tuple[str, ...]],
               offset: int, *, skip_modifiers: bool = False) -> tuple[str, int, int] | None:
    """The rightmost known type anywhere in ``words`` (longest at that position).

    ``skip_modifiers``: a one-word type right before another word is that word's modifier,
    not the item ("Gun Sight", "Coffee Dispenser", "Remote Control Car"): it is passed over.
    A longer known phrase ("Acoustic Guitar Starter Set") or one before a number ("Socks
    6 Pair") still names the item.
    """
    for end in range(len(words) - 1, 0, -1):
        found = _head_match(words[:end], lexicon, offset)
        if found and not (skip_modifiers and _modifier(found, words, offset)):
            return found
    return None


def _modifier(found: tuple[str, int, int], words: list[tuple[str, int, int]],
              offset: int) -> bool:
    """True when the one-word type ``found`` stands right before a word of letters.

    Any type before a word naming what is made for it ("Vacuum Cleaner Accessories",
    "Coffee Maker Replacement Parts") modifies that word.
    """
    after = [w for w, s, _ in words if w and offset + s >= found[2]]
    if after and singular(after[0].lower()) in _MADE_FOR:
        return True
    return " " not in found[0] and bool(after) and after[0].isalpha()


def find_type(title: str, tagger: Tagger | None = None, *, fallback: bool = True,
              guess: bool = False, joined: bool = False) -> tuple[str, int, int] | None:
    """(type, start, end) in ``title``: the longest known type phrase ending at a part's head.

    The first three title parts are tried in order. A part with "with", "for"... is read
    only before that word: a known type at its head, else the rightmost known type in it
    ("Acoustic Guitar Starter Set w/Case" -> "acoustic guitar"); what follows "with" or
    "for" names an accessory or a use ("case", "crackers"), never the item. Failing that:
    the tagger's first product-type span (when a tagger is given), then (``fallback``) the
    rightmost known type in the first part, a guess right only 7 times in 10 on the dev
    titles, which extraction at import leaves out. ``guess`` (without ``fallback``): the
    rightmost known type in the first part that modifies no word after it ("Jura S8
    Automatic Coffee Machine Moonlight Silver" -> "coffee machine"; never "Gun" of "Gun
    Sight"), right 4 times in 4 on the two labelled sets' dev titles. ``joined``: a longer
    type after "and" wins over a one-word one before it ("Wine and Beverage Refrigerator"), and
    a trailing "Set of 2" is passed over.
    """
    lexicon = type_lexicon()
    title = _PLUG_IN.sub("Plug_in", title)  # same length: "Plug in Wall Sconce" is a sconce
    parts = _parts(title)[:3]
    for offset, part in parts:
        if offset and len(_head_words(part)) == 1 and title[:offset].rstrip().endswith((",", "，")):
            continue  # "Remove Dirt, Oil, Makeup": a one-word list item, never the item
        if _LISTS_CONTENTS.match(part):
            break  # "- Includes 2 Putters, 2 Golf Balls": the parts list what comes with it
        cut = _CUT.search(part)
        head = part[:cut.start()] if cut else part
        words = _head_words(head)
        found = None
        # "Strip Lights 5m 300 LEDs": a count of parts; "Blanket Queen Size Bed": the bed it fits
        counted = _COUNTED.search(head) or _FITS_BED.search(head) \
            or (joined and _SET_OF.search(head))  # "Wine Glasses Set of 2"
        sized = _SIZED.search(head)
        if counted:
            found = _head_match(_head_words(head[:counted.start()]), lexicon, offset)
        elif sized and len(_head_words(head[sized.end():])) > 4:
            found = _head_match(_head_words(head[:sized.start()]), lexicon, offset)
        found = found or _head_match(words, lexicon, offset)  # ... unless nothing precedes
        if found is None and cut:
            found = _any_match([*words, ("", 0, 0)], lexicon, offset, skip_modifiers=True)
        if found is None and cut and words and offset == parts[0][0] \
                and cut.group(0).strip().lower() == "by":  # a title that opens "Line by Maker"
            found = _after_maker(part, cut.end(), lexicon, offset)
        if cut and cut.group(0).strip().lower() in ("and", "&") \
                and (found is None or (joined and " " not in found[0])):
            # "Fitness and Activity Tracker", "Men's and Women's Classic Clog", "Wine and
            # Beverage Refrigerator": the item is named after the joined words (not "Spoons
            # and Forks Set": two items)
            after = _after_maker(part, cut.end(), lexicon, offset)
            if after and (found is None or part[cut.end():after[1] - offset].strip()):
                found = after
        if found:
            return found
        if cut and _LIST_CUT.match(cut.group(0).strip()):
            break  # the next parts go on listing what it is for or comes with
    if tagger is not None:
        found = _tagged_type(title, tagger)
        if found:
            return found
    if parts and fallback:
        offset, part = parts[0]
        return _any_match(_head_words(part), lexicon, offset)
    if parts and guess:
        offset, part = parts[0]
        cut = _CUT.search(part)
        words = _head_words(part[:cut.start()] if cut else part)
        return _any_match([*words, ("", 0, 0)], lexicon, offset, skip_modifiers=True)
    return None


def _after_maker(part: str, start: int, lexicon: frozenset[tuple[str, ...]],
                 offset: int) -> tuple[str, int, int] | None:
    """The type at the head of what follows ``start`` up to the next cut word.

    "Simple Joys by Carter's Baby Bodysuits": the item after the maker;
    "Fitness and Activity Tracker": the item after the joined words.

    A title that opens with a line name and its maker names the item after the maker.
    """
    rest = part[start:]
    cut = _CUT.search(rest)
    words = _head_words(rest[:cut.start()] if cut else rest)
    return _head_match(words, lexicon, offset + start)


def _tagged_type(title: str, tagger: Tagger) -> tuple[str, int, int] | None:
    """The first product-type span the tagger finds, cut to its last three head words."""
    for span in tagger(title):
        if span.label != "product_type":
            continue
        words = _head_words(span.text)[-3:]
        norm = [singular(w.lower().strip("'’")) for w, _, _ in words]
        if norm and norm[-1] not in GENERIC and norm[-1].isalpha():
            return " ".join(norm), span.start + words[0][1], span.start + words[-1][2]
    return None
