"""The bidding and serving figures of issue 14, every flight driven through the ad server.

``python -m evals.ads_bidding`` (or ``shopmage bench ads``) prints one JSON object:

- 15 ROI-bidder flights (3 ROI targets x 5 seeds) over a real demo store's organic search
  results, against rival fixed-bid campaigns, with persona shoppers reacting by hidden
  needs and price sensitivity (the server learns pCTR/pCVR from what it logs);
- a grid of constant-bid flights per seed: the baseline "best constant bid at equal spend"
  (its ROI interpolated at the ROI flight's spend) and the feasibility of each target
  (some constant bid reaches the target; the budget is 80% of the most such a bid spends).
  Bids 0.8, 1.6, 2.4, 3.2: 2.4 was added on 2026-11-30 because between 1.6 and 3.2 (spends
  ~4x apart) the log-linear interpolation credited the constant bid with more GMV at a
  lower spend than the 3.2 bid itself earned; the ratio on the old 3-point grid is printed
  beside (``score_ratio_vs_constant_old_3pt_grid``);
- pacing error, ROI at target, score ratio, auction time, relevance of sponsored products,
  overspend under 20 concurrent sessions, and forecast vs realised ROI per ROI flight: the
  pre-flight forecast is the production one (:mod:`tools.ads.forecast`), run on the store as
  it stands before the flight (its recorded searches, learned click and order models, the
  rivals) through the same ad server; it never sees the flight's traffic draw or the
  shoppers' hidden reactions. Its ROI is pooled over ``--replays`` plays;
- the same-traffic re-forecast per ROI flight (issue 14's "same campaign, same traffic"):
  after the flight, the production re-forecast (:mod:`tools.ads.reforecast`) replays the
  searches the flight logged, with the models learned before it, never its clicks or
  orders; pooled over ``--reforecast-plays`` plays (default 1), with the realisation
  noise beside it
  (:mod:`evals.ads_same_traffic`; ``--luck N`` flies each flight N more times).

"Feasible" comes from the traffic alone, before any ROI flight: the constant-bid grid on
the seed's traffic reaches the target with at least 10 orders.

Seeds are split: ``--split dev`` (seeds 0-4, used while tuning the controllers) and
``--split test`` (seeds 5-9, held out; the split was added after the first tuning round, so
only the test seeds are unseen). The auction's time is printed as wall time and as the
thread's CPU time (the latter is what the auction costs when the machine is not busy).

The flights run in :mod:`evals.ads_bidding_jobs`, the figures are computed in
:mod:`evals.ads_bidding_figures`, the concurrency trial is :mod:`evals.ads_overspend`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from evals.ads_bidding_figures import bidding_figures, feasible_spend
from evals.ads_bidding_jobs import Job, run_all, set_world
from evals.ads_overspend import overspend_trial
from evals.ads_same_traffic import same_traffic
from knowledge.settings import Settings
from knowledge.store import Store
from tools.ads.replay import FlightSpec, build_world

TARGETS = (4.0, 5.0, 6.0)
SPLITS = {"dev": (0, 1, 2, 3, 4), "test": (5, 6, 7, 8, 9)}
SEEDS = SPLITS["dev"]
REPLAYS = 3
REFORECAST_PLAYS = 1
GRID = (0.8, 1.6, 2.4, 3.2)
DAYS, REQUESTS_PER_DAY, RIVAL_BID = 3, 1000, 1.0
PROJECT_PACKAGES = ("agents", "cli", "evals", "knowledge", "server", "tools")


def world_store(folder: Path, products: int = 1200, seed: int = 11) -> Store:
    """The demo store the flights search (built once; reused when ``folder`` holds it).

    Its search is the served one: ``server.app.attach_knowledge`` plugs in the commonsense
    knowledge and the learned ranker as a store of this kind is served, so the organic ranks
    the ads compete with are those a shopper sees. The catalogue is the generated demo world
    (``make_catalog``, as ``build_demo``), so the folder carries the generated-demo marker
    before the knowledge is attached: the ranker, trained on real listings, stays off here
    as it does on a served demo store (``knowledge.catalogue_origin``).
    """
    from knowledge.catalogue_origin import is_generated_demo, mark_generated_demo
    from server.app import attach_knowledge

    store = Store(Settings(data_dir=folder))
    if not is_generated_demo(store.settings):
        mark_generated_demo(store.settings, seed, products)
    if len(store.search.index) == 0:
        from knowledge.demo.catalog import make_catalog
        from knowledge.ingest import import_catalog

        rows = make_catalog(seed, products)
        path = folder / "catalog.jsonl"
        path.write_text("\n".join(json.dumps({k: v for k, v in r.items() if k != "image"})
                                  for r in rows))
        import_catalog(store, path)
    attach_knowledge(store)
    return store


def run_eval(world_dir: Path, *, targets: tuple[float, ...] = TARGETS,
             seeds: tuple[int, ...] = SEEDS, workers: int = 2, days: int = DAYS,
             requests_per_day: int = REQUESTS_PER_DAY, replays: int = REPLAYS,
             progress: Callable[[str], Any] = print, grid_from: Path | None = None,
             luck: int = 0, reforecast_plays: int = REFORECAST_PLAYS) -> dict[str, Any]:
    """Every flight, then the figures (see the module docstring).

    ``reforecast_plays``: plays of each same-traffic re-forecast (its GMV is each play's
    expectation, so plays differ only by click luck; one keeps the run's time in bounds).
    ``luck``: each ROI flight is flown again this many times on the same traffic with other
    draws of the shoppers' clicks and orders (the realisation noise of its ROI; not needed
    for any target figure).

    ``grid_from``: a previous figures file of the same seeds, days and volume whose
    constant-bid grid is reused (those flights do not involve the ROI bidder; a quicker
    dev loop while tuning it). Never for a reported test figure.
    """
    store = world_store(world_dir)
    world = build_world(store)
    set_world(world)
    code = code_fingerprint()  # (read now: a working tree may change while the flights run)
    scratch = Path(tempfile.mkdtemp(prefix="ads-eval-", dir="/dev/shm" if Path(
        "/dev/shm").is_dir() else None))
    base: dict[str, Any] = {"days": days, "requests_per_day": requests_per_day,
                            "rival_bid": RIVAL_BID}
    grid = _constant_grid(seeds, base, scratch, workers, progress, grid_from)
    by_seed = {s: [g for g in grid if g["seed"] == s] for s in seeds}
    plans, roi_jobs, forecast_jobs, luck_jobs = _roi_plans(targets, seeds, by_seed, base,
                                                           scratch, replays, luck)
    progress(f"ROI-bidder flights: {len(roi_jobs)}, and their pre-flight forecasts "
             f"({replays} plays each)")
    both = run_all(roi_jobs + forecast_jobs, workers, progress)
    runs, replayed = both[:len(roi_jobs)], both[len(roi_jobs):]
    progress(f"same-traffic re-forecasts of the {len(runs)} flights ({reforecast_plays} "
             "plays each)"
             + (f", and {len(luck_jobs)} flights with other outcome luck" if luck else ""))
    again = run_all([(spec, str(scratch / f"reforecast-{spec.seed}-{spec.target_roi}"),
                      reforecast_plays, flown) for spec, flown, _, _ in roi_jobs] + luck_jobs,
                    workers, progress)
    load = os.getloadavg()
    out = bidding_figures(store, world, runs, plans, by_seed, replayed)
    out.update(same_traffic(runs, again[:len(runs)], again[len(runs):]))
    out["overspend"] = overspend_trial(world, scratch / "overspend")
    out["seeds"], out["load_average_1m_at_figures"] = list(seeds), round(load[0], 2)
    out["code"] = code
    shutil.rmtree(scratch, ignore_errors=True)
    return out


def _constant_grid(seeds: tuple[int, ...], base: dict[str, Any], scratch: Path, workers: int,
                   progress: Callable[[str], Any], grid_from: Path | None
                   ) -> list[dict[str, Any]]:
    """The constant-bid flights of every seed and bid (or those of ``grid_from``)."""
    if grid_from is not None:
        old = json.loads(grid_from.read_text())["grid"]
        return [{**g, "seed": s} for s in seeds for g in old[str(s)]]
    progress(f"constant-bid grid: {len(GRID) * len(seeds)} flights")
    return run_all([(FlightSpec(target_roi=1.0, budget=1e9, seed=s, strategy="fixed",
                                fixed_bid=b, **base), str(scratch / f"grid-{s}-{b}"), 0, "")
                    for s in seeds for b in GRID], workers, progress)


def _roi_plans(targets: tuple[float, ...], seeds: tuple[int, ...],
               by_seed: dict[int, list[dict[str, Any]]], base: dict[str, Any], scratch: Path,
               replays: int, luck: int
               ) -> tuple[list[dict[str, Any]], list[Job], list[Job], list[Job]]:
    """Per target and seed: its plan (budget from the grid), ROI flight, forecast, luck flights."""
    roi_jobs: list[Job] = []
    forecast_jobs: list[Job] = []
    luck_jobs: list[Job] = []
    plans: list[dict[str, Any]] = []
    for t in targets:
        for s in seeds:
            cap = feasible_spend(by_seed[s], t)
            budget = 0.8 * cap if cap else 0.5 * min(g["spend"] for g in by_seed[s])
            plans.append({"target": t, "seed": s, "feasible": cap > 0, "budget": budget})
            spec = FlightSpec(target_roi=t, budget=budget, seed=s, **base)
            roi_jobs.append((spec, str(scratch / f"roi-{s}-{t}"), 0, ""))
            forecast_jobs.append((spec, str(scratch / f"forecast-{s}-{t}"), replays, ""))
            luck_jobs += [(replace(spec, luck=k), str(scratch / f"luck{k}-{s}-{t}"), 0, "")
                          for k in range(1, luck + 1)]
    return plans, roi_jobs, forecast_jobs, luck_jobs


def code_fingerprint() -> dict[str, Any]:
    """Which source the figures came from: the project folder and a digest of its loaded modules.

    Two runs are comparable only when these match. (A script run from a copy of the code
    imports the editable install's working tree, not the copy, unless ``PYTHONPATH`` names
    the copy: flights that "differed between runs of the same code" were two codes.)
    """
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha1()
    for name in sorted(sys.modules):
        path = getattr(sys.modules[name], "__file__", None)
        if name.split(".")[0] in PROJECT_PACKAGES and path and path.endswith(".py"):
            digest.update(name.encode() + b"\0" + Path(path).read_bytes())
    return {"root": str(root), "sha1": digest.hexdigest()}


def main() -> None:
    """Print the figures as one JSON object."""
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", type=Path,
                        default=Path(tempfile.gettempdir()) / "shopmage-ads-world")
    parser.add_argument("--split", choices=sorted(SPLITS), default="dev")
    parser.add_argument("--seeds", type=int, default=len(SEEDS),
                        help="use the split's first N seeds")
    parser.add_argument("--replays", type=int, default=REPLAYS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--days", type=int, default=DAYS)
    parser.add_argument("--requests-per-day", type=int, default=REQUESTS_PER_DAY)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--grid-from", type=Path, default=None,
                        help="reuse the constant-bid grid of an earlier run of the same seeds")
    parser.add_argument("--reforecast-plays", type=int, default=REFORECAST_PLAYS)
    parser.add_argument("--luck", type=int, default=0,
                        help="fly each ROI flight N more times with other outcome draws")
    args = parser.parse_args()
    figures = run_eval(args.world, seeds=SPLITS[args.split][:args.seeds], workers=args.workers,
                       days=args.days, requests_per_day=args.requests_per_day,
                       replays=args.replays, grid_from=args.grid_from, luck=args.luck,
                       reforecast_plays=args.reforecast_plays,
                       progress=lambda m: print(m, file=sys.stderr, flush=True))
    text = json.dumps(figures, indent=1, default=str)
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
