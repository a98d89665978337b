"""A flight is a function of its spec and seed: the same flight flown again in the same process,
after another flight and a forecast played there, records the same spend, clicks and orders.

The bidding eval's pool workers fly flights and forecast plays one after another in one
process, in an order set by timing; a figure may only depend on the flight itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from knowledge.demo.catalog import make_catalog
from knowledge.ingest import import_catalog
from knowledge.store import Store
from tools.ads import serving
from tools.ads.replay import FlightSpec, ReplayWorld, build_world, forecast_flight, run_flight


def _world(store: Store, tmp_path: Path) -> ReplayWorld:
    """The generated world's fitness shelf (46 products, four brands, two of them ours)."""
    rows = [r for r in make_catalog(11, 400) if r["category"] == "fitness"]
    path = tmp_path / "catalog.jsonl"
    path.write_text("\n".join(json.dumps({k: v for k, v in r.items() if k != "image"})
                              for r in rows))
    import_catalog(store, path)
    return build_world(store, queries_per_persona=6)


def _flown(world: ReplayWorld, spec: FlightSpec, folder: Path) -> dict[str, Any]:
    result = run_flight(world, spec, folder)
    return {"spend": round(result.spend, 6), "gmv": round(result.gmv, 6),
            "clicks": result.clicks, "orders": result.orders,
            "impressions": result.impressions, "shown": result.shown}


def test_a_flight_replays_identically_after_other_jobs_in_the_process(
        store: Store, tmp_path: Path, monkeypatch: Any) -> None:
    world = _world(store, tmp_path)
    spec = FlightSpec(target_roi=3.0, budget=40.0, seed=3, days=1, requests_per_day=300,
                      rival_bid=1.0, history_searches=1200)
    first = _flown(world, spec, tmp_path / "first")
    assert first["clicks"] >= 5 and first["orders"] >= 1  # a flight that bid, bought, learned

    other = FlightSpec(target_roi=5.0, budget=25.0, seed=4, days=1, requests_per_day=300,
                       rival_bid=0.5, history_searches=1200)
    run_flight(world, other, tmp_path / "other")
    forecast_flight(world, other, tmp_path / "forecast", plays=1)
    # the server also reloads its campaigns every few real seconds: here before every page
    # (the first flight, a few seconds long, never did), which must not matter either
    monkeypatch.setattr(serving, "REFRESH_SECONDS", 0.0)
    assert _flown(world, spec, tmp_path / "again") == first
