"""Finders: each scans one field's text and returns (value, start, end) mentions.

Features and materials are found anywhere (title, bullets, description) unless negated in
their clause ("not waterproof", "no batteries"); colours in the title and the colour field.
The other finders have their own modules: materials.py, audiences.py, sizes.py and
variant_sizes.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from knowledge.extraction.types import singular, type_lexicon
from knowledge.extraction.vocab import (
    COLOR_NOT_BEFORE,
    COLORS,
    MATERIALS,
)

Mention = tuple[str, int, int]
# "non-" or "no-" joined to a word negates that word only: "non-slip rubber" is rubber,
# "No Show Socks Cotton" is cotton, "non-latex" is no latex
_NEGATION = re.compile(r"\b(?:not|no|never|isn't|aren't|don't|doesn't|without|nor|cannot|can't|"
                       r"free (?:from|of))(?![\w-])[\s\w/-]{0,24}$|\bnon?[- ]?$")
_CLAUSE_END = re.compile(r"[.;!?\n•|:()\[\]【】]")
# "Wigs for Women Straight Synthetic Fiber Wigs", "Weighted Blanket for Adults 25lb": naming who
# it is for, the text goes on describing the item (not a fitted item or a use)
FOR_AUDIENCE = re.compile(r"\bfor (?:(?:wo)?m[ae]n(?:'s)?|kids|girls|boys|toddlers?|babies|"
                           r"adults|teens|juniors|ladies|unisex)(?:\s*(?:and|&|/|,)\s*"
                           r"(?:(?:wo)?m[ae]n|kids|girls|boys|toddlers?|adults|teens))*\b",
                           re.IGNORECASE)


def _phrase(pattern: str) -> str:
    """A phrasing as a regex: a hyphen also matches a space or nothing ("bpa free", "bpafree")."""
    return pattern.replace("-", "[- ]?")


def negated(text: str, start: int) -> bool:
    """True when a negation word stands shortly before ``start`` in the same clause."""
    before = text[max(0, start - 40):start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    return bool(_NEGATION.search(before[cut:].lower()))


_WORD_START = re.compile(r"(?<![\w-])[\w\"']")
# a tag is also read after an intensifier's hyphen ("ULTRA-COMFORTABLE", "super-soft"), never
# inside other compounds ("non-slip" is its own phrasing)
_INTENSIFIER = re.compile(r"(?<![\w-])(?:ultra|super|extra|hyper)-(?=\w)", re.IGNORECASE)
_INTENSIFIERS = ("ultra-", "super-", "extra-", "hyper-")
_LEADING_LOOKBEHIND = re.compile(r"^(?:\(\?<[=!][^)]*\))+")


class Matcher:
    """Many phrasing regexes matched fast.

    Each is tried only at word starts whose first two letters it can begin with (one big
    alternation was about ten times slower on long listings).
    """

    def __init__(self, items: tuple[tuple[str, str], ...]) -> None:
        """Compile each (phrasing, canonical) pair and bucket it by its literal prefix."""
        self.buckets: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        self.anywhere: list[tuple[re.Pattern[str], str]] = []
        for pattern, value in items:
            compiled = re.compile(f"(?:{pattern})(?![\\w])", re.IGNORECASE)
            body = _LEADING_LOOKBEHIND.sub("", pattern)
            prefix = re.match(r"[a-z0-9]{2}", body.replace("\\", "").lower())
            if prefix and body[:2].lower() == prefix.group(0):
                self.buckets.setdefault(prefix.group(0), []).append((compiled, value))
            else:
                self.anywhere.append((compiled, value))

    def finditer(self, text: str) -> list[tuple[str, int, int]]:
        """(canonical, start, end) of non-overlapping matches, longest phrasing first."""
        found: list[tuple[str, int, int]] = []
        covered = 0
        words: Iterable[re.Match[str] | int] = _WORD_START.finditer(text)
        if "-" in text and any(p in text.lower() for p in _INTENSIFIERS):  # rare: merge them in
            words = sorted([m.start() for m in _WORD_START.finditer(text)]
                           + [m.end() for m in _INTENSIFIER.finditer(text)])
        for word in words:
            start = word if isinstance(word, int) else word.start()
            if start < covered:
                continue
            candidates = self.buckets.get(text[start:start + 2].lower(), []) + self.anywhere
            for compiled, value in candidates:
                match = compiled.match(text, start)
                if match:
                    found.append((value, start, match.end()))
                    covered = match.end()
                    break
        return found


@lru_cache(maxsize=8)
def matcher(items: tuple[tuple[str, str], ...]) -> Matcher:
    """The compiled :class:`Matcher` for ``items`` (cached)."""
    return Matcher(items)


def find_terms(text: str, items: tuple[tuple[str, str], ...], *,
               not_before: Iterable[str] = (), check_negation: bool = True) -> list[Mention]:
    """Mentions of any phrasing in ``items`` (longest first), skipping negated ones."""
    found: list[Mention] = []
    low = text.lower()
    for value, start, end in matcher(items).finditer(text):
        if any(low.startswith(s, end) for s in not_before):
            continue
        if check_negation and negated(text, start):
            continue
        found.append((value, start, end))
    return found


# "gluten- and sugar-free", "scratch- and peel-resistant", "dishwasher and microwave safe": the
# first word shares the suffix
_SUSPENDED_TAIL = re.compile(r"(?:and|&|or)\s+[A-Za-z]+[- ](?:free|resistant|proof|safe)\b",
                             re.IGNORECASE)
_SUSPENDED = re.compile(r"\b([A-Za-z]+)-?\s*(?:and|&|or)\s+[A-Za-z]+[- ]"
                        r"(free|resistant|proof|safe)\b", re.IGNORECASE)


def suspended_terms(text: str, items: tuple[tuple[str, str], ...]) -> list[Mention]:
    """Tags whose suffix is shared with the next word ("gluten-" of "gluten- and sugar-free")."""
    found: list[Mention] = []
    for tail in _SUSPENDED_TAIL.finditer(text):  # found from the shared suffix backwards
        m = _SUSPENDED.search(text, max(0, tail.start() - 30), tail.end())
        if not m or m.end() != tail.end():
            continue
        phrase = f"{m.group(1)}-{m.group(2)}"
        for value, start, end in matcher(items).finditer(phrase):
            if start == 0 and end == len(phrase) and not negated(text, m.start()):
                found.append((value, m.start(1), m.end(1) + 1))
    return found


# "Contains no dairy, soy, wheat, gluten", "FREE FROM wheat, eggs, gluten": what a listing says
# it holds none of is free of each ("gluten" -> gluten-free)
_FREE_LIST = re.compile(r"\b(?:no|without|free (?:from|of)|contains? no|does not contain)\s+"
                        r"([^.;:!?\n|()\[\]]{0,120})", re.IGNORECASE)


def free_of_terms(text: str, items: tuple[tuple[str, str], ...]) -> list[Mention]:
    """"-free" tags for the things a "no ..."/"free from ..." list names ("no dairy, gluten")."""
    found: list[Mention] = []
    for m in _FREE_LIST.finditer(text):
        at = m.start(1)
        for piece in re.split(r"(,|&|/|\band\b|\bor\b)", m.group(1)):
            words = piece.split()
            if len(words) > 3 or _NOT_LISTED.search(piece):
                break  # "no effect on blood sugar": the list ended at a longer phrase
            name = re.fullmatch(r"\s*(?:(?:added|artificial|any)\s+)?([A-Za-z]+)\s*", piece)
            if name:
                phrase = f"{name.group(1)}-free"
                found.extend((value, at + name.start(1), at + name.end(1))
                             for value, s, e in matcher(items).finditer(phrase)
                             if s == 0 and e == len(phrase))
            at += len(piece)
    return found


# words that end such a list: a verb or preposition starts a phrase about something else
_NOT_LISTED = re.compile(r"\b(?:on|in|to|for|with|that|which|is|are|was|be|needed|effect)\b",
                         re.IGNORECASE)


@lru_cache(maxsize=8)
def feature_items(extra: tuple[str, ...] = ()) -> tuple[tuple[str, str], ...]:
    """(regex phrasing, tag) pairs for every feature, longest phrasing first."""
    from knowledge.extraction.vocab import FEATURES, NO_BARE

    pairs = {(_phrase(tag), tag) for tag in FEATURES if tag not in NO_BARE}
    for tag, phrasings in FEATURES.items():
        pairs.update((_phrase(p), tag) for p in phrasings)
    for tail in extra:  # knowledge tails match as written ("easy-on", not "easy on the eyes")
        if re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)+", tail) and tail not in MATERIALS \
                and tail.replace("-", " ") not in MATERIALS and tail not in FEATURES:
            pairs.add((re.escape(tail), tail.replace(" ", "-")))
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


@lru_cache(maxsize=1)
def material_items() -> tuple[tuple[str, str], ...]:
    """(regex phrasing, material) pairs, longest first (the finder is in materials.py)."""
    pairs = [(re.escape(k).replace(r"\ ", "[ -]"), v) for k, v in MATERIALS.items()]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


def in_headline(text: str, start: int) -> bool:
    """True when ``start`` lies in a bullet's headline.

    That is the words before its first ":" or " - " within 60 characters of the line start
    ("SOFT & COMFY: ..."), or an all-caps word.
    """
    line_start = text.rfind("\n", 0, start) + 1
    head = text[line_start:line_start + 60]
    cut = re.search(r"[:：】|]| [-–—] ", head)
    if cut and start - line_start < cut.start():
        return True
    word = re.match(r"[\w-]+", text[start:])
    return bool(word and word.group(0).isupper() and len(word.group(0)) > 2)


@lru_cache(maxsize=1)
def color_items() -> tuple[tuple[str, str], ...]:
    """(regex phrasing, colour) pairs, longest first."""
    pairs = [(re.escape(k).replace(r"\ ", "[ -]"), v) for k, v in COLORS.items()]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


AMBIGUOUS_COLORS = frozenset({"cream", "clear", "tan"})  # "Hand Cream", "Clear View Cover"


def find_colors(text: str, *, title: bool = False) -> list[Mention]:
    """Basic colour words ("Navy Blue" -> navy, blue) that do not name something else."""
    found = find_terms(text, color_items(), not_before=COLOR_NOT_BEFORE, check_negation=False)
    return [m for m in found if not (title and m[0] in AMBIGUOUS_COLORS)]


# "Mic Stand for Blue Yeti", "Glasses for Red or White Wine": a colour right after "for" names
# what the product is for
_FOR_BEFORE = re.compile(r"\b(?:for|compatible with|fits)\s+(?:(?:the|a|an|your)\s+)?"
                         r"(?:[A-Za-z]+\s+(?:or|and|&)\s+)?$", re.IGNORECASE)


def find_title_colors(title: str, materials: list[Mention]) -> list[Mention]:
    """Colours of the product a title names.

    Not a colour word that makes a known type with its neighbour ("Putting Green"), one inside
    a longer material name ("Sterling Silver", "Blue Steel"), one naming what it is for, or
    one in a list of the other variants offered ("Also Available in Red, Blue and Grey").
    """
    offered = [m.span() for m in _OFFERED_LIST.finditer(title)]
    return [m for m in find_colors(title, title=True)
            if not in_type_phrase(title, m[1], m[2])
            and not any(s <= m[1] < e for s, e in offered)
            and not any(s <= m[1] and m[2] <= e and e - s > m[2] - m[1] for _, s, e in materials)
            and not _FOR_BEFORE.search(title[:m[1]])
            and not (title[m[1]:m[2]].lower() == "multi" and _MULTI_PART.match(title, m[2]))
            and not _NAMED_OR_TASTED.match(title, m[2])]


# "Grey's Anatomy": a name's possessive; "Cherry, Orange & Grape Flavors": a taste
_NAMED_OR_TASTED = re.compile(r"['’]s\b|(?:\s*(?:,|&|and|/)\s*[A-Za-z]+)*\s+flavou?rs?\b",
                              re.IGNORECASE)


# the variants a title offers besides this one: "..., Also Available in Red, Blue, Pink (1 PC)"
_OFFERED_LIST = re.compile(r"\b(?:(?:also )?available|also comes?|also offered|other colou?rs?)"
                           r"(?: in)?\b[^(\[|–—]*", re.IGNORECASE)


# "Multi-Bit", "Multi-Ply", "Multi Pockets", "Multi Vitamin": "multi" names many parts, uses or
# nutrients, and so does one before a count of doses; the colour stands alone ("Navy Multi, 7")
# or before a colour or pattern word
_MULTI_PART = re.compile(r"-(?!colou?r)[A-Za-z]|\s+(?!(?:colou?r|stripe|print|floral|scarf|"
                         r"pattern)|(?:"
                         + "|".join(sorted(map(re.escape, COLORS), key=len, reverse=True))
                         + r")\b)[A-Za-z]"
                         # "Once Daily Multi - 60 Tablets": a multivitamin and its count
                         r"|\s*[-–—,(]?\s*\d+\s*(?:count|ct|tablets?|capsules?|caps|softgels?|"
                         r"gummies|servings?|veg)\b", re.IGNORECASE)


_PREV_WORD = re.compile(r"([A-Za-z][\w'’-]*)\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def in_type_phrase(text: str, start: int, end: int) -> bool:
    """True when the word at ``[start, end)`` makes a known two-word type with a neighbour.

    "Putting Green", "Black Light", "Green Tea": the word names the item, not its colour.
    """
    lexicon = type_lexicon()
    word = singular(text[start:end].lower())
    before = _PREV_WORD.search(text[max(0, start - 30):start])
    after = _NEXT_WORD.match(text, end)
    return bool((before and (singular(before.group(1).lower()), word) in lexicon)
                or (after and (word, singular(after.group(1).lower())) in lexicon))

