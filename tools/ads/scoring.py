"""The click and order models' predictions for the auction, compiled once per model and book.

:meth:`tools.ads.model.ClickModel.predict` builds every candidate's features from scratch:
per candidate and per model it joins the query's words, tests each product term against
them, forms every ``word|term`` key as a string and looks it up twice. With 30-odd
bidders on a page that was about 40% of the auction's time. :class:`Scorer` returns the
very same numbers (bit for bit; ``tests/tools/test_ads_scoring.py`` compares it with
``predict``) from what it compiles when the model is retrained or the book reloaded:

- per product and model: the logit of its smoothed rate, and its query-feature terms
  (:class:`tools.ads.query_features.ProductTerms`);
- per product and cross vocabulary: word -> (known keys, their weights in key order).

Per request the query is tokenised once; each distinct candidate's feature row is built
once and shared by its campaigns. Only the position-free prediction (top slot) is served.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from tools.ads import query_features as qf
from tools.ads.model import DENSE, PLACEMENTS, ClickModel, Context, logit


@dataclass(frozen=True)
class _Half:
    """One trained logistic regression (click or order) in request-ready form."""

    coef: np.ndarray  # the dense features' coefficients
    intercept: float
    logits: dict[str, float]  # product -> logit of its smoothed rate
    base_logit: float  # ... of a product without a rate of its own
    crosses: dict[str, qf.WordWeights] | None  # product -> its cross weights (None: no crosses)


@dataclass(frozen=True)
class _Compiled:
    """Everything a request reads, swapped in whole when the model or book changes."""

    key: tuple[Any, ...]
    prior_ctr: float
    prior_cvr: float
    ctr: _Half | None
    cvr: _Half | None
    terms: dict[str, qf.ProductTerms]


def _key(model: ClickModel) -> tuple[Any, ...]:
    return (model.ctr_model, model.cvr_model, model.ctr_crosses, model.cvr_crosses,
            model.product_ctr, model.product_cvr, model.terms, model.prior_ctr,
            model.prior_cvr)


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    """Objects by identity (the key holds them: no id is reused), floats by value."""
    return all(x is y or (isinstance(x, float) and x == y) for x, y in zip(a, b, strict=True))


def _half(lr: LogisticRegression | None, vocab: qf.Crosses | None, rates: dict[str, float],
          base: float, terms: dict[str, tuple[str, ...]]) -> _Half | None:
    if lr is None:
        return None
    crosses = None
    if vocab is not None and vocab.weight:
        table = vocab.table()
        crosses = {pid: qf.word_weights(table, t) for pid, t in terms.items()}
    return _Half(np.array(lr.coef_[0][:DENSE]), float(lr.intercept_[0]),
                 {p: logit(r) for p, r in rates.items()}, logit(base), crosses)


def compile_model(model: ClickModel) -> _Compiled:
    """Compile the model's current state (see the module docstring)."""
    key = _key(model)
    return _Compiled(
        key, model.prior_ctr, model.prior_cvr,
        _half(model.ctr_model, model.ctr_crosses, model.product_ctr, model.prior_ctr,
              model.terms),
        _half(model.cvr_model, model.cvr_crosses, model.product_cvr, model.prior_cvr,
              model.terms),
        {pid: qf.ProductTerms.of(t) for pid, t in model.terms.items()})


class Scorer:
    """``ClickModel.predict(items)`` (position-free) for the request path."""

    def __init__(self, model: ClickModel) -> None:
        """Compiles lazily: on first use and whenever the model or its terms change."""
        self.model = model
        self._compiled: _Compiled | None = None

    def refresh(self) -> _Compiled:
        """The compiled model, rebuilt if the model was retrained or its terms replaced."""
        compiled = self._compiled
        if compiled is None or not _same(compiled.key, _key(self.model)):
            compiled = self._compiled = compile_model(self.model)
        return compiled

    def predict(self, items: list[Context]) -> tuple[np.ndarray, np.ndarray]:
        """Click and order chances per item, equal to ``ClickModel.predict(items)``."""
        if not items:
            return np.zeros(0), np.zeros(0)
        c = self.refresh()
        rows, index, uniq = _dense_rows(c, items)
        if c.ctr is None:
            ctr = np.full(len(items), c.prior_ctr) * np.array([0.5 + i.relevance / 2
                                                                for i in items])
        else:
            ctr = _proba(c.ctr, rows, index, uniq, c.prior_ctr)
        if c.cvr is None:
            cvr = np.full(len(items), c.prior_cvr)
        else:
            cvr = _proba(c.cvr, rows, index, uniq, c.prior_cvr)
        return ctr, cvr


def _dense_rows(c: _Compiled, items: list[Context]
                ) -> tuple[np.ndarray, list[int], list[Context]]:
    """Each distinct item's dense row (rate logit left 0), and every item's row index."""
    first: dict[int, int] = {}
    index: list[int] = []
    uniq: list[Context] = []
    rows: list[list[float]] = []
    texts: dict[str | None, str] = {}
    empty = qf.ProductTerms.of(())
    for item in items:
        at = first.get(id(item))
        if at is None:
            at = first[id(item)] = len(uniq)
            uniq.append(item)
            text = texts.get(item.query)
            if text is None:
                text = texts[item.query] = " ".join(qf.tokens(item.query))
            terms = c.terms.get(item.product_id, empty)
            row = [item.relevance, math.log1p(item.organic_rank), math.log(max(item.price, 1.0)),
                   0.0, 0.0, 0.0, 0.0, 0.0, 0.0, *terms.dense(text),
                   terms.dense(" ".join(item.history))[1] if item.history else 0.0]
            if item.placement in PLACEMENTS[1:]:
                row[6 + PLACEMENTS.index(item.placement) - 1] = 1.0
            rows.append(row)
        index.append(at)
    return np.array(rows, dtype=float).reshape(len(uniq), DENSE), index, uniq


def _proba(half: _Half, rows: np.ndarray, index: list[int], uniq: list[Context],
           base: float) -> np.ndarray:
    """``ClickModel._proba`` at position 0 from the compiled half."""
    rows[:, 3] = [half.logits.get(u.product_id, half.base_logit) for u in uniq]
    z = rows[index] @ half.coef
    if half.crosses is not None:
        none: qf.WordWeights = {}
        score = [qf.cross_score(half.crosses.get(u.product_id, none), qf.words(u.query, u.history))
                 for u in uniq]
        z = z + np.array([score[i] for i in index])
    return np.asarray(1.0 / (1.0 + np.exp(-(z + half.intercept))))
