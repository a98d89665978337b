"""The one auction every sponsored slot goes through: generalised second price with a reserve.

Vectorised over opportunities, so the store's per-request auction (one row) and the
forecasting simulator (many rows) run the very same code.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class AuctionResult:
    """Per opportunity and slot: the winning bidder's column (-1: empty) and its CPC."""

    winners: np.ndarray  # (n, slots) int
    prices: np.ndarray  # (n, slots) float, price per click (0 where empty)


def gsp(bids: np.ndarray, ctr: np.ndarray, slots: int, reserve: float) -> AuctionResult:
    """Generalised second price over ``n`` opportunities at once.

    Rank by expected value per impression (bid x pCTR); each winner pays per click the
    least it needed to keep its slot: next score / own pCTR, at least the reserve, at most
    its bid. Bids below the reserve do not take part.

    ``bids`` and ``ctr`` are (n, m): n opportunities, m bidders (bid <= 0: absent).
    """
    bids = np.atleast_2d(np.asarray(bids, dtype=float))
    ctr = np.atleast_2d(np.asarray(ctr, dtype=float))
    n, m = bids.shape
    if n == 1 and slots > 0:  # one page's auction: plain Python beats numpy on a few bidders
        return _one(bids[0].tolist(), ctr[0].tolist(), slots, reserve)
    if slots <= 0 or m == 0:
        return AuctionResult(np.full((n, max(slots, 0)), -1), np.zeros((n, max(slots, 0))))
    score = np.where(bids >= reserve, bids * ctr, -np.inf)
    order = np.argsort(-score, axis=1, kind="stable")
    ranked = np.take_along_axis(score, order, axis=1)
    padded = np.concatenate([ranked, np.full((n, slots + 1), -np.inf)], axis=1)
    winners = np.full((n, slots), -1)
    prices = np.zeros((n, slots))
    for s in range(min(slots, m)):
        col = order[:, s]
        live = np.isfinite(padded[:, s])
        own_ctr = np.maximum(ctr[np.arange(n), col], 1e-12)
        nxt = np.where(np.isfinite(padded[:, s + 1]), padded[:, s + 1], 0.0)
        price = np.minimum(np.maximum(nxt / own_ctr, reserve), bids[np.arange(n), col])
        winners[:, s] = np.where(live, col, -1)
        prices[:, s] = np.where(live, price, 0.0)
    return AuctionResult(winners, prices)


def _one(bids: list[float], ctr: list[float], slots: int, reserve: float) -> AuctionResult:
    """:func:`gsp` for a single opportunity (same ranking, ties and prices)."""
    scored = sorted(((b * c, i) for i, (b, c) in enumerate(zip(bids, ctr, strict=True))
                     if b >= reserve), key=lambda t: -t[0])
    winners = np.full((1, slots), -1)
    prices = np.zeros((1, slots))
    for s, (_, col) in enumerate(scored[:slots]):
        nxt = scored[s + 1][0] if s + 1 < len(scored) else 0.0
        winners[0, s] = col
        prices[0, s] = min(max(nxt / max(ctr[col], 1e-12), reserve), bids[col])
    return AuctionResult(winners, prices)
