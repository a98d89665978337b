"""Evaluation metrics as plain functions: ranking (nDCG, recall, MRR), set and span F1, percentiles.

Every function takes plain Python values (ids, labels, spans, numbers) and returns a float
or a small tuple, so suites, tests and notebooks use them alike.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from typing import NamedTuple, TypeVar

T = TypeVar("T", bound=Hashable)

ESCI_GAINS: dict[str, float] = {"E": 1.0, "S": 0.1, "C": 0.01, "I": 0.0}
"""Graded gains of the ESCI labels (the KDD Cup 2022 task 1 weights)."""


class PRF(NamedTuple):
    """Precision, recall and F1 of one comparison."""

    precision: float
    recall: float
    f1: float


def dcg(gains: Sequence[float]) -> float:
    """Discounted cumulative gain of gains listed in rank order (linear gain, log2 discount)."""
    return sum(g / math.log2(rank + 2) for rank, g in enumerate(gains))


def ndcg_at_k(ranked: Sequence[T], gains: Mapping[T, float], k: int) -> float:
    """nDCG@k of a ranking; unjudged items gain 0; the ideal DCG comes from the judged gains.

    Returns 0.0 when no judged item has a positive gain (nothing could be ranked well).
    """
    if k <= 0:
        raise ValueError(f"k must be positive, got {k}")
    ideal = dcg(sorted(gains.values(), reverse=True)[:k])
    if ideal <= 0:
        return 0.0
    return dcg([gains.get(item, 0.0) for item in ranked[:k]]) / ideal


def esci_gains(labels: Mapping[T, str]) -> dict[T, float]:
    """Map ``{item: ESCI label}`` to ``{item: gain}``; an unknown label raises ValueError."""
    out: dict[T, float] = {}
    for item, label in labels.items():
        if label not in ESCI_GAINS:
            raise ValueError(f"unknown ESCI label {label!r} for {item!r} (expected E, S, C or I)")
        out[item] = ESCI_GAINS[label]
    return out


def recall_at_k(ranked: Sequence[Hashable], relevant: Collection[Hashable], k: int) -> float:
    """Share of the relevant items found in the top ``k``; 0.0 when nothing is relevant."""
    if k <= 0:
        raise ValueError(f"k must be positive, got {k}")
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & set(relevant)) / len(set(relevant))


def reciprocal_rank(ranked: Sequence[Hashable], relevant: Collection[Hashable]) -> float:
    """1 / rank of the first relevant item (rank counted from 1); 0.0 if none is ranked."""
    wanted = set(relevant)
    for rank, item in enumerate(ranked, start=1):
        if item in wanted:
            return 1.0 / rank
    return 0.0


def mrr(rankings: Sequence[Sequence[Hashable]], relevant: Sequence[Collection[Hashable]]) -> float:
    """Mean reciprocal rank over queries (one ranking and one relevant set per query)."""
    if len(rankings) != len(relevant):
        raise ValueError(f"{len(rankings)} rankings but {len(relevant)} relevant sets")
    if not rankings:
        raise ValueError("mrr of no queries")
    return sum(reciprocal_rank(r, s) for r, s in zip(rankings, relevant, strict=True)) / len(
        rankings
    )


def precision_recall_f1(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    """Set precision, recall and F1; an empty side scores 0 (both empty scores 1.0)."""
    pred, true = set(predicted), set(gold)
    if not pred and not true:
        return PRF(1.0, 1.0, 1.0)
    hits = len(pred & true)
    precision = hits / len(pred) if pred else 0.0
    recall = hits / len(true) if true else 0.0
    return PRF(precision, recall, _f1(precision, recall))


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def span_f1(predicted: Iterable[tuple[int, int, str]], gold: Iterable[tuple[int, int, str]]) -> PRF:
    """Exact-match span F1: a span ``(start, end, label)`` counts only if all three match."""
    return precision_recall_f1(predicted, gold)


_TOKEN = re.compile(r"\w+")


def text_tokens(text: str) -> list[str]:
    """Lowercase word tokens, the unit of :func:`token_f1`."""
    return _TOKEN.findall(text.lower())


def token_f1(predicted: str, gold: str) -> PRF:
    """Token-overlap F1 of two texts (SQuAD style, repeated tokens counted with multiplicity)."""
    pred, true = Counter(text_tokens(predicted)), Counter(text_tokens(gold))
    if not pred and not true:
        return PRF(1.0, 1.0, 1.0)
    common = sum((pred & true).values())
    if not common:
        return PRF(0.0, 0.0, 0.0)
    precision, recall = common / sum(pred.values()), common / sum(true.values())
    return PRF(precision, recall, _f1(precision, recall))


def macro_average(scores: Iterable[PRF]) -> PRF:
    """Unweighted mean of several PRF triples."""
    items = list(scores)
    if not items:
        raise ValueError("macro average of nothing")
    n = len(items)
    return PRF(*(sum(s[i] for s in items) / n for i in range(3)))


def percentile(values: Iterable[float], q: float) -> float:
    """Return the ``q``-th percentile (0-100) with linear interpolation (numpy's default method)."""
    data = sorted(float(v) for v in values)
    if not data:
        raise ValueError("percentile of no values")
    if not 0 <= q <= 100:
        raise ValueError(f"q must be within 0..100, got {q}")
    pos = (len(data) - 1) * q / 100
    low = math.floor(pos)
    high = min(low + 1, len(data) - 1)
    return data[low] + (data[high] - data[low]) * (pos - low)


def mean(values: Iterable[float]) -> float:
    """Arithmetic mean; raises ValueError on no values."""
    data = [float(v) for v in values]
    if not data:
        raise ValueError("mean of no values")
    return sum(data) / len(data)
