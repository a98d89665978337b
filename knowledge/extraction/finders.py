"""Finders: each scans one field's text and returns (value, start, end) mentions.

Features and materials are found anywhere (title, bullets, description) unless negated in
their clause ("not waterproof", "no batteries"); audiences in the title, or after "for" in
the other fields, never in a warning or gift sentence; colours in the title and the colour
field; sizes in the title, or after a size cue ("capacity", "length:") elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from knowledge.extraction.vocab import (
    COLOR_NOT_BEFORE,
    COLORS,
    MATERIAL_NOT_BEFORE,
    MATERIALS,
)

Mention = tuple[str, int, int]
# "non-" or "no-" joined to a word negates that word only: "non-slip rubber" is rubber,
# "No Show Socks Cotton" is cotton, "non-latex" is no latex
_NEGATION = re.compile(r"\b(?:not|no|never|isn't|aren't|don't|doesn't|without|nor|cannot|can't|"
                       r"free (?:from|of))(?![\w-])[\s\w/-]{0,24}$|\bnon?[- ]?$")
_CLAUSE_END = re.compile(r"[.;!?\n•|:()\[\]【】]")


def _phrase(pattern: str) -> str:
    """A phrasing as a regex: a hyphen also matches a space or nothing ("bpa free", "bpafree")."""
    return pattern.replace("-", "[- ]?")


def negated(text: str, start: int) -> bool:
    """True when a negation word stands shortly before ``start`` in the same clause."""
    before = text[max(0, start - 40):start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    return bool(_NEGATION.search(before[cut:].lower()))


_WORD_START = re.compile(r"(?<![\w-])[\w\"']")
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
        for word in _WORD_START.finditer(text):
            start = word.start()
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


# "gluten- and sugar-free", "scratch- and peel-resistant": the first word shares the suffix
_SUSPENDED = re.compile(r"\b([A-Za-z]+)-\s*(?:and|&|or)\s+[A-Za-z]+-(free|resistant|proof|safe)\b",
                        re.IGNORECASE)


def suspended_terms(text: str, items: tuple[tuple[str, str], ...]) -> list[Mention]:
    """Tags whose suffix is shared with the next word ("gluten-" of "gluten- and sugar-free")."""
    found: list[Mention] = []
    for m in _SUSPENDED.finditer(text):
        phrase = f"{m.group(1)}-{m.group(2)}"
        for value, start, end in matcher(items).finditer(phrase):
            if start == 0 and end == len(phrase) and not negated(text, m.start()):
                found.append((value, m.start(1), m.end(1) + 1))
    return found


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
    """(regex phrasing, material) pairs, longest first."""
    pairs = [(re.escape(k).replace(r"\ ", "[ -]"), v) for k, v in MATERIALS.items()]
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p)))


# a title material named after "for"/"by" in the same part describes what it is for or who made it
_AFTER_FOR = re.compile(r"\b(?:for|compatible with|fits|by)\b(?:(?! - |[|(\[]).)*$", re.IGNORECASE)
_STRONG_CUE = re.compile(r"made (?:of|from|with)|material|fabric|construct|crafted|composed",
                         re.IGNORECASE)
_MATERIAL_CUE = re.compile(r"made|material|fabric|construct|crafted|upper|lining|lined|sole|"
                           r"frame|handle|shell|cover|composed|woven|blade|filled|filling|"
                           r"genuine|premium|solid|body|bristle", re.IGNORECASE)


# "poly" names polyester in a fabric line ("60% Cotton/40% Poly", "poly blend"), elsewhere it
# is a word part or a product name ("Poly Nail Gel Kit")
_FABRIC_MIX = re.compile(r"%|\bblend|\bcotton|\bfabric|\bspandex|\brayon|\bfibers?\b",
                         re.IGNORECASE)


def _clause(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right = _CLAUSE_END.search(text, end)
    return text[left:right.start() if right else len(text)]


# minerals a supplement lists ("folate, iron, biotin", "45mg Iron"), not what it is made of
NUTRIENTS = frozenset({"iron", "copper", "zinc alloy", "silver", "gold"})
_NUTRITION = re.compile(r"\b(?:\d+\s*(?:mg|mcg|iu)|vitamins?|minerals?|folate|biotin|supplements?|"
                        r"multivitamins?|nutrients?|capsules?|tablets?|calcium|magnesium)\b",
                        re.IGNORECASE)


def find_materials(text: str, *, title: bool = True) -> list[Mention]:
    """Materials named in ``text`` (not "-free", not "for glass surfaces", not negated).

    Outside a title only in a clause about what it is made of ("100% cotton", "rubber sole").
    """
    from knowledge.extraction.vocab import WEAK_MATERIALS

    found = find_terms(text, material_items(), not_before=MATERIAL_NOT_BEFORE)
    if not title and len(found) >= 4:
        found = [m for m in found if not _surface_list(text, m, found)]
    return [m for m in found
            if not (m[0] in NUTRIENTS and _NUTRITION.search(_clause(text, m[1], m[2])))
            and not (text[m[1]:m[2]].lower() == "poly" and not _FABRIC_MIX.search(
                _clause(text, m[1], m[2])))
            and not re.search(r"\bfor (?:\w+ ){0,2}$", text[:m[1]].lower()[-25:])
            and not (title and _AFTER_FOR.search(text[:m[1]]))
            and (title or _bare_line(text, m[1], m[2]) or _share(text, m[1], m[2])
                 or (_STRONG_CUE if m[0] in WEAK_MATERIALS else _MATERIAL_CUE)
                 .search(_clause(text, m[1], m[2])))]


# a share of the fabric: "80% cotton", "100% Food Grade Silicone", "Cotton 60%"; not a
# percent about something else in the clause ("not 100% satisfied with the Iron Flask")
_SHARE_BEFORE = re.compile(r"\d\s*%(?:\s*(?!(?:with|the|for|and|to|in|on|by|from|that)\b)"
                           r"[A-Za-z-]+){0,3}\s*$", re.IGNORECASE)
_SHARE_AFTER = re.compile(r"\s*\d+(?:\.\d+)?\s*%")


# "Material: copper semi-metal brake pad": the field's label before a colon names it
_LABELLED = re.compile(r"\b(?:materials?|fabric|composition)\s*[:：]\s*"
                       r"(?:[A-Za-z-]+\s*[+/,&]?\s*){0,2}$", re.IGNORECASE)


def _share(text: str, start: int, end: int) -> bool:
    """True when a percentage ("95% Polyester") or a "Material:" label stands by the material."""
    before = text[max(0, start - 40):start]
    return bool(_SHARE_BEFORE.search(before) or _LABELLED.search(before)
                or _SHARE_AFTER.match(text, end))


_MADE_OF = re.compile(r"made (?:of|from|with)|composed of|constructed (?:of|from)",
                      re.IGNORECASE)


def _surface_list(text: str, mention: Mention, found: list[Mention]) -> bool:
    """True when ``mention`` is one of four or more materials listed in one clause without "%".

    "prints on woven fabric, metal, paper, plastic, wood, glass": the surfaces it works on,
    not what it is made of ("95% polyester, 5% spandex" keeps its "%").
    """
    clause = _clause(text, mention[1], mention[2])
    left = text.find(clause, max(0, mention[1] - len(clause)))
    inside = {v for v, s, e in found if left <= s and e <= left + len(clause)}
    # "Made of PVC/polyester/cotton/polyurethane" says what it is made of
    return len(inside) >= 4 and "%" not in clause and not _MADE_OF.search(clause)


def _bare_line(text: str, start: int, end: int) -> bool:
    """True when a short bullet ends with this material ("Smooth faux leather", "Cowhide").

    Not "Nylon zippers.": there the material names a part.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return (len(text[line_start:line_end].split()) <= 3
            and not re.search(r"\w", text[end:line_end]))


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
