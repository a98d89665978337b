"""Intent routing: a small safety layer, then the trained classifier decides.

The classifier (agents/understanding/intent.py) reads the message and the conversation
context (products on screen, cart, whether the message points at something) and returns
calibrated probabilities. The safety layer (agents/understanding/safety.py) only catches
prompt injection, requests for other people's data or credentials, and store operations.

Optionally, when the model is unsure and a model backend is given, the LLM picks among the
top intents under a JSON schema (an enum: it cannot invent one). Off in the live service by
default, so the understanding path never waits on the LLM.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from agents.understanding.cascade import CascadeClassifier
from agents.understanding.classifier import TextClassifier
from agents.understanding.intent import INTENTS, context_features, shopper_intent_cascade
from agents.understanding.safety import safety_rule
from knowledge.embeddings import Embedder
from knowledge.settings import Settings

LOW_CONFIDENCE = 0.45

__all__ = ["INTENTS", "Intent", "IntentRouter"]


@dataclass
class Intent:
    """The routed intent with its confidence and how it was decided."""

    name: str
    confidence: float
    source: str  # "model", "rule", "llm"
    scores: dict[str, float] | None = None
    rule: str | None = None


class IntentRouter:
    """Route shopper messages to one of :data:`INTENTS`; build once, share between sessions."""

    def __init__(self, embedder: Embedder, llm: Any = None, *, cache_dir: Path | None = None,
                 model: TextClassifier | CascadeClassifier | None = None) -> None:
        """Load (training once if needed) the intent models; ``llm`` enables the fallback.

        The default model is the cascade: n-grams first, the sentence vector when unsure.
        """
        self.embedder, self.llm = embedder, llm
        folder = cache_dir or Settings().model_cache_dir
        self.model = model or shopper_intent_cascade(embedder, folder)

    def route(self, text: str, *, results: int = 0, cart: int = 0) -> Intent:
        """Route ``text`` said with ``results`` products on screen and ``cart`` items."""
        rule = safety_rule(text)
        if rule:
            return Intent("out_of_scope", 1.0, "rule", rule=rule)
        scores = self.model.proba(text, context_features(text, results, cart))
        best = max(scores, key=scores.__getitem__)
        intent = Intent(best, scores[best], "model", scores)
        if intent.confidence < LOW_CONFIDENCE and self.llm is not None:
            ranked = sorted(scores, key=lambda k: -scores[k])[:4]
            picked = self._ask_llm(text, ranked)
            if picked:
                return Intent(picked, intent.confidence, "llm", scores)
        return intent

    def route_many(self, texts: list[str], contexts: list[tuple[int, int]] | None = None
                   ) -> list[Intent]:
        """Route many texts at once (batched embeddings, no LLM fallback), for evals.

        Decides exactly as :meth:`route` does (same rules, same model, same features).
        """
        pairs = contexts or [(0, 0)] * len(texts)
        feats = [context_features(t, r, c) for t, (r, c) in zip(texts, pairs, strict=True)]
        predicted = self.model.predict_many(texts, feats)
        out = []
        for text, (label, confidence) in zip(texts, predicted, strict=True):
            rule = safety_rule(text)
            out.append(Intent("out_of_scope", 1.0, "rule", rule=rule) if rule
                       else Intent(label, confidence, "model"))
        return out

    def _ask_llm(self, text: str, candidates: list[str]) -> str | None:
        schema = {"type": "object", "properties": {"intent": {"enum": candidates}},
                  "required": ["intent"]}
        messages = [
            {"role": "system", "content": "Classify the shopper message. Choose one intent: "
             + ", ".join(candidates) + "."},
            {"role": "user", "content": text[:300]},
        ]
        try:
            value = self.llm.complete_json(messages, schema, max_tokens=20, temperature=0.0)
        except Exception:  # noqa: BLE001 - the model's answer stands when the LLM fails
            return None
        picked = value.get("intent")
        return picked if picked in candidates else None
