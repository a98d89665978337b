"""Held-out calibration of the order model, for the pre-flight forecast's shoppers.

The forecast's shoppers buy as the order model predicts. Taken at face value that is
optimistic: the model is fitted to the same clicks it scores (a product's own order rate
is one of its features), and the auction picks exactly the clicks whose predicted value
is highest, where an over-confident model errs most. The correction is Platt scaling on
held-out predictions: the storefront clicks are split in two, each half is scored by an
order model trained on the other, and ``logit(true rate) = a + b logit(predicted)`` is
fitted to the outcomes. ``b`` below 1 says the model is over-confident; the forecast's
shoppers then follow the calibrated rate.
"""

from __future__ import annotations

import math

import numpy as np
from sklearn.linear_model import LogisticRegression
from sqlalchemy.engine import Engine

from tools.ads.model import ClickModel, Context, logit, organic_clicks

IDENTITY = (0.0, 1.0)
MIN_ORDERS = 20  # per fold, else the identity


def order_calibration(engine: Engine, prices: dict[str, float],
                      terms: dict[str, tuple[str, ...]]) -> tuple[float, float]:
    """(a, b) of Platt scaling from two-fold held-out order predictions (identity if too few)."""
    items, bought = organic_clicks(engine, prices)
    y = np.array(bought, dtype=bool)
    folds = np.random.default_rng(1).permutation(len(items)) % 2
    scores = np.zeros(len(items))
    for fold in (0, 1):
        train = folds != fold
        if y[train].sum() < MIN_ORDERS or (~y[train]).sum() < MIN_ORDERS:
            return IDENTITY
        model = ClickModel(terms=terms)
        if not model.fit_orders([c for c, t in zip(items, train, strict=True) if t],
                                list(y[train])):
            return IDENTITY
        held: list[Context] = [c for c, t in zip(items, train, strict=True) if not t]
        scores[~train] = model.predict(held)[1]
    fit = LogisticRegression(C=1e4, max_iter=300).fit(np.array([[logit(s)] for s in scores]), y)
    return float(fit.intercept_[0]), float(fit.coef_[0][0])


def calibrated(p: float, calibration: tuple[float, float]) -> float:
    """``p`` after Platt scaling by ``calibration`` (a, b)."""
    a, b = calibration
    z = a + b * logit(p)
    return 1.0 / (1.0 + math.exp(-z))
