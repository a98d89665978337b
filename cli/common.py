"""What every command shares: the console, opening the configured store, failing clearly."""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

if TYPE_CHECKING:
    from knowledge.store import Store

console = Console()


def open_configured_store() -> Store:
    """The store the ``SHOPMAGE_*`` settings describe (imports stay lazy: commands start fast)."""
    from knowledge.settings import Settings
    from knowledge.store import open_store

    return open_store(Settings())


def fail(message: str) -> NoReturn:
    """Print a clear error and exit 1."""
    console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)
