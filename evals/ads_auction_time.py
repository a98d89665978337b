"""The time the auction adds to a search request (issue 14: p95 <= 3 ms), and its results.

``python -m evals.ads_auction_time`` plays two seeded flights of the bidding eval's world
through the production ad server (:func:`tools.ads.replay.run_flight`: an ROI-bidder flight,
test seed 5, 3 days, and a fixed-bid flight, test seed 6, 2 days; about 5,000 auctions in
all, the click model retrained as the ads are logged) and prints one JSON object: the wall
and thread-CPU time of every :meth:`~tools.ads.serving.AdServer.sponsored` call (p50, p95,
p99), the load average before and after, and the flights' totals. The call queues the page's
impressions; the flights write them at the next upkeep or click, outside the timed call, as
the store's writer thread does beside the request.

``--record FILE`` writes every auction (query, session, time, winners, positions, CPCs, and
each bidder's bid and pCTR); ``--check FILE`` replays the same flights and counts the
auctions that differ from the recorded ones (0: the request path gives the same results).
Recording wraps the server's methods, so time a run without ``--record``/``--check``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from evals.ads_bidding import world_store
from tools.ads.replay import FlightSpec, build_world, run_flight
from tools.ads.serving import AdServer

FLIGHTS = (FlightSpec(target_roi=5.0, budget=150.0, seed=5, days=3, requests_per_day=1000),
           FlightSpec(target_roi=4.0, budget=1e9, seed=6, days=2, requests_per_day=1000,
                      strategy="fixed", fixed_bid=1.6))


@contextmanager
def recording(log: list[dict[str, Any]]) -> Iterator[None]:
    """Append every auction's inputs, bids and results to ``log`` while inside."""
    sponsored, bids = AdServer.sponsored, AdServer._bids
    last: dict[str, Any] = {}

    def _bids(self: AdServer, entries: Any) -> Any:
        out = bids(self, entries)
        last["bids"] = [out[0].tolist(), out[1].tolist(),
                        [(e[0].product.id, e[1].id) for e in entries]]
        return out

    def _sponsored(self: AdServer, candidates: Any, **kw: Any) -> Any:
        last.clear()
        ads = sponsored(self, candidates, **kw)
        log.append({"query": kw.get("query"), "session": kw["session_id"],
                    "now": str(kw["now"]), "bids": last.get("bids"),
                    "ads": [[a.product.id, a.campaign_id, a.position, a.cpc, a.creative_id]
                            for a in ads]})
        return ads

    AdServer.sponsored, AdServer._bids = _sponsored, _bids  # type: ignore[method-assign]
    try:
        yield
    finally:
        AdServer.sponsored, AdServer._bids = sponsored, bids  # type: ignore[method-assign]


def run(world_dir: Path, scratch: Path, log: list[dict[str, Any]] | None = None
        ) -> dict[str, Any]:
    """Play the flights; the timing figures (and the auctions into ``log`` if given)."""
    world = build_world(world_store(world_dir))
    wall: list[float] = []
    cpu: list[float] = []
    flights = []
    load_before = os.getloadavg()
    for i, spec in enumerate(FLIGHTS):
        workdir = scratch / f"flight{i}"
        shutil.rmtree(workdir, ignore_errors=True)
        started = time.perf_counter()
        if log is None:
            result = run_flight(world, spec, workdir)
        else:
            with recording(log):
                result = run_flight(world, spec, workdir)
        wall += result.auction_ms
        cpu += result.auction_cpu_ms
        flights.append({"seed": spec.seed, "strategy": spec.strategy, "auctions":
                        len(result.auction_ms), "impressions": result.impressions,
                        "clicks": result.clicks, "orders": result.orders,
                        "spend": round(result.spend, 2), "seconds": round(
                            time.perf_counter() - started, 1)})
    return {"auctions": len(wall), "flights": flights,
            **{f"auction_ms_p{q}": round(float(np.percentile(wall, q)), 3) for q in (50, 95, 99)},
            **{f"auction_cpu_ms_p{q}": round(float(np.percentile(cpu, q)), 3)
               for q in (50, 95, 99)},
            "load_average_1m_before": round(load_before[0], 2),
            "load_average_1m_after": round(os.getloadavg()[0], 2)}


def main() -> None:
    """Print the figures; optionally record or check every auction."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", type=Path,
                        default=Path(tempfile.gettempdir()) / "shopmage-ads-world")
    parser.add_argument("--record", type=Path, default=None)
    parser.add_argument("--check", type=Path, default=None)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="ads-auction-", dir="/dev/shm" if Path(
        "/dev/shm").is_dir() else None))
    log: list[dict[str, Any]] | None = [] if args.record or args.check else None
    try:
        figures = run(args.world, scratch, log)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if args.record and log is not None:
        args.record.write_text(json.dumps(log))
    if args.check and log is not None:
        want = json.loads(args.check.read_text())
        got = json.loads(json.dumps(log))
        figures["checked_auctions"] = len(want)
        figures["differing_auctions"] = sum(a != b for a, b in zip(want, got, strict=False)) + abs(
            len(want) - len(got))
    print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
