"""The ranker's model choice, made by query-grouped cross-validation on the training queries only.

The grid is fixed in advance: three objectives (``lambdarank`` on the graded labels,
``binary`` on "is it E", ``regression`` on the label's gain), two L2 penalties and two
numbers of rounds, all with the same small trees. With about 120 judged queries, the
choice is noisy; it is therefore made inside each outer fold (nested CV, see
:func:`cross_validated_scores`) and never by the figure reported.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.ranking.train import FOLDS, GAINS, OBJECTIVES, Config, QueryRows, fit, fold_of

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


def cross_validated_scores(rows: list[QueryRows], seed: int = 0, folds: int = FOLDS,
                           config: Config | None = None) -> dict[str, np.ndarray]:
    """Out-of-fold ranker scores per query id (query-grouped folds by hash of query id).

    Without ``config``, each fold's model choice is made by an inner query-grouped CV on that
    fold's training queries alone (:func:`select_config`): nested CV,
    so the held-out queries never influence the choice that scores them.
    """
    scores: dict[str, np.ndarray] = {}
    for fold in range(folds):
        train = [r for r in rows if fold_of(r.query_id, folds) != fold]
        test = [r for r in rows if fold_of(r.query_id, folds) == fold]
        if not train:  # every query in one fold: nothing to learn from, keep the file order
            scores |= {r.query_id: np.zeros(len(r.ids)) for r in test}
            continue
        if not test:
            continue
        chosen = config or select_config(train, seed)[0]
        booster = fit(train, seed, config=chosen)
        for r in test:
            scores[r.query_id] = booster.predict(r.features)
    return scores


def write_model(folder: Path, rows: list[QueryRows], seed: int = 0) -> dict[str, Any]:
    """Train on every query and write ``model.txt`` + ``meta.json`` into ``folder``."""
    from knowledge.ranking.features import FEATURES
    config, inner = select_config(rows, seed)
    booster = fit(rows, seed, config=config)
    booster.save_model(str(folder / "model.txt"))
    gains = booster.feature_importance(importance_type="gain")
    meta = {"features": list(FEATURES), "queries": len(rows), "seed": seed,
            "config": asdict(config), "inner_cv_ndcg@10": inner,
            "pairs": int(sum(len(r.ids) for r in rows)),
            "importance": {f: round(float(g), 2) for f, g in zip(FEATURES, gains, strict=True)}}
    (folder / "meta.json").write_text(json.dumps(meta, indent=1))
    return meta
