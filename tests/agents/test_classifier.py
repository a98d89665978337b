"""The reusable text classifier: deterministic training, save/load, cached artefact."""

from __future__ import annotations

import json
from pathlib import Path

from agents.understanding.classifier import (
    ClassifierConfig,
    TextClassifier,
    split_of,
    trained_classifier,
)
from agents.understanding.intent import CORPUS, asks, context_features, refers
from knowledge.embeddings import Embedder

ROWS = [json.loads(line) for line in CORPUS.read_text().splitlines()[::12]]
CONFIG = ClassifierConfig(context_keys=("results_shown", "refers"), c=8.0)


def _rows() -> list[dict[str, object]]:
    return [{**r, **context_features(str(r["text"]), int(r["results"]), int(r["cart"]))}
            for r in ROWS if split_of(str(r["text"])) == "train"]


def test_training_is_deterministic_and_survives_save_load(embedder: Embedder,
                                                           tmp_path: Path) -> None:
    rows = _rows()
    first = TextClassifier(CONFIG, embedder).fit(rows)
    second = TextClassifier(CONFIG, embedder).fit(rows)
    probe = ["is the second one waterproof", "rain jacket for kids", "where is my parcel"]
    ctx = {"results_shown": 1.0, "refers": 1.0}
    assert [first.proba(t, ctx) for t in probe] == [second.proba(t, ctx) for t in probe]
    for text in probe:  # the numpy fast path gives scikit-learn's own probabilities
        fast = list(first.proba(text, ctx).values())
        assert max(abs(a - b) for a, b in zip(fast, first.sklearn_proba(text, ctx),
                                              strict=True)) < 1e-9
    first.save(tmp_path)
    loaded = TextClassifier.load(tmp_path, embedder)
    assert [loaded.predict(t, ctx) for t in probe] == [first.predict(t, ctx) for t in probe]


def test_trained_classifier_builds_once_from_its_sources(embedder: Embedder,
                                                         tmp_path: Path) -> None:
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    model = trained_classifier(tmp_path / "cache", "toy", "1", [source], embedder, CONFIG)
    built = list((tmp_path / "cache").glob("toy-*"))
    again = trained_classifier(tmp_path / "cache", "toy", "1", [source], embedder, CONFIG)
    assert len(built) == 1 and list((tmp_path / "cache").glob("toy-*")) == built
    assert model.predict("do you ship to canada") == again.predict("do you ship to canada")


def test_refers_reads_references_from_text() -> None:
    assert refers("how much is it?") and refers("the second one please") and refers("#2")
    assert not refers("rain jacket for hiking") and not refers("do you ship to canada")


def test_asks_reads_questions_about_things_not_requests_to_act() -> None:
    assert asks("is the frying pan oven safe") and asks("hmm, how heavy is it?")
    assert asks("r they waterproof") and asks("whats the warranty on the second one")
    assert not asks("do you have tents") and not asks("can you show me cheaper ones")
    assert not asks("what about tents") and not asks("rain jacket for hiking")
    ctx = context_features("is the frying pan oven safe", results=4)
    assert ctx["asks_on_screen"] == 1.0
    assert context_features("is the frying pan oven safe")["asks_on_screen"] == 0.0
