"""The one auction every sponsored slot goes through: generalised second price with a reserve.

Vectorised over opportunities, so the store's per-request auction (one row) and the
forecasting simulator (many rows) run the very same code. An advertiser never bids against
itself: when two of one advertiser's ads win, the upper one is priced by the next ad of
another advertiser (or the reserve), not by its own lower ad.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass
class AuctionResult:
    """Per opportunity and slot: the winning bidder's column (-1: empty) and its CPC."""

    winners: np.ndarray  # (n, slots) int
    prices: np.ndarray  # (n, slots) float, price per click (0 where empty)


def gsp(bids: np.ndarray, ctr: np.ndarray, slots: int, reserve: float,
        owners: Sequence[Hashable] | None = None) -> AuctionResult:
    """Generalised second price over ``n`` opportunities at once.

    Rank by expected value per impression (bid x pCTR); each winner pays per click the
    least it needed to keep its slot against the other advertisers: the next score below it
    of another owner / own pCTR, at least the reserve, at most its bid. Bids below the
    reserve do not take part.

    ``bids`` and ``ctr`` are (n, m): n opportunities, m bidders (bid <= 0: absent).
    ``owners``: the advertiser of each of the m columns (None: every column its own).
    """
    bids = np.atleast_2d(np.asarray(bids, dtype=float))
    ctr = np.atleast_2d(np.asarray(ctr, dtype=float))
    n, m = bids.shape
    codes = _codes(owners, m)
    if n == 1 and slots > 0:  # one page's auction: plain Python beats numpy on a few bidders
        return _one(bids[0].tolist(), ctr[0].tolist(), slots, reserve, codes.tolist())
    if slots <= 0 or m == 0:
        return AuctionResult(np.full((n, max(slots, 0)), -1), np.zeros((n, max(slots, 0))))
    score = np.where(bids >= reserve, bids * ctr, -np.inf)
    order = np.argsort(-score, axis=1, kind="stable")
    ranked = np.take_along_axis(score, order, axis=1)
    ranked_owner = codes[order]
    winners = np.full((n, slots), -1)
    prices = np.zeros((n, slots))
    rows = np.arange(n)
    for s in range(min(slots, m)):
        col = order[:, s]
        live = np.isfinite(ranked[:, s])
        own_ctr = np.maximum(ctr[rows, col], 1e-12)
        rivals = (ranked_owner[:, s + 1:] != ranked_owner[:, s:s + 1]) & np.isfinite(
            ranked[:, s + 1:])
        first = rivals.argmax(axis=1) if m > s + 1 else np.zeros(n, dtype=int)
        nxt = (np.where(rivals[rows, first], ranked[rows, s + 1 + first], 0.0)
               if m > s + 1 else np.zeros(n))
        price = np.minimum(np.maximum(nxt / own_ctr, reserve), bids[rows, col])
        winners[:, s] = np.where(live, col, -1)
        prices[:, s] = np.where(live, price, 0.0)
    return AuctionResult(winners, prices)


def _codes(owners: Sequence[Hashable] | None, m: int) -> np.ndarray:
    """An integer per column, equal for columns of one owner."""
    if owners is None:
        return np.arange(m)
    if len(owners) != m:
        raise ValueError(f"{len(owners)} owners for {m} bidders")
    index: dict[Hashable, int] = {}
    return np.array([index.setdefault(o, len(index)) for o in owners], dtype=int)


def _one(bids: list[float], ctr: list[float], slots: int, reserve: float,
         owners: list[int]) -> AuctionResult:
    """:func:`gsp` for a single opportunity (same ranking, ties and prices)."""
    scored = sorted(((b * c, i) for i, (b, c) in enumerate(zip(bids, ctr, strict=True))
                     if b >= reserve), key=lambda t: -t[0])
    winners = np.full((1, slots), -1)
    prices = np.zeros((1, slots))
    for s, (_, col) in enumerate(scored[:slots]):
        nxt = next((sc for sc, other in scored[s + 1:] if owners[other] != owners[col]), 0.0)
        winners[0, s] = col
        prices[0, s] = min(max(nxt / max(ctr[col], 1e-12), reserve), bids[col])
    return AuctionResult(winners, prices)
