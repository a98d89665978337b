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


def _says_without(text: str, term: str) -> bool:
    """The product text states it lacks ``term`` ("no straw", "BPA-free", "without lid").

    Every wording names the term itself, so the pattern is tried only around each place
    the term occurs: from three words before it to the word after it (a "without",
    "free of", one word between; a "-free" or "less" after), never over the whole text.
    """
    at = text.find(term)
    if at < 0:
        return False
    pattern = _lacking(term)
    while at >= 0:
        if pattern.search(text, _words_before(text, at, 3),
                          _word_after(text, at + len(term))) is not None:
            return True
        at = text.find(term, at + 1)
    return False


def _words_before(text: str, at: int, words: int) -> int:
    """Where the ``words`` letter-runs (with their spaces or hyphens) before ``at`` start."""
    for _ in range(words):
        while at > 0 and (text[at - 1].isspace() or text[at - 1] == "-"):
            at -= 1
        while at > 0 and "a" <= text[at - 1] <= "z":
            at -= 1
    return at


def _word_after(text: str, at: int) -> int:
    """One past the end of the letters at ``at``, a space or hyphen and the next letters.

    One character more is included, so a word boundary at the end reads the real text.
    """
    end = len(text)
    while at < end and "a" <= text[at] <= "z":
        at += 1
    if at < end and (text[at].isspace() or text[at] == "-"):
        at += 1
    while at < end and "a" <= text[at] <= "z":
        at += 1
    return min(end, at + 1)


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
