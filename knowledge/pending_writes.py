"""Inserts taken off the request path: per process and engine, rows wait to be written.

A request hands its rows to :meth:`PendingRows.add` and goes on. With ``background`` a
writer thread inserts them soon after, in order, one statement per batch; without it (evals
on a compressed clock) the next flush point writes them. Every reader of those rows calls
:func:`flush` first, which writes whatever waits before it returns, so no reader in this
process misses a row it accepted. A failed write keeps the rows, in order, and the queue
reports itself unhealthy (callers then stop producing rows) until a retry lands them.
:meth:`PendingRows.close` (server shutdown, and at interpreter exit) writes what is left.
"""

from __future__ import annotations

import atexit
import logging
import threading
import weakref
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger("shopmage.pending_writes")
IDLE_SECONDS = 10.0  # an idle writer thread ends (the next row starts another)
RETRY_SECONDS = 0.5  # between attempts while the database fails
LIMIT = 50_000  # rows held at most; beyond it the queue is unhealthy


class PendingRows:
    """Rows for one table of one engine, waiting to be inserted."""

    def __init__(self, engine: Engine, table: Table) -> None:
        """An empty queue; nothing runs until the first row arrives."""
        self.engine, self.table = engine, table
        self.failures = 0  # consecutive failed writes
        self._rows: list[dict[str, Any]] = []
        self._guard = threading.Lock()  # the row list and the thread handle
        self._writing = threading.Lock()  # one batch in flight at a time
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def healthy(self) -> bool:
        """The last write landed and the queue has room: new rows will be written."""
        return self.failures == 0 and len(self._rows) < LIMIT

    def waiting(self) -> int:
        """How many rows are not written yet."""
        return len(self._rows)

    def add(self, rows: list[dict[str, Any]], *, background: bool) -> None:
        """Queue rows (in order); ``background``: a writer thread inserts them soon."""
        if not rows:
            return
        with self._guard:
            self._rows.extend(rows)
            _PINNED.add(self)  # a queue holding rows is never collected
            if background and not self._closed and self._thread is None:
                self._thread = threading.Thread(target=self._run, daemon=True,
                                                 name=f"pending-{self.table.name}")
                self._thread.start()
        if background:
            self._wake.set()

    def flush(self) -> int:
        """Write every waiting row now; how many were written.

        Raises the driver's error when the database fails; the rows then stay queued.
        """
        if not self._rows:  # rows leave the list only after their commit
            return 0
        with self._writing:
            with self._guard:
                batch = list(self._rows)
            if not batch:
                return 0
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(self.table), batch)
            except SQLAlchemyError:
                self.failures += 1
                raise
            self.failures = 0
            with self._guard:
                del self._rows[:len(batch)]
                if not self._rows:
                    _PINNED.discard(self)
            return len(batch)

    def close(self) -> None:
        """Stop the writer thread and write what is left (shutdown; raises if that fails)."""
        with self._guard:
            self._closed, thread = True, self._thread
        self._wake.set()
        if thread is not None:
            thread.join(timeout=30)
        try:
            self.flush()
        except SQLAlchemyError as exc:
            log.error("%d %s rows could not be written at shutdown: %s",
                      self.waiting(), self.table.name, exc)
            raise
        finally:
            with self._guard:
                self._closed = False  # a later row starts a new writer

    def _run(self) -> None:
        """The writer thread: write on every wake, retry while failing, end when idle."""
        while True:
            woke = self._wake.wait(RETRY_SECONDS if self.failures else IDLE_SECONDS)
            self._wake.clear()
            with self._guard:
                if self._closed or (not woke and not self._rows):
                    self._thread = None
                    return
            try:
                self.flush()
            except SQLAlchemyError as exc:
                log.warning("%d %s rows wait for the database: %s", self.waiting(),
                            self.table.name, exc)
                self._wake.clear()


_QUEUES: weakref.WeakValueDictionary[tuple[int, str], PendingRows] = (
    weakref.WeakValueDictionary())
_PINNED: set[PendingRows] = set()
_REGISTRY = threading.Lock()


def queue_for(engine: Engine, table: Table) -> PendingRows:
    """The queue of this process for ``table`` on ``engine`` (one per pair)."""
    key = (id(engine), table.name)
    with _REGISTRY:
        found = _QUEUES.get(key)
        if found is None:
            found = _QUEUES[key] = PendingRows(engine, table)
        return found


@atexit.register
def _write_all_at_exit() -> None:
    """A process that ends without closing its server still writes what waits (if it can)."""
    for queue in list(_PINNED):
        try:
            queue.close()
        except Exception:  # noqa: BLE001 - close() logged it; the next queue still writes
            pass


def flush(engine: Engine, table: Table) -> int:
    """Write the rows waiting for ``table`` on ``engine`` (0 when none or no queue)."""
    found = _QUEUES.get((id(engine), table.name))
    return found.flush() if found is not None else 0
