"""``shopmage agent``: API keys for outside AI shopping agents (UCP), and their UCP bench."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from knowledge.errors import ShopmageError

if TYPE_CHECKING:
    from sqlalchemy import Engine

agent_app = typer.Typer(help="Outside AI shopping agents (UCP over REST and MCP).",
                        no_args_is_help=True)
console = Console()


def _engine() -> Engine:
    from knowledge.db import make_engine
    from knowledge.settings import Settings

    return make_engine(Settings())


@agent_app.command("create")
def create(name: str, rate_limit: Annotated[str, typer.Option(
        help="requests allowed per key, e.g. 120/minute")] = "120/minute") -> None:
    """Create an agent (role ``agent``) and print its API key (shown once; only a hash is kept)."""
    from knowledge.agents import create_agent

    try:
        agent, key = create_agent(_engine(), name=name, rate_limit=rate_limit)
    except ShopmageError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    console.print(f"agent {agent.id} ({agent.name}) created, limit {agent.rate_limit}")
    print(f"API key: {key}")


@agent_app.command("list")
def list_agents() -> None:
    """Every agent, and agent-driven sales by channel."""
    from knowledge.agents import list_agents as all_agents
    from knowledge.checkouts import sales_by_channel

    engine = _engine()
    table = Table("id", "name", "rate limit", "created")
    for agent in all_agents(engine):
        table.add_row(agent.id, agent.name, agent.rate_limit, agent.created_at.isoformat())
    console.print(table)
    console.print(f"sales by channel: {json.dumps(sales_by_channel(engine))}")


def bench_ucp_search(products: int = 5000, queries: int = 200, warmup: int = 20,
                     data_dir: Annotated[Path | None, typer.Option(
                         help="reuse (or build into) this store folder")] = None,
                     as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """p50/p95 latency of UCP catalog search over REST on a fresh demo store (N products)."""
    from evals.bench_ucp import run_bench

    figures = run_bench(products=products, queries=queries, warmup=warmup,
                        log=None if as_json else console.print, data_dir=data_dir)
    print(json.dumps(figures) if as_json else json.dumps(figures, indent=2))
