"""``shopmage traffic``: drive the storefront with persona shoppers; print the ad figures."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated

import typer

traffic_app = typer.Typer(help="Simulated shoppers on the real storefront API.",
                          no_args_is_help=True)

DEMO_BRANDS = ("IronLeaf",)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _demo_campaign(store, start: date, days: int) -> str | None:  # type: ignore[no-untyped-def]
    """Create a demo campaign (a merchant owning IronLeaf) unless one is already running."""
    from sqlmodel import Session, select

    from knowledge.campaigns import Campaign
    from knowledge.errors import InvalidRequestError
    from knowledge.merchants import create_merchant
    from knowledge.models import Merchant, Product
    from tools.campaigns import service

    with Session(store.engine) as session:
        if session.exec(select(Campaign).where(Campaign.status == "active")).first():
            return None
        merchant = session.exec(select(Merchant).where(Merchant.name == "Demo Ads")).first()
    if merchant is None:
        merchant, _ = create_merchant(store.engine, name="Demo Ads")
    service.assign_products(store.engine, merchant.id, brands=list(DEMO_BRANDS))
    with Session(store.engine) as session:
        ids = [p.id for p in session.exec(select(Product).where(Product.merchant_id == merchant.id,
                                                                Product.stock > 0))][:40]
    plan = service.CampaignDraft(product_ids=ids, budget_total=60.0 * days, target_roi=3.0,
                                 start=start, end=start + timedelta(days=days - 1))
    try:
        return service.create_campaign(store.engine, merchant.id, plan, {}).id
    except InvalidRequestError as exc:
        typer.echo(f"no demo campaign: {exc}")
        return None


@traffic_app.command("run")
def run(days: Annotated[int, typer.Option(min=1, max=60)] = 3,
        shoppers: Annotated[int, typer.Option(min=1, max=100_000)] = 500,
        url: Annotated[str | None, typer.Option(help="a running store; default: start one "
                                                     "on loopback")] = None,
        start: Annotated[str | None, typer.Option(help="first simulated day (YYYY-MM-DD); "
                                                       "default today")] = None,
        visits_per_day: float = 1.0, seed: int = 0,
        demo_campaign: Annotated[bool, typer.Option(help="start a demo campaign if none "
                                                         "is active")] = True) -> None:
    """Drive persona shoppers through the storefront API on a compressed clock.

    They search, click and buy; then each active campaign's recorded report is printed.
    """
    import uvicorn
    from sqlmodel import Session, select

    from knowledge.campaigns import Campaign
    from knowledge.models import Product
    from knowledge.settings import Settings
    from knowledge.store import open_store
    from server.app import create_app
    from tools.ads.driver import Driver, typical_prices
    from tools.ads.report import campaign_report, report_text

    first = date.fromisoformat(start) if start else datetime.now(UTC).date()
    os.environ["SHOPMAGE_ADS_CLOCK"] = "request"  # this process's server trusts the driver's clock
    store = open_store(Settings())
    if demo_campaign:
        made = _demo_campaign(store, first, days)
        if made:
            typer.echo(f"demo campaign {made} started")
    server = None
    if url is None:
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(store.settings, store),
                                               host="127.0.0.1", port=port, log_level="warning"))
        threading.Thread(target=server.run, daemon=True).start()
        url = f"http://127.0.0.1:{port}"
        while not server.started:
            time.sleep(0.1)
    with Session(store.engine) as session:
        products = list(session.exec(select(Product)))
        campaigns = list(session.exec(select(Campaign).where(Campaign.status == "active")))
    driver = Driver(url, typical_prices(products), seed=seed)
    result = driver.run(days=days, n_shoppers=shoppers, start=first,
                        visits_per_day=visits_per_day, progress=typer.echo)
    typer.echo(json.dumps(result.as_dict()))
    end = datetime.combine(first + timedelta(days=days), datetime.min.time(), tzinfo=UTC)
    for campaign in campaigns:
        typer.echo(report_text(campaign_report(store.engine, campaign, end)))
    if server is not None:
        server.should_exit = True


@traffic_app.command("bench")
def bench(seeds: Annotated[int, typer.Option(min=1, max=5)] = 5, workers: int = 2,
          world: Path | None = None, out: Path | None = None,
          split: Annotated[str, typer.Option(help="dev (seeds 0-4) or test (5-9)")] = "dev"
          ) -> None:
    """Print the bidding/serving figures (15 flights through the ad server, and baselines)."""
    import tempfile

    from evals.ads_bidding import SPLITS, run_eval

    if split not in SPLITS:
        raise typer.BadParameter(f"split must be one of {sorted(SPLITS)}, got {split!r}")
    figures = run_eval(world or Path(tempfile.gettempdir()) / "shopmage-ads-world",
                       seeds=SPLITS[split][:seeds], workers=workers,
                       progress=lambda m: typer.echo(m, err=True))
    text = json.dumps(figures, indent=1, default=str)
    if out:
        out.write_text(text)
    typer.echo(text)


@traffic_app.command("reforecast")
def reforecast(campaign_id: str, runs: Annotated[int, typer.Option(min=1, max=10)] = 3,
               until: Annotated[str | None, typer.Option(help="ISO time the window ends "
                                                            "(default: now)")] = None) -> None:
    """Re-forecast a launched campaign on the searches it met, beside its recorded ROI.

    The searches the store logged in the campaign's period are replayed through the ad
    server with the models learned before its start; its own clicks and orders are not read.
    """
    from sqlmodel import Session

    from knowledge.campaigns import Campaign
    from knowledge.settings import Settings
    from knowledge.store import open_store
    from tools.campaigns.forecasting import reforecast_campaign

    store = open_store(Settings())
    with Session(store.engine) as session:
        campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise typer.BadParameter(f"no campaign {campaign_id!r}")
    now = datetime.fromisoformat(until) if until else None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    out = reforecast_campaign(store, campaign, runs=runs, now=now)
    typer.echo(json.dumps(out, indent=1, default=str))
