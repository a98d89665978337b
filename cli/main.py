"""The ``shopmage`` command line: demo, ingest, search, serve, merchant, bench, eval, knowledge."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli.agent import agent_app, bench_ucp_search
from cli.common import console, fail, open_configured_store
from cli.eval import eval_app
from cli.feed import feed_app
from cli.knowledge import knowledge_app
from cli.traffic import traffic_app
from cli.train import train_app
from cli.understand import understand
from knowledge.errors import ShopmageError

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

app = typer.Typer(help="shopmage: the self-hosted AI layer for online stores.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
demo_app = typer.Typer(help="The generated demo store.", no_args_is_help=True)
ingest_app = typer.Typer(help="Import catalogue and behaviour files.", no_args_is_help=True)
merchant_app = typer.Typer(help="Merchant accounts.", no_args_is_help=True)
bench_app = typer.Typer(help="Benchmarks (print figures; --json for one JSON object).",
                        no_args_is_help=True)
app.add_typer(demo_app, name="demo")
app.add_typer(ingest_app, name="ingest")
app.add_typer(merchant_app, name="merchant")
app.add_typer(bench_app, name="bench")

app.add_typer(eval_app, name="eval")
app.add_typer(knowledge_app, name="knowledge")
app.add_typer(agent_app, name="agent")
app.add_typer(feed_app, name="feed")
bench_app.command("ucp-search")(bench_ucp_search)
app.add_typer(train_app, name="train")
app.add_typer(traffic_app, name="traffic")
app.command("understand")(understand)


@demo_app.command("build")
def demo_build(products: Annotated[int | None, typer.Option(
                   help="products (generated: 5000; esci: all ~6,400 listings)")] = None,
               shoppers: int = 600, seed: int = 7,
               if_missing: Annotated[
                   bool, typer.Option(help="do nothing if a store exists")] = False,
               catalog: Annotated[str, typer.Option(
                   help="generated (the seeded demo world) or esci (real Amazon listings "
                        "shipped in the repo, attributes extracted at import)")] = "generated",
               ) -> None:
    """Build the demo store (fixed seed) and import it."""
    from knowledge.demo_build import build_demo, demo_exists

    if catalog not in ("generated", "esci"):
        fail(f"--catalog must be generated or esci, got {catalog!r}")
    store = open_configured_store()
    if if_missing and demo_exists(store):
        console.print(f"store present ({len(store.search.index)} products); nothing to do")
        return
    if catalog == "esci":
        from knowledge.demo.esci import build_esci_demo

        counts = build_esci_demo(store, limit=products, shoppers=shoppers, seed=seed)
        for warning in counts["warnings"]:
            console.print(f"[yellow]warning:[/yellow] {warning}")
    else:
        counts = build_demo(store, products=products or 5000, shoppers=shoppers, seed=seed)
    _build_knowledge_if_available(store)
    console.print(f"demo store built: {counts['products']} products, {counts['events']} events")


def _build_knowledge_if_available(store) -> None:  # type: ignore[no-untyped-def]
    try:
        from knowledge.graph.build import build_knowledge
    except ModuleNotFoundError:
        return
    build_knowledge(store, sources=("seed", "mining"))


@ingest_app.command("catalog")
def ingest_catalog(file: Path, merchant: Annotated[str | None, typer.Option(
        help="merchant id that owns these products")] = None) -> None:
    """Import products (JSONL or CSV, ESCI field names accepted); all rows or none."""
    from knowledge.ingest import import_catalog_report

    try:
        report = import_catalog_report(open_configured_store(), file, merchant_id=merchant)
    except ShopmageError as exc:
        fail(str(exc))
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    console.print(f"imported {report.products} products ({report.extracted} attribute values "
                  "extracted from their text)")


@ingest_app.command("events")
def ingest_events(file: Path, personas: Path | None = None) -> None:
    """Import behaviour events (JSONL); all rows or none."""
    from knowledge.ingest import import_events

    try:
        n = import_events(open_configured_store(), file, personas=personas)
    except ShopmageError as exc:
        fail(str(exc))
    console.print(f"imported {n} events")


@app.command()
def search(query: str, k: int = 10, min_price: float | None = None,
           max_price: float | None = None, category: str | None = None,
           brand: str | None = None, color: str | None = None,
           attr: Annotated[list[str] | None, typer.Option(help="required attribute")] = None,
           mode: str = "hybrid", no_knowledge: bool = False, as_json: Annotated[
               bool, typer.Option("--json")] = False) -> None:
    """Search the catalogue the way the assistants do."""
    from knowledge.search import SearchFilters
    from server.app import attach_knowledge

    if mode not in ("hybrid", "bm25", "dense"):
        fail("--mode must be hybrid, bm25 or dense")
    store = open_configured_store()
    attach_knowledge(store)
    filters = SearchFilters(min_price=min_price, max_price=max_price, category=category,
                            brand=brand, color=color, attributes=tuple(attr or ()))
    hits = store.search.search(query, filters, k=k, mode=mode,  # type: ignore[arg-type]
                               use_knowledge=not no_knowledge)
    if as_json:
        print(json.dumps([{"id": h.product.id, "title": h.product.title, "price": h.product.price,
                           "score": round(h.score, 5), "why": h.why} for h in hits]))
        return
    table = Table("id", "title", "price", "why")
    for h in hits:
        table.add_row(h.product.id, h.product.title[:70], f"{h.product.price or '-'}",
                      "; ".join(h.why)[:60])
    console.print(table if hits else "no products match")


@app.command()
def serve(host: str | None = None, port: int | None = None) -> None:
    """Run the HTTP/WebSocket server (storefront at /, console at /console/, docs at /docs)."""
    import uvicorn

    from knowledge.settings import Settings
    from server.app import create_app

    settings = Settings()
    uvicorn.run(create_app(settings), host=host or settings.host, port=port or settings.port,
                log_level="info", ws_max_size=64 * 1024)


@app.command()
def mcp(transport: str = "stdio", host: str = "127.0.0.1", port: int = 8001,
        merchant_key: Annotated[str | None, typer.Option(
            envvar="SHOPMAGE_MERCHANT_KEY", help="enables the merchant tools")] = None,
        agent_key: Annotated[str | None, typer.Option(
            envvar="SHOPMAGE_AGENT_KEY", help="UCP agent key for calls that carry none")] = None,
        ) -> None:
    """Serve the shopmage tools over MCP (stdio or streamable HTTP at /mcp)."""
    if transport not in ("stdio", "http"):
        fail("--transport must be stdio or http")
    if merchant_key is not None:
        _check_merchant_key(merchant_key)  # a wrong key fails before the server code loads
    from server.app import attach_knowledge
    from server.mcp_server import build_mcp

    store = open_configured_store()
    attach_knowledge(store, warm=True)
    server = build_mcp(store, merchant_key, agent_key=agent_key)
    if transport == "stdio":
        server.run("stdio")
    else:
        server.run("streamable-http", host=host, port=port)


def _check_merchant_key(key: str) -> None:
    """Raise the merchant-key error unless ``key`` belongs to a merchant of the store."""
    from knowledge.db import make_engine
    from knowledge.merchants import authenticate
    from knowledge.settings import Settings

    engine = make_engine(Settings())
    try:
        authenticate(engine, key)
    finally:
        engine.dispose()


@merchant_app.command("create")
def merchant_create(name: str) -> None:
    """Create a merchant and print its API key (shown once; only a hash is stored)."""
    from knowledge.merchants import create_merchant

    try:
        merchant, key = create_merchant(open_configured_store().engine, name=name)
    except ShopmageError as exc:
        fail(str(exc))
    console.print(f"merchant {merchant.id} ({merchant.name}) created")
    print(f"API key: {key}")


@bench_app.command("retrieval")
def bench_retrieval(sizes: str = "1000,10000,100000", queries: int = 200,
                    as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Import+index rate, hybrid search p50/p95 at several catalogue sizes, peak RSS."""
    from evals.bench_retrieval import run_benchmark

    figures = run_benchmark([int(s) for s in sizes.split(",")], n_queries=queries,
                            log=None if as_json else console.print)
    print(json.dumps(figures) if as_json else json.dumps(figures, indent=2))


