"""The bidding eval's jobs: live flights, pre-flight forecasts and re-forecasts, in a pool.

:func:`run_all` plays a list of :data:`Job` s in the world :func:`set_world` gave (forked
workers inherit it) and returns their results in job order, reporting each one's headline
as it lands (:mod:`evals.ads_bidding` builds the jobs and the figures).
"""

from __future__ import annotations

import json
import multiprocessing
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tools.ads.replay import (
    FlightSpec,
    ReplayWorld,
    forecast_flight,
    reforecast_flight,
    run_flight,
    summary,
)

_WORLD: ReplayWorld | None = None


def set_world(world: ReplayWorld) -> None:
    """The world every later job flies in (set it before the pool forks its workers)."""
    global _WORLD
    _WORLD = world


# (spec, workdir, plays, flown): a live flight (plays 0), the pre-flight forecast of one
# (plays > 0, flown ""), or the re-forecast of the flight flown in ``flown`` (plays > 0)
Job = tuple[FlightSpec, str, int, str]


def _flight(job: Job) -> dict[str, Any]:
    """A live flight, the pre-flight forecast of one, or a flown flight's re-forecast."""
    spec, workdir, plays, flown = job
    assert _WORLD is not None
    shutil.rmtree(workdir, ignore_errors=True)
    head = {"seed": spec.seed, "target_roi": spec.target_roi, "luck": spec.luck,
            "workdir": workdir}
    if plays and flown:
        return {**head, **reforecast_flight(_WORLD, spec, Path(flown), Path(workdir), plays)}
    if plays:
        return {**head, **forecast_flight(_WORLD, spec, Path(workdir), plays)}
    result = run_flight(_WORLD, spec, Path(workdir))
    return {**summary(result, spec), "workdir": workdir, "auction_ms": result.auction_ms,
            "auction_cpu_ms": result.auction_cpu_ms, "luck": spec.luck,
            "expected_roi": round((result.expected_gmv or 0.0) / result.spend, 3)
            if result.spend else 0.0,
            "shown": result.shown[:: max(1, len(result.shown) // 60)]}


def _indexed(item: tuple[int, Job]) -> tuple[int, dict[str, Any]]:
    return item[0], _flight(item[1])


SHOWN = ("seed", "target_roi", "strategy", "fixed_bid", "luck", "spend", "roi", "orders",
         "pacing_error", "expected_roi", "p50_pooled_roi", "pooled_roi", "searches")


def run_all(jobs: Sequence[Job], workers: int, progress: Callable[[str], Any] | None = None
            ) -> list[dict[str, Any]]:
    """Every job's result in job order; each one's headline to ``progress`` as it lands."""
    out: list[dict[str, Any]] = [{} for _ in jobs]
    pairs = ((i, j) for i, j in enumerate(jobs))
    with (multiprocessing.get_context("fork").Pool(workers) if workers > 1
          else _Serial()) as pool:
        for i, result in pool.imap_unordered(_indexed, pairs, chunksize=1):
            out[i] = result
            if progress is not None:
                progress("done " + json.dumps({k: result[k] for k in SHOWN if k in result}))
    return out


class _Serial:
    """A one-process stand-in for the pool."""

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def imap_unordered(self, fn: Callable[[Any], Any], items: Any, chunksize: int = 1) -> Any:
        return map(fn, items)
