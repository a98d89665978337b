"""``shopmage understand``: print what the assistant understood from a message.

``shopmage understand "how much is it?" --results 5 --json`` prints one JSON object
``{intent, confidence, slots, source}``; ``--file F.jsonl`` reads one
``{"text", "role"?, "results"?, "cart"?}`` per line and writes one object per line. The
evals call the same :class:`agents.understanding.explain.MessageUnderstanding`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from knowledge.errors import ShopmageError


def _understanding() -> Any:
    from agents.understanding.explain import MessageUnderstanding
    from agents.understanding.vocabulary import Vocabulary, vocabulary_from_engine
    from knowledge.embeddings import Embedder
    from knowledge.settings import Settings

    settings = Settings()
    vocabulary = Vocabulary.from_products([])
    if settings.database_url or (settings.data_dir / "shopmage.db").is_file():
        from knowledge.db import make_engine

        engine = make_engine(settings)
        vocabulary = vocabulary_from_engine(engine)
        engine.dispose()
    return MessageUnderstanding(settings, Embedder(settings), vocabulary)


def _rows(path: Path) -> list[dict[str, Any]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise typer.BadParameter(f"{path}:{n}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            raise typer.BadParameter(f"{path}:{n}: expected an object with a \"text\" string")
        rows.append(row)
    return rows


def _show(out: dict[str, Any], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False))
        return
    if "error" in out:
        typer.echo(f"error: {out['error']}")
        return
    typer.echo(f"intent: {out['intent']} ({out['confidence']:.2f}, {out['source']})")
    for key, value in out["slots"].items():
        typer.echo(f"  {key}: {value}")


def understand(
        text: Annotated[str | None, typer.Argument(help="the message")] = None,
        role: Annotated[str, typer.Option(help="shopper or merchant")] = "shopper",
        results: Annotated[int, typer.Option(min=0, help="products on screen")] = 0,
        cart: Annotated[int, typer.Option(min=0, help="items in the cart")] = 0,
        file: Annotated[Path | None, typer.Option(
            "--file", exists=True, dir_okay=False,
            help="JSONL: one {text, role?, results?, cart?} per line")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="one JSON object per message")
                           ] = False) -> None:
    """Print the intent, confidence, slots and source the assistant reads from a message."""
    if (text is None) == (file is None):
        raise typer.BadParameter("give either TEXT or --file, not both or neither")
    if role not in ("shopper", "merchant"):
        raise typer.BadParameter(f"--role must be shopper or merchant, not {role!r}")
    rows = _rows(file) if file else [{"text": text, "role": role, "results": results,
                                      "cart": cart}]
    try:
        reader = _understanding()
    except ShopmageError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from exc
    failed = False
    for row in rows:
        out = reader.understand(row["text"], str(row.get("role") or role),
                                int(row.get("results") or 0), int(row.get("cart") or 0))
        failed = failed or "error" in out
        _show(out, as_json or file is not None)
    sys.stdout.flush()
    if failed and file is None:
        raise typer.Exit(1)
