"""Ranking features for one query's candidates (the same code at training and serving).

Continuous signals are normalised per query (min-max over the candidates), so a model
trained on one catalogue reads another's scores on the same scale. A feature that does not
apply (no brand on the product, no colour in the query) is NaN, which LightGBM treats as
missing rather than as zero.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from knowledge.ranking.fields import FIELDS, FieldDoc, FieldIndex, audiences_named
from knowledge.ranking.matches import MATCHES, match_columns
from knowledge.text import stem, tokens

FEATURES = (
    "bm25_norm", "bm25_rank", "cosine", "cosine_norm", "cosine_rank", "rrf", "hybrid",
    "hybrid_rank",
    *(f"bm25_{f}_norm" for f in FIELDS),
    *MATCHES,
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


def _minmax_columns(x: np.ndarray) -> np.ndarray:
    """:func:`_minmax` of every column of ``x`` at once (the same figures)."""
    finite = np.isfinite(x)
    lo = np.where(finite, x, np.inf).min(axis=0)
    hi = np.where(finite, x, -np.inf).max(axis=0)
    flat = ~(hi - lo >= 1e-12)  # also a column with no finite value (inf - inf)
    out = (x - lo) / np.where(flat, 1.0, hi - lo)
    out[:, flat] = np.where(finite[:, flat], 0.0, np.nan)
    return np.asarray(out)


def _rank_recips(x: np.ndarray) -> np.ndarray:
    """:func:`_rank_recip` of every column of ``x`` at once."""
    filled = np.where(np.isfinite(x), x, -np.inf)
    order = np.argsort(-filled, axis=0, kind="stable")
    ranks = np.empty(x.shape)
    np.put_along_axis(ranks, order, np.arange(len(x), dtype=float)[:, None], axis=0)
    return np.asarray(1.0 / (1.0 + ranks))


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
    if not n:
        return np.zeros((0, len(FEATURES)))
    bm25 = np.asarray(bm25, dtype=float)
    cosine = np.asarray(cosine, dtype=float)
    hybrid = hybrid_fusion(bm25, cosine)
    rb, rd, rh = _rank_recips(np.column_stack([bm25, cosine, hybrid])).T
    rrf = 1.0 / (RRF_K + 1.0 / rb) + 1.0 / (RRF_K + 1.0 / rd)
    scaled = _minmax_columns(np.column_stack([
        bm25, cosine, hybrid, fields.bm25_table(list(q.positive), docs),
        np.asarray(popularity, dtype=float)]))
    idf = {t: fields.idf(t) for t in dict.fromkeys(q.positive)}  # query order: same sums
    named = {d.brand for d in docs if d.brand and set(d.brand) <= set(q.tokens)}
    x = np.empty((n, len(FEATURES)))
    x[:, :8] = np.column_stack([scaled[:, 0], rb, cosine, scaled[:, 1], rd, rrf, scaled[:, 2],
                                rh])
    end = 8 + len(FIELDS)
    x[:, 8:end] = scaled[:, 3:3 + len(FIELDS)]
    x[:, end:end + len(MATCHES)] = match_columns(q, docs, idf, named)
    end += len(MATCHES)
    x[:, end] = centroid_cosine(vectors, rrf)
    x[:, end + 1] = np.nan if knowledge is None else np.asarray(knowledge, dtype=float)
    x[:, end + 2] = scaled[:, -1]
    x[:, end + 3] = float(len(q.positive))
    x[:, end + 4] = [float(len(d.title)) for d in docs]
    return x
