"""The ad server: fills a page's sponsored slots by a real-time auction, records, charges.

Every placement (search results, category pages, the "for you" row, chat cards) calls
:meth:`AdServer.sponsored` with the page's organic candidates. Only products of active,
in-flight campaigns that are in the organic top N and above the relevance floor take
part, and a search or chat ad must also be about the query (:mod:`tools.ads.relevance`);
bids come from the ROI-target bidder (learned pCTR/pCVR x price / target, shaded by the
pacing and ROI controllers); :func:`tools.ads.auction.gsp` prices the winners. The request
path reads only memory and writes nothing: a page's impressions join the process's
impression queue (:func:`knowledge.ads.impression_queue`), which a writer thread lands soon
after. A click writes the waiting impressions before it charges (so a click that comes
before its impression landed is charged once), and so does every ledger read. While the
queue cannot write (a lost database), pages are served without ads; its rows wait and land
when the database is back. Reloading campaigns, stepping the controllers and retraining run
in :mod:`tools.ads.upkeep`, on a background thread. Clicks are charged in
:func:`knowledge.ads.charge_click`.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime
from typing import Any

import numpy as np
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from knowledge import ads as ledger
from knowledge.ads import AdSettings
from tools.ads import history, pacing, upkeep
from tools.ads.auction import gsp
from tools.ads.model import ClickModel, Context, storefront_cvr
from tools.ads.relevance import Relevance, needs_check
from tools.ads.scoring import Scorer
from tools.ads.slots import Candidate, Sponsored, dress
from tools.ads.upkeep import Book, Live

log = logging.getLogger("shopmage.ads")
REFRESH_SECONDS = 5.0
RETRAIN_HOURS = 6
LANDING_WAITS = (0.05, 0.1, 0.2)  # seconds a click waits for another process's impression

Entry = tuple[Candidate, Live, Context]


class AdServer:
    """One per process: runs auctions from memory; upkeep refreshes that memory."""

    def __init__(self, engine: Engine, settings: AdSettings | None = None,
                 model: ClickModel | None = None, *, relevance: Relevance | None = None,
                 background: bool = True) -> None:
        """Nothing is read until the first request.

        ``relevance`` (query-product cosines) enforces the absolute relevance floor; without
        it only the organic rank and score floors apply. ``background``: upkeep that falls
        due during a request runs on a thread (False: the caller runs :meth:`upkeep`).
        """
        self.engine, self.settings = engine, settings or AdSettings()
        self.model = model or ClickModel()
        self.scorer = Scorer(self.model)  # model.predict, compiled for the request path
        self.recent = history.Recent()  # each session's earlier searches, for the models
        self.queue = ledger.impression_queue(engine)  # impressions, written off the request
        self.relevance, self.background = relevance, background
        self.book: Book | None = None
        self._lock = threading.Lock()  # held while the book is reloaded or stepped
        self._busy = threading.Lock()
        self._refreshed = -1e9
        self._version = -1  # the campaign-change count the book was loaded at
        self._hour: int | None = None
        self._trained_hour: int | None = None

    # -- upkeep (mostly off the request path) ---------------------------------------------

    def invalidate(self) -> None:
        """Reload campaigns before the next auction (a campaign was created or changed)."""
        self._version = -1

    def _stale(self) -> bool:
        return (self.book is None or self._version != ledger.campaigns_version()
                or time.monotonic() - self._refreshed > REFRESH_SECONDS)

    def _hour_due(self, now: datetime) -> bool:
        return int(pacing.aware(now).timestamp() // 3600) != self._hour

    def _reload(self) -> None:
        """Reload campaigns (the caller holds the lock)."""
        version = ledger.campaigns_version()
        book = upkeep.load_book(self.engine)
        if self.relevance is not None:
            self.relevance.prepare(book.by_product)
        if self.book is None:
            self.model.prior_cvr = storefront_cvr(self.engine)
        self.model.terms = book.terms
        self.scorer.refresh()
        self.book, self._refreshed = book, time.monotonic()
        self._version = version

    def upkeep(self, now: datetime) -> None:
        """Reload stale campaigns; on a new hour retrain (every few hours) and step controllers."""
        hour = int(pacing.aware(now).timestamp() // 3600)
        self.queue.flush()  # the controllers and the model read the recorded impressions
        with self._lock:
            if self._stale():
                self._reload()
            if hour == self._hour or self.book is None:
                return
            if self._trained_hour is None or hour - self._trained_hour >= RETRAIN_HOURS:
                self.model.fit(self.engine, self.book.prices)
                self.scorer.refresh()
                self._trained_hour = hour
            upkeep.step_controllers(self.engine, self.book, self.model, now,
                                    self.settings.reserve_cpc)
            self._hour = hour

    def _upkeep_soon(self, now: datetime) -> None:
        """Before an auction: the periodic reload and the hourly work go to a thread.

        A campaign written in this process (:func:`knowledge.ads.campaigns_changed`) is
        reloaded now, waiting for the thread if need be. An old book (other processes'
        changes, every few seconds) reloads on the thread while the last book serves: a
        reload (campaigns, vectors, the compiled model) took tens of milliseconds.
        """
        if self.book is None or not self.background:
            self.upkeep(now)
            return
        if self._version != ledger.campaigns_version():  # a campaign changed: wait for it
            with self._lock:
                if self._version != ledger.campaigns_version():
                    self._reload()
        if (self._stale() or self._hour_due(now)) and self._busy.acquire(blocking=False):
            threading.Thread(target=self._upkeep_thread, args=(now,), daemon=True).start()

    def _upkeep_thread(self, now: datetime) -> None:
        try:
            self.upkeep(now)
        except Exception as exc:  # noqa: BLE001 - a failed step keeps the last book
            log.warning("ads upkeep failed, serving from the last refresh: %s", exc)
            self._refreshed = time.monotonic() - REFRESH_SECONDS + 1.0  # retry in a second
        finally:
            self._busy.release()

    def sponsored(self, candidates: list[Candidate], *, session_id: str, now: datetime,
                  query: str | None = None, placement: str = "search",
                  slots: int | None = None) -> list[Sponsored]:
        """Fill up to ``slots`` sponsored slots ([]: ads off, nothing relevant, no database)."""
        n_slots = self.settings.slots if slots is None else slots
        before = self.recent.words(session_id, query if placement == "search" else None)
        if n_slots <= 0 or not candidates or not self.queue.healthy:
            return []  # unhealthy: impressions cannot be recorded now
        try:
            self._upkeep_soon(now)
            book = self.book
            if book is None:
                return []
            entries = self._entries(book, candidates, pacing.aware(now), placement, query,
                                    before)
            if not entries:
                return []
            return self._auction(entries, n_slots, session_id, now, query, placement)
        except SQLAlchemyError as exc:
            log.warning("ads skipped for this page: %s", exc)
            return []

    def _entries(self, book: Book, candidates: list[Candidate], now: datetime, placement: str,
                 query: str | None, before: tuple[str, ...] = ()) -> list[Entry]:
        top = max((c.score for c in candidates), default=0.0)
        if top <= 0:
            return []
        hour = int(now.timestamp() // 3600)
        rank_cap, floor = self.settings.relevance_top, self.settings.relevance_floor
        relevance = self.relevance if needs_check(placement, query) else None
        min_sim = self.settings.relevance_min_similarity
        qvec = None
        live_now: dict[str, Live | None] = {}  # campaign -> itself if eligible, asked once
        out: list[Entry] = []
        for cand in candidates:  # (ORM attributes are slow to read: each read once)
            if cand.rank >= rank_cap:
                continue
            product = cand.product
            pid = product.id
            cids = book.by_product.get(pid)
            if not cids:
                continue
            share = cand.score / top
            if share < floor or (product.stock or 0) <= 0:
                continue
            live = self._live(book, cids, live_now, now, hour)
            if not live:
                continue
            if relevance is not None:
                qvec = relevance.query_vector(query or "") if qvec is None else qvec
                sim = relevance.similarity(qvec, pid)
                if sim is None or sim < min_sim:
                    continue
            ctx = Context(pid, float(product.price or 0.0), share, cand.rank, placement, query,
                          before)
            out.extend((cand, item, ctx) for item in live)
        return out

    def _live(self, book: Book, cids: list[str], known: dict[str, Live | None], now: datetime,
              hour: int) -> list[Live]:
        """The product's campaigns that may bid now (each campaign asked once per page)."""
        out = []
        for cid in cids:
            if cid in known:
                item = known[cid]
            else:
                item = book.live[cid]
                item = known[cid] = (item if item.eligible(now, hour, self.settings.reserve_cpc)
                                     else None)
            if item is not None:
                out.append(item)
        return out

    def _bids(self, entries: list[Entry]) -> tuple[np.ndarray, np.ndarray]:
        ctr, cvr = self.scorer.predict([e[2] for e in entries])
        shades: dict[str, tuple[float | None, float]] = {}  # campaign -> (fixed bid, shade)
        bids = []
        for (_, item, ctx), value in zip(entries, cvr.tolist(), strict=True):
            shade = shades.get(item.id)
            if shade is None:
                state = item.state
                fixed = state.fixed_bid if state.strategy == "fixed" else None
                shade = shades[item.id] = (fixed, min(state.multiplier, state.pace))
            bids.append(shade[0] if shade[0] is not None
                        else value * ctx.price / item.target_roi * shade[1])
        return np.array(bids, dtype=float), ctr

    def _auction(self, entries: list[Entry], n_slots: int, session_id: str, now: datetime,
                 query: str | None, placement: str) -> list[Sponsored]:
        bids, ctr = self._bids(entries)
        result = gsp(bids[None, :], ctr[None, :], n_slots, self.settings.reserve_cpc,
                     [e[1].merchant for e in entries])
        chosen: list[Sponsored] = []
        rows: list[dict[str, Any]] = []
        seen: set[str] = set()
        for slot in range(n_slots):
            col_ = int(result.winners[0, slot])
            if col_ < 0:
                break
            cand, item, ctx = entries[col_]
            if cand.product.id in seen:  # one product, one slot
                continue
            seen.add(cand.product.id)
            ad = Sponsored(cand.product, item.id, ledger.new_impression_id(),
                           len(chosen), float(result.prices[0, slot]))
            dress(ad, item.variants, session_id)
            chosen.append(ad)
            rows.append({"ts": now, "campaign_id": ad.campaign_id, "creative_id": ad.creative_id,
                         "product_id": cand.product.id, "session_id": session_id,
                         "impression_id": ad.impression_id, "query": query,
                         "placement": placement, "position": ad.position,
                         "relevance": ctx.relevance, "organic_rank": cand.rank,
                         "cpc": ad.cpc, "cost": 0.0, "gmv": 0.0, "dedupe": None,
                         "kind": "impression"})
        self.queue.add(rows, background=self.background)  # written off the request path
        return chosen

    def flush(self) -> None:
        """Write the waiting impressions now (raises the driver's error if that fails)."""
        self.queue.flush()

    def close(self) -> None:
        """Shutdown: stop the impression writer and write what waits."""
        self.queue.close()

    def click(self, impression_id: str, now: datetime) -> ledger.ClickResult | None:
        """Record and charge a click (see :func:`knowledge.ads.charge_click`).

        This process's waiting impressions are written first. An impression still unknown
        may be in another worker process's queue: the click waits for it a moment.
        """
        done = ledger.charge_click(self.engine, impression_id, now=now)
        for wait in LANDING_WAITS:
            if done is not None:
                break
            time.sleep(wait)
            done = ledger.charge_click(self.engine, impression_id, now=now)
        book = self.book
        if done is not None and done.cost and book is not None and done.campaign_id in book.live:
            book.live[done.campaign_id].state.spent += done.cost
        return done

    def order(self, *, session_id: str, product_id: str, value: float, order_key: str,
              now: datetime, kind: str = "order") -> ledger.AdEvent | None:
        """Credit an order (or cart) to the last ad click within the attribution window."""
        return ledger.attribute(self.engine, session_id=session_id, product_id=product_id,
                                kind=kind, value=value, order_key=order_key, now=now,
                                window_days=self.settings.attribution_days)
