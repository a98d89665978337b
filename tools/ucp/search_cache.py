"""A short-lived cache of catalog search answers for UCP agents.

Agents repeat searches (paging, re-checking before checkout, many agents asking for the same
popular things), and each ranking costs a query embedding, a vector search, knowledge
expansion and shaping every product. The cache keeps the answer to a (query, price range,
categories, page) for ``ttl`` seconds and forgets it at once when the catalogue index is
rebuilt or grows. So a price or stock change shows in search answers within ``ttl`` seconds;
lookups, product detail, carts and checkouts always read the database.
"""

from __future__ import annotations

import json
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from knowledge.search import SearchEngine

Key = tuple[Any, ...]


class RankCache:
    """LRU of search answers, valid while the engine's index is the same and younger than ttl."""

    def __init__(self, size: int = 512, ttl: float = 30.0) -> None:
        """Keep at most ``size`` rankings, each for ``ttl`` seconds."""
        self.size, self.ttl = size, ttl
        self._items: OrderedDict[Key, tuple[float, Key, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    @staticmethod
    def _version(engine: SearchEngine) -> Key:
        return (id(engine.index), len(engine.index), id(engine.expander), id(engine.reranker))

    def answer(self, engine: SearchEngine, key: Key, compute: Callable[[], Any]) -> Any:
        """A fresh copy of the cached answer for ``key``, or ``compute()``'s (then cached).

        Answers are kept as JSON text (they are JSON already), so every caller gets its own
        objects at the cost of one parse.
        """
        version, now = self._version(engine), time.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[1] == version and now - found[0] < self.ttl:
                self._items.move_to_end(key)
                self.hits += 1
                return json.loads(found[2])
        self.misses += 1
        value = compute()
        with self._lock:
            self._items[key] = (now, version, json.dumps(value))
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


_CACHES: weakref.WeakKeyDictionary[SearchEngine, RankCache] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def cache_for(engine: SearchEngine) -> RankCache:
    """The one cache of ``engine`` (made on first use, gone with the engine)."""
    with _GUARD:
        cache = _CACHES.get(engine)
        if cache is None:
            cache = _CACHES[engine] = RankCache()
        return cache
