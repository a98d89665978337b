"""``shopmage train understanding|ranker|gate|extraction``: build the learned models from the repo.

Trains (seeded, deterministic) the shopper intent classifier, the slot tagger and the
merchant intent classifier, each cached by ``knowledge.artefacts.built_artefact`` under
``SHOPMAGE_MODEL_CACHE_DIR``. Without ``--force`` a model already built from the same files
is only loaded. The same builders run on first start when a model is missing.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

train_app = typer.Typer(help="Train the learned models from files in the repo.",
                        no_args_is_help=True)


def _shopper(settings: Any, embedder: Any) -> None:
    from agents.understanding.intent import shopper_intent_cascade

    shopper_intent_cascade(embedder, settings.model_cache_dir)


def _tagger(settings: Any, embedder: Any) -> None:
    from knowledge.nlp.tagger import train_for

    train_for(settings)


def _merchant(settings: Any, embedder: Any) -> None:
    from agents.merchant.understand import intent_model

    intent_model(settings, embedder)


MODELS: dict[str, tuple[str, Callable[[Any, Any], None]]] = {
    "shopper-intent": ("shopper-intent", _shopper),
    "tagger": ("slot-tagger", _tagger),
    "merchant-intent": ("merchant-intent", _merchant),
}


def _forget(cache_dir: Path, prefix: str) -> None:
    for folder in Path(cache_dir).glob(f"{prefix}-*"):
        if folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)


@train_app.command("understanding")
def understanding(force: Annotated[bool, typer.Option(
        help="rebuild even when a model built from the same files exists")] = False,
                  only: Annotated[str | None, typer.Option(
                      help="one of: shopper-intent, tagger, merchant-intent")] = None) -> None:
    """Train the shopper intent model, the slot tagger and the merchant intent model."""
    from knowledge.embeddings import Embedder
    from knowledge.settings import Settings

    if only is not None and only not in MODELS:
        raise typer.BadParameter(f"--only must be one of {', '.join(MODELS)}, not {only!r}")
    settings = Settings()
    embedder = Embedder(settings)
    began, used = time.perf_counter(), _cpu_seconds()
    names = [name for name in MODELS if not only or name == only]
    if force:
        for name in names:
            _forget(settings.model_cache_dir, MODELS[name][0])
    side = None
    if "tagger" in names and len(names) > 1:  # the CRF trains on the other core meanwhile
        side = _start(_tagger_in_process, settings.model_cache_dir)
        names.remove("tagger")
    for name in names:
        started = time.perf_counter()
        try:
            MODELS[name][1](settings, embedder)
        except ImportError as exc:
            typer.echo(f"{name}: not available ({exc})")
            continue
        typer.echo(f"{name}: ready in {time.perf_counter() - started:.1f} s "
                   f"(cache: {settings.model_cache_dir})")
    if side is not None:
        side.join()
        if side.exitcode != 0:
            typer.echo(f"tagger: training failed (exit code {side.exitcode})", err=True)
            raise typer.Exit(1)
        typer.echo(f"tagger: ready in {time.perf_counter() - began:.1f} s, in parallel "
                   f"(cache: {settings.model_cache_dir})")
    typer.echo(f"all: {time.perf_counter() - began:.1f} s wall, "
               f"{_cpu_seconds() - used:.1f} s CPU (target: under 120 s on 2 cores)")


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its finished child processes."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def _tagger_in_process(cache_dir: Path) -> None:
    from knowledge.nlp.tagger import tagger_folder

    tagger_folder(cache_dir)


def _start(target: Callable[[Path], None], cache_dir: Path) -> Any:
    """Run ``target(cache_dir)`` in a fresh process (spawned: no shared model state)."""
    process = multiprocessing.get_context("spawn").Process(target=target, args=(cache_dir,))
    process.start()
    return process


def _built(label: str, name: str, force: bool, build: Callable[[Any, Any], Path]) -> None:
    """Build (or load) one cached model with ``build(settings, embedder)`` and say how long."""
    from knowledge.embeddings import Embedder
    from knowledge.settings import Settings

    settings = Settings()
    if force:
        _forget(settings.model_cache_dir, name)
    began, used = time.perf_counter(), _cpu_seconds()
    folder = build(settings, Embedder(settings))
    typer.echo(f"{label}: ready in {time.perf_counter() - began:.1f} s wall, "
               f"{_cpu_seconds() - used:.1f} s CPU (cache: {folder})")


@train_app.command("ranker")
def ranker(force: Annotated[bool, typer.Option(
        help="rebuild even when a model built from the same files exists")] = False) -> None:
    """Train the learned ranker from the repo's ESCI judgments (search uses it when enabled)."""
    from knowledge.ranking.reranker import NAME, model_folder

    _built("ranker", NAME, force, model_folder)


@train_app.command("gate")
def gate(force: Annotated[bool, typer.Option(
        help="rebuild even when a gate built from the same files exists")] = False) -> None:
    """Train the served-line gate from the repo's labelled served lines (cards use it)."""
    from knowledge.graph.gate import NAME, gate_folder

    _built("served-line gate", NAME, force, lambda settings, embedder: gate_folder(
        settings.model_cache_dir, embedder.embed_cached, embedder.model_name))


@train_app.command("extraction")
def extraction(force: Annotated[bool, typer.Option(
        help="rebuild even when a filter built from the same files exists")] = False,
               seed: Annotated[int, typer.Option(min=0, help="the training seed")] = 0,
               gold: Annotated[list[Path] | None, typer.Option(
                   help="train on these gold sets instead (at least two; writes --out)")] = None,
               out: Annotated[Path | None, typer.Option(
                   help="write the model JSON here instead of the model cache")] = None) -> None:
    """Train the calibrated extraction filter from the repo's labelled ESCI gold sets."""
    from knowledge.extraction.calibration_model import MODEL_FILE, build_filter, filter_folder
    from knowledge.extraction.calibration_train import NAME
    from knowledge.settings import Settings

    if gold and out is None:
        raise typer.BadParameter("--gold trains a one-off model: name the file with --out")
    began, used = time.perf_counter(), _cpu_seconds()
    if out is not None:
        try:
            model = build_filter(list(gold) if gold else None, seed=seed)
        except ValueError as exc:
            typer.echo(f"extraction filter: {exc}", err=True)
            raise typer.Exit(2) from exc
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(model, sort_keys=True), encoding="utf-8")
        where = out
    else:
        settings = Settings()
        if force:
            _forget(settings.model_cache_dir, NAME)
        where = filter_folder(settings.model_cache_dir, seed) / MODEL_FILE
        model = json.loads(where.read_text(encoding="utf-8"))
    cuts = ", ".join(f"{k} {v:.2f}" for k, v in model["thresholds"].items() if k != "default")
    typer.echo(f"extraction filter: threshold {model['thresholds']['default']:.2f}"
               f"{f' ({cuts})' if cuts else ''}, trained on "
               f"{len(model['trained_on'])} gold sets; ready in "
               f"{time.perf_counter() - began:.1f} s wall, {_cpu_seconds() - used:.1f} s CPU "
               f"({where})")
