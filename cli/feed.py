"""``shopmage feed``: the ACP product feed for outside AI agents."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from knowledge.errors import ShopmageError

feed_app = typer.Typer(help="Product feeds for AI agents (Agentic Commerce Protocol).",
                       no_args_is_help=True)
console = Console(stderr=True)


@feed_app.command("export")
def export(
    fmt: Annotated[str, typer.Option("--format", help="acp (JSONL per schema.feed.json) or csv")]
    = "acp",
    out: Annotated[Path | None, typer.Option(help="file to write (default: stdout)")] = None,
    base_url: Annotated[str | None, typer.Option(
        help="the store's public origin for product and image links")] = None,
) -> None:
    """Export every product; each row is validated against the ACP feed schema first."""
    from knowledge.db import make_engine
    from knowledge.settings import Settings
    from tools.feed.acp import export as write_feed

    if fmt not in ("acp", "csv"):
        console.print(f"[red]error:[/red] --format must be acp or csv, got {fmt!r}")
        raise typer.Exit(1)
    settings = Settings()
    origin = (base_url or f"http://{settings.host}:{settings.port}").rstrip("/")
    target = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        count = write_feed(make_engine(settings), fmt, target, origin)  # type: ignore[arg-type]
    except ShopmageError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        if out:
            target.close()
    console.print(f"{count} products written as {fmt}" + (f" to {out}" if out else ""))
