"""The ranker's match features of one query's candidates (words, phrase, type, brand, lacks).

Which query words a listing has and where, phrase and bigram hits, type / brand / colour /
size agreement, and what the listing says it lacks.

The words are compared as sets (product sets made once at indexing, see
:func:`knowledge.ranking.fields.field_doc`); the per-word sums are arrays over the candidates.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from knowledge.ranking.fields import FieldDoc

if TYPE_CHECKING:
    from knowledge.ranking.features import QueryParts

MATCHES = ("title_coverage", "coverage", "idf_title_coverage", "idf_missing", "phrase_title",
           "bigram_title", "type_match", "brand_match", "other_brand_named", "audience_clash",
           "color_match", "size_match", "negated_hit", "states_without")


@lru_cache(maxsize=512)
def _lacking(term: str) -> re.Pattern[str]:
    t = re.escape(term)
    return re.compile(rf"\b(?:without|no|non|not|zero|free of|free from)[\s-]+"
                      rf"(?:[a-z]+\s+)?{t}|\b{t}[a-z]*[\s-]?(?:free|less)\b|"
                      rf"\b(?:un|non-?){t}")


_NEGATORS = ("without", "no", "non", "not", "zero", "free of", "free from")


@lru_cache(maxsize=512)
def _lacking_fast(term: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_lacking` as two patterns that each begin with the term itself.

    A pattern that starts with a literal is searched for that literal first (fast), so:
    "BPA-free" / "strawless" forward, and "no straw" / "non-slip" on the reversed text (a
    regular pattern matches a text exactly when its reversal matches the reversed text;
    a word boundary reads the same both ways).
    """
    t, r = re.escape(term), re.escape(term[::-1])
    ahead = re.compile(rf"{t}(?<=\b{t})[a-z]*[\s-]?(?:free|less)\b")
    negators = "|".join(re.escape(n[::-1]) for n in _NEGATORS)
    behind = re.compile(rf"{r}(?:(?:\s+[a-z]+)?[\s-]+(?:{negators})|nu|-?non)\b")
    return ahead, behind


def _says_without(text: str, term: str) -> bool:
    """The product text states it lacks ``term`` ("no straw", "BPA-free", "without lid")."""
    if term not in text:  # every wording names the term itself
        return False
    ahead, behind = _lacking_fast(term)
    return ahead.search(text) is not None or behind.search(text[::-1]) is not None


def _contains(seq: tuple[str, ...], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return n > 0 and any(seq[i:i + n] == sub for i in range(len(seq) - n + 1))


def match_columns(q: QueryParts, docs: list[FieldDoc], idf: dict[str, float],
                  named_brands: set[tuple[str, ...]]) -> np.ndarray:
    """The ``(len(docs), len(MATCHES))`` match features (NaN where one does not apply).

    ``idf``: the title IDF of each distinct wanted word of the query; ``named_brands``: the
    candidates' brands the query names.
    """
    n = len(docs)
    out = np.full((n, len(MATCHES)), np.nan)
    if not n:
        return out
    words = list(idf)
    out[:, 0:4] = 0.0
    if words:
        weight = np.array([idf[t] for t in words])
        total = sum(idf.values()) or 1.0
        in_title = np.array([[t in d.title_set for t in words] for d in docs], dtype=bool)
        in_any = np.array([[t in d.every for t in words] for d in docs], dtype=bool)
        out[:, 0] = in_title.sum(axis=1) / len(words)
        out[:, 1] = in_any.sum(axis=1) / len(words)
        out[:, 2] = (in_title * weight).sum(axis=1) / total
        out[:, 3] = (~in_any * weight).sum(axis=1) / total
        if len(q.positive) > 1:
            whole: np.ndarray = np.asarray(in_title.all(axis=1))
            out[:, 4] = [float(bool(whole[i]) and _contains(d.title, q.positive))
                         for i, d in enumerate(docs)]
    bigrams = tuple(zip(q.positive, q.positive[1:], strict=False))
    if bigrams:
        out[:, 5] = [sum(b in d.title_bigrams for b in bigrams) / len(bigrams) for d in docs]
    said = frozenset(q.tokens)
    out[:, 6] = [float(said.issuperset(d.kind)) if d.kind else np.nan for d in docs]
    out[:, 7] = [float(said.issuperset(d.brand)) if d.brand else np.nan for d in docs]
    if named_brands:
        out[:, 8] = [float(d.brand not in named_brands) for d in docs]
    if q.audiences:
        out[:, 9] = [float(bool(d.audiences) and not (d.audiences & q.audiences)) for d in docs]
    if q.colors:
        out[:, 10] = [float(any(c in d.color or c in d.raw for c in q.colors)) for d in docs]
    if q.sizes:
        out[:, 11] = [sum(s in d.every for s in q.sizes) / len(q.sizes) for d in docs]
    if q.excluded:
        lacks = [any(_says_without(d.raw, x) for x in q.excluded) for d in docs]
        out[:, 13] = lacks
        out[:, 12] = [float(not lack and any(x in d.title_set or x in d.bullet_set
                                             for x in q.excluded))
                      for lack, d in zip(lacks, docs, strict=True)]
    return out
