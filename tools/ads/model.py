"""pCTR and pCVR learned from the logged sponsored events (logistic regression).

Features are what the server knows at request time, never a simulator's truth: the
organic relevance share and rank, the slot position, the placement, the price, the
product's own smoothed click (or order) rate in the log, and what the query says about the
shopper (:mod:`tools.ads.query_features`: the product's type and feature tags named in the
query, and learned ``query word | product term`` crosses). Position bias: position is a
feature in training and set to the top slot when predicting, so the auction compares
products on position-free click odds. Until enough events are logged, priors from the
storefront behaviour log stand in.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sqlalchemy import func
from sqlalchemy import select as sql_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.ads import AdEvent
from knowledge.models import Event
from tools.ads import history
from tools.ads import query_features as qf

PLACEMENTS = ("search", "category", "for_you", "chat")
MIN_IMPRESSIONS, MIN_CLICKS = 200, 25
MIN_AD_ORDERS = 5  # sponsored clicks teach the order model once they hold this many orders
SMOOTH = 30.0  # pseudo-impressions (or clicks) pulling a product's rate to the mean
TRAIN_ROWS = 60_000
DENSE = 12  # dense features before the query-product crosses
Rates = dict[str, float] | list[float]  # product rates, or one rate per row


@dataclass
class Context:
    """One candidate as the server sees it."""

    product_id: str
    price: float
    relevance: float  # score / top organic score, in (0, 1]
    organic_rank: int
    placement: str = "search"
    query: str | None = None
    history: tuple[str, ...] = ()  # the shopper's earlier search words (query_features)


def logit(p: float) -> float:
    """log-odds of ``p``, clipped to [1e-4, 1 - 1e-4]."""
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass
class ClickModel:
    """Two logistic regressions (click | impression, order | click) plus per-product rates."""

    prior_ctr: float = 0.03
    prior_cvr: float = 0.05
    ctr_model: LogisticRegression | None = None
    cvr_model: LogisticRegression | None = None
    product_ctr: dict[str, float] = field(default_factory=dict)
    product_cvr: dict[str, float] = field(default_factory=dict)
    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # product -> type, tags
    ctr_crosses: qf.Crosses | None = None
    cvr_crosses: qf.Crosses | None = None
    trained_on: int = 0

    def _rows(self, items: list[Context], positions: list[int], rates: Rates,
              base: float) -> np.ndarray:
        out = np.zeros((len(items), DENSE))
        for i, (c, pos) in enumerate(zip(items, positions, strict=True)):
            out[i, 0] = c.relevance
            out[i, 1] = math.log1p(c.organic_rank)
            out[i, 2] = math.log(max(c.price, 1.0))
            out[i, 3] = logit(rates[i] if isinstance(rates, list)
                               else rates.get(c.product_id, base))
            if pos > 0:
                out[i, 3 + min(pos, 2)] = 1.0
            if c.placement in PLACEMENTS[1:]:
                out[i, 6 + PLACEMENTS.index(c.placement) - 1] = 1.0
            out[i, 9:11] = qf.dense(c.query, self.terms.get(c.product_id, ()))
            out[i, 11] = qf.named_before(c.history, self.terms.get(c.product_id, ()))
        return out

    def _keys(self, items: list[Context]) -> list[list[str]]:
        return [qf.crosses(c.query, self.terms.get(c.product_id, ()), c.history) for c in items]

    def _train(self, items: list[Context], positions: list[int], rates: Rates,
               base: float, y: np.ndarray) -> tuple[LogisticRegression | None,
                                                    qf.Crosses | None]:
        keys = self._keys(items)
        vocab = qf.Crosses(keys)
        x = sparse.hstack([sparse.csr_matrix(self._rows(items, positions, rates, base)),
                           vocab.matrix(keys)]).tocsr()
        model = _fit(x, y)
        if model is None:
            return None, None
        vocab.learn(model.coef_[0][DENSE:])
        return model, vocab

    def _proba(self, model: LogisticRegression, vocab: qf.Crosses | None, items: list[Context],
               rates: dict[str, float], base: float, positions: list[int]) -> np.ndarray:
        z = self._rows(items, positions, rates, base) @ model.coef_[0][:DENSE]
        if vocab is not None and vocab.weight:
            z = z + np.array([vocab.score(k) for k in self._keys(items)])
        return np.asarray(1.0 / (1.0 + np.exp(-(z + model.intercept_[0]))))

    def predict(self, items: list[Context], positions: list[int] | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
        """Click and order chances per candidate (position-free, i.e. top slot, unless given)."""
        if not items:
            return np.zeros(0), np.zeros(0)
        if self.ctr_model is None:
            ctr = np.full(len(items), self.prior_ctr) * np.array([0.5 + c.relevance / 2
                                                                  for c in items])
        else:
            ctr = self._proba(self.ctr_model, self.ctr_crosses, items, self.product_ctr,
                              self.prior_ctr, positions or [0] * len(items))
        if self.cvr_model is None:
            cvr = np.full(len(items), self.prior_cvr)
        else:
            cvr = self._proba(self.cvr_model, self.cvr_crosses, items, self.product_cvr,
                              self.prior_cvr, [0] * len(items))
        return ctr, cvr

    def fit_clicks(self, items: list[Context], positions: list[int], clicked: np.ndarray,
                   *, own_rates: bool = True) -> bool:
        """Train the click model on shown items, their slots and whether each was clicked.

        ``own_rates=False``: without the product's own click rate as a feature (for rows
        whose slot is tied to the product's usual rank, where that rate mostly measures how
        high the product is usually shown).
        """
        if len(items) < MIN_IMPRESSIONS or clicked.sum() < MIN_CLICKS:
            return False
        self.prior_ctr = float(clicked.mean())
        self.product_ctr = (_rates(items, clicked, np.ones(len(items), bool), self.prior_ctr)
                            if own_rates else {})
        self.ctr_model, self.ctr_crosses = self._train(items, positions, self.product_ctr,
                                                       self.prior_ctr, clicked)
        return self.ctr_model is not None

    def fit(self, engine: Engine, prices: dict[str, float]) -> bool:
        """Retrain on the most recent logged impressions and clicks.

        The order model also learns from storefront clicks; sponsored clicks join them once
        they hold ``MIN_AD_ORDERS`` orders. Before that (a flight's first hours, when an order
        is not yet expected) a handful of sponsored clicks without an order, the only rows
        with an organic rank and a relevance below the top, would teach the model that those
        features mean "never buys" and cut every bid. False while there is too little to
        train either model.
        """
        with Session(engine) as session:
            shown = list(session.execute(
                sql_select(col(AdEvent.impression_id), col(AdEvent.product_id),
                           col(AdEvent.relevance), col(AdEvent.organic_rank),
                           col(AdEvent.position), col(AdEvent.placement), col(AdEvent.query),
                           col(AdEvent.session_id), col(AdEvent.ts))
                .where(col(AdEvent.kind) == "impression").order_by(col(AdEvent.id).desc())
                .limit(TRAIN_ROWS)))
            clicked = set(session.exec(select(AdEvent.impression_id).where(
                AdEvent.kind == "click")))
            ordered = set(session.exec(select(AdEvent.impression_id).where(
                AdEvent.kind == "order")))
        before = history.from_log(engine, [(r[7], r[8]) for r in shown])
        items = [Context(r[1], prices.get(r[1], 1.0), r[2], r[3], r[5], r[6], h)
                 for r, h in zip(shown, before, strict=True)]
        positions = [int(r[4]) for r in shown]
        y_click = np.array([r[0] in clicked for r in shown], dtype=bool)
        y_order = np.array([r[0] in ordered for r in shown], dtype=bool)
        self.fit_clicks(items, positions, y_click)
        sub = [c for c, k in zip(items, y_click, strict=True) if k]
        y_sub = list(y_order[y_click])
        if sum(y_sub) < MIN_AD_ORDERS:
            sub, y_sub = [], []
        organic, bought = organic_clicks(engine, prices)
        self.fit_orders(sub + organic, y_sub + bought)
        self.trained_on = len(shown)
        return self.ctr_model is not None or self.cvr_model is not None

    def fit_orders(self, clicks: list[Context], bought: list[bool]) -> bool:
        """Train the order model on clicked items and whether each click led to an order."""
        if sum(bought) < 5 or len(bought) - sum(bought) < 5:
            return False
        y = np.array(bought, dtype=bool)
        self.prior_cvr = float(y.mean())
        self.product_cvr = _rates(clicks, y, np.ones(len(clicks), bool), self.prior_cvr)
        # the rows learn from out-of-fold product rates: a rate that counts a row's own
        # outcome leaks its label, and the model trusts it too much
        folds = np.random.default_rng(0).permutation(len(clicks)) % 2  # fixed, unordered
        rows = [_rates(clicks, y, folds != f, self.prior_cvr) for f in (0, 1)]
        oof = [rows[f].get(c.product_id, self.prior_cvr) for c, f in zip(clicks, folds,
                                                                          strict=True)]
        self.cvr_model, self.cvr_crosses = self._train(
            clicks, [0] * len(clicks), oof, self.prior_cvr, y)
        return self.cvr_model is not None


def _rates(items: list[Context], y: np.ndarray, base_mask: np.ndarray, mean: float
           ) -> dict[str, float]:
    trials: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    for c, ok, counted in zip(items, y, base_mask, strict=True):
        if counted:
            trials[c.product_id] += 1
            hits[c.product_id] += int(ok)
    return {p: (hits[p] + SMOOTH * mean) / (trials[p] + SMOOTH) for p in trials}


def _fit(x: Any, y: np.ndarray) -> LogisticRegression | None:
    if y.all() or not y.any():
        return None
    return LogisticRegression(C=1.0, max_iter=300).fit(x, y)


def organic_clicks(engine: Engine, prices: dict[str, float]) -> tuple[list[Context], list[bool]]:
    """Storefront clicks (the behaviour log) and whether the shopper then bought that product.

    Organic clicks teach the order model too: a store's behaviour log is far larger than
    its ad log. They carry no ad position; relevance is taken as full. The query is the
    click's own, else the session's last search before it.
    """
    with Session(engine) as session:
        rows = list(session.exec(
            select(Event.user_id, Event.product_id, Event.type, Event.query)
            .where(col(Event.type).in_(("click", "purchase", "search")),
                   col(Event.product_id).in_(list(prices)) | (col(Event.type) == "search"))
            .order_by(col(Event.id).desc()).limit(3 * TRAIN_ROWS)))
    bought = {(u, p) for u, p, kind, _ in rows if kind == "purchase"}
    searched: dict[str, list[str | None]] = {}  # user -> their searches, oldest first
    clicks: dict[tuple[str, str], tuple[str | None, tuple[str, ...]]] = {}
    for user, pid, kind, query in reversed(rows):  # oldest first
        if kind == "search":
            searched.setdefault(user, []).append(query)
        elif kind == "click" and pid and (user, pid) not in clicks:
            before = searched.get(user, [])
            if query is None or (before and before[-1] == query):
                query, before = (before[-1], before[:-1]) if before else (query, before)
            clicks[(user, pid)] = (query, qf.history_words(before[::-1][:qf.HISTORY]))
    keys = sorted(clicks)
    items = [Context(p, prices.get(p, 1.0), 1.0, 0, "search", *clicks[(u, p)])
             for u, p in keys]
    return items, [key in bought for key in keys]


def storefront_cvr(engine: Engine) -> float:
    """The behaviour log's purchases per click: the order-rate prior before ads are logged."""
    stmt = (select(Event.type, func.count()).where(col(Event.type).in_(("click", "purchase")))
            .group_by(Event.type))
    with Session(engine) as session:
        counts = dict(session.exec(stmt).all())
    clicks, orders = counts.get("click", 0), counts.get("purchase", 0)
    return float(np.clip((orders + 1) / (clicks + 20), 0.01, 0.5))
