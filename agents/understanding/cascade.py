"""Two-stage intent scoring: an n-gram model first, the sentence-vector model when it is unsure.

The n-gram model (word and character TF-IDF plus the conversation features, no embedding)
costs about a millisecond; the full model adds the MiniLM sentence vector, whose forward
pass is most of the understanding time of an unseen message. The cascade answers with the
n-gram model when its calibrated top probability reaches ``threshold`` and asks the full
model otherwise, so most messages never wait on the embedding. The threshold is chosen on
the dev rows (see ``evals.intent_cascade``), never on test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from agents.understanding.classifier import Predicts, TextClassifier


class CascadeClassifier(Predicts):
    """``proba``/``predict``/``predict_many`` like :class:`TextClassifier`, cheap model first."""

    def __init__(self, cheap: TextClassifier, full: TextClassifier, threshold: float) -> None:
        """Both models must share their labels; ``threshold`` in [0, 1] (above 1: always full)."""
        if cheap.labels != full.labels:
            raise ValueError(f"the two models disagree on labels: {cheap.labels} vs "
                             f"{full.labels}")
        self.cheap, self.full, self.threshold = cheap, full, threshold
        self.labels = list(full.labels)
        self.last_stage = "cheap"

    def proba(self, text: str, context: Mapping[str, Any] | None = None) -> dict[str, float]:
        """Probabilities from the n-gram model, or from the full model when it is unsure."""
        scores = self.cheap.proba(text, context)
        if max(scores.values()) >= self.threshold:
            self.last_stage = "cheap"
            return scores
        self.last_stage = "full"
        return self.full.proba(text, context)

    def predict_many(self, texts: Sequence[str],
                     contexts: Sequence[Mapping[str, Any]] | None = None
                     ) -> list[tuple[str, float]]:
        """Decide many texts as :meth:`proba` would; only the unsure ones are embedded."""
        ctx = list(contexts) if contexts is not None else [{} for _ in texts]
        out = self.cheap.predict_many(texts, ctx)
        unsure = [i for i, (_, p) in enumerate(out) if p < self.threshold]
        if unsure:
            again = self.full.predict_many([texts[i] for i in unsure], [ctx[i] for i in unsure])
            for i, answer in zip(unsure, again, strict=True):
                out[i] = answer
        return out
