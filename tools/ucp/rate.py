"""Per-agent rate limits over a moving window, counted in this process.

The ``limits`` package's in-memory storage starts a timer thread on almost every hit to
expire old entries; on a busy 2-core server that thread start and its sweep cost 1-20 ms of
a search's wall time. A deque of hit times per key does the same moving-window count with
no thread: old hits leave the window when the key is next asked.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from functools import lru_cache

from limits import RateLimitItem, parse


@lru_cache(maxsize=256)
def rate(text: str) -> RateLimitItem:
    """A rate limit such as ``120/minute``, parsed once."""
    return parse(text)


class MovingWindow:
    """At most ``amount`` hits per key within any window of the limit's length."""

    def __init__(self) -> None:
        """No hits yet."""
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, limit: RateLimitItem, key: str) -> float:
        """Count a hit for ``key``: 0 if allowed, else the seconds until one is (not counted)."""
        window, now = limit.get_expiry(), time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit.amount:
                return max(hits[0] + window - now, 1e-3) if hits else float(window)
            hits.append(now)
            return 0.0


def retry_after(wait: float) -> str:
    """A ``Retry-After`` value in whole seconds (at least 1)."""
    return str(max(1, math.ceil(wait)))
