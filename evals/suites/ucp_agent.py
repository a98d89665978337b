"""``ucp_agent``: an outside AI agent shops the store over UCP (MCP over HTTP).

For 20 WebShop goals per split (dev, test; picked and checked by :mod:`evals.ucp_goals`,
frozen before the agent ran), the scripted agent of :mod:`evals.ucp_agent` discovers the
store, searches, carts and opens a checkout session on the real server on loopback, whose
catalogue is the real-listings ESCI store: the first 2,000 listings of
``knowledge/demo/esci/products.jsonl.gz`` (all 6.6k take about 20 minutes to embed on two
busy cores), imported the way ``shopmage ingest catalog`` does.

Metrics per split (test is the headline):

- ``success``: share of goals whose checkout session holds the right product (the goal's
  head noun in its title, within any price cap) in quantity 1;
- ``reached_checkout``: share that reached a checkout session at all;
- ``seconds_mean`` / ``seconds_p95``: wall time per goal (search, cart, checkout, read back).
"""

from __future__ import annotations

import asyncio
import gzip
from itertools import islice
from pathlib import Path
from typing import Any

from evals.metrics import mean
from evals.results import SuiteContext, SuiteResult, register_suite
from evals.ucp_agent import GoalRun, shop_goals
from evals.ucp_goals import load_goals, pick, right
from evals.ucp_server import serve_ucp
from knowledge.agents import create_agent
from knowledge.ingest import import_catalog
from knowledge.settings import REPO_ROOT
from knowledge.store import Store
from server.app import attach_knowledge

CATALOGUE = REPO_ROOT / "knowledge" / "demo" / "esci" / "products.jsonl.gz"
LISTINGS = 2000
GOALS = REPO_ROOT.parent / "shared" / "data" / "webshop" / "human_goals.json"


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0


def _catalogue(store: Store) -> list[tuple[str, float | None]]:
    from sqlmodel import Session, select

    from knowledge.models import Product

    with Session(store.engine) as session:
        return [(p.title, p.price) for p in session.exec(select(Product)) if p.stock > 0]


def _first_listings(target: Path) -> Path:
    with gzip.open(CATALOGUE, "rt", encoding="utf-8") as source:
        target.write_text("".join(islice(source, LISTINGS)), encoding="utf-8")
    return target


def _row(split: str, run: GoalRun) -> dict[str, Any]:
    ok = run.checkout_id is not None and right(run.goal, run.title or "", run.price,
                                               run.quantity or 0)
    return {"split": split, "goal": run.goal, "query": run.query, "product": run.title,
            "price": run.price, "quantity": run.quantity, "status": run.status,
            "right": ok, "seconds": round(run.seconds, 3), "error": run.error}


@register_suite("ucp_agent")
def ucp_agent(ctx: SuiteContext) -> SuiteResult:
    """Shop 20 dev and 20 test WebShop goals over UCP/MCP; share right, time per goal."""
    goals_path = ctx.data or GOALS
    store = Store(ctx.store_settings())
    ctx.progress(f"importing the first {LISTINGS} listings of {CATALOGUE.name}")
    import_catalog(store, _first_listings(ctx.work_dir / "listings.jsonl"))
    attach_knowledge(store)
    ctx.record_data_file(CATALOGUE, len(store.search.index))
    goals = pick(load_goals(goals_path), _catalogue(store))
    ctx.record_data_file(goals_path, len(goals))
    _, key = create_agent(store.engine, name="eval-agent", rate_limit="100000/minute")
    rows: list[dict[str, Any]] = []
    with serve_ucp(store) as url:
        for split in ("dev", "test"):
            texts = [g.text for g in goals if g.split == split]
            ctx.progress(f"{split}: shopping {len(texts)} goals over MCP")
            runs = asyncio.run(shop_goals(url, key, texts))
            rows.extend(_row(split, run) for run in runs)
    store.close()
    metrics = {}
    for split in ("dev", "test"):
        mine = [r for r in rows if r["split"] == split]
        seconds = [r["seconds"] for r in mine]
        metrics[split] = {"success": mean([float(r["right"]) for r in mine]),
                          "reached_checkout": mean([float(r["status"] is not None)
                                                    for r in mine]),
                          "seconds_mean": mean(seconds), "seconds_p95": _p95(seconds),
                          "goals": float(len(mine))}
    return SuiteResult(metrics=metrics, details={"goals": rows})
