"""The ranker's model choice, made by query-grouped cross-validation on the training queries only.

The grid is fixed in advance: three objectives (``lambdarank`` on the graded labels,
``binary`` on "is it E", ``regression`` on the label's gain), two L2 penalties and two
numbers of rounds, all with the same small trees. With about 120 judged queries, the
choice is noisy; it is therefore made inside each outer fold (nested CV, see
:func:`cross_validated_scores`) and never by the figure reported.

The model is a seed ensemble: :data:`MEMBERS` boosters of the same choice, trained with
different bagging / feature-sampling seeds, whose raw scores are averaged
(:class:`Ensemble`). One booster's cross-validated figure moved by 0.012 nDCG@10 between
seeds; the ensemble is chosen and evaluated as one model inside the same nested CV.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.ranking.forest import Forest
from knowledge.ranking.train import FOLDS, GAINS, OBJECTIVES, Config, QueryRows, fit, fold_of

L2_CHOICES = (1.0, 10.0)
ROUND_CHOICES = (150, 300)
GRID = tuple((objective, l2) for objective in OBJECTIVES for l2 in L2_CHOICES)
INNER_FOLDS = 4
K = 10
MEMBERS = 5  # boosters per ensemble


def member_seeds(seed: int, members: int = MEMBERS) -> list[int]:
    """The members' seeds of ensemble ``seed``: disjoint ranges, so ensembles 0, 1, 2 share none."""
    return list(range(seed * members, (seed + 1) * members))


class Ensemble:
    """Boosters of one choice whose raw scores are averaged (the served model)."""

    def __init__(self, boosters: list[Any]) -> None:
        """Wrap trained LightGBM boosters (same features)."""
        if not boosters:
            raise ValueError("an ensemble needs at least one booster")
        self.boosters = boosters
        self.forest = Forest(boosters, [1.0 / len(boosters)] * len(boosters))

    def num_feature(self) -> int:
        """The number of features every member reads."""
        return int(self.boosters[0].num_feature())

    def predict(self, x: np.ndarray, num_threads: int | None = None) -> np.ndarray:
        """Mean raw score of the members, every tree scored at once (:class:`Forest`).

        ``num_threads`` is accepted for LightGBM's signature; numpy needs none.
        """
        return self.forest.raw(x)


def fit_ensemble(rows: list[QueryRows], seed: int = 0, config: Config | None = None,
                 members: int = MEMBERS) -> Ensemble:
    """Train the members of ensemble ``seed`` on the given queries (deterministic)."""
    return Ensemble([fit(rows, s, config=config or Config())
                     for s in member_seeds(seed, members)])


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

    Each grid entry is scored as one booster of ``seed`` (an ensemble's first member: scoring
    whole ensembles here would cost five times the training, over the 2 minutes allowed).
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
                           config: Config | None = None, salt: str = ""
                           ) -> dict[str, np.ndarray]:
    """Out-of-fold ranker scores per query id (query-grouped folds by hash of query id).

    Without ``config``, each fold's model choice is made by an inner query-grouped CV on that
    fold's training queries alone (:func:`select_config`): nested CV,
    so the held-out queries never influence the choice that scores them. ``salt``: another
    fixed query-grouped split (:func:`fold_of`); empty gives the reported figure's folds.
    """
    scores: dict[str, np.ndarray] = {}
    for fold in range(folds):
        train = [r for r in rows if fold_of(r.query_id, folds, salt) != fold]
        test = [r for r in rows if fold_of(r.query_id, folds, salt) == fold]
        if not train:  # every query in one fold: nothing to learn from, keep the file order
            scores |= {r.query_id: np.zeros(len(r.ids)) for r in test}
            continue
        if not test:
            continue
        chosen = config or select_config(train, member_seeds(seed)[0])[0]
        booster = fit_ensemble(train, seed, chosen)
        for r in test:
            scores[r.query_id] = booster.predict(r.features)
    return scores


def load_model(folder: Path) -> Ensemble:
    """The ensemble :func:`write_model` saved in ``folder``."""
    import lightgbm as lgb

    files = sorted(folder.glob("model-*.txt"), key=lambda p: int(p.stem.split("-")[1]))
    return Ensemble([lgb.Booster(model_file=str(p)) for p in files])


def write_model(folder: Path, rows: list[QueryRows], seed: int = 0) -> dict[str, Any]:
    """Train on every query; write the members' ``model-N.txt`` and ``meta.json`` in ``folder``."""
    from knowledge.ranking.features import FEATURES
    config, inner = select_config(rows, member_seeds(seed)[0])
    ensemble = fit_ensemble(rows, seed, config)
    for n, booster in enumerate(ensemble.boosters):
        booster.save_model(str(folder / f"model-{n}.txt"))
    gains = np.mean([b.feature_importance(importance_type="gain") for b in ensemble.boosters],
                    axis=0)
    meta = {"features": list(FEATURES), "queries": len(rows), "seed": seed,
            "members": member_seeds(seed, len(ensemble.boosters)),
            "config": asdict(config), "inner_cv_ndcg@10": inner,
            "pairs": int(sum(len(r.ids) for r in rows)),
            "importance": {f: round(float(g), 2) for f, g in zip(FEATURES, gains, strict=True)}}
    (folder / "meta.json").write_text(json.dumps(meta, indent=1))
    return meta
