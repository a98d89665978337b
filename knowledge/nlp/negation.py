"""Negations as exclusions: "not leather", "no plastic", "without straw", "vegan only".

:func:`find_exclusions` reads what a shopper does NOT want; :func:`mentions` tells whether a
product text mentions a term positively, so a filter can drop "genuine leather" for
"not leather" but keep "leather-free", "faux leather" or "no leather".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

ANIMAL = ("leather", "suede", "wool", "silk", "goose down", "duck down", "fur", "cashmere",
          "shearling", "feather", "mohair", "angora", "alpaca")
_TRIGGER = re.compile(
    r"\b(?:not?|without|w/o|anything but|any(?:thing)? other than|other than|except(?: for)?|"
    r"but not|excluding|exclude|avoid(?:ing)?|minus|nothing (?:made )?(?:of|in|with)|"
    r"(?:do not|don'?t|dont) (?:want|like|need)(?: any)?|allergic to|hate|free of|"
    r"free from|(?:does|do)n'?t (?:have|contain))\s+", re.I)
_FREE = re.compile(r"\b([a-z]+)[\s-]free\b", re.I)
_FREE_OK = frozenset("""bpa gluten sugar dairy lactose nut peanut soy alcohol fragrance
scent paraben parabens sulfate sulfates phthalate latex lead nickel plastic leather pvc
formaldehyde wool caffeine fluoride silicone cotton feather down fur""".split())
_SKIP = frozenset("""more less over under above below than too very so longer later cheaper
higher lower bigger smaller problem worries worry thanks thank idea one thing need matter
budget price limit rush hurry preference way sure big deal really much many a an the any
more sure just only quite interested good bad expensive pricey cheap that this it them
those these i me my you we they please what which who how when where why really
rather yet at all longer lot of in on for to with and or but is are be was want like
need have care mind fan nothing none anything everything something
""".split())
_WORD = re.compile(r"[a-z][a-z'&-]*", re.I)
_JOINER = re.compile(r"\s*(?:,\s*(?:or|nor|and)\b|,(?=[a-z' ,-]*\b(?:or|nor)\b)|/|or|nor|and)"
                     r"\s*(?:no\s+|not\s+)?")
_NEGATOR_BEFORE = re.compile(
    r"(?:\bno|\bnot|\bnon|\bwithout|\bfree (?:of|from)|\bfaux|\bvegan|\bsynthetic|\bimitation|"
    r"\bfake|\bpu|\bartificial|\bzero|\bw/o|\bnever|\bexcept|\bother than|\balternative to"
    r")(?:[\s-]+[a-z]+)?[\s-]*$")
_FREE_AFTER = re.compile(r"[\s-]*(?:free|alternative)\b")


@dataclass(frozen=True)
class Exclusion:
    """One thing the shopper does not want, and where it was said."""

    term: str
    start: int
    end: int


def find_exclusions(text: str, known: Collection[str] = ()) -> list[Exclusion]:
    """Terms the shopper excludes; ``known``: lower-case catalogue terms (phrases kept whole)."""
    low = text.lower()
    vocab = known if isinstance(known, (set, frozenset)) else {k.lower() for k in known}
    out: list[Exclusion] = []
    for m in _TRIGGER.finditer(low):
        out.extend(_terms_after(low, m.start(), m.end(), vocab))
    for m in _FREE.finditer(low):
        if m.group(1) in _FREE_OK:
            out.append(Exclusion(m.group(1), m.start(), m.end()))
    for m in re.finditer(r"\bvegan\b(?![\s-]+leather)", low):
        out.extend(Exclusion(term, m.start(), m.end()) for term in ANIMAL)
    seen: set[str] = set()
    return [e for e in sorted(out, key=lambda e: e.start)
            if not (e.term in seen or seen.add(e.term))]  # type: ignore[func-returns-value]


def _terms_after(low: str, trigger_start: int, pos: int,
                 vocab: Collection[str]) -> list[Exclusion]:
    """The term (or "x, y or z" list of terms) right after a negation trigger."""
    out: list[Exclusion] = []
    known_only = False
    while True:
        term = _term_at(low, pos, vocab)
        if term is None or (known_only and not _known(low[term[0]:term[1]], vocab)):
            return out
        start, end = (trigger_start, term[1]) if not out else (term[0], term[1])
        out.append(Exclusion(low[term[0]:term[1]], start, end))
        joiner = _JOINER.match(low, term[1])
        if joiner is None:
            return out
        known_only = "," in joiner.group(0) or "/" in joiner.group(0)
        pos = joiner.end()


def _term_at(low: str, pos: int, vocab: Collection[str]) -> tuple[int, int] | None:
    """The known phrase (up to four words) or the single word that starts at ``pos``."""
    words = list(islice(_WORD.finditer(low, pos), 4))
    if not words or words[0].start() != pos:
        return None
    for n in range(len(words), 1, -1):
        if all(low[a.end():b.start()] == " " for a, b in zip(words[:n], words[1:n], strict=False)):
            if low[pos:words[n - 1].end()] in vocab:
                return pos, words[n - 1].end()
    first = words[0]
    if first.group(0).strip("'-") in _SKIP or len(first.group(0)) < 2:
        return None
    return first.start(), first.end()


def _known(term: str, vocab: Collection[str]) -> bool:
    """A word after a comma continues the list only when it is a known attribute word."""
    from knowledge.nlp.lexicon import BASE_COLORS, BASE_MATERIALS

    return term in BASE_COLORS or term in BASE_MATERIALS or term in vocab or term in ANIMAL


@lru_cache(maxsize=512)
def _term_pattern(term: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in term.lower().split()]
    body = r"[\s-]+".join(parts)
    return re.compile(rf"(?<![a-z0-9]){body}(?:s|es)?(?![a-z0-9])")


def mentions(text: str, term: str) -> bool:
    """True when lower-case ``text`` mentions ``term`` other than negated ("leather-free")."""
    for m in _term_pattern(term).finditer(text):
        before = text[max(0, m.start() - 30):m.start()]
        if _NEGATOR_BEFORE.search(before) or _FREE_AFTER.match(text, m.end()):
            continue
        return True
    return False
