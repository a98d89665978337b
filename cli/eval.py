"""``shopmage eval``: run an evaluation suite, list suites, compare two runs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from cli.common import console, fail
from knowledge.errors import ShopmageError

eval_app = typer.Typer(help="Offline evaluation: run suites, write reports, compare runs.",
                       no_args_is_help=True, pretty_exceptions_enable=False)


def _say(message: str) -> None:
    console.print(f"[dim]{escape(message)}[/dim]", highlight=False)


@eval_app.command("run")
def run(
    suite: Annotated[str, typer.Option(help="suite name, e.g. retrieval")],
    out: Annotated[Path, typer.Option(help="folder for results.json and report.html")],
    data: Annotated[Path | None, typer.Option(help="dataset (default: the suite's own)")] = None,
    seed: Annotated[int, typer.Option(help="random seed")] = 0,
    engines: Annotated[str, typer.Option(
        help="embedded: fresh SQLite + on-disk Chroma; configured: fresh stores on the "
             "SHOPMAGE_DATABASE_URL / SHOPMAGE_CHROMA_URL engines")] = "embedded",
) -> None:
    """Run one suite; write results.json and report.html under --out."""
    import json

    from evals.harness import run_suite
    from knowledge.settings import Settings

    try:
        path = run_suite(suite, out, data=data, settings=Settings(), seed=seed, progress=_say,
                         engines=engines)
    except ShopmageError as exc:
        fail(str(exc))
        return
    results = json.loads(path.read_text(encoding="utf-8"))
    console.print(_metrics_table(results["metrics"], f"suite {suite}"))
    console.print(f"wrote {path} and {path.parent / 'report.html'}", highlight=False)


def _metrics_table(metrics: dict[str, dict[str, float]], title: str) -> Table:
    names: list[str] = []
    for values in metrics.values():
        names.extend(m for m in values if m not in names)
    table = Table("system", *names, title=title)
    for system, values in metrics.items():
        table.add_row(system, *[f"{values[m]:.4f}" if m in values else "-" for m in names])
    return table


@eval_app.command("list")
def list_suites() -> None:
    """List the suites that can be run."""
    from evals.harness import available_suites

    for name in available_suites():
        console.print(name, highlight=False)


@eval_app.command("compare")
def compare(run_a: Path, run_b: Path) -> None:
    """Compare two runs (folders or results.json): A, B, delta and relative delta."""
    from evals.compare import compare_results, fmt

    try:
        comparison = compare_results(run_a, run_b)
    except ShopmageError as exc:
        fail(str(exc))
        return
    title = f"A: {comparison.suite_a} ({run_a})  B: {comparison.suite_b} ({run_b})"
    table = Table("system", "metric", "A", "B", "delta", "rel", "note", title=title)
    for r in comparison.rows:
        table.add_row(r.system, r.metric, fmt(r.a), fmt(r.b), fmt(r.delta, signed=True),
                      fmt(r.relative, percent=True), "" if r.status == "both" else r.status)
    console.print(table)
