"""The shopper's earlier searches, as the click and order models read them.

A query alone often hides who is searching ("water bottle"); the same shopper's earlier
searches ("yoga mat for pilates") usually do not. The models read those words as
``h:word`` crosses (:func:`tools.ads.query_features.words`). Two sources, one rule (the
words of the session's last ``HISTORY`` searches before this one, newest first):

- :class:`Recent`: the ad server's memory of the searches it served, per session (the
  request path never reads the database for it);
- :func:`from_log`: the same from the store's search log, for training rows.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from knowledge.models import Event
from tools.ads import query_features as qf

SESSIONS = 20_000  # sessions the server remembers (least recently searching forgotten)


class Recent:
    """Per session, its last ``HISTORY`` searches seen by this server (thread-safe)."""

    def __init__(self, size: int = SESSIONS) -> None:
        """Remember up to ``size`` sessions."""
        self.size = size
        self._seen: OrderedDict[str, list[str | None]] = OrderedDict()
        self._lock = threading.Lock()

    def words(self, session_id: str, query: str | None) -> tuple[str, ...]:
        """The session's earlier search words; then remember ``query`` (if any) as its newest."""
        with self._lock:
            before = self._seen.get(session_id, [])
            if query:
                self._seen.pop(session_id, None)
                self._seen[session_id] = (before + [query])[-qf.HISTORY:]
                if len(self._seen) > self.size:
                    self._seen.popitem(last=False)
        return qf.history_words(before[::-1])

    def earlier(self, session_id: str) -> tuple[str, ...]:
        """What :meth:`words` returned for the session's newest search (read-only).

        The simulated shoppers of a forecast react to an ad after the server has served
        the search: they read the same history words the bidder read for it.
        """
        with self._lock:
            seen = self._seen.get(session_id, [])
        return qf.history_words(seen[:-1][::-1])


def _aware(ts: datetime) -> datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def from_log(engine: Engine, rows: list[tuple[str, datetime]]) -> list[tuple[str, ...]]:
    """For each (session, time): the words of that session's searches logged before it."""
    sessions = sorted({s for s, _ in rows})
    if not sessions:
        return []
    logged = []
    with Session(engine) as session:
        for at in range(0, len(sessions), 900):  # under any database's bound-parameter cap
            logged += list(session.exec(
                select(Event.user_id, Event.ts, Event.query)
                .where(Event.type == "search", col(Event.user_id).in_(sessions[at:at + 900]))
                .order_by(col(Event.id))))
    logged.sort(key=lambda r: (r[0], _aware(r[1])))
    times: dict[str, list[datetime]] = {}
    queries: dict[str, list[str | None]] = {}
    for user, ts, query in logged:
        times.setdefault(user, []).append(_aware(ts))
        queries.setdefault(user, []).append(query)
    out = []
    for sid, ts in rows:
        at = bisect.bisect_left(times.get(sid, []), _aware(ts))
        out.append(qf.history_words(queries.get(sid, [])[max(0, at - qf.HISTORY):at][::-1]))
    return out