@bench_app.command("simulate")
def bench_simulate(opportunities: int = 1_000_000, days: int = 14,
                   as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Time one campaign simulation (default: 14 days, 1M opportunities)."""
    from tools.campaigns.bench import bench_simulation

    figures = bench_simulation(opportunities, days)
    print(json.dumps(figures) if as_json else json.dumps(figures, indent=2))


@merchant_app.command("assign")
def merchant_assign(name: str, brand: Annotated[list[str], typer.Option(
        help="give the merchant every product of this brand")]) -> None:
    """Give a merchant products (all products of the named brands)."""
    from sqlmodel import Session, select

    from knowledge.models import Merchant
    from tools.campaigns.service import assign_products

    store = open_configured_store()
    with Session(store.engine) as session:
        merchant = session.exec(select(Merchant).where(Merchant.name == name)).first()
    if merchant is None:
        fail(f"no merchant named {name!r}")
        return
    console.print(f"{assign_products(store.engine, merchant.id, brands=brand)} products assigned")


@bench_app.command("load")
def bench_load(sessions: int = 20, seconds: float = 120.0, url: str | None = None,
               as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Concurrent WebSocket shopper sessions: throughput, TTFT and turn latency, errors, RSS."""
    from evals.bench_load import run_load

    figures = run_load(sessions, seconds, url=url)
    print(json.dumps(figures) if as_json else json.dumps(figures, indent=2))


@bench_app.command("soak")
def bench_soak(sessions: int = 10_000, concurrency: int = 16, url: str | None = None,
               as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Many distinct shopper sessions, 2 turns each: server RSS growth after warm-up."""
    from evals.bench_soak import run_soak

    figures = run_soak(sessions, concurrency, url=url)
    print(json.dumps(figures) if as_json else json.dumps(figures, indent=2))


def main() -> None:
    """Entry point of the ``shopmage`` console command."""
    try:
        app()
    except ShopmageError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise SystemExit(1) from exc


if __name__ == "__main__":
    main()
