"""Choose the cascade threshold on dev: accuracy and share of messages that need the embedding.

For each threshold the live decision (``MessageUnderstanding.shopper``: safety rules, the
cascade, the state adjustments) is scored on the dev rows only (the hand-written eval set's
dev half and the corpus's dev split). The threshold in ``agents.understanding.intent`` is the
lowest whose dev accuracy stays within ``--tolerance`` of the full model's (threshold above 1).

    python -m evals.intent_cascade [--thresholds 0.5,0.6,0.7,0.8,0.9,1.01]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from agents.understanding.explain import MessageUnderstanding
from agents.understanding.intent import ngram_intent_model, shopper_intent_model
from agents.understanding.router import IntentRouter
from evals.intent_figures import intent_metrics, labelled_sets, model_predictor


def sweep(thresholds: list[float], names: tuple[str, ...] = ("eval_dev", "corpus_dev")
          ) -> list[dict[str, Any]]:
    """One row per (threshold, set): accuracy, macro-F1, PQ recall, share embedded."""
    from agents.understanding.cascade import CascadeClassifier
    from agents.understanding.vocabulary import Vocabulary
    from knowledge.embeddings import Embedder
    from knowledge.settings import Settings

    settings = Settings()
    embedder = Embedder(settings)
    cheap = ngram_intent_model(embedder, settings.model_cache_dir)
    full = shopper_intent_model(embedder, settings.model_cache_dir)
    sets = labelled_sets()
    rows: list[dict[str, Any]] = []
    for threshold in thresholds:
        model = CascadeClassifier(cheap, full, threshold)
        router = IntentRouter(embedder, cache_dir=settings.model_cache_dir, model=model)
        reader = MessageUnderstanding(settings, embedder, Vocabulary.from_products([]), router)
        for name in names:
            stages: list[str] = []
            figures, _ = intent_metrics(sets[name], _counting(model, reader, stages))
            rows.append({"threshold": threshold, "set": name, **figures,
                         "share_embedded": stages.count("full") / max(1, len(stages))})
    return rows


def _counting(model: Any, reader: MessageUnderstanding, stages: list[str]
              ) -> Callable[[dict[str, Any]], str]:
    """The live decision, noting which stage of ``model`` decided each message."""
    predict = model_predictor(reader)

    def counted(r: dict[str, Any]) -> str:
        model.last_stage = "rule"  # stays so when a safety rule decides
        label = predict(r)
        stages.append(str(model.last_stage))
        return label
    return counted


def main() -> None:
    """Print the sweep (dev rows only)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--thresholds", default="0.5,0.6,0.7,0.8,0.85,0.9,0.95,1.01")
    parser.add_argument("--sets", default="eval_dev,corpus_dev")
    args = parser.parse_args()
    values = [float(x) for x in args.thresholds.split(",")]
    for row in sweep(values, tuple(args.sets.split(","))):
        print(row["threshold"], row["set"], {k: round(float(v), 3) for k, v in row.items()
                                              if k not in ("threshold", "set")})


if __name__ == "__main__":
    main()
