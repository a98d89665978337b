"""The ranker's model choice, made by query-grouped cross-validation on the training queries only.

The grid is fixed in advance: three objectives (``lambdarank`` on the graded labels,
``binary`` on "is it E", ``regression`` on the label's gain), two L2 penalties and two
numbers of rounds, all with the same small trees. With about 120 judged queries, the
choice is noisy; it is therefore made inside each outer fold (nested CV, see
:func:`knowledge.ranking.train.cross_validated_scores`) and never by the figure reported.
"""

from __future__ import annotations

import hashlib
import math

import numpy as np

from knowledge.ranking.train import GAINS, OBJECTIVES, Config, QueryRows, fit

L2_CHOICES = (1.0, 10.0)
ROUND_CHOICES = (150, 300)
GRID = tuple((objective, l2) for objective in OBJECTIVES for l2 in L2_CHOICES)
INNER_FOLDS = 4
K = 10


def inner_fold(query_id: str, folds: int = INNER_FOLDS) -> int:
    """The inner CV fold of a query (a hash salted apart from the outer folds)."""
    return int(hashlib.sha1(f"inner:{query_id}".encode()).hexdigest(), 16) % folds


def query_ndcg(scores: np.ndarray, labels: np.ndarray, k: int = K) -> float:
    """nDCG@k of one query's candidates ordered by ``scores`` (ESCI gains, linear, log2)."""
    gains = np.asarray(GAINS, dtype=float)[labels]
    ideal = sorted(gains, reverse=True)[:k]
    best = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    if best <= 0:
        return 0.0
    order = np.argsort(-scores, kind="stable")[:k]
    got = sum(float(gains[j]) / math.log2(i + 2) for i, j in enumerate(order))
    return float(got / best)


def select_config(rows: list[QueryRows], seed: int = 0,
                  folds: int = INNER_FOLDS) -> tuple[Config, dict[str, float]]:
    """The grid's best :class:`Config` by mean inner-CV nDCG@10 over ``rows`` (and every score).

    Ties keep the earlier grid entry, so the choice is deterministic.
    """
    split = [[r for r in rows if inner_fold(r.query_id, folds) == f] for f in range(folds)]
    usable = [f for f in range(folds) if split[f] and len(split[f]) < len(rows)]
    if not usable:
        return Config(), {}
    scores: dict[Config, list[float]] = {}
    for objective, l2 in GRID:
        longest = Config(objective, l2, max(ROUND_CHOICES))
        for f in usable:
            booster = fit([r for r in rows if inner_fold(r.query_id, folds) != f], seed,
                          config=longest)
            for rounds in ROUND_CHOICES:
                values = scores.setdefault(Config(objective, l2, rounds), [])
                values += [query_ndcg(booster.predict(r.features, num_iteration=rounds),
                                      r.labels) for r in split[f]]
    means = {c: float(np.mean(v)) for c, v in scores.items()}
    best = max(means, key=lambda c: means[c])
    return best, {f"{c.objective}/l2={c.lambda_l2:g}/rounds={c.rounds}": round(v, 4)
                  for c, v in means.items()}
