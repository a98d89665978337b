"""The two-stage intent model: n-grams first, the sentence-vector model only when unsure."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from agents.understanding.cascade import CascadeClassifier
from agents.understanding.classifier import ClassifierConfig, TextClassifier, split_of
from agents.understanding.intent import CORPUS, context_features
from knowledge.embeddings import Embedder

ROWS = [json.loads(line) for line in CORPUS.read_text().splitlines()[::10]]
FULL = ClassifierConfig(context_keys=("results_shown", "refers"), c=8.0)
CHEAP = dataclasses.replace(FULL, embedding_weight=0.0)
PROBE = ["is the second one waterproof", "rain jacket for kids", "where is my parcel",
         "hiya", "what's in my basket", "compare the first two"]
CTX = [{"results_shown": 1.0, "refers": 1.0}, {}, {}, {}, {}, {"results_shown": 1.0}]


class CountingEmbedder:
    """The real embedder, counting the texts it is asked to embed."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.calls = inner, 0

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        return self.inner.embed(texts)

    def embed_query(self, text: str) -> np.ndarray:
        self.calls += 1
        return self.inner.embed_query(text)


@pytest.fixture(scope="module")
def models(embedder: Embedder) -> tuple[TextClassifier, TextClassifier, CountingEmbedder]:
    rows = [{**r, **context_features(str(r["text"]), int(r["results"]), int(r["cart"]))}
            for r in ROWS if split_of(str(r["text"])) == "train"]
    counting = CountingEmbedder(embedder)
    cheap = TextClassifier(CHEAP, counting).fit(rows)  # type: ignore[arg-type]
    full = TextClassifier(FULL, counting).fit(rows)  # type: ignore[arg-type]
    return cheap, full, counting


def test_the_ngram_model_never_embeds(models: tuple[TextClassifier, TextClassifier,
                                                    CountingEmbedder]) -> None:
    cheap, _, counting = models
    before = counting.calls
    for text, ctx in zip(PROBE, CTX, strict=True):
        cheap.proba(text, ctx)
    assert counting.calls == before


def test_thresholds_pick_the_stage(models: tuple[TextClassifier, TextClassifier,
                                                 CountingEmbedder]) -> None:
    cheap, full, counting = models
    always_full = CascadeClassifier(cheap, full, threshold=1.01)
    never_full = CascadeClassifier(cheap, full, threshold=0.0)
    for text, ctx in zip(PROBE, CTX, strict=True):
        assert always_full.proba(text, ctx) == full.proba(text, ctx)
        assert always_full.last_stage == "full"
        before = counting.calls
        assert never_full.proba(text, ctx) == cheap.proba(text, ctx)
        assert never_full.last_stage == "cheap" and counting.calls == before


def test_unsure_messages_go_to_the_full_model(models: tuple[TextClassifier, TextClassifier,
                                                            CountingEmbedder]) -> None:
    cheap, full, _ = models
    tops = [max(cheap.proba(t, c).values()) for t, c in zip(PROBE, CTX, strict=True)]
    middle = sorted(tops)[len(tops) // 2]
    cascade = CascadeClassifier(cheap, full, threshold=middle)
    stages, singles = [], []
    for text, ctx, top in zip(PROBE, CTX, tops, strict=True):
        singles.append(cascade.predict(text, ctx))
        stages.append(cascade.last_stage)
        assert stages[-1] == ("cheap" if top >= middle else "full")
    assert "cheap" in stages and "full" in stages
    batched = cascade.predict_many(PROBE, CTX)
    assert [label for label, _ in batched] == [label for label, _ in singles]


def test_models_with_other_labels_are_refused(models: tuple[TextClassifier, TextClassifier,
                                                            CountingEmbedder]) -> None:
    cheap, full, _ = models
    two = [r for r in ROWS if r["label"] in ("search", "chit_chat")]
    other = TextClassifier(CHEAP, None).fit(two)
    with pytest.raises(ValueError, match="disagree on labels"):
        CascadeClassifier(other, full, threshold=0.5)
    assert CascadeClassifier(cheap, full, 0.5).labels == full.labels
