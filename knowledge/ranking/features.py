"""Ranking features for one query's candidates (the same code at training and serving).

Continuous signals are normalised per query (min-max over the candidates), so a model
trained on one catalogue reads another's scores on the same scale. A feature that does not
apply (no brand on the product, no colour in the query) is NaN, which LightGBM treats as
missing rather than as zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from knowledge.ranking.fields import FIELDS, FieldDoc, FieldIndex, audiences_named
from knowledge.text import stem, tokens

FEATURES = (
    "bm25_norm", "bm25_rank", "cosine", "cosine_norm", "cosine_rank", "rrf", "hybrid",
    "hybrid_rank",
    *(f"bm25_{f}_norm" for f in FIELDS),
    "title_coverage", "coverage", "idf_title_coverage", "idf_missing", "phrase_title",
    "bigram_title",
    "type_match", "brand_match", "other_brand_named", "audience_clash", "color_match",
    "size_match", "negated_hit", "states_without",
    "centroid_cosine", "knowledge", "popularity_norm", "query_tokens", "title_tokens",
)
COLORS = frozenset("""black white grey gray navy blue red green pink beige brown purple yellow
orange gold silver ivory cream teal tan khaki burgundy maroon olive charcoal turquoise coral
lavender mint clear multicolor""".split())
SIZE_WORDS = frozenset("""xs s m l xl xxl xxxl 2xl 3xl small medium large queen king twin full
petite plus tall wide narrow oz ml inch inches ft cm mm gallon quart pint pack count lb""".split())
_NEGATION = re.compile(r"\b(?:without|no|not|non|free of|except)\s+(?:any\s+)?([a-z][a-z-]+)")
RRF_K = 60.0
PRF_TOP = 5


@dataclass(frozen=True)
class QueryParts:
    """A query read once: its tokens, the words it excludes, colours and size tokens."""

    text: str
    tokens: tuple[str, ...]
    positive: tuple[str, ...]
    excluded: tuple[str, ...]
    colors: tuple[str, ...]
    sizes: tuple[str, ...]
    audiences: frozenset[str]


def read_query(text: str) -> QueryParts:
    """Split a query into what it wants, what it excludes, colours and sizes."""
    low = text.lower()
    excluded = tuple(stem(w) for w in _NEGATION.findall(low))
    toks = tuple(tokens(low))
    positive = tuple(t for t in toks if t not in excluded and t not in ("without", "not", "non"))
    words = re.findall(r"[a-z0-9/.]+", low)
    colors = tuple(w for w in words if w in COLORS)
    sizes = tuple(t for t in toks if any(c.isdigit() for c in t) or t in SIZE_WORDS)
    audiences = audiences_named(low)
    return QueryParts(text, toks, positive, excluded, colors, sizes, audiences)


def _minmax(x: np.ndarray) -> np.ndarray:
    finite = np.isfinite(x)
    if not finite.any():
        return np.full_like(x, np.nan)
    lo, hi = float(x[finite].min()), float(x[finite].max())
    if hi - lo < 1e-12:
        return np.where(finite, 0.0, np.nan)
    return (x - lo) / (hi - lo)


def _rank_recip(x: np.ndarray) -> np.ndarray:
    filled = np.where(np.isfinite(x), x, -np.inf)
    order = np.argsort(-filled, kind="stable")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(len(x))
    return 1.0 / (1.0 + ranks)


def hybrid_fusion(bm25: np.ndarray, cosine: np.ndarray) -> np.ndarray:
    """The candidates' fused score as hybrid search computes it (``SearchEngine.search``).

    Reciprocal-rank fusion of the BM25 order and the dense order, where (as in search) only
    candidates with a positive BM25 score are in the BM25 list: a candidate no query word
    matched gets the dense term alone.
    """
    out = np.zeros(len(bm25))
    order = np.argsort(-bm25, kind="stable")
    matched = order[bm25[order] > 0]  # best first: the positive scores lead a descending sort
    out[matched] += 1.0 / (RRF_K + np.arange(len(matched)) + 1)
    dense = np.where(np.isfinite(cosine), cosine, -np.inf)
    order = np.argsort(-dense, kind="stable")
    known = np.isfinite(dense[order])
    out[order[known]] += 1.0 / (RRF_K + np.flatnonzero(known) + 1)
    return out


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


@dataclass(frozen=True)
class _Wanted:
    """What every candidate of one query is compared with, worked out once per query."""

    query: QueryParts
    want: frozenset[str]
    idf: dict[str, float]
    total: float
    bigrams: tuple[tuple[str, str], ...]
    tokens: frozenset[str]
    named_brands: frozenset[tuple[str, ...]]


def _wanted(q: QueryParts, idf: dict[str, float], named_brands: set[tuple[str, ...]]) -> _Wanted:
    return _Wanted(q, frozenset(q.positive), idf, sum(idf.values()) or 1.0,
                   tuple(zip(q.positive, q.positive[1:], strict=False)), frozenset(q.tokens),
                   frozenset(named_brands))


def _match_row(w: _Wanted, doc: FieldDoc) -> list[float]:
    q, want = w.query, w.want
    title, every = doc.title_set, doc.every
    in_title = want & title
    coverage_title = len(in_title) / len(want) if want else 0.0
    coverage = len(want & every) / len(want) if want else 0.0
    idf_title = sum(w.idf[t] for t in in_title) / w.total
    idf_missing = sum(w.idf[t] for t in want - every) / w.total
    phrase = (float(want <= title and _contains(doc.title, q.positive))
              if len(q.positive) > 1 else np.nan)
    bigram = (sum(b in doc.title_bigrams for b in w.bigrams) / len(w.bigrams) if w.bigrams
              else np.nan)
    kind = float(w.tokens.issuperset(doc.kind)) if doc.kind else np.nan
    brand = float(w.tokens.issuperset(doc.brand)) if doc.brand else np.nan
    other_brand = float(doc.brand not in w.named_brands) if w.named_brands else np.nan
    title_aud = doc.audiences
    clash = (float(bool(title_aud) and not (title_aud & q.audiences)) if q.audiences
             else np.nan)
    color = (float(any(c in doc.color or c in doc.raw for c in q.colors)) if q.colors
             else np.nan)
    size = (sum(s in every for s in q.sizes) / len(q.sizes)) if q.sizes else np.nan
    negated, lacks = np.nan, np.nan
    if q.excluded:
        lacks = float(any(_says_without(doc.raw, x) for x in q.excluded))
        negated = float(not lacks and any(x in title or x in doc.bullet_set
                                          for x in q.excluded))
    return [coverage_title, coverage, idf_title, idf_missing, phrase, bigram, kind, brand,
            other_brand, clash, color, size, negated, lacks]


def centroid_cosine(vectors: np.ndarray | None, rrf: np.ndarray, top: int = PRF_TOP) -> np.ndarray:
    """Cosine of each candidate to the mean vector of the ``top`` candidates by RRF.

    Pseudo-relevance feedback: products like the bulk of the best candidates are more often
    exact matches than outliers that one signal liked.
    """
    if vectors is None or not len(vectors):
        return np.full(len(rrf), np.nan)
    ok = np.isfinite(vectors).all(axis=1)
    order = np.argsort(-rrf, kind="stable")
    best = order[ok[order]][:top]
    if not len(best):
        return np.full(len(rrf), np.nan)
    centre = vectors[best].mean(axis=0)
    centre /= max(1e-9, float(np.linalg.norm(centre)))
    if ok.all():
        return np.asarray(vectors @ centre, dtype=float)
    return np.where(ok, np.nan_to_num(vectors) @ centre, np.nan)


def candidate_features(query: str, docs: list[FieldDoc], fields: FieldIndex, bm25: np.ndarray,
                       cosine: np.ndarray, popularity: np.ndarray,
                       knowledge: np.ndarray | None,
                       vectors: np.ndarray | None = None) -> np.ndarray:
    """The ``(len(docs), len(FEATURES))`` feature matrix of one query's candidates.

    ``vectors``: the candidates' embeddings (rows of NaN where unknown), for the centroid.
    """
    q = read_query(query)
    n = len(docs)
    bm25 = np.asarray(bm25, dtype=float)
    cosine = np.asarray(cosine, dtype=float)
    rb, rd = _rank_recip(bm25), _rank_recip(cosine)
    rrf = 1.0 / (RRF_K + 1.0 / rb) + 1.0 / (RRF_K + 1.0 / rd)
    table = fields.bm25_table(list(q.positive), docs)
    per_field = [_minmax(table[:, j]) for j in range(len(FIELDS))]
    idf = {t: fields.idf(t) for t in set(q.positive)}
    named = {d.brand for d in docs if d.brand and set(d.brand) <= set(q.tokens)}
    wanted = _wanted(q, idf, named)
    matches = np.array([_match_row(wanted, d) for d in docs], dtype=float).reshape(n, 14)
    know = (np.asarray(knowledge, dtype=float) if knowledge is not None
            else np.full(n, np.nan))
    hybrid = hybrid_fusion(bm25, cosine)
    columns = [_minmax(bm25), rb, cosine, _minmax(cosine), rd, rrf, _minmax(hybrid),
               _rank_recip(hybrid), *per_field,
               *matches.T, centroid_cosine(vectors, rrf), know,
               _minmax(np.asarray(popularity, dtype=float)),
               np.full(n, float(len(q.positive))),
               np.array([float(len(d.title)) for d in docs])]
    return np.column_stack(columns) if n else np.zeros((0, len(FEATURES)))
