"""``shopmage knowledge``: build, review, export, import, explain."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli.common import console, fail, open_configured_store
from knowledge.errors import ShopmageError

knowledge_app = typer.Typer(help="Commonsense product knowledge (COSMO-style).",
                            no_args_is_help=True)


@knowledge_app.command("build")
def build(sources: str = "seed,mining", llm_limit: int = 30) -> None:
    """Build from the sources (mining, llm, seed), filter with the critics, store."""
    from knowledge.graph.build import build_knowledge

    try:
        chosen = tuple(s.strip() for s in sources.split(",") if s)
        stats = build_knowledge(open_configured_store(), chosen, llm_limit=llm_limit)
    except (ShopmageError, ValueError) as exc:
        fail(str(exc))
    console.print_json(json.dumps(stats))


@knowledge_app.command("review")
def review(file: Annotated[Path | None, typer.Option(
        help="JSONL of {id, decision}; without it, review interactively")] = None,
           limit: int = 20) -> None:
    """Accept or reject candidate assertions (interactively or from a file)."""
    from knowledge.graph.review import apply_decisions, decide, review_queue

    store = open_configured_store()
    if file is not None:
        try:
            console.print(f"applied {apply_decisions(store.engine, file)} decisions")
        except ShopmageError as exc:
            fail(str(exc))
        return
    queue = review_queue(store.engine, limit)
    if not queue:
        console.print("the review queue is empty")
    for a in queue:
        console.print(f"[bold]#{a.id}[/bold] ({a.head}, {a.relation}, {a.tail}) "
                      f"score {a.score:.2f} source {a.source} evidence {a.evidence}")
        answer = typer.prompt("accept / reject / skip / quit", default="skip")
        if answer.startswith("q"):
            break
        if answer[:1] in ("a", "r"):
            decide(store.engine, a.id or 0, "accept" if answer[0] == "a" else "reject")


@knowledge_app.command("export")
def export(file: Path, status: str | None = None) -> None:
    """Write assertions as JSONL."""
    from knowledge.graph.io import export_assertions

    count = export_assertions(open_configured_store().engine, file, status=status)
    console.print(f"exported {count} assertions")


@knowledge_app.command("import")
def import_(file: Path) -> None:
    """Import assertions from JSONL (all rows or none)."""
    from knowledge.graph.io import import_assertions

    try:
        count = import_assertions(open_configured_store().engine, file)
        console.print(f"imported {count} assertions")
    except ShopmageError as exc:
        fail(str(exc))


@knowledge_app.command("explain")
def explain(query: str) -> None:
    """What a query means: audiences, intents, needed attributes, categories, evidence."""
    from knowledge.graph.serve import KnowledgeExpander

    exp = KnowledgeExpander(open_configured_store()).expand(query)
    if exp.empty:
        console.print(f"no known intent or audience in {query!r}: search will use its words only")
        return
    table = Table("what", "value")
    table.add_row("audiences", ", ".join(exp.audiences) or "-")
    table.add_row("intents", ", ".join(exp.intents) or "-")
    table.add_row("needs", ", ".join(f"{k} ({v:.2f})" for k, v in sorted(
        exp.attributes.items(), key=lambda kv: -kv[1])))
    table.add_row("categories", ", ".join(exp.categories) or "-")
    console.print(table)
    for ev in exp.evidence[:8]:
        console.print(f"  because ({ev.head}, {ev.relation}, {ev.tail}) "
                      f"\\[{ev.source}, {ev.score:.2f}]")
